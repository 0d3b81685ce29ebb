package wipe

import (
	"context"
	"errors"
	"sync"
	"syscall"
)

// memDisk is a disk in memory. bad lists byte ranges whose writes fail
// with EIO, like sectors a dying drive cannot remap.
type memDisk struct {
	mu      sync.Mutex
	data    []byte
	bad     [][2]int64
	badRead [][2]int64
	syncs   int
	writes  int
	onWrite func(off int64) // lets a test cancel mid-way
	onErase func()
}

func newMemDisk(size int, fill byte) *memDisk {
	d := &memDisk{data: make([]byte, size)}
	for i := range d.data {
		d.data[i] = fill
	}
	return d
}

func overlaps(rs [][2]int64, off, n int64) bool {
	for _, r := range rs {
		if off < r[1] && r[0] < off+n {
			return true
		}
	}
	return false
}

func (d *memDisk) WriteAt(p []byte, off int64) (int, error) {
	if d.onWrite != nil {
		d.onWrite(off)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.writes++
	if overlaps(d.bad, off, int64(len(p))) {
		return 0, &pathErr{syscall.EIO}
	}
	if off+int64(len(p)) > int64(len(d.data)) {
		return 0, errors.New("write past the end")
	}
	return copy(d.data[off:], p), nil
}

func (d *memDisk) ReadAt(p []byte, off int64) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if overlaps(d.badRead, off, int64(len(p))) {
		return 0, &pathErr{syscall.EIO}
	}
	return copy(p, d.data[off:]), nil
}

func (d *memDisk) Sync() error { d.syncs++; return nil }

// erase is what a firmware erase does to the fake disk.
func (d *memDisk) erase(b byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i := range d.data {
		d.data[i] = b
	}
}

type pathErr struct{ err error }

func (e *pathErr) Error() string { return "write /dev/fake: " + e.err.Error() }
func (e *pathErr) Unwrap() error { return e.err }

var _ = context.Background
