package deploy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// Digest is what the image catalogue records about an image file.
type Digest struct {
	Path        string `json:"path"`
	Format      Format `json:"format"`
	FileBytes   int64  `json:"file_bytes"`
	FileSHA256  string `json:"file_sha256"`
	ImageBytes  int64  `json:"image_bytes"`
	ImageSHA256 string `json:"image_sha256"`
	// Bmap is the bmap file found next to the image (or given), "" if none.
	Bmap string `json:"bmap,omitempty"`
	// PartitionTable is what the image's first sectors hold: "gpt" (the
	// "EFI PART" header at byte 512), "mbr" (the 0x55AA boot signature at
	// byte 510) or "" when neither: then the file is not a disk image.
	PartitionTable string `json:"partition_table"`
}

// Whole-disk images are made of 512-byte sectors.
const diskSector = 512

// DiskProblem says why the stream does not look like a whole-disk image,
// as one of "size" (not a whole number of 512-byte sectors) and "table"
// (no MBR nor GPT signature), or "" when it looks like one. Writing such a
// file (a partition image, a text file, an ISO's wrong half) would give a
// disk that does not boot, which nothing would notice before the
// beneficiary does.
func (d Digest) DiskProblem() string {
	switch {
	case d.ImageBytes%diskSector != 0:
		return "size"
	case d.PartitionTable == "":
		return "table"
	}
	return ""
}

// headWriter keeps the first len(buf) bytes written to it.
type headWriter struct {
	buf []byte
	n   int
}

func (h *headWriter) Write(p []byte) (int, error) {
	h.n += copy(h.buf[h.n:], p)
	return len(p), nil
}

// partitionTable reads the signatures in the first two sectors.
func partitionTable(head []byte) string {
	switch {
	case len(head) >= 2*diskSector && string(head[diskSector:diskSector+8]) == "EFI PART":
		return "gpt"
	case len(head) >= diskSector && head[510] == 0x55 && head[511] == 0xAA:
		return "mbr"
	}
	return ""
}

// DigestImage hashes the file and its uncompressed stream in one pass: the
// file's sha256 says the download is intact, the stream's sha256 is what a
// deploy without bmap checks the disk against. A bmap, when given or found
// by bmaptool's rule, is parsed and must describe an image of that size.
func DigestImage(ctx context.Context, path, bmapPath string) (Digest, error) {
	format, err := DetectFormat(path)
	if err != nil {
		return Digest{}, err
	}
	// A raw file is its own stream: hash it once.
	var fileHash hash.Hash
	if format != Raw {
		fileHash = sha256.New()
	}
	s, err := openImage(path, fileHash, decodeOptions{})
	if err != nil {
		return Digest{}, err
	}
	defer s.Close()
	imgHash := sha256.New()
	head := &headWriter{buf: make([]byte, 2*diskSector)}
	n, err := copyCtx(ctx, io.MultiWriter(imgHash, head), s)
	if err != nil {
		return Digest{}, fmt.Errorf("read image %s at byte %d: %w", path, n, err)
	}
	// Whatever the decompressor did not need is still part of the file.
	if _, err := io.Copy(io.Discard, s.counted); err != nil {
		return Digest{}, fmt.Errorf("read image %s: %w", path, err)
	}
	d := Digest{Path: path, Format: s.format, FileBytes: s.counted.n, ImageBytes: n,
		ImageSHA256: hex.EncodeToString(imgHash.Sum(nil)), PartitionTable: partitionTable(head.buf[:head.n])}
	d.FileSHA256 = d.ImageSHA256
	if fileHash != nil {
		d.FileSHA256 = hex.EncodeToString(fileHash.Sum(nil))
	}
	if bmapPath == "" {
		bmapPath = FindBmap(path)
	}
	if bmapPath != "" {
		b, err := LoadBmap(bmapPath)
		if err != nil {
			return Digest{}, &BmapError{Path: bmapPath, Err: err}
		}
		if b.ImageSize != n {
			return Digest{}, fmt.Errorf("bmap %s describes an image of %d bytes, %s holds %d", bmapPath, b.ImageSize, path, n)
		}
		d.Bmap = bmapPath
	}
	return d, nil
}

// MaxBmapBytes bounds a bmap file. A range takes about 100 bytes, and a
// freshly installed system image holds a few hundred to a few thousand of
// them: 16 MiB is room for some 160,000 ranges. An image given as --bmap by
// mistake is refused before it is read.
const MaxBmapBytes = 16 << 20

// LoadBmap reads and checks a bmap file.
func LoadBmap(path string) (*Bmap, error) {
	data, err := fsread.ReadFile(path, MaxBmapBytes)
	if err != nil {
		return nil, err
	}
	return ParseBmap(data)
}

// BmapError is a bmap file that cannot be used, so the command can say so
// in the operator's language.
type BmapError struct {
	Path string
	Err  error
}

func (e *BmapError) Error() string { return fmt.Sprintf("bmap %s: %v", e.Path, e.Err) }
func (e *BmapError) Unwrap() error { return e.Err }

// copyCtx copies in 1 MiB steps and stops when ctx is cancelled.
func copyCtx(ctx context.Context, w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 1<<20)
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		k, err := r.Read(buf)
		if k > 0 {
			w.Write(buf[:k])
			n += int64(k)
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
