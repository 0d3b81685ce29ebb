package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newHandoverCmd is a placeholder until the ledger work lands.
func newHandoverCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "handover",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("handover: not built yet")
		},
	}
}
