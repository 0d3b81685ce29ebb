package main

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The hub end to end, benches apart: the same machine registered at two
// benches (then merged into one unit), a bench whose clock is two years behind (a real process, through
// the documented test hook), two benches acting on one unit, an undo of a
// move the hub had merged, bundles relayed by a bench for a bench with no
// network (enrolled or not), then syncs in two orders until every ledger
// is the hub's. After each step: verify, unit counts, no id twice.

// behind is the environment of a bench whose clock is two years behind.
var behind = []string{"ATELIER_TEST_CLOCK_SHIFT=-17520h"}

// runEnv is run with more environment.
func (x *e2e) runEnv(env []string, want int, name string, args ...string) string {
	x.t.Helper()
	return x.exitWith(want, x.cmdOn(x.ledger(name), env, args...), "atelier "+name+" "+strings.Join(args, " "))
}

// conflicts lists a ledger's open conflicts.
func (x *e2e) conflicts(name string) []struct{ Event, Unit, Bench, Reason, Other string } {
	x.t.Helper()
	var cs []struct {
		Event, Unit, Bench, Reason string
		Other                      string `json:"other_unit"`
	}
	if err := json.Unmarshal([]byte(x.run(0, name, "ledger", "conflicts", "--json")), &cs); err != nil {
		x.t.Fatal(err)
	}
	out := make([]struct{ Event, Unit, Bench, Reason, Other string }, len(cs))
	for i, c := range cs {
		out[i] = struct{ Event, Unit, Bench, Reason, Other string }(c)
	}
	return out
}

// stateOf is a unit's state on a ledger.
func (x *e2e) stateOf(name, unit string) string {
	x.t.Helper()
	for _, u := range x.check(name) {
		if u.ID == unit {
			return u.State
		}
	}
	x.t.Fatalf("%s: no unit %s", name, unit)
	return ""
}

// query runs one read-only query on a ledger file.
func (x *e2e) query(name, q string, args ...any) string {
	x.t.Helper()
	db, err := sql.Open("sqlite", "file:"+x.ledger(name)+"?mode=ro")
	if err != nil {
		x.t.Fatal(err)
	}
	defer db.Close()
	var s string
	if err := db.QueryRow(q, args...).Scan(&s); err != nil {
		x.t.Fatal(q, err)
	}
	return s
}

func TestHubEndToEndApart(t *testing.T) {
	x := newE2E(t)
	x.run(0, "hub", "init", "--bench", "hub", "--letter", "H")
	for _, b := range []struct{ name, letter string }{{"b", "B"}, {"c", "C"}, {"d", "D"}, {"e", "E"}, {"f", "F"}} {
		x.run(0, b.name, "init", "--bench", "atelier-"+b.name, "--letter", b.letter)
		if b.name != "f" { // f is enrolled later
			x.run(0, "hub", "bench", "enrol", "atelier-"+b.name, "--key", filepath.Join(x.dir, b.name, "bench.pub"), "--letter", b.letter)
		}
	}
	hub := x.startHub("hub", "127.0.0.1:0")
	units := func(name string, want int) {
		t.Helper()
		if n := len(x.check(name)); n != want {
			t.Fatalf("%s has %d units, want %d", name, n, want)
		}
	}

	// The same machine registered at B and at C before they synced: two
	// units (each has its path), the later intake listed, on the hub and
	// on the benches that pulled both.
	x.run(0, "b", "intake", "add", "--serial", "TWIN-1", "--model", "Latitude")
	x.run(0, "c", "intake", "add", "--serial", "TWIN-1", "--model", "Latitude")
	x.run(0, "b", "intake", "add", "--serial", "B-2", "--model", "Optiplex")
	x.syncJSON("b", hub.url)
	x.syncJSON("c", hub.url)
	x.syncJSON("b", hub.url)
	units("hub", 3)
	for _, name := range []string{"hub", "b", "c"} {
		cs := x.conflicts(name)
		if len(cs) != 1 || cs[0].Reason != "duplicate_serial" || cs[0].Unit != "PCS-26-C0001" || cs[0].Other != "PCS-26-B0001" {
			t.Fatalf("%s: conflicts %+v", name, cs)
		}
	}

	// C checks both labels: one machine. After the merge (events, synced)
	// it is one unit everywhere, the conflict resolved.
	x.run(0, "c", "unit", "merge", "PCS-26-B0001", "PCS-26-C0001", "--reason", "one PC, two labels")
	x.syncJSON("c", hub.url)
	x.syncJSON("b", hub.url)
	units("hub", 2)
	for _, name := range []string{"hub", "b", "c"} {
		if cs := x.conflicts(name); len(cs) != 0 {
			t.Fatalf("%s: conflicts after the merge %+v", name, cs)
		}
	}
	if out := x.run(0, "hub", "unit", "show", "PCS-26-C0001"); !strings.Contains(out, "Merged into") || !strings.Contains(out, "PCS-26-B0001") {
		t.Fatalf("show of the merged unit: %s", out)
	}
	if out := x.run(1, "b", "unit", "move", "PCS-26-C0001", "triaged"); !strings.Contains(out, "merged into PCS-26-B0001") {
		t.Fatalf("move of the merged unit: %s", out)
	}

	// D's clock is two years behind: it pulls, moves B's unit, pushes.
	// Its move files after the intake it pulled (causal ids), keeps its
	// own time, and every ledger verifies.
	x.runEnv(behind, 0, "d", "sync", "--hub", hub.url)
	if out := x.runEnv(behind, 0, "d", "unit", "move", "PCS-26-B0002", "triaged"); !strings.Contains(out, "ATELIER_TEST_CLOCK_SHIFT") {
		t.Fatalf("the test hook did not say so: %s", out)
	}
	x.runEnv(behind, 0, "d", "sync", "--hub", hub.url)
	if s := x.stateOf("hub", "PCS-26-B0002"); s != "triaged" {
		t.Fatalf("B0002 on the hub: %s", s)
	}
	if at := x.query("hub", `SELECT at FROM events WHERE bench = 'atelier-d' AND kind = 'moved'`); !strings.HasPrefix(at, "2024-") {
		t.Fatalf("d's move at %s, want its own clock's 2024", at)
	}
	x.syncJSON("b", hub.url)
	x.run(0, "b", "unit", "move", "PCS-26-B0002", "recycled", "--no-disk")
	x.syncJSON("b", hub.url)
	if s := x.stateOf("hub", "PCS-26-B0002"); s != "recycled" {
		t.Fatalf("B0002 after B's move on the hub: %s", s)
	}
	x.check("d")

	// B and C act on one unit while apart: the first move stands, the
	// other is listed; the refused undo names the conflict.
	x.run(0, "b", "intake", "add", "--serial", "APART-1", "--model", "x")
	x.syncJSON("b", hub.url)
	x.syncJSON("c", hub.url)
	x.run(0, "b", "unit", "move", "PCS-26-B0003", "triaged")
	x.syncJSON("b", hub.url)
	x.run(0, "c", "unit", "move", "PCS-26-B0003", "recycled", "--no-disk")
	x.syncJSON("c", hub.url)
	for _, name := range []string{"hub", "c"} {
		if s := x.stateOf(name, "PCS-26-B0003"); s != "triaged" {
			t.Fatalf("%s: B0003 is %s, want triaged (B moved first)", name, s)
		}
	}
	if out := x.run(1, "c", "unit", "undo", "PCS-26-B0003", "--reason", "wrong unit"); !strings.Contains(out, "open conflict") {
		t.Fatalf("undo with an open conflict: %s", out)
	}

	// B undoes a move the hub merged, while C (which pulled it) recycled
	// the unit: the undo came late, it is listed and does not apply.
	x.run(0, "b", "intake", "add", "--serial", "UNDO-1", "--model", "x")
	x.run(0, "b", "unit", "move", "PCS-26-B0004", "triaged")
	x.syncJSON("b", hub.url)
	x.syncJSON("c", hub.url)
	x.run(0, "c", "unit", "move", "PCS-26-B0004", "recycled", "--no-disk")
	x.syncJSON("c", hub.url)
	x.run(0, "b", "unit", "undo", "PCS-26-B0004", "--reason", "not this one")
	x.syncJSON("b", hub.url)
	late := 0
	for _, c := range x.conflicts("hub") {
		if c.Reason == "undo_late" && c.Unit == "PCS-26-B0004" && c.Bench == "atelier-b" {
			late++
		}
	}
	if late != 1 {
		t.Fatalf("hub conflicts: %+v", x.conflicts("hub"))
	}
	for _, name := range []string{"hub", "b"} {
		if s := x.stateOf(name, "PCS-26-B0004"); s != "recycled" {
			t.Fatalf("%s: B0004 is %s, want recycled", name, s)
		}
	}

	// F has no network and is not enrolled: B carries its bundle, and its
	// push is refused whole, naming F, until F is enrolled.
	x.run(0, "f", "intake", "add", "--serial", "F-1", "--model", "x")
	x.run(0, "f", "sync", "--export", "f.bundle")
	x.run(0, "b", "sync", "--import", "f.bundle")
	x.run(0, "b", "unit", "move", "PCS-26-F0001", "triaged")
	before := x.events("hub")
	if out := x.run(1, "b", "sync", "--hub", hub.url); !strings.Contains(out, "atelier-f") || !strings.Contains(out, "bench enrol") {
		t.Fatalf("relay of a bench not enrolled: %s", out)
	}
	if x.events("hub") != before {
		t.Fatal("a refused relay wrote to the hub")
	}
	x.run(0, "hub", "bench", "enrol", "atelier-f", "--key", filepath.Join(x.dir, "f", "bench.pub"), "--letter", "F")
	x.syncJSON("b", hub.url)
	if s := x.stateOf("hub", "PCS-26-F0001"); s != "triaged" {
		t.Fatalf("F0001 on the hub: %s", s)
	}
	// E is enrolled: C carries its bundle; E's own sync then pushes nothing.
	x.run(0, "e", "intake", "add", "--serial", "E-1", "--model", "x")
	x.run(0, "e", "sync", "--export", "e.bundle")
	x.run(0, "c", "sync", "--import", "e.bundle")
	x.syncJSON("c", hub.url)
	if p, _ := x.syncJSON("e", hub.url); p != 0 {
		t.Fatalf("e pushed %d events the hub had from c", p)
	}

	// Syncs in two orders until every ledger is the hub's.
	sync := func(name string) {
		if name == "d" {
			x.runEnv(behind, 0, "d", "sync", "--hub", hub.url)
			return
		}
		x.syncJSON(name, hub.url)
	}
	for _, order := range [][]string{{"b", "c", "d", "e", "f"}, {"f", "e", "d", "c", "b"}} {
		for _, name := range order {
			sync(name)
		}
	}
	units("hub", 6)
	for _, name := range []string{"b", "c", "d", "e", "f"} {
		x.sameAs("hub", name)
	}
	if n := len(x.conflicts("hub")); n != 2 {
		t.Fatalf("hub: %d open conflicts, want 2 (apart, late undo): %+v", n, x.conflicts("hub"))
	}
	hub.stop()
}
