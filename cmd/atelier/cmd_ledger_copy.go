package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
)

// newLedgerCopyCmd copies a ledger between engines (issue 11).
func newLedgerCopyCmd(g *globals) *cobra.Command {
	var from, to string
	cmd := &cobra.Command{
		Use:   "copy --from LEDGER --to LEDGER",
		Short: "Copy a ledger to a new one, SQLite or PostgreSQL, verifying both",
		Long: `copy copies a ledger (a SQLite file or a postgres:// URL) into a new one
on either engine: SQLite to PostgreSQL when an association outgrows one file,
PostgreSQL to SQLite for an offline audit copy. The source must verify (see
atelier ledger verify); the destination must be new (a new file, an empty
database or schema). Events, chain heads and bench keys are copied in one
transaction, the views rebuilt from the events with the lifecycle rules
checked, then the copy is verified: same events, same signed heads.`,
		Example: "  atelier ledger copy --from ~/.local/share/atelier/ledger.db --to postgres://atelier@db.example/hub\n" +
			"  atelier ledger copy --from postgres://atelier@db.example/hub --to audit-2026.db",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" {
				p, err := g.ledgerPath()
				if err != nil {
					return err
				}
				from = p
			}
			res, err := inventory.Copy(cmd.Context(), from, to, g.benchKeys(inventory.KeyDirFor(from)))
			if err != nil {
				return g.ledgerErr(err)
			}
			if g.json {
				return g.printJSON(res)
			}
			fmt.Fprintln(g.stdout, g.T("copy.done", res.Events, res.Benches, res.Units, res.From, res.To))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "ledger to copy (default: --ledger)")
	cmd.Flags().StringVar(&to, "to", "", "new ledger to create: a file or a postgres:// URL")
	cmd.MarkFlagRequired("to")
	return cmd
}
