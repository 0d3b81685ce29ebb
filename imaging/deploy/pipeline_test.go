package deploy

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// writerTo hands out its data in pieces of the given sizes, as a
// decoder hands out its blocks.
type writerTo struct {
	data   []byte
	pieces []int
	err    error // returned after the data
}

func (w *writerTo) Read([]byte) (int, error) { panic("read through WriteTo only") }

func (w *writerTo) WriteTo(dst io.Writer) (int64, error) {
	var n int64
	data := w.data
	for i := 0; len(data) > 0; i++ {
		k := min(len(data), w.pieces[i%len(w.pieces)])
		m, err := dst.Write(data[:k])
		n += int64(m)
		if err != nil {
			return n, err
		}
		data = data[k:]
	}
	return n, w.err
}

// collect runs produceStream with chunks of size bytes and returns the
// chunks' copies, in order, and the error.
func collect(t *testing.T, r io.Reader, b *Bmap, size int) ([]chunk, error) {
	t.Helper()
	free := make(chan []byte, 2)
	for range 2 {
		buf := make([]byte, size)
		for i := range buf {
			buf[i] = 0xEE // what a recycled buffer holds
		}
		free <- buf
	}
	out, errc := make(chan chunk), make(chan error, 1)
	go produceStream(context.Background(), r, b, free, out, errc)
	var got []chunk
	for c := range out {
		got = append(got, chunk{buf: append([]byte{}, c.buf[:c.n]...), off: c.off, n: c.n})
		free <- c.buf
	}
	return got, <-errc
}

// However a decoder cuts its blocks, the chunks follow each other from
// offset 0, full but the last, and hold every byte of the bmap's ranges
// (or of the whole stream without one) at its place.
func TestProduceStreamMappedBytesInPlace(t *testing.T) {
	data := make([]byte, 10_000)
	for i := range data {
		data[i] = byte(i*31 + 1)
	}
	b := &Bmap{BlockSize: 100, ImageSize: int64(len(data)),
		Ranges: []Range{{First: 0, Last: 0}, {First: 5, Last: 17}, {First: 33, Last: 33}, {First: 60, Last: 99}}}
	for _, bm := range []*Bmap{nil, b} {
		for _, pieces := range [][]int{{1}, {7, 300}, {4096}, {10_000}, {999, 1, 1000}} {
			for _, src := range []io.Reader{&writerTo{data: data, pieces: pieces}, iotest.HalfReader(bytes.NewReader(data))} {
				got, err := collect(t, src, bm, 1024)
				if err != nil {
					t.Fatal(err)
				}
				var off int64
				for i, c := range got {
					if c.off != off || (i < len(got)-1 && c.n != 1024) {
						t.Fatalf("pieces %v: chunk %d at %d holding %d, want at %d", pieces, i, c.off, c.n, off)
					}
					off += int64(c.n)
				}
				if off != int64(len(data)) {
					t.Fatalf("pieces %v: chunks hold %d bytes, want %d", pieces, off, len(data))
				}
				for _, c := range got {
					for i := range c.n {
						at := c.off + int64(i)
						if (bm == nil || mapped(bm, at)) && c.buf[i] != data[at] {
							t.Fatalf("pieces %v, bmap %v: byte %d is %#x, want %#x", pieces, bm != nil, at, c.buf[i], data[at])
						}
					}
				}
			}
		}
	}
}

func mapped(b *Bmap, off int64) bool {
	for _, r := range b.Ranges {
		if off >= b.Start(r) && off < b.End(r) {
			return true
		}
	}
	return false
}

// A decoder's error ends the stream with the offset it was met at.
func TestProduceStreamDecoderError(t *testing.T) {
	boom := errors.New("corrupt block")
	_, err := collect(t, &writerTo{data: make([]byte, 3000), pieces: []int{1000}, err: boom}, nil, 1024)
	if !errors.Is(err, boom) || err.Error() != "read image at byte 3000: corrupt block" {
		t.Fatalf("err %v", err)
	}
}
