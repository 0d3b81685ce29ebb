package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// intake import opens the ledger through the path every other command
// uses: a hook set on it (the test binary's shifted clock) reaches the
// units it imports. It once called inventory.Open itself, and recorded
// the import at the real clock's time while intake add followed the hook.
func TestIntakeImportOpensTheLedgerLikeEveryCommand(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ATELIER_LEDGER", filepath.Join(dir, "ledger.db"))
	t.Setenv("ATELIER_OPERATOR", "camille")
	shift := -17520 * time.Hour
	hooked := 0
	atelier := func(args ...string) string {
		var out, errb strings.Builder
		g := newGlobals(strings.NewReader(""), &out, &errb)
		g.ledgerHook = func(g *globals, l *inventory.Ledger) error {
			hooked++
			l.SetClock(func() time.Time { return time.Now().Add(shift) })
			return nil
		}
		root := newRootCmd(g)
		root.SetArgs(args)
		if err := root.Execute(); err != nil {
			t.Fatalf("atelier %v: %v\n%s", args, err, errb.String())
		}
		return out.String()
	}
	atelier("init")
	csv := filepath.Join("..", "..", "inventory", "testdata", "intake", "glpi10_fr.csv")
	before := hooked
	atelier("intake", "import", csv, "--donor", "DSI Échirolles", "--batch", "DSI-2026-11")
	if hooked == before {
		t.Errorf("intake import opened the ledger without the shared path (its hook never ran)")
	}
	out := atelier("unit", "show", "5CG7281XYZ", "--json")
	var u struct {
		ReceivedAt time.Time `json:"received_at"`
	}
	if err := json.Unmarshal([]byte(out), &u); err != nil {
		t.Fatalf("unit show --json: %v\n%s", err, out)
	}
	if d := time.Since(u.ReceivedAt); d < -shift-time.Hour || d > -shift+time.Hour {
		t.Errorf("the imported unit was received %s ago; the ledger's clock (shifted by %s) was not used", d, shift)
	}
}
