package workshop

// Certificate on what the real wipe engine returns: the engine runs
// on a disk in memory, with the drive's tools answering from the real
// outputs in imaging/wipe/testdata. Each certificate must also be accepted
// by reports.Sign (it never claims more than was done).

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// memDisk is a disk in memory; the fake drive's erase fills it.
type memDisk struct {
	mu   sync.Mutex
	data []byte
}

func newMemDisk(size int, fill byte) *memDisk {
	d := &memDisk{data: make([]byte, size)}
	for i := range d.data {
		d.data[i] = fill
	}
	return d
}

func (d *memDisk) WriteAt(p []byte, off int64) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return copy(d.data[off:], p), nil
}

func (d *memDisk) ReadAt(p []byte, off int64) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return copy(p, d.data[off:]), nil
}

func (d *memDisk) Sync() error { return nil }

func (d *memDisk) erase(b byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i := range d.data {
		d.data[i] = b
	}
}

// drive answers hdparm and nvme from canned outputs; its erase commands
// run erase (or fail with the error given).
type drive struct {
	answers map[string][]string
	fail    map[string]error
	erase   func()
}

func (f *drive) Run(_ context.Context, name string, args ...string) ([]byte, error) {
	line := name + " " + strings.Join(args, " ")
	for prefix, err := range f.fail {
		if strings.HasPrefix(line, prefix) {
			return nil, err
		}
	}
	if f.erase != nil && (strings.Contains(line, "--security-erase") || strings.HasPrefix(line, "nvme sanitize /") ||
		strings.HasPrefix(line, "nvme format")) {
		f.erase()
	}
	for prefix, outs := range f.answers {
		if strings.HasPrefix(line, prefix) && len(outs) > 0 {
			out := outs[0]
			if len(outs) > 1 {
				f.answers[prefix] = outs[1:]
			}
			return []byte(out), nil
		}
	}
	return nil, nil
}

func toolOutput(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "imaging", "wipe", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func unfrozenDrive(s string) string { return strings.Replace(s, "\t\tfrozen\n", "\tnot\tfrozen\n", 1) }

// engineTarget wipes a disk in memory with the real engine and returns the
// wipe Certificate reads.
func engineTarget(t *testing.T, medium, transport, method, verify string, dr *drive, d *memDisk) *Wipe {
	t.Helper()
	dev := imaging.BlockDevice{Path: "/dev/fake", Name: "fake", Vendor: "ACME", Model: "Disk 9000", Serial: "SER1234",
		Medium: medium, Transport: transport, SizeBytes: int64(len(d.data))}
	facts := wipe.Gather(context.Background(), dr, dev)
	p, err := wipe.MakePlan(dev, method, verify, facts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := wipe.Run(context.Background(), wipe.Job{Device: dev, Plan: p, VerifyAsked: verify, Runner: dr, Medium: d,
		Size: int64(len(d.data)), Chunk: 1 << 20, PollEvery: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return &Wipe{Device: dev, Plan: p, Result: res}
}

// certify builds the certificate and checks that Sign accepts it.
func certify(t *testing.T, tg *Wipe) reports.Certificate {
	t.Helper()
	c := Certificate(*tg, "camille", "etabli-1", "0.1.0-test")
	s, err := reports.Sign(c, testKey(t))
	if err != nil {
		t.Fatalf("reports.Sign refuses what Certificate made: %v\n%+v", err, c)
	}
	back, err := reports.Parse(s.JSON)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func testKey(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	if _, _, err := reports.EnsureBenchKey(dir, "etabli-1"); err != nil {
		t.Fatal(err)
	}
	k, err := reports.LoadBenchKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// An HDD with a Host Protected Area and a DCO: the certificate says what
// was hidden, how much, and the overwrite fails because it could not reach
// those sectors (an error without a byte range).
func TestCertificateOfADiskWithHiddenAreas(t *testing.T) {
	d := newMemDisk(8<<20, 0x77)
	dr := &drive{answers: map[string][]string{
		"hdparm -I":             {toolOutput(t, "hdparm-I-hdd-frozen.txt")},
		"hdparm -N":             {toolOutput(t, "hdparm-N-hpa.txt")},
		"hdparm --dco-identify": {"\n/dev/fake:\n\tReal max sectors: 976775168\n"},
	}}
	tg := engineTarget(t, "hdd", "sata", wipe.MethodZero, "", dr, d)
	c := certify(t, tg)
	h := c.Disk.Hidden
	if !h.Checked || !h.HPA || h.HPASectors != 976773168-976771055 || !h.DCO || h.DCOSectors != 2000 || h.Removed {
		t.Fatalf("hidden areas %+v", h)
	}
	if c.Status != reports.StatusFailed || c.Sanitization.NIST != reports.NISTNone || len(c.Errors) != 1 {
		t.Fatalf("status %s, NIST %s, errors %+v", c.Status, c.Sanitization.NIST, c.Errors)
	}
	if e := c.Errors[0]; e.Op != "write" || e.Offset != 0 || e.Length != 0 || !strings.Contains(e.Message, "4113 sectors hidden by HPA/DCO") {
		t.Fatalf("hidden-area error %+v", e)
	}
	// The overwrite itself was read back and matched.
	if v := c.Verification; v.Method != reports.VerifyFull || v.Result != reports.ResultPassed || v.BytesVerified != 8<<20 {
		t.Fatalf("verification %+v", v)
	}
}

// A disk that could not be asked about hidden areas says so.
func TestCertificateOfADiskNotAskedAboutHiddenAreas(t *testing.T) {
	tg := engineTarget(t, "loop", "loop", wipe.MethodRandom, wipe.VerifySample, &drive{}, newMemDisk(12<<20, 0x11))
	c := certify(t, tg)
	if c.Disk.Hidden.Checked || c.Status != reports.StatusPassed {
		t.Fatalf("%+v %s", c.Disk.Hidden, c.Status)
	}
	if s := c.Sanitization; s.Technique != reports.TechniqueOverwriteRandom || s.Pattern != "random (seeded AES-128-CTR stream)" ||
		s.NIST != reports.NISTClear || s.Passes != 1 || len(s.Firmware) != 0 || s.Fallback != "" || s.MethodRequested != wipe.MethodRandom {
		t.Fatalf("sanitization %+v", s)
	}
	if v := c.Verification; v.Method != reports.VerifySample || v.Result != reports.ResultPassed || v.BytesVerified < (12<<20)/10 {
		t.Fatalf("verification %+v", v)
	}
	if c.Disk.Serial != "SER1234" || c.Disk.Vendor != "ACME" || c.Disk.Device != "/dev/fake" || c.Disk.CapacityBytes != 12<<20 ||
		c.Operator != "camille" || c.Bench != "etabli-1" || c.Sanitization.Tool != (reports.Tool{Name: "atelier", Version: "0.1.0-test"}) {
		t.Fatalf("identity %+v %s %s", c.Disk, c.Operator, c.Bench)
	}
}

// ATA Security Erase that worked: the commands sent, "ok", Purge on an
// HDD, the firmware pattern, verification by sample.
func TestCertificateOfAFirmwareErase(t *testing.T) {
	d := newMemDisk(32<<20, 0x77)
	dr := &drive{answers: map[string][]string{
		"hdparm -I":             {unfrozenDrive(toolOutput(t, "hdparm-I-hdd-frozen.txt"))},
		"hdparm -N":             {toolOutput(t, "hdparm-N-nohpa.txt")},
		"hdparm --dco-identify": {"\n/dev/fake:\n\tReal max sectors: 976773168\n"},
	}, erase: func() { d.erase(0) }}
	tg := engineTarget(t, "hdd", "sata", wipe.MethodAuto, "", dr, d)
	c := certify(t, tg)
	s := c.Sanitization
	want := "hdparm --user-master u --security-set-pass atelier /dev/fake; hdparm --user-master u --security-erase-enhanced atelier /dev/fake"
	if len(s.Firmware) != 1 || s.Firmware[0].Command != want || s.Firmware[0].Outcome != "ok" || s.Fallback != "" {
		t.Fatalf("firmware %+v fallback %q", s.Firmware, s.Fallback)
	}
	if s.Technique != reports.TechniqueATASecureEraseEnhanced || s.NIST != reports.NISTPurge || s.Pattern != "firmware" {
		t.Fatalf("sanitization %+v", s)
	}
	if c.Verification.Method != reports.VerifySample || c.Verification.Result != reports.ResultPassed {
		t.Fatalf("verification %+v", c.Verification)
	}
}

// The fallback story: the firmware command failed, the overwrite was done
// and fully verified; the certificate tells both and claims only Clear.
func TestCertificateOfAFailedFirmwareEraseThenOverwrite(t *testing.T) {
	d := newMemDisk(16<<20, 0x77)
	dr := &drive{answers: map[string][]string{"nvme id-ctrl": {toolOutput(t, "nvme-id-ctrl-sanitize.json")}},
		fail: map[string]error{"nvme sanitize /": errors.New("NVMe status: Sanitize Prohibited")}}
	tg := engineTarget(t, "nvme", "nvme", wipe.MethodAuto, "", dr, d)
	c := certify(t, tg)
	s := c.Sanitization
	if len(s.Firmware) != 1 || s.Firmware[0].Command != "nvme sanitize /dev/fake --sanact=2" || s.Firmware[0].Outcome != "failed" ||
		s.Firmware[0].Detail != "NVMe status: Sanitize Prohibited" {
		t.Fatalf("firmware %+v", s.Firmware)
	}
	if s.Fallback != "nvme-sanitize: NVMe status: Sanitize Prohibited" || s.Technique != reports.TechniqueOverwriteZero ||
		s.NIST != reports.NISTClear || s.Pattern != "zeros" {
		t.Fatalf("sanitization %+v", s)
	}
	if c.Status != reports.StatusPassed || c.Verification.Method != reports.VerifyFull || c.Verification.BytesVerified != 16<<20 {
		t.Fatalf("status %s verification %+v", c.Status, c.Verification)
	}
}

// A frozen drive is never sent the command: the certificate records the
// firmware erase as frozen, with the plan's reason, then the overwrite.
func TestCertificateOfAFrozenDrive(t *testing.T) {
	dr := &drive{answers: map[string][]string{"hdparm -I": {toolOutput(t, "hdparm-I-hdd-frozen.txt")}}}
	tg := engineTarget(t, "hdd", "sata", wipe.MethodAuto, "", dr, newMemDisk(8<<20, 0x77))
	c := certify(t, tg)
	f := c.Sanitization.Firmware
	if len(f) != 1 || f[0].Command != "firmware erase" || f[0].Outcome != "frozen" || !strings.Contains(f[0].Detail, "frozen") {
		t.Fatalf("firmware %+v", f)
	}
	if !strings.HasPrefix(c.Sanitization.Fallback, "firmware erase: ") || !strings.Contains(c.Sanitization.Fallback, "frozen") {
		t.Fatalf("fallback %q", c.Sanitization.Fallback)
	}
}

// A drive that acknowledged the erase but did nothing: markers still
// there, verification failed, each range named, status failed, no category.
func TestCertificateOfAFirmwareEraseThatDidNothing(t *testing.T) {
	dr := &drive{answers: map[string][]string{"nvme id-ctrl": {toolOutput(t, "nvme-id-ctrl-format-only.json")}}}
	tg := engineTarget(t, "nvme", "nvme", wipe.MethodNVMeFormat, "", dr, newMemDisk(16<<20, 0x77))
	c := certify(t, tg)
	if c.Status != reports.StatusFailed || c.Sanitization.NIST != reports.NISTNone || c.Verification.Result != reports.ResultFailed {
		t.Fatalf("status %s NIST %s verification %+v", c.Status, c.Sanitization.NIST, c.Verification)
	}
	if len(c.Errors) == 0 {
		t.Fatal("no error range")
	}
	for _, e := range c.Errors {
		if e.Op != "verify" || e.Length != 4096 || e.Offset%4096 != 0 || !strings.Contains(e.Message, "marker") {
			t.Fatalf("error range %+v", e)
		}
	}
}

// --verify none after a firmware erase: the engine still checks its
// markers, recorded as such.
func TestCertificateOfAFirmwareEraseCheckedByMarkers(t *testing.T) {
	d := newMemDisk(32<<20, 0x77)
	dr := &drive{answers: map[string][]string{"nvme id-ctrl": {toolOutput(t, "nvme-id-ctrl-format-only.json")}},
		erase: func() { d.erase(0) }}
	tg := engineTarget(t, "nvme", "nvme", wipe.MethodAuto, wipe.VerifyNone, dr, d)
	c := certify(t, tg)
	if v := c.Verification; v.Method != reports.VerifyFirmwareMarker || v.Result != reports.ResultPassed || v.BytesVerified == 0 {
		t.Fatalf("verification %+v", v)
	}
	if c.Sanitization.Technique != reports.TechniqueNVMeFormatCrypto || c.Sanitization.NIST != reports.NISTPurge {
		t.Fatalf("sanitization %+v", c.Sanitization)
	}
}

// What the engine cannot produce from a disk in memory, built by hand:
// a wipe stopped before its verification, error kinds and ranges outside
// the certificate's vocabulary, a read-back without direct I/O, the unit.
func TestCertificateEdgeCases(t *testing.T) {
	start := time.Date(2026, 11, 3, 14, 0, 0, 0, time.UTC)
	base := func() *Wipe {
		return &Wipe{
			Device: imaging.BlockDevice{Path: "/dev/fake", Serial: "SER1234", Medium: "hdd", SizeBytes: 1 << 30},
			Plan:   wipe.Plan{Method: wipe.MethodZero, Technique: wipe.MethodZero, Verify: wipe.VerifyFull},
			Result: wipe.Result{Status: wipe.StatusFailed, Method: wipe.MethodZero, Technique: "overwrite-zero", NIST: wipe.NISTNone,
				Pattern: wipe.PatternZero, Passes: 1, Verification: wipe.VerifyFull, VerificationResult: "not done",
				Errors: []wipe.IOError{{Op: "write", Start: 4096, End: 8192, Err: "input/output error"}},
				Start:  start, End: start.Add(90 * time.Second), Direct: true},
		}
	}

	c := certify(t, base())
	if v := c.Verification; v.Method != reports.VerifyFull || v.Result != reports.ResultFailed || v.Detail != "not completed" {
		t.Fatalf("stopped before verifying: %+v", v)
	}
	if e := c.Errors[0]; e != (reports.ErrorRange{Op: "write", Offset: 4096, Length: 4096, Message: "input/output error"}) {
		t.Fatalf("error range %+v", e)
	}
	if c.Times.DurationSeconds != 90 || !c.Times.Started.Equal(start) {
		t.Fatalf("times %+v", c.Times)
	}

	tg := base()
	tg.Result.Errors = []wipe.IOError{{Op: "trim", Start: 100, End: 50, Err: "odd"}, {Op: "firmware", Err: "sanitize aborted"}}
	c = certify(t, tg)
	if c.Errors[0] != (reports.ErrorRange{Op: "write", Offset: 100, Length: 0, Message: "odd"}) || c.Errors[1].Op != "firmware" {
		t.Fatalf("errors outside the vocabulary: %+v", c.Errors)
	}

	// A firmware erase cut short (its outcome outside the certificate's
	// words), then an overwrite without read-back that met an I/O error.
	tg = base()
	tg.Result.Tried = []wipe.Attempt{{Technique: wipe.MethodATASanitize, Outcome: "interrupted", Detail: "sanitize block erase",
		Commands: []string{"hdparm --sanitize-block-erase /dev/fake"}}, {Technique: wipe.MethodZero, Outcome: "failed"}}
	tg.Result.Verification, tg.Result.VerificationResult = wipe.VerifyNone, "not done"
	c = certify(t, tg)
	if f := c.Sanitization.Firmware; len(f) != 1 || f[0] != (reports.FirmwareAttempt{Command: "hdparm --sanitize-block-erase /dev/fake",
		Outcome: "failed", Detail: "sanitize block erase"}) {
		t.Fatalf("interrupted firmware attempt: %+v", f)
	}
	if c.Sanitization.Fallback != "ata-sanitize: interrupted" || c.Verification.Method != reports.VerifyNone || c.Verification.Result != reports.ResultSkipped {
		t.Fatalf("fallback %q, verification %+v", c.Sanitization.Fallback, c.Verification)
	}

	tg = base()
	tg.Result.Verification = "" // the engine never reached the verification
	tg.Plan.Verify = wipe.VerifySample
	if c = certify(t, tg); c.Verification.Method != reports.VerifySample || c.Verification.Result != reports.ResultFailed {
		t.Fatalf("method from the plan: %+v", c.Verification)
	}

	tg = base()
	tg.Result.Status, tg.Result.NIST, tg.Result.Errors, tg.Result.VerificationResult = wipe.StatusPassed, wipe.NISTClear, nil, wipe.StatusPassed
	tg.Result.VerifiedBytes, tg.Result.Direct, tg.Result.CacheDropped = 1<<30, false, true
	tg.Unit = &inventory.Unit{ID: "PCS-26-0042", AssetTag: "ECH-PC-004217", Donor: "DSI Échirolles", Batch: "2026-11"}
	c = certify(t, tg)
	if c.Verification.Detail != reports.DetailBufferedReadBack || c.Verification.Result != reports.ResultPassed {
		t.Fatalf("buffered read-back not said: %+v", c.Verification)
	}
	if c.Source != (reports.Source{UnitID: "PCS-26-0042", AssetTag: "ECH-PC-004217", Donor: "DSI Échirolles", Batch: "2026-11"}) {
		t.Fatalf("source %+v", c.Source)
	}
}
