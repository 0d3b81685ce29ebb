package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
)

func newLedgerConflictsCmd(g *globals) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "conflicts [--all]",
		Short: "Events of two benches that contradict each other, and what to do",
		Long: `When two benches act on the same unit while apart (one hands it over, the
other sends it to recycling), the merge keeps the first event in the ledger's
order and does not apply the other: the unit never takes a path the lifecycle
forbids, and never leaves with a disk not erased. conflicts lists each event
left out, the bench that recorded it, the move that won, and the command to
resolve it once someone has checked the unit. --all includes resolved ones.`,
		Example: "  atelier ledger conflicts\n  atelier ledger resolve 01JD3M9V6K1Z8Y2X4W5T7R0QPN --note \"PC found in the recycling cage\"",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				cs, err := l.Conflicts(cmd.Context(), all)
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(cs)
				}
				if len(cs) == 0 {
					fmt.Fprintln(g.stdout, g.T("conflicts.none"))
					return nil
				}
				for _, c := range cs {
					g.printConflict(c)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include resolved conflicts")
	return cmd
}

// printConflict says what happened, on which benches, and what to do.
func (g *globals) printConflict(c inventory.Conflict) {
	lang := g.lang()
	what := g.T("conflicts.kind."+c.Kind, lang.T("state."+string(c.Wanted)))
	fmt.Fprintln(g.stdout, g.T("conflicts.line", c.Unit, c.Bench, what, lang.DateTime(c.At), c.Event))
	switch c.Reason {
	case inventory.ConflictSerial:
		fmt.Fprintln(g.stdout, "  "+g.T("conflicts.duplicate_serial", c.Other))
		if c.Resolved == "" {
			fmt.Fprintln(g.stdout, "  "+g.T("conflicts.todo.serial", c.Other, c.Unit, c.Event))
			return
		}
	case inventory.ConflictDiverged:
		fmt.Fprintln(g.stdout, "  "+g.T("conflicts.diverged", lang.T("state."+string(c.State)), c.WinnerBench, c.Winner))
	default:
		fmt.Fprintln(g.stdout, "  "+g.T("conflicts."+c.Reason, lang.T("state."+string(c.State))))
	}
	if c.Resolved != "" {
		fmt.Fprintln(g.stdout, "  "+g.T("conflicts.resolved", c.Resolved, c.Note))
		return
	}
	if c.Wanted != "" && inventory.CanMove(c.State, c.Wanted) {
		fmt.Fprintln(g.stdout, "  "+g.T("conflicts.todo.move", c.Unit, string(c.Wanted), c.Event))
	} else {
		fmt.Fprintln(g.stdout, "  "+g.T("conflicts.todo", c.Unit, c.Event))
	}
}

func newLedgerResolveCmd(g *globals) *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use:   "resolve EVENT [--note TEXT]",
		Short: "Close a conflict once the unit was checked (recorded as an event)",
		Long: `resolve records that someone checked the unit of a conflict (and, if needed,
moved it with atelier unit move): the conflict leaves the list of open ones on
every ledger it reaches by sync.`,
		Example: "  atelier ledger resolve 01JD3M9V6K1Z8Y2X4W5T7R0QPN --note \"recycled indeed\"",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := g.actor()
			if err != nil {
				return err
			}
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				c, err := l.ResolveConflict(cmd.Context(), a, args[0], note)
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(map[string]any{"event": c.Event, "unit": c.Unit, "resolved": true})
				}
				fmt.Fprintln(g.stdout, g.T("conflicts.closed", c.Event, c.Unit))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "what was found or done")
	return cmd
}
