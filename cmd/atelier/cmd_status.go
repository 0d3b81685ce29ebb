package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newStatusCmd answers "where is this unit?" in one plain sentence.
func newStatusCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "status UNIT",
		Short: "Say in one sentence where a unit stands (by id, serial or asset tag)",
		Example: "  atelier status PCS-26-0042\n" +
			"  PCS-26-0042 — Dell Latitude E6410 — ready, reserved for MDH Village 2 since 3 November 2026\n" +
			"  LANG=fr_FR.UTF-8 atelier status PCS-26-0042 --json",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				s, err := l.StatusOf(cmd.Context(), args[0], g.lang())
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(s)
				}
				fmt.Fprintln(g.stdout, termui.Escape(s.Sentence))
				g.printLastSync(cmd, l)
				return nil
			})
		},
	}
}
