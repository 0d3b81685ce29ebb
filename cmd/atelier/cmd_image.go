package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newImageCmd is a placeholder until the deploy work lands.
func newImageCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "image",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("image: not built yet")
		},
	}
}
