package deploy

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// What image add refuses without --force: files that are not whole-disk
// images, told apart by their uncompressed content.
func TestDigestDiskProblem(t *testing.T) {
	mbr := make([]byte, 4096)
	mbr[510], mbr[511] = 0x55, 0xAA
	gpt := make([]byte, 4096)
	copy(gpt[512:], "EFI PART")
	cases := []struct {
		name    string
		data    []byte
		zst     bool
		table   string
		problem string
	}{
		{"mbr.img", mbr, false, "mbr", ""},
		{"gpt.img", gpt, false, "gpt", ""},
		{"mbr.img.zst", mbr, true, "mbr", ""},
		{"passwd", []byte("root:x:0:0:root:/root:/bin/bash\n"), false, "", "size"},
		{"text.img", make([]byte, 4096), false, "", "table"},
		{"odd.img.zst", mbr[:1000], true, "mbr", "size"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		data := c.data
		if c.zst {
			enc, err := zstd.NewWriter(nil)
			if err != nil {
				t.Fatal(err)
			}
			data = enc.EncodeAll(c.data, nil)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := DigestImage(context.Background(), p, "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if d.PartitionTable != c.table || d.DiskProblem() != c.problem {
			t.Errorf("%s: table %q problem %q, want %q %q", c.name, d.PartitionTable, d.DiskProblem(), c.table, c.problem)
		}
	}
}
