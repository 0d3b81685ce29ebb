package probe

import (
	"regexp"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// A DSI technician judges a batch before sending it, from its GLPI or OCS
// export: no machine at hand, so the Report holds only what an inventory
// says (processor model text, RAM, disk size, maker and model). Every other
// fact stays unknown, and the facts an inventory never holds (cores, disk
// type, screen, graphics, battery) are left to the bench's own check
// instead of turning every row into "with warnings".

// SourceInventory is the Report.Source of a report built from an
// inventory export.
const SourceInventory = "inventory"

// FitsCannotTell is a Precheck's Fits when an essential (64-bit processor,
// RAM) is not in the export and nothing rules the machine out.
const FitsCannotTell = "cannot_tell"

// ReportFromInventory builds the partial Report of a machine known only by
// its inventory line. cpu is the processor's model text ("Intel(R)
// Core(TM) i5-2520M CPU @ 2.50GHz", "Intel Atom N270"); 0 or "" means the
// export does not say. Whether the processor is 64-bit is read from its
// model; a model atelier does not recognise is unknown, never a guess.
func ReportFromInventory(vendor, model, cpu string, cpuMHz int, ramBytes, diskBytes int64) *Report {
	r := &Report{
		Schema:         Schema,
		Source:         SourceInventory,
		System:         System{Vendor: inventoryText(vendor), Product: inventoryText(model), Version: Unknown, Serial: Unknown, SKU: Unknown, Chassis: Unknown},
		Firmware:       Firmware{BootMode: Unknown, SecureBoot: Unknown, BIOSVendor: Unknown, BIOSVersion: Unknown, BIOSDate: Unknown},
		CPU:            CPU{Model: inventoryText(cpu), Vendor: Unknown, MaxMHz: max(cpuMHz, 0), Flags: []string{}, FlagsSource: FlagsNone},
		Memory:         Memory{TotalBytes: max(ramBytes, 0)},
		Disks:          []Disk{},
		GPUs:           []GPU{},
		Network:        []NIC{},
		Batteries:      []Battery{},
		Virtualization: Unknown,
		Warnings:       []Note{},
	}
	switch canonical, bits := inventoryCPU(cpu); bits {
	case triYes:
		r.CPU.Is64Bit = true
	case triNo:
		// Check reads "32-bit" from the model with no flags: give it the
		// processor's own brand string, which it knows.
		r.CPU.Model = canonical
	}
	if diskBytes > 0 {
		r.Disks = append(r.Disks, Disk{Name: "disk", Model: Unknown, Serial: Unknown, SizeBytes: diskBytes, Medium: Unknown, Transport: Unknown})
	}
	return r
}

// inventoryText is an export's field, "unknown" when empty.
func inventoryText(s string) string { return orUnknown(strings.TrimSpace(s)) }

// inventoryCPUClean lowers a model text and drops the marks and words that
// vary between inventories: "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz" and
// "Intel Core i5-2520M" become "intel core i5-2520m".
var inventoryCPUClean = strings.NewReplacer("(r)", " ", "(tm)", " ", "®", " ", "™", " ", "(c)", " ")

// inventoryCPU32 are processors sold without 64-bit support that donated
// netbooks and old laptops carry, matched on the cleaned text, each with
// the brand string Check's own list (known32Bit) recognises. Atom N2600
// and N2800 are 64-bit: only N270 and N280 are named.
var inventoryCPU32 = []struct {
	re    *regexp.Regexp
	brand string
}{
	{regexp.MustCompile(`\batom (?:cpu )?n270\b`), "Intel(R) Atom(TM) CPU N270"},
	{regexp.MustCompile(`\batom (?:cpu )?n280\b`), "Intel(R) Atom(TM) CPU N280"},
	{regexp.MustCompile(`\batom (?:cpu )?z5\d\d\b`), "Intel(R) Atom(TM) CPU Z5"},
	{regexp.MustCompile(`\bcore duo\b`), "Intel(R) Core(TM) Duo CPU T2"},
	{regexp.MustCompile(`\bcore solo\b`), "Intel(R) Core(TM) Solo"},
	{regexp.MustCompile(`\bpentium m\b`), "Intel(R) Pentium(R) M processor"},
	{regexp.MustCompile(`\bceleron m(?: processor)?(?: [34]\d\d\b|$| \d\.\d)`), "Intel(R) Celeron(R) M processor"},
}

// inventoryCPU64 are families that are 64-bit throughout (Intel ARK, AMD
// product pages): every Core 2 and Core i, Core Ultra and Core m, Celeron
// and Pentium of the N, J, G and Silver/Gold lines, Atom x5/x7 and the
// 64-bit Atoms of nettops (N4xx, N5xx, D4xx, D5xx, N2600/N2800), AMD's
// Ryzen, Athlon 64/II/Silver/Gold, Phenom, Turion, A- and E-series APUs,
// Xeon, EPYC.
var inventoryCPU64 = regexp.MustCompile(`\bcore ?2\b|\bcore i[3579]\b|\bcore i[3579]-|\bcore (?:ultra|m\d?)\b|` +
	`\b(?:celeron|pentium)(?: cpu| silver| gold)? [njgb]\d{3,4}|\bpentium (?:silver|gold)\b|\bceleron [23]\d{3}[a-z]?\b|` +
	`\batom (?:cpu )?(?:x[57]|n[45]\d\d|d[45]\d\d|n2[68]00)\b|` +
	`\bryzen\b|\bathlon (?:64|ii|silver|gold|\d{3}ge)\b|\bphenom\b|\bturion\b|\bxeon\b|\bepyc\b|` +
	`\bamd (?:a(?:4|6|8|9|10|12)|e[12]?)-\d`)

// inventoryCPU says whether a processor model text names a 64-bit
// processor (triYes), a 32-bit one (triNo, with the brand string Check
// knows) or neither (triUnknown). The clean-text lists come first; Check's
// own knowledge of model names (is64BitModel, known32Bit) covers the rest.
func inventoryCPU(text string) (brand string, bits tri) {
	m := strings.ToLower(inventoryCPUClean.Replace(strings.ToLower(text)))
	m = strings.Join(strings.Fields(strings.NewReplacer(" cpu @", " @", "genuine intel", "intel").Replace(m)), " ")
	if at := strings.Index(m, " @"); at >= 0 {
		m = strings.TrimSpace(m[:at])
	}
	for _, p := range inventoryCPU32 {
		if p.re.MatchString(m) {
			return p.brand, triNo
		}
	}
	if inventoryCPU64.MatchString(m) {
		return text, triYes
	}
	if known32Bit(text) {
		return text, triNo
	}
	if is64, ok := is64BitModel(text); ok {
		if is64 {
			return text, triYes
		}
		return text, triNo
	}
	return text, triUnknown
}

// Precheck is the verdict on one target for a machine known only by its
// inventory line. Fits is yes, warn, no or cannot_tell (an essential is not
// in the export and nothing rules the machine out). Reasons come first the
// weightiest; Advice is what to fit for it to fit well.
type Precheck struct {
	Target     string     `json:"target"`
	Name       string     `json:"name"`
	Fits       string     `json:"fits"`
	CannotTell []string   `json:"cannot_tell"`
	Reasons    []i18n.Msg `json:"reasons"`
	Advice     []i18n.Msg `json:"advice"`
}

// PrecheckReport judges a report from ReportFromInventory against every
// target of set, as Check does, leaving out the reasons that only say a
// fact no inventory holds is unknown (cores, processor speed when the
// export has none, disk presence and type): those are looked at on the
// bench. A processor atelier does not recognise is said as such.
func PrecheckReport(r *Report, set ProfileSet) []Precheck {
	v := Check(r, set)
	out := make([]Precheck, 0, len(v.Targets))
	for i, t := range v.Targets {
		p := set.Profiles[i]
		drop, dropAdvice := precheckNoise(r, p, set.Policy)
		pc := Precheck{Target: t.Target, Name: t.Name, Fits: t.Fits, CannotTell: append([]string{}, v.CannotTell...),
			Reasons: []i18n.Msg{}, Advice: []i18n.Msg{}}
		for _, m := range t.Reasons {
			switch {
			case drop[msgID(m)]:
			case m.Key == "check.cpu.64unknown":
				pc.Reasons = append(pc.Reasons, precheckCPUUnknown(r))
			default:
				pc.Reasons = append(pc.Reasons, m)
			}
		}
		for _, m := range t.Advice {
			if !dropAdvice[msgID(m)] {
				pc.Advice = append(pc.Advice, m)
			}
		}
		switch {
		case pc.Fits == FitsNo:
		case len(pc.CannotTell) > 0:
			pc.Fits = FitsCannotTell
		case pc.Fits == FitsWarn && len(pc.Reasons) == 0:
			pc.Fits = FitsYes
		}
		out = append(out, pc)
	}
	return out
}

// precheckNoise are the reason and advice texts Check gives p for facts an
// inventory export does not hold, by msgID.
func precheckNoise(r *Report, p Profile, pol Policy) (reasons, advice map[string]bool) {
	reasons, advice = map[string]bool{}, map[string]bool{}
	if r.CPU.Cores == 0 && r.CPU.Threads == 0 {
		reasons[msgID(i18n.M("check.cpu.cores_unknown"))] = true
	}
	if r.CPU.MaxMHz == 0 {
		reasons[msgID(i18n.M("check.cpu.mhz_unknown"))] = true
	}
	ssdGB := max(p.StorageGB.Value, pol.HandoverSSDGB.Value)
	if len(r.Disks) == 0 {
		reasons[msgID(i18n.M("check.storage.none", gbSize(p.StorageGB.Value)))] = true
		advice[msgID(i18n.M("check.advice.disk_fit", gbSize(ssdGB)))] = true
	}
	for _, d := range r.Disks {
		if d.Medium == Unknown {
			reasons[msgID(i18n.M("check.policy.ssd"))] = true
			advice[msgID(i18n.M("check.advice.ssd", gbSize(ssdGB)))] = true
		}
	}
	return reasons, advice
}

// precheckCPUUnknown says why the processor could not be judged: the
// export names none, or a model atelier does not recognise.
func precheckCPUUnknown(r *Report) i18n.Msg {
	if r.CPU.Model == Unknown {
		return i18n.M("precheck.cpu.none")
	}
	return i18n.M("precheck.cpu.unknown", r.CPU.Model)
}

// Facts an export may lack for every machine (PrecheckGaps).
const (
	GapCPU  = "cpu"
	GapRAM  = "ram"
	GapDisk = "disk"
)

// PrecheckGaps lists the facts that no machine of an export has (GapCPU,
// GapRAM, GapDisk, in that order): a column the export lacks, or one empty
// on every line. Such a gap is the export's, said once to whoever made it,
// not a fault of each machine.
func PrecheckGaps(rs []*Report) []string {
	var cpu, ram, disk bool
	for _, r := range rs {
		cpu = cpu || r.CPU.Model != Unknown
		ram = ram || r.Memory.TotalBytes > 0
		disk = disk || len(r.Disks) > 0
	}
	var gaps []string
	for _, g := range []struct {
		has bool
		gap string
	}{{cpu, GapCPU}, {ram, GapRAM}, {disk, GapDisk}} {
		if !g.has && len(rs) > 0 {
			gaps = append(gaps, g.gap)
		}
	}
	return gaps
}

// PrecheckWithoutGaps leaves out of pc's reasons those that only repeat an
// export-wide gap ("RAM size unknown" on every line of an export with no
// memory column); the verdict itself stays (cannot_tell).
func PrecheckWithoutGaps(pc Precheck, gaps []string) Precheck {
	drop := map[string]bool{}
	for _, g := range gaps {
		switch g {
		case GapRAM:
			drop["check.ram.unknown"] = true
		case GapCPU:
			drop["precheck.cpu.none"] = true
		}
	}
	reasons := make([]i18n.Msg, 0, len(pc.Reasons))
	for _, m := range pc.Reasons {
		if !drop[m.Key] {
			reasons = append(reasons, m)
		}
	}
	pc.Reasons = reasons
	return pc
}
