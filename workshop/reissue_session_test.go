package workshop

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// reissueLedger is a ledger holding recorded certificates, in memory.
type reissueLedger struct {
	recorded  []inventory.RecordedCertificate
	certified []string // certificate ids recorded as now on disk
	failWith  error    // WipeCertified's answer, when set
}

func (l *reissueLedger) RecordedCertificates(_ context.Context, ref string) ([]inventory.RecordedCertificate, error) {
	var out []inventory.RecordedCertificate
	for _, rc := range l.recorded {
		if rc.UnitID == ref || rc.Outcome.CertificateID == ref {
			out = append(out, rc)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("nothing recorded for " + ref)
	}
	return out, nil
}

func (l *reissueLedger) WipeCertified(_ context.Context, _ inventory.Actor, rc inventory.RecordedCertificate) (inventory.Unit, error) {
	if l.failWith != nil {
		return inventory.Unit{}, l.failWith
	}
	l.certified = append(l.certified, rc.Outcome.CertificateID)
	return inventory.Unit{ID: rc.UnitID, State: string(inventory.Wiped)}, nil
}

// recorded signs a certificate the way a wipe does and files it as the
// ledger keeps it (re-encoded inside the event).
func recorded(t *testing.T, key ed25519.PrivateKey, unit string, pending bool) (inventory.RecordedCertificate, reports.Signed) {
	t.Helper()
	s, err := reports.Sign(reportstest.Sample(), key)
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	json.Compact(&compact, s.JSON)
	return inventory.RecordedCertificate{UnitID: unit, Pending: pending, Outcome: inventory.WipeOutcome{
		CertificateID: s.ID, CertificateSHA256: s.SHA256, Certificate: json.RawMessage(compact.Bytes()),
		DiskSerial: "WD-A"}}, s
}

// The reissue workflow without a command, a root or a loop device: the
// recorded certificate is written again byte for byte, with its PDF in the
// document language; a pending one moves the unit; a second run keeps the
// files; a wrong hash and a ledger failure are keyed refusals.
func TestReissueSessionWritesTheRecordedCertificate(t *testing.T) {
	ctx := context.Background()
	key := testKey(t)
	rc, first := recorded(t, key, "PCS-26-0001", true)
	l := &reissueLedger{recorded: []inventory.RecordedCertificate{rc}}
	dir := t.TempDir()
	s := &ReissueSession{Ledger: l, Actor: camille, Certs: Certs{Key: key, Dir: dir, Doc: reports.DocOptions{Lang: i18n.EN}}}

	var said []Reissued
	done, err := s.Run(ctx, "PCS-26-0001", func(r Reissued) { said = append(said, r) })
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 1 || len(said) != 1 || !done[0].Certified || done[0].State != string(inventory.Wiped) || done[0].Written != 3 {
		t.Fatalf("reissued %+v (said %d)", done, len(said))
	}
	got, err := os.ReadFile(filepath.Join(dir, first.ID+".json"))
	if err != nil || !bytes.Equal(got, first.JSON) {
		t.Fatalf("the JSON written is not the certificate first signed (%v)", err)
	}
	pdf, _ := os.ReadFile(done[0].Issued.PDFPath)
	c, err := reports.Parse(first.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if lang, ok, err := reports.MatchPDF(pdf, c, first.SHA256); err != nil || !ok || lang != "en" {
		t.Fatalf("PDF: lang %q, matches %v, %v", lang, ok, err)
	}
	if len(l.certified) != 1 || l.certified[0] != first.ID {
		t.Fatalf("ledger told %v", l.certified)
	}

	// again: every file is there and identical, nothing written
	rc.Pending = false
	l.recorded = []inventory.RecordedCertificate{rc}
	if done, err := s.Run(ctx, first.ID, nil); err != nil || done[0].Written != 0 || done[0].Certified {
		t.Fatalf("second run: %+v, %v", done, err)
	}

	// a record that does not hash to what the ledger says
	bad := rc
	bad.Outcome.CertificateSHA256 = "00" + rc.Outcome.CertificateSHA256[2:]
	l.recorded = []inventory.RecordedCertificate{bad}
	if _, err := s.Run(ctx, first.ID, nil); keyOf(err) != "wipe.reissue.failed" {
		t.Fatalf("wrong hash: %v", err)
	}

	// the ledger cannot record it: said, with the file already written
	rc.Pending = true
	l.recorded, l.failWith = []inventory.RecordedCertificate{rc}, errors.New("database is locked")
	if _, err := s.Run(ctx, first.ID, nil); keyOf(err) != "wipe.reissue.ledger" {
		t.Fatalf("ledger failure: %v", err)
	}
}
