package imaging

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/sys/unix"

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
	if err := d.Refusal(); err == nil || !strings.Contains(err.Error(), "swap") {
		t.Fatalf("swap device: Refusal = %v", err)
	}
}

// A disk under a device-mapper or md volume (what LVM, dm-crypt and RAID
// build) is refused and names the volume. Three ways prove it, and the
// test says which ran: a real dm stack (dmsetup) and a real md RAID
// (mdadm) on loop devices when this kernel has them, and always a sysfs
// tree of a real LUKS+LVM+RAID machine. None of them is a skip.
func TestDeviceMapperMemberIsRefused(t *testing.T) {
	ran := []string{}
	if _, err := os.Stat("/sys/class/misc/device-mapper"); err == nil {
		t.Run("dmsetup", provesDeviceMapper)
		ran = append(ran, "device-mapper (dmsetup)")
	} else {
		t.Log("device-mapper: not in this kernel (no /sys/class/misc/device-mapper), proven from the sysfs tree instead")
	}
	if _, err := os.Stat("/proc/mdstat"); err == nil {
		t.Run("mdadm", provesRAID)
		ran = append(ran, "md RAID (mdadm)")
	} else {
		t.Log("md RAID: not in this kernel (no /proc/mdstat), proven from the sysfs tree instead")
	}
	t.Run("sysfs-tree", provesFromSysfsTree)
	ran = append(ran, "sysfs tree of LUKS+LVM+RAID")
	t.Logf("ran: %s", strings.Join(ran, ", "))
}

func provesDeviceMapper(t *testing.T) {
	dev := looptest.Attach(t, 16<<20)
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
	refusedFor(t, dev, ListOptions{}, "RAID/LVM/dm", name)
	// The volume itself is no disk; a loop device over it is refused too.
	if _, err := Inspect(context.Background(), "/dev/mapper/"+name, ListOptions{}); err == nil ||
		!strings.Contains(err.Error(), "device-mapper volume") || !strings.Contains(err.Error(), dev) {
		t.Fatalf("Inspect(dm volume) = %v", err)
	}
	top := looptest.AttachFile(t, "/dev/mapper/"+name)
	refusedFor(t, top, ListOptions{}, "built on a RAID/LVM/dm volume", name)
}

func provesRAID(t *testing.T) {
	if _, err := exec.LookPath("mdadm"); err != nil {
		t.Fatal("mdadm missing (Debian package mdadm)")
	}
	a := looptest.Attach(t, 32<<20)
	b := looptest.Attach(t, 32<<20)
	md := fmt.Sprintf("/dev/md/atelier-test-%d", os.Getpid())
	out, err := exec.Command("mdadm", "--create", md, "--run", "--level=1", "--raid-devices=2",
		"--metadata=1.2", "--assume-clean", a, b).CombinedOutput()
	if err != nil {
		t.Fatalf("mdadm --create: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("mdadm", "--stop", md).Run() })
	refusedFor(t, a, ListOptions{}, "RAID/LVM/dm stack (md")
	refusedFor(t, b, ListOptions{}, "RAID/LVM/dm stack (md")
	if _, err := Inspect(context.Background(), md, ListOptions{}); err == nil || !strings.Contains(err.Error(), "RAID volume") {
		t.Fatalf("Inspect(md volume) = %v", err)
	}
}

// sysfsTree unpacks testdata/NAME.txtar (files, then a "symlinks" section
// of PATH -> TARGET lines) into a folder and returns its sys and proc.
func sysfsTree(t *testing.T, name string) (sys, proc string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	var links []string
	for _, f := range ar.Files {
		if f.Name == "symlinks" {
			links = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if filepath.Base(p) == ".keep" {
			continue // an empty folder
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range links {
		from, to, ok := strings.Cut(l, " -> ")
		if !ok {
			t.Fatalf("%s: bad symlink line %q", name, l)
		}
		p := filepath.Join(root, filepath.FromSlash(from))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(root, "sys"), filepath.Join(root, "proc")
}

func provesFromSysfsTree(t *testing.T) {
	sys, proc := sysfsTree(t, "sysfs-lvm-luks-raid")
	opts := ListOptions{SysRoot: sys, ProcRoot: proc}
	disks, err := ListDisks(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]BlockDevice{}
	for _, d := range disks {
		got[d.Name] = d
		t.Logf("%s: %s", d.Name, strings.Join(d.ProtectedReasons, "; "))
	}
	for _, v := range []string{"dm-0", "dm-1", "dm-2", "dm-3", "md0", "loop2"} {
		if _, listed := got[v]; listed {
			t.Errorf("%s listed as a disk", v)
		}
	}
	want := map[string][]string{
		"fakenvme0n1": {"mounted filesystem (/boot/efi, /boot)",
			"running system (/), through /dev/dm-1 built on it",
			"swap (/dev/dm-2), through /dev/dm-2 built on it",
			"RAID/LVM/dm stack (dm-0 (fakenvme0n1p3_crypt), dm-1 (debian--vg-root), dm-2 (debian--vg-swap_1), +1)"},
		"fakesata0": {"RAID/LVM/dm stack (md0)", "mounted filesystem (/srv/backup), through /dev/md0 built on it"},
		"fakesata1": {"RAID/LVM/dm stack (md0)", "mounted filesystem (/srv/backup), through /dev/md0 built on it"},
		"loop0":     {"running system (/), through /dev/dm-1 on the same storage", "built on a RAID/LVM/dm volume (dm-3 (debian--vg-scratch), dm-0 (fakenvme0n1p3_crypt))"},
		"loop1":     {"mounted filesystem (/snap/core22/1380)", "read-only"},
		"fakeusb0":  nil,
	}
	for name, reasons := range want {
		d, ok := got[name]
		if !ok {
			t.Errorf("%s not listed", name)
			continue
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
	if got["fakeusb0"].Vendor != "SanDisk" || got["fakenvme0n1"].Serial != "S64PNX0T812345" || got["fakesata0"].Medium != "hdd" {
		t.Errorf("identity: %+v", got)
	}
	// Named as targets through device nodes of this tree's numbers (made
	// with mknod in a temporary folder, never opened): volumes point to
	// their disks, character devices to the disk beside them.
	looptest.Require(t)
	nodes := t.TempDir()
	node := func(name, kind string, major, minor uint32) string {
		p := filepath.Join(nodes, name)
		mode := uint32(unix.S_IFBLK)
		if kind == "c" {
			mode = unix.S_IFCHR
		}
		if err := unix.Mknod(p, mode|0o600, int(unix.Mkdev(major, minor))); err != nil {
			t.Fatalf("mknod %s: %v", p, err)
		}
		return p
	}
	for _, c := range []struct{ node, want string }{
		{node("dm-3", "b", 253, 3), "device-mapper volume (debian--vg-scratch: LVM, dm-crypt...), not a disk: atelier erases whole disks; the disks under it: /dev/fakenvme0n1"},
		{node("md0", "b", 9, 0), "RAID volume, not a disk: atelier erases whole disks; the disks under it: /dev/fakesata0, /dev/fakesata1"},
		{node("fakesata0p1", "b", 8, 17), "is a partition"},
		{node("fakenvme0", "c", 241, 0), "character device (a controller or a generic interface), not a disk: did you mean /dev/fakenvme0n1?"},
		{node("sg0", "c", 21, 0), "did you mean /dev/fakeusb0?"},
		{node("gone", "b", 8, 64), "no such block device is present"},
	} {
		_, err := Inspect(context.Background(), c.node, opts)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Inspect(%s) = %v, want %q", filepath.Base(c.node), err, c.want)
		}
	}
	d, err := Inspect(context.Background(), node("fakeusb0", "b", 8, 0), opts)
	if err != nil || d.Protected {
		t.Errorf("the free USB stick: %v %v", err, d.ProtectedReasons)
	}
	refusedFor(t, node("loop0", "b", 7, 0), opts, "running system")
}

// A sysfs with cycles (a copy taken while devices came and went, or a
// forged one): the guard answers, it does not loop.
func TestCyclesEndTheWalk(t *testing.T) {
	sys, proc := fakeSys(t)
	mk := func(p string) {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"dm-0", "dm-1", "loop5", "loop6"} {
		mk(filepath.Join(sys, "devices/virtual/block", n, "dev"))
		os.WriteFile(filepath.Join(sys, "devices/virtual/block", n, "size"), []byte("2048\n"), 0o644)
		for _, d := range []string{"block", "class/block"} {
			os.Symlink(filepath.Join(sys, "devices/virtual/block", n), filepath.Join(sys, d, n))
		}
	}
	os.MkdirAll(filepath.Join(sys, "devices/virtual/block/dm-0/slaves/dm-1"), 0o755)
	os.MkdirAll(filepath.Join(sys, "devices/virtual/block/dm-1/slaves/dm-0"), 0o755)
	os.MkdirAll(filepath.Join(sys, "devices/virtual/block/dm-1/slaves/fakenvme0n1"), 0o755)
	write := func(p, v string) {
		mk(p)
		os.WriteFile(p, []byte(v), 0o644)
	}
	write(filepath.Join(sys, "devices/virtual/block/loop5/loop/backing_file"), "/dev/loop6\n")
	write(filepath.Join(sys, "devices/virtual/block/loop6/loop/backing_file"), "/dev/loop5\n")
	write(filepath.Join(sys, "devices/virtual/block/loop6/holders/dm-0"), "")
	done := make(chan []BlockDevice, 1)
	go func() {
		disks, err := ListDisks(context.Background(), ListOptions{SysRoot: sys, ProcRoot: proc})
		if err != nil {
			t.Error(err)
		}
		done <- disks
	}()
	select {
	case disks := <-done:
		for _, d := range disks {
			if (d.Name == "loop5" || d.Name == "loop6" || d.Name == "fakenvme0n1") && !d.Protected {
				t.Errorf("%s in a cycle of volumes is writable", d.Name)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ListDisks did not return on a sysfs with cycles")
	}
}

// fakeSys builds a small sysfs and procfs: fakesata0 (SATA SSD) with a mounted
// partition, fakeusb0 (USB, read-only), fakesata1 under md0 (RAID), fakenvme0n1 free.
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
	disk("fakesata0", "pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0", "8:0",
		with(map[string]string{"device/vendor": "ATA", "device/model": "Samsung SSD 860"}), map[string]string{"fakesata0p1": "8:1", "fakesata0p2": "8:2"})
	disk("fakeusb0", "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0", "8:16",
		with(map[string]string{"ro": "1", "removable": "1", "device/vendor": "Kingston", "device/model": "DataTraveler"}), nil)
	disk("fakesata1", "pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0", "8:32",
		with(map[string]string{"queue/rotational": "1", "device/model": "WDC WD5000AAKX"}), nil)
	disk("fakenvme0n1", "pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/fakenvme0", "259:0",
		with(map[string]string{"device/model": "WD_BLACK SN770", "device/serial": "22391F801234"}), nil)
	disk("md0", "virtual", "9:0", with(nil), nil)
	mk(filepath.Join(sys, "devices/virtual/block/md0/slaves/fakesata1"), "")
	mk(filepath.Join(sys, "devices/pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/fakesata1/holders/md0"), "")
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
	check("fakesata0", "ssd", "sata", "running system", "mounted filesystem (/boot/efi)")
	check("fakeusb0", "usb", "usb", "read-only")
	check("fakesata1", "hdd", "sata", "RAID/LVM/dm stack (md0)", "mounted filesystem (/srv/raid)")
	check("fakenvme0n1", "nvme", "nvme")
	if got["fakenvme0n1"].Serial != "22391F801234" || got["fakesata0"].Vendor != "" || got["fakeusb0"].Vendor != "Kingston" {
		t.Errorf("identity: %+v", got)
	}
	if got["fakesata0"].SizeBytes != 976773168*512 {
		t.Errorf("size %d", got["fakesata0"].SizeBytes)
	}
}
