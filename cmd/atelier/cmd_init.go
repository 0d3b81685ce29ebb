package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newInitCmd is a placeholder until the ledger work lands.
func newInitCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("init: not built yet")
		},
	}
}
