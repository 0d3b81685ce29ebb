package probe

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// grade gives the first grade of the grid whose every criterion the
// machine meets, its meaning, and what the next better grade would need.
// An unknown fact does not meet a criterion: a grade is a promise.
func grade(f facts, rules GradeRules) (string, Text, []i18n.Msg) {
	for i, r := range rules.Grades {
		if len(unmetCriteria(f, r)) > 0 {
			continue
		}
		var why []i18n.Msg
		if len(f.internal) == 0 {
			why = append(why, i18n.M("check.grade.nodisk"))
		}
		if !f.flagsKnown && len(r.CPUFlags) > 0 {
			why = append(why, i18n.M("check.grade.flags_unread", r.Grade, strings.Join(r.CPUFlags, ", ")))
		}
		if i > 0 {
			why = append(why, unmetCriteria(f, rules.Grades[i-1])...)
		}
		return r.Grade, r.Meaning, why
	}
	return Unknown, Text{}, nil
}

// unmetCriteria lists, in words, each criterion of r the machine misses.
func unmetCriteria(f facts, r GradeRule) []i18n.Msg {
	var out []i18n.Msg
	miss := func(key string, args ...any) {
		out = append(out, i18n.M(key, append([]any{r.Grade}, args...)...))
	}
	if r.MinRAMGB > 0 && (f.ramBytes == 0 || !f.hasRAM(r.MinRAMGB)) {
		miss("check.grade.ram", gbSize(r.MinRAMGB), ramText(f))
	}
	// A machine that came without a disk (a DSI often keeps them) is graded
	// as if fitted with the SSD the advice asks for: storage criteria are
	// left out, and the grade says so.
	noDisk := len(f.internal) == 0
	if r.SSD && !f.hasSSD && !noDisk {
		miss("check.grade.ssd")
	}
	if r.MinStorageGB > 0 && !noDisk && (!r.SSD || f.hasSSD) { // no SSD at all is said once above
		size := f.largest.SizeBytes
		if r.SSD {
			size = f.ssdSize
		}
		if size == 0 && !r.SSD {
			miss("check.grade.storage_unknown", gbSize(r.MinStorageGB))
		} else if float64(size) < r.MinStorageGB*gb {
			miss("check.grade.storage", gbSize(r.MinStorageGB), gbSize(float64(size)/gb))
		}
	}
	if r.Require64Bit && f.cpu64 != triYes {
		miss("check.grade.64bit")
	}
	if r.MinCores > 0 && f.cores < r.MinCores {
		miss("check.grade.cores", r.MinCores, countText(f.cores))
	}
	if r.MinThreads > 0 && f.threads < r.MinThreads {
		miss("check.grade.threads", r.MinThreads, countText(f.threads))
	}
	// Flags never read (a dmidecode-only probe) are not held against the
	// machine: the grade says it did not check them instead.
	for _, flag := range r.CPUFlags {
		if !f.flagsKnown {
			break
		}
		if !slices.ContainsFunc(f.r.CPU.Flags, func(s string) bool { return strings.EqualFold(s, flag) }) {
			miss("check.grade.flag", flag)
		}
	}
	if r.MinBatteryPct > 0 {
		for _, b := range f.batteries {
			if b.HealthPercent < r.MinBatteryPct {
				miss("check.grade.battery", percent(r.MinBatteryPct), percent(b.HealthPercent))
			}
		}
	}
	return out
}

// countText is "(has 2)", or "(unknown)" when the count is 0: a
// processor always has at least one core, so 0 means not read.
func countText(n int) i18n.Msg {
	if n <= 0 {
		return i18n.M("check.grade.has_unknown")
	}
	return i18n.M("check.grade.has", strconv.Itoa(n))
}

// ramText is "(has 2 GB)", or "(unknown)".
func ramText(f facts) i18n.Msg {
	if f.ramBytes == 0 {
		return i18n.M("check.grade.has_unknown")
	}
	return i18n.M("check.grade.has", gbSize(f.ramGB()))
}
