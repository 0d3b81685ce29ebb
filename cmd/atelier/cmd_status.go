package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newStatusCmd answers "where is this unit?" in one plain sentence.
func newStatusCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "status UNIT",
		Short: "Say in one sentence where a unit stands (by id, serial or asset tag)",
		Example: "  atelier status PCS-26-0042\n" +
			"  PCS-26-0042 — Dell Latitude E6410 — ready, reserved for MDH Village 2 since 3 November 2026\n" +
			"  LANG=fr_FR.UTF-8 atelier status PCS-26-0042 --json",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				s, err := l.StatusOf(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(statusJSONOf(s, g.lang()))
				}
				fmt.Fprintln(g.stdout, termui.Escape(s.Sentence(g.lang())))
				g.printLastSync(cmd, l)
				return nil
			})
		},
	}
}

// statusJSON is `status --json`: the unit's facts and its sentence and
// warnings in the reader's language.
type statusJSON struct {
	ID       string    `json:"id"`
	Machine  string    `json:"machine"`
	State    string    `json:"state"`
	Site     string    `json:"site,omitempty"`
	Since    time.Time `json:"since"`
	Sentence string    `json:"sentence"`
	Warnings []string  `json:"warnings,omitempty"`
}

func statusJSONOf(s inventory.Status, l i18n.Lang) statusJSON {
	return statusJSON{ID: s.ID, Machine: s.Machine(l), State: s.State, Site: s.Site, Since: s.StateSince,
		Sentence: s.Sentence(l), Warnings: s.Warnings(l)}
}
