package imaging

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// A loop device used as swap is refused.
func TestSwapLoopDeviceIsRefused(t *testing.T) {
	dev := looptest.Attach(t, 16<<20)
	run(t, "mkswap", dev)
	run(t, "swapon", dev)
	t.Cleanup(func() { exec.Command("swapoff", dev).Run() })
	d, err := Inspect(context.Background(), dev, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Refusal(i18n.EN); err == nil || !strings.Contains(err.Error(), "swap") {
		t.Fatalf("swap device: Refusal = %v", err)
	}
}

// A loop device under a device-mapper target (what LVM and dm-crypt build)
// is refused and names the holder.
func TestDeviceMapperMemberIsRefused(t *testing.T) {
	dev := looptest.Attach(t, 16<<20)
	if _, err := os.Stat("/sys/class/misc/device-mapper"); err != nil {
		// A kernel without device-mapper: TestDiscoveryOnAFakeSystem
		// covers holders through a copied sysfs instead.
		t.Skip("this kernel has no device-mapper")
	}
	if _, err := exec.LookPath("dmsetup"); err != nil {
		t.Fatal("dmsetup missing (Debian package dmsetup)")
	}
	name := fmt.Sprintf("atelier-test-%d", os.Getpid())
	sectors := (16 << 20) / 512
	cmd := exec.Command("dmsetup", "create", name)
	cmd.Stdin = strings.NewReader(fmt.Sprintf("0 %d linear %s 0\n", sectors, dev))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dmsetup create: %v: %s", err, out)
	}
	// Registered after looptest.Attach's cleanup, so it runs first: dm before loop.
	t.Cleanup(func() { exec.Command("dmsetup", "remove", name).Run() })
	d, err := Inspect(context.Background(), dev, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	err = d.Refusal(i18n.EN)
	if err == nil || !strings.Contains(err.Error(), "RAID/LVM/dm") || !strings.Contains(err.Error(), name) {
		t.Fatalf("dm member: Refusal = %v", err)
	}
}

// fakeSys builds a small sysfs and procfs: sda (SATA SSD) with a mounted
// partition, sdb (USB, read-only), sdc under md0 (RAID), nvme0n1 free.
func fakeSys(t *testing.T) (sys, proc string) {
	t.Helper()
	root := t.TempDir()
	sys, proc = filepath.Join(root, "sys"), filepath.Join(root, "proc")
	mk := func(p, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	disk := func(name, devpath, majmin string, attrs map[string]string, parts map[string]string) {
		dir := filepath.Join(sys, "devices", devpath, "block", name)
		for k, v := range attrs {
			mk(filepath.Join(dir, k), v+"\n")
		}
		mk(filepath.Join(dir, "dev"), majmin+"\n")
		os.MkdirAll(filepath.Join(dir, "holders"), 0o755)
		link("../devices/"+devpath+"/block/"+name, filepath.Join(sys, "block", name))
		link("../../devices/"+devpath+"/block/"+name, filepath.Join(sys, "class", "block", name))
		link("../../devices/"+devpath+"/block/"+name, filepath.Join(sys, "dev", "block", majmin))
		for p, pmm := range parts {
			mk(filepath.Join(dir, p, "partition"), "1\n")
			mk(filepath.Join(dir, p, "dev"), pmm+"\n")
			os.MkdirAll(filepath.Join(dir, p, "holders"), 0o755)
			link("../../devices/"+devpath+"/block/"+name+"/"+p, filepath.Join(sys, "class", "block", p))
			link("../../devices/"+devpath+"/block/"+name+"/"+p, filepath.Join(sys, "dev", "block", pmm))
		}
	}
	common := map[string]string{"size": "976773168", "queue/rotational": "0", "removable": "0", "ro": "0",
		"queue/logical_block_size": "512", "queue/physical_block_size": "4096"}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range common {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	disk("sda", "pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0", "8:0",
		with(map[string]string{"device/vendor": "ATA", "device/model": "Samsung SSD 860"}), map[string]string{"sda1": "8:1", "sda2": "8:2"})
	disk("sdb", "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", "8:16",
		with(map[string]string{"ro": "1", "removable": "1", "device/vendor": "Kingston", "device/model": "DataTraveler"}), nil)
	disk("sdc", "pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0", "8:32",
		with(map[string]string{"queue/rotational": "1", "device/model": "WDC WD5000AAKX"}), nil)
	disk("nvme0n1", "pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0", "259:0",
		with(map[string]string{"device/model": "WD_BLACK SN770", "device/serial": "22391F801234"}), nil)
	disk("md0", "virtual", "9:0", with(nil), nil)
	mk(filepath.Join(sys, "devices/virtual/block/md0/slaves/sdc"), "")
	mk(filepath.Join(sys, "devices/pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sdc/holders/md0"), "")
	mk(filepath.Join(proc, "self/mountinfo"),
		"22 1 8:2 / / rw,relatime - ext4 /dev/fake-root rw\n"+
			"40 22 8:1 / /boot/efi rw,relatime - vfat /dev/fake-efi rw\n"+
			"41 22 0:44 / /tmp rw - tmpfs tmpfs rw\n"+
			"42 22 9:0 / /srv/raid rw - ext4 /dev/md0 rw\n")
	mk(filepath.Join(proc, "swaps"), "Filename\tType\tSize\tUsed\tPriority\n")
	return sys, proc
}

func TestDiscoveryOnAFakeSystem(t *testing.T) {
	sys, proc := fakeSys(t)
	disks, err := ListDisks(context.Background(), ListOptions{SysRoot: sys, ProcRoot: proc})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]BlockDevice{}
	for _, d := range disks {
		got[d.Name] = d
	}
	if len(got) != 4 || got["md0"].Name != "" {
		t.Fatalf("listed %v", disks)
	}
	check := func(name, medium, transport string, reasons ...string) {
		t.Helper()
		d := got[name]
		if d.Medium != medium || d.Transport != transport {
			t.Errorf("%s: medium %q transport %q", name, d.Medium, d.Transport)
		}
		all := strings.Join(d.ProtectedReasons, "; ")
		if d.Protected != (len(reasons) > 0) {
			t.Errorf("%s protected=%v (%s)", name, d.Protected, all)
		}
		for _, r := range reasons {
			if !strings.Contains(all, r) {
				t.Errorf("%s: reasons %q lack %q", name, all, r)
			}
		}
	}
	check("sda", "ssd", "sata", "running system", "mounted filesystem (/boot/efi)")
	check("sdb", "usb", "usb", "read-only")
	check("sdc", "hdd", "sata", "RAID/LVM/dm stack (md0)", "mounted filesystem (/srv/raid)")
	check("nvme0n1", "nvme", "nvme")
	if got["nvme0n1"].Serial != "22391F801234" || got["sda"].Vendor != "" || got["sdb"].Vendor != "Kingston" {
		t.Errorf("identity: %+v", got)
	}
	if got["sda"].SizeBytes != 976773168*512 {
		t.Errorf("size %d", got["sda"].SizeBytes)
	}
}
