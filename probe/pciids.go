package probe

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// pciIDsPaths are where distributions install the PCI ID database (the
// same list pcidb searches), PCIDB_PATH first. The names are reference
// data, not facts of the probed machine: a captured tree is named with the
// database of the machine reading it.
func pciIDsPaths() []string {
	paths := []string{}
	if p := os.Getenv("PCIDB_PATH"); p != "" {
		paths = append(paths, p)
	}
	return append(paths,
		"/usr/share/hwdata/pci.ids", "/usr/share/misc/pci.ids",
		"/usr/share/hwdata/pci.ids.gz", "/usr/share/misc/pci.ids.gz")
}

// lookupPCINames sets Vendor and Product of the given devices from the
// first pci.ids found, in one streaming pass that only compares the ids
// asked for. It reports false when no database could be read.
func lookupPCINames(devs []*pciDevice) bool {
	for _, p := range pciIDsPaths() {
		// PCIDB_PATH may name anything: a pipe must not hang the probe
		f, err := fsread.Open(p)
		if err != nil {
			continue
		}
		var r io.Reader = f
		if strings.HasSuffix(p, ".gz") {
			gz, err := gzip.NewReader(f)
			if err != nil {
				f.Close()
				continue
			}
			r = gz
		}
		err = scanPCIIDs(r, devs)
		f.Close()
		if err == nil {
			return true
		}
	}
	return false
}

// scanPCIIDs reads the pci.ids format:
//
//	vendor  vendor_name
//		device  device_name
//			subvendor subdevice  subsystem_name
//	C class  class_name          (the class list ends the vendor part)
func scanPCIIDs(r io.Reader, devs []*pciDevice) error {
	want := map[string][]*pciDevice{}
	for _, d := range devs {
		want[d.VendorID] = append(want[d.VendorID], d)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var current []*pciDevice // devices of the vendor being read
	left := len(want)
	for sc.Scan() {
		line := sc.Text()
		if len(line) < 6 || line[0] == '#' {
			continue
		}
		if line[0] != '\t' {
			if strings.HasPrefix(line, "C ") {
				break
			}
			if current != nil {
				left--
				if left == 0 {
					break
				}
			}
			current = want[line[:4]]
			for _, d := range current {
				d.Vendor = strings.TrimSpace(line[4:])
			}
			continue
		}
		if current == nil || line[1] == '\t' || len(line) < 7 {
			continue
		}
		id := line[1:5]
		for _, d := range current {
			if d.DeviceID == id {
				d.Product = strings.TrimSpace(line[5:])
			}
		}
	}
	return sc.Err()
}
