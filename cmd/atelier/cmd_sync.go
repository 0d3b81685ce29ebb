package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/hub"
	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// syncExport writes the bundle next to FILE, then renames it: a stick
// pulled out mid-write leaves the old file or none, never half of one.
func (g *globals) syncExport(cmd *cobra.Command, l *inventory.Ledger, file string) error {
	key, err := reports.LoadBenchKey(l.Dir())
	if err != nil {
		return g.reportsErr(err)
	}
	// The rename below would replace a device node, a pipe or a link.
	if err := fsread.CheckReplace(file); err != nil {
		return g.lang().Errorf("sync.write", file, fsread.Text(err, g.lang()))
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*")
	if err != nil {
		return g.lang().Errorf("sync.write", file, err.Error())
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	res, err := l.Export(cmd.Context(), tmp, nil, key)
	if err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return g.lang().Errorf("sync.write", file, err.Error())
	}
	if err := tmp.Close(); err != nil {
		return g.lang().Errorf("sync.write", file, err.Error())
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return g.lang().Errorf("sync.write", file, err.Error())
	}
	if g.json {
		return g.printJSON(map[string]any{"file": file, "chains": res.Chains, "events": res.Events, "from": l.BenchName()})
	}
	fmt.Fprintln(g.stdout, g.T("sync.exported", file, res.Events, res.Chains))
	return nil
}

func (g *globals) syncImport(cmd *cobra.Command, l *inventory.Ledger, file string) error {
	// A bundle is a file carried on a stick: a named pipe would block the
	// open until a writer came, deaf to Ctrl-C and SIGTERM.
	f, err := fsread.Open(file)
	if err != nil {
		return g.lang().Errorf("sync.read", file, checkErrText(g, err))
	}
	defer f.Close()
	res, err := l.Import(cmd.Context(), f, inventory.ImportOptions{})
	if err != nil {
		var e *inventory.Error
		if errors.As(err, &e) {
			return g.lang().Errorf("sync.refusedfile", file, e.In(g.lang()))
		}
		return err
	}
	if g.json {
		return g.printJSON(res)
	}
	fmt.Fprintln(g.stdout, g.T("sync.imported", file, res.From, res.Events, res.Known))
	g.printChains(res.Chains)
	return nil
}

// printChains says, per bench, which events were new.
func (g *globals) printChains(cs []inventory.ChainResult) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Bench < cs[j].Bench })
	for _, c := range cs {
		if c.New > 0 {
			fmt.Fprintln(g.stdout, "  "+g.T("sync.chain", c.Bench, c.New, c.From, c.To))
		}
	}
}

func (g *globals) syncHub(cmd *cobra.Command, l *inventory.Ledger, url string) error {
	ctx := cmd.Context()
	if url == "" {
		url = os.Getenv("ATELIER_HUB")
	}
	if url == "" {
		remembered, err := l.HubURL(ctx)
		if err != nil {
			return err
		}
		url = remembered
	}
	if url == "" {
		return usageErr(cmd, "sync.nohub")
	}
	key, err := reports.LoadBenchKey(l.Dir())
	if err != nil {
		return g.reportsErr(err)
	}
	c := &hub.Client{URL: strings.TrimRight(url, "/"), Bench: l.BenchName(), Key: key, Lang: string(g.lang())}
	res, err := hub.Sync(ctx, l, c, "")
	if err != nil {
		var refused *hub.RefusedError
		if errors.As(err, &refused) {
			return g.lang().Errorf("sync.refused", url, refused.Error())
		}
		var e *inventory.Error
		if errors.As(err, &e) {
			return g.lang().Errorf("sync.pullrefused", url, e.In(g.lang()))
		}
		return g.lang().Errorf("sync.failed", url, err.Error())
	}
	if g.json {
		return g.printJSON(res)
	}
	fmt.Fprintln(g.stdout, g.T("sync.done", url, res.Pushed, res.Pulled))
	if res.Pushed > 0 {
		fmt.Fprintln(g.stdout, g.T("sync.pushedchains"))
		g.printChains(res.PushedChains)
	}
	if res.Pulled > 0 {
		fmt.Fprintln(g.stdout, g.T("sync.pulledchains"))
		g.printChains(res.PulledChains)
	}
	return nil
}

// printLastSync says, on a bench that syncs with a hub, how fresh its view
// of the association's units is.
func (g *globals) printLastSync(cmd *cobra.Command, l *inventory.Ledger) {
	at, err := l.LastSync(cmd.Context())
	if err != nil || at.IsZero() {
		return
	}
	url, _ := l.HubURL(cmd.Context())
	fmt.Fprintln(g.stdout, g.T("sync.asof", g.lang().DateTime(at), url))
}
