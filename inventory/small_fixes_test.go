package inventory

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNoteRefusesPersonalData(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "S1")
	for _, c := range []struct{ text, want string }{
		{"call back jean.dupont@example.org when ready", "e-mail address"},
		{"owner: 06 12 34 56 78", "phone number"},
		{"owner +33612345678", "phone number"},
		{"tel. 01.23.45.67.89 (accueil)", "phone number"},
	} {
		if _, err := l.Note(ctx, cam, u.ID, c.text); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("note %q: %v", c.text, err)
		}
	}
	for _, ok := range []string{"RAM 8192 MB, disk 500 GB", "serial 5CG7281XYZ, part 0123456", "keyboard @ home row missing", "batch 2026-11-03"} {
		if _, err := l.Note(ctx, cam, u.ID, ok); err != nil {
			t.Errorf("note %q refused: %v", ok, err)
		}
	}
}

func TestDestroyDiskNeedsARecordedDiskOrNew(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "S1")
	l.RecordProbe(ctx, cam, u.ID, nil, nil, "", []DiskRecord{{Serial: "WD-REAL"}})
	_, err := l.DestroyDisk(ctx, cam, u.ID, "WD-TYPO", "drilled", false)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "its disks: WD-REAL") || !strings.Contains(err.Error(), "--new") {
		t.Fatalf("unrecorded disk: %v", err)
	}
	if _, err := l.DestroyDisk(ctx, cam, u.ID, "wd-real", "drilled", false); err != nil {
		t.Fatal(err)
	}
	if _, err := l.DestroyDisk(ctx, cam, u.ID, "WD-LOOSE", "drilled", true); err != nil {
		t.Fatal(err)
	}
	disks, _ := l.UnitDisks(ctx, u.ID)
	if len(disks) != 2 || disks[0].Erasure != ErasureDestroyed || disks[1].Serial != "WD-LOOSE" {
		t.Errorf("disks: %+v", disks)
	}
}

func TestListFiltersIgnoreAccentsAndSortByNumber(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	if _, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "Mairie d'Échirolles", Batch: "Lot Été"}, []NewUnit{{Serial: "A"}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"mairie d'echirolles", "MAIRIE  D'ÉCHIROLLES"} {
		us, err := l.ListUnits(ctx, ListFilter{Donor: q})
		if err != nil || len(us) != 1 {
			t.Errorf("--donor %q: %d units, %v", q, len(us), err)
		}
	}
	if us, _ := l.ListUnits(ctx, ListFilter{Batch: "lot ete"}); len(us) != 1 {
		t.Errorf("--batch without accents: %d units", len(us))
	}
	// Ids past 9999 sort after 1000..9999, not between them (as text would).
	rows := make([]NewUnit, 0, 3)
	for i := 0; i < 3; i++ {
		rows = append(rows, NewUnit{Serial: fmt.Sprint("B", i)})
	}
	if _, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "X"}, rows); err != nil {
		t.Fatal(err)
	}
	for from, to := range map[string]int{"PCS-26-0001": 1000, "PCS-26-0002": 10000, "PCS-26-0003": 1001} {
		id := fmt.Sprintf("PCS-26-%04d", to)
		q := `UPDATE units SET id = ?, id_num = ?, doc = json_set(doc, '$.id', ?) WHERE id = ?`
		if l.eng.name() == "postgres" {
			q = `UPDATE units SET id = ?, id_num = ?, doc = jsonb_set(doc::jsonb, '{id}', to_jsonb(?::text))::text WHERE id = ?`
		}
		if _, err := l.db.Exec(q, id, to, id, from); err != nil {
			t.Fatal(err)
		}
	}
	us, _ := l.ListUnits(ctx, ListFilter{})
	var ids []string
	for _, u := range us {
		ids = append(ids, u.ID)
	}
	if got := strings.Join(ids, " "); got != "PCS-26-0004 PCS-26-1000 PCS-26-1001 PCS-26-10000" {
		t.Errorf("order: %s", got)
	}
}

func TestLedgerFolderThatIsAFile(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(file, []byte("x"), 0o600)
	for _, err := range []error{
		func() error { _, err := Init(ctx, filepath.Join(file, "ledger.db"), InitOptions{}); return err }(),
		func() error { _, err := Open(ctx, filepath.Join(file, "ledger.db")); return err }(),
	} {
		if err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
			t.Errorf("parent is a file: %v", err)
		}
	}
}

func TestDiskOnOtherUnits(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	a, b := addUnit(t, l, "S1"), addUnit(t, l, "S2")
	l.RecordProbe(ctx, cam, a.ID, nil, nil, "", []DiskRecord{{Serial: "9RK1XXXX"}})
	l.RecordProbe(ctx, cam, b.ID, nil, nil, "", []DiskRecord{{Serial: "9rk1xxxx"}})
	got, err := l.DiskOnOtherUnits(ctx, b.ID, "9RK1XXXX")
	if err != nil || len(got) != 1 || got[0] != a.ID {
		t.Fatalf("DiskOnOtherUnits = %v %v", got, err)
	}
	if got, _ := l.DiskOnOtherUnits(ctx, a.ID, "OTHER"); len(got) != 0 {
		t.Errorf("unknown disk: %v", got)
	}
}
