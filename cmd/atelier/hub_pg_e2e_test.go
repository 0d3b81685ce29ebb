package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pcsolidaire/atelier/hub"
	"github.com/pcsolidaire/atelier/internal/need"
	"github.com/pcsolidaire/atelier/reports"
)

// A hub that runs as two `atelier serve` processes on one PostgreSQL
// database, eight benches pushing at once (real processes, loopback): no
// event lost or doubled, no id twice, both chains and the hub's verify
// clean, and a challenge issued by one process is honoured by the other
// and by neither a second time.

// freshPGSchema is an empty schema of the ATELIER_TEST_PG database for this
// test (dropped at the end): the URL that reaches it, and a connection.
func freshPGSchema(t *testing.T) (string, *sql.DB) {
	t.Helper()
	base := os.Getenv("ATELIER_TEST_PG")
	if base == "" {
		need.Missing(t, "ATELIER_TEST_PG is not set: no PostgreSQL server to test against (see README, \"PostgreSQL tests\")")
	}
	u, err := url.Parse(base)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		t.Fatalf("ATELIER_TEST_PG must be one postgres:// URL, got %q", base)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "e_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("PostgreSQL at ATELIER_TEST_PG: %v", err)
	}
	t.Cleanup(func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return u.String(), db
}

// cmdAt is atelier on the ledger at (a file or a URL); the key of a
// PostgreSQL ledger lives in keyDir.
func (x *e2e) cmdAt(at, keyDir string, args ...string) *exec.Cmd {
	return x.cmdOn(at, []string{"ATELIER_KEY_DIR=" + keyDir}, args...)
}

func (x *e2e) runCmd(want int, c *exec.Cmd) string {
	x.t.Helper()
	return x.exitWith(want, c, strings.Join(c.Args[1:], " "))
}

// serveAt starts `atelier serve` on the ledger at, on a free loopback port.
func (x *e2e) serveAt(at, keyDir string) *hubProc {
	x.t.Helper()
	return x.startServe(x.cmdAt(at, keyDir, "serve", "--listen", "127.0.0.1:0"))
}

func TestTwoHubProcessesOnePostgres(t *testing.T) {
	x := newE2E(t)
	pg, db := freshPGSchema(t)
	keys := filepath.Join(x.dir, "hubkey")
	hubRun := func(want int, args ...string) string {
		t.Helper()
		return x.runCmd(want, x.cmdAt(pg, keys, args...))
	}
	hubRun(0, "init", "--bench", "hub", "--letter", "H")
	const benches, rows = 8, 60
	names := make([]string, benches)
	for i := range names {
		names[i] = fmt.Sprintf("b%d", i)
		letter := string(rune('A' + i))
		x.run(0, names[i], "init", "--bench", "atelier-"+names[i], "--letter", letter)
		hubRun(0, "bench", "enrol", "atelier-"+names[i], "--key", filepath.Join(x.dir, names[i], "bench.pub"), "--letter", letter)
		x.run(0, names[i], "intake", "import", x.glpi(strings.ToUpper(names[i]), rows), "--donor", "DSI")
	}
	hubs := []*hubProc{x.serveAt(pg, keys), x.serveAt(pg, keys)}

	// A challenge from one process, the request to the other: accepted;
	// the same request replayed to either: refused.
	key, err := reports.LoadBenchKey(filepath.Join(x.dir, names[0]))
	if err != nil {
		t.Fatal(err)
	}
	ch := challengeFrom(t, hubs[0].url)
	if code := signedHeads(t, hubs[1].url, "atelier-b0", key, ch); code != http.StatusOK {
		t.Fatalf("a challenge issued by one hub process was refused by the other: HTTP %d", code)
	}
	for _, h := range hubs {
		if code := signedHeads(t, h.url, "atelier-b0", key, ch); code != http.StatusUnauthorized {
			t.Fatalf("a replayed request was answered HTTP %d, want 401", code)
		}
	}

	// Eight benches push at once, half to each process; then each pulls
	// from the other process.
	syncAll := func(round int) {
		var wg sync.WaitGroup
		outs := make([]string, benches)
		errs := make([]error, benches)
		for i := range names {
			c := x.cmd(names[i], "sync", "--hub", hubs[(i+round)%2].url, "--json")
			var out bytes.Buffer
			c.Stdout, c.Stderr = &out, &out
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				errs[i] = c.Run()
				outs[i] = out.String()
			}(i)
		}
		wg.Wait()
		for i := range names {
			if errs[i] != nil {
				t.Fatalf("round %d: sync of %s: %v\n%s", round, names[i], errs[i], outs[i])
			}
		}
	}
	syncAll(0)
	syncAll(1)
	syncAll(0) // the first benches pull what the last pushed in round 1

	var total, distinct, units int
	if err := db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT id) FROM events`).Scan(&total, &distinct); err != nil {
		t.Fatal(err)
	}
	if total != distinct {
		t.Fatalf("hub: %d events but %d ids", total, distinct)
	}
	var perBench int
	if err := db.QueryRow(`SELECT COUNT(*) FROM events WHERE bench = 'atelier-b3'`).Scan(&perBench); err != nil {
		t.Fatal(err)
	}
	if want := x.events(names[3]); perBench == 0 || perBench > want {
		t.Fatalf("hub holds %d events of atelier-b3, the bench %d", perBench, want)
	}
	if out := hubRun(0, "ledger", "verify"); !strings.Contains(out, "intact") {
		t.Fatalf("hub verify: %s", out)
	}
	var us []unitDoc
	if err := json.Unmarshal([]byte(hubRun(0, "unit", "list", "--json")), &us); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, u := range us {
		if seen[u.ID] {
			t.Fatalf("hub: unit id %s twice", u.ID)
		}
		seen[u.ID] = true
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM units`).Scan(&units); err != nil {
		t.Fatal(err)
	}
	if len(us) != benches*rows || units != benches*rows {
		t.Fatalf("hub has %d units (%d rows), want %d", len(us), units, benches*rows)
	}
	// Every bench ends with every event the hub has: none lost on the way.
	for _, n := range names {
		if got := len(x.check(n)); got != benches*rows {
			t.Fatalf("%s has %d units after syncing, want %d", n, got, benches*rows)
		}
		if e := x.events(n); e != total {
			t.Fatalf("%s has %d events, the hub %d", n, e, total)
		}
	}
	for _, h := range hubs {
		h.stop()
		if h.cmd.ProcessState.ExitCode() != 0 {
			t.Fatalf("a hub process stopped with %v", h.cmd.ProcessState)
		}
	}
}

// challengeFrom asks the hub at base for a challenge.
func challengeFrom(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Post(base+hub.ChallengePath, "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Challenge string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Challenge == "" {
		t.Fatalf("challenge: HTTP %d, %v", resp.StatusCode, err)
	}
	return out.Challenge
}

// signedHeads asks the hub at base for its heads, signed over challenge ch,
// and returns the HTTP status.
func signedHeads(t *testing.T, base, bench string, key ed25519.PrivateKey, ch string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+hub.HeadsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	hub.SignRequest(req, bench, key, ch, hub.SHA256(nil))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
