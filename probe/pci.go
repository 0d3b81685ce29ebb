package probe

import (
	"path/filepath"
	"strings"

	"github.com/jaypipes/ghw"
)

// pciDevice is what probe needs of one PCI function.
type pciDevice struct {
	Address  string // 0000:01:00.0
	Class    string // "0300" (class and subclass, hex)
	VendorID string // "10de"
	DeviceID string // "1180"
	Vendor   string // names from the PCI ID database; "" when unknown
	Product  string
	Driver   string
}

// pciDevices lists PCI functions through ghw, which names them from the
// pci.ids database. Without that database ghw gives up, so the ids are then
// read from sysfs directly (names unknown) and a warning says so.
func (s *source) pciDevices() []pciDevice {
	info, err := ghw.PCI(s.ghwOptions()...)
	if err == nil {
		var out []pciDevice
		for _, d := range info.Devices {
			p := pciDevice{Address: d.Address, Driver: d.Driver}
			if d.Class != nil && d.Subclass != nil {
				p.Class = d.Class.ID + d.Subclass.ID
			}
			if d.Vendor != nil {
				p.VendorID, p.Vendor = d.Vendor.ID, known(d.Vendor.Name)
			}
			if d.Product != nil {
				p.DeviceID, p.Product = d.Product.ID, known(d.Product.Name)
			}
			if p.Driver == "" {
				p.Driver = s.driverOf("/sys/bus/pci/devices/" + d.Address)
			}
			out = append(out, p)
		}
		return out
	}
	s.warn("probe.warn.pcidb")
	var out []pciDevice
	for _, addr := range s.list("/sys/bus/pci/devices") {
		dir := "/sys/bus/pci/devices/" + addr
		class := strings.TrimPrefix(s.readString(dir+"/class"), "0x")
		if len(class) >= 4 {
			class = class[:4]
		}
		out = append(out, pciDevice{
			Address:  addr,
			Class:    class,
			VendorID: strings.TrimPrefix(s.readString(dir+"/vendor"), "0x"),
			DeviceID: strings.TrimPrefix(s.readString(dir+"/device"), "0x"),
			Driver:   s.driverOf(dir),
		})
	}
	return out
}

// driverOf is the name of the kernel driver bound to a sysfs device
// directory, "" when none (or not captured).
func (s *source) driverOf(dir string) string {
	t := s.linkTarget(dir + "/driver")
	if t == "" {
		return ""
	}
	return filepath.Base(t)
}

// gatherPCI fills GPUs (PCI class 03) and network interfaces.
func (s *source) gatherPCI(r *Report) {
	devs := s.pciDevices()
	byAddr := map[string]pciDevice{}
	for _, d := range devs {
		byAddr[d.Address] = d
		if !strings.HasPrefix(d.Class, "03") {
			continue
		}
		g := GPU{
			PCIID:   d.VendorID + ":" + d.DeviceID,
			Vendor:  orUnknown(d.Vendor),
			Product: orUnknown(d.Product),
			Driver:  orUnknown(d.Driver),
		}
		if d.VendorID == "10de" {
			g.Generation = nvidiaGeneration(d.DeviceID)
		}
		r.GPUs = append(r.GPUs, g)
	}
	if len(r.GPUs) == 0 {
		s.warn("probe.warn.nogpu")
	}
	s.gatherNetwork(r, byAddr)
}
