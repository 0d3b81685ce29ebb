package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// testClockShiftEnv shifts the clock an atelier process run by the hub's
// end-to-end test records events with, so that the test runs a real bench
// two years behind (Go reads the clock without libc: faketime cannot do
// it, and a time namespace does not shift the wall clock). Only the test
// binary reads it (TestMain, ATELIER_E2E_MAIN): the shipped atelier has no
// way to record events at another time than its clock's.
const testClockShiftEnv = "ATELIER_TEST_CLOCK_SHIFT"

// withTestClockShift is the test binary's ledger hook: it says on stderr
// that the clock is shifted, every time.
func withTestClockShift(g *globals) {
	v := os.Getenv(testClockShiftEnv)
	if v == "" {
		return
	}
	g.ledgerHook = func(g *globals, l *inventory.Ledger) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return g.lang().Errorf("clockshift.bad", testClockShiftEnv, v)
		}
		fmt.Fprintln(g.stderr, g.T("clockshift.on", testClockShiftEnv, v))
		l.SetClock(func() time.Time { return time.Now().Add(d) })
		return nil
	}
}

// The shipped binary records events at its own clock's time, whatever
// ATELIER_TEST_CLOCK_SHIFT says: a hidden variable that backdated every
// event (a wipe, a handover) was a way to write a false history (issue
// 15.2).
func TestShippedBinaryIgnoresTheTestClockShift(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ATELIER_LEDGER", filepath.Join(dir, "ledger.db"))
	t.Setenv("ATELIER_OPERATOR", "camille")
	t.Setenv(testClockShiftEnv, "-17520h")
	atelier := func(args ...string) (string, string) {
		var out, errb strings.Builder
		g := newGlobals(strings.NewReader(""), &out, &errb)
		root := newRootCmd(g)
		root.SetArgs(args)
		if err := root.Execute(); err != nil {
			t.Fatalf("atelier %v: %v\n%s", args, err, errb.String())
		}
		return out.String(), errb.String()
	}
	atelier("init")
	_, stderr := atelier("intake", "add", "--serial", "5CG7281XYZ", "--vendor", "Dell", "--model", "Latitude E6410")
	if strings.Contains(stderr, testClockShiftEnv) {
		t.Errorf("the shipped commands read %s: %s", testClockShiftEnv, stderr)
	}
	out, _ := atelier("unit", "show", "5CG7281XYZ", "--json")
	var u struct {
		ReceivedAt time.Time `json:"received_at"`
	}
	if err := json.Unmarshal([]byte(out), &u); err != nil {
		t.Fatalf("unit show --json: %v\n%s", err, out)
	}
	if d := time.Since(u.ReceivedAt); d < -time.Minute || d > time.Hour {
		t.Errorf("the unit was received at %s, %s from now: the clock shift reached the shipped binary", u.ReceivedAt, d)
	}
	// The test binary's hook still shifts (TestHubEndToEndApart relies on it).
	g := newGlobals(strings.NewReader(""), io.Discard, io.Discard)
	withTestClockShift(g)
	if g.ledgerHook == nil {
		t.Fatal("withTestClockShift set no hook")
	}
}
