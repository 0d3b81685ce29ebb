package deploy

import (
	"context"
	"fmt"
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
)

// countingProgress sums what read-back reports.
type countingProgress struct{ n int64 }

func (c *countingProgress) Phase(string, int64) {}
func (c *countingProgress) Add(n int64)         { c.n += n }

// Read-back checks pieces with several readers at once: every piece is
// read and counted once when all match, and when two do not, the one
// nearer the start of the disk is reported, whichever reader saw it.
func TestParallelReadBackReportsFirstMismatch(t *testing.T) {
	const n, size = 16, 64 << 10
	disk := filepath.Join(t.TempDir(), "disk")
	data := make([]byte, n*size)
	for i := range data {
		data[i] = byte(i * 31)
	}
	if err := os.WriteFile(disk, data, 0o600); err != nil {
		t.Fatal(err)
	}
	seed := maphash.MakeSeed()
	var pieces []piece
	var regions []region
	for i := range n {
		s, e := int64(i*size), int64((i+1)*size)
		regions = append(regions, region{label: fmt.Sprintf("r%d", i), start: s, end: e})
		pieces = append(pieces, piece{start: s, end: e, sum: maphash.Bytes(seed, data[s:e]), region: i})
	}
	verify := func(ps []piece) (error, int64) {
		f, err := os.Open(disk)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		p := &Plan{Device: imaging.BlockDevice{Path: disk}}
		v := &verifier{p: p, f: f, size: int64(len(data)), seed: seed, regions: regions}
		prog := &countingProgress{}
		v.show(prog, int64(len(data)))
		in := make(chan []piece, len(ps))
		for i := range ps {
			in <- ps[i : i+1]
		}
		close(in)
		return v.run(context.Background(), in, func() {}), prog.n
	}
	if err, got := verify(pieces); err != nil || got != int64(len(data)) {
		t.Fatalf("all pieces match: err %v, %d bytes counted, want nil and %d", err, got, len(data))
	}
	bad := append([]piece(nil), pieces...)
	bad[5].sum++
	bad[11].sum++
	err, _ := verify(bad)
	if err == nil || !strings.Contains(err.Error(), "r5") || strings.Contains(err.Error(), "r11") {
		t.Fatalf("pieces 5 and 11 differ: got %v, want the message to name r5 only", err)
	}
}
