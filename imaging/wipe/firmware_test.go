package wipe

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
)

// fakeRunner records command lines and answers from canned outputs (the
// real tool outputs in testdata). Commands that erase call erase.
type fakeRunner struct {
	t       *testing.T
	lines   []string
	answers map[string][]string // command line prefix -> successive outputs
	fail    map[string]error
	erase   func()
}

func (f *fakeRunner) Run(_ context.Context, name string, args ...string) ([]byte, error) {
	line := name + " " + strings.Join(args, " ")
	f.lines = append(f.lines, line)
	for prefix, err := range f.fail {
		if strings.HasPrefix(line, prefix) {
			return nil, err
		}
	}
	if f.erase != nil && (strings.Contains(line, "--security-erase") || strings.Contains(line, "--sanitize-block-erase") ||
		strings.Contains(line, "--sanitize-crypto") || strings.HasPrefix(line, "nvme sanitize /") || strings.HasPrefix(line, "nvme format")) {
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

func fwDevice(medium, transport string, size int) imaging.BlockDevice {
	return imaging.BlockDevice{Path: "/dev/fake", Name: "fake", Serial: "SER1234", Medium: medium, Transport: transport, SizeBytes: int64(size)}
}

func fwRun(t *testing.T, dev imaging.BlockDevice, method string, fr *fakeRunner, d *memDisk) (Result, Plan) {
	t.Helper()
	facts := Gather(context.Background(), fr, dev)
	p, err := MakePlan(dev, method, "", facts)
	if err != nil {
		t.Fatal(err)
	}
	fr.lines = nil // only the erase's command lines from here
	r, err := Run(context.Background(), Job{Device: dev, Plan: p, Runner: fr, Medium: d, Size: int64(len(d.data)),
		Chunk: 1 << 20, PollEvery: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return r, p
}

func unfrozen(s string) string { return strings.Replace(s, "\t\tfrozen\n", "\tnot\tfrozen\n", 1) }

func TestATASecureEraseOnHDD(t *testing.T) {
	d := newMemDisk(32<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"hdparm -I":             {unfrozen(string(sample(t, "hdparm-I-hdd-frozen.txt")))},
		"hdparm -N":             {string(sample(t, "hdparm-N-nohpa.txt"))},
		"hdparm --dco-identify": {"\n/dev/fake:\n\tReal max sectors: 976773168\n"},
	}, erase: func() { d.erase(0) }}
	r, p := fwRun(t, fwDevice("hdd", "sata", len(d.data)), MethodAuto, fr, d)
	if p.Technique != MethodATASecureErase || p.Verify != VerifySample || p.Estimate < 80*time.Minute {
		t.Fatalf("plan %+v", p)
	}
	want := []string{
		"hdparm --user-master u --security-set-pass atelier /dev/fake",
		"hdparm --user-master u --security-erase-enhanced atelier /dev/fake",
	}
	if strings.Join(fr.lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("commands:\n%s\nwant:\n%s", strings.Join(fr.lines, "\n"), strings.Join(want, "\n"))
	}
	if r.Status != StatusPassed || r.NIST != NISTPurge || r.Technique != "ata-secure-erase-enhanced" || r.VerificationResult != StatusPassed {
		t.Fatalf("result %+v", r)
	}
}

func TestATASanitizeOnSSD(t *testing.T) {
	d := newMemDisk(32<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"hdparm -I":                 {string(sample(t, "hdparm-I-ssd-sanitize.txt"))},
		"hdparm -N":                 {string(sample(t, "hdparm-N-nohpa.txt"))},
		"hdparm --sanitize-status ": {string(sample(t, "hdparm-sanitize-status-done.txt")), string(sample(t, "hdparm-sanitize-status-running.txt")), string(sample(t, "hdparm-sanitize-status-done.txt"))},
	}, erase: func() { d.erase(0xff) }}
	r, _ := fwRun(t, fwDevice("ssd", "sata", len(d.data)), MethodAuto, fr, d)
	want := []string{
		"hdparm --sanitize-status /dev/fake",
		"hdparm --yes-i-know-what-i-am-doing --sanitize-block-erase /dev/fake",
		"hdparm --sanitize-status /dev/fake",
		"hdparm --sanitize-status /dev/fake",
	}
	if strings.Join(fr.lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("commands:\n%s", strings.Join(fr.lines, "\n"))
	}
	if r.Status != StatusPassed || r.NIST != NISTPurge || r.Technique != "ata-sanitize-block" {
		t.Fatalf("result %+v", r)
	}
}

func TestSecureEraseOnSSDIsOnlyClear(t *testing.T) {
	d := newMemDisk(16<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"hdparm -I": {string(sample(t, "hdparm-I-ssd-sanitize.txt"))},
	}, erase: func() { d.erase(0) }}
	r, _ := fwRun(t, fwDevice("ssd", "sata", len(d.data)), MethodATASecureErase, fr, d)
	if r.Status != StatusPassed || r.NIST != NISTClear {
		t.Fatalf("secure erase on flash: %+v", r)
	}
}

func TestNVMeSanitize(t *testing.T) {
	d := newMemDisk(32<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"nvme id-ctrl":      {string(sample(t, "nvme-id-ctrl-sanitize.json"))},
		"nvme sanitize-log": {string(sample(t, "nvme-sanitize-log-never-v1.json")), string(sample(t, "nvme-sanitize-log-running.json")), string(sample(t, "nvme-sanitize-log-done.json"))},
	}, erase: func() { d.erase(0) }}
	r, p := fwRun(t, fwDevice("nvme", "nvme", len(d.data)), MethodAuto, fr, d)
	if p.Technique != MethodNVMeSanitize {
		t.Fatalf("plan %+v", p)
	}
	want := []string{
		"nvme sanitize /dev/fake --sanact=2",
		"nvme sanitize-log /dev/fake -o json",
		"nvme sanitize-log /dev/fake -o json",
	}
	if strings.Join(fr.lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("commands:\n%s", strings.Join(fr.lines, "\n"))
	}
	if r.Status != StatusPassed || r.NIST != NISTPurge || r.Technique != "nvme-sanitize-block" {
		t.Fatalf("result %+v", r)
	}
	// The certificate gets the command lines actually sent.
	if len(r.Tried) != 1 || strings.Join(r.Tried[0].Commands, "\n") != strings.Join(want, "\n") {
		t.Fatalf("tried %+v", r.Tried)
	}
}

func TestNVMeFormatCrypto(t *testing.T) {
	d := newMemDisk(16<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"nvme id-ctrl": {string(sample(t, "nvme-id-ctrl-format-only.json"))},
	}, erase: func() { d.erase(0x3c) }}
	r, p := fwRun(t, fwDevice("nvme", "nvme", len(d.data)), MethodAuto, fr, d)
	if p.Technique != MethodNVMeFormat {
		t.Fatalf("plan %+v", p)
	}
	if strings.Join(fr.lines, "\n") != "nvme format /dev/fake --ses=2 --force" {
		t.Fatalf("commands:\n%s", strings.Join(fr.lines, "\n"))
	}
	if r.Status != StatusPassed || r.NIST != NISTPurge || !strings.Contains(r.Detail, "SES=2") {
		t.Fatalf("result %+v", r)
	}
}

// A drive that acknowledges the command but erases nothing must not pass.
func TestFirmwareThatDidNothingFails(t *testing.T) {
	d := newMemDisk(16<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"nvme id-ctrl": {string(sample(t, "nvme-id-ctrl-format-only.json"))},
	}}
	r, _ := fwRun(t, fwDevice("nvme", "nvme", len(d.data)), MethodNVMeFormat, fr, d)
	if r.Status != StatusFailed || r.NIST != NISTNone || r.VerificationResult != StatusFailed {
		t.Fatalf("result %+v", r)
	}
	if !strings.Contains(strings.Join(r.ErrorStrings(), " "), "marker") {
		t.Fatalf("errors do not mention the marker: %v", r.ErrorStrings())
	}
}

func TestFailedFirmwareFallsBackToVerifiedOverwrite(t *testing.T) {
	d := newMemDisk(16<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"nvme id-ctrl": {string(sample(t, "nvme-id-ctrl-sanitize.json"))},
	}, fail: map[string]error{"nvme sanitize /": errors.New("NVMe status: Sanitize Prohibited While Persistent Memory Region is Enabled")}}
	r, _ := fwRun(t, fwDevice("nvme", "nvme", len(d.data)), MethodAuto, fr, d)
	if r.Status != StatusPassed || r.Technique != "overwrite-zero" || r.Method != MethodZero || r.NIST != NISTClear || r.Verification != VerifyFull {
		t.Fatalf("result %+v", r)
	}
	if len(r.Tried) != 2 || r.Tried[0].Technique != MethodNVMeSanitize || r.Tried[0].Outcome != "failed" || r.Tried[1].Outcome != "done" {
		t.Fatalf("tried %+v", r.Tried)
	}
}

func TestFrozenDriveFallsBackAndSaysWhy(t *testing.T) {
	d := newMemDisk(8<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"hdparm -I": {string(sample(t, "hdparm-I-hdd-frozen.txt"))},
	}}
	r, p := fwRun(t, fwDevice("hdd", "sata", len(d.data)), MethodAuto, fr, d)
	if p.Technique != MethodZero || !strings.Contains(p.Why, "frozen") {
		t.Fatalf("plan %+v", p)
	}
	if len(fr.lines) != 0 {
		t.Fatalf("a firmware command was sent to a frozen drive: %v", fr.lines)
	}
	if r.Status != StatusPassed || r.NIST != NISTClear || len(r.Tried) != 2 || r.Tried[0].Outcome != "unavailable" {
		t.Fatalf("result %+v", r)
	}
}

func TestHiddenAreaFailsAnOverwrite(t *testing.T) {
	d := newMemDisk(8<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"hdparm -I": {string(sample(t, "hdparm-I-hdd-frozen.txt"))},
		"hdparm -N": {string(sample(t, "hdparm-N-hpa.txt"))},
	}}
	r, p := fwRun(t, fwDevice("hdd", "sata", len(d.data)), MethodZero, fr, d)
	if p.Facts.HPA == nil || r.HiddenSectors != 2113 || r.Status != StatusFailed {
		t.Fatalf("HPA not reported: %+v", r)
	}
}

func TestGatherCommandLines(t *testing.T) {
	fr := &fakeRunner{t: t, answers: map[string][]string{"hdparm -I": {string(sample(t, "hdparm-I-ssd-sanitize.txt"))}, "hdparm -N": {string(sample(t, "hdparm-N-nohpa.txt"))}}}
	Gather(context.Background(), fr, fwDevice("ssd", "sata", 1<<30))
	if got := strings.Join(fr.lines, "|"); got != "hdparm -I /dev/fake|hdparm -N /dev/fake|hdparm --dco-identify /dev/fake" {
		t.Fatalf("ATA gather: %s", got)
	}
	fr.lines = nil
	Gather(context.Background(), fr, fwDevice("loop", "loop", 1<<30))
	Gather(context.Background(), fr, fwDevice("usb", "virtio", 1<<30))
	if len(fr.lines) != 0 {
		t.Fatalf("commands sent to a loop/virtio device: %v", fr.lines)
	}
}

// A failed security erase must not leave the drive locked with our
// password: atelier disables it, then falls back to a verified overwrite.
func TestFailedSecureEraseUnlocksAndFallsBack(t *testing.T) {
	d := newMemDisk(8<<20, 0x77)
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"hdparm -I": {unfrozen(string(sample(t, "hdparm-I-hdd-frozen.txt")))},
	}, fail: map[string]error{"hdparm --user-master u --security-erase-enhanced": errors.New("SG_IO: bad/missing sense data")}}
	r, _ := fwRun(t, fwDevice("hdd", "sata", len(d.data)), MethodAuto, fr, d)
	want := []string{
		"hdparm --user-master u --security-set-pass atelier /dev/fake",
		"hdparm --user-master u --security-erase-enhanced atelier /dev/fake",
		"hdparm --user-master u --security-disable atelier /dev/fake",
	}
	if strings.Join(fr.lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("commands:\n%s", strings.Join(fr.lines, "\n"))
	}
	if r.Status != StatusPassed || r.Technique != "overwrite-zero" || r.NIST != NISTClear || r.Tried[0].Outcome != "failed" {
		t.Fatalf("result %+v", r)
	}
}
