package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newDeployCmd is a placeholder until the deploy work lands.
func newDeployCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "deploy",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("deploy: not built yet")
		},
	}
}
