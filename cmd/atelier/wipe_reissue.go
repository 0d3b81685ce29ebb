package main

import (
	"context"
	"fmt"

	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/workshop"
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

// runReissue hands the ledger, the bench key and the certificate folder to
// a workshop.ReissueSession (wipe --reissue REF), then says what it wrote.
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
	s := &workshop.ReissueSession{Ledger: l, Actor: actor, Certs: workshop.Certs{Key: key, Dir: outDir, Doc: certDoc(ctx, g, l)}}
	done, err := s.Run(ctx, f.reissue, func(r workshop.Reissued) {
		if !g.json {
			printReissued(g, reissueView(r))
		}
	})
	if g.json {
		out := make([]reissueJSON, 0, len(done))
		for _, r := range done {
			out = append(out, reissueView(r))
		}
		if perr := g.printJSON(out); err == nil {
			err = perr
		}
	}
	if err != nil {
		return g.sessionErr(err)
	}
	return nil
}

func reissueView(r workshop.Reissued) reissueJSON {
	return reissueJSON{Certificate: r.Issued.ID, Unit: r.Unit, Disk: r.Disk, JSON: r.Issued.JSONPath, PDF: r.Issued.PDFPath,
		SHA256: r.Issued.SHA256, Written: r.Written, Certified: r.Certified, State: r.State}
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
