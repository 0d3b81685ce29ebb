package probe

import (
	"os"
	"path/filepath"
	"testing"
)

// On this project's CI machine (a Firecracker microVM whose root
// filesystem came from a Docker image, so /.dockerenv exists) gopsutil
// answers "docker"; the probe must say what the hardware is: a KVM guest.
func TestLiveVirtualizationIgnoresContainers(t *testing.T) {
	tree := func(v string) func() string { return func() string { return v } }
	for _, c := range []struct {
		system, role, tree, want string
	}{
		{"docker", "guest", "kvm", "kvm"},
		{"docker", "guest", "vm", "vm"},
		{"lxc", "guest", Unknown, Unknown},
		{"kvm", "guest", "none", "kvm"},
		{"vmware", "guest", Unknown, "vmware"},
		{"kvm", "host", "none", "none"},
		{"", "", Unknown, "none"},
	} {
		if got := liveVirtualization(c.system, c.role, tree(c.tree)); got != c.want {
			t.Errorf("gopsutil %q/%q, tree %q: got %q, want %q", c.system, c.role, c.tree, got, c.want)
		}
	}
}

// A microVM (Firecracker, cloud-hypervisor) has no DMI and no PCI bus: its
// virtio devices sit on MMIO. The tree says kvm, not just "a VM".
func TestTreeVirtualizationVirtioMMIO(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"sys/bus/virtio/devices/virtio0", "sys/bus/pci/devices", "proc"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cpuinfo := "processor\t: 0\nflags\t\t: fpu vme hypervisor\n"
	if err := os.WriteFile(filepath.Join(root, "proc/cpuinfo"), []byte(cpuinfo), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &source{root: root, tree: true}
	if got := s.treeVirtualization(newReport(Options{})); got != "kvm" {
		t.Errorf("virtio-mmio tree: got %q, want kvm", got)
	}
	if err := os.Remove(filepath.Join(root, "sys/bus/virtio/devices/virtio0")); err != nil {
		t.Fatal(err)
	}
	if got := s.treeVirtualization(newReport(Options{})); got != "vm" {
		t.Errorf("hypervisor flag alone: got %q, want vm", got)
	}
}
