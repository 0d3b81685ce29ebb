package workshop

import (
	"context"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// ReissueLedger is what wipe --reissue needs of the ledger: the recorded
// certificates a reference names, and the record that a pending one is
// now on disk.
type ReissueLedger interface {
	RecordedCertificates(ctx context.Context, ref string) ([]inventory.RecordedCertificate, error)
	WipeCertified(ctx context.Context, a inventory.Actor, rc inventory.RecordedCertificate) (inventory.Unit, error)
}

// ReissueSession writes certificates the ledger holds but that are not on
// disk: a passed wipe whose certificate could not be written (the disk is
// then recorded as erased, and its unit may become wiped), or a lost
// certificate named by its id. Nothing is wiped again: the certificate is
// rebuilt from the recorded one, byte for byte, and checked against the
// hash recorded with it; its PDF is rendered with Certs.Doc. It reads no
// clock: the certificate keeps its recorded times, and the ledger stamps
// the "certified" event with its own (inventory.Ledger.SetClock).
type ReissueSession struct {
	Ledger ReissueLedger
	Actor  inventory.Actor
	Certs  Certs // Key signs, Dir receives, Doc renders the PDF
}

// Reissued is one certificate written again.
type Reissued struct {
	Issued    reports.Issued
	Unit      string
	Disk      string
	Written   int  // files written: 0 when all three were there, identical
	Certified bool // the wipe was waiting for it: the disk now counts as erased
	State     string
}

// Run reissues every certificate ref names (a unit, a disk, a certificate
// id), in the ledger's order; each is handed to done as soon as it is
// written. It stops at the first that cannot be reissued, with a keyed
// refusal naming it; those before it are done and stay done.
func (s *ReissueSession) Run(ctx context.Context, ref string, done func(Reissued)) ([]Reissued, error) {
	rcs, err := s.Ledger.RecordedCertificates(ctx, ref)
	if err != nil {
		return nil, err
	}
	out := []Reissued{}
	for _, rc := range rcs {
		r, err := s.one(ctx, rc)
		if err != nil {
			return out, err
		}
		out = append(out, r)
		if done != nil {
			done(r)
		}
	}
	return out, nil
}

func (s *ReissueSession) one(ctx context.Context, rc inventory.RecordedCertificate) (Reissued, error) {
	o := rc.Outcome
	signed, err := reports.Resign(o.Certificate, o.CertificateSHA256, s.Certs.Key)
	if err == nil {
		signed, err = signed.WithDoc(s.Certs.Doc)
	}
	if err != nil {
		return Reissued{}, refuse(i18n.M("wipe.reissue.failed", o.CertificateID, err))
	}
	is, kept, err := signed.Rewrite(s.Certs.Dir)
	if err != nil {
		return Reissued{}, refuse(i18n.M("wipe.reissue.failed", o.CertificateID, err))
	}
	r := Reissued{Issued: is, Unit: rc.UnitID, Disk: o.DiskSerial, Written: 3 - kept}
	if rc.Pending {
		u, err := s.Ledger.WipeCertified(ctx, s.Actor, rc)
		if err != nil {
			return r, refuse(i18n.M("wipe.reissue.ledger", is.JSONPath, err))
		}
		r.Certified, r.State = true, u.State
	}
	return r, nil
}
