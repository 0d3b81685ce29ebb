package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func importText(t *testing.T, l *Ledger, text string, dry bool) (IntakeReport, error) {
	t.Helper()
	return ImportComputerList(context.Background(), l, cam, strings.NewReader(text), "parc.csv", IntakeOptions{Donor: "Mairie", DryRun: dry})
}

func TestSharedAssetTagIsRefusedAsAReference(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	// The repeated tag is imported, with a warning naming both lines.
	rep, err := importText(t, l, "Name;Serial number\nMAIRIE;S-A\nMAIRIE;S-B\n", false)
	if err != nil || len(rep.Imported) != 2 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Line != 3 || rep.Warnings[0].SameAsLine != 2 {
		t.Fatalf("warnings: %+v", rep.Warnings)
	}
	_, err = l.FindUnit(ctx, "mairie")
	if !errors.Is(err, ErrAmbiguous) || err.Error() != "mairie matches 2 units: PCS-26-0001 (?, received), PCS-26-0002 (?, received); use the id" {
		t.Fatalf("ambiguous tag: %v", err)
	}
	before := countEvents(t, l)
	if _, err := l.Note(ctx, cam, "MAIRIE", "which one?"); !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("note on an ambiguous tag: %v", err)
	}
	if n := countEvents(t, l); n != before {
		t.Fatal("a refused note was written")
	}
	if u, err := l.FindUnit(ctx, "s-b"); err != nil || u.ID != "PCS-26-0002" {
		t.Errorf("by serial: %+v %v", u, err)
	}
	// A later file with the same tag: warned against the ledger, dry run or not.
	rep, err = importText(t, l, "Name;Serial number\nMairie;S-C\n", true)
	if err != nil || len(rep.Warnings) != 1 || rep.Warnings[0].SameAsUnit != "PCS-26-0001" {
		t.Fatalf("dry run warnings: %+v %v", rep.Warnings, err)
	}
	rep, err = importText(t, l, "Name;Serial number\nMairie;S-C\nUNIQUE;S-D\n", false)
	if err != nil || len(rep.Warnings) != 1 || rep.Warnings[0].SameAsUnit != "PCS-26-0001" || rep.Warnings[0].Line != 2 {
		t.Fatalf("import warnings: %+v %v", rep.Warnings, err)
	}
}

func TestTwoSerialColumnsAreRefused(t *testing.T) {
	l := newLedger(t)
	_, err := importText(t, l, "Nom;Numéro de série;Fabricant;Numéro de série\nPC1;S1;Dell;S9\n", false)
	if err == nil || !strings.Contains(err.Error(), `column 2 ("Numéro de série") and column 4 ("Numéro de série")`) {
		t.Fatalf("two serial columns: %v", err)
	}
	if n := countEvents(t, l); n != 0 {
		t.Fatalf("%d events written", n)
	}
}

func TestOCSComputerNameIsTheAssetTag(t *testing.T) {
	rows, err := ParseComputerList(strings.NewReader("TAG;Computer;BIOS Serial number\nCOMPTA;ECH-ADM-017;4FQ2D32\nCOMPTA;ECH-ADM-018;4FQ2D33\n"), "ocs.csv")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].AssetTag != "ECH-ADM-017" || rows[1].AssetTag != "ECH-ADM-018" {
		t.Errorf("asset tags %q %q, want the Computer column", rows[0].AssetTag, rows[1].AssetTag)
	}
	rows, err = ParseComputerList(strings.NewReader("TAG;BIOS Serial number\nINV-9;4FQ2D32\n"), "ocs.csv")
	if err != nil || rows[0].AssetTag != "INV-9" {
		t.Errorf("TAG alone: %+v %v", rows, err)
	}
}
