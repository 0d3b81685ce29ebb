package probe

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"

	"github.com/jaypipes/ghw"
)

// ghwOptions points ghw at the source's root. A captured tree must never
// send ghw to the live system's tools either.
//
// ghw's warnings go nowhere: atelier reports missing facts itself, in the
// user's language. WithDisableWarnings alone is not enough in v0.26: nested
// calls (PCI -> topology) reset its global log level from the environment,
// so a discarding logger, which travels in the context, is set too.
func (s *source) ghwOptions() []any {
	opts := []any{ghw.WithDisableWarnings(), ghw.WithLogger(slog.New(slog.DiscardHandler))}
	if !s.live {
		opts = append(opts, ghw.WithChroot(s.root), ghw.WithDisableTools())
	}
	return opts
}

// gatherTree reads every fact a /sys and /proc tree holds.
//
// Disks come first so that smartctl starts on them at once; then the other
// groups run side by side (each writes its own part of the report), which
// on a loaded bench machine hides most of the time spent waiting on sysfs.
// Each group keeps its warnings apart, merged in a fixed order, so that a
// report reads the same from one run to the next.
func (s *source) gatherTree(ctx context.Context, r *Report) {
	s.safely("disks", func() { s.gatherDisks(r) })
	s.startSmartctl(ctx, r.Disks)
	groups := [][]func(*source){
		{func(g *source) { g.gatherIdentity(r) }, func(g *source) { g.gatherVirtualization(ctx, r) }},
		{func(g *source) { g.gatherCPU(r) }},
		{func(g *source) { g.gatherMemory(r) }},
		{func(g *source) { g.gatherPCI(r) }},
		{func(g *source) { g.gatherFirmware(r) }, func(g *source) { g.gatherBatteries(r) }, func(g *source) { g.gatherDisplay(r) }},
	}
	subs := make([]*source, len(groups))
	var wg sync.WaitGroup
	for i, steps := range groups {
		sub := *s // same root and options, its own warnings
		sub.warnings = nil
		subs[i] = &sub
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j, step := range steps {
				if ctx.Err() != nil {
					return
				}
				subs[i].safely(fmt.Sprintf("%d.%d", i, j), func() { step(subs[i]) })
			}
		}()
	}
	wg.Wait()
	for _, sub := range subs {
		for _, w := range sub.warnings {
			s.addWarning(w)
		}
	}
}

// safely runs one gathering step; a panic in it (a library meeting a
// capture stranger than it expects) costs that step's facts, with a
// warning, never the whole report.
func (s *source) safely(step string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			s.warn("probe.warn.step_failed", step, p)
		}
	}()
	f()
}

// known turns ghw's placeholders ("unknown", "", "None", OEM fillers) into
// "" so callers can tell a real value from none.
func known(v string) string {
	v = strings.TrimSpace(v)
	switch strings.ToLower(v) {
	case "", Unknown, "none", "not specified", "not available", "n/a", "default string",
		"to be filled by o.e.m.", "system product name", "system manufacturer",
		"system version", "system serial number", "0", "--", "123456789", "oem":
		return ""
	}
	return v
}

// set replaces *dst by v when v is a real value.
func set(dst *string, v string) {
	if v = known(v); v != "" {
		*dst = v
	}
}

// gatherIdentity reads product, chassis and BIOS from /sys/class/dmi.
func (s *source) gatherIdentity(r *Report) {
	if !s.exists("/sys/class/dmi/id") {
		s.warn("probe.warn.dmi")
		return
	}
	if p, err := ghw.Product(s.ghwOptions()...); err == nil {
		setDMI(&r.System.Vendor, fieldVendor, p.Vendor)
		setDMI(&r.System.Product, fieldProduct, p.Name)
		setDMI(&r.System.Version, fieldVersion, p.Version)
		setDMI(&r.System.Serial, fieldSerial, p.SerialNumber)
		setDMI(&r.System.SKU, fieldSKU, p.SKU)
		r.System.Family = dmiText(fieldFamily, p.Family)
	}
	if r.System.Vendor == Unknown || r.System.Product == Unknown {
		// "To Be Filled By O.E.M.", "System Product Name": named by the board.
		if b, err := ghw.Baseboard(s.ghwOptions()...); err == nil {
			nameFromBoard(&r.System, b.Vendor, b.Product)
		}
	}
	if c, err := ghw.Chassis(s.ghwOptions()...); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(c.Type)); err == nil {
			r.System.ChassisType = n & 0x7f
			r.System.Chassis = chassisByNumber(n)
		}
	}
	if b, err := ghw.BIOS(s.ghwOptions()...); err == nil {
		set(&r.Firmware.BIOSVendor, b.Vendor)
		set(&r.Firmware.BIOSVersion, b.Version)
		set(&r.Firmware.BIOSDate, b.Date)
	}
	if r.System.Serial == Unknown && !isRoot() && s.live {
		// product_serial is readable by root only.
		s.warn("probe.warn.serial_root")
	}
}

// importantFlags are the CPU flags a target OS or the grade looks at.
var importantFlags = []string{"lm", "pae", "nx", "sse2", "sse4_2", "avx", "avx2", "aes"}

func (s *source) gatherCPU(r *Report) {
	info, err := ghw.CPU(s.ghwOptions()...)
	if err != nil || len(info.Processors) == 0 {
		s.warn("probe.warn.cpuinfo")
		return
	}
	p := info.Processors[0]
	set(&r.CPU.Model, strings.Join(strings.Fields(p.Model), " "))
	set(&r.CPU.Vendor, p.Vendor)
	r.CPU.Packages = len(info.Processors)
	r.CPU.Cores = int(info.TotalCores)
	r.CPU.Threads = int(info.TotalHardwareThreads)
	have := map[string]bool{}
	for _, f := range p.Capabilities {
		have[f] = true
	}
	r.CPU.Flags = nil
	for _, f := range importantFlags {
		if have[f] {
			r.CPU.Flags = append(r.CPU.Flags, f)
		}
	}
	r.CPU.Is64Bit = have["lm"]
	r.CPU.FlagsSource = FlagsCPUInfo
	var estimated bool
	r.CPU.MaxMHz, estimated = s.cpuMaxMHz(r.CPU.Model)
	switch {
	case r.CPU.MaxMHz == 0:
		s.warn("probe.warn.cpufreq")
	case estimated:
		s.warn("probe.warn.cpufreq_estimated")
	}
}

// cpuMaxMHz is the highest frequency the CPU reaches: cpufreq's
// cpuinfo_max_freq (kHz) over all CPUs, else the rated speed in the model
// name ("@ 1.60GHz"), else the highest "cpu MHz" line of /proc/cpuinfo
// (then estimated is true: that is the clock of the moment, often lower).
func (s *source) cpuMaxMHz(model string) (mhz int, estimated bool) {
	best := int64(0)
	for _, c := range s.list("/sys/devices/system/cpu") {
		if !strings.HasPrefix(c, "cpu") {
			continue
		}
		if khz, ok := s.readInt("/sys/devices/system/cpu/" + c + "/cpufreq/cpuinfo_max_freq"); ok && khz > best {
			best = khz
		}
	}
	if best > 0 {
		return int(best / 1000), false
	}
	if mhz := ratedMHz(model); mhz > 0 {
		return mhz, false
	}
	for _, line := range strings.Split(s.readString("/proc/cpuinfo"), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(k) == "cpu MHz" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && int64(f) > best {
				best = int64(f + 0.5)
			}
		}
	}
	return int(best), best > 0
}

// ratedMHz reads "@ 2.40GHz" or "@ 800MHz" at the end of a CPU model name.
func ratedMHz(model string) int {
	_, after, ok := strings.Cut(model, "@")
	if !ok {
		return 0
	}
	v := strings.ToLower(strings.TrimSpace(after))
	mult := 1.0
	switch {
	case strings.HasSuffix(v, "ghz"):
		v, mult = strings.TrimSuffix(v, "ghz"), 1000
	case strings.HasSuffix(v, "gh"): // Dell BIOSes cut "2.80GHz" to "2.80GH"
		v, mult = strings.TrimSuffix(v, "gh"), 1000
	case strings.HasSuffix(v, "mhz"):
		v = strings.TrimSuffix(v, "mhz")
	default:
		return 0
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return 0
	}
	return int(f*mult + 0.5)
}

func (s *source) gatherMemory(r *Report) {
	m, err := ghw.Memory(s.ghwOptions()...)
	if err != nil {
		s.warn("probe.warn.meminfo")
		return
	}
	r.Memory.TotalBytes = m.TotalPhysicalBytes
	if r.Memory.TotalBytes <= 0 {
		r.Memory.TotalBytes = m.TotalUsableBytes
	}
}
