package blockdev

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRead: a captured tree is outside input. Whatever udev's database,
// the kernel's model and the SCSI serial page hold, Read does not panic,
// its text facts come trimmed, and Identity always names the disk.
func FuzzRead(f *testing.F) {
	f.Add("E:ID_MODEL=Samsung_SSD_860_EVO_500GB\nE:ID_SERIAL_SHORT=S3Z9NB0K\n", "Samsung SSD 860 \n", []byte("\x00\x80\x00\x14S3Z9NB0K123456A  "))
	f.Add("", "", []byte{})
	f.Add("E:ID_SERIAL_SHORT=\nE:=x\nE:ID_VENDOR", "OEM", []byte("\x00\x80"))
	f.Fuzz(func(t *testing.T, udev, model string, vpd []byte) {
		root := t.TempDir()
		put := func(p string, b []byte) {
			p = filepath.Join(root, p)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		put("sys/block/fakesata0/dev", []byte("8:0\n"))
		put("sys/block/fakesata0/size", []byte("2048\n"))
		put("sys/block/fakesata0/device/model", []byte(model))
		put("sys/block/fakesata0/device/vpd_pg80", vpd)
		put("run/udev/data/b8:0", []byte(udev))
		d := Root(root).Read("fakesata0")
		for _, s := range []string{d.Model, d.Serial, d.Vendor} {
			if s != strings.TrimSpace(s) {
				t.Fatalf("untrimmed fact %q in %+v", s, d)
			}
		}
		if id := Identity(d); id == "" || id != Identity(d) {
			t.Fatalf("identity %q of %+v", id, d)
		}
		if d.SizeBytes != 2048*512 {
			t.Fatalf("size %d", d.SizeBytes)
		}
	})
}
