package probe

import (
	"slices"
	"strings"
)

// The facts Check needs, read from a Report once, with "unknown" kept apart
// from "no": a fact the probe could not read gives a warning, never a
// "does not fit".

const (
	gib = 1 << 30
	gb  = 1e9
)

// ramSlack is how much below the installed size the kernel may report: it
// keeps some memory for itself and for integrated graphics, so a 2 GB
// machine shows about 1.9 GiB in /proc/meminfo.
const ramSlack = 0.9

type tri int

const (
	triUnknown tri = iota
	triYes
	triNo
)

type facts struct {
	r *Report

	ramBytes     int64 // installed RAM: the modules' sum when known, else the total
	ramFromTotal bool  // ramBytes is the kernel's figure (apply ramSlack)

	cpu64      tri
	flagsKnown bool // the processor's flag list was read: a missing flag is a fact
	cores      int
	threads    int
	mhz        int

	internal []Disk // non-removable, non-USB disks
	usable   []Disk // internal disks that are not failing
	largest  Disk   // largest usable disk
	hasSSD   bool   // a usable SSD or NVMe disk
	ssdSize  int64  // largest usable SSD or NVMe

	batteries []Battery // with a known health
}

func gatherFacts(r *Report) facts {
	f := facts{r: r}
	for _, m := range r.Memory.Modules {
		f.ramBytes += m.SizeBytes
	}
	if f.ramBytes == 0 {
		f.ramBytes, f.ramFromTotal = r.Memory.TotalBytes, true
	}

	f.cores, f.threads, f.mhz = r.CPU.Cores, r.CPU.Threads, r.CPU.MaxMHz
	f.flagsKnown = flagsKnown(r.CPU)
	f.cpu64 = cpu64(r.CPU)

	for _, d := range r.Disks {
		if d.Removable || d.Medium == "usb" || d.Transport == "usb" {
			continue // the live USB stick, a card reader: not the machine's disk
		}
		f.internal = append(f.internal, d)
		if d.Health != nil && d.Health.Verdict == "failing" {
			continue
		}
		f.usable = append(f.usable, d)
		if d.SizeBytes > f.largest.SizeBytes {
			f.largest = d
		}
		if isSolidState(d) {
			f.hasSSD = true
			f.ssdSize = max(f.ssdSize, d.SizeBytes)
		}
	}
	if f.largest.Name == "" && len(f.usable) > 0 {
		f.largest = f.usable[0] // no size known: name a disk all the same
	}
	for _, b := range r.Batteries {
		if b.HealthPercent > 0 {
			f.batteries = append(f.batteries, b)
		}
	}
	return f
}

// cpu64 is yes with the "lm" flag (or the probe's own finding), no when the
// flags were read and "lm" is not among them, unknown when no flag was read
// (a dmidecode-only report says nothing of long mode).
func cpu64(c CPU) tri {
	if c.Is64Bit || slices.Contains(c.Flags, "lm") {
		return triYes
	}
	if flagsKnown(c) {
		return triNo
	}
	if known32Bit(c.Model) {
		return triNo
	}
	return triUnknown
}

// flagsKnown reports whether c.Flags is the processor's own list (from
// /proc/cpuinfo), in which a missing flag means the processor lacks it. A
// report without flags_source (written before it existed) counts as read
// when it holds more than the "lm" a dmidecode-only probe infers: every
// 64-bit processor lists sse2 at least.
func flagsKnown(c CPU) bool {
	switch c.FlagsSource {
	case FlagsCPUInfo:
		return true
	case FlagsDMI, FlagsNone:
		return false
	}
	if len(c.Flags) == 0 || !hasCPUInfoFlags(c.Flags) {
		return false
	}
	return !(len(c.Flags) == 1 && c.Flags[0] == "lm")
}

// hasCPUInfoFlags reports whether the flags look like /proc/cpuinfo's
// (lower case, as the kernel writes them): only then does a missing "lm"
// mean a 32-bit processor.
func hasCPUInfoFlags(flags []string) bool {
	for _, f := range flags {
		if f != strings.ToLower(f) {
			return false
		}
	}
	return true
}

// known32Bit names processors sold without 64-bit support that donated
// netbooks and old laptops still carry, so a dmidecode-only report (no
// flags) of such a machine is judged rather than left unknown.
// Source: Intel ARK product pages (Atom N2xx/Z5xx, Core Solo/Duo, Pentium M,
// Celeron M 3xx/4xx: "Instruction Set 32-bit").
func known32Bit(model string) bool {
	m := strings.ToLower(strings.Join(strings.Fields(model), " "))
	for _, p := range []string{"atom(tm) cpu n270", "atom(tm) cpu n280", "atom(tm) cpu z5",
		"core(tm) duo cpu t2", "core(tm) solo", "pentium(r) m processor", "celeron(r) m processor"} {
		if strings.Contains(m, p) {
			return true
		}
	}
	return false
}

func isSolidState(d Disk) bool {
	switch d.Medium {
	case "ssd", "nvme":
		return true
	}
	return false
}

// hasRAM reports whether installed RAM meets want GiB, allowing for what the
// kernel keeps when the figure is the kernel's.
func (f facts) hasRAM(wantGB float64) bool {
	want := wantGB * gib
	if f.ramFromTotal {
		want *= ramSlack
	}
	return float64(f.ramBytes) >= want
}

// ramGB is installed RAM in GiB, rounded the way a label says it: 3.8 GiB
// reported by the kernel is a 4 GB machine.
func (f facts) ramGB() float64 {
	v := float64(f.ramBytes) / gib
	if f.ramFromTotal {
		// Round up to the next half GB when within the slack.
		for _, step := range []float64{0.5, 1, 2} {
			up := float64(int(v/step)+1) * step
			if v >= up*ramSlack && v < up {
				return up
			}
		}
	}
	return v
}

// modules describes the RAM to buy: "DDR3 SO-DIMM", or "" when unknown.
func (f facts) moduleKind() string {
	var typ, form string
	for _, m := range f.r.Memory.Modules {
		if typ == "" && knownText(m.Type) {
			typ = m.Type
		}
		if form == "" && knownText(m.FormFactor) {
			form = m.FormFactor
		}
	}
	switch strings.ToUpper(strings.ReplaceAll(form, "-", "")) {
	case "SODIMM":
		form = "SO-DIMM"
	case "DIMM":
		form = "DIMM"
	}
	if typ == "" {
		return ""
	}
	return strings.TrimSpace(typ + " " + form)
}

func knownText(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", Unknown, "other", "<out of spec>", "none":
		return false
	}
	return true
}

// freeSlots is the number of empty memory slots, -1 when unknown.
func (f facts) freeSlots() int {
	m := f.r.Memory
	if m.SlotsTotal == 0 {
		return -1
	}
	used := m.SlotsUsed
	if used == 0 {
		used = len(m.Modules)
	}
	return max(m.SlotsTotal-used, 0)
}
