package probe

import (
	"path/filepath"
	"sort"
	"strings"
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

// pciDevices lists the PCI functions from /sys/bus/pci/devices: class,
// ids and bound driver, the same attributes ghw's PCI package reads.
//
// Names come afterwards, for the few devices a report shows (pciNames):
// ghw's PCI listing first parses the whole pci.ids database (1.3 MB, some
// 40,000 entries), which took most of a live probe's time — 100 to 300 ms
// on a loaded bench machine — to name a GPU and a network card.
func (s *source) pciDevices() []pciDevice {
	var out []pciDevice
	for _, addr := range s.list("/sys/bus/pci/devices") {
		if !pciAddress.MatchString(addr) {
			continue
		}
		dir := "/sys/bus/pci/devices/" + addr
		d := pciDevice{
			Address:  addr,
			Class:    hexID(s.readString(dir+"/class"), 4),
			VendorID: hexID(s.readString(dir+"/vendor"), 4),
			DeviceID: hexID(s.readString(dir+"/device"), 4),
			Driver:   s.driverOf(dir),
		}
		if d.VendorID == "" {
			// captured trees without the id files still have modalias
			d.VendorID, d.DeviceID, d.Class = parseModalias(s.readString(dir + "/modalias"))
		}
		if d.VendorID != "" {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Address < out[j].Address })
	return out
}

// hexID normalises "0x10DE" or "0x030000" to lower-case hex of n digits.
func hexID(v string, n int) string {
	v = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(v), "0x"))
	if len(v) < n {
		return ""
	}
	return v[:n]
}

// parseModalias reads "pci:v000010ECd00008168sv...bc02sc00i00".
func parseModalias(m string) (vendor, device, class string) {
	m = strings.ToLower(m)
	vi, di, bi, si := strings.Index(m, "v0000"), strings.Index(m, "d0000"), strings.Index(m, "bc"), strings.Index(m, "sc")
	if !strings.HasPrefix(m, "pci:") || vi < 0 || di < 0 || bi < 0 || si < 0 || di+9 > len(m) || vi+9 > len(m) || bi+4 > len(m) || si+4 > len(m) {
		return "", "", ""
	}
	return m[vi+5 : vi+9], m[di+5 : di+9], m[bi+2:bi+4] + m[si+2:si+4]
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
	// name only what the report shows: display and network controllers
	var shown []*pciDevice
	for i := range devs {
		if strings.HasPrefix(devs[i].Class, "03") || strings.HasPrefix(devs[i].Class, "02") {
			shown = append(shown, &devs[i])
		}
	}
	if len(shown) > 0 && !lookupPCINames(shown) {
		s.warn("probe.warn.pcidb")
	}
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
