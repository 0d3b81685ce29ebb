package deploy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// Without direct I/O the read-back still reads the disk: a byte changed
// under the page cache (directly in the loop device's backing file) after
// a buffered write is caught, because the cache is dropped first.
func TestBufferedReadBackReadsTheDiskNotTheCache(t *testing.T) {
	dir := fixture(t)
	backing := looptest.File(t, 96<<20)
	dev := looptest.AttachFile(t, backing, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: filepath.Join(dir, "zorin-test.img.zst"), Target: dev})
	if err != nil {
		t.Fatal(err)
	}
	plan.NoDirect = true
	// Someone else holding the disk open (udev, a file manager) keeps its
	// page cache alive after the write closes it.
	holder, err := os.Open(dev)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	w, err := plan.write(context.Background(), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	victim := w.regions[len(w.regions)/2]
	off := victim.start + 100
	f, err := os.OpenFile(backing, os.O_RDWR|unix.O_DIRECT, 0)
	if err != nil {
		t.Fatal(err)
	}
	block := imaging.AlignedBuffer(imaging.Alignment)
	base := off / imaging.Alignment * imaging.Alignment
	if _, err := f.ReadAt(block, base); err != nil {
		t.Fatal(err)
	}
	block[off-base] ^= 0x40
	if _, err := f.WriteAt(block, base); err != nil {
		t.Fatal(err)
	}
	f.Close()
	err = plan.readBack(context.Background(), w, nil)
	if err == nil || !strings.Contains(err.Error(), "range "+victim.label+" ") {
		t.Fatalf("buffered read-back after a byte changed under the cache in range %s: %v", victim.label, err)
	}
}
