package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// newInitCmd creates the ledger and this bench's signing key.
func newInitCmd(g *globals) *cobra.Command {
	var opts inventory.InitOptions
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Create the ledger and this bench's signing key (safe to run again)",
		Long: `init creates the ledger (file mode 0600, in a folder created 0700) and the
bench's ed25519 signing key next to it. With --ledger postgres://USER@HOST/DB
it creates the ledger's tables in that database (an empty one, or an empty
schema named by ?search_path=), and the key goes to $ATELIER_KEY_DIR, else
$XDG_DATA_HOME/atelier (~/.local/share/atelier). Run again, it changes nothing, except
on a ledger from before signed chain heads: it then signs this bench's head
(see atelier ledger verify --help).`,
		Example: "  atelier init\n  atelier init --prefix PCS --bench atelier-1\n  atelier --ledger /srv/atelier/ledger.db init\n  atelier --ledger postgres://atelier@db.example/hub init",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := g.ledgerPath()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			created, err := inventory.Init(ctx, path, opts)
			if err != nil {
				return g.ledgerErr(err)
			}
			return g.withLedger(ctx, func(l *inventory.Ledger) error {
				path := l.Path() // a PostgreSQL URL is shown without its password
				pub, keyCreated, err := reports.EnsureBenchKey(l.Dir(), l.BenchName())
				if err != nil {
					return err
				}
				// The ledger learns the bench's key; a ledger from before
				// signed heads gets its chain signed now.
				sealed, err := l.Seal(ctx)
				if err != nil {
					return err
				}
				// Prefix and bench are chosen once: say so when another was asked.
				prefixKept := !created && cmd.Flags().Changed("prefix") && !strings.EqualFold(strings.TrimSpace(opts.Prefix), l.Prefix())
				benchKept := !created && cmd.Flags().Changed("bench") && strings.TrimSpace(opts.Bench) != l.BenchName()
				letterKept := cmd.Flags().Changed("letter") && !strings.EqualFold(strings.TrimSpace(opts.Letter), l.Letter())
				if g.json {
					return g.printJSON(map[string]any{
						"prefix_not_applied": prefixKept, "bench_not_applied": benchKept,
						"letter": l.Letter(), "letter_not_applied": letterKept,
						"ledger": path, "created": created, "prefix": l.Prefix(), "bench": l.BenchName(),
						"schema": inventory.SchemaVersion(), "key_created": keyCreated,
						"public_key":  filepath.Join(l.Dir(), reports.PubFile),
						"fingerprint": reports.Fingerprint(pub),
						"head_signed": sealed.HeadSigned,
					})
				}
				if created {
					fmt.Fprintln(g.stdout, g.T("init.created", path, l.Prefix(), l.BenchName()))
				} else {
					fmt.Fprintln(g.stdout, g.T("init.exists", path, l.Prefix(), l.BenchName()))
				}
				if prefixKept {
					fmt.Fprintln(g.stdout, g.T("init.prefixkept", l.Prefix(), opts.Prefix))
				}
				if benchKept {
					fmt.Fprintln(g.stdout, g.T("init.benchkept", l.BenchName(), opts.Bench))
				}
				if l.Letter() != "" {
					fmt.Fprintln(g.stdout, g.T("init.letter", l.Letter(), l.Prefix()+"-YY-"+l.Letter()+"0001"))
				}
				if letterKept {
					fmt.Fprintln(g.stdout, g.T("init.letterkept", l.Letter(), opts.Letter))
				}
				fmt.Fprintln(g.stdout, g.T("init.key", filepath.Join(l.Dir(), reports.PubFile)+" ("+reports.Fingerprint(pub)+")"))
				if sealed.HeadSigned {
					fmt.Fprintln(g.stdout, g.T("init.sealed", l.BenchName(), reports.Fingerprint(pub)))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&opts.Prefix, "prefix", "PCS", "prefix of unit ids (PCS gives PCS-26-0042); chosen once")
	cmd.Flags().StringVar(&opts.Bench, "bench", "", "name of this bench, recorded with every event (default: host name)")
	cmd.Flags().StringVar(&opts.Letter, "letter", "", "this bench's letter in unit ids (B gives PCS-26-B0042), so that benches syncing with one hub never share an id; chosen once")
	return cmd
}
