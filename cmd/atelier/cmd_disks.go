package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newDisksCmd is a placeholder until the wipe work lands.
func newDisksCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "disks",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("disks: not built yet")
		},
	}
}
