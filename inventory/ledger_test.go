package inventory

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var cam = Actor{Operator: "camille"}

// newLedger makes a fresh ledger in a temporary folder with a fixed clock.
func newLedger(t *testing.T) *Ledger {
	t.Helper()
	return newLedgerAt(t, freshLedgerPath(t))
}

// newLedgerAt is newLedger at a given file or PostgreSQL URL.
func newLedgerAt(t *testing.T, path string) *Ledger {
	t.Helper()
	ctx := context.Background()
	created, err := Init(ctx, path, InitOptions{Bench: "bench-1"})
	if err != nil || !created {
		t.Fatalf("Init = %v, %v", created, err)
	}
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	l.SetBenchKeys(testKeys(t))
	clock := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	l.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	return l
}

// testKeys is a fresh bench key, as cmd/atelier gives from bench.key.
func testKeys(t testing.TB) BenchKeys {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return BenchKeys{Signer: func() (crypto.Signer, error) { return priv, nil }, Public: pub, PublicFrom: "bench.pub"}
}

func addUnit(t *testing.T, l *Ledger, serial string) Unit {
	t.Helper()
	u, err := l.AddUnit(context.Background(), cam, NewUnit{Serial: serial, Vendor: "Dell", Model: "Latitude E6410", AssetTag: "INV-" + serial})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestInitCreatesPrivateFilesAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "new")
	path := filepath.Join(dir, "ledger.db")
	if created, err := Init(ctx, path, InitOptions{Prefix: "ree"}); err != nil || !created {
		t.Fatalf("first Init = %v, %v", created, err)
	}
	if created, err := Init(ctx, path, InitOptions{}); err != nil || created {
		t.Fatalf("second Init = %v, %v; want not created", created, err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("ledger mode %v, want 0600", st.Mode().Perm())
	}
	dst, _ := os.Stat(dir)
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", dst.Mode().Perm())
	}
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	u, err := l.AddUnit(ctx, cam, NewUnit{Serial: "S1"})
	if err != nil {
		t.Fatal(err)
	}
	want := "REE-" + time.Now().Format("06") + "-0001"
	if u.ID != want {
		t.Errorf("first id %q, want %q (prefix kept from the first init)", u.ID, want)
	}
}

func TestOpenRefusals(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notSQLite := filepath.Join(dir, "notes.txt")
	os.WriteFile(notSQLite, []byte("this is not a database, just some text\n"), 0o600)
	cases := []struct {
		path string
		want error
	}{
		{filepath.Join(dir, "missing", "ledger.db"), ErrFolderMissing},
		{filepath.Join(dir, "ledger.db"), ErrNoLedger},
		{notSQLite, ErrNotLedger},
	}
	for _, c := range cases {
		if _, err := Open(ctx, c.path); !errors.Is(err, c.want) {
			t.Errorf("Open(%s) = %v, want %v", c.path, err, c.want)
		}
	}
	before, _ := os.ReadFile(notSQLite)
	if _, err := Init(ctx, notSQLite, InitOptions{}); !errors.Is(err, ErrNotLedger) {
		t.Errorf("Init over a text file = %v", err)
	}
	after, _ := os.ReadFile(notSQLite)
	if string(before) != string(after) {
		t.Error("Init changed a file that is not a ledger")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	if _, err := l.db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	path := l.src
	l.Close()
	before, _ := os.ReadFile(path)
	_, err := Open(ctx, path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
	if !strings.Contains(err.Error(), "newer atelier") {
		t.Errorf("message %q does not say why", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("ledger changed")
	}
}

func TestUnitIDsAndLookup(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	a := addUnit(t, l, "CN0ABC123")
	b := addUnit(t, l, "CN0XYZ999")
	if a.ID != "PCS-26-0001" || b.ID != "PCS-26-0002" {
		t.Fatalf("ids %s %s", a.ID, b.ID)
	}
	for _, ref := range []string{"pcs-26-0002", "cn0xyz999", "inv-cn0xyz999", " PCS-26-0002 "} {
		u, err := l.FindUnit(ctx, ref)
		if err != nil || u.ID != b.ID {
			t.Errorf("FindUnit(%q) = %v, %v", ref, u.ID, err)
		}
	}
	if _, err := l.FindUnit(ctx, "PCS-26-9999"); !errors.Is(err, ErrUnknownUnit) {
		t.Errorf("unknown unit: %v", err)
	}
	if _, err := l.AddUnit(ctx, cam, NewUnit{Serial: "cn0abc123"}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate serial accepted: %v", err)
	}
}

func TestImportBatchSkipsKnownSerials(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	known := addUnit(t, l, "S-OLD")
	res, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "DSI Échirolles", Batch: "B1", File: "glpi.csv"}, []NewUnit{
		{Serial: "S-NEW1", SourceLine: 2}, {Serial: "s-old", SourceLine: 3}, {Serial: "S-NEW2", SourceLine: 4}, {Serial: "S-NEW1", SourceLine: 5},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Imported) != 2 || len(res.Skipped) != 2 {
		t.Fatalf("imported %d skipped %d", len(res.Imported), len(res.Skipped))
	}
	if res.Skipped[0].ExistingID != known.ID || res.Skipped[0].Line != 3 {
		t.Errorf("skipped %+v", res.Skipped[0])
	}
	us, _ := l.ListUnits(ctx, ListFilter{Donor: "dsi échirolles"})
	if len(us) != 2 || us[0].Batch != "B1" {
		t.Errorf("donor filter: %+v", us)
	}
	// A failing row rolls the whole batch back.
	_, err = l.ImportBatch(ctx, cam, BatchInfo{File: "f.csv"}, []NewUnit{{Serial: "OK1", SourceLine: 2}, {Serial: "", SourceLine: 3}})
	if err == nil || !strings.Contains(err.Error(), "f.csv line 3") {
		t.Fatalf("bad row: %v", err)
	}
	if _, ok, _ := l.FindUnitBySerial(ctx, "OK1"); ok {
		t.Error("a failed batch left a unit behind")
	}
}

func countEvents(t *testing.T, l *Ledger) int {
	var n int
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLifecycleAndInvariants(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "SER1")
	if _, err := l.AddSite(ctx, cam, "MDH Village 2"); err != nil {
		t.Fatal(err)
	}
	refused := func(to State, o MoveOptions, wantText string) {
		t.Helper()
		n := countEvents(t, l)
		_, err := l.Move(ctx, cam, u.ID, to, o)
		if !errors.Is(err, ErrRefused) && !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrUnknownSite) {
			t.Fatalf("move to %s: %v, want a refusal", to, err)
		}
		if !strings.Contains(err.Error(), wantText) {
			t.Errorf("move to %s: %q lacks %q", to, err, wantText)
		}
		if countEvents(t, l) != n {
			t.Errorf("a refused move to %s wrote an event", to)
		}
	}
	refused(Ready, MoveOptions{}, "it is received")
	// Probe: disks recorded, received -> triaged.
	disks := []DiskRecord{{Serial: "WD-WX41A123", Model: "WD5000", Medium: "HDD", SizeBytes: 500e9}, {Serial: "S3Z9NB0K", Medium: "SSD"}}
	got, err := l.RecordProbe(ctx, cam, u.ID, []byte(`{"x":1}`), nil, "B", disks)
	if err != nil || got.State != "triaged" || got.Grade != "B" {
		t.Fatalf("RecordProbe: %+v %v", got, err)
	}
	refused(Wiped, MoveOptions{}, "disk WD-WX41A123 has no passed erasure certificate")
	refused(Recycled, MoveOptions{}, "PCS-26-0001 cannot be recycled: disk WD-WX41A123 has no passed erasure certificate")
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", Status: "passed"}); !errors.Is(err, ErrRefused) {
		t.Fatalf("deploy before wipe: %v", err)
	}
	// Wipe the first disk; the second one's wipe is interrupted.
	start, err := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disks[0], Device: "/dev/fake0", Method: "overwrite"})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: start, Status: "passed", CertificateID: "C1"}); got.State != "triaged" {
		t.Errorf("one of two disks erased: state %s", got.State)
	}
	start2, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disks[1], Device: "/dev/fake1", Method: "sanitize"})
	ws, _ := l.Wipes(ctx, u.ID)
	if len(ws) != 2 || ws[1].Status != "unfinished" {
		t.Errorf("wipes: %+v", ws)
	}
	got, err = l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: start2, Status: "passed", CertificateID: "C2", Pattern: "zero"})
	if err != nil || got.State != "wiped" {
		t.Fatalf("all disks erased: %+v %v", got, err)
	}
	last, ok, _ := l.LastWipe(ctx, u.ID, "s3z9nb0k")
	if !ok || last.Pattern != "zero" || last.CertificateID != "C2" {
		t.Errorf("LastWipe = %+v %v", last, ok)
	}
	refused(Ready, MoveOptions{}, "it is wiped")
	if got, err = l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin-17", DiskSerial: "s3z9nb0k", Status: "passed"}); err != nil || got.State != "imaged" {
		t.Fatalf("deploy: %+v %v", got, err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Ready, MoveOptions{Reason: "QA ok"}); err != nil {
		t.Fatal(err)
	}
	refused(Reserved, MoveOptions{}, "--site")
	refused(Reserved, MoveOptions{Site: "Nowhere"}, "unknown site")
	if got, err = l.Move(ctx, cam, u.ID, Reserved, MoveOptions{Site: "mdh village 2"}); err != nil || got.Site != "MDH Village 2" {
		t.Fatalf("reserve: %+v %v", got, err)
	}
	for _, bad := range []string{"jean.dupont@example.org", "06 12 34 56 78", "+33612345678", "Jean Dupont", ""} {
		n := countEvents(t, l)
		if _, err := l.Handover(ctx, cam, u.ID, "MDH Village 2", bad); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("beneficiary %q accepted: %v", bad, err)
		}
		if countEvents(t, l) != n {
			t.Errorf("refused beneficiary %q wrote an event", bad)
		}
	}
	if got, err = l.Handover(ctx, cam, u.ID, "MDH Village 2", "MDH-VILLAGE2-2026-017"); err != nil || got.State != "handed_over" {
		t.Fatalf("handover: %+v %v", got, err)
	}
	// Returned: the beneficiary's data is on the disks now, they need a new erasure.
	if _, err := l.Move(ctx, cam, u.ID, Returned, MoveOptions{Reason: "screen broken"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Triaged, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	refused(Parts, MoveOptions{}, "has no passed erasure certificate")
	if _, err := l.DestroyDisk(ctx, cam, u.ID, "WD-WX41A123", "drilled", false); err != nil {
		t.Fatal(err)
	}
	if _, err := l.DestroyDisk(ctx, cam, u.ID, "S3Z9NB0K", "shredded", false); err != nil {
		t.Fatal(err)
	}
	if got, err = l.Move(ctx, cam, u.ID, Parts, MoveOptions{}); err != nil || got.State != "parts" {
		t.Fatalf("parts after destruction: %+v %v", got, err)
	}
	refused(Triaged, MoveOptions{}, "it is parts")
}

func TestEventsCannotBeEdited(t *testing.T) {
	l := newLedger(t)
	addUnit(t, l, "S1")
	for _, q := range []string{`UPDATE events SET operator = 'mallory'`, `DELETE FROM events`} {
		if _, err := l.db.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v", q, err)
		}
	}
}

func TestTimeFormatRoundTrip(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2026, 11, 3, 9, 5, 7, 123456789, time.UTC),
		time.Date(2027, 1, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600)),
	} {
		s := formatTime(tm)
		if s != tm.UTC().Format(timeLayout) {
			t.Errorf("formatTime = %s, want %s", s, tm.UTC().Format(timeLayout))
		}
		if back := parseTime(s); !back.Equal(tm) {
			t.Errorf("parseTime(%s) = %v, want %v", s, back, tm)
		}
	}
}

func TestInitLeavesAnotherProgramsDatabaseAlone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "contacts.db")
	db, err := openDB(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE contacts (name TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	if _, err := Init(ctx, path, InitOptions{}); !errors.Is(err, ErrNotLedger) {
		t.Fatalf("Init over another program's database = %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("Init changed another program's database")
	}
}
