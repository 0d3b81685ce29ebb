package inventory

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func newIntakeLedger(t testing.TB) *Ledger {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, err := Init(ctx, path, InitOptions{Bench: "test"}); err != nil {
		t.Fatal(err)
	}
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func importIntakeFixture(t *testing.T, l *Ledger, name string, o IntakeOptions) (IntakeReport, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "intake", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ImportComputerList(context.Background(), l, Actor{Operator: "camille"}, f, f.Name(), o)
}

func intakeUnits(t *testing.T, l *Ledger) []Unit {
	t.Helper()
	us, err := l.ListUnits(context.Background(), ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return us
}

// A dry run reads the ledger only; the real import registers every computer
// with the batch and donor; importing the same file again skips them all.
func TestIntakeImportDryRunThenImportThenSkip(t *testing.T) {
	l := newIntakeLedger(t)
	day := time.Date(2026, 11, 3, 10, 0, 0, 0, time.Local)

	dry, err := importIntakeFixture(t, l, "glpi10_fr.csv", IntakeOptions{Donor: "DSI Échirolles", DryRun: true, Now: day})
	if err != nil {
		t.Fatal(err)
	}
	if len(dry.WouldImport) != 5 || len(dry.Imported) != 0 || dry.Batch != "glpi10_fr-2026-11-03" {
		t.Fatalf("dry run: %+v", dry)
	}
	if us := intakeUnits(t, l); len(us) != 0 {
		t.Fatalf("dry run wrote %d units", len(us))
	}

	rep, err := importIntakeFixture(t, l, "glpi10_fr.csv", IntakeOptions{Donor: "DSI Échirolles", Batch: "DSI-2026-11"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Imported) != 5 || len(rep.Skipped) != 0 {
		t.Fatalf("import: %d imported, %d skipped", len(rep.Imported), len(rep.Skipped))
	}
	u, err := l.FindUnit(context.Background(), "inv-2019-0102")
	if err != nil {
		t.Fatal(err)
	}
	if u.Serial != "CZC4150KQ2" || u.Batch != "DSI-2026-11" || u.Donor != "DSI Échirolles" || u.Type != "desktop" || u.State != "received" {
		t.Errorf("unit found by asset tag: %+v", u)
	}

	again, err := importIntakeFixture(t, l, "glpi10_fr.csv", IntakeOptions{Donor: "DSI Échirolles", Batch: "DSI-2026-12"})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Imported) != 0 || len(again.Skipped) != 5 || again.Skipped[1].Line != 3 || again.Skipped[1].ExistingID != u.ID {
		t.Fatalf("re-import: %+v", again)
	}
	dry, err = importIntakeFixture(t, l, "glpi10_fr.csv", IntakeOptions{Donor: "DSI Échirolles", DryRun: true})
	if err != nil || len(dry.WouldImport) != 0 || len(dry.Skipped) != 5 {
		t.Fatalf("dry run after import: %+v, %v", dry, err)
	}
	if us := intakeUnits(t, l); len(us) != 5 {
		t.Fatalf("%d units after re-import, want 5", len(us))
	}
}

// A file with one bad row leaves the ledger exactly as it was.
func TestIntakeBadFileWritesNothing(t *testing.T) {
	l := newIntakeLedger(t)
	if _, err := importIntakeFixture(t, l, "ocs_export.csv", IntakeOptions{Donor: "DSI"}); err != nil {
		t.Fatal(err)
	}
	before := intakeUnits(t, l)
	for _, name := range []string{"bad_rows.csv", "bad_quote.csv", "bad_mixed_encoding.csv", "empty.csv", "no_serial.csv"} {
		_, err := importIntakeFixture(t, l, name, IntakeOptions{Donor: "DSI"})
		var ie *IntakeError
		if !errors.As(err, &ie) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if after := intakeUnits(t, l); len(after) != len(before) {
		t.Fatalf("bad files changed the ledger: %d units, was %d", len(after), len(before))
	}
	if _, err := importIntakeFixture(t, l, "glpi10_fr.csv", IntakeOptions{}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("no donor: %v", err)
	}
}

func TestIntakeWalkIn(t *testing.T) {
	l := newIntakeLedger(t)
	ctx, a := context.Background(), Actor{Operator: "camille"}
	u, err := AddWalkIn(ctx, l, a, NewUnit{Serial: " 5CG7281XYZ ", Vendor: "Dell", Model: "Latitude E6410", Type: "Portable", Donor: "Mme Martin"})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == "" || u.Serial != "5CG7281XYZ" || u.Type != "laptop" || u.State != "received" {
		t.Errorf("walk-in: %+v", u)
	}
	for _, bad := range []NewUnit{{}, {Serial: "To be filled by O.E.M."}, {Serial: "X1", Type: "imprimante"}} {
		if _, err := AddWalkIn(ctx, l, a, bad); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("AddWalkIn(%+v) = %v, want invalid input", bad, err)
		}
	}
	if _, err := AddWalkIn(ctx, l, a, NewUnit{Serial: "5cg7281xyz"}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("same serial again: %v", err)
	}
}

func TestIntakeBatchRef(t *testing.T) {
	day := time.Date(2026, 11, 3, 10, 0, 0, 0, time.Local)
	for in, want := range map[string]string{
		"/tmp/Parc rebut 2026.csv": "Parc-rebut-2026-2026-11-03",
		"export.csv":               "export-2026-11-03",
		"Écoles_été.CSV":           "Ecoles_ete-2026-11-03",
		"stdin":                    "batch-2026-11-03",
	} {
		if got := IntakeBatchRef(in, day); got != want {
			t.Errorf("IntakeBatchRef(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkIntakeImport10k parses and imports a 10,000-row French GLPI
// export into a fresh ledger: the DSI's "one command" (target: under 1 s).
func BenchmarkIntakeImport10k(b *testing.B) {
	var buf bytes.Buffer
	writeGLPIExport(&buf, 0, 10000)
	data := buf.Bytes()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		l := newIntakeLedger(b)
		b.StartTimer()
		rep, err := ImportComputerList(context.Background(), l, Actor{Operator: "bench"}, bytes.NewReader(data), "glpi.csv", IntakeOptions{Donor: "DSI"})
		if err != nil || len(rep.Imported) != 10000 {
			b.Fatalf("%v, %d imported", err, len(rep.Imported))
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// A big dry run reads the registered serials in one pass: it must give the
// same answer as row-by-row lookups (serials compared ignoring case).
func TestIntakeBigDryRunFindsRegisteredSerials(t *testing.T) {
	l := newIntakeLedger(t)
	ctx, a := context.Background(), Actor{Operator: "camille"}
	var first, second bytes.Buffer
	writeGLPIExport(&first, 0, 1200)
	writeGLPIExport(&second, 0, 1500)
	if _, err := ImportComputerList(ctx, l, a, &first, "first.csv", IntakeOptions{Donor: "DSI"}); err != nil {
		t.Fatal(err)
	}
	walkIn, err := AddWalkIn(ctx, l, a, NewUnit{Serial: "sn00001300"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ImportComputerList(ctx, l, a, &second, "second.csv", IntakeOptions{Donor: "DSI", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Skipped) != 1201 || len(rep.WouldImport) != 299 {
		t.Fatalf("%d skipped, %d would import; want 1201 and 299", len(rep.Skipped), len(rep.WouldImport))
	}
	last := rep.Skipped[len(rep.Skipped)-1]
	if last.Serial != "SN00001300" || last.Line != 1301 || last.ExistingID != walkIn.ID {
		t.Errorf("walk-in seen as %+v, want line 1301 as %s", last, walkIn.ID)
	}
	if us := intakeUnits(t, l); len(us) != 1201 {
		t.Errorf("dry run wrote: %d units", len(us))
	}
}
