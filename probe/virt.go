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
// instead: hypervisor vendors in DMI and on the PCI bus, then the CPU's
// "hypervisor" flag.
func (s *source) gatherVirtualization(ctx context.Context, r *Report) {
	if s.live {
		system, role, err := host.VirtualizationWithContext(ctx)
		if err == nil {
			switch {
			case role == "guest" && system != "":
				r.Virtualization = system
				return
			case role != "guest":
				// a host running VMs is still physical hardware
				if v := s.treeVirtualization(r); v != Unknown {
					r.Virtualization = v
					return
				}
				r.Virtualization = "none"
				return
			}
		}
	}
	r.Virtualization = s.treeVirtualization(r)
	if r.Virtualization == Unknown {
		s.warn("probe.warn.virt")
	}
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
