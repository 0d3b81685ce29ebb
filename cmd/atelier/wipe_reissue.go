package main

import (
	"context"
	"crypto/ed25519"
	"fmt"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// reissueJSON is one certificate of atelier wipe --reissue --json.
type reissueJSON struct {
	Certificate string `json:"certificate"` // id
	Unit        string `json:"unit"`
	Disk        string `json:"disk"`
	JSON        string `json:"json"`
	PDF         string `json:"pdf"`
	SHA256      string `json:"sha256"`
	Written     int    `json:"files_written"` // 0 when all three were already there, identical
	Certified   bool   `json:"certified"`     // the wipe was waiting for it: the disk now counts as erased
	State       string `json:"state,omitempty"`
}

// runReissue writes certificates the ledger holds but that are not on
// disk: a passed wipe whose certificate could not be written (the disk is
// then recorded as erased, and its unit may become wiped), or a lost
// certificate named by its id. Nothing is wiped again: the certificate is
// rebuilt from the recorded one, byte for byte, and checked against the
// hash recorded with it.
func runReissue(ctx context.Context, g *globals, f wipeFlags) error {
	lang := g.lang()
	actor, err := g.actor()
	if err != nil {
		return err
	}
	l, err := g.openLedger(ctx)
	if err != nil {
		return err
	}
	defer l.Close()
	key, err := reports.LoadBenchKey(l.Dir())
	if err != nil {
		return lang.Errorf("wipe.nokey", err)
	}
	outDir := f.out
	if outDir == "" {
		outDir = reports.CertificatesDir(l.Dir())
	}
	rcs, err := l.RecordedCertificates(ctx, f.reissue)
	if err != nil {
		return g.ledgerErr(err)
	}
	out := []reissueJSON{}
	for _, rc := range rcs {
		r, err := reissueOne(ctx, g, l, actor, key, outDir, rc)
		if err != nil {
			if g.json {
				g.printJSON(out)
			}
			return err
		}
		out = append(out, r)
		if !g.json {
			printReissued(g, r)
		}
	}
	if g.json {
		return g.printJSON(out)
	}
	return nil
}

func reissueOne(ctx context.Context, g *globals, l *inventory.Ledger, a inventory.Actor, key ed25519.PrivateKey,
	outDir string, rc inventory.RecordedCertificate) (reissueJSON, error) {
	lang := g.lang()
	o := rc.Outcome
	s, err := reports.Resign(o.Certificate, o.CertificateSHA256, key, certLang(g))
	if err != nil {
		return reissueJSON{}, lang.Errorf("wipe.reissue.failed", o.CertificateID, reports.Message(err, lang))
	}
	is, kept, err := s.Rewrite(outDir)
	if err != nil {
		return reissueJSON{}, lang.Errorf("wipe.reissue.failed", o.CertificateID, reports.Message(err, lang))
	}
	r := reissueJSON{Certificate: is.ID, Unit: rc.UnitID, Disk: o.DiskSerial, JSON: is.JSONPath, PDF: is.PDFPath,
		SHA256: is.SHA256, Written: 3 - kept}
	if rc.Pending {
		u, err := l.WipeCertified(ctx, a, rc)
		if err != nil {
			return r, lang.Errorf("wipe.reissue.ledger", is.JSONPath, g.ledgerErr(err))
		}
		r.Certified, r.State = true, u.State
	}
	return r, nil
}

func printReissued(g *globals, r reissueJSON) {
	if r.Written == 0 {
		fmt.Fprintln(g.stdout, g.T("wipe.reissue.kept", r.Certificate, r.Disk, r.JSON))
	} else {
		fmt.Fprintln(g.stdout, g.T("wipe.reissue.written", r.Certificate, r.Disk, r.JSON, r.PDF))
	}
	if r.Certified {
		fmt.Fprintln(g.stdout, "  "+g.T("wipe.reissue.certified", r.Disk, r.Unit, g.T("state."+r.State)))
	}
}
