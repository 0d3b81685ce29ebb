package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newIntakeCmd is a placeholder until the intake work lands.
func newIntakeCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "intake",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("intake: not built yet")
		},
	}
}
