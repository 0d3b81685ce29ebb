package workshop

// The wipe session end to end without root, loop devices or a database:
// the guard, the disks, the operator and the ledger are fakes, the engine
// and the certificates are the real ones. cmd/atelier's loop-device tests
// remain the end-to-end layer over the real disks.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// fakeGuard knows some disks and refuses others.
type fakeGuard struct {
	disks   map[string]imaging.BlockDevice
	refused map[string]bool
	checks  int
	// refuseOnRecheck: the disk is refused from its second check on (a
	// filesystem mounted while the operator answered).
	refuseOnRecheck string
	seen            map[string]int
}

func (g *fakeGuard) Check(_ context.Context, path string) (imaging.BlockDevice, error) {
	g.checks++
	if g.seen == nil {
		g.seen = map[string]int{}
	}
	g.seen[path]++
	d, ok := g.disks[path]
	if !ok {
		return d, fmt.Errorf("%s: no such disk", path)
	}
	if g.refused[path] || (path == g.refuseOnRecheck && g.seen[path] > 1) {
		return d, refuse(i18n.M("guard.refused", path, "mounted"))
	}
	return d, nil
}

// fakeDisks hands out disks in memory; busy ones fail like an O_EXCL open.
type fakeDisks struct {
	mu     sync.Mutex
	media  map[string]*memMedium
	busy   map[string]bool
	opened []string
}

type memMedium struct {
	*memDisk
	closed bool
	// onWrite runs before each write (an interruption mid-wipe).
	onWrite func()
}

func (m *memMedium) WriteAt(p []byte, off int64) (int, error) {
	if m.onWrite != nil {
		m.onWrite()
	}
	return m.memDisk.WriteAt(p, off)
}

func (m *memMedium) Close() error { m.closed = true; return nil }

func (f *fakeDisks) Open(path string) (Medium, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.busy[path] {
		return nil, 0, &os.PathError{Op: "open", Path: path, Err: unix.EBUSY}
	}
	m := f.media[path]
	f.opened = append(f.opened, path)
	return m, int64(len(m.data)), nil
}

// fakePrompt answers for the operator.
type fakePrompt struct {
	interactive bool
	confirmErr  error
	yes         bool
	asked       []Message
	confirmed   []string
}

func (p *fakePrompt) Interactive() bool { return p.interactive }
func (p *fakePrompt) Confirm(d imaging.BlockDevice) error {
	p.confirmed = append(p.confirmed, d.Path)
	return p.confirmErr
}
func (p *fakePrompt) YesNo(q Message) bool { p.asked = append(p.asked, q); return p.yes }

type nullBar struct{}

func (nullBar) Update(done, total int64) {}
func (nullBar) Phase(string)             {}
func (nullBar) Done(string)              {}

type nullProgress struct{}

func (nullProgress) Start(string, wipe.Plan) WipeBar { return nullBar{} }

// wipeLedger is a ledger in memory: units, the disks' units, and every
// wipe started and finished.
type wipeLedger struct {
	fakeLedger
	mu         sync.Mutex
	started    []inventory.WipeStart
	finished   map[string]inventory.WipeOutcome // by unit
	failStart  string                           // unit whose WipeStarted fails
	failFinish bool
}

func newWipeLedger() *wipeLedger {
	return &wipeLedger{fakeLedger: fakeLedger{units: map[string]inventory.Unit{}, byDisk: map[string]string{},
		handedOn: map[string][]string{}}, finished: map[string]inventory.WipeOutcome{}}
}

func (l *wipeLedger) WipeStarted(_ context.Context, _ inventory.Actor, unitID string, ws inventory.WipeStart) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if unitID == l.failStart {
		return "", errors.New("database is locked")
	}
	l.started = append(l.started, ws)
	return fmt.Sprintf("ev-%d", len(l.started)), nil
}

func (l *wipeLedger) WipeFinished(_ context.Context, _ inventory.Actor, unitID string, o inventory.WipeOutcome) (inventory.Unit, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.failFinish {
		return inventory.Unit{}, errors.New("disk I/O error")
	}
	l.finished[unitID] = o
	return l.units[unitID], nil
}

func (l *wipeLedger) BenchName() string { return "etabli-1" }

// bench is a wipe session over fakes: disks /dev/fakea (serial WD-A, on
// unit PCS-26-0001) and /dev/fakeb (no serial, no unit).
type bench struct {
	s      *WipeSession
	guard  *fakeGuard
	disks  *fakeDisks
	prompt *fakePrompt
	ledger *wipeLedger
	warned []Message
}

func newBench(t *testing.T) *bench {
	t.Helper()
	b := &bench{
		guard: &fakeGuard{disks: map[string]imaging.BlockDevice{
			"/dev/fakea": {Path: "/dev/fakea", Name: "fakea", Serial: "WD-A", Model: "WDC WD5000", Medium: "loop", Transport: "loop", SizeBytes: 1 << 20},
			"/dev/fakeb": {Path: "/dev/fakeb", Name: "fakeb", Model: "Generic Flash Disk", Medium: "loop", Transport: "loop", SizeBytes: 1 << 20},
		}},
		disks: &fakeDisks{media: map[string]*memMedium{
			"/dev/fakea": {memDisk: newMemDisk(1<<20, 0x55)}, "/dev/fakeb": {memDisk: newMemDisk(1<<20, 0x66)},
		}},
		prompt: &fakePrompt{},
		ledger: newWipeLedger(),
	}
	b.ledger.units["PCS-26-0001"] = inventory.Unit{ID: "PCS-26-0001"}
	b.ledger.units["PCS-26-0002"] = inventory.Unit{ID: "PCS-26-0002"}
	b.ledger.byDisk["WD-A"] = "PCS-26-0001"
	b.s = &WipeSession{Guard: b.guard, Runner: &drive{}, Ledger: b.ledger, Disks: b.disks, Prompt: b.prompt,
		Progress: nullProgress{}, Warn: func(m Message) { b.warned = append(b.warned, m) },
		Actor: inventory.Actor{Operator: "camille"}, Certs: Certs{Key: testKey(t), Dir: t.TempDir(), Doc: reports.DocOptions{Lang: i18n.EN}},
		Method: wipe.MethodZero, ToolVersion: "test", Chunk: 64 << 10}
	return b
}

func (b *bench) wipe(t *testing.T, paths ...string) ([]*WipeTarget, error) {
	t.Helper()
	targets, err := b.s.Plan(context.Background(), paths)
	if err != nil {
		return nil, err
	}
	return targets, b.s.Run(context.Background(), targets)
}

func keyOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

func hasNote(t *WipeTarget, key string) bool {
	for _, n := range t.Notes {
		if n.Key == key {
			return true
		}
	}
	return false
}

// A passed wipe: certificate written, recorded on the unit found by the
// disk's serial with the certificate's hash.
func TestWipeSessionPassedIsCertifiedAndRecorded(t *testing.T) {
	b := newBench(t)
	targets, err := b.wipe(t, "/dev/fakea")
	if err != nil {
		t.Fatal(err)
	}
	tg := targets[0]
	if tg.Status() != wipe.StatusPassed || tg.Cert == nil || tg.Unit == nil || tg.Unit.ID != "PCS-26-0001" {
		t.Fatalf("status %s cert %v unit %v notes %v", tg.Status(), tg.Cert, tg.Unit, tg.Notes)
	}
	if _, err := os.Stat(tg.Cert.PDFPath); err != nil {
		t.Fatal(err)
	}
	o := b.ledger.finished["PCS-26-0001"]
	if o.Status != inventory.ErasurePassed || o.CertificateSHA256 != tg.Cert.SHA256 || o.DiskSerial != "WD-A" || o.StartEvent != "ev-1" {
		t.Fatalf("recorded %+v", o)
	}
	for _, by := range b.disks.media["/dev/fakea"].data {
		if by != 0 {
			t.Fatal("disk not zeroed")
		}
	}
	if !b.disks.media["/dev/fakea"].closed {
		t.Error("disk left open")
	}
	if b.guard.seen["/dev/fakea"] != 2 {
		t.Errorf("guard asked %d times, want twice (plan and just before writing)", b.guard.seen["/dev/fakea"])
	}
}

// Refusals come before anything is opened, asked, recorded or written.
func TestWipeSessionRefusesBeforeWriting(t *testing.T) {
	untouched := func(t *testing.T, b *bench) {
		t.Helper()
		if len(b.ledger.started) != 0 || len(b.ledger.finished) != 0 {
			t.Errorf("recorded: %+v %+v", b.ledger.started, b.ledger.finished)
		}
		for p, m := range b.disks.media {
			if m.data[0] == 0 {
				t.Errorf("%s written", p)
			}
		}
	}
	t.Run("guard refuses one disk of two", func(t *testing.T) {
		b := newBench(t)
		b.guard.refused = map[string]bool{"/dev/fakeb": true}
		_, err := b.wipe(t, "/dev/fakea", "/dev/fakeb")
		if keyOf(err) != "guard.refused" || len(b.disks.opened) != 0 {
			t.Fatalf("%v, opened %v", err, b.disks.opened)
		}
		untouched(t, b)
	})
	t.Run("same disk twice", func(t *testing.T) {
		b := newBench(t)
		_, err := b.wipe(t, "/dev/fakea", "/dev/fakea")
		if keyOf(err) != "wipe.twice" {
			t.Fatal(err)
		}
		untouched(t, b)
	})
	t.Run("busy disk", func(t *testing.T) {
		b := newBench(t)
		b.disks.busy = map[string]bool{"/dev/fakeb": true}
		_, err := b.wipe(t, "/dev/fakea", "/dev/fakeb")
		if keyOf(err) != "wipe.busy" || len(b.prompt.confirmed) != 0 {
			t.Fatalf("%v, asked %v", err, b.prompt.confirmed)
		}
		if !b.disks.media["/dev/fakea"].closed {
			t.Error("the disk opened before the busy one is left open")
		}
		untouched(t, b)
	})
	t.Run("operator does not confirm", func(t *testing.T) {
		b := newBench(t)
		b.prompt.confirmErr = errors.New("serial does not match")
		if _, err := b.wipe(t, "/dev/fakea"); err == nil {
			t.Fatal("wiped without confirmation")
		}
		untouched(t, b)
	})
	t.Run("mounted while the operator answered", func(t *testing.T) {
		b := newBench(t)
		b.guard.refuseOnRecheck = "/dev/fakea"
		if _, err := b.wipe(t, "/dev/fakea"); keyOf(err) != "guard.refused" {
			t.Fatal(err)
		}
		untouched(t, b)
	})
	t.Run("unknown --unit", func(t *testing.T) {
		b := newBench(t)
		b.s.Unit = "PCS-26-9999"
		if _, err := b.wipe(t, "/dev/fakea"); !errors.Is(err, inventory.ErrUnknownUnit) {
			t.Fatal(err)
		}
		untouched(t, b)
	})
	t.Run("ledger refuses a start", func(t *testing.T) {
		// The first disk's start was recorded: it is closed as
		// interrupted, and nothing is written on either disk.
		b := newBench(t)
		b.s.Unit = ""
		b.ledger.byDisk[DiskRecord(b.guard.disks["/dev/fakeb"]).Serial] = "PCS-26-0002"
		b.ledger.failStart = "PCS-26-0002"
		if _, err := b.wipe(t, "/dev/fakea", "/dev/fakeb"); err == nil || !strings.Contains(err.Error(), "locked") {
			t.Fatal(err)
		}
		if o := b.ledger.finished["PCS-26-0001"]; o.Status != inventory.ErasureInterrupted || o.StartEvent != "ev-1" {
			t.Fatalf("the recorded start is not closed: %+v", o)
		}
		for p, m := range b.disks.media {
			if m.data[0] == 0 {
				t.Errorf("%s written", p)
			}
		}
	})
}

// A disk recorded on a unit handed over to a beneficiary: refused outside
// a terminal without --move-disk; asked in a terminal; --move-disk goes
// ahead and the ledger hears the operator's word.
func TestWipeSessionDiskOfAHandedOverUnit(t *testing.T) {
	setup := func(t *testing.T) *bench {
		b := newBench(t)
		b.s.Unit = "PCS-26-0002"
		b.ledger.handedOn["WD-A"] = []string{"PCS-26-0001"}
		return b
	}
	b := setup(t)
	_, err := b.wipe(t, "/dev/fakea")
	if keyOf(err) != "wipe.disk_handed_over" || len(b.disks.opened) != 0 || len(b.ledger.started) != 0 {
		t.Fatalf("without --move-disk: %v, opened %v", err, b.disks.opened)
	}
	if e := err.(*Error); e.Args[1] != "PCS-26-0001" || e.Args[2] != "PCS-26-0002" {
		t.Fatalf("refusal names %v", e.Args)
	}

	b = setup(t)
	b.prompt.interactive = true
	if _, err := b.wipe(t, "/dev/fakea"); keyOf(err) != "wipe.movedisk.declined" || len(b.prompt.asked) != 1 {
		t.Fatalf("declined in a terminal: %v, asked %v", err, b.prompt.asked)
	}

	for name, set := range map[string]func(b *bench){
		"--move-disk":       func(b *bench) { b.s.MoveDisk = true },
		"yes in a terminal": func(b *bench) { b.prompt.interactive, b.prompt.yes = true, true },
	} {
		b = setup(t)
		set(b)
		targets, err := b.wipe(t, "/dev/fakea")
		if err != nil || !targets[0].MoveDisk || !hasNote(targets[0], "wipe.note.movedisk") {
			t.Fatalf("%s: %v %+v", name, err, targets)
		}
		if len(b.ledger.started) != 1 || !b.ledger.started[0].MoveDisk || b.ledger.finished["PCS-26-0002"].Status != inventory.ErasurePassed {
			t.Fatalf("%s: recorded %+v %+v", name, b.ledger.started, b.ledger.finished)
		}
	}
}

// A serial-less loose disk: warned before anything is written, filed under
// its stand-in identity, wiped and certified but not recorded.
func TestWipeSessionLooseSerialLessDisk(t *testing.T) {
	b := newBench(t)
	targets, err := b.wipe(t, "/dev/fakeb")
	if err != nil {
		t.Fatal(err)
	}
	tg := targets[0]
	if len(b.warned) != 1 || b.warned[0].Key != "wipe.warn.noserial" || !strings.HasPrefix(fmt.Sprint(b.warned[0].Args[1]), "noserial:") {
		t.Fatalf("warned %v", b.warned)
	}
	if tg.Unit != nil || !hasNote(tg, "wipe.note.nounit") || tg.Cert == nil || len(b.ledger.started) != 0 {
		t.Fatalf("loose disk: unit %v notes %v cert %v started %v", tg.Unit, tg.Notes, tg.Cert, b.ledger.started)
	}
}

// Certificates that cannot be written: a passed wipe is recorded
// uncertified with its signed certificate, to be reissued by its unit; a
// failed one keeps its status and is reissued by the certificate's id; a
// loose disk's certificate is said lost.
func TestWipeSessionCertificateFailure(t *testing.T) {
	blocked := func(t *testing.T, b *bench) {
		f := filepath.Join(t.TempDir(), "not-a-folder")
		os.WriteFile(f, nil, 0o644)
		b.s.Certs.Dir = filepath.Join(f, "certificates")
	}
	b := newBench(t)
	blocked(t, b)
	targets, err := b.wipe(t, "/dev/fakea")
	if err != nil {
		t.Fatal(err)
	}
	tg := targets[0]
	o := b.ledger.finished["PCS-26-0001"]
	if tg.Status() != inventory.ErasureUncertified || tg.Signed == nil || o.Status != inventory.ErasureUncertified ||
		o.CertificateSHA256 != tg.Signed.SHA256 || len(o.Certificate) == 0 {
		t.Fatalf("status %s, recorded %+v", tg.Status(), o)
	}
	if !hasNote(tg, "wipe.note.certfailed") || tg.Notes[len(tg.Notes)-1].Key != "wipe.note.reissue" ||
		tg.Notes[len(tg.Notes)-1].Args[0] != "PCS-26-0001" {
		t.Fatalf("notes %v", tg.Notes)
	}
	if _, err := reports.Parse(o.Certificate); err != nil {
		t.Fatalf("the kept certificate: %v", err)
	}

	// A failed wipe (a write error): its certificate is found by its id.
	b = newBench(t)
	blocked(t, b)
	b.s.Disks = &failingDisks{fakeDisks: b.disks}
	targets, err = b.wipe(t, "/dev/fakea")
	if err != nil {
		t.Fatal(err)
	}
	tg = targets[0]
	if tg.Status() != wipe.StatusFailed || tg.Signed == nil || b.ledger.finished["PCS-26-0001"].Status != wipe.StatusFailed {
		t.Fatalf("failed wipe: status %s signed %v", tg.Status(), tg.Signed)
	}
	if n := tg.Notes[len(tg.Notes)-1]; n.Key != "wipe.note.reissue" || n.Args[0] != tg.Signed.ID {
		t.Fatalf("notes %v", tg.Notes)
	}

	b = newBench(t)
	blocked(t, b)
	targets, err = b.wipe(t, "/dev/fakeb")
	if err != nil || !hasNote(targets[0], "wipe.note.certlost") {
		t.Fatalf("loose disk: %v %v", err, targets[0].Notes)
	}
}

// failingDisks hands out media that fail every write.
type failingDisks struct{ *fakeDisks }

type failingMedium struct{ *memMedium }

func (failingMedium) WriteAt(p []byte, off int64) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/fakea", Err: unix.EIO}
}

func (f *failingDisks) Open(path string) (Medium, int64, error) {
	m, n, err := f.fakeDisks.Open(path)
	if err != nil {
		return m, n, err
	}
	return failingMedium{m.(*memMedium)}, n, nil
}

// Ctrl-C during the wipe: the interruption itself is recorded (with a
// context that survives it), no certificate is issued.
func TestWipeSessionInterrupted(t *testing.T) {
	b := newBench(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.disks.media["/dev/fakea"].onWrite = cancel
	targets, err := b.s.Plan(ctx, []string{"/dev/fakea"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.s.Run(ctx, targets); err != nil {
		t.Fatal(err)
	}
	tg := targets[0]
	o, ok := b.ledger.finished["PCS-26-0001"]
	if tg.Status() != wipe.StatusInterrupted || tg.Cert != nil || tg.Signed != nil || !ok || o.Status != inventory.ErasureInterrupted {
		t.Fatalf("status %s cert %v recorded %+v", tg.Status(), tg.Cert, o)
	}
}

// A ledger that fails when the wipe ends: the operator is told, the
// certificate is on disk all the same.
func TestWipeSessionLedgerFailsAtTheEnd(t *testing.T) {
	b := newBench(t)
	b.ledger.failFinish = true
	targets, err := b.wipe(t, "/dev/fakea")
	if err != nil || targets[0].Cert == nil || !hasNote(targets[0], "wipe.note.ledgerfailed") {
		t.Fatalf("%v %+v", err, targets[0].Notes)
	}
}

// --verify none: written, not read back: unverified, no certificate,
// recorded as such.
func TestWipeSessionUnverified(t *testing.T) {
	b := newBench(t)
	b.s.Verify = wipe.VerifyNone
	targets, err := b.wipe(t, "/dev/fakea")
	if err != nil {
		t.Fatal(err)
	}
	if tg := targets[0]; tg.Status() != wipe.StatusUnverified || tg.Cert != nil || !hasNote(tg, "wipe.note.unverified") ||
		b.ledger.finished["PCS-26-0001"].Status != inventory.ErasureUnverified {
		t.Fatalf("status %s notes %v recorded %+v", tg.Status(), tg.Notes, b.ledger.finished)
	}
}
