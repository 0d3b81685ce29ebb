package main

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/workshop"
)

// wipeTarget is one disk of an atelier wipe run, from plan to record.
type wipeTarget struct {
	dev   imaging.BlockDevice
	plan  wipe.Plan
	unit  *inventory.Unit
	start string // ledger event id of wipe.started
	res   wipe.Result
	cert  *reports.Issued
	// signed is the certificate signed but not written (full disk,
	// read-only folder): the ledger keeps it so that wipe --reissue can
	// write it later without wiping again.
	signed *reports.Signed
	notes  []string // what the operator must know (not recorded, ledger error...)
	runErr error    // the wipe could not even start (open failed)
	// handedOver are the units, handed over to a beneficiary, this disk is
	// recorded on besides unit; moveDisk: the operator confirmed that it
	// now belongs to unit.
	handedOver []string
	moveDisk   bool
	medium     *os.File // opened exclusively before anything is recorded
	size       int64
}

// runWipe checks every disk before writing any: one refused disk stops the
// whole command with nothing written, so a typo in a list of four disks
// never costs the other three... nor the system disk.
func runWipe(ctx context.Context, g *globals, f wipeFlags, args []string) error {
	lang := g.lang()
	var targets []*wipeTarget
	seen := map[string]string{}
	opts := g.guardOptions()
	for _, a := range args {
		d, err := imaging.Inspect(ctx, a, opts)
		if err != nil {
			return err
		}
		if prev, dup := seen[d.Name]; dup {
			return lang.Errorf("wipe.twice", prev, a)
		}
		seen[d.Name] = a
		if err := d.Refusal(lang); err != nil {
			return err
		}
		targets = append(targets, &wipeTarget{dev: d})
	}
	runner := wipe.ExecRunner{}
	for _, t := range targets {
		facts := wipe.Gather(ctx, runner, t.dev)
		p, err := wipe.MakePlan(t.dev, string(f.method), string(f.verify), facts)
		if err != nil {
			return err
		}
		t.plan = p
	}
	if f.dryRun {
		return renderPlans(g, targets)
	}

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
	// A wipe can take hours: find out now, not after, that its
	// certificates could not be written.
	if err := reports.CheckWritable(outDir); err != nil {
		return lang.Errorf("wipe.out.unwritable", outDir, err)
	}
	if err := resolveUnits(ctx, g, l, f.unit, targets); err != nil {
		return err
	}
	if err := confirmMovedDisks(g, f.moveDisk, targets); err != nil {
		return err
	}
	// Open every disk, exclusively, before asking or recording anything: a
	// disk another wipe (or program) holds is refused with nothing in the
	// ledger, and the descriptor kept is the one the engine writes through.
	for _, t := range targets {
		f, err := imaging.OpenReadWrite(t.dev.Path, true)
		if err != nil {
			if imaging.IsBusy(err) {
				return lang.Errorf("wipe.busy", t.dev.Path)
			}
			return lang.Errorf("wipe.open", t.dev.Path, err)
		}
		defer f.Close()
		size, err := imaging.DeviceSize(f)
		if err != nil {
			return lang.Errorf("wipe.open", t.dev.Path, err)
		}
		t.medium, t.size = f, size
	}
	for _, t := range targets {
		err := imaging.Confirm(t.dev, imaging.ConfirmOptions{Yes: f.yes, Interactive: g.interactive(),
			In: g.stdin, Out: termui.NewSafeWriter(g.stderr), Lang: lang}) // it shows the disk's own model and serial
		if err != nil {
			return err
		}
	}
	// An answer may take minutes, and the machine may change meanwhile (a
	// filesystem mounted under a disk, a loop device set up over it): the
	// guard looks again just before anything is recorded or written.
	for _, t := range targets {
		d, err := imaging.Inspect(ctx, t.dev.Path, opts)
		if err != nil {
			return err
		}
		if err := d.Refusal(lang); err != nil {
			return err
		}
	}
	// The ledger hears of every wipe before its first write: a kill -9
	// then leaves "started, never finished" on the unit.
	for _, t := range targets {
		if t.unit == nil {
			continue
		}
		id, err := l.WipeStarted(ctx, actor, t.unit.ID, inventory.WipeStart{Disk: diskRecord(t.dev), Device: t.dev.Path, Method: string(f.method),
			MoveDisk: t.moveDisk})
		if err != nil {
			// Nothing was written: close the wipes already opened so the
			// units do not show them as started and never finished.
			for _, o := range targets {
				if o.start != "" {
					l.WipeFinished(context.WithoutCancel(ctx), actor, o.unit.ID, inventory.WipeOutcome{StartEvent: o.start,
						DiskSerial: wipeDiskID(o.dev), Status: wipe.StatusInterrupted})
				}
			}
			return g.ledgerErr(err)
		}
		t.start = id
	}

	ui := newWipeProgress(g)
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bar := ui.addWipe(t.dev.Path, t.plan)
			t.res, t.runErr = wipe.Run(ctx, wipe.Job{Device: t.dev, Plan: t.plan, VerifyAsked: string(f.verify),
				Runner: runner, Medium: t.medium, Size: t.size, Progress: bar.update, Phase: bar.phase})
			if t.runErr != nil {
				t.res.Status = wipe.StatusFailed
				t.res.Errors = append(t.res.Errors, wipe.IOError{Op: "write", Err: t.runErr.Error()})
			}
			bar.done(t.res.Status)
			record(ctx, g, l, actor, key, outDir, t)
		}()
	}
	wg.Wait()
	ui.wait()
	return renderWipeResults(g, targets)
}

// resolveUnits finds each disk's unit (workshop.ResolveUnits) and says
// before anything is written what the operator must know: a disk filed
// under a stand-in identity, a disk no unit has (wiped and certified all
// the same, not recorded).
func resolveUnits(ctx context.Context, g *globals, l *inventory.Ledger, ref string, targets []*wipeTarget) error {
	devs := make([]imaging.BlockDevice, len(targets))
	for i, t := range targets {
		devs[i] = t.dev
	}
	dus, err := workshop.ResolveUnits(ctx, l, ref, devs)
	if err != nil {
		return g.ledgerErr(err)
	}
	for i, t := range targets {
		du := dus[i]
		if du.NoSerial {
			// Said before anything is written: two identical serial-less
			// disks would share this record in the ledger.
			w := g.T("wipe.warn.noserial", t.dev.Path, du.Disk)
			fmt.Fprintln(g.stderr, g.T("wipe.warning", w))
			t.notes = append(t.notes, w)
		}
		t.unit, t.handedOver = du.Unit, du.HandedOver
		if du.Unit == nil {
			t.notes = append(t.notes, g.T("wipe.note.nounit"))
		}
	}
	return nil
}

// confirmMovedDisks asks, before anything is opened or written, about each
// disk recorded on another unit that was handed over to a beneficiary:
// filing it under --unit is what the operator must mean, not a slip. In a
// terminal atelier asks; otherwise --move-disk is required.
func confirmMovedDisks(g *globals, moveDisk bool, targets []*wipeTarget) error {
	for _, t := range targets {
		if t.unit == nil || len(t.handedOver) == 0 {
			continue
		}
		id, others := wipeDiskID(t.dev), strings.Join(t.handedOver, ", ")
		switch {
		case moveDisk:
		case g.interactive() && confirm(g.stdin, g.stderr, g.T("wipe.movedisk.prompt", t.dev.Path, id, others, t.unit.ID)):
		case g.interactive():
			return g.lang().Errorf("wipe.movedisk.declined", t.dev.Path)
		default:
			return g.lang().Errorf("wipe.disk_handed_over", id, others, t.unit.ID)
		}
		t.moveDisk = true
		t.notes = append(t.notes, g.T("wipe.note.movedisk", others, t.unit.ID))
	}
	return nil
}

// wipeDiskID is the identity the ledger keys the disk by, the same one
// probe --save and deploy use.
func wipeDiskID(d imaging.BlockDevice) string {
	return d.Identity()
}

func diskRecord(d imaging.BlockDevice) inventory.DiskRecord {
	return inventory.DiskRecord{Serial: wipeDiskID(d), Vendor: d.Vendor, Model: d.Model, Medium: d.Medium, SizeBytes: d.SizeBytes}
}

// record issues the certificate (passed or failed; never for an
// interrupted wipe) and then tells the ledger how the wipe ended. It uses a
// context that survives Ctrl-C: the interruption itself must be recorded.
// A passed wipe whose certificate could not be written is recorded as
// "uncertified", with the signed certificate, not as passed: a disk counts
// as erased only with its certificate on disk and its hash in the ledger.
func record(ctx context.Context, g *globals, l *inventory.Ledger, a inventory.Actor, key ed25519.PrivateKey, outDir string, t *wipeTarget) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if t.res.Status == wipe.StatusUnverified {
		// Written but never read back: not a sanitization (NIST SP
		// 800-88), so no certificate; the ledger records it as such.
		t.notes = append(t.notes, g.T("wipe.note.unverified"))
	}
	if (t.res.Status == wipe.StatusPassed || t.res.Status == wipe.StatusFailed) && t.runErr == nil {
		c := workshop.Certificate(workshop.Wipe{Device: t.dev, Plan: t.plan, Result: t.res, Unit: t.unit}, a.Operator, l.BenchName(), version)
		issueCertificate(g, key, outDir, t, c, certDoc(rctx, g, l))
	}
	if t.unit == nil {
		if t.signed != nil {
			t.notes = append(t.notes, g.T("wipe.note.certlost"))
		}
		return
	}
	o := inventory.WipeOutcome{StartEvent: t.start, DiskSerial: wipeDiskID(t.dev), Status: t.status(),
		Technique: t.res.Technique, NIST: t.res.NIST, Pattern: t.res.Pattern, Bytes: t.res.Bytes, Errors: t.res.ErrorStrings()}
	switch {
	case t.cert != nil:
		o.CertificateID, o.CertificateSHA256, o.Certificate = t.cert.ID, t.cert.SHA256, json.RawMessage(t.cert.JSON)
	case t.signed != nil:
		o.CertificateID, o.CertificateSHA256, o.Certificate = t.signed.ID, t.signed.SHA256, json.RawMessage(t.signed.JSON)
	}
	if _, err := l.WipeFinished(rctx, a, t.unit.ID, o); err != nil {
		t.notes = append(t.notes, g.T("wipe.note.ledgerfailed", fmt.Sprint(g.ledgerErr(err))))
		return
	}
	if t.signed != nil {
		// An uncertified wipe is found by its unit; a failed one (its
		// certificate proves no erasure) only by its certificate id.
		ref := t.unit.ID
		if o.Status != inventory.ErasureUncertified {
			ref = t.signed.ID
		}
		t.notes = append(t.notes, g.T("wipe.note.reissue", ref))
	}
}

// issueCertificate signs c and writes its files; when writing fails the
// signed certificate is kept on t for the ledger.
func issueCertificate(g *globals, key ed25519.PrivateKey, outDir string, t *wipeTarget, c reports.Certificate, doc reports.DocOptions) {
	s, err := reports.Sign(c, key, certLang(g))
	if err == nil && doc.Org.Name != "" {
		s, err = s.WithDoc(doc) // the association's identity on the PDF
	}
	if err != nil {
		t.notes = append(t.notes, g.T("wipe.note.certfailed", reports.Message(err, g.lang())))
		return
	}
	is, err := s.Write(outDir)
	if err != nil {
		t.notes = append(t.notes, g.T("wipe.note.certfailed", reports.Message(err, g.lang())))
		t.signed = &s
		return
	}
	t.cert = &is
}

// status is how the wipe ends in the ledger and the summary: the engine's
// result, except that a passed wipe without its certificate on disk is
// "uncertified".
func (t *wipeTarget) status() string {
	if t.res.Status == wipe.StatusPassed && t.cert == nil {
		return inventory.ErasureUncertified
	}
	return t.res.Status
}

// certLang is the PDF's language. Certificates are handed to the DSI, so
// they are in French unless the operator asks for English with --lang en
// (DESIGN.md: documents are in French by default), whatever the locale.
func certLang(g *globals) string {
	if i18n.Parse(g.langFlag) == i18n.EN && g.langFlag != "" {
		return "en"
	}
	return "fr"
}
