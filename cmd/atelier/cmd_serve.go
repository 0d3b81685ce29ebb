package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/hub"
	"github.com/pcsolidaire/atelier/hub/web"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// newServeCmd runs the hub over the ledger.
func newServeCmd(g *globals) *cobra.Command {
	var lc hub.ListenConfig
	var trustProxy bool
	cmd := &cobra.Command{
		Use:   "serve [--listen ADDR] [--tls-cert FILE --tls-key FILE] [--insecure]",
		Short: "Run the hub: benches sync their ledgers with this one",
		Long: `serve runs the hub over the ledger (--ledger as every command): enrolled
benches push their events and pull everyone else's (atelier sync). It prints
the URL it listens on, answers /healthz once ready, and stops cleanly on Ctrl-C
or SIGTERM: requests in flight finish, and each push is written whole or not
at all.

Plain HTTP is accepted only on a loopback address (127.0.0.1, ::1, localhost):
over a network, anyone on the way could read the units' data and the MDH
staff's passwords of the web pages. Give --tls-cert and --tls-key, or put a
TLS reverse proxy on the same machine in front of a loopback address.
--insecure lifts the rule, for a private network you trust; bench requests stay
signed either way, so they cannot be forged or replayed, only read.

Behind such a proxy every request comes from 127.0.0.1, so the web login's
throttle (10 failures, then a wait) would lock out every community centre at
once. --trust-proxy makes it count per client address, the last one the proxy
appends to X-Forwarded-For, for requests that come from loopback. Without the
flag the header is ignored: anyone could write it.`,
		Example: "  atelier serve --listen 127.0.0.1:8470\n  atelier serve --listen :8443 --tls-cert hub.crt --tls-key hub.key",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if err := lc.Check(); err != nil {
				return g.serveErr(cmd, err, lc)
			}
			l, err := g.openLedger(ctx)
			if err != nil {
				return err
			}
			defer l.Close()
			key, err := reports.LoadBenchKey(l.Dir())
			if err != nil {
				return g.reportsErr(err)
			}
			svc := &hub.Service{
				Store:      hub.LedgerStore{Ledger: l},
				Challenges: hub.ChallengesFor(l),
				Key:        key,
				Log:        slog.New(slog.NewTextHandler(g.stderr, nil)),
			}
			// The community centres' pages share the listener: the sync
			// API's routes are more specific, everything else is theirs.
			// Scripts call the pages' JSON API signed by their bench
			// key, as sync is; the login throttle keys on the client's
			// address, which only a proxy in front can tell.
			pages, err := web.New(l, web.Options{Secure: lc.TLSCert != "", Log: svc.Log,
				APIAuth: svc.WebAPIAuth, TrustProxy: trustProxy})
			if err != nil {
				return err
			}
			mux := http.NewServeMux()
			mux.Handle("/", pages)
			err = hub.Serve(ctx, lc, svc.Handler(mux), func(url string) {
				fmt.Fprintln(g.stdout, g.T("serve.ready", url, l.Path()))
			})
			if err != nil {
				return g.serveErr(cmd, err, lc)
			}
			fmt.Fprintln(g.stdout, g.T("serve.stopped"))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&lc.Addr, "listen", "127.0.0.1:8470", "address to listen on (host:port; port 0 picks a free one)")
	f.StringVar(&lc.TLSCert, "tls-cert", "", "TLS certificate (PEM), with --tls-key")
	f.StringVar(&lc.TLSKey, "tls-key", "", "TLS private key (PEM), with --tls-cert")
	f.BoolVar(&lc.Insecure, "insecure", false, "allow plain HTTP off loopback (a private network you trust)")
	f.BoolVar(&trustProxy, "trust-proxy", false, "a reverse proxy on this machine adds X-Forwarded-For: throttle web logins by that address")
	lc.ShutdownGrace = 10 * time.Second
	return cmd
}

func (g *globals) serveErr(cmd *cobra.Command, err error, lc hub.ListenConfig) error {
	switch {
	case errors.Is(err, hub.ErrPlainHTTPOffLoopback):
		return fail(2, g.T("serve.plainhttp", lc.Addr))
	case errors.Is(err, hub.ErrHalfTLS):
		return usageErr(cmd, "serve.halftls")
	}
	return err
}

// newSyncCmd syncs this bench with its hub, or through a bundle file.
func newSyncCmd(g *globals) *cobra.Command {
	var hubURL, exportFile, importFile string
	cmd := &cobra.Command{
		Use:   "sync [--hub URL | --export FILE | --import FILE]",
		Short: "Push this bench's events to the hub and pull everyone else's",
		Long: `sync pushes the events the hub lacks (this bench's, and those of benches it
carried bundles from), then pulls what this ledger lacks, so that status, unit
list and unit show give the association's view. The hub is --hub, else
ATELIER_HUB, else the one of the last successful sync. A second run moves
nothing; an interrupted one (even kill -9, on either side) leaves both ledgers
whole, and the next run finishes the job.

With no network: sync --export FILE writes a signed bundle of every chain this
ledger holds; sync --import FILE merges one into this ledger (a bench's or the
hub's) with the same checks as a push. A bundle that fails any check (an event
altered, missing or reordered, a copy cut short, a bench not enrolled on the
hub) is refused whole, naming the first bad event.`,
		Example: "  atelier sync --hub https://hub.pc-solidaire.org\n  atelier sync --export /media/stick/atelier-2.bundle\n  atelier sync --import /media/stick/atelier-2.bundle",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			modes := 0
			for _, s := range []string{exportFile, importFile} {
				if s != "" {
					modes++
				}
			}
			if modes > 1 || (modes == 1 && cmd.Flags().Changed("hub")) {
				return usageErr(cmd, "sync.onemode")
			}
			ctx := cmd.Context()
			return g.withLedger(ctx, func(l *inventory.Ledger) error {
				switch {
				case exportFile != "":
					return g.syncExport(cmd, l, exportFile)
				case importFile != "":
					return g.syncImport(cmd, l, importFile)
				}
				return g.syncHub(cmd, l, hubURL)
			})
		},
	}
	cmd.Flags().StringVar(&hubURL, "hub", "", "the hub's URL (env ATELIER_HUB; remembered after the first success)")
	cmd.Flags().StringVar(&exportFile, "export", "", "write a signed bundle of this ledger's chains to FILE")
	cmd.Flags().StringVar(&importFile, "import", "", "merge the bundle FILE into this ledger")
	return cmd
}
