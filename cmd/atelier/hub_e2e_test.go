package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The hub end to end, with real processes on loopback: this test binary
// runs as atelier (ATELIER_E2E_MAIN), one process per command, and the hub
// is a process the test kills with SIGKILL mid-sync.

type e2e struct {
	t   *testing.T
	dir string
}

func newE2E(t *testing.T) *e2e {
	if testing.Short() {
		t.Skip("end-to-end hub test: real processes")
	}
	x := &e2e{t: t, dir: t.TempDir()}
	if err := os.Mkdir(filepath.Join(x.dir, "tmp"), 0o700); err != nil {
		t.Fatal(err)
	}
	return x
}

// spools lists what syncs left in the processes' temporary folder.
func (x *e2e) spools() []string {
	x.t.Helper()
	left, err := filepath.Glob(filepath.Join(x.dir, "tmp", "atelier-*"))
	if err != nil {
		x.t.Fatal(err)
	}
	return left
}

func (x *e2e) env() []string {
	return append(os.Environ(), "ATELIER_E2E_MAIN=1", "ATELIER_OPERATOR=camille", "LANG=en_US.UTF-8",
		"LC_ALL=", "ATELIER_HUB=", "ATELIER_LEDGER=", "XDG_DATA_HOME="+filepath.Join(x.dir, "xdg"),
		"TMPDIR="+filepath.Join(x.dir, "tmp"))
}

func (x *e2e) ledger(name string) string { return filepath.Join(x.dir, name, "ledger.db") }

func (x *e2e) cmd(name string, args ...string) *exec.Cmd {
	return x.cmdOn(x.ledger(name), nil, args...)
}

// cmdOn is atelier on ledger (a file or a PostgreSQL URL) with more
// environment: every process the hub tests start is made here.
func (x *e2e) cmdOn(ledger string, env []string, args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], append([]string{"--ledger", ledger}, args...)...)
	c.Env = append(x.env(), env...)
	c.Dir = x.dir
	return c
}

// run runs atelier on the ledger name and returns its stdout; it fails the
// test unless the exit code is want.
func (x *e2e) run(want int, name string, args ...string) string {
	x.t.Helper()
	return x.exitWith(want, x.cmd(name, args...), "atelier "+name+" "+strings.Join(args, " "))
}

// exitWith runs c (what says it in a failure) and returns its stdout and
// stderr; it fails the test unless the exit code is want.
func (x *e2e) exitWith(want int, c *exec.Cmd, what string) string {
	x.t.Helper()
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		x.t.Fatal(err)
	}
	if code != want {
		x.t.Fatalf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", what, code, want, out.String(), errb.String())
	}
	return out.String() + errb.String()
}

// hubProc is a running `atelier serve`.
type hubProc struct {
	cmd *exec.Cmd
	url string
}

var urlRE = regexp.MustCompile(`https?://[0-9.]+:[0-9]+`)

func (x *e2e) startHub(name, addr string, flags ...string) *hubProc {
	x.t.Helper()
	return x.startServe(x.cmd(name, append([]string{"serve", "--listen", addr}, flags...)...))
}

// startServe starts c, an `atelier serve`, and waits for the URL it prints.
func (x *e2e) startServe(c *exec.Cmd) *hubProc {
	x.t.Helper()
	stdout, err := c.StdoutPipe()
	if err != nil {
		x.t.Fatal(err)
	}
	c.Stderr = os.Stderr
	if err := c.Start(); err != nil {
		x.t.Fatal(err)
	}
	h := &hubProc{cmd: c}
	x.t.Cleanup(func() { h.stop() })
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u := urlRE.FindString(sc.Text()); u != "" {
				select {
				case urls <- u:
				default:
				}
			}
		}
	}()
	select {
	case h.url = <-urls:
	case <-time.After(30 * time.Second): // a loaded machine, a PostgreSQL hub
		x.t.Fatal("the hub printed no URL")
	}
	return h
}

func (h *hubProc) stop() {
	if h.cmd.ProcessState == nil {
		h.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { h.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			h.cmd.Process.Kill()
			<-done
		}
	}
}

func (h *hubProc) kill() {
	h.cmd.Process.Kill()
	h.cmd.Wait()
}

// glpi writes a GLPI export of n PCs whose serials start with tag.
func (x *e2e) glpi(tag string, n int) string {
	var b strings.Builder
	b.WriteString("\"Nom\";\"Fabricant\";\"Numéro de série\";\"Type\";\"Modèle\";\"Numéro d'inventaire\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\"PC-%s-%05d\";\"Dell Inc.\";\"%s%07d\";\"Portable\";\"Latitude E6410\";\"INV-%s-%05d\"\n", tag, i, tag, i, tag, i)
	}
	path := filepath.Join(x.dir, tag+".csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		x.t.Fatal(err)
	}
	return path
}

type unitDoc struct {
	ID     string `json:"id"`
	Serial string `json:"serial"`
	State  string `json:"state"`
}

// check verifies a ledger and returns its units; no id twice.
func (x *e2e) check(name string) []unitDoc {
	x.t.Helper()
	out := x.run(0, name, "ledger", "verify")
	if !strings.Contains(out, "intact") {
		x.t.Fatalf("%s: verify said %s", name, out)
	}
	var us []unitDoc
	if err := json.Unmarshal([]byte(x.run(0, name, "unit", "list", "--json")), &us); err != nil {
		x.t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, u := range us {
		if seen[u.ID] {
			x.t.Fatalf("%s: id %s twice", name, u.ID)
		}
		seen[u.ID] = true
	}
	return us
}

func (x *e2e) events(name string) int {
	x.t.Helper()
	db, err := sql.Open("sqlite", "file:"+x.ledger(name)+"?mode=ro")
	if err != nil {
		x.t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		x.t.Fatal(err)
	}
	return n
}

func (x *e2e) sameAs(a, b string) {
	x.t.Helper()
	ua, ub := x.check(a), x.check(b)
	ja, _ := json.Marshal(ua)
	jb, _ := json.Marshal(ub)
	if !bytes.Equal(ja, jb) {
		x.t.Fatalf("%s and %s differ: %d and %d units", a, b, len(ua), len(ub))
	}
	if ea, eb := x.events(a), x.events(b); ea != eb {
		x.t.Fatalf("%s has %d events, %s %d", a, ea, b, eb)
	}
}

func (x *e2e) syncJSON(name, url string) (pushed, pulled int) {
	x.t.Helper()
	var r struct{ Pushed, Pulled int }
	out := x.run(0, name, "sync", "--hub", url, "--json")
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		x.t.Fatalf("sync --json: %v: %s", err, out)
	}
	return r.Pushed, r.Pulled
}

func TestHubEndToEnd(t *testing.T) {
	x := newE2E(t)
	x.run(0, "hub", "init", "--bench", "hub", "--letter", "H")
	for _, b := range []struct{ name, letter string }{{"b", "B"}, {"c", "C"}, {"d", "D"}, {"e", "E"}} {
		x.run(0, b.name, "init", "--bench", "atelier-"+b.name, "--letter", b.letter)
		x.run(0, "hub", "bench", "enrol", "atelier-"+b.name, "--key", filepath.Join(x.dir, b.name, "bench.pub"), "--letter", b.letter)
	}
	hub := x.startHub("hub", "127.0.0.1:0")

	// Three benches register PCs, sync in several orders.
	x.run(0, "b", "intake", "import", x.glpi("B", 300), "--donor", "DSI")
	x.run(0, "c", "intake", "import", x.glpi("C", 200), "--donor", "DSI")
	x.run(0, "d", "intake", "add", "--serial", "WALKIN-1", "--model", "ThinkPad")
	if p, _ := x.syncJSON("c", hub.url); p != 200 {
		t.Fatalf("c pushed %d, want 200", p)
	}
	x.syncJSON("b", hub.url)
	x.syncJSON("d", hub.url)
	x.syncJSON("c", hub.url)
	x.syncJSON("b", hub.url)
	if p, q := x.syncJSON("b", hub.url); p != 0 || q != 0 {
		t.Fatalf("a second sync moved %d/%d events", p, q)
	}
	x.run(0, "c", "unit", "move", "PCS-26-B0001", "triaged")
	x.run(0, "d", "unit", "move", "PCS-26-C0001", "triaged")
	x.syncJSON("d", hub.url)
	x.syncJSON("c", hub.url)

	// A bench with no network: its bundle goes to the hub on a stick,
	// while the hub serves.
	x.run(0, "e", "intake", "add", "--serial", "OFFLINE-1", "--model", "Optiplex")
	x.run(0, "e", "sync", "--export", "e.bundle")
	x.run(0, "hub", "sync", "--import", "e.bundle")
	for _, b := range []string{"b", "c", "d"} {
		x.syncJSON(b, hub.url)
	}
	x.syncJSON("c", hub.url)
	if n := len(x.check("hub")); n != 502 {
		t.Fatalf("hub has %d units, want 502", n)
	}
	x.sameAs("hub", "b")
	x.sameAs("hub", "c")
	x.sameAs("hub", "d")
	// A bench shows another bench's unit, and how fresh its view is.
	if out := x.run(0, "c", "status", "PCS-26-B0001"); !strings.Contains(out, "as of the last sync") {
		t.Fatalf("status on a bench: %s", out)
	}

	// kill -9 of the hub in the middle of a large push: nothing half
	// written, the next sync finishes the job.
	x.run(0, "b", "intake", "import", x.glpi("BB", 4000), "--donor", "DSI")
	sync := x.cmd("b", "sync", "--hub", hub.url)
	if err := sync.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	hub.kill()
	sync.Wait()
	x.check("hub")
	hub = x.startHub("hub", strings.TrimPrefix(hub.url, "http://"))
	x.syncJSON("b", hub.url)
	x.sameAs("hub", "b")

	// kill -9 of a bench in the middle of its pull.
	pull := x.cmd("c", "sync", "--hub", hub.url)
	if err := pull.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(250 * time.Millisecond)
	pull.Process.Kill()
	pull.Wait()
	x.check("c")
	x.syncJSON("c", hub.url)
	x.sameAs("hub", "c")
	// Nor do the killed processes leave their spooled bundles behind.
	if left := x.spools(); len(left) > 0 {
		t.Fatalf("spool files left: %v", left)
	}

	// A revoked bench is refused, with a reason, and changes nothing.
	x.run(0, "hub", "bench", "revoke", "atelier-d")
	x.run(0, "d", "intake", "add", "--serial", "AFTER-REVOKE", "--model", "x")
	before := x.events("hub")
	if out := x.run(1, "d", "sync", "--hub", hub.url); !strings.Contains(out, "revoked") {
		t.Fatalf("revoked bench: %s", out)
	}
	if x.events("hub") != before {
		t.Fatal("a revoked bench's sync wrote to the hub")
	}

	// A bench whose ledger was tampered with: the push is refused whole,
	// naming the event.
	x.run(0, "e", "sync", "--hub", hub.url)
	x.run(0, "e", "intake", "add", "--serial", "OFFLINE-2", "--model", "Optiplex")
	tamper(t, x.ledger("e"), "OFFLINE-2", "STOLEN-99")
	before = x.events("hub")
	out := x.run(1, "e", "sync", "--hub", hub.url)
	if !regexp.MustCompile(`event [0-9A-Z]{26} \(bench atelier-e, #\d+\) was altered`).MatchString(out) {
		t.Fatalf("tampered bench: %s", out)
	}
	if x.events("hub") != before {
		t.Fatal("a tampered push wrote to the hub")
	}
	x.check("hub")
	hub.stop()
	if hub.cmd.ProcessState.ExitCode() != 0 {
		t.Fatalf("the hub stopped with %v", hub.cmd.ProcessState)
	}
}

// tamper rewrites an event's payload behind atelier's back, as a script
// holding the file could.
func tamper(t *testing.T, ledger, from, to string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+ledger)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, q := range []string{`DROP TRIGGER events_no_update`,
		`UPDATE events SET payload = replace(payload, '` + from + `', '` + to + `') WHERE payload LIKE '%` + from + `%'`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
}
