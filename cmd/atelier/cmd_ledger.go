package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newLedgerCmd is a placeholder until the ledger work lands.
func newLedgerCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "ledger",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("ledger: not built yet")
		},
	}
}
