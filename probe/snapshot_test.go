package probe

import (
	"context"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pciNamesAvailable says whether the PCI ID database is installed: without
// it devices keep their ids but have no names.
func pciNamesAvailable() bool {
	for _, p := range []string{"/usr/share/hwdata/pci.ids", "/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids.gz", "/usr/share/misc/pci.ids.gz"} {
		if _, err := os.Stat(p); err == nil {
			return true
		}
	}
	return os.Getenv("PCIDB_PATH") != ""
}

func gatherSnapshot(t *testing.T, name string) *Report {
	t.Helper()
	path := filepath.Join(corpus(t, "ghw-snapshots"), name+".tar.gz")
	r, err := Gather(context.Background(), Options{Root: path, ToolVersion: "test"})
	if err != nil {
		t.Fatalf("probe %s: %v", name, err)
	}
	if r.Schema != Schema || r.Source != "root:"+path || r.Tool != "atelier test" {
		t.Errorf("%s: schema %q source %q tool %q", name, r.Schema, r.Source, r.Tool)
	}
	return r
}

type diskWant struct {
	name, medium, transport string
	size                    int64
}

func checkDisks(t *testing.T, r *Report, want []diskWant) {
	t.Helper()
	if len(r.Disks) != len(want) {
		t.Fatalf("disks = %+v, want %d disks", r.Disks, len(want))
	}
	for i, w := range want {
		d := r.Disks[i]
		if d.Name != w.name || d.Medium != w.medium || d.Transport != w.transport || d.SizeBytes != w.size {
			t.Errorf("disk %d = %s %s %s %d, want %+v", i, d.Name, d.Medium, d.Transport, d.SizeBytes, w)
		}
	}
}

func hasWarning(r *Report, part string) bool {
	for _, w := range NoteTexts(i18n.EN, r.Warnings) {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

// TestSnapshotRyzen: a desktop with an SSD, an HDD and another SSD behind
// the chipset SATA controller, a Radeon HD 6670 and four wired NICs; the
// five device-mapper volumes stacked on the disks are not disks.
func TestSnapshotRyzen(t *testing.T) {
	r := gatherSnapshot(t, "amd-ryzen-1600")
	if r.CPU.Model != "AMD Ryzen 5 1600 Six-Core Processor" || r.CPU.Vendor != "AuthenticAMD" ||
		r.CPU.Cores != 6 || r.CPU.Threads != 12 || !r.CPU.Is64Bit {
		t.Errorf("cpu = %+v", r.CPU)
	}
	for _, f := range []string{"sse4_2", "avx2", "aes", "lm"} {
		if !strings.Contains(strings.Join(r.CPU.Flags, " "), f) {
			t.Errorf("flag %s missing from %v", f, r.CPU.Flags)
		}
	}
	if r.Memory.TotalBytes < 30<<30 || r.Memory.TotalBytes > 33<<30 {
		t.Errorf("memory = %d, want about 32 GiB", r.Memory.TotalBytes)
	}
	checkDisks(t, r, []diskWant{
		{"sda", "ssd", "sata", 256060514304},
		{"sdb", "hdd", "sata", 1000204886016},
		{"sdc", "ssd", "sata", 500107862016},
	})
	if len(r.GPUs) != 1 || r.GPUs[0].PCIID != "1002:6758" || r.GPUs[0].Generation != "" {
		t.Fatalf("gpus = %+v", r.GPUs)
	}
	if pciNamesAvailable() && !strings.Contains(r.GPUs[0].Product, "Radeon") {
		t.Errorf("gpu product = %q, want a Radeon", r.GPUs[0].Product)
	}
	if len(r.Network) != 4 {
		t.Fatalf("network = %+v", r.Network)
	}
	for _, n := range r.Network {
		if n.Kind != "wired" || n.Bus != "pci" || n.Broadcom {
			t.Errorf("nic = %+v", n)
		}
	}
	if r.Network[0].Name != "enp3s0" || r.Network[0].ID != "10ec:8168" {
		t.Errorf("first nic = %+v, want the Realtek enp3s0", r.Network[0])
	}
	// No DMI and no /sys/firmware in this capture: unknown, and said so.
	if r.System.Chassis != Unknown || r.Firmware.BootMode != Unknown || !hasWarning(r, "/sys/class/dmi") || !hasWarning(r, "boot mode") {
		t.Errorf("system %+v firmware %+v warnings %v", r.System, r.Firmware, r.Warnings)
	}
	if r.Virtualization != "none" {
		t.Errorf("virtualization = %q", r.Virtualization)
	}
}

// TestSnapshotLaptop: the i7-1270P laptop has one NVMe disk (zram and the
// dm volume are left out) and Intel CNVi Wi-Fi, which is not Broadcom.
func TestSnapshotLaptop(t *testing.T) {
	r := gatherSnapshot(t, "intel-i7-1270P")
	if r.CPU.Model != "12th Gen Intel(R) Core(TM) i7-1270P" || r.CPU.Cores != 12 || r.CPU.Threads != 16 {
		t.Errorf("cpu = %+v", r.CPU)
	}
	checkDisks(t, r, []diskWant{{"nvme0n1", "nvme", "nvme", 1024209543168}})
	if len(r.GPUs) != 1 || r.GPUs[0].PCIID != "8086:46a6" || r.GPUs[0].Driver != "i915" {
		t.Errorf("gpus = %+v", r.GPUs)
	}
	if len(r.Network) != 1 || r.Network[0].Kind != "wifi" || r.Network[0].ID != "8086:51f0" ||
		r.Network[0].Driver != "iwlwifi" || r.Network[0].Broadcom {
		t.Errorf("network = %+v", r.Network)
	}
}

// TestSnapshotServer: two Xeon L5640 packages, one HDD behind a RAID
// controller (the optical drive and zram are not disks), four Broadcom
// NetXtreme II ports: Broadcom, but wired, so not flagged.
func TestSnapshotServer(t *testing.T) {
	r := gatherSnapshot(t, "intel-xeon-L5640")
	if r.CPU.Packages != 2 || r.CPU.Cores != 12 || r.CPU.Threads != 24 || r.CPU.MaxMHz != 2270 {
		t.Errorf("cpu = %+v", r.CPU)
	}
	if strings.Contains(strings.Join(r.CPU.Flags, " "), "avx") {
		t.Errorf("a Westmere has no AVX: flags %v", r.CPU.Flags)
	}
	checkDisks(t, r, []diskWant{{"sda", "hdd", "scsi", 499558383616}})
	broadcom := 0
	for _, n := range r.Network {
		if strings.HasPrefix(n.ID, "14e4:") {
			broadcom++
			if n.Broadcom || n.Kind != "wired" {
				t.Errorf("wired Broadcom flagged as Wi-Fi: %+v", n)
			}
		}
	}
	if broadcom != 4 {
		t.Errorf("broadcom ports = %d, want 4 (network %+v)", broadcom, r.Network)
	}
}

// TestSnapshotNVIDIA: a KVM guest with a Tesla P100 passed through, whose
// generation is Pascal.
func TestSnapshotNVIDIA(t *testing.T) {
	r := gatherSnapshot(t, "xeon-e5-2695v4-nvidia")
	var nv *GPU
	for i := range r.GPUs {
		if strings.HasPrefix(r.GPUs[i].PCIID, "10de:") {
			nv = &r.GPUs[i]
		}
	}
	if nv == nil || nv.PCIID != "10de:15f8" || nv.Generation != "Pascal" || nv.Driver != "nvidia" {
		t.Fatalf("gpus = %+v", r.GPUs)
	}
	if r.Virtualization != "kvm" {
		t.Errorf("virtualization = %q, want kvm (virtio devices)", r.Virtualization)
	}
	checkDisks(t, r, []diskWant{{"sda", "hdd", "virtio", 50000003072}})
}

func TestSnapshotVM(t *testing.T) {
	r := gatherSnapshot(t, "xeon-vm")
	checkDisks(t, r, []diskWant{{"vda", "hdd", "virtio", 21474836480}})
	if r.Virtualization != "kvm" || r.Memory.TotalBytes != 2<<30 {
		t.Errorf("virtualization %q memory %d", r.Virtualization, r.Memory.TotalBytes)
	}
}

// TestSnapshotNoDisks: a capture with CPUs and memory only still gives a
// report, with every missing part named in the warnings.
func TestSnapshotNoDisks(t *testing.T) {
	r := gatherSnapshot(t, "offline-cpus")
	if len(r.Disks) != 0 || len(r.GPUs) != 0 || r.CPU.Model == Unknown || r.Memory.TotalBytes == 0 {
		t.Errorf("report = %+v", r)
	}
	if !hasWarning(r, "no disk found") || !hasWarning(r, "no graphics controller") || !hasWarning(r, "estimated") {
		t.Errorf("warnings = %v", r.Warnings)
	}
	if r.Disks == nil || r.GPUs == nil || r.Network == nil || r.Batteries == nil || r.Warnings == nil {
		t.Error("lists must be empty, not null, in the JSON form")
	}
}

// TestSnapshotsAll: every capture in the corpus probes without error.
func TestSnapshotsAll(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus(t, "ghw-snapshots"), "*.tar.gz"))
	if len(files) < 6 {
		t.Fatalf("only %d snapshots", len(files))
	}
	for _, f := range files {
		r, err := Gather(context.Background(), Options{Root: f})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if r.CPU.Threads == 0 || r.Memory.TotalBytes == 0 {
			t.Errorf("%s: cpu %+v memory %+v", filepath.Base(f), r.CPU, r.Memory)
		}
	}
}

func TestRootMissing(t *testing.T) {
	if _, err := Gather(context.Background(), Options{Root: filepath.Join(t.TempDir(), "nope.tar.gz")}); err == nil {
		t.Fatal("a root that does not exist must be an error")
	}
	notTar := filepath.Join(t.TempDir(), "x.tar.gz")
	os.WriteFile(notTar, []byte("not a tarball"), 0o644)
	if _, err := Gather(context.Background(), Options{Root: notTar}); err == nil || !strings.Contains(err.Error(), "tar.gz") {
		t.Fatalf("err = %v, want a message about the tarball", err)
	}
}
