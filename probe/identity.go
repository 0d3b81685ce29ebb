package probe

import "strings"

// dmiField names one identity field of SMBIOS, for the placeholder rule:
// firmware vendors fill each field with their own stock text ("System
// Product Name", "SKU", "x.x"), and a stock text of one field can be a real
// value of another ("Latitude" is a family, not a placeholder).
type dmiField int

const (
	fieldVendor dmiField = iota
	fieldProduct
	fieldVersion
	fieldSerial
	fieldSKU
	fieldFamily
	fieldBoardVendor
	fieldBoardProduct
	fieldChassis
)

// dmiPlaceholderAny are the stock texts of AMI, Insyde, Phoenix and
// reference-board firmware, seen in any identity field (lower case). A
// text made of one repeated character ("0000000000000000", "xxxx") is a
// placeholder too (dmiFiller).
var dmiPlaceholderAny = map[string]bool{
	"": true, Unknown: true, "none": true, "not specified": true, "not available": true,
	"not applicable": true, "n/a": true, "na": true, "default string": true,
	"to be filled by o.e.m.": true, "to be filled by oem": true, "o.e.m.": true, "oem": true,
	"x.x": true, "x.xx": true, "<bad index>": true, "undefined": true, "invalid": true,
	"empty": true, "null": true, "type1productconfigid": true, "type1family": true,
	"type2 - board vendor name1": true, "type2 - board product name1": true,
	"123456789": true, "1234567890": true, "0123456789": true,
}

// dmiPlaceholderField are stock texts that are placeholders in the named
// field only: the field's own name, as the reference firmware leaves it.
var dmiPlaceholderField = map[dmiField][]string{
	fieldVendor:       {"system manufacturer", "system manufacture", "manufacturer", "oem manufacturer"},
	fieldProduct:      {"system product name", "product name", "system name", "all series"},
	fieldVersion:      {"system version", "version"},
	fieldSerial:       {"system serial number", "serial number", "chassis serial number", "serial"},
	fieldSKU:          {"sku", "system sku#", "system sku", "sku number", "system sku number", "sku#"},
	fieldFamily:       {"family", "system family", "intel_mobile"},
	fieldBoardVendor:  {"base board manufacturer", "baseboard manufacturer", "motherboard manufacturer"},
	fieldBoardProduct: {"base board product name", "baseboard product name", "base board", "motherboard"},
	fieldChassis:      {"chassis manufacturer", "chassis version", "chassis serial number"},
}

// dmiText is v, trimmed, or "" when it is a placeholder for that field.
func dmiText(f dmiField, v string) string {
	v = strings.Join(strings.Fields(v), " ")
	low := strings.ToLower(v)
	if dmiPlaceholderAny[low] || dmiFiller(low) {
		return ""
	}
	for _, p := range dmiPlaceholderField[f] {
		if low == p {
			return ""
		}
	}
	return v
}

// dmiFiller reports a text of one repeated character: "00000000",
// "FFFFFFFF", "--", "xxxx", "...." (masked or never programmed).
func dmiFiller(low string) bool {
	if len(low) < 2 {
		return low == "0" || low == "-" || low == "."
	}
	return strings.Count(low, low[:1]) == len(low) && strings.ContainsAny(low[:1], "0fx-. *#")
}

// setDMI replaces *dst by v when v is a real value of field f.
func setDMI(dst *string, f dmiField, v string) {
	if v = dmiText(f, v); v != "" {
		*dst = v
	}
}

// nameFromBoard names the machine by its baseboard where the system block
// holds placeholders: self-built PCs and barebones (ASRock, Intel NUC)
// leave it "To Be Filled By O.E.M.", and board makers that sell complete
// desktops often fill the vendor but leave "System Product Name". Field by
// field: a real system value always wins over the board's.
func nameFromBoard(s *System, boardVendor, boardProduct string) {
	if s.Vendor == Unknown {
		setDMI(&s.Vendor, fieldBoardVendor, boardVendor)
	}
	if s.Product == Unknown {
		setDMI(&s.Product, fieldBoardProduct, boardProduct)
	}
}
