package workshop

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"strings"
	"sync"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// WipeLedger is what a wipe session asks of the ledger; *inventory.Ledger
// has it, workflow tests pass a fake.
type WipeLedger interface {
	UnitLedger
	WipeStarted(ctx context.Context, a inventory.Actor, unitID string, ws inventory.WipeStart) (string, error)
	WipeFinished(ctx context.Context, a inventory.Actor, unitID string, o inventory.WipeOutcome) (inventory.Unit, error)
	BenchName() string
}

// Disks opens a disk for writing, exclusively (imaging.OpenReadWrite at
// the edge, memory in tests). A disk another program holds fails with an
// error imaging.IsBusy recognises.
type Disks interface {
	Open(path string) (Medium, int64, error)
}

// Medium is an opened disk the engine writes through.
type Medium interface {
	wipe.Medium
	Close() error
}

// WipeProgress is the progress display: one bar per disk.
type WipeProgress interface {
	Start(dev string, p wipe.Plan) WipeBar
}

// WipeBar is one disk's line of the display, fed by the engine.
type WipeBar interface {
	Update(done, total int64)
	Phase(name string)
	Done(status string)
}

// Certs is where a wipe's certificates go: the bench key signs them, Dir
// receives them, and Doc renders their PDF: the document's language
// (French unless English) and the association's identity. The certificate
// itself has no language.
type Certs struct {
	Key ed25519.PrivateKey
	Dir string
	Doc reports.DocOptions
}

// WipeTarget is one disk of a wipe run, from plan to record.
type WipeTarget struct {
	Dev   imaging.BlockDevice
	Plan  wipe.Plan
	Unit  *inventory.Unit
	Start string // ledger event id of wipe.started
	Res   wipe.Result
	Cert  *reports.Issued
	// Signed is the certificate signed but not written (full disk,
	// read-only folder): the ledger keeps it so that wipe --reissue can
	// write it later without wiping again.
	Signed *reports.Signed
	Notes  []Message // what the operator must know (not recorded, ledger error...)
	RunErr error     // the wipe could not even start
	// HandedOver are the units, handed over to a beneficiary, this disk is
	// recorded on besides Unit; MoveDisk: the operator confirmed that it
	// now belongs to Unit.
	HandedOver []string
	MoveDisk   bool
	medium     Medium
	size       int64
}

// Status is how the wipe ends in the ledger and the summary: the engine's
// result, except that a passed wipe without its certificate on disk is
// "uncertified".
func (t *WipeTarget) Status() string {
	if t.Res.Status == wipe.StatusPassed && t.Cert == nil {
		return inventory.ErasureUncertified
	}
	return t.Res.Status
}

// WipeSession erases disks and records each on its unit with its
// certificate. Everything it touches outside memory is injected.
type WipeSession struct {
	Guard    Guard
	Runner   wipe.Runner
	Ledger   WipeLedger
	Disks    Disks
	Prompt   Prompt
	Progress WipeProgress
	// Warn is said at once, before anything is written (a disk filed
	// under a stand-in identity).
	Warn  func(Message)
	Actor inventory.Actor
	Certs Certs

	Method, Verify string // --method, --verify ("" lets the engine choose)
	Unit           string // --unit
	MoveDisk, Yes  bool
	ToolVersion    string
	Chunk          int   // the engine's write size (0: its default); tests use small disks
	Clock          Clock // times each wipe (nil: the system clock)
}

// Plan checks every disk before writing any: one refused disk stops the
// whole command with nothing written, so a typo in a list of four disks
// never costs the other three... nor the system disk.
func (s *WipeSession) Plan(ctx context.Context, paths []string) ([]*WipeTarget, error) {
	var targets []*WipeTarget
	seen := map[string]string{}
	for _, a := range paths {
		d, err := s.Guard.Check(ctx, a)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[d.Name]; dup {
			return nil, refuse(i18n.M("wipe.twice", prev, a))
		}
		seen[d.Name] = a
		targets = append(targets, &WipeTarget{Dev: d})
	}
	for _, t := range targets {
		facts := wipe.Gather(ctx, s.Runner, t.Dev)
		p, err := wipe.MakePlan(t.Dev, s.Method, s.Verify, facts)
		if err != nil {
			return nil, err
		}
		t.Plan = p
	}
	return targets, nil
}

// Run wipes the planned disks in parallel. Refusals come first, with
// nothing opened, asked, recorded or written; then the disks are opened,
// confirmed, checked again, recorded as started, and wiped; each ends with
// its certificate and its record. The per-disk outcomes are on targets.
func (s *WipeSession) Run(ctx context.Context, targets []*WipeTarget) error {
	if err := s.resolveUnits(ctx, targets); err != nil {
		return err
	}
	if err := s.confirmMovedDisks(targets); err != nil {
		return err
	}
	// Open every disk, exclusively, before asking or recording anything: a
	// disk another wipe (or program) holds is refused with nothing in the
	// ledger, and the descriptor kept is the one the engine writes through.
	defer closeAll(targets)
	for _, t := range targets {
		m, size, err := s.Disks.Open(t.Dev.Path)
		if err != nil {
			if imaging.IsBusy(err) {
				return refuse(i18n.M("wipe.busy", t.Dev.Path))
			}
			return refuse(i18n.M("wipe.open", t.Dev.Path, err))
		}
		t.medium, t.size = m, size
	}
	for _, t := range targets {
		if err := s.Prompt.Confirm(t.Dev); err != nil { // it shows the disk's own model and serial
			return err
		}
	}
	// An answer may take minutes, and the machine may change meanwhile (a
	// filesystem mounted under a disk, a loop device set up over it): the
	// guard looks again just before anything is recorded or written.
	for _, t := range targets {
		if _, err := s.Guard.Check(ctx, t.Dev.Path); err != nil {
			return err
		}
	}
	if err := s.started(ctx, targets); err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.wipeOne(ctx, t)
		}()
	}
	wg.Wait()
	return nil
}

func closeAll(targets []*WipeTarget) {
	for _, t := range targets {
		if t.medium != nil {
			t.medium.Close()
		}
	}
}

// resolveUnits finds each disk's unit (ResolveUnits) and says before
// anything is written what the operator must know: a disk filed under a
// stand-in identity, a disk no unit has (wiped and certified all the same,
// not recorded).
func (s *WipeSession) resolveUnits(ctx context.Context, targets []*WipeTarget) error {
	devs := make([]imaging.BlockDevice, len(targets))
	for i, t := range targets {
		devs[i] = t.Dev
	}
	dus, err := ResolveUnits(ctx, s.Ledger, s.Unit, devs)
	if err != nil {
		return err
	}
	for i, t := range targets {
		du := dus[i]
		if du.NoSerial {
			// Said before anything is written: two identical serial-less
			// disks would share this record in the ledger.
			w := i18n.M("wipe.warn.noserial", t.Dev.Path, du.Disk)
			if s.Warn != nil {
				s.Warn(w)
			}
			t.Notes = append(t.Notes, w)
		}
		t.Unit, t.HandedOver = du.Unit, du.HandedOver
		if du.Unit == nil {
			t.Notes = append(t.Notes, i18n.M("wipe.note.nounit"))
		}
	}
	return nil
}

// confirmMovedDisks asks, before anything is opened or written, about each
// disk recorded on another unit that was handed over to a beneficiary:
// filing it under --unit is what the operator must mean, not a slip. In a
// terminal the operator is asked; otherwise --move-disk is required.
func (s *WipeSession) confirmMovedDisks(targets []*WipeTarget) error {
	for _, t := range targets {
		if t.Unit == nil || len(t.HandedOver) == 0 {
			continue
		}
		id, others := t.Dev.Identity(), strings.Join(t.HandedOver, ", ")
		switch {
		case s.MoveDisk:
		case s.Prompt.Interactive() && s.Prompt.YesNo(i18n.M("wipe.movedisk.prompt", t.Dev.Path, id, others, t.Unit.ID)):
		case s.Prompt.Interactive():
			return refuse(i18n.M("wipe.movedisk.declined", t.Dev.Path))
		default:
			return refuse(i18n.M("wipe.disk_handed_over", id, others, t.Unit.ID))
		}
		t.MoveDisk = true
		t.Notes = append(t.Notes, i18n.M("wipe.note.movedisk", others, t.Unit.ID))
	}
	return nil
}

// started tells the ledger of every wipe before its first write: a kill -9
// then leaves "started, never finished" on the unit. When one cannot be
// recorded, nothing is written and the wipes already recorded are closed
// as interrupted, so the units do not show them as started and never
// finished.
func (s *WipeSession) started(ctx context.Context, targets []*WipeTarget) error {
	for _, t := range targets {
		if t.Unit == nil {
			continue
		}
		id, err := s.Ledger.WipeStarted(ctx, s.Actor, t.Unit.ID, inventory.WipeStart{Disk: DiskRecord(t.Dev), Device: t.Dev.Path,
			Method: s.Method, MoveDisk: t.MoveDisk})
		if err != nil {
			for _, o := range targets {
				if o.Start != "" {
					s.Ledger.WipeFinished(context.WithoutCancel(ctx), s.Actor, o.Unit.ID, inventory.WipeOutcome{StartEvent: o.Start,
						DiskSerial: o.Dev.Identity(), Status: wipe.StatusInterrupted})
				}
			}
			return err
		}
		t.Start = id
	}
	return nil
}

// wipeOne runs the engine on one disk, then certifies and records it.
func (s *WipeSession) wipeOne(ctx context.Context, t *WipeTarget) {
	bar := s.Progress.Start(t.Dev.Path, t.Plan)
	start := s.Clock.now()
	t.Res, t.RunErr = wipe.Run(ctx, wipe.Job{Device: t.Dev, Plan: t.Plan, VerifyAsked: s.Verify, Runner: s.Runner,
		Medium: t.medium, Size: t.size, Chunk: s.Chunk, Progress: bar.Update, Phase: bar.Phase})
	// The session's clock times the wipe: the certificate's times and
	// duration are these.
	t.Res.Start, t.Res.End = start, s.Clock.now()
	if t.RunErr != nil {
		t.Res.Status = wipe.StatusFailed
		t.Res.Errors = append(t.Res.Errors, wipe.IOError{Op: "write", Err: t.RunErr.Error()})
	}
	bar.Done(t.Res.Status)
	s.record(ctx, t)
}

// DiskRecord is the disk as the ledger files it, under its identity.
func DiskRecord(d imaging.BlockDevice) inventory.DiskRecord {
	return inventory.DiskRecord{Serial: d.Identity(), Vendor: d.Vendor, Model: d.Model, Medium: d.Medium, SizeBytes: d.SizeBytes}
}

// record issues the certificate (passed or failed; never for an
// interrupted wipe) and then tells the ledger how the wipe ended. It uses a
// context that survives Ctrl-C: the interruption itself must be recorded.
// A passed wipe whose certificate could not be written is recorded as
// "uncertified", with the signed certificate, not as passed: a disk counts
// as erased only with its certificate on disk and its hash in the ledger.
func (s *WipeSession) record(ctx context.Context, t *WipeTarget) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if t.Res.Status == wipe.StatusUnverified {
		// Written but never read back: not a sanitization (NIST SP
		// 800-88), so no certificate; the ledger records it as such.
		t.Notes = append(t.Notes, i18n.M("wipe.note.unverified"))
	}
	if (t.Res.Status == wipe.StatusPassed || t.Res.Status == wipe.StatusFailed) && t.RunErr == nil {
		c := Certificate(Wipe{Device: t.Dev, Plan: t.Plan, Result: t.Res, Unit: t.Unit}, s.Actor.Operator, s.Ledger.BenchName(), s.ToolVersion)
		s.issueCertificate(t, c)
	}
	if t.Unit == nil {
		if t.Signed != nil {
			t.Notes = append(t.Notes, i18n.M("wipe.note.certlost"))
		}
		return
	}
	o := inventory.WipeOutcome{StartEvent: t.Start, DiskSerial: t.Dev.Identity(), Status: t.Status(),
		Technique: t.Res.Technique, NIST: t.Res.NIST, Pattern: t.Res.Pattern, Bytes: t.Res.Bytes, Errors: t.Res.ErrorStrings()}
	switch {
	case t.Cert != nil:
		o.CertificateID, o.CertificateSHA256, o.Certificate = t.Cert.ID, t.Cert.SHA256, json.RawMessage(t.Cert.JSON)
	case t.Signed != nil:
		o.CertificateID, o.CertificateSHA256, o.Certificate = t.Signed.ID, t.Signed.SHA256, json.RawMessage(t.Signed.JSON)
	}
	if _, err := s.Ledger.WipeFinished(rctx, s.Actor, t.Unit.ID, o); err != nil {
		t.Notes = append(t.Notes, i18n.M("wipe.note.ledgerfailed", err))
		return
	}
	if t.Signed != nil {
		// An uncertified wipe is found by its unit; a failed one (its
		// certificate proves no erasure) only by its certificate id.
		ref := t.Unit.ID
		if o.Status != inventory.ErasureUncertified {
			ref = t.Signed.ID
		}
		t.Notes = append(t.Notes, i18n.M("wipe.note.reissue", ref))
	}
}

// issueCertificate signs c and writes its files; when writing fails the
// signed certificate is kept on t for the ledger.
func (s *WipeSession) issueCertificate(t *WipeTarget, c reports.Certificate) {
	signed, err := reports.Sign(c, s.Certs.Key)
	if err == nil {
		signed, err = signed.WithDoc(s.Certs.Doc) // language and the association's identity on the PDF
	}
	if err != nil {
		t.Notes = append(t.Notes, i18n.M("wipe.note.certfailed", err))
		return
	}
	is, err := signed.Write(s.Certs.Dir)
	if err != nil {
		t.Notes = append(t.Notes, i18n.M("wipe.note.certfailed", err))
		t.Signed = &signed
		return
	}
	t.Cert = &is
}
