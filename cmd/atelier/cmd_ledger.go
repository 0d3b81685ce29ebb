package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// newLedgerCmd holds the ledger's maintenance commands.
func newLedgerCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "ledger",
		Short:   "Ledger maintenance: rebuild the views from the events, verify the signed hash chains",
		Example: "  atelier ledger verify\n  atelier ledger rebuild",
		Args:    noArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newLedgerRebuildCmd(g), newLedgerVerifyCmd(g))
	cmd.AddCommand(newLedgerCopyCmd(g))
	cmd.AddCommand(newLedgerConflictsCmd(g), newLedgerResolveCmd(g))
	return cmd
}

func newLedgerRebuildCmd(g *globals) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "rebuild",
		Short: "Recompute units, disks, wipes, sites, images and handovers from the events",
		Long: `The events are the ledger's only truth; the tables that commands read are
views computed from them. rebuild replays every event into fresh tables, in
one transaction, holding the ledger's write lock: other atelier processes
wait, and the history it checks is the one it replays.

Before it writes, rebuild checks what ledger verify checks (hashes, links,
heads, signatures) on those very events, and the lifecycle rules on each one:
a history no atelier command could have written (a handover while a disk
lacks a passed erasure, imaged without a deploy, a move from a state the unit
was not in) is refused, naming the event. --force rebuilds anyway.

A ledger whose views are damaged (SQLite's integrity check finds bad pages
in them) is repaired: the damaged tables are let go without being read, the
file is rewritten (VACUUM), and the views rebuilt. Damage to the events
themselves cannot be repaired from the events: restore a backup.`,
		Example: "  atelier ledger rebuild\n  atelier ledger rebuild --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				res, err := l.CheckedRebuild(cmd.Context(), force)
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(res)
				}
				if res.Repaired != "" {
					fmt.Fprintln(g.stdout, g.T("rebuild.repaired", res.Repaired))
				}
				fmt.Fprintln(g.stdout, g.T("rebuild.done", i18n.M("count.events", res.Events), i18n.M("count.units", res.Units)))
				if len(res.Unsigned) > 0 {
					fmt.Fprintln(g.stderr, g.T("rebuild.unsigned", strings.Join(res.Unsigned, ", ")))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rebuild even from a history that fails verify or the lifecycle rules")
	return cmd
}

// verifyHelp says what verify proves and what it cannot (issue 8.6).
const verifyHelp = `Each event carries the hash of its content and of its bench's previous event,
and each bench's last event (its head) is signed with that bench's ed25519 key
(bench.key, the key that signs erasure certificates). In one consistent read
of the ledger, verify:
  - recomputes every hash and link, and names the first event edited,
    removed, inserted or reordered;
  - compares each chain with its recorded head: newest events removed, or
    events added behind atelier's back;
  - checks each head's signature with the bench's key recorded in the ledger,
    and that key against bench.pub beside the ledger;
  - checks the triggers that keep events, heads and keys append-only;
  - runs SQLite's integrity check over the whole file: damaged pages in the
    views (ledger rebuild repairs them) or in the events (restore a backup).

What verify cannot prove: whoever holds a bench's bench.key can rewrite that
bench's history and sign it again, and whoever replaces both the key in the
ledger and bench.pub can pass off a history signed with a key of their own.
Only a copy held elsewhere shows it: the hub's copy of the chain, or the
fingerprint of bench.pub given to the DSI at init (compare it with the one
printed here). verify does not judge whether the history follows the
lifecycle rules: ledger rebuild does.

A head not yet signed (a ledger from before signed heads) is reported as
unsigned, exit code 1, never as intact: run atelier init on that bench once
to sign it. Every problem found exits 1 with the first one named.`

func newLedgerVerifyCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "verify",
		Short:   "Check every bench's hash chain and signed head, and the file's integrity",
		Long:    verifyHelp,
		Example: "  atelier ledger verify\n  atelier ledger verify --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				res, err := l.Verify(cmd.Context())
				if g.json {
					// An object even on failure: scripts read first_bad and
					// reason; the exit code still says it failed.
					out := map[string]any{"ok": err == nil, "events": res.Events, "benches": res.Benches,
						"heads": res.Heads}
					if len(res.Unsigned) > 0 {
						out["unsigned"] = res.Unsigned
					}
					if err != nil {
						out["first_bad"] = res.FirstBad
						out["reason"] = g.ledgerErr(err).Error()
					}
					if perr := g.printJSON(out); perr != nil {
						return perr
					}
				}
				if err != nil {
					return err
				}
				if g.json {
					return nil
				}
				fmt.Fprintln(g.stdout, g.T("verify.ok", i18n.M("count.events", res.Events), i18n.M("count.benches", res.Benches)))
				for _, h := range res.Heads {
					fmt.Fprintln(g.stdout, g.T("verify.signed", h.Bench, h.Seq, h.Key))
				}
				return nil
			})
		},
	}
}
