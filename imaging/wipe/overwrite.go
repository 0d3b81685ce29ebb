package wipe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/pcsolidaire/atelier/imaging"
)

// Medium is what a wipe writes and reads back: the disk opened with direct
// I/O in production, a stand-in that fails at chosen offsets in tests.
type Medium interface {
	io.WriterAt
	io.ReaderAt
	Sync() error
}

// DefaultChunk is the size of each write: large enough that the kernel and
// the drive see long sequential requests, small enough for smooth progress.
const DefaultChunk = 8 << 20

// errTooManyErrors stops a wipe on a dying disk instead of retrying every
// sector of it for days; the result is failed either way.
var errTooManyErrors = errors.New("too many I/O errors, stopped")

// engine is one pass over a medium.
type engine struct {
	m        Medium
	size     int64
	chunk    int
	sector   int
	progress func(n int64)
	errs     *errorLog
}

func (e *engine) add(n int64) {
	if e.progress != nil {
		e.progress(n)
	}
}

type filled struct {
	off int64
	buf []byte
}

// writers is how many chunks are in flight at once: two keep the device
// busy while the next request is being issued (a deeper queue gains nothing
// on one disk and costs memory).
const writers = 2

// overwrite writes pattern p over the whole medium. One goroutine prepares
// chunks (generating the random stream, or handing out the one constant
// buffer) while two others write them, so the disk always has a request
// queued. A failed chunk is retried sector by sector so the error log names
// exactly the bad ranges, and the pass goes on past them.
func (e *engine) overwrite(ctx context.Context, p pattern) (written int64, err error) {
	free := make(chan []byte, writers+1)
	var constant []byte
	if p.constant() {
		constant = imaging.AlignedBuffer(e.chunk)
		p.fill(constant, 0)
	} else {
		for range writers + 1 {
			free <- imaging.AlignedBuffer(e.chunk)
		}
	}
	full := make(chan filled, writers)
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		defer close(full)
		for off := int64(0); off < e.size; off += int64(e.chunk) {
			n := min(int64(e.chunk), e.size-off)
			buf := constant
			if buf == nil {
				select {
				case buf = <-free:
				case <-wctx.Done():
					return
				}
				p.fill(buf[:n], off)
			}
			select {
			case full <- filled{off, buf[:n]}:
			case <-wctx.Done():
				return
			}
		}
	}()
	var total atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range full {
				if wctx.Err() != nil {
					continue // drain
				}
				w, err := e.writeChunk(wctx, f.buf, f.off)
				total.Add(w)
				if err != nil {
					once.Do(func() { firstErr = err })
					stop()
				}
				if constant == nil {
					free <- f.buf[:cap(f.buf)]
				}
			}
		}()
	}
	wg.Wait()
	written = total.Load()
	if err := ctx.Err(); err != nil {
		return written, err
	}
	if firstErr != nil {
		return written, firstErr
	}
	return written, e.flush()
}

// writeChunk writes buf at off; on failure it retries each sector alone and
// records the ones that still fail. Bytes that reached the disk are counted.
func (e *engine) writeChunk(ctx context.Context, buf []byte, off int64) (int64, error) {
	n, err := e.m.WriteAt(buf, off)
	if err == nil && n == len(buf) {
		e.add(int64(n))
		return int64(n), nil
	}
	var written int64
	for s := 0; s < len(buf); s += e.sector {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		end := min(s+e.sector, len(buf))
		n, err := e.m.WriteAt(buf[s:end], off+int64(s))
		if err == nil && n < end-s {
			err = io.ErrShortWrite
		}
		if err != nil {
			e.errs.add(IOError{Op: "write", Start: off + int64(s), End: off + int64(end), Err: errText(err)})
			if e.errs.full() {
				return written, errTooManyErrors
			}
		} else {
			written += int64(n)
		}
		e.add(int64(end - s))
	}
	return written, nil
}

func (e *engine) flush() error {
	if err := e.m.Sync(); err != nil {
		e.errs.add(IOError{Op: "write", Err: "flush: " + errText(err)})
	}
	return nil
}

// errText keeps the cause (EIO, ENOSPC) without the file name repeated on
// every range.
func errText(err error) string {
	var pe interface{ Unwrap() error }
	for errors.As(err, &pe) {
		inner := pe.Unwrap()
		if inner == nil {
			break
		}
		err = inner
	}
	return err.Error()
}

func (e *engine) check() error {
	if e.chunk <= 0 || e.chunk%imaging.Alignment != 0 {
		return fmt.Errorf("chunk %d: not a positive multiple of %d", e.chunk, imaging.Alignment)
	}
	if e.sector <= 0 || e.chunk%e.sector != 0 {
		return fmt.Errorf("sector %d does not divide chunk %d", e.sector, e.chunk)
	}
	return nil
}
