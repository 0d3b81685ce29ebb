package probe

import "strings"

// SMBIOS chassis types (DMTF DSP0134, 7.4.1 "System Enclosure or Chassis
// Types"), as numbers and as dmidecode prints them, mapped to the category a
// volunteer sorts machines by.
//
// Choices worth saying out loud:
//   - Portable 8, Laptop 9, Notebook 10, Sub Notebook 14, Convertible 31 and
//     Detachable 32 are laptops: a keyboard, a panel and a battery that travel
//     together (a detachable such as the Lenovo Miix 320 ships with its
//     keyboard).
//   - Hand Held 11 and Tablet 30 are tablets.
//   - Space-saving 15 (Dell OptiPlex SFF), Low Profile 4, Pizza Box 5, Mini
//     Tower 6, Tower 7, Sealed-case PC 24 are desktops: they need a screen and
//     a keyboard.
//   - Lunch Box 16 (OptiPlex USFF, Mac mini 5,1), Embedded PC 34, Mini PC 35
//     and Stick PC 36 are minis.
//   - Main Server Chassis 17, Rack Mount 23, Multi-system 25, Blade 28 and
//     Blade Enclosure 29 are servers.
//   - Everything else (Other 1, docking stations, expansion chassis...) is
//     other; Unknown 2 stays unknown.
var chassisTypes = []struct {
	num      int
	name     string // dmidecode's spelling, compared case-insensitively
	category string
}{
	{1, "Other", "other"},
	{2, "Unknown", Unknown},
	{3, "Desktop", "desktop"},
	{4, "Low Profile Desktop", "desktop"},
	{5, "Pizza Box", "desktop"},
	{6, "Mini Tower", "desktop"},
	{7, "Tower", "desktop"},
	{8, "Portable", "laptop"},
	{9, "Laptop", "laptop"},
	{10, "Notebook", "laptop"},
	{11, "Hand Held", "tablet"},
	{12, "Docking Station", "other"},
	{13, "All In One", "all-in-one"},
	{14, "Sub Notebook", "laptop"},
	{15, "Space-saving", "desktop"},
	{16, "Lunch Box", "mini"},
	{17, "Main Server Chassis", "server"},
	{18, "Expansion Chassis", "other"},
	{19, "Sub Chassis", "other"},
	{20, "Bus Expansion Chassis", "other"},
	{21, "Peripheral Chassis", "other"},
	{22, "RAID Chassis", "server"},
	{23, "Rack Mount Chassis", "server"},
	{24, "Sealed-case PC", "desktop"},
	{25, "Multi-system", "server"},
	{26, "CompactPCI", "other"},
	{27, "AdvancedTCA", "other"},
	{28, "Blade", "server"},
	{29, "Blade Enclosing", "server"},
	{30, "Tablet", "tablet"},
	{31, "Convertible", "laptop"},
	{32, "Detachable", "laptop"},
	{33, "IoT Gateway", "other"},
	{34, "Embedded PC", "mini"},
	{35, "Mini PC", "mini"},
	{36, "Stick PC", "mini"},
}

// chassisByNumber maps an SMBIOS chassis type number (the low 7 bits: bit 7
// is the lock flag) to its category.
func chassisByNumber(n int) string {
	n &= 0x7f
	for _, c := range chassisTypes {
		if c.num == n {
			return c.category
		}
	}
	return Unknown
}

// chassisByName maps dmidecode's chassis type text to its number and
// category; 0 and unknown when the text is not an SMBIOS type.
func chassisByName(name string) (int, string) {
	name = strings.TrimSpace(name)
	for _, c := range chassisTypes {
		if strings.EqualFold(c.name, name) {
			return c.num, c.category
		}
	}
	return 0, Unknown
}
