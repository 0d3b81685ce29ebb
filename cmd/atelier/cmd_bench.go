package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// newBenchCmd manages the benches that may sync with this ledger as a hub.
func newBenchCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Benches that may sync with this hub: enrol, list, revoke",
		Long: `bench manages, on the hub's ledger, which benches may sync with it. A bench
is enrolled by its bench.pub (written by atelier init next to its ledger): every
request it makes is signed with the matching private key, which never leaves
the bench. Its letter is the code its unit ids carry (B: PCS-26-B0042); no two
benches share one, so ids never collide, even offline.`,
		Example: "  atelier bench enrol atelier-2 --key atelier-2.pub --letter B\n  atelier bench list\n  atelier bench revoke atelier-2",
	}
	cmd.AddCommand(newBenchEnrolCmd(g), newBenchListCmd(g), newBenchRevokeCmd(g))
	return cmd
}

func newBenchEnrolCmd(g *globals) *cobra.Command {
	var keyFile, letter string
	cmd := &cobra.Command{
		Use:   "enrol NAME --key FILE [--letter X]",
		Short: "Allow a bench to sync with this hub",
		Long: `enrol records the bench NAME (the name it was given by atelier init --bench)
with its public key and its letter. It refuses a name, a key or a letter already
enrolled: two benches with the same letter (or both without one) would give the
same unit ids.`,
		Example: "  atelier bench enrol atelier-2 --key /media/stick/bench.pub --letter B",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if keyFile == "" {
				return usageErr(cmd, "bench.nokeyflag")
			}
			pub, err := reports.ReadPublicKey(keyFile)
			if err != nil {
				return g.reportsErr(err)
			}
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				b, err := l.EnrolBench(cmd.Context(), a, args[0], pub, letter)
				if err != nil {
					return err
				}
				return g.jsonOr(b, g.T("bench.enrolled", b.Name, b.Fingerprint, letterShown(b.Letter)))
			})
		},
	}
	cmd.Flags().StringVar(&keyFile, "key", "", "the bench's public key file (its bench.pub)")
	cmd.Flags().StringVar(&letter, "letter", "", "the letter of the bench's unit ids, as given to its atelier init --letter")
	return cmd
}

// letterShown says a letter in a sentence or a table; none is "-".
func letterShown(l string) string {
	if l == "" {
		return "-"
	}
	return l
}

func newBenchListCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   "List the enrolled benches, revoked ones included",
		Example: "  atelier bench list --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				benches, err := l.Benches(cmd.Context())
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(benches)
				}
				if len(benches) == 0 {
					fmt.Fprintln(g.stdout, g.T("bench.none"))
					return nil
				}
				rows := [][]string{}
				for _, b := range benches {
					rev := ""
					if b.RevokedAt != nil {
						rev = g.lang().Date(*b.RevokedAt)
					}
					rows = append(rows, []string{b.Name, letterShown(b.Letter), b.Fingerprint, g.lang().Date(b.EnrolledAt), rev})
				}
				return termui.Table(g.stdout, []string{g.T("col.bench"), g.T("col.letter"), g.T("col.key"),
					g.T("col.enrolled"), g.T("col.revoked")}, rows)
			})
		},
	}
}

func newBenchRevokeCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke NAME",
		Short: "Stop a bench from syncing (a lost or stolen stick, a bench retired)",
		Long: `revoke refuses every further request of the bench and any new event of its
chain, relayed or not. What it sent before stays in the ledger. A revoked bench
is never enrolled again under the same name or key: give it a new key.`,
		Example: "  atelier bench revoke atelier-2",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				b, err := l.RevokeBench(cmd.Context(), a, args[0])
				if err != nil {
					return err
				}
				return g.jsonOr(map[string]any{"name": b.Name, "revoked": true}, g.T("bench.revoked", b.Name))
			})
		},
	}
}

// reportsErr says a key file problem (package reports) in the user's
// language; other errors pass unchanged.
func (g *globals) reportsErr(err error) error {
	var p *reports.Problem
	if errors.As(err, &p) {
		return &i18n.Error{Key: p.Key, Text: p.In(g.lang())}
	}
	return err
}
