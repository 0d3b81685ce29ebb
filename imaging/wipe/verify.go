package wipe

import (
	"bytes"
	"context"
	"io"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/vocab"
)

// Verification modes.
const (
	VerifyFull   = string(vocab.VerifyFull)
	VerifySample = string(vocab.VerifySample)
	VerifyNone   = string(vocab.VerifyNone)
)

// span is a byte range [Off, Off+Len).
type span struct{ Off, Len int64 }

// fullSpans covers the whole medium in chunks.
func fullSpans(size int64, chunk int) []span {
	var out []span
	for off := int64(0); off < size; off += int64(chunk) {
		out = append(out, span{off, min(int64(chunk), size-off)})
	}
	return out
}

// sampleSpans picks at least a tenth of the medium in blocks spread evenly
// from the first MiB to the last, so a wipe that stopped early, skipped a
// zone or never reached the end is caught. Blocks grow with the disk so a
// large disk is read in about a thousand seeks, not a million.
func sampleSpans(size int64, sector int) []span {
	const mib = 1 << 20
	if size <= 10*mib {
		return fullSpans(size, mib)
	}
	blk := int64(mib)
	if b := size / 10 / 1024; b > blk {
		blk = (b + mib - 1) / mib * mib
	}
	want := (size + 9) / 10 // ceil(10 %)
	n := (want + blk - 1) / blk
	if n < 2 {
		n = 2
	}
	align := int64(max(sector, imaging.Alignment))
	last := (size - blk) / align * align
	var out []span
	for i := int64(0); i < n; i++ {
		off := last * i / (n - 1) / align * align
		if i == n-1 {
			off = last
		}
		l := min(blk, size-off)
		if k := len(out); k > 0 && out[k-1].Off+out[k-1].Len > off {
			continue
		}
		out = append(out, span{off, l})
	}
	// The very last bytes too, when the size is not a multiple of align.
	if end := out[len(out)-1]; end.Off+end.Len < size {
		out = append(out, span{end.Off + end.Len, size - end.Off - end.Len})
	}
	return out
}

type readChunk struct {
	sp  span
	buf []byte
	err error
}

// verify reads every span back and compares it with the pattern. Reading
// runs one chunk ahead of the comparison. Mismatches and read errors are
// logged sector by sector (merged), and the pass goes on past them.
func (e *engine) verify(ctx context.Context, p pattern, spans []span) (verified int64, err error) {
	const depth = 3
	free := make(chan []byte, depth)
	for range depth {
		free <- imaging.AlignedBuffer(e.chunk)
	}
	out := make(chan readChunk, depth)
	rctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	// Wait for the reader before returning: the caller closes the disk.
	defer func() {
		stop()
		for range out {
		}
		<-done
	}()
	go func() {
		defer close(done)
		defer close(out)
		for _, sp := range spans {
			for off := sp.Off; off < sp.Off+sp.Len; off += int64(e.chunk) {
				var buf []byte
				select {
				case buf = <-free:
				case <-rctx.Done():
					return
				}
				n := min(int64(e.chunk), sp.Off+sp.Len-off)
				r, err := e.m.ReadAt(buf[:n], off)
				if err == io.EOF && r == int(n) {
					err = nil
				}
				select {
				case out <- readChunk{span{off, n}, buf[:n], err}:
				case <-rctx.Done():
					return
				}
			}
		}
	}()
	want := imaging.AlignedBuffer(e.chunk)
	if p.constant() {
		p.fill(want, 0)
	}
	for rc := range out {
		if err := ctx.Err(); err != nil {
			return verified, err
		}
		exp := want[:rc.sp.Len]
		if !p.constant() {
			p.fill(exp, rc.sp.Off)
		}
		if rc.err != nil {
			e.rereadSectors(ctx, rc, exp)
		} else if !bytes.Equal(rc.buf, exp) {
			e.logMismatch(rc.buf, exp, rc.sp.Off)
		}
		verified += rc.sp.Len
		e.add(rc.sp.Len)
		free <- rc.buf[:cap(rc.buf)]
		if e.errs.full() {
			return verified, errTooManyErrors
		}
	}
	return verified, ctx.Err()
}

// rereadSectors pins a failed read down to the sectors that fail.
func (e *engine) rereadSectors(ctx context.Context, rc readChunk, exp []byte) {
	for s := 0; s < len(rc.buf); s += e.sector {
		if ctx.Err() != nil {
			return
		}
		end := min(s+e.sector, len(rc.buf))
		off := rc.sp.Off + int64(s)
		n, err := e.m.ReadAt(rc.buf[s:end], off)
		if err == io.EOF && n == end-s {
			err = nil
		}
		if err != nil {
			e.errs.add(IOError{Op: "read", Start: off, End: off + int64(end-s), Err: errText(err)})
			continue
		}
		if !bytes.Equal(rc.buf[s:end], exp[s:end]) {
			e.errs.add(IOError{Op: "verify", Start: off, End: off + int64(end-s), Err: "content differs from the pattern written"})
		}
	}
}

func (e *engine) logMismatch(got, exp []byte, base int64) {
	for s := 0; s < len(got); s += e.sector {
		end := min(s+e.sector, len(got))
		if !bytes.Equal(got[s:end], exp[s:end]) {
			e.errs.add(IOError{Op: "verify", Start: base + int64(s), End: base + int64(end), Err: "content differs from the pattern written"})
		}
	}
}
