package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
)

// newLedgerCmd holds the ledger's maintenance commands.
func newLedgerCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "ledger",
		Short:   "Ledger maintenance: rebuild the views from the events, verify the hash chain",
		Example: "  atelier ledger verify\n  atelier ledger rebuild",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newLedgerRebuildCmd(g), newLedgerVerifyCmd(g))
	return cmd
}

func newLedgerRebuildCmd(g *globals) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "rebuild",
		Short: "Recompute units, disks, wipes, sites, images and handovers from the events",
		Long: `The events are the ledger's only truth; the tables that commands read are
views computed from them. rebuild empties those views and replays every
event, in one transaction.`,
		Example: "  atelier ledger rebuild",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				res, err := l.CheckedRebuild(cmd.Context(), force)
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(res)
				}
				fmt.Fprintln(g.stdout, g.T("rebuild.done", res.Events, res.Units))
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rebuild even when the event chain is broken")
	return cmd
}

func newLedgerVerifyCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check every bench's hash chain; name the first altered or missing event",
		Long: `Each event carries the hash of its content and of the bench's previous event.
verify recomputes them all and fails, naming the first bad event, when one was
edited, removed or inserted behind atelier's back.`,
		Example: "  atelier ledger verify\n  atelier ledger verify --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				res, err := l.Verify(cmd.Context())
				if g.json {
					// An object even on failure: scripts read first_bad and
					// reason; the exit code still says it failed.
					out := map[string]any{"ok": err == nil, "events": res.Events, "benches": res.Benches}
					if err != nil {
						out["first_bad"] = res.FirstBad
						out["reason"] = g.ledgerErr(err).Error()
					}
					if perr := g.printJSON(out); perr != nil {
						return perr
					}
				}
				if err != nil {
					return err
				}
				if g.json {
					return nil
				}
				fmt.Fprintln(g.stdout, g.T("verify.ok", res.Events, res.Benches))
				return nil
			})
		},
	}
}
