package deploy

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// Format is how an image file is stored.
type Format string

const (
	Raw  Format = "raw"
	Zstd Format = "zstd"
	XZ   Format = "xz"
	Gzip Format = "gzip"
)

// magic numbers of the compressed formats; anything else is a raw image.
var magics = []struct {
	f Format
	m []byte
}{
	{Zstd, []byte{0x28, 0xb5, 0x2f, 0xfd}},
	{XZ, []byte{0xfd, '7', 'z', 'X', 'Z', 0x00}},
	{Gzip, []byte{0x1f, 0x8b}},
}

// DetectFormat looks at the first bytes of the file rather than trusting its
// name, so a renamed file still reads right.
func DetectFormat(path string) (Format, error) {
	// an ordinary file: /dev/zero would be read forever, a pipe waited on
	f, err := fsread.Open(path)
	if err != nil {
		return "", fmt.Errorf("open image %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 8)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read image %s: %w", path, err)
	}
	for _, m := range magics {
		if bytes.HasPrefix(head[:n], m.m) {
			return m.f, nil
		}
	}
	return Raw, nil
}

// decodeOptions are how a compressed stream is decoded.
type decodeOptions struct {
	// skipFrameCheck skips zstd's own checksum of the whole stream: a
	// deploy sets it when every byte it writes is already held to a bmap
	// range's sha256 (the holes are not written, so their bytes cannot
	// harm the disk), saving the decoder an xxhash of the whole image.
	skipFrameCheck bool
}

// zstdConcurrency is how many goroutines decode a zstd stream: with two,
// one decodes the next block's literals and sequences while the other
// executes the current one. On the 2-core bench machine under load this cut
// a 1 GiB deploy from 8-10 s to 5-9 s of wall time for the same CPU time
// (decoding is the longest stage of the write pipeline); more gained nothing.
const zstdConcurrency = 2

// decompress wraps r (the image file's bytes) into the uncompressed stream.
func decompress(r io.Reader, f Format, o decodeOptions) (io.ReadCloser, error) {
	switch f {
	case Raw:
		return io.NopCloser(r), nil
	case Zstd:
		d, err := zstd.NewReader(newRLEAsRaw(r), zstd.WithDecoderConcurrency(zstdConcurrency),
			zstd.WithDecoderLowmem(false), zstd.WithDecoderMaxWindow(1<<31),
			zstd.IgnoreChecksum(o.skipFrameCheck))
		if err != nil {
			return nil, fmt.Errorf("zstd: %w", err)
		}
		return d.IOReadCloser(), nil
	case XZ:
		d, err := xz.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("xz: %w", err)
		}
		return io.NopCloser(d), nil
	case Gzip:
		d, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return d, nil
	}
	return nil, fmt.Errorf("unknown image format %q", f)
}

// imageStream is an open image: the uncompressed bytes, plus the file's
// compressed bytes counted (and hashed when asked) as they are read.
type imageStream struct {
	io.Reader
	file    *os.File
	dec     io.ReadCloser
	format  Format
	counted *countingReader
}

func (s *imageStream) Close() error {
	s.dec.Close()
	return s.file.Close()
}

type countingReader struct {
	r io.Reader
	n int64
	w io.Writer // optional hash of the file's bytes
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.w != nil && n > 0 {
		c.w.Write(p[:n])
	}
	return n, err
}

// openImage opens path as an uncompressed stream; fileHash (may be nil)
// receives the file's own bytes.
func openImage(path string, fileHash io.Writer, o decodeOptions) (*imageStream, error) {
	format, err := DetectFormat(path)
	if err != nil {
		return nil, err
	}
	f, err := fsread.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open image %s: %w", path, err)
	}
	// Counted below the buffer: every byte taken from the file is
	// counted and hashed once, in order, whoever reads it.
	c := &countingReader{r: f, w: fileHash}
	dec, err := decompress(bufio.NewReaderSize(c, 1<<20), format, o)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("image %s: %w", path, err)
	}
	return &imageStream{Reader: dec, file: f, dec: dec, format: format, counted: c}, nil
}

// FindBmap applies bmaptool's discovery rule: IMAGE.bmap, then the same
// after dropping one extension at a time (foo.img.zst -> foo.img.zst.bmap,
// foo.img.bmap, foo.bmap). It returns "" when there is none.
func FindBmap(image string) string {
	p := image
	for {
		if st, err := os.Stat(p + ".bmap"); err == nil && st.Mode().IsRegular() {
			return p + ".bmap"
		}
		ext := filepath.Ext(p)
		if ext == "" || ext == p || strings.HasSuffix(p, "/"+ext) {
			return ""
		}
		p = strings.TrimSuffix(p, ext)
	}
}
