// Command benchweb is the load program of scripts/bench-web.sh: a ledger of
// -units synthetic units served by the hub's web handler on 127.0.0.1, and
// -clients concurrent clients reading /u/ID (with a session), /s/TOKEN and
// /healthz for -duration. It prints p50, p99 and errors per path and fails
// when a page's p99 passes -ratio times /healthz's, or on any error.
//
// The handler is built as `atelier serve` builds it: the hub's service
// (its own /healthz, which reads the chain heads) with the pages mounted
// beside it. Every unit gets its sticker token (inventory.EnsureStickers,
// timed), so /s/TOKEN reads the ledger's own tokens.
package main

import (
	"context"
	"crypto"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/pcsolidaire/atelier/hub"
	"github.com/pcsolidaire/atelier/hub/web"
	"github.com/pcsolidaire/atelier/internal/synthledger"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

func main() {
	units := flag.Int("units", 100000, "synthetic units in the ledger")
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 20*time.Second, "how long the clients read")
	ratio := flag.Float64("ratio", 5, "largest p99 allowed, in multiples of /healthz's p99")
	ledger := flag.String("ledger", "", "reuse this ledger file (built, in a new folder, when missing)")
	flag.Parse()
	if err := run(*units, *clients, *duration, *ratio, *ledger); err != nil {
		fmt.Fprintln(os.Stderr, "bench-web:", err)
		os.Exit(1)
	}
}

func run(n, clients int, d time.Duration, maxRatio float64, path string) error {
	ctx := context.Background()
	if path == "" {
		dir, err := os.MkdirTemp("", "bench-web")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "scratch", "ledger.db")
	}
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		st, err := synthledger.Build(ctx, synthledger.Options{Path: path, Units: n})
		if err != nil {
			return err
		}
		fmt.Printf("ledger: %d units, %d events in %v\n", st.Units, st.Events, time.Since(start).Round(time.Millisecond))
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		return err
	}
	defer l.Close()
	// The scratch ledger's own key, beside it (synthledger made it).
	l.SetBenchKeys(inventory.BenchKeys{Signer: func() (crypto.Signer, error) {
		return reports.LoadBenchKey(filepath.Dir(path))
	}})
	a := inventory.Actor{Operator: "bench"}
	// A reused ledger may have it already.
	if _, err := l.AddAccount(ctx, a, "benevole", "", inventory.RoleVolunteer, "bench-password-0"); err != nil && !errors.Is(err, inventory.ErrDuplicate) {
		return err
	}
	all, err := l.ListUnits(ctx, inventory.ListFilter{})
	if err != nil {
		return err
	}
	ids := make([]string, len(all))
	for i, u := range all {
		ids[i] = u.ID
	}
	start := time.Now()
	sts, err := l.EnsureStickers(ctx, a, ids)
	if err != nil {
		return err
	}
	toks := make([]string, len(sts))
	for i, st := range sts {
		toks[i] = st.Token
	}
	fmt.Printf("sticker tokens: %d in %v\n", len(toks), time.Since(start).Round(time.Millisecond))
	sid, _, err := l.NewSession(ctx, "benevole", time.Now(), time.Hour)
	if err != nil {
		return err
	}
	key, err := reports.LoadBenchKey(filepath.Dir(path))
	if err != nil {
		return err
	}
	svc := &hub.Service{Store: hub.LedgerStore{Ledger: l}, Challenges: hub.NewMemoryChallenges(), Key: key}
	h, err := web.New(l, web.Options{APIAuth: svc.WebAPIAuth})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/", h)
	handler := svc.Handler(mux)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	fmt.Printf("serving %s; %d clients for %v\n", base, clients, d)

	tr := &http.Transport{MaxIdleConnsPerHost: clients + 8, MaxConnsPerHost: clients + 8}
	hc := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	paths := []string{"/u/ID", "/s/TOKEN", "/healthz"}
	type sample struct {
		path int
		d    time.Duration
		ok   bool
	}
	const maxSamples = 4 << 20 // bounds memory whatever the speed
	var mu sync.Mutex
	samples := make([]sample, 0, 1<<16)
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, 7))
			local := make([]sample, 0, 4096)
			for time.Now().Before(deadline) {
				p := r.IntN(len(paths))
				var url string
				switch p {
				case 0:
					url = base + "/u/" + ids[r.IntN(len(ids))]
				case 1:
					url = base + "/s/" + toks[r.IntN(len(toks))]
				default:
					url = base + "/healthz"
				}
				req, _ := http.NewRequest("GET", url, nil)
				req.AddCookie(&http.Cookie{Name: "atelier_session", Value: sid})
				start := time.Now()
				resp, err := hc.Do(req)
				ok := err == nil
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					ok = resp.StatusCode == http.StatusOK
				}
				local = append(local, sample{p, time.Since(start), ok})
			}
			mu.Lock()
			if len(samples)+len(local) <= maxSamples {
				samples = append(samples, local...)
			}
			mu.Unlock()
		}(uint64(c))
	}
	wg.Wait()

	p99 := make([]time.Duration, len(paths))
	fmt.Printf("%-10s %9s %9s %9s %7s\n", "path", "requests", "p50", "p99", "errors")
	failed := false
	for i, name := range paths {
		var ds []time.Duration
		errs := 0
		for _, s := range samples {
			if s.path != i {
				continue
			}
			ds = append(ds, s.d)
			if !s.ok {
				errs++
			}
		}
		if len(ds) == 0 {
			return fmt.Errorf("no request to %s", name)
		}
		slices.Sort(ds)
		p50 := ds[len(ds)/2]
		p99[i] = ds[len(ds)*99/100]
		fmt.Printf("%-10s %9d %9v %9v %7d\n", name, len(ds), p50.Round(time.Microsecond), p99[i].Round(time.Microsecond), errs)
		failed = failed || errs > 0
	}
	for i, name := range paths[:2] {
		r := float64(p99[i]) / float64(p99[2])
		verdict := "ok"
		if r > maxRatio {
			verdict = fmt.Sprintf("OVER the %.0f× target", maxRatio)
			failed = true
		}
		fmt.Printf("p99 %s / p99 /healthz = %.2f× (%s)\n", name, r, verdict)
	}
	if failed {
		return errors.New("target missed (errors or p99 ratio)")
	}
	return nil
}
