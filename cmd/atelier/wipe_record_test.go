package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// record with a certificate folder nothing can be written to (a path
// under a regular file: no root needed): a passed wipe is recorded
// uncertified and found by its unit; a failed one stays failed and its
// signed certificate is kept, to be written by its id.
func TestRecordKeepsTheCertificateItCouldNotWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.db")
	if _, err := inventory.Init(ctx, path, inventory.InitOptions{Bench: "etabli-1"}); err != nil {
		t.Fatal(err)
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, _, err := reports.EnsureBenchKey(dir, "etabli-1"); err != nil {
		t.Fatal(err)
	}
	key, err := reports.LoadBenchKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := inventory.Actor{Operator: "camille"}
	blocker := filepath.Join(dir, "not-a-folder")
	os.WriteFile(blocker, nil, 0o644)
	outDir := filepath.Join(blocker, "certificates")
	g := newGlobals(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
	g.langFlag = "en"

	start := time.Date(2026, 11, 3, 14, 0, 0, 0, time.UTC)
	target := func(serial, status string) *wipeTarget {
		u, err := l.AddUnit(ctx, a, inventory.NewUnit{Serial: "PC-" + serial, Vendor: "Dell", Model: "OptiPlex 7010"})
		if err != nil {
			t.Fatal(err)
		}
		tg := &wipeTarget{dev: imaging.BlockDevice{Path: "/dev/fake", Serial: serial, Medium: "hdd", SizeBytes: 1 << 30},
			plan: wipe.Plan{Method: wipe.MethodZero, Technique: wipe.MethodZero, Verify: wipe.VerifyFull}, unit: &u,
			res: wipe.Result{Status: status, Method: wipe.MethodZero, Technique: "overwrite-zero", NIST: wipe.NISTClear,
				Pattern: wipe.PatternZero, Passes: 1, Verification: wipe.VerifyFull, VerificationResult: wipe.StatusPassed,
				Bytes: 1 << 30, VerifiedBytes: 1 << 30, Direct: true, Start: start, End: start.Add(time.Minute)}}
		if status == wipe.StatusFailed {
			tg.res.NIST = wipe.NISTNone
			tg.res.Errors = []wipe.IOError{{Op: "write", Start: 0, End: 4096, Err: "input/output error"}}
		}
		if tg.start, err = l.WipeStarted(ctx, a, u.ID, inventory.WipeStart{Disk: diskRecord(tg.dev), Device: "/dev/fake", Method: "zero"}); err != nil {
			t.Fatal(err)
		}
		record(ctx, g, l, a, key, outDir, tg)
		return tg
	}

	passed := target("SERPASS1", wipe.StatusPassed)
	if passed.cert != nil || passed.signed == nil || passed.status() != inventory.ErasureUncertified ||
		!strings.Contains(strings.Join(passed.notes, "\n"), "atelier wipe --reissue "+passed.unit.ID) {
		t.Fatalf("passed wipe without its certificate: status %s, notes %q", passed.status(), passed.notes)
	}
	disks, _ := l.UnitDisks(ctx, passed.unit.ID)
	if disks[0].Erasure != inventory.ErasureUncertified || disks[0].CertificateSHA256 != passed.signed.SHA256 {
		t.Fatalf("ledger: %+v", disks[0])
	}

	failed := target("SERFAIL1", wipe.StatusFailed)
	if failed.status() != wipe.StatusFailed || failed.signed == nil ||
		!strings.Contains(strings.Join(failed.notes, "\n"), "atelier wipe --reissue "+failed.signed.ID) {
		t.Fatalf("failed wipe without its certificate: status %s, notes %q", failed.status(), failed.notes)
	}
	rcs, err := l.RecordedCertificates(ctx, failed.signed.ID)
	if err != nil || len(rcs) != 1 || rcs[0].Pending || rcs[0].Outcome.Status != wipe.StatusFailed {
		t.Fatalf("the failed wipe's certificate: %+v, %v", rcs, err)
	}
	s, err := reports.Resign(rcs[0].Outcome.Certificate, rcs[0].Outcome.CertificateSHA256, key, "fr")
	if err != nil || !bytes.Equal(s.JSON, failed.signed.JSON) {
		t.Fatalf("Resign of the failed wipe's certificate: %v", err)
	}
	if _, err := l.RecordedCertificates(ctx, failed.unit.ID); err == nil {
		t.Fatal("a failed wipe is not waiting for its certificate to count as erased")
	}
}
