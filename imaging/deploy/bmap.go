// Package deploy writes a prepared disk image (raw or zstd/xz/gzip
// compressed, with or without a bmaptool block map) onto a disk, verifies
// what it wrote, and personalises the copy so each machine is its own.
package deploy

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// Bmap is a parsed bmaptool block map: which blocks of the image hold data,
// and (from format 1.3 on) the checksum of each run of such blocks.
type Bmap struct {
	Version           string
	Major, Minor      int
	ImageSize         int64
	BlockSize         int64
	BlocksCount       int64
	MappedBlocksCount int64
	// ChecksumType is "" for formats before 1.3 (no checksums), "sha1" for
	// 1.3, and the ChecksumType element (sha256 in practice) for 1.4 and 2.0.
	ChecksumType string
	// FileChecksum is the bmap file's checksum of itself (BmapFileSHA1 or
	// BmapFileChecksum); "" before 1.3.
	FileChecksum string
	Ranges       []Range
}

// Range is an inclusive run of mapped blocks and its hex checksum.
type Range struct {
	First, Last int64
	Checksum    string
}

// Start is the byte offset of the range in the image.
func (b *Bmap) Start(r Range) int64 { return r.First * b.BlockSize }

// End is the byte offset just past the range, cut at the image end (the last
// block of an image may be partial).
func (b *Bmap) End(r Range) int64 { return min((r.Last+1)*b.BlockSize, b.ImageSize) }

// MappedBytes is how many bytes the ranges cover.
func (b *Bmap) MappedBytes() int64 {
	var n int64
	for _, r := range b.Ranges {
		n += b.End(r) - b.Start(r)
	}
	return n
}

// checksummed reports whether every range carries a checksum, so that
// every byte written is checked against the bmap; false for a nil Bmap.
func (b *Bmap) checksummed() bool {
	if b == nil || b.ChecksumType == "" {
		return false
	}
	for _, r := range b.Ranges {
		if r.Checksum == "" {
			return false
		}
	}
	return true
}

// Label names a range the way bmaptool prints it, for error messages.
func (r Range) Label() string {
	if r.First == r.Last {
		return strconv.FormatInt(r.First, 10)
	}
	return fmt.Sprintf("%d-%d", r.First, r.Last)
}

// NewHash returns a hash of the bmap's checksum type (sha256 when the bmap
// has none, so that read-back can still compare ranges).
func (b *Bmap) NewHash() hash.Hash {
	if b.ChecksumType == "sha1" {
		return sha1.New()
	}
	return sha256.New()
}

type xmlRange struct {
	SHA1   string `xml:"sha1,attr"`
	Chksum string `xml:"chksum,attr"`
	Text   string `xml:",chardata"`
}

type xmlBmap struct {
	XMLName           xml.Name   `xml:"bmap"`
	Version           string     `xml:"version,attr"`
	ImageSize         string     `xml:"ImageSize"`
	BlockSize         string     `xml:"BlockSize"`
	BlocksCount       string     `xml:"BlocksCount"`
	MappedBlocksCount string     `xml:"MappedBlocksCount"`
	ChecksumType      string     `xml:"ChecksumType"`
	BmapFileChecksum  string     `xml:"BmapFileChecksum"`
	BmapFileSHA1      string     `xml:"BmapFileSHA1"`
	Ranges            []xmlRange `xml:"BlockMap>Range"`
}

// Limits that keep a hostile bmap from overflowing offsets.
const (
	maxBlockSize = 1 << 26
	maxImageSize = 1 << 56
)

// ParseBmap parses and checks a bmap file: formats 1.0 to 2.0, consistent
// sizes, ascending non-overlapping ranges inside the image, well-formed
// checksums, and the file's own checksum (from 1.3 on).
func ParseBmap(data []byte) (*Bmap, error) {
	if bytes.Contains(data, []byte("-----BEGIN PGP SIGNED MESSAGE-----")) {
		return nil, errors.New("bmap: clearsigned bmap files are not supported; give the bare bmap")
	}
	var x xmlBmap
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, fmt.Errorf("bmap: not a bmap XML file: %w", err)
	}
	b := &Bmap{Version: strings.TrimSpace(x.Version)}
	maj, minor, ok := strings.Cut(b.Version, ".")
	var err1, err2 error
	b.Major, err1 = strconv.Atoi(maj)
	b.Minor, err2 = strconv.Atoi(minor)
	if !ok || err1 != nil || err2 != nil || b.Major < 1 || b.Minor < 0 {
		return nil, fmt.Errorf("bmap: version %q is not major.minor", x.Version)
	}
	if b.Major > 2 {
		return nil, fmt.Errorf("bmap: format version %s is newer than 2.x, not supported", b.Version)
	}
	var err error
	if b.ImageSize, err = parseCount("ImageSize", x.ImageSize, 1, maxImageSize); err != nil {
		return nil, err
	}
	if b.BlockSize, err = parseCount("BlockSize", x.BlockSize, 1, maxBlockSize); err != nil {
		return nil, err
	}
	if b.BlocksCount, err = parseCount("BlocksCount", x.BlocksCount, 1, maxImageSize); err != nil {
		return nil, err
	}
	if b.MappedBlocksCount, err = parseCount("MappedBlocksCount", x.MappedBlocksCount, 0, maxImageSize); err != nil {
		return nil, err
	}
	if want := (b.ImageSize + b.BlockSize - 1) / b.BlockSize; b.BlocksCount != want {
		return nil, fmt.Errorf("bmap: inconsistent: ImageSize %d bytes is %d blocks of %d, BlocksCount says %d",
			b.ImageSize, want, b.BlockSize, b.BlocksCount)
	}

	// Checksums: none before 1.3, sha1 in 1.3, ChecksumType in 1.4 and 2.x
	// (1.4 was 2.0 released under the wrong number).
	switch {
	case b.Major >= 2 || (b.Major == 1 && b.Minor >= 4):
		b.ChecksumType = strings.ToLower(strings.TrimSpace(x.ChecksumType))
		b.FileChecksum = strings.TrimSpace(x.BmapFileChecksum)
		if b.ChecksumType != "sha256" && b.ChecksumType != "sha1" {
			return nil, fmt.Errorf("bmap: checksum type %q not supported (sha256 or sha1)", x.ChecksumType)
		}
	case b.Major == 1 && b.Minor == 3:
		b.ChecksumType = "sha1"
		b.FileChecksum = strings.TrimSpace(x.BmapFileSHA1)
	}
	hexLen := map[string]int{"sha1": 40, "sha256": 64}[b.ChecksumType]

	var mapped int64
	prevLast := int64(-1)
	for i, xr := range x.Ranges {
		r, err := parseRange(xr.Text)
		if err != nil {
			return nil, fmt.Errorf("bmap: range %d: %w", i+1, err)
		}
		if r.First <= prevLast {
			return nil, fmt.Errorf("bmap: range %s overlaps or precedes the range before it", r.Label())
		}
		if r.Last >= b.BlocksCount {
			return nil, fmt.Errorf("bmap: range %s goes past the image's %d blocks", r.Label(), b.BlocksCount)
		}
		prevLast = r.Last
		if b.ChecksumType != "" {
			sum := xr.Chksum
			if b.ChecksumType == "sha1" && b.Major == 1 && b.Minor == 3 {
				sum = xr.SHA1
			}
			sum = strings.ToLower(strings.TrimSpace(sum))
			if !isHex(sum, hexLen) {
				return nil, fmt.Errorf("bmap: range %s: checksum %q is not a %s", r.Label(), sum, b.ChecksumType)
			}
			r.Checksum = sum
		}
		mapped += r.Last - r.First + 1
		b.Ranges = append(b.Ranges, r)
	}
	if mapped != b.MappedBlocksCount {
		return nil, fmt.Errorf("bmap: ranges cover %d blocks, MappedBlocksCount says %d", mapped, b.MappedBlocksCount)
	}
	if b.ChecksumType != "" {
		if err := verifyFileChecksum(data, b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// verifyFileChecksum checks the bmap's checksum of itself the way bmaptool
// does: the first occurrence of the value is replaced by as many ASCII '0'
// and the whole file is hashed.
func verifyFileChecksum(data []byte, b *Bmap) error {
	want := strings.ToLower(b.FileChecksum)
	hexLen := map[string]int{"sha1": 40, "sha256": 64}[b.ChecksumType]
	if !isHex(want, hexLen) {
		return fmt.Errorf("bmap: its own %s checksum %q is missing or malformed", b.ChecksumType, b.FileChecksum)
	}
	i := bytes.Index(data, []byte(b.FileChecksum))
	if i < 0 {
		return errors.New("bmap: its own checksum is not found verbatim in the file")
	}
	zeroed := bytes.Clone(data)
	copy(zeroed[i:i+len(b.FileChecksum)], bytes.Repeat([]byte("0"), len(b.FileChecksum)))
	h := b.NewHash()
	h.Write(zeroed)
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return fmt.Errorf("bmap: the file is damaged or edited: its checksum is %s, it says %s", got, want)
	}
	return nil
}

func parseCount(name, s string, lo, hi int64) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("bmap: %s is missing", name)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("bmap: %s %q is not a number between %d and %d", name, s, lo, hi)
	}
	return n, nil
}

// parseRange reads "A-B" or "A" (single block, older formats).
func parseRange(s string) (Range, error) {
	a, b, isPair := strings.Cut(strings.TrimSpace(s), "-")
	first, err := strconv.ParseInt(strings.TrimSpace(a), 10, 64)
	if err != nil || first < 0 {
		return Range{}, fmt.Errorf("%q is not a block range", s)
	}
	last := first
	if isPair {
		last, err = strconv.ParseInt(strings.TrimSpace(b), 10, 64)
		if err != nil || last < first {
			return Range{}, fmt.Errorf("%q is not a block range", s)
		}
	}
	return Range{First: first, Last: last}, nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}
