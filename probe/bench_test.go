package probe

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkGatherLive is a full live probe of this machine, tools included
// (dmidecode and smartctl run when root). scripts/bench-probe.sh compares
// the whole command with lshw, inxi and hwinfo.
func BenchmarkGatherLive(b *testing.B) {
	for b.Loop() {
		if _, err := Gather(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGatherTree probes a captured tree already unpacked (the Ryzen
// desktop's snapshot): the reading, without the tarball's extraction.
func BenchmarkGatherTree(b *testing.B) {
	s, err := openSource(context.Background(), Options{Root: filepath.Join(corpus(b, "ghw-snapshots"), "amd-ryzen-1600.tar.gz")})
	if err != nil {
		b.Fatal(err)
	}
	defer s.close()
	for b.Loop() {
		if _, err := Gather(context.Background(), Options{Root: s.root}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseDMIDecode(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpus(b, "dmi"), "39.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseDMIDecode(data); err != nil {
			b.Fatal(err)
		}
	}
}
