package probe

import (
	"math"
	"slices"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// judge builds the verdict of one target: every rule adds a reason (making
// the target "no" or "warn") and, when something can be done, advice.
type judge struct {
	f   facts
	p   Profile
	pol Policy

	fits      string
	reasons   []i18n.Msg
	advice    []i18n.Msg
	noUpgrade bool // the machine cannot fit whatever is added
}

func (j *judge) no(key string, args ...any)   { j.add(FitsNo, key, args...) }
func (j *judge) warn(key string, args ...any) { j.add(FitsWarn, key, args...) }

func (j *judge) add(level, key string, args ...any) {
	switch {
	case level == FitsNo:
		j.fits = FitsNo
	case j.fits != FitsNo:
		j.fits = FitsWarn
	}
	j.reasons = appendNewMsg(j.reasons, i18n.M(key, args...))
}

// noFigure is no() for a reason that rests on a figure; an unconfirmed
// figure is said to be so.
func (j *judge) noFigure(fig Figure, key string, args ...any) {
	j.no(key, args...)
	if !fig.Firm() {
		last := len(j.reasons) - 1
		j.reasons[last] = i18n.M("check.unconfirmed.after", j.reasons[last])
	}
}

func (j *judge) advise(key string, args ...any) {
	j.advice = appendNewMsg(j.advice, i18n.M(key, args...))
}

// upgrade is advice to buy or fit a part: left out when nothing can make
// the machine fit.
func (j *judge) upgrade(key string, args ...any) {
	if j.noUpgrade {
		return
	}
	j.advice = appendNewMsg(j.advice, i18n.M(key, args...))
}

func (j *judge) verdict() TargetVerdict {
	fits := j.fits
	if fits == "" {
		fits = FitsYes
	}
	t := TargetVerdict{Target: j.p.Target, Name: j.p.Name, Fits: fits, Reasons: j.reasons, Advice: j.advice}
	if t.Reasons == nil {
		t.Reasons = []i18n.Msg{}
	}
	if t.Advice == nil {
		t.Advice = []i18n.Msg{}
	}
	return t
}

func (j *judge) run() {
	// A 32-bit processor cannot be upgraded into a fit: advice to buy RAM
	// or an SSD for it would waste the association's parts.
	j.noUpgrade = j.p.CPU64Bit.Value && j.f.cpu64 == triNo
	if !j.p.EditionConfirmed.Value {
		j.warn("check.edition.unconfirmed", j.p.Name)
	}
	j.cpu()
	j.ram()
	j.storage()
	j.diskHealth()
	j.display()
	j.drivers()
	j.firmware()
	j.battery()
	if v := j.f.r.Virtualization; v != "" && v != "none" && v != Unknown {
		j.warn("check.vm", v)
	}
}

func (j *judge) cpu() {
	f, p := j.f, j.p
	if p.CPU64Bit.Value {
		switch f.cpu64 {
		case triNo:
			j.no("check.cpu.not64", p.Name)
			j.advise("check.advice.cpu32")
		case triUnknown:
			j.warn("check.cpu.64unknown")
		}
	}
	if p.CPUMinCores.Set() {
		min := int(p.CPUMinCores.Value)
		switch {
		case f.cores == 0 && f.threads == 0:
			j.warn("check.cpu.cores_unknown")
		case f.cores == 0 && f.threads >= min:
			// Core count unknown but enough logical processors: no reason.
		case f.cores == 0:
			j.noFigure(p.CPUMinCores, "check.cpu.threads", f.threads, p.Name, min)
		case f.cores >= min:
		case f.threads >= min:
			j.warn("check.cpu.cores_ht", f.cores, f.threads, p.Name, min)
		default:
			j.noFigure(p.CPUMinCores, "check.cpu.cores", f.cores, p.Name, min)
		}
	}
	if p.CPUMinMHz.Set() {
		min := int(p.CPUMinMHz.Value)
		switch {
		case f.mhz == 0:
			j.warn("check.cpu.mhz_unknown")
		case f.mhz < min:
			// A warning, not a "no": without cpufreq the probe reads the
			// clock of the moment, which an idle CPU lowers below its rating.
			j.warn("check.cpu.mhz", f.mhz, p.Name, min)
		}
	}
}

func (j *judge) ram() {
	f, p := j.f, j.p
	if f.ramBytes == 0 {
		j.warn("check.ram.unknown")
		return
	}
	have := gbSize(f.ramGB())
	switch {
	case !f.hasRAM(p.RAMMinGB.Value):
		j.noFigure(p.RAMMinGB, "check.ram.below_min", have, p.Name, gbSize(p.RAMMinGB.Value))
	case p.RAMRecGB.Set() && !f.hasRAM(p.RAMRecGB.Value):
		j.warn("check.ram.below_rec", have, p.Name, gbSize(p.RAMRecGB.Value))
	}
	if h := j.pol.HandoverRAMGB; h.Set() && !f.hasRAM(h.Value) {
		j.warn("check.policy.ram", have, gbSize(h.Value))
	}
	// One piece of advice: reach the highest bar among the edition's
	// minimum, its recommendation and the house policy.
	want := max(p.RAMMinGB.Value, p.RAMRecGB.Value, j.pol.HandoverRAMGB.Value)
	if !f.hasRAM(want) {
		j.ramAdvice(want)
	}
}

// ramAdvice says what RAM to buy: "add 2 GB of DDR3 SO-DIMM to reach 4 GB
// (1 free slot, 8 GB max)".
func (j *judge) ramAdvice(wantGB float64) {
	f := j.f
	maxBytes := j.f.r.Memory.MaxBytes
	if maxBytes > 0 && wantGB*gib > float64(maxBytes) {
		j.upgrade("check.advice.ram_cap", gbSize(float64(maxBytes)/gib), gbSize(wantGB))
		wantGB = float64(maxBytes) / gib
		if f.ramGB() >= wantGB {
			return
		}
	}
	add := math.Ceil(wantGB - f.ramGB())
	var kind any = f.moduleKind()
	if kind == "" {
		kind = i18n.M("check.ram.kind_unknown")
	}
	var details msgList
	switch n := f.freeSlots(); {
	case n < 0:
		details = append(details, i18n.M("check.slots.unknown"))
	case n == 0:
		details = append(details, i18n.M("check.slots.none"))
	case n == 1:
		details = append(details, i18n.M("check.slots.one"))
	default:
		details = append(details, i18n.M("check.slots.many", n))
	}
	if maxBytes > 0 {
		details = append(details, i18n.M("check.ram.max", gbSize(float64(maxBytes)/gib)))
	} else {
		details = append(details, i18n.M("check.ram.max_unknown"))
	}
	j.upgrade("check.advice.ram", gbSize(add), kind, gbSize(wantGB), details)
}

func (j *judge) storage() {
	f, p := j.f, j.p
	need := p.StorageGB.Value
	ssdGB := max(need, j.pol.HandoverSSDGB.Value)
	switch {
	case len(f.internal) == 0:
		j.warn("check.storage.none", gbSize(need))
		j.upgrade("check.advice.disk_fit", gbSize(ssdGB))
		return
	case len(f.usable) == 0:
		j.no("check.storage.all_failing")
		j.upgrade("check.advice.disk_fit", gbSize(ssdGB))
		return
	case f.largest.SizeBytes == 0:
		// A capture that gives health but not size (smartctl -A): the
		// size is unknown, not 0 GB, and no disk is advised.
		j.warn("check.storage.unknown", diskLabel(f.largest))
		return
	case float64(f.largest.SizeBytes) < need*gb:
		j.noFigure(p.StorageGB, "check.storage.small", diskLabel(f.largest), gbSize(float64(f.largest.SizeBytes)/gb), p.Name, gbSize(need))
		j.upgrade("check.advice.disk_larger", gbSize(ssdGB))
		return
	}
	if !j.pol.HandoverSSD.Value {
		return
	}
	switch {
	case !f.hasSSD:
		j.warn("check.policy.ssd")
		j.upgrade("check.advice.ssd", gbSize(ssdGB))
	case j.pol.HandoverSSDGB.Set() && float64(f.ssdSize) < j.pol.HandoverSSDGB.Value*gb:
		j.warn("check.policy.ssd_small", gbSize(float64(f.ssdSize)/gb), gbSize(j.pol.HandoverSSDGB.Value))
		j.upgrade("check.advice.disk_larger", gbSize(ssdGB))
	}
}

func (j *judge) diskHealth() {
	for _, d := range j.f.internal {
		if d.Health == nil {
			continue
		}
		var why any = Unknown
		if len(d.Health.Reasons) > 0 {
			why = d.Health.Reasons[0] // the first is the weightiest; the probe lists them all
		}
		switch d.Health.Verdict {
		case "failing":
			j.warn("check.disk.failing", diskLabel(d), why)
			j.advise("check.advice.failing", diskLabel(d))
		case "worn":
			j.warn("check.disk.worn", diskLabel(d), why)
			j.advise("check.advice.worn", diskLabel(d))
		}
	}
}

// diskLabel names a disk the way a volunteer finds it: "sda (ST500LM012)".
func diskLabel(d Disk) string {
	if knownText(d.Model) {
		return d.Name + " (" + strings.TrimSpace(d.Model) + ")"
	}
	return d.Name
}

func (j *judge) display() {
	d, p := j.f.r.Display, j.p
	if d.Width == 0 || d.Height == 0 || !p.DisplayMinW.Set() || !p.DisplayMinH.Set() {
		return // no internal panel (a desktop), or not read
	}
	if float64(d.Width) < p.DisplayMinW.Value || float64(d.Height) < p.DisplayMinH.Value {
		j.warn("check.display.small", d.Width, d.Height, p.Name, int(p.DisplayMinW.Value), int(p.DisplayMinH.Value))
	}
}

// drivers covers hardware whose driver is not free or not on the installer:
// NVIDIA generations and Broadcom Wi-Fi. It remembers which third-party
// drivers the machine needs, for the Secure Boot rule.
func (j *judge) drivers() {
	var thirdParty []string
	for _, g := range j.f.r.GPUs {
		if !isNVIDIA(g) {
			continue
		}
		gen := g.Generation
		if gen == "" || gen == Unknown {
			thirdParty = append(thirdParty, "NVIDIA")
			continue
		}
		if slices.ContainsFunc(j.p.NVIDIA.OpenOnly.Generations, func(s string) bool { return strings.EqualFold(s, gen) }) {
			j.warn("check.nvidia.open_only", gen, gpuLabel(g), j.p.Name)
			j.advise("check.advice.nvidia_open", gen, j.p.Name)
			continue
		}
		thirdParty = append(thirdParty, "NVIDIA")
		for _, b := range j.p.NVIDIA.LastBranch {
			if slices.ContainsFunc(b.Generations, func(s string) bool { return strings.EqualFold(s, gen) }) {
				j.advise("check.advice.nvidia_last", gen, int(b.Branch.Value))
			}
		}
	}
	for _, n := range j.f.r.Network {
		if n.Broadcom {
			j.warn("check.broadcom", nicLabel(n))
			j.advise("check.advice.broadcom")
			thirdParty = append(thirdParty, "Broadcom Wi-Fi")
		}
	}
	if j.f.r.Firmware.SecureBoot == "enabled" && len(thirdParty) > 0 {
		j.warn("check.secureboot", strings.Join(slices.Compact(thirdParty), ", "))
		j.advise("check.advice.secureboot")
	}
}

func isNVIDIA(g GPU) bool {
	return strings.HasPrefix(strings.ToLower(g.PCIID), "10de:") || strings.Contains(strings.ToLower(g.Vendor), "nvidia")
}

func gpuLabel(g GPU) string {
	if knownText(g.Product) {
		return g.Product
	}
	return g.PCIID
}

func nicLabel(n NIC) string {
	if knownText(n.Product) {
		return n.Product
	}
	return n.ID
}

func (j *judge) firmware() {
	if j.f.r.Firmware.UEFIBits == 32 {
		j.warn("check.uefi32")
		j.advise("check.advice.uefi32")
	}
}

func (j *judge) battery() {
	min := j.pol.BatteryMinPct
	if !min.Set() {
		return
	}
	for _, b := range j.f.batteries {
		if b.HealthPercent < min.Value {
			pct := percent(b.HealthPercent)
			j.warn("check.policy.battery", pct, percent(min.Value))
			j.upgrade("check.advice.battery", pct)
		}
	}
}
