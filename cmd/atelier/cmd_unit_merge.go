package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
)

func newUnitMergeCmd(g *globals) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "merge KEEP OTHER --reason TEXT",
		Short: "Make one unit of the same machine registered at two benches",
		Long: `The same machine (the same serial number) registered at two benches before
they synced is two units, listed by atelier ledger conflicts. merge records
that OTHER is KEEP: OTHER leaves the lists (atelier unit show OTHER still
shows its history, and says what it became), KEEP keeps its own path, disks
and erasures (keep the unit that went further: a wipe recorded under OTHER
does not count for KEEP), and the conflict is resolved. Both are events,
synced like any other; nothing is edited. Refused when the serial numbers
differ, and when OTHER has left the workshop (keep that one instead).`,
		Example: "  atelier unit merge PCS-26-B0042 PCS-26-C0007 --reason \"one PC, two labels: C's label removed\"",
		Args:    exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				m, err := l.MergeUnits(cmd.Context(), a, args[0], args[1], reason)
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(m)
				}
				fmt.Fprintln(g.stdout, g.T("merge.done", m.Other, m.Keep))
				if m.Resolved != "" {
					fmt.Fprintln(g.stdout, g.T("merge.resolved", m.Resolved))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "how you know it is the same machine (required, kept in both timelines)")
	return cmd
}
