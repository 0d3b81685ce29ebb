package workshop

import (
	"strings"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/probe"
)

// UsableSerial rejects the placeholders firmware vendors leave in DMI, so
// that no unit is filed (or looked up) under "To be filled by O.E.M.".
func UsableSerial(s string) bool {
	if !UsableText(s) {
		return false
	}
	switch strings.ToLower(s) {
	case "to be filled by o.e.m.", "system serial number", "default string", "not specified",
		"not applicable", "none", "n/a", "--", "chassis serial number", "serial number", "0123456789":
		return false
	}
	return strings.Trim(s, "0") != "" && strings.Trim(s, "F") != "" && strings.Trim(s, "-") != ""
}

// UsableText is a report's fact that was read (not empty, not "unknown").
func UsableText(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && s != probe.Unknown
}

// WalkIn is the unit a machine the ledger does not know is registered as.
func WalkIn(r *probe.Report, serial string) inventory.NewUnit {
	nu := inventory.NewUnit{Serial: serial, Type: r.System.Chassis}
	if s := r.System.Vendor; UsableText(s) {
		nu.Vendor = s
	}
	if s := r.System.Product; UsableText(s) {
		nu.Model = s
	}
	if nu.Type == probe.Unknown {
		nu.Type = ""
	}
	return nu
}

// DiskRecords lists the disks a triage records on the unit, under the
// identity wipe and deploy find them by (probe.Disk.Identity); the internal
// disks recorded under a stand-in identity because their serial could not
// be read, as (name, identity) pairs; and the removable or USB disks left
// out (most likely the live USB stick the machine was booted from).
func DiskRecords(r *probe.Report) (recs []inventory.DiskRecord, noSerial [][2]string, skipped []probe.Disk) {
	recs = []inventory.DiskRecord{}
	for _, d := range r.Disks {
		if d.Removable || d.Medium == "usb" || d.Transport == "usb" {
			skipped = append(skipped, d)
			continue
		}
		model := ""
		if UsableText(d.Model) {
			model = strings.TrimSpace(d.Model)
		}
		id := d.Identity()
		if !UsableText(d.Serial) {
			noSerial = append(noSerial, [2]string{d.Name, id})
		}
		rec := inventory.DiskRecord{Serial: id, Medium: d.Medium, SizeBytes: d.SizeBytes, Model: model}
		if UsableText(d.Vendor) {
			rec.Vendor = d.Vendor
		}
		recs = append(recs, rec)
	}
	return recs, noSerial, skipped
}
