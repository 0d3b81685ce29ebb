package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"unsafe"

	"github.com/pcsolidaire/atelier/imaging"
)

// chunkSize is the unit of reading, hashing and writing: large enough that
// each O_DIRECT write keeps the disk busy, small enough that four of them in
// flight stay modest on a 4 GiB bench PC.
const chunkSize = 8 << 20

// inFlight is how many chunks exist: one being decompressed, one hashed,
// one written, one spare to absorb jitter between the stages.
const inFlight = 4

// chunk is a piece of the uncompressed image at offset off.
type chunk struct {
	buf []byte
	off int64
	n   int
}

// segment is a byte range of the image to write, [start, end).
type segment struct{ start, end int64 }

// job is a chunk, the parts of it that go to the disk, and the pieces to
// read back once they are written.
type job struct {
	c      chunk
	segs   []segment
	checks []piece
}

// produceStream fills free buffers from r in order. It stops at EOF, on a
// read error, or when ctx ends; the channel is closed either way and the
// error (nil at a clean EOF) is sent on errc. With a bmap (b not nil) only
// the bytes of its ranges are guaranteed in the chunks: the rest is never
// written nor read back, and a decoder that hands out its own blocks
// (io.WriterTo) leaves it uncopied.
func produceStream(ctx context.Context, r io.Reader, b *Bmap, free <-chan []byte, out chan<- chunk, errc chan<- error) {
	defer close(out)
	if wt, ok := r.(io.WriterTo); ok {
		s := &chunkSink{ctx: ctx, b: b, free: free, out: out}
		_, err := wt.WriteTo(s)
		if err == nil {
			err = s.flush()
		}
		switch {
		case err == nil:
			errc <- nil
		case ctx.Err() != nil:
			errc <- ctx.Err()
		default:
			errc <- fmt.Errorf("read image at byte %d: %w", s.off, err)
		}
		return
	}
	var off int64
	for {
		var buf []byte
		select {
		case <-ctx.Done():
			errc <- ctx.Err()
			return
		case buf = <-free:
		}
		n, err := fill(r, buf)
		if n > 0 {
			select {
			case out <- chunk{buf: buf, off: off, n: n}:
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			}
			off += int64(n)
		}
		if err == io.EOF {
			errc <- nil
			return
		}
		if err != nil {
			errc <- fmt.Errorf("read image at byte %d: %w", off, err)
			return
		}
	}
}

// chunkSink lays the decoded stream, as the decoder hands it out, into
// chunks at its offsets. With a bmap it copies only what its ranges hold:
// on a half-empty image that halves the copying (the holes' zeros are
// decoded, counted, and left where the decoder put them).
type chunkSink struct {
	ctx  context.Context
	b    *Bmap // nil: copy everything
	free <-chan []byte
	out  chan<- chunk

	ri    int    // the first range not wholly before off
	buf   []byte // the chunk being filled, nil when none
	start int64  // the image offset of buf[0]
	off   int64  // the image offset of the next byte
}

func (s *chunkSink) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if s.buf == nil {
			select {
			case <-s.ctx.Done():
				return n - len(p), s.ctx.Err()
			case s.buf = <-s.free:
			}
			s.start = s.off
		}
		at := int(s.off - s.start)
		k := min(len(p), len(s.buf)-at)
		s.copyMapped(s.buf[at:at+k], p[:k])
		s.off += int64(k)
		p = p[k:]
		if at+k == len(s.buf) {
			if err := s.flush(); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// copyMapped copies src, the bytes at s.off, into dst: all of them
// without a bmap, else the parts inside its ranges.
func (s *chunkSink) copyMapped(dst, src []byte) {
	if s.b == nil {
		copy(dst, src)
		return
	}
	end := s.off + int64(len(src))
	for ; s.ri < len(s.b.Ranges); s.ri++ {
		r := s.b.Ranges[s.ri]
		rs, re := s.b.Start(r), s.b.End(r)
		if rs >= end {
			return
		}
		if lo, hi := max(rs, s.off), min(re, end); lo < hi {
			copy(dst[lo-s.off:hi-s.off], src[lo-s.off:hi-s.off])
		}
		if re > end {
			return // the range goes on in the next bytes
		}
	}
}

// flush sends the chunk being filled, if any.
func (s *chunkSink) flush() error {
	if s.buf == nil || s.off == s.start {
		return nil
	}
	select {
	case s.out <- chunk{buf: s.buf, off: s.start, n: int(s.off - s.start)}:
		s.buf = nil
		return nil
	case <-s.ctx.Done():
		return s.ctx.Err()
	}
}

// fill reads until buf is full. Unlike io.ReadFull it keeps a clean end of
// stream (io.EOF) apart from a decompressor's io.ErrUnexpectedEOF, which
// means a truncated file.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		k, err := r.Read(buf[n:])
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func addr(p []byte) uintptr {
	if len(p) == 0 {
		return 0
	}
	return uintptr(unsafe.Pointer(&p[0]))
}

// produceRanges reads only the mapped ranges of a raw image, in order, so a
// half-empty image costs half the reading.
func produceRanges(ctx context.Context, r io.ReaderAt, b *Bmap, free <-chan []byte, out chan<- chunk, errc chan<- error) {
	defer close(out)
	for _, rg := range b.Ranges {
		for off := b.Start(rg); off < b.End(rg); {
			var buf []byte
			select {
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			case buf = <-free:
			}
			n := int(min(int64(len(buf)), b.End(rg)-off))
			k, err := r.ReadAt(buf[:n], off)
			if k < n {
				if err == nil || errors.Is(err, io.EOF) {
					err = io.ErrUnexpectedEOF
				}
				errc <- fmt.Errorf("read image at byte %d: %w", off+int64(k), err)
				return
			}
			select {
			case out <- chunk{buf: buf, off: off, n: n}:
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			}
			off += int64(n)
		}
	}
	errc <- nil
}

// diskWriter writes segments with O_DIRECT when they are aligned and
// through a second, buffered descriptor when not (the partial last block of
// an image whose size is not a multiple of 4096).
type diskWriter struct {
	direct   *os.File
	buffered *os.File
	written  int64
}

func aligned(x int64) bool { return x%imaging.Alignment == 0 }

func (w *diskWriter) write(p []byte, off int64) error {
	f := w.direct
	if !aligned(off) || !aligned(int64(len(p))) || !aligned(int64(addr(p))) {
		f = w.buffered
	}
	for len(p) > 0 {
		n, err := f.WriteAt(p, off)
		w.written += int64(n)
		if err != nil {
			return fmt.Errorf("write %s at byte %d: %w", f.Name(), off, err)
		}
		p, off = p[n:], off+int64(n)
	}
	return nil
}

// consumeWrites is the last stage: it writes each job's segments, hands
// the buffer back and, when verify is not nil, passes the pieces just
// written on to be read back while the next ones are written.
func consumeWrites(ctx context.Context, w *diskWriter, in <-chan job, free chan<- []byte, p Progress, verify chan<- []piece, errc chan<- error) {
	var failed error
	for j := range in {
		if failed == nil && ctx.Err() == nil {
			for _, s := range j.segs {
				if err := w.write(j.c.buf[s.start-j.c.off:s.end-j.c.off], s.start); err != nil {
					failed = err
					break
				}
			}
			if failed == nil {
				if p != nil {
					p.Add(int64(j.c.n))
				}
				if verify != nil {
					verify <- j.checks
				}
			}
		}
		free <- j.c.buf
	}
	errc <- failed
}
