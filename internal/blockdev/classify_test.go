package blockdev

import (
	"os"
	"path/filepath"
	"testing"
)

// A disk's transport and medium come from what the kernel says of it (its
// place in the device tree, its bus, the loop driver's major), not from its
// name: test trees name their disks fakesata0, fakenvme0n1..., and must
// classify as the real disks they imitate. The name used to decide nvme,
// mmc and loop: a fake NVMe disk read as a SATA SSD.
func TestClassifiedBySysfsFactsNotByName(t *testing.T) {
	root := t.TempDir()
	put := func(p, content string) {
		t.Helper()
		p = filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(p, target string) {
		t.Helper()
		p = filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	// linked: sys/block/NAME points into the device tree, as on a live machine.
	linked := func(name, devpath, dev, rotational string) {
		d := "sys/devices/" + devpath + "/" + name
		put(d+"/dev", dev+"\n")
		put(d+"/size", "2048\n")
		put(d+"/queue/rotational", rotational+"\n")
		link("sys/block/"+name, "../devices/"+devpath+"/"+name)
	}
	linked("fakenvme0n1", "pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/fakenvme0", "259:0", "0")
	linked("fakesata0", "pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block", "8:0", "1")
	linked("fakeusb0", "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block", "8:16", "0")
	linked("fakevirtio0", "pci0000:00/0000:00:02.3/0000:04:00.0/virtio3/block", "254:0", "1")
	// copied: a capture that copied sys/block as plain folders keeps the
	// device's bus link and the device number, not the tree's path.
	put("sys/block/fakemmc0/dev", "179:0\n")
	put("sys/block/fakemmc0/size", "2048\n")
	put("sys/block/fakemmc0/queue/rotational", "0\n")
	put("sys/devices/mmc_host/mmc0/mmc0:0001/.keep", "")
	link("sys/block/fakemmc0/device", "../../devices/mmc_host/mmc0/mmc0:0001")
	link("sys/devices/mmc_host/mmc0/mmc0:0001/subsystem", "../../../../bus/mmc")
	put("sys/block/fakeloop0/dev", "7:3\n")
	put("sys/block/fakeloop0/size", "2048\n")
	put("sys/block/fakeloop0/queue/rotational", "0\n")

	for _, c := range []struct{ name, transport, medium, model string }{
		{"fakenvme0n1", "nvme", "nvme", ""},
		{"fakesata0", "sata", "hdd", ""},
		{"fakeusb0", "usb", "usb", ""},
		{"fakevirtio0", "virtio", "hdd", ""},
		{"fakemmc0", "mmc", "mmc", ""},
		{"fakeloop0", "loop", "loop", "loop"},
	} {
		f := Root(root).Read(c.name)
		if f.Transport != c.transport || f.Medium != c.medium || f.Model != c.model {
			t.Errorf("%s: transport %q medium %q model %q, want %q %q %q", c.name, f.Transport, f.Medium, f.Model,
				c.transport, c.medium, c.model)
		}
	}
}
