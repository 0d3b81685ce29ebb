package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// A GLPI export with both "Nom" and "Numéro d'inventaire": the unit is
// found by either, and by its number alone.
const glpiWithName = "Nom;Numéro d'inventaire;Numéro de série;Fabricant;Modèle\n" +
	"ECH-PC-0201;INV-2014-0201;5CG7281AAA;Dell Inc.;Latitude E6220\n" +
	"ECH-PC-0202;INV-2014-0202;CZC1234BBB;Hewlett-Packard;HP Compaq dc7900 SFF\n"

func importGLPI(t *testing.T, l *Ledger, donor, text string) IntakeReport {
	t.Helper()
	rep, err := ImportComputerList(context.Background(), l, cam, strings.NewReader(text), "parc.csv",
		IntakeOptions{Donor: donor, Batch: "Lot de printemps"})
	if err != nil || len(rep.Imported) == 0 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	return rep
}

func TestFindUnitByDSINameAndNumber(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	importGLPI(t, l, "Mairie d'Échirolles", glpiWithName)
	for _, ref := range []string{"ECH-PC-0201", "ech-pc-0201 ", "INV-2014-0201", "5cg7281aaa", "1", "0001", "PCS-26-0001"} {
		u, err := l.FindUnit(ctx, ref)
		if err != nil || u.ID != "PCS-26-0001" {
			t.Errorf("FindUnit(%q) = %s, %v; want PCS-26-0001", ref, u.ID, err)
		}
	}
	u, _ := l.FindUnit(ctx, "ECH-PC-0202")
	if u.ID != "PCS-26-0002" || u.Name != "ECH-PC-0202" || u.AssetTag != "INV-2014-0202" {
		t.Errorf("by name: %+v", u)
	}
	for _, ref := range []string{"3", "0", "-1", "12a", "ECH-PC"} {
		if _, err := l.FindUnit(ctx, ref); !errors.Is(err, ErrUnknownUnit) {
			t.Errorf("FindUnit(%q) = %v, want unknown", ref, err)
		}
	}
	// The name survives a rebuild: it is in the received event.
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if u, err := l.FindUnit(ctx, "ech-pc-0202"); err != nil || u.ID != "PCS-26-0002" {
		t.Errorf("after rebuild: %s %v", u.ID, err)
	}
	st, err := l.StatusOf(ctx, "ECH-PC-0201")
	if err != nil || st.ID != "PCS-26-0001" {
		t.Errorf("status by DSI name: %+v %v", st, err)
	}
}

// A number shared by units of two years is refused with both, told apart
// by model and state, in the operator's language.
func TestShortNumberAmbiguousListsCandidates(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	addUnit(t, l, "S-2026")
	clock := time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC)
	l.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	if _, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S-2027", Model: "OptiPlex 7010"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Move(ctx, cam, "S-2027", Triaged, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err := l.FindUnit(ctx, "0001")
	var e *Error
	if !errors.Is(err, ErrAmbiguous) || !errors.As(err, &e) {
		t.Fatalf("FindUnit(0001) = %v, want ambiguous", err)
	}
	if got, want := e.In(i18n.EN), "0001 matches 2 units: PCS-26-0001 (Latitude E6410, received), PCS-27-0001 (OptiPlex 7010, triaged); use the id"; got != want {
		t.Errorf("EN:\n got %s\nwant %s", got, want)
	}
	if got, want := e.In(i18n.FR), "0001 correspond à 2 unités\u202f: PCS-26-0001 (Latitude E6410, reçu), PCS-27-0001 (OptiPlex 7010, trié)\u202f; utilisez l'identifiant"; got != want {
		t.Errorf("FR:\n got %s\nwant %s", got, want)
	}
	if u, err := l.FindUnit(ctx, "PCS-27-0001"); err != nil || u.Model != "OptiPlex 7010" {
		t.Errorf("the full id still finds it: %+v %v", u, err)
	}
}

func TestListSearch(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	importGLPI(t, l, "Mairie d'Échirolles", glpiWithName)
	importGLPI(t, l, "Crèche 50%_plus", "Nom;Numéro de série;Fabricant;Modèle\nCRECHE-01;PF0ABCDE;LENOVO;ThinkPad T460\n")
	ids := func(search string) string {
		t.Helper()
		us, err := l.ListUnits(ctx, ListFilter{Search: search})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range us {
			out = append(out, u.ID)
		}
		return strings.Join(out, ",")
	}
	for _, c := range []struct{ search, want string }{
		{"latitude", "PCS-26-0001"},               // model, case ignored
		{"  compaq   DC7900 ", "PCS-26-0002"},     // spaces folded
		{"echirolles", "PCS-26-0001,PCS-26-0002"}, // donor, accents ignored
		{"ÉCHIROLLES", "PCS-26-0001,PCS-26-0002"},
		{"printemps", "PCS-26-0001,PCS-26-0002,PCS-26-0003"}, // batch
		{"czc1234", "PCS-26-0002"},                           // part of a serial
		{"inv-2014-0201", "PCS-26-0001"},                     // asset tag
		{"ech-pc-0202", "PCS-26-0002"},                       // DSI name
		{"lenovo", "PCS-26-0003"},                            // vendor
		{"creche", "PCS-26-0003"},
		{"50%_", "PCS-26-0003"}, // % and _ are text, not wildcards
		{"5%", ""},
		{"e_6", ""},
		{"dell hp", ""}, // a phrase, not words from two fields
		{"nowhere", ""},
	} {
		if got := ids(c.search); got != c.want {
			t.Errorf("--search %q = %q, want %q", c.search, got, c.want)
		}
	}
	// A rebuild gives the same answers.
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if got := ids("echirolles"); got != "PCS-26-0001,PCS-26-0002" {
		t.Errorf("after rebuild: %q", got)
	}
}

// A ledger written before the search column gets it filled by the
// migration, without a rebuild.
func TestSearchColumnMigratedFromOlderLedger(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	importGLPI(t, l, "Mairie d'Échirolles", glpiWithName)
	undo := append(append([]string{`DROP INDEX units_state_num`}, undoUnitFind...), `DELETE FROM schema_migrations WHERE version >= 5`)
	for _, tbl := range append(webTables, "benches", "conflicts", "hub_challenges") { // made by later migrations
		undo = append(undo, `DROP TABLE `+tbl)
	}
	for _, q := range undo {
		if _, err := l.db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	path := l.src
	l.Close()
	m, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	us, err := m.ListUnits(ctx, ListFilter{Search: "COMPAQ"})
	if err != nil || len(us) != 1 || us[0].ID != "PCS-26-0002" {
		t.Fatalf("search after migration: %+v %v", us, err)
	}
}

// undoUnitFind takes a ledger back to before migration 0005.
var undoUnitFind = []string{`ALTER TABLE units DROP COLUMN merged_into`, `ALTER TABLE units DROP COLUMN absorbed`, // 0010
	`DROP INDEX units_name`, `DROP INDEX units_idnum`, `DROP INDEX IF EXISTS units_search`, // PostgreSQL drops it in 0012
	`ALTER TABLE units DROP COLUMN search`, `ALTER TABLE units DROP COLUMN name_key`, `ALTER TABLE units DROP COLUMN name`}

// The DSI's name for a computer goes through the personal-data checks like
// every other text of an import: refused, naming the field, nothing written.
func TestDSINameWithPersonalDataIsRefused(t *testing.T) {
	l := newLedger(t)
	_, err := ImportComputerList(context.Background(), l, cam,
		strings.NewReader("Nom;Numéro de série\nPC-jean.dupont@example.org;S-1\n"), "parc.csv", IntakeOptions{Donor: "Mairie"})
	if err == nil || !strings.Contains(err.Error(), "the DSI's name for the computer") {
		t.Fatalf("import of a name holding an e-mail address: %v", err)
	}
	if n := countEvents(t, l); n != 0 {
		t.Fatalf("%d events written", n)
	}
}
