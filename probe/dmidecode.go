package probe

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// DMISection is one structure of dmidecode's text output:
//
//	Handle 0x0003, DMI type 3, 21 bytes
//	Chassis Information
//		Type: Notebook
//		Characteristics:
//			64-bit capable
type DMISection struct {
	Handle string
	Type   int
	Title  string
	Fields map[string]string   // "Type" -> "Notebook"
	Lists  map[string][]string // "Characteristics" -> ["64-bit capable", ...]
}

// ErrNotDMIDecode is returned for input with no "Handle ..., DMI type N"
// line: not a dmidecode dump at all.
var ErrNotDMIDecode = errors.New("no DMI structure found (is it dmidecode output?)")

// ParseDMISections splits dmidecode text output into its structures.
// Unknown structures and odd lines are kept or skipped, never fatal: dumps
// from 2002 BIOSes and 2023 ones differ in many small ways.
func ParseDMISections(data []byte) ([]DMISection, error) {
	var out []DMISection
	var cur *DMISection
	var listKey string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.HasPrefix(line, "Handle ") {
			sec, ok := parseHandleLine(line)
			if !ok {
				cur = nil
				continue
			}
			out = append(out, sec)
			cur, listKey = &out[len(out)-1], ""
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.HasPrefix(line, "\t") && (cur == nil || cur.Title != "") {
			// A title with no Handle line before it: some anonymising
			// tools replace that line (linuxhw dumps do). Known titles
			// still start their structure.
			title := strings.TrimSpace(line)
			if t, ok := titleTypes[title]; ok {
				out = append(out, DMISection{Type: t, Title: title, Fields: map[string]string{}, Lists: map[string][]string{}})
				cur, listKey = &out[len(out)-1], ""
			} else {
				cur = nil
			}
			continue
		}
		if cur == nil {
			continue
		}
		switch {
		case !strings.HasPrefix(line, "\t"):
			cur.Title = strings.TrimSpace(line)
		case strings.HasPrefix(line, "\t\t"):
			if listKey != "" {
				cur.Lists[listKey] = append(cur.Lists[listKey], strings.TrimSpace(line))
			}
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				continue
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if v == "" {
				listKey = k
				continue
			}
			listKey = ""
			if _, dup := cur.Fields[k]; !dup {
				cur.Fields[k] = v
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read dmidecode output: %w", err)
	}
	if len(out) == 0 {
		return nil, ErrNotDMIDecode
	}
	return out, nil
}

// titleTypes are the structure titles dmidecode prints for the types
// atelier reads.
var titleTypes = map[string]int{
	"BIOS Information":       0,
	"System Information":     1,
	"Base Board Information": 2,
	"Chassis Information":    3,
	"Processor Information":  4,
	"Physical Memory Array":  16,
	"Memory Device":          17,
	"Portable Battery":       22,
}

// parseHandleLine reads "Handle 0x0003, DMI type 3, 21 bytes".
func parseHandleLine(line string) (DMISection, bool) {
	parts := strings.Split(line, ",")
	if len(parts) < 2 {
		return DMISection{}, false
	}
	handle := strings.TrimSpace(strings.TrimPrefix(parts[0], "Handle"))
	t := strings.TrimSpace(parts[1])
	if !strings.HasPrefix(t, "DMI type ") {
		return DMISection{}, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(t, "DMI type "))
	if err != nil || n < 0 || n > 255 {
		return DMISection{}, false
	}
	return DMISection{Handle: handle, Type: n, Fields: map[string]string{}, Lists: map[string][]string{}}, true
}

// DMIInfo is what atelier takes from a dmidecode dump.
type DMIInfo struct {
	System   System
	Firmware Firmware // BIOS vendor, version, date only
	CPU      CPU      // from type 4; Is64BitKnown says whether Is64Bit is a fact
	// Is64BitKnown is true when type 4 lists its characteristics (SMBIOS
	// 2.5+): only then is a missing "64-bit capable" meaningful.
	Is64BitKnown bool
	Memory       Memory // slots, modules, maximum; TotalBytes = sum of modules
	Batteries    []Battery
}

// ParseDMIDecode reads a dmidecode text dump: BIOS (type 0), system (1),
// baseboard (2, for the vendor or product the system block leaves as a
// placeholder), chassis (3), processor (4), memory arrays (16) and devices
// (17), and batteries (22).
func ParseDMIDecode(data []byte) (*DMIInfo, error) {
	secs, err := ParseDMISections(data)
	if err != nil {
		return nil, err
	}
	info := &DMIInfo{
		System:   System{Vendor: Unknown, Product: Unknown, Version: Unknown, Serial: Unknown, SKU: Unknown, Chassis: Unknown},
		Firmware: Firmware{BIOSVendor: Unknown, BIOSVersion: Unknown, BIOSDate: Unknown},
		CPU:      CPU{Model: Unknown, Vendor: Unknown},
	}
	memArrays := map[string]bool{} // handles of system memory arrays
	var devices, procs []DMISection
	var boardVendor, boardProduct string
	seen := map[int]bool{}
	for _, sec := range secs {
		f := sec.Fields
		first := !seen[sec.Type]
		seen[sec.Type] = true
		switch sec.Type {
		case 0:
			if first {
				set(&info.Firmware.BIOSVendor, f["Vendor"])
				set(&info.Firmware.BIOSVersion, f["Version"])
				set(&info.Firmware.BIOSDate, f["Release Date"])
			}
		case 1:
			if first {
				setDMI(&info.System.Vendor, fieldVendor, f["Manufacturer"])
				setDMI(&info.System.Product, fieldProduct, f["Product Name"])
				setDMI(&info.System.Version, fieldVersion, f["Version"])
				setDMI(&info.System.Serial, fieldSerial, f["Serial Number"])
				setDMI(&info.System.SKU, fieldSKU, f["SKU Number"])
				info.System.Family = dmiText(fieldFamily, f["Family"])
			}
		case 2:
			if first {
				boardVendor, boardProduct = f["Manufacturer"], f["Product Name"]
			}
		case 3:
			if first {
				info.System.ChassisType, info.System.Chassis = chassisByName(f["Type"])
			}
		case 4:
			procs = append(procs, sec)
		case 16:
			if u := f["Use"]; u != "" && u != "System Memory" {
				continue
			}
			memArrays[sec.Handle] = true
			info.Memory.MaxBytes += parseDMISize(f["Maximum Capacity"])
			if n, err := strconv.Atoi(f["Number Of Devices"]); err == nil && n > 0 && n < 1024 {
				info.Memory.SlotsTotal += n
			}
		case 17:
			devices = append(devices, sec)
		case 22:
			info.addBattery(sec)
		}
	}
	nameFromBoard(&info.System, boardVendor, boardProduct)
	info.addProcessors(procs)
	info.addMemoryDevices(devices, memArrays)
	info.Memory.MaxBytes = boardMaxBytes(info.Memory)
	return info, nil
}

// boardMaxBytes is the board's maximum RAM: SMBIOS's Maximum Capacity,
// unless the modules fitted prove it understated, as old BIOSes do (a
// ThinkPad T60 says 2 GB and holds 2 GB + 1 GB; a Dimension 5100 says 1 GB
// and holds 4 GB). The true figure is then unknown (0): a guess such as
// "each slot takes the largest module fitted" would be right for the T60
// (4 GB) and twice too much for the Dimension (its chipset stops at 4 GB).
func boardMaxBytes(m Memory) int64 {
	if m.TotalBytes > m.MaxBytes {
		return 0
	}
	return m.MaxBytes
}

// addProcessors reads type 4 structures. Empty sockets are skipped, unless
// every socket says so (coreboot marks its only CPU "Unpopulated").
func (info *DMIInfo) addProcessors(secs []DMISection) {
	var cpus, populated []DMISection
	for _, sec := range secs {
		if t := sec.Fields["Type"]; t != "" && t != "Central Processor" {
			continue
		}
		cpus = append(cpus, sec)
		if !strings.HasPrefix(sec.Fields["Status"], "Unpopulated") {
			populated = append(populated, sec)
		}
	}
	if len(populated) == 0 && len(cpus) > 0 {
		populated = cpus[:1]
	}
	for _, sec := range populated {
		info.addProcessor(sec)
	}
	if info.CPU.Model != Unknown && !info.Is64BitKnown {
		info.CPU.Is64Bit, info.Is64BitKnown = is64BitModel(info.CPU.Model)
	}
	if r := ratedMHz(info.CPU.Model); r > 0 {
		// BIOSes often put the socket's limit in Max Speed (5200 MHz
		// for a 3 GHz Core 2); the rated speed in the name is the fact.
		info.CPU.MaxMHz = r
	}
}

func (info *DMIInfo) addProcessor(sec DMISection) {
	f := sec.Fields
	info.CPU.Packages++
	if info.CPU.Model == Unknown {
		set(&info.CPU.Model, strings.Join(strings.Fields(f["Version"]), " "))
		if info.CPU.Model == Unknown {
			// "Version: Not Specified": the family is all there is
			set(&info.CPU.Model, strings.TrimSpace(f["Manufacturer"]+" "+f["Family"]))
		}
		set(&info.CPU.Vendor, f["Manufacturer"])
	}
	cores, _ := strconv.Atoi(f["Core Count"])
	threads, _ := strconv.Atoi(f["Thread Count"])
	if cores > 0 && cores < 4096 {
		info.CPU.Cores += cores
	}
	if threads > 0 && threads < 8192 {
		info.CPU.Threads += threads
	}
	if mhz := parseMHz(f["Max Speed"]); mhz > info.CPU.MaxMHz {
		info.CPU.MaxMHz = mhz
	}
	if chars, ok := sec.Lists["Characteristics"]; ok {
		info.Is64BitKnown = true
		for _, c := range chars {
			if c == "64-bit capable" {
				info.CPU.Is64Bit = true
			}
		}
	}
}

// addMemoryDevices turns type 17 structures of system memory arrays into
// slots and modules. "No Module Installed" is an empty slot.
func (info *DMIInfo) addMemoryDevices(devices []DMISection, arrays map[string]bool) {
	total := 0
	for _, d := range devices {
		if h := d.Fields["Array Handle"]; len(arrays) > 0 && h != "" && !arrays[h] {
			continue // flash or cache arrays
		}
		total++
		size := parseDMISize(d.Fields["Size"])
		if size <= 0 {
			continue
		}
		m := Module{
			Slot:       orUnknown(known(d.Fields["Locator"])),
			SizeBytes:  size,
			Type:       memoryType(d.Fields["Type"]),
			FormFactor: formFactor(d.Fields["Form Factor"]),
			SpeedMTs:   parseMHz(d.Fields["Speed"]),
		}
		info.Memory.Modules = append(info.Memory.Modules, m)
		info.Memory.TotalBytes += size
	}
	info.Memory.SlotsUsed = len(info.Memory.Modules)
	if total > info.Memory.SlotsTotal {
		info.Memory.SlotsTotal = total
	}
	if info.Memory.SlotsTotal < info.Memory.SlotsUsed {
		info.Memory.SlotsTotal = info.Memory.SlotsUsed
	}
}

func (info *DMIInfo) addBattery(sec DMISection) {
	f := sec.Fields
	if strings.Contains(f["Manufacturer"], "Virtual Battery") || f["Location"] == "Fake" {
		return // firmware reference-board placeholder, not a battery
	}
	b := Battery{
		Name:         orUnknown(known(f["Location"])),
		Manufacturer: known(f["Manufacturer"]),
		Model:        known(f["Name"]),
	}
	if v, ok := strings.CutSuffix(f["Design Capacity"], " mWh"); ok {
		if mwh, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && mwh > 0 && mwh < 1e7 {
			// SBDS batteries multiply the capacity field
			if mult, err := strconv.Atoi(f["Design Capacity Multiplier"]); err == nil && mult > 1 {
				mwh *= float64(mult)
			}
			b.DesignWh = round1(mwh / 1000)
		}
	}
	info.Batteries = append(info.Batteries, b)
}

// parseDMISize reads "4096 MB", "8 GB", "1 TB", "512 kB"; 0 for "No Module
// Installed", "Unknown" and anything else.
func parseDMISize(v string) int64 {
	num, unit, ok := strings.Cut(strings.TrimSpace(v), " ")
	if !ok {
		return 0
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > 1<<20 {
		return 0
	}
	unit, _, _ = strings.Cut(unit, " ")
	switch unit {
	case "kB", "KB":
		return n << 10
	case "MB":
		return n << 20
	case "GB":
		return n << 30
	case "TB":
		return n << 40
	}
	return 0
}

// parseMHz reads "1333 MT/s", "1600 MHz"; 0 for "Unknown".
func parseMHz(v string) int {
	num, unit, ok := strings.Cut(strings.TrimSpace(v), " ")
	if !ok || (unit != "MHz" && unit != "MT/s") {
		return 0
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 || n > 100000 {
		return 0
	}
	return n
}

// memoryType keeps the reported type (DDR3, DDR4, LPDDR5...), or unknown.
func memoryType(v string) string {
	v = strings.TrimSpace(v)
	switch v {
	case "", "Unknown", "Other":
		return Unknown
	}
	return v
}

// formFactor names a module's shape the way RAM is sold: DIMM or SO-DIMM.
func formFactor(v string) string {
	switch strings.TrimSpace(v) {
	case "SODIMM":
		return "SO-DIMM"
	case "DIMM":
		return "DIMM"
	case "Row Of Chips":
		return "soldered"
	case "", "Unknown", "Other":
		return Unknown
	}
	return strings.TrimSpace(v)
}

// is64BitModel decides 64-bit capability from the CPU name when SMBIOS is
// too old to list characteristics. Only families that are all 64-bit (or
// all 32-bit) are named; anything else stays unknown (ok false).
var atom32Bit = regexp.MustCompile(`atom\(tm\) cpu n2[78]0\b`)

func is64BitModel(model string) (is64, ok bool) {
	m := strings.ToLower(model)
	// Only the N270 and N280 of the Atom N2xx line lack 64-bit: the later
	// N2600 and N2800 have it.
	if strings.Contains(m, "atom(tm) cpu n2") {
		return !atom32Bit.MatchString(m), true
	}
	for _, p := range []string{"atom(tm) cpu z5", "pentium m", "pentium(r) m ", "celeron(r) m ", "core(tm) duo", "core(tm) solo", "pentium(r) 4 cpu 1", "athlon(tm) xp"} {
		if strings.Contains(m, p) {
			return false, true
		}
	}
	for _, p := range []string{"core(tm)2", "core(tm) i", "core(tm) ultra", "ryzen", "athlon(tm) 64", "athlon(tm) ii", "phenom", "turion", "xeon", "epyc", "core(tm) m"} {
		if strings.Contains(m, p) {
			return true, true
		}
	}
	return false, false
}
