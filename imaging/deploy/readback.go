package deploy

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"

	"github.com/pcsolidaire/atelier/imaging"
)

// readBack reads every written region from the disk (O_DIRECT, so the
// medium answers and not the page cache) and compares its keyed hash with
// the one computed while writing (see writeState.seed). Reading runs ahead
// of hashing by two chunks.
func (p *Plan) readBack(ctx context.Context, w *writeState, prog Progress) error {
	f, err := imaging.OpenRead(p.Device.Path, !p.NoDirect)
	if err != nil {
		return err
	}
	defer f.Close()
	if !imaging.IsDirect(f) {
		// O_DIRECT refused: read the disk, not what the write left in
		// the page cache.
		if err := imaging.DropCache(f); err != nil {
			return err
		}
	}
	size, err := imaging.DeviceSize(f)
	if err != nil {
		return err
	}
	var total int64
	for _, r := range w.regions {
		total += r.end - r.start
	}
	if prog != nil {
		prog.Phase("verify", total)
	}

	type piece struct {
		buf        []byte
		data       []byte
		regionDone int // index of the region this piece completes, or -1
		region     int
	}
	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()
	free := make(chan []byte, 3)
	for range 3 {
		free <- imaging.AlignedBuffer(chunkSize)
	}
	pieces := make(chan piece, 1)
	rerr := make(chan error, 1)
	go func() {
		defer close(pieces)
		for i, r := range w.regions {
			// Reads start and end on 4 KiB boundaries for O_DIRECT; the
			// bytes outside the region are cut off before hashing.
			for off := alignDown(r.start); off < r.end; {
				var buf []byte
				select {
				case <-ctx2.Done():
					rerr <- ctx2.Err()
					return
				case buf = <-free:
				}
				n := min(int64(len(buf)), alignUp(r.end)-off, size-off)
				if err := readFullAt(f, buf[:n], off); err != nil {
					rerr <- fmt.Errorf("read back %s at byte %d: %w", p.Device.Path, off, err)
					return
				}
				lo, hi := max(r.start, off)-off, min(r.end, off+n)-off
				next := off + n
				done := -1
				if next >= r.end {
					done = i
				}
				select {
				case pieces <- piece{buf: buf, data: buf[lo:hi], regionDone: done, region: i}:
				case <-ctx2.Done():
					rerr <- ctx2.Err()
					return
				}
				off = next
			}
		}
		rerr <- nil
	}()

	var h maphash.Hash
	h.SetSeed(w.seed)
	var bad error
	for pc := range pieces {
		if bad == nil {
			h.Write(pc.data)
			if prog != nil {
				prog.Add(int64(len(pc.data)))
			}
			if pc.regionDone >= 0 {
				r := w.regions[pc.regionDone]
				if h.Sum64() != r.sum {
					bad = p.Lang.Errorf("deploy.readback.mismatch", p.Device.Path, r.label, r.start, r.end)
					cancel()
				}
				h.Reset()
			}
		}
		free <- pc.buf
	}
	if err := <-rerr; bad == nil && err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	return bad
}

func alignDown(x int64) int64 { return x &^ (imaging.Alignment - 1) }
func alignUp(x int64) int64   { return alignDown(x + imaging.Alignment - 1) }

// readFullAt reads len(p) bytes at off; a short read is an error.
func readFullAt(f *os.File, p []byte, off int64) error {
	for len(p) > 0 {
		n, err := f.ReadAt(p, off)
		p, off = p[n:], off+int64(n)
		if len(p) == 0 {
			return nil
		}
		if errors.Is(err, io.EOF) || (err == nil && n == 0) {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
	}
	return nil
}
