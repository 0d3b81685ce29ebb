package probe

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var pciAddress = regexp.MustCompile(`^[[:xdigit:]]{4}:[[:xdigit:]]{2}:[[:xdigit:]]{2}\.[[:xdigit:]]$`)

// broadcomVendor is Broadcom's PCI and USB vendor id: its Wi-Fi chips need a
// proprietary driver (broadcom-sta) that Zorin installs over the network.
const broadcomVendor = "14e4"

// gatherNetwork lists physical network interfaces from /sys/class/net.
// Virtual ones (lo, bridges, tunnels, containers) live under
// /sys/devices/virtual and are left out.
func (s *source) gatherNetwork(r *Report, pci map[string]pciDevice) {
	seen := map[string]bool{}
	for _, name := range s.list("/sys/class/net") {
		base := "/sys/class/net/" + name
		target := s.linkTarget(base)
		if target == "" || strings.Contains(target, "/virtual/") {
			continue
		}
		nic := NIC{Name: name, Kind: "wired", Bus: Unknown, ID: Unknown, Vendor: Unknown, Product: Unknown, Driver: Unknown}
		if s.exists(base+"/wireless") || s.exists(base+"/phy80211") || strings.HasPrefix(name, "wl") {
			nic.Kind = "wifi"
		}
		// The "device" link is relative to the interface's real directory,
		// not to its /sys/class/net alias (a symlink itself).
		dev := s.linkTarget(target + "/device")
		hasDevice := dev != ""
		if dev == "" && filepath.Base(filepath.Dir(target)) == "net" {
			// captured trees keep the interface directory but not its
			// "device" link: the device is the directory above net/.
			dev = filepath.Dir(filepath.Dir(target))
		}
		if drv := s.driverOf(dev); drv != "" {
			nic.Driver = drv
		}
		bus, at := s.busOf(dev)
		if bus == "" && !hasDevice {
			// No device behind it and no bus above it: a software interface
			// (veth, docker, bridge) outside /sys/devices/virtual, which
			// would only show as "wired [unknown] unknown unknown".
			continue
		}
		switch bus {
		case "pci":
			nic.Bus = "pci"
			seen[filepath.Base(at)] = true
			if d, ok := pci[filepath.Base(at)]; ok {
				nic.ID = d.VendorID + ":" + d.DeviceID
				nic.Vendor, nic.Product = orUnknown(d.Vendor), orUnknown(d.Product)
				if nic.Driver == Unknown && d.Driver != "" {
					nic.Driver = d.Driver
				}
				if d.Class == "0280" {
					nic.Kind = "wifi" // network controller, "other": Wi-Fi in practice
				}
			} else {
				v := strings.TrimPrefix(s.readString(at+"/vendor"), "0x")
				d := strings.TrimPrefix(s.readString(at+"/device"), "0x")
				if v != "" && d != "" {
					nic.ID = v + ":" + d
				}
			}
		case "usb":
			nic.Bus = "usb"
			v, p := s.readString(at+"/idVendor"), s.readString(at+"/idProduct")
			if v != "" && p != "" {
				nic.ID = v + ":" + p
			}
			set(&nic.Vendor, s.readString(at+"/manufacturer"))
			set(&nic.Product, s.readString(at+"/product"))
		}
		nic.Broadcom = nic.Kind == "wifi" && strings.HasPrefix(nic.ID, broadcomVendor+":")
		r.Network = append(r.Network, nic)
	}
	// A controller without a driver has no interface: exactly the case of a
	// Broadcom Wi-Fi card on a fresh live system. List it from PCI.
	for _, d := range sortedPCI(pci) {
		if seen[d.Address] || (d.Class != "0200" && d.Class != "0280") {
			continue
		}
		nic := NIC{Kind: "wired", Bus: "pci", ID: d.VendorID + ":" + d.DeviceID,
			Vendor: orUnknown(d.Vendor), Product: orUnknown(d.Product), Driver: orUnknown(d.Driver)}
		if d.Class == "0280" {
			nic.Kind = "wifi"
		}
		nic.Broadcom = nic.Kind == "wifi" && d.VendorID == broadcomVendor
		r.Network = append(r.Network, nic)
	}
}

func sortedPCI(m map[string]pciDevice) []pciDevice {
	out := make([]pciDevice, 0, len(m))
	for _, d := range m {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Address < out[j].Address })
	return out
}

// busOf walks up from a device directory to the PCI function or USB device
// it hangs from (a virtio NIC sits under its PCI function, a USB NIC's
// interface under its USB device) and returns the bus and that directory.
func (s *source) busOf(dev string) (bus, at string) {
	for p, depth := dev, 0; p != "" && p != "/" && depth < 4; p, depth = filepath.Dir(p), depth+1 {
		switch {
		case pciAddress.MatchString(filepath.Base(p)):
			return "pci", p
		case s.exists(p + "/idVendor"):
			return "usb", p
		}
	}
	return "", ""
}
