package probe

import (
	"context"
	"strings"

	"github.com/shirou/gopsutil/v4/host"
)

// gatherVirtualization says whether the machine is a virtual machine.
//
// Live, gopsutil answers. For a captured tree it is not used: gopsutil
// caches its answer for the whole process, so a second tree would get the
// first one's answer (or the live system's). The tree is read directly
// instead: hypervisor vendors in DMI and on the PCI bus, virtio devices,
// then the CPU's "hypervisor" flag.
func (s *source) gatherVirtualization(ctx context.Context, r *Report) {
	if s.live {
		system, role, err := host.VirtualizationWithContext(ctx)
		if err == nil {
			r.Virtualization = liveVirtualization(system, role, func() string { return s.treeVirtualization(r) })
		}
	}
	if r.Virtualization == "" || r.Virtualization == Unknown {
		r.Virtualization = s.treeVirtualization(r)
	}
	if r.Virtualization == Unknown {
		s.warn("probe.warn.virt")
	}
}

// containerSystems are gopsutil's answers that describe the process's
// surroundings, not the hardware: a Firecracker or KVM guest whose root
// filesystem came from a Docker image keeps /.dockerenv and is called
// "docker", though atelier runs on a virtual machine there.
var containerSystems = map[string]bool{
	"docker": true, "podman": true, "lxc": true, "openvz": true, "rkt": true,
	"systemd-nspawn": true, "linux-vserver": true, "container-other": true,
}

// liveVirtualization picks the answer from gopsutil's (system, role) and
// the tree's own reading: a hypervisor gopsutil names is kept; a container,
// or a host running VMs, is left to the tree (DMI, PCI, virtio, CPU flag).
func liveVirtualization(system, role string, tree func() string) string {
	if role == "guest" && system != "" && !containerSystems[system] {
		return system
	}
	if v := tree(); v != Unknown {
		return v
	}
	if role == "guest" {
		return Unknown
	}
	return "none"
}

// hypervisorPCIVendors are PCI vendor ids only virtual hardware uses.
var hypervisorPCIVendors = map[string]string{
	"1af4": "kvm",        // Red Hat virtio (QEMU/KVM)
	"1b36": "kvm",        // Red Hat QEMU devices
	"15ad": "vmware",     // VMware SVGA, vmxnet
	"80ee": "virtualbox", // InnoTek VirtualBox
	"1414": "hyperv",     // Microsoft Hyper-V
	"5853": "xen",        // XenSource platform device
}

func (s *source) treeVirtualization(r *Report) string {
	dmi := strings.ToLower(s.readString("/sys/class/dmi/id/sys_vendor") + " " +
		s.readString("/sys/class/dmi/id/product_name") + " " + r.System.Vendor + " " + r.System.Product)
	for _, v := range []struct{ needle, name string }{
		{"qemu", "kvm"}, {"kvm", "kvm"}, {"vmware", "vmware"}, {"virtualbox", "virtualbox"},
		{"innotek", "virtualbox"}, {"xen", "xen"}, {"bochs", "kvm"},
		{"microsoft corporation virtual machine", "hyperv"},
	} {
		if strings.Contains(dmi, v.needle) {
			return v.name
		}
	}
	for _, addr := range s.list("/sys/bus/pci/devices") {
		v := strings.TrimPrefix(s.readString("/sys/bus/pci/devices/"+addr+"/vendor"), "0x")
		if name, ok := hypervisorPCIVendors[v]; ok {
			return name
		}
	}
	// virtio devices with no PCI bus to show them (virtio-mmio): a KVM
	// microVM such as Firecracker.
	if len(s.list("/sys/bus/virtio/devices")) > 0 {
		return "kvm"
	}
	cpuinfo := s.readString("/proc/cpuinfo")
	if cpuinfo == "" {
		return Unknown
	}
	for _, line := range strings.Split(cpuinfo, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "flags" {
			for _, f := range strings.Fields(v) {
				if f == "hypervisor" {
					return "vm"
				}
			}
			return "none"
		}
	}
	return Unknown
}
