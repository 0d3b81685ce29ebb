package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newSiteCmd is a placeholder until the ledger work lands.
func newSiteCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "site",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("site: not built yet")
		},
	}
}
