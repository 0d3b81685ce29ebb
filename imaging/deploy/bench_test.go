package deploy

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseBmap parses the bmap bmaptool 3.6 wrote for the fixture,
// checksum of itself included.
func BenchmarkParseBmap(b *testing.B) {
	data, err := os.ReadFile("testdata/bmaptool-3.6-v2.0.bmap")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseBmap(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDigestZstd is the read side of a deploy: zstd decompression of
// the fixture plus sha256 of the file and of the stream (atelier image add).
func BenchmarkDigestZstd(b *testing.B) {
	dir := fixture(b)
	img := filepath.Join(dir, "zorin-test.img.zst")
	b.SetBytes(64 << 20)
	for b.Loop() {
		if _, err := DigestImage(context.Background(), img, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNonZero is the zero-skipping scan over an 8 MiB chunk that is
// mostly zeros.
func BenchmarkNonZero(b *testing.B) {
	buf := make([]byte, chunkSize)
	copy(buf[3<<20:], bytes.Repeat([]byte{1}, 1<<20))
	b.SetBytes(chunkSize)
	for b.Loop() {
		if len(nonZero(buf, 0)) != 1 {
			b.Fatal("expected one segment")
		}
	}
}
