package deploy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// flipOnFirstWrite is a Progress that, on the first chunk written, changes
// one byte on the medium (in the loop device's backing file, with O_DIRECT,
// so neither the page cache nor the write buffer holds the new value) at
// off: a disk that does not keep what it was given. The writer reports a
// chunk before handing it to read-back, so the change is always in place
// when the chunk is read back.
type flipOnFirstWrite struct {
	t       *testing.T
	backing string
	off     int64

	mu       sync.Mutex
	phase    string
	writes   int
	flipped  bool
	phases   []string
	verified int64
	verifyOf int64
}

func (f *flipOnFirstWrite) Phase(name string, total int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.phase = name
	f.phases = append(f.phases, name)
	if name == "verify" {
		f.verifyOf = total
	}
}

func (f *flipOnFirstWrite) Add(n int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.phase == "verify" {
		f.verified += n
		return
	}
	f.writes++
	switch {
	case f.off < 0:
	case f.writes == 1:
		f.flipped = true
		flipByte(f.t, f.backing, f.off)
	case f.writes == 2:
		// A slow disk: time for the first chunk to be read back
		// before the third is written.
		time.Sleep(2 * time.Second)
	}
}

func flipByte(t *testing.T, backing string, off int64) {
	file, err := os.OpenFile(backing, os.O_RDWR|unix.O_DIRECT, 0)
	if err != nil {
		t.Error(err)
		return
	}
	defer file.Close()
	block := imaging.AlignedBuffer(imaging.Alignment)
	base := alignDown(off)
	if _, err := file.ReadAt(block, base); err != nil {
		t.Error(err)
		return
	}
	block[off-base] ^= 0x40
	if _, err := file.WriteAt(block, base); err != nil {
		t.Error(err)
	}
}

// A deploy reads back while it writes: a byte the disk does not keep, in
// the first range written, fails the deploy naming that range (the same
// message as a read-back after the write) and stops it before the rest of
// the image is written.
func TestReadBackWhileWritingCatchesChangedByte(t *testing.T) {
	dir := fixture(t)
	backing := looptest.File(t, 96<<20)
	dev := looptest.AttachFile(t, backing, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: filepath.Join(dir, "zorin-test.img.zst"), Target: dev})
	if err != nil {
		t.Fatal(err)
	}
	plan.Personalise = false
	first := plan.regions()[0]
	prog := &flipOnFirstWrite{t: t, backing: backing, off: first.start + 100}
	res, err := plan.Run(context.Background(), prog)
	if err == nil || res.Status != "failed" || !strings.Contains(err.Error(), "range "+first.label+" ") {
		t.Fatalf("deploy onto a disk that changed a byte of range %s: status %s, err %v", first.label, res.Status, err)
	}
	if !prog.flipped {
		t.Fatal("the byte was never changed: the test proves nothing")
	}
	if res.WrittenBytes >= plan.WriteBytes {
		t.Fatalf("wrote %d of %d bytes: the whole image was written before the bad range was read back", res.WrittenBytes, plan.WriteBytes)
	}
}

// On a disk that keeps what it is given, the read-back made during the
// write covers every written byte, and the progress of the verify phase
// ends at its total.
func TestReadBackWhileWritingPasses(t *testing.T) {
	dir := fixture(t)
	backing := looptest.File(t, 96<<20)
	dev := looptest.AttachFile(t, backing, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: filepath.Join(dir, "zorin-test.img.zst"), Target: dev})
	if err != nil {
		t.Fatal(err)
	}
	plan.Personalise = false
	prog := &flipOnFirstWrite{t: t, backing: backing, off: -1}
	res, err := plan.Run(context.Background(), prog)
	if err != nil || res.Status != "passed" {
		t.Fatalf("deploy: status %s, err %v", res.Status, err)
	}
	if res.Verification != "bmap-sha256+read-back" {
		t.Fatalf("verification %q", res.Verification)
	}
	if strings.Join(prog.phases, ",") != "write,verify" {
		t.Fatalf("phases shown: %v", prog.phases)
	}
	if prog.verifyOf != plan.WriteBytes || prog.verified != plan.WriteBytes {
		t.Fatalf("verify progress %d of %d, want all %d bytes written", prog.verified, prog.verifyOf, plan.WriteBytes)
	}
	if _, ok := res.Phases["read-back"]; !ok {
		t.Fatalf("phases %v: no read-back", res.Phases)
	}
}
