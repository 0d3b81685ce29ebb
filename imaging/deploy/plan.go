package deploy

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/zstd"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Request is what the operator asked for.
type Request struct {
	Image  string // image file
	Bmap   string // bmap file; "" = found next to the image by bmaptool's rule
	NoBmap bool   // ignore any bmap: write the whole image
	// From the catalogue, when the image is in it (zero/empty otherwise).
	ImageBytes  int64
	ImageSHA256 string // of the uncompressed stream
	FileSHA256  string // of the file as stored
	Target      string // the disk, e.g. /dev/sdb
	Verify      string // "full" (default) or "none"
	Personalise bool
	Hostname    string
	NoDirect    bool // buffered writes (tests on filesystems without O_DIRECT)
	// Keep are files the guard protects besides the image (the ledger,
	// the bench key): see imaging.ListOptions.
	Keep []imaging.KeptFile
}

// Plan is a checked request: the disk may be written and is big enough.
type Plan struct {
	Request
	Device    imaging.BlockDevice
	Format    Format
	BmapPath  string
	ImageSize int64
	// WriteBytes is what will go to the disk at most: the mapped bytes with
	// a bmap, the whole image without.
	WriteBytes int64
	// SkipZeros: the disk was just wiped with zeros by atelier, so all-zero
	// blocks of an image without bmap need not be written. The caller sets
	// it from the ledger.
	SkipZeros bool
	bmap      *Bmap
}

// Bmap is the parsed block map, nil without one.
func (p *Plan) Bmap() *Bmap { return p.bmap }

// Prepare checks everything that can be checked before a byte is written:
// the image and its bmap are readable and agree, the guard lets atelier
// write the disk, and the disk is at least as big as the image.
func Prepare(ctx context.Context, r Request) (*Plan, error) {
	if r.Verify == "" {
		r.Verify = "full"
	}
	if r.Verify != "full" && r.Verify != "none" {
		return nil, i18n.Keyed("deploy.verify.bad", r.Verify)
	}
	if r.Personalise && r.Hostname != "" && !ValidHostname(r.Hostname) {
		return nil, i18n.Keyed("deploy.hostname.bad", r.Hostname)
	}
	st, err := os.Stat(r.Image)
	if err != nil {
		return nil, i18n.Keyed("deploy.image.open", r.Image, err)
	}
	if !st.Mode().IsRegular() {
		return nil, i18n.Keyed("deploy.image.notfile", r.Image)
	}
	p := &Plan{Request: r}
	if p.Format, err = DetectFormat(r.Image); err != nil {
		return nil, err
	}
	if !r.NoBmap {
		p.BmapPath = r.Bmap
		if p.BmapPath == "" {
			p.BmapPath = FindBmap(r.Image)
		}
		if p.BmapPath != "" {
			if p.bmap, err = LoadBmap(p.BmapPath); err != nil {
				return nil, i18n.Keyed("deploy.bmap.bad", p.BmapPath, readText{err})
			}
		}
	}
	if p.ImageSize, err = imageSize(ctx, p, st.Size()); err != nil {
		return nil, err
	}
	p.WriteBytes = p.ImageSize
	if p.bmap != nil {
		p.WriteBytes = p.bmap.MappedBytes()
	}

	dev, err := imaging.Inspect(ctx, r.Target, p.guardOptions())
	if err != nil {
		return nil, err
	}
	p.Device = dev
	if err := dev.Refusal(); err != nil {
		return nil, err
	}
	if dev.SizeBytes < p.ImageSize {
		return nil, i18n.Keyed("deploy.toosmall", dev.Path, imaging.HumanBytes(dev.SizeBytes), dev.SizeBytes,
			imaging.HumanBytes(p.ImageSize), p.ImageSize)
	}
	return p, nil
}

// guardOptions protect the image and its bmap (being read) and the
// request's kept files.
func (p *Plan) guardOptions() imaging.ListOptions {
	sources := []string{p.Image}
	if p.BmapPath != "" {
		sources = append(sources, p.BmapPath)
	}
	return imaging.ListOptions{SourceImages: sources, Keep: p.Keep}
}

// Recheck asks the guard again about the target, just before the first
// write: a confirmation may take minutes, and a filesystem mounted under
// the disk or a loop device set up over it meanwhile must stop the deploy.
func (p *Plan) Recheck(ctx context.Context) error {
	dev, err := imaging.Inspect(ctx, p.Device.Path, p.guardOptions())
	if err != nil {
		return err
	}
	return dev.Refusal()
}

// imageSize finds the uncompressed size without writing anything: from the
// bmap, the catalogue, the file itself (raw), the zstd frame header, or as a
// last resort by decompressing once.
func imageSize(ctx context.Context, p *Plan, fileSize int64) (int64, error) {
	known := int64(0)
	switch {
	case p.bmap != nil:
		known = p.bmap.ImageSize
	case p.ImageBytes > 0:
		known = p.ImageBytes
	}
	if p.Format == Raw {
		if known != 0 && known != fileSize {
			return 0, i18n.Keyed("deploy.image.size", p.Image, fileSize, known)
		}
		return fileSize, nil
	}
	if p.bmap != nil && p.ImageBytes > 0 && p.ImageBytes != p.bmap.ImageSize {
		return 0, i18n.Keyed("deploy.image.size", p.Image, p.ImageBytes, p.bmap.ImageSize)
	}
	if known != 0 {
		return known, nil
	}
	if p.Format == Zstd {
		if n, ok := zstdContentSize(p.Image); ok {
			return n, nil
		}
	}
	s, err := openImage(p.Image, nil, decodeOptions{})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	n, err := copyCtx(ctx, io.Discard, s)
	if err != nil {
		return 0, fmt.Errorf("size of image %s: %w", p.Image, err)
	}
	return n, nil
}

// zstdContentSize reads the frame header's content size, which zstd writes
// when it compresses a file (one frame).
func zstdContentSize(path string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	buf := make([]byte, zstd.HeaderMaxSize)
	n, _ := io.ReadFull(f, buf)
	var h zstd.Header
	if err := h.Decode(buf[:n]); err != nil || !h.HasFCS {
		return 0, false
	}
	// zstd(1), even multi-threaded, writes one frame; a multi-frame file
	// (pzstd) would be longer, which the write then reports.
	return int64(h.FrameContentSize), h.FrameContentSize > 0
}

// readText is a file-read error said in the reader's language when
// fsread refused the file (too large, not an ordinary file).
type readText struct{ err error }

func (r readText) In(l i18n.Lang) string { return fsread.Text(r.err, l) }
