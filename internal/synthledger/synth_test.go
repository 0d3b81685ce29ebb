package synthledger_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pcsolidaire/atelier/internal/synthledger"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// The built ledger is one the real commands could have written: its chain
// verifies, a rebuild from the events gives back the same units, every unit
// that left has every disk erased with a certificate that `atelier verify`
// accepts, and no unit is imaged or further on without a recorded deploy.
func TestBuildWritesAnHonestHistory(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "bench")
	path := filepath.Join(dir, "ledger.db")
	const n = 60
	st, err := synthledger.Build(ctx, synthledger.Options{Path: path, Units: n})
	if err != nil {
		t.Fatal(err)
	}
	if st.Units != n || st.Events < 10*n || st.Events > 12*n {
		t.Errorf("stats %+v: want %d units and about ten events each", st, n)
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.Prefix() != "SYN" || l.BenchName() != "synth" {
		t.Errorf("prefix %q bench %q: a synthetic ledger must say so", l.Prefix(), l.BenchName())
	}
	vr, err := l.Verify(ctx)
	if err != nil || vr.Events != st.Events {
		t.Fatalf("verify: %+v, %v; want %d events intact", vr, err, st.Events)
	}
	before, err := l.ListUnits(ctx, inventory.ListFilter{})
	if err != nil || len(before) != n {
		t.Fatalf("%d units, %v", len(before), err)
	}
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := l.ListUnits(ctx, inventory.ListFilter{})
	if !reflect.DeepEqual(before, after) {
		t.Error("rebuild from the events changed the units: the views were not what the events say")
	}
	pub, err := reports.LoadBenchPublicKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	states := map[inventory.State]int{}
	certs := 0
	for _, u := range after {
		states[inventory.State(u.State)]++
		checkUnit(t, ctx, l, u, pub, &certs)
	}
	for _, s := range []inventory.State{inventory.Received, inventory.Triaged, inventory.Wiped, inventory.Imaged,
		inventory.Ready, inventory.Reserved, inventory.HandedOver, inventory.Recycled} {
		if states[s] == 0 {
			t.Errorf("no unit %s: states %v", s, states)
		}
	}
	if certs != st.Certificates || certs == 0 {
		t.Errorf("%d certificates verified, %d issued", certs, st.Certificates)
	}
}

func checkUnit(t *testing.T, ctx context.Context, l *inventory.Ledger, u inventory.Unit, pub []byte, certs *int) {
	t.Helper()
	disks, err := l.UnitDisks(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range disks {
		if d.Erasure != inventory.ErasurePassed {
			continue
		}
		c, err := reports.Verify(filepath.Join(filepath.Dir(l.Path()), reports.CertificatesFolder, d.CertificateID+".json"), pub)
		if err != nil {
			t.Errorf("%s disk %s erased, but its certificate: %v", u.ID, d.Serial, err)
			continue
		}
		if c.Disk.Serial != d.Serial || c.Source.UnitID != u.ID {
			t.Errorf("%s: certificate of %s for %s", u.ID, c.Disk.Serial, c.Source.UnitID)
		}
		*certs++
	}
	switch inventory.State(u.State) {
	case inventory.HandedOver, inventory.Recycled, inventory.Parts, inventory.Wiped:
		if len(disks) == 0 {
			t.Errorf("%s is %s with no disk recorded", u.ID, u.State)
		}
		for _, d := range disks {
			if d.Erasure != inventory.ErasurePassed {
				t.Errorf("%s is %s but disk %s is %s", u.ID, u.State, d.Serial, d.Erasure)
			}
		}
	}
	switch inventory.State(u.State) {
	case inventory.Imaged, inventory.Ready, inventory.Reserved, inventory.HandedOver:
		evs, err := l.UnitEvents(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		deployed := false
		for _, e := range evs {
			deployed = deployed || e.Kind == inventory.KindDeployed
		}
		if !deployed {
			t.Errorf("%s is %s with no deploy recorded", u.ID, u.State)
		}
	}
}

// Synthetic history goes only into a new ledger in a new or empty folder:
// never next to a real ledger, never signed with a real bench key.
func TestBuildRefusesAnythingButAFreshPlace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	real := filepath.Join(dir, "ledger.db")
	if _, err := inventory.Init(ctx, real, inventory.InitOptions{Bench: "etabli-1"}); err != nil {
		t.Fatal(err)
	}
	stat := func() os.FileInfo { fi, _ := os.Stat(real); return fi }
	was, before := stat(), names(dir)
	for name, path := range map[string]string{
		"an existing ledger":             real,
		"a new file next to a ledger":    filepath.Join(dir, "other.db"),
		"no path":                        "",
		"a path that is an existing dir": dir,
	} {
		_, err := synthledger.Build(ctx, synthledger.Options{Path: path, Units: 3})
		if !errors.Is(err, synthledger.ErrNotFresh) {
			t.Errorf("%s (%q): err %v, want ErrNotFresh", name, path, err)
		}
	}
	if got := names(dir); !reflect.DeepEqual(got, before) {
		t.Errorf("folder now holds %v, before %v", got, before)
	}
	if _, err := os.Stat(filepath.Join(dir, "other.db")); err == nil {
		t.Error("other.db was created next to a real ledger")
	}
	if _, err := os.Stat(filepath.Join(dir, reports.CertificatesFolder)); err == nil {
		t.Error("a certificates folder was created next to a real ledger")
	}
	if now := stat(); now.Size() != was.Size() || now.ModTime() != was.ModTime() {
		t.Error("the existing ledger was touched")
	}
}

func names(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}
