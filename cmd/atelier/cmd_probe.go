package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newProbeCmd is a placeholder until the probe work lands.
func newProbeCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "probe",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("probe: not built yet")
		},
	}
}
