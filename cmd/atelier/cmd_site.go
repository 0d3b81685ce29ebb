package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newSiteCmd manages the places units are reserved for (the MDH).
func newSiteCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "site",
		Short:   "Sites (community centres) units are reserved for and handed over at",
		Example: "  atelier site add \"MDH Village 2\"\n  atelier site list",
		Args:    noArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	add := &cobra.Command{
		Use:     "add NAME",
		Short:   "Add a site",
		Example: "  atelier site add \"MDH Village 2\"",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := g.actor()
			if err != nil {
				return err
			}
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				s, err := l.AddSite(cmd.Context(), a, strings.Join(args, " "))
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(s)
				}
				fmt.Fprintln(g.stdout, g.T("site.added", s.Name))
				return nil
			})
		},
	}
	list := &cobra.Command{
		Use:     "list",
		Short:   "List the sites",
		Example: "  atelier site list --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				sites, err := l.Sites(cmd.Context())
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(sites)
				}
				if len(sites) == 0 {
					fmt.Fprintln(g.stdout, g.T("site.none"))
					return nil
				}
				rows := [][]string{}
				for _, s := range sites {
					rows = append(rows, []string{s.Name, g.lang().Date(s.AddedAt)})
				}
				return termui.Table(g.stdout, []string{g.T("col.name"), g.T("col.added")}, rows)
			})
		},
	}
	cmd.AddCommand(add, list)
	return cmd
}
