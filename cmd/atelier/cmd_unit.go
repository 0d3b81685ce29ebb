package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newUnitCmd is a placeholder until the ledger work lands.
func newUnitCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "unit",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("unit: not built yet")
		},
	}
}
