package main

import (
	"io"
	"os/exec"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// hiddenAllowed are the only hidden commands the shipped binary may have,
// each with why: none of them writes a ledger. A hidden command is one
// nobody reads in --help, which is how `ledger synthesize` (it wrote
// handed-over units with erasures that never happened, and verify said
// intact) stayed in the binary (issue 15.2).
var hiddenAllowed = map[string]string{
	"atelier man": "writes manual pages from the help, for make install",
}

// Every command and flag of the shipped binary is in --help, but for the
// listed packager's tools: no hidden way to write history.
func TestNoHiddenCommandOrFlag(t *testing.T) {
	root := newRootCmd(newGlobals(strings.NewReader(""), io.Discard, io.Discard))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := c.CommandPath()
		if c.Hidden && hiddenAllowed[path] == "" {
			t.Errorf("%s is a hidden command: show it in --help or take it out of the binary", path)
		}
		if strings.Contains(strings.ToLower(path), "synth") {
			t.Errorf("%s: a synthetic-history command in the shipped binary", path)
		}
		for _, fs := range []*pflag.FlagSet{c.LocalNonPersistentFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if f.Hidden {
					t.Errorf("%s --%s is a hidden flag", path, f.Name)
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// The synthetic ledger builder (internal/synthledger, for the benchmark
// scripts) is not linked into atelier at all.
func TestSynthLedgerIsNotInTheBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 || !strings.Contains(string(out), "/inventory\n") {
		t.Fatalf("go list -deps gave an unlikely list: %q", deps)
	}
	for _, d := range deps {
		if strings.Contains(d, "synthledger") {
			t.Errorf("atelier links %s: the benchmark ledger builder must stay out of the shipped binary", d)
		}
	}
}
