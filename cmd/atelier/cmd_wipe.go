package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newWipeCmd is a placeholder until the wipe work lands.
func newWipeCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "wipe",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("wipe: not built yet")
		},
	}
}
