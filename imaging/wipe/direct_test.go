package wipe

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// Without direct I/O, the read-back must still read the disk: here the
// disk is changed under the page cache (a direct write to the loop
// device's backing file) just as the verification starts. The engine drops
// the cache first, so it sees the change and fails, naming the range;
// before, it compared the cache with itself and passed.
func TestBufferedVerificationReadsTheDiskNotTheCache(t *testing.T) {
	backing := looptest.File(t, 8<<20, looptest.Fill(0x33))
	dev := looptest.AttachFile(t, backing)
	m, err := imaging.OpenReadWrite(dev, false)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	d := imaging.BlockDevice{Path: dev, Name: filepath.Base(dev), Medium: "loop", SizeBytes: 8 << 20}
	p, err := MakePlan(d, MethodZero, VerifyFull, Facts{})
	if err != nil {
		t.Fatal(err)
	}
	const at = 4 << 20
	changeUnder := func(phase string) {
		if phase != PhaseVerifying {
			return
		}
		f, err := os.OpenFile(backing, os.O_WRONLY|unix.O_DIRECT, 0)
		if err != nil {
			t.Errorf("direct write to the backing file: %v", err)
			return
		}
		defer f.Close()
		b := imaging.AlignedBuffer(4096)
		for i := range b {
			b[i] = 0x55
		}
		if _, err := f.WriteAt(b, at); err != nil {
			t.Error(err)
		}
	}
	r, err := Run(context.Background(), Job{Device: d, Plan: p, Medium: m, Size: 8 << 20, Chunk: 1 << 20, Phase: changeUnder})
	if err != nil {
		t.Fatal(err)
	}
	want := "verify 4194304-4198400: content differs from the pattern written"
	if r.Status != StatusFailed || r.VerificationResult != StatusFailed || strings.Join(r.ErrorStrings(), "|") != want {
		t.Fatalf("status %s, verification %s, errors %v (want %q)", r.Status, r.VerificationResult, r.ErrorStrings(), want)
	}
	if r.Direct || !r.CacheDropped {
		t.Fatalf("direct %v, cache dropped %v", r.Direct, r.CacheDropped)
	}
}

// A target that refuses O_DIRECT (a file on ramfs) is wiped with buffered
// I/O: the result says so, the cache was dropped before the read-back,
// and the wipe passes on its merits.
func TestWipeOfATargetThatRefusesODirect(t *testing.T) {
	looptest.Require(t)
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "ramfs", "ramfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount ramfs: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	file := filepath.Join(dir, "disk.img")
	if err := os.WriteFile(file, bytes.Repeat([]byte{0x5A}, 4<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	d := imaging.BlockDevice{Path: file, Name: "disk.img", Medium: "loop", SizeBytes: 4 << 20}
	p, err := MakePlan(d, MethodZero, VerifyFull, Facts{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), Job{Device: d, Plan: p, Chunk: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if r.Direct || !r.CacheDropped || r.Status != StatusPassed || r.VerifiedBytes != 4<<20 {
		t.Fatalf("result %+v", r)
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, make([]byte, 4<<20)) {
		t.Fatal("the file was not zeroed")
	}
}
