package inventory

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/oklog/ulid/v2"
)

// Issue 8.6: a 20-line script appended a forged handover (with a name and a
// phone number) that verify called intact and rebuild applied, although the
// unit's disk was never erased. These tests play that script, and its
// variants, against the file itself.

// raw opens the ledger file as such a script would, bypassing atelier.
func raw(t *testing.T, l *Ledger) *sql.DB {
	t.Helper()
	return rawDB(t, l)
}

func exec(t *testing.T, db *sql.DB, queries ...string) {
	t.Helper()
	for _, q := range queries {
		if _, err := db.Exec(inDialect(db, q)); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// forge appends an event after the bench's last one, hashes recomputed as
// the chain's format says, and moves the recorded head onto it. sign, when
// given, signs the new head (someone holding a key); otherwise the head keeps
// the signature of the event before.
func forge(t *testing.T, db *sql.DB, bench, unit, kind string, payload any, sign func(msg []byte) string) Event {
	t.Helper()
	var lastID string
	var e Event
	if err := db.QueryRow(`SELECT id, bench_seq, hash FROM events WHERE bench = ? ORDER BY bench_seq DESC LIMIT 1`, bench).
		Scan(&lastID, &e.Seq, &e.PrevHash); err != nil {
		t.Fatal(err)
	}
	last := ulid.MustParse(lastID)
	body, _ := json.Marshal(payload)
	e.ID = ulid.MustNew(last.Time()+1000, rand.Reader).String()
	e.Bench, e.Seq, e.Unit, e.Kind = bench, e.Seq+1, unit, kind
	e.At, e.Operator, e.Payload = ulid.Time(last.Time()+1000).UTC(), "mallory", body
	e.Hash = eventHash(e)
	if _, err := db.Exec(`INSERT INTO events (`+eventColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.Bench, e.Seq, e.Unit, e.Kind, formatTime(e.At), e.Operator, string(e.Payload), e.PrevHash, e.Hash); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE bench_heads SET seq = ?, hash = ? WHERE bench = ?`, e.Seq, e.Hash, bench); err != nil {
		t.Fatal(err)
	}
	if sign != nil {
		if _, err := db.Exec(`UPDATE bench_heads SET sig = ? WHERE bench = ?`, sign(HeadMessage(bench, e.Seq, e.Hash)), bench); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

func signWith(priv ed25519.PrivateKey) func([]byte) string {
	return func(msg []byte) string { return base64.StdEncoding.EncodeToString(ed25519.Sign(priv, msg)) }
}

// benchPriv is the test bench's own private key (what bench.key holds).
func benchPriv(t *testing.T, l *Ledger) ed25519.PrivateKey {
	t.Helper()
	s, err := l.keys.Signer()
	if err != nil {
		t.Fatal(err)
	}
	return s.(ed25519.PrivateKey)
}

// unerased is a ledger with a reserved-site and a triaged unit whose disk
// was never erased: what the forged handover hands over.
func unerased(t *testing.T) (*Ledger, Unit) {
	t.Helper()
	ctx := context.Background()
	l := newLedger(t)
	if _, err := l.AddSite(ctx, cam, "MDH Village 2"); err != nil {
		t.Fatal(err)
	}
	u := addUnit(t, l, "FORGE1")
	if _, err := l.RecordProbe(ctx, cam, u.ID, []byte(`{}`), nil, "B", []DiskRecord{{Serial: "WD-NEVER-WIPED"}}); err != nil {
		t.Fatal(err)
	}
	if r, err := l.Verify(ctx); err != nil || !r.Heads[0].Signed {
		t.Fatalf("before forging: %+v %v", r, err)
	}
	return l, u
}

var forgedHandover = movedPayload{From: Triaged, To: HandedOver, Site: "MDH Village 2", Beneficiary: "Jean Dupont 06 12 34 56 78"}

func wantBroken(t *testing.T, l *Ledger, want string) {
	t.Helper()
	ctx := context.Background()
	_, err := l.Verify(ctx)
	if !errors.Is(err, ErrChainBroken) || !strings.Contains(err.Error(), want) {
		t.Errorf("Verify = %v, want a broken chain saying %q", err, want)
	}
	if _, err := l.CheckedRebuild(ctx, false); !errors.Is(err, ErrChainBroken) {
		t.Errorf("CheckedRebuild = %v, want a refusal", err)
	}
}

func TestForgedHandoverWithoutTheKeyIsCaught(t *testing.T) {
	l, u := unerased(t)
	forge(t, raw(t, l), l.bench, u.ID, KindMoved, forgedHandover, nil)
	wantBroken(t, l, "does not carry a valid signature")
	unit, _ := l.FindUnit(context.Background(), u.ID)
	if unit.State == string(HandedOver) {
		t.Error("the refused rebuild applied the forged handover")
	}
}

func TestForgedHandoverWithTheSignatureStrippedIsCaught(t *testing.T) {
	l, u := unerased(t)
	db := raw(t, l)
	exec(t, db, `DROP TRIGGER bench_heads_keep_sig`)
	forge(t, db, l.bench, u.ID, KindMoved, forgedHandover, func([]byte) string { return "" })
	exec(t, db, `CREATE TRIGGER bench_heads_keep_sig BEFORE UPDATE ON bench_heads WHEN OLD.sig <> '' AND NEW.sig = '' BEGIN SELECT RAISE(ABORT, 'x'); END`)
	wantBroken(t, l, "is not signed although the bench signs")
}

// Stripping the key as well makes the ledger look like one from before
// signed heads: verify then says "unsigned", never "intact".
func TestForgedHistoryPassedOffAsUnsignedIsNotIntact(t *testing.T) {
	ctx := context.Background()
	l, u := unerased(t)
	db := raw(t, l)
	exec(t, db, `DROP TRIGGER bench_heads_keep_sig`, `DROP TRIGGER bench_keys_no_delete`, `DELETE FROM bench_keys`)
	forge(t, db, l.bench, u.ID, KindMoved, forgedHandover, func([]byte) string { return "" })
	exec(t, db, `CREATE TRIGGER bench_heads_keep_sig BEFORE UPDATE ON bench_heads WHEN OLD.sig <> '' AND NEW.sig = '' BEGIN SELECT RAISE(ABORT, 'x'); END`,
		`CREATE TRIGGER bench_keys_no_delete BEFORE DELETE ON bench_keys BEGIN SELECT RAISE(ABORT, 'x'); END`)
	res, err := l.Verify(ctx)
	if !errors.Is(err, ErrUnsigned) || len(res.Unsigned) != 1 {
		t.Fatalf("Verify = %+v %v, want unsigned", res, err)
	}
	// And the replay refuses the history itself.
	if _, err := l.CheckedRebuild(ctx, false); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "cannot be handed over") {
		t.Errorf("CheckedRebuild = %v, want the handover refused", err)
	}
}

func TestRemovedNewestEventWithHeadRewoundIsCaught(t *testing.T) {
	ctx := context.Background()
	l, u := unerased(t)
	if _, err := l.Note(ctx, cam, u.ID, "last note"); err != nil {
		t.Fatal(err)
	}
	db := raw(t, l)
	exec(t, db, `DROP TRIGGER events_no_delete`, `DROP TRIGGER bench_heads_no_rewind`,
		`DELETE FROM events WHERE bench_seq = (SELECT MAX(bench_seq) FROM events)`,
		`UPDATE bench_heads SET seq = seq - 1, hash = (SELECT hash FROM events WHERE bench_seq = (SELECT MAX(bench_seq) FROM events))`,
		`CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'x'); END`,
		`CREATE TRIGGER bench_heads_no_rewind BEFORE UPDATE ON bench_heads WHEN NEW.seq < OLD.seq BEGIN SELECT RAISE(ABORT, 'x'); END`)
	wantBroken(t, l, "does not carry a valid signature")
}

// A key of the forger's own, swapped into the ledger: bench.pub beside the
// ledger tells. A copy of the ledger without its bench.pub cannot: that is
// the limit README.md states, and the replay still refuses the history.
func TestSwappedKeyIsCaughtByBenchPub(t *testing.T) {
	ctx := context.Background()
	l, u := unerased(t)
	db := raw(t, l)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	exec(t, db, `DROP TRIGGER bench_keys_no_update`)
	if _, err := db.Exec(`UPDATE bench_keys SET public_key = ?`, base64.StdEncoding.EncodeToString(pub)); err != nil {
		t.Fatal(err)
	}
	forge(t, db, l.bench, u.ID, KindMoved, forgedHandover, signWith(priv))
	exec(t, db, `CREATE TRIGGER bench_keys_no_update BEFORE UPDATE ON bench_keys BEGIN SELECT RAISE(ABORT, 'x'); END`)
	wantBroken(t, l, "one of the two was replaced")

	alone := openAgain(t, l)
	alone.SetBenchKeys(BenchKeys{}) // a copy handed over without bench.pub
	if _, err := alone.Verify(ctx); err != nil {
		t.Fatalf("Verify without bench.pub = %v; the documented limit is that it passes", err)
	}
	if _, err := alone.CheckedRebuild(ctx, false); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "cannot be handed over") {
		t.Errorf("CheckedRebuild without bench.pub = %v, want the forged handover refused", err)
	}
}

// Someone holding bench.key signs whatever they like: verify cannot tell
// (said in README.md and --help), but rebuild's replay refuses a history no
// command could have written, naming the event.
func TestKeyHolderForgeryIsRefusedByTheReplay(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		payload movedPayload
		want    string
	}{
		{"handover straight from triage", forgedHandover, "cannot be handed over: it is triaged"},
		{"imaged straight from triage", movedPayload{From: Triaged, To: Imaged}, "cannot be marked imaged"},
		{"move from a state the unit was not in", movedPayload{From: Ready, To: Reserved, Site: "MDH Village 2"}, "but the unit was triaged"},
		{"recycled with its disk unerased", movedPayload{From: Triaged, To: Recycled}, "WD-NEVER-WIPED"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, u := unerased(t)
			e := forge(t, raw(t, l), l.bench, u.ID, KindMoved, c.payload, signWith(benchPriv(t, l)))
			if _, err := l.Verify(ctx); err != nil {
				t.Fatalf("Verify = %v: a key holder's signature is valid", err)
			}
			before := dump(t, l)
			_, err := l.CheckedRebuild(ctx, false)
			if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), e.ID) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("CheckedRebuild = %v, want event %s refused (%q)", err, e.ID, c.want)
			}
			if after := dump(t, l); after != before {
				t.Error("a refused rebuild changed the views")
			}
		})
	}
}

// A key holder's note carrying a phone number, or an operator name that is
// an e-mail address, is refused on replay as the commands refuse it.
func TestPersonalDataIsRefusedOnReplay(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, kind string
		payload    any
		want       string
	}{
		{"phone number in a note", KindNote, notePayload{Text: "rappeler le 06 12 34 56 78"}, "phone"},
		{"e-mail in a note", KindNote, notePayload{Text: "contact: jean.dupont(at)example.org"}, "e-mail"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, u := unerased(t)
			e := forge(t, raw(t, l), l.bench, u.ID, c.kind, c.payload, signWith(benchPriv(t, l)))
			if _, err := l.Verify(ctx); err != nil {
				t.Fatalf("Verify = %v: a key holder's signature is valid", err)
			}
			_, err := l.CheckedRebuild(ctx, false)
			if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), e.ID) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("CheckedRebuild = %v, want event %s refused (%q)", err, e.ID, c.want)
			}
		})
	}
}

func TestImagedWithoutDeployIsRefusedOnReplay(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	u := addUnit(t, l, "IMG1")
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "A", []DiskRecord{{Serial: "D1"}}); err != nil {
		t.Fatal(err)
	}
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: DiskRecord{Serial: "D1"}, Device: "/dev/fake0"})
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	e := forge(t, raw(t, l), l.bench, u.ID, KindMoved, movedPayload{From: Wiped, To: Imaged, Auto: true}, signWith(benchPriv(t, l)))
	_, err := l.CheckedRebuild(ctx, false)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), e.ID) || !strings.Contains(err.Error(), "becomes imaged without a passed deploy") {
		t.Fatalf("CheckedRebuild = %v", err)
	}
}

// Every history the commands write passes the replay: the busy ledger
// (synthetic units and a unit taken through probe, wipe, deploy, handover
// and return by the recording API) rebuilds checked to the same views.
func TestCheckedRebuildAcceptsWhatCommandsWrite(t *testing.T) {
	ctx := context.Background()
	l := busyLedger(t)
	before := dump(t, l)
	res, err := l.CheckedRebuild(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Units != 32 || len(res.Unsigned) != 0 {
		t.Errorf("rebuilt %+v", res)
	}
	if after := dump(t, l); after != before {
		t.Errorf("checked rebuild changed the views:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestWritesNeedTheBenchsOwnKey(t *testing.T) {
	ctx := context.Background()
	l, u := unerased(t)
	keyless := openAgain(t, l)
	keyless.SetBenchKeys(BenchKeys{})
	if _, err := keyless.Note(ctx, cam, u.ID, "no key"); !errors.Is(err, ErrNoBenchKey) {
		t.Errorf("write without a key on a signed ledger = %v", err)
	}
	broken := openAgain(t, l)
	broken.SetBenchKeys(BenchKeys{Signer: func() (crypto.Signer, error) { return nil, errors.New("bench.key is mode 0644") }})
	if _, err := broken.Note(ctx, cam, u.ID, "bad key"); !errors.Is(err, ErrNoBenchKey) || !strings.Contains(err.Error(), "0644") {
		t.Errorf("write with an unusable key = %v", err)
	}
	other := openAgain(t, l)
	other.SetBenchKeys(testKeys(t))
	if _, err := other.Note(ctx, cam, u.ID, "another key"); !errors.Is(err, ErrNoBenchKey) || !strings.Contains(err.Error(), "put the bench's own bench.key back") {
		t.Errorf("write with another key = %v", err)
	}
	if res, err := l.Verify(ctx); err != nil || res.Events != 4 {
		t.Errorf("refused writes left %+v %v", res, err)
	}
}

// A ledger from before signed heads: verify says unsigned until the owning
// bench seals it (atelier init), which signs nothing but a sound chain.
func TestSealSignsAnOldLedgersHead(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	keys := l.keys
	l.SetBenchKeys(BenchKeys{}) // written as before this issue: no key at all
	addUnit(t, l, "OLD1")
	addUnit(t, l, "OLD2")
	if _, err := l.Verify(ctx); !errors.Is(err, ErrUnsigned) {
		t.Fatalf("Verify of an unsigned ledger = %v", err)
	}
	l.SetBenchKeys(keys)
	res, err := l.Seal(ctx)
	if err != nil || !res.KeyRecorded || !res.HeadSigned {
		t.Fatalf("Seal = %+v %v", res, err)
	}
	if r, err := l.Verify(ctx); err != nil || !r.Heads[0].Signed {
		t.Fatalf("Verify after Seal = %+v %v", r, err)
	}
	if res, err := l.Seal(ctx); err != nil || res.KeyRecorded || res.HeadSigned {
		t.Errorf("second Seal = %+v %v, want nothing to do", res, err)
	}
}

func TestSealRefusesABrokenOldChain(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	keys := l.keys
	l.SetBenchKeys(BenchKeys{})
	addUnit(t, l, "OLD1")
	if _, err := l.Note(ctx, cam, "OLD1", "battery missing"); err != nil {
		t.Fatal(err)
	}
	exec(t, raw(t, l), `DROP TRIGGER events_no_update`, `UPDATE events SET payload = replace(payload, 'missing', 'fine') WHERE kind = 'note'`)
	l.SetBenchKeys(keys)
	if _, err := l.Seal(ctx); !errors.Is(err, ErrChainBroken) || !strings.Contains(err.Error(), "was altered") {
		t.Fatalf("Seal of an altered chain = %v", err)
	}
	var sig string
	l.db.QueryRow(`SELECT sig FROM bench_heads`).Scan(&sig)
	if sig != "" {
		t.Error("a broken chain was signed")
	}
}

// The certification path (issue 8.3) writes histories the replay accepts:
// an uncertified wipe, its certificate written later, the unit wiped,
// deployed, wiped again after the deploy.
func TestCheckedRebuildAcceptsCertifiedWipes(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	u := addUnit(t, l, "CERT1")
	disk := DiskRecord{Serial: "WD-CERT1"}
	if _, err := l.RecordProbe(ctx, cam, u.ID, []byte(`{}`), nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	certify := func(id string) {
		t.Helper()
		uncertified(t, l, u.ID, disk, id)
		rcs, err := l.RecordedCertificates(ctx, id)
		if err != nil || len(rcs) != 1 {
			t.Fatalf("RecordedCertificates = %+v %v", rcs, err)
		}
		if _, err := l.WipeCertified(ctx, cam, rcs[0]); err != nil {
			t.Fatal(err)
		}
	}
	certify("01KAQ7ZC0N6M5V4H0S3G3Y9T2B")
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: disk.Serial, Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	start, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disk, Device: "/dev/fake0"})
	if got, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: start, Status: ErasurePassed}); err != nil || got.State != string(Wiped) {
		t.Fatalf("wipe after the deploy: %+v %v", got, err)
	}
	before := dump(t, l)
	if _, err := l.CheckedRebuild(ctx, false); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, l); after != before {
		t.Errorf("checked rebuild changed the views:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
