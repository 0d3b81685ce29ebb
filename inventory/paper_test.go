package inventory

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

func strp(s string) *string { return &s }

func tinyPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 8, 4))
	img.Set(1, 1, color.NRGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func eventCount(t *testing.T, l *Ledger, kind string) int {
	t.Helper()
	var n int
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM events WHERE kind = ?`, kind).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func errKey(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

func TestOrgSetMergesValidatesAndSurvivesRebuild(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	if _, ok, err := l.Org(ctx); ok || err != nil {
		t.Fatalf("Org before any set = %v, %v", ok, err)
	}
	for _, c := range []struct {
		ch  OrgChange
		key string
	}{
		{OrgChange{Address: strp("12 rue X")}, "org.noname"},
		{OrgChange{Name: strp("PC Solidaire")}, "org.noaddress"},
		{OrgChange{Name: strp("A"), Address: strp("B"), SIRET: strp("732 829 320 00075")}, "org.siret"},
		{OrgChange{Name: strp("A"), Address: strp("B"), HubURL: strp("ftp://hub.example.org")}, "org.huburl"},
		{OrgChange{Name: strp("A"), Address: strp("B"), HubURL: strp("https://hub.example.org/?x=1")}, "org.huburl"},
		{OrgChange{Name: strp("A"), Address: strp("B"), Logo: &[]byte{'G', 'I', 'F'}}, "org.logo.png"},
		{OrgChange{Name: strp("A\x07"), Address: strp("B")}, "org.control"},
		{OrgChange{Name: strp("A"), Address: strp("1\n2\n3\n4\n5")}, "org.lines"},
	} {
		if _, _, err := l.SetOrg(ctx, cam, c.ch); errKey(err) != c.key {
			t.Errorf("SetOrg(%+v) = %v, want %s", c.ch, err, c.key)
		}
	}
	if n := eventCount(t, l, KindOrgSet); n != 0 {
		t.Fatalf("refused org.set wrote %d events", n)
	}
	logo := tinyPNG(t)
	o, changed, err := l.SetOrg(ctx, cam, OrgChange{Name: strp("  PC  Solidaire "), Address: strp("12 av. des Résistants\r\n\n38130 Échirolles"),
		SIRET: strp("732 829 320 00074"), HubURL: strp("HTTPS://Hub.Example.org/atelier/"), Logo: &logo})
	if err != nil || !changed {
		t.Fatalf("SetOrg = %v, %v", changed, err)
	}
	if o.Name != "PC Solidaire" || o.Address != "12 av. des Résistants\n38130 Échirolles" || o.SIRET != "73282932000074" ||
		o.HubURL != "https://hub.example.org/atelier" || o.LogoSHA256 == "" {
		t.Fatalf("identity = %+v", o)
	}
	if _, changed, _ := l.SetOrg(ctx, cam, OrgChange{Name: strp("PC Solidaire")}); changed {
		t.Error("setting the same name again wrote an event")
	}
	o, _, err = l.SetOrg(ctx, cam, OrgChange{SIRET: strp("")})
	if err != nil || o.SIRET != "" || o.Name != "PC Solidaire" || len(o.Logo) == 0 {
		t.Fatalf("removing the SIRET kept the rest? %+v %v", o, err)
	}
	if n := eventCount(t, l, KindOrgSet); n != 2 {
		t.Errorf("%d org.set events, want 2", n)
	}
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	again, ok, err := l.Org(ctx)
	if err != nil || !ok || again.Name != o.Name || again.SIRET != "" || !bytes.Equal(again.Logo, logo) {
		t.Fatalf("after rebuild: %+v %v %v", again, ok, err)
	}
	if got := again.StickerURL("PCS-26-0001", "abc"); got != "https://hub.example.org/atelier/s/abc" {
		t.Errorf("StickerURL = %q", got)
	}
}

func TestValidSIRET(t *testing.T) {
	for s, want := range map[string]bool{
		"73282932000074": true, "73282932000075": false, "35600000000048": true,
		"35600000000001": true /* La Poste: digit sum 15 */, "35600000000002": false, "7328293200007": false, "7328293200007a": false, "": false,
	} {
		if got := ValidSIRET(s); got != want {
			t.Errorf("ValidSIRET(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestStickerTokensIssuedOnceLookedUpAndRevoked(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	a, b := addUnit(t, l, "S1"), addUnit(t, l, "S2")
	got, err := l.EnsureStickers(ctx, cam, []string{a.ID, b.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !got[0].New || !got[1].New || got[0].Token == got[1].Token || len(got[0].Token) != 26 {
		t.Fatalf("tokens = %+v", got)
	}
	// Printing again: same tokens, no event, no operator needed.
	again, err := l.EnsureStickers(ctx, Actor{}, []string{a.ID, b.ID})
	if err != nil || again[0].Token != got[0].Token || again[1].New {
		t.Fatalf("second EnsureStickers = %+v, %v", again, err)
	}
	if n := eventCount(t, l, KindStickerIssued); n != 2 {
		t.Fatalf("%d sticker.issued events, want 2", n)
	}
	u, err := l.UnitByToken(ctx, "  "+strings.ToUpper(got[0].Token)+" ")
	if err != nil || u.ID != a.ID {
		t.Fatalf("UnitByToken = %+v, %v", u, err)
	}
	// Unknown, malformed and revoked tokens answer alike.
	renewed, err := l.RenewSticker(ctx, cam, b.ID, "sticker torn")
	if err != nil || renewed.Token == got[1].Token {
		t.Fatalf("RenewSticker = %+v, %v", renewed, err)
	}
	other, _ := newToken()
	var msgs []string
	for _, tok := range []string{got[1].Token, other, "../../etc/passwd", "", strings.Repeat("a", 27)} {
		_, err := l.UnitByToken(ctx, tok)
		if !errors.Is(err, ErrUnknownToken) {
			t.Fatalf("UnitByToken(%q) = %v, want unknown", tok, err)
		}
		msgs = append(msgs, err.Error())
	}
	for _, m := range msgs {
		if m != msgs[0] {
			t.Errorf("answers differ: %q vs %q", m, msgs[0])
		}
	}
	if u, err := l.UnitByToken(ctx, renewed.Token); err != nil || u.ID != b.ID {
		t.Fatalf("renewed token: %+v %v", u, err)
	}
	if _, err := l.RevokeSticker(ctx, cam, b.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RevokeSticker(ctx, cam, b.ID, ""); !errors.Is(err, ErrUnknownToken) {
		t.Errorf("revoking twice = %v", err)
	}
	if _, err := l.RevokeSticker(ctx, cam, a.ID, "given to jean@example.org"); errKey(err) != "privacy.email" {
		t.Errorf("a reason with an e-mail address = %v", err)
	}
	before := dump(t, l) + dumpPaper(t, l)
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, l) + dumpPaper(t, l); after != before {
		t.Errorf("rebuild changed the sticker tables:\n%s\n---\n%s", before, after)
	}
	if _, err := l.UnitByToken(ctx, renewed.Token); !errors.Is(err, ErrUnknownToken) {
		t.Errorf("a revoked token answers after a rebuild: %v", err)
	}
	if u, err := l.UnitByToken(ctx, got[0].Token); err != nil || u.ID != a.ID {
		t.Errorf("a valid token lost by the rebuild: %v", err)
	}
}

func TestNormalizeToken(t *testing.T) {
	tok, _ := newToken()
	if got, ok := NormalizeToken(strings.ToUpper(tok)); !ok || got != tok {
		t.Errorf("NormalizeToken(upper) = %q %v", got, ok)
	}
	for _, bad := range []string{"", tok[:25], tok + "a", strings.Replace(tok, tok[:1], "1", 1), "abcdefghijklmnopqrstuvwxy8"} {
		if _, ok := NormalizeToken(bad); ok {
			t.Errorf("NormalizeToken(%q) accepted", bad)
		}
	}
}

func FuzzNormalizeToken(f *testing.F) {
	tok, _ := newToken()
	for _, s := range []string{tok, strings.ToUpper(tok), "", "zzzzzzzzzzzzzzzzzzzzzzzzzz", "a/b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := NormalizeToken(s)
		if !ok {
			return
		}
		// What is accepted is canonical and 128 bits.
		if again, ok := NormalizeToken(got); !ok || again != got {
			t.Fatalf("not idempotent: %q -> %q", s, got)
		}
		if b, err := tokenEncoding.DecodeString(got); err != nil || len(b) != tokenBytes {
			t.Fatalf("accepted %q decodes to %d bytes, %v", got, len(b), err)
		}
	})
}

// dumpPaper renders the paper trail's tables as text.
func dumpPaper(t *testing.T, l *Ledger) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{`SELECT doc || event_id || updated_at FROM org`,
		`SELECT token || unit_id || issue_event || issued_at || '|' || revoked_at FROM stickers ORDER BY token`,
		`SELECT event_id || unit_id || disk_serial || wipe_event || result || operator || wiped_by || wipe_bench || at FROM audits ORDER BY event_id`,
		`SELECT wipe_event || unit_id || disk_serial || flagged_by || flagged_at || '|' || cleared_by FROM audit_flags ORDER BY wipe_event`} {
		rows, err := l.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return b.String()
}

// erasedBy gives a unit one disk wiped (passed) by operator on this bench.
func erasedBy(t *testing.T, l *Ledger, serial, disk, operator string) Unit {
	t.Helper()
	ctx := context.Background()
	a := Actor{Operator: operator}
	u := addUnit(t, l, serial)
	d := DiskRecord{Serial: disk, Medium: "hdd", SizeBytes: 500e9}
	if _, err := l.RecordProbe(ctx, a, u.ID, nil, nil, "B", []DiskRecord{d}); err != nil {
		t.Fatal(err)
	}
	s, err := l.WipeStarted(ctx, a, u.ID, WipeStart{Disk: d, Method: "zero"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.WipeFinished(ctx, a, u.ID, WipeOutcome{StartEvent: s, Status: ErasurePassed, Technique: "overwrite-zero",
		NIST: "Clear", CertificateID: "01KAQ7ZC0N6M5V4H0S3G3Y9T" + strings.ToUpper(disk[len(disk)-2:])})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestAuditRefusesTheWiperAndFlagsTheBenchAfterAFailure(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	dom := Actor{Operator: "Dominique"}
	u1 := erasedBy(t, l, "U1", "DISK01", "camille")
	erasedBy(t, l, "U2", "DISK02", "camille")
	u3 := erasedBy(t, l, "U3", "DISK03", "camille")
	erasedBy(t, l, "U4", "DISK04", "alex")

	if _, err := l.RecordAudit(ctx, Actor{Operator: " Camille "}, AuditTarget{Disk: "disk01"}, "passed", ""); errKey(err) != "audit.self" {
		t.Fatalf("the wiper audits her own disk: %v", err)
	}
	if _, err := l.RecordAudit(ctx, dom, AuditTarget{Disk: "DISK01"}, "maybe", ""); errKey(err) != "audit.result" {
		t.Fatalf("result maybe: %v", err)
	}
	if _, err := l.RecordAudit(ctx, dom, AuditTarget{Disk: "NOPE"}, "passed", ""); errKey(err) != "audit.nodisk" {
		t.Fatalf("unknown disk: %v", err)
	}
	// By certificate number too; a passed audit of DISK01.
	a, err := l.RecordAudit(ctx, dom, AuditTarget{Disk: "01KAQ7ZC0N6M5V4H0S3G3Y9T01"}, "passed", "read 10 % back, zeros")
	if err != nil || a.UnitID != u1.ID || a.WipedBy != "camille" {
		t.Fatalf("audit by certificate = %+v, %v", a, err)
	}
	// DISK02, DISK03 (camille) and DISK04 (alex) were wiped later, on the
	// same bench: a failure on DISK03 flags DISK02 and DISK04, not DISK01.
	f, err := l.RecordAudit(ctx, dom, AuditTarget{Disk: "DISK03"}, "failed", "data found")
	if err != nil {
		t.Fatal(err)
	}
	var flagged []string
	for _, x := range f.Flagged {
		flagged = append(flagged, x.DiskSerial)
	}
	if strings.Join(flagged, ",") != "DISK02,DISK04" {
		t.Fatalf("flagged %v, want DISK02,DISK04", flagged)
	}
	// The failed disk no longer counts as erased: the unit cannot leave.
	disks, _ := l.UnitDisks(ctx, u3.ID)
	if disks[0].Erasure != ErasureFailed {
		t.Fatalf("audited disk erasure = %s", disks[0].Erasure)
	}
	if _, err := l.Move(ctx, cam, u3.ID, Parts, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Errorf("a unit whose disk failed its audit went to parts: %v", err)
	}
	if _, err := l.RecordAudit(ctx, dom, AuditTarget{Disk: "DISK03"}, "passed", ""); errKey(err) != "audit.notpassed.failed" {
		t.Errorf("auditing a failed disk again: %v", err)
	}
	ds, err := l.Dossiers(ctx, DossierFilter{Units: []string{"U2", "U4", "U1"}})
	if err != nil {
		t.Fatal(err)
	}
	if !ds[0].Disks[0].Flagged || !ds[1].Disks[0].Flagged || ds[2].Disks[0].Flagged {
		t.Fatalf("flags in dossiers: %v %v %v", ds[0].Disks[0].Flagged, ds[1].Disks[0].Flagged, ds[2].Disks[0].Flagged)
	}
	// A passed re-check clears DISK04's flag.
	if _, err := l.RecordAudit(ctx, cam, AuditTarget{Disk: "DISK04"}, "passed", ""); err != nil {
		t.Fatal(err)
	}
	ds, _ = l.Dossiers(ctx, DossierFilter{Units: []string{"U4"}})
	if ds[0].Disks[0].Flagged || len(ds[0].Disks[0].Audits) != 1 {
		t.Errorf("flag after a passed re-check: %+v", ds[0].Disks[0])
	}
	before := dump(t, l) + dumpPaper(t, l)
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, l) + dumpPaper(t, l); after != before {
		t.Errorf("rebuild changed the audit tables:\n%s\n---\n%s", before, after)
	}
}

func TestAuditSampleReachesThePercentageWithoutTheOperatorsOwnDisks(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	for i := range 40 {
		op := "camille"
		if i%4 == 0 {
			op = "alex"
		}
		erasedBy(t, l, "S"+string(rune('A'+i/26))+string(rune('A'+i%26)), "DSK"+string(rune('A'+i/26))+string(rune('A'+i%26)), op)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	s, err := l.AuditSample(ctx, 5, "alex", rnd)
	if err != nil {
		t.Fatal(err)
	}
	if s.Population != 40 || s.Target != 2 || len(s.Picked) != 2 || s.ExcludedOwn != 10 {
		t.Fatalf("sample = %+v", s)
	}
	for _, c := range s.Picked {
		if c.WipedBy == "alex" {
			t.Errorf("alex is asked to audit his own disk %s", c.DiskSerial)
		}
	}
	if _, err := l.RecordAudit(ctx, Actor{Operator: "alex"}, AuditTarget{Disk: s.Picked[0].DiskSerial}, "passed", ""); err != nil {
		t.Fatal(err)
	}
	s, _ = l.AuditSample(ctx, 5, "alex", rnd)
	if s.Audited != 1 || len(s.Picked) != 1 {
		t.Fatalf("after one audit: %+v", s)
	}
	s, _ = l.AuditSample(ctx, 100, "", rnd)
	if len(s.Picked) != 39 {
		t.Errorf("100 %%: %d picked, want 39", len(s.Picked))
	}
	for _, bad := range []float64{0, -5, 101} {
		if _, err := l.AuditSample(ctx, bad, "", rnd); errKey(err) != "audit.percent" {
			t.Errorf("percent %v: %v", bad, err)
		}
	}
}

func TestDossiersOfABatchListEveryUnitAndNeverABeneficiaryUnlessAsked(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	l.AddSite(ctx, cam, "MDH Village 2")
	res, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "DSI", Batch: "B1"}, []NewUnit{
		{Serial: "B1A", Type: "laptop"}, {Serial: "B1B", Type: "desktop"}, {Serial: "B1C"}})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Imported[0].ID
	d := DiskRecord{Serial: "WD1"}
	l.RecordProbe(ctx, cam, id, []byte(`{"schema":"atelier.probe/v1","cpu":{"model":"Intel Core i5-520M"},"memory":{"total_bytes":4294967296},"disks":[{"model":"WD","size_bytes":250000000000,"medium":"hdd"}]}`), nil, "B", []DiskRecord{d})
	s, _ := l.WipeStarted(ctx, cam, id, WipeStart{Disk: d, Method: "zero"})
	l.WipeFinished(ctx, cam, id, WipeOutcome{StartEvent: s, Status: ErasurePassed, CertificateID: "01KAQ7ZC0N6M5V4H0S3G3Y9T2B", Technique: "overwrite-zero", NIST: "Clear"})
	if _, err := l.RecordDeploy(ctx, cam, id, DeployOutcome{Image: "zorin-18", DiskSerial: "WD1", Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	l.Move(ctx, cam, id, Ready, MoveOptions{})
	if _, err := l.Handover(ctx, cam, id, "MDH Village 2", "MDH-V2-2026-001"); err != nil {
		t.Fatal(err)
	}
	ds, err := l.Dossiers(ctx, DossierFilter{Batch: "b1", Hardware: true})
	if err != nil || len(ds) != 3 {
		t.Fatalf("Dossiers = %d, %v", len(ds), err)
	}
	h := ds[0]
	if h.Handover == nil || h.Handover.Site != "MDH Village 2" || h.Disks[0].Wipe == nil ||
		h.Disks[0].Wipe.CertificateID != "01KAQ7ZC0N6M5V4H0S3G3Y9T2B" || h.Disks[0].Wipe.Operator != "camille" {
		t.Fatalf("dossier = %+v", h)
	}
	if h.Hardware == nil || h.Hardware.CPU != "Intel Core i5-520M" || h.Hardware.RAMBytes != 4<<30 {
		t.Errorf("hardware = %+v", h.Hardware)
	}
	if ds[1].State != "received" || len(ds[1].Disks) != 0 {
		t.Errorf("unfinished unit = %+v", ds[1])
	}
}

func TestDescribeSaysPaperEventsInBothLanguages(t *testing.T) {
	e := Event{Kind: KindAuditRecorded, Payload: []byte(`{"disk_serial":"D1","result":"failed","wiped_by":"camille","flagged":[{}, {}]}`)}
	if got := (TimelineEntry{Event: e}).Text(i18n.FR); !strings.Contains(got, "ÉCHEC") || !strings.Contains(got, "2 autre") {
		t.Errorf("FR = %q", got)
	}
	if got := (TimelineEntry{Event: Event{Kind: KindStickerIssued, Payload: []byte(`{}`)}}).Text(i18n.EN); got != "sticker token issued" {
		t.Errorf("EN = %q", got)
	}
}

// Rebuild reads only projectedKinds: the paper trail's kinds must be there.
func TestRebuildReadsThePaperKinds(t *testing.T) {
	listed := map[string]bool{}
	for _, k := range projectedKinds {
		listed[k] = true
	}
	for _, k := range paperKinds {
		v, err := decodePayload(Event{Kind: k, Payload: []byte(`{}`)})
		if err != nil || v == nil || !listed[k] {
			t.Errorf("kind %s: decoded %v (%v), listed %v", k, v, err, listed[k])
		}
	}
}

// EnsureStickers reads the valid tokens once and issues only the missing
// ones: a unit named twice, or by its serial, gets one token; a renewed
// unit keeps its new token; nothing already valid is issued again.
func TestEnsureStickersMixedRefsAndRepeats(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	a, b, c := addUnit(t, l, "M1"), addUnit(t, l, "M2"), addUnit(t, l, "M3")
	first, err := l.EnsureStickers(ctx, cam, []string{a.ID})
	if err != nil {
		t.Fatal(err)
	}
	renewed, err := l.RenewSticker(ctx, cam, a.ID, "sticker torn")
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.EnsureStickers(ctx, cam, []string{b.ID, a.ID, "M3", b.ID, c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got[1].Token != renewed.Token || got[1].Token == first[0].Token || got[1].New {
		t.Errorf("renewed unit: %+v, want its renewed token %s", got[1], renewed.Token)
	}
	if got[0].Token != got[3].Token || got[2].Token != got[4].Token || got[0].Token == got[2].Token {
		t.Errorf("a unit named twice got two tokens: %+v", got)
	}
	if got[2].UnitID != c.ID {
		t.Errorf("by serial: %+v, want unit %s", got[2], c.ID)
	}
	// a: issued + renewed; b and c: one each.
	if n := eventCount(t, l, KindStickerIssued); n != 4 {
		t.Errorf("%d sticker.issued events, want 4", n)
	}
	for i, s := range got {
		if u, err := l.UnitByToken(ctx, s.Token); err != nil || u.ID != s.UnitID {
			t.Errorf("token %d: %+v %v", i, u, err)
		}
	}
}
