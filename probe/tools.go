package probe

import (
	"context"
	"errors"
	"time"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/toolrun"
)

// toolTimeout bounds one run of dmidecode or smartctl: a dying disk can
// make smartctl hang for minutes, and the bench must go on.
const toolTimeout = 60 * time.Second

// tool runs dmidecode and smartctl: a non-zero exit is not an error when
// the program printed something (smartctl reports disk problems through
// its exit status), and a missing program is said at once.
var tool toolrun.Runner = toolrun.Exec{Timeout: toolTimeout, ExitOK: true, LookPath: true}

// runTool runs an external program and returns its standard output.
func runTool(ctx context.Context, name string, args ...string) ([]byte, error) {
	return tool.Run(ctx, name, args...)
}

// gatherDMIDecode reads dmidecode output for the report: --dmidecode FILE, a
// captured copy, or (live, as root) dmidecode itself.
func (s *source) gatherDMIDecode(ctx context.Context, o Options, r *Report) error {
	var data []byte
	switch {
	case o.DMIDecode != "":
		b, err := fsread.ReadFile(o.DMIDecode, maxCaptureFileBytes)
		if err != nil {
			return s.errorf(err, "probe.err.dmidecode_read", fsText{err})
		}
		data = b
	case s.live:
		if s.noTools {
			return nil
		}
		if !isRoot() {
			s.warn("probe.warn.dmidecode_root")
			return nil
		}
		if s.dmidecodeRun == nil {
			s.startDMIDecode(ctx)
		}
		out, err := s.dmidecodeRun.wait()
		if err != nil {
			s.warn("probe.warn.dmidecode_run", err)
			return nil
		}
		data = out
	default:
		b, ok := s.capturedFile("dmidecode.txt")
		if !ok {
			if s.tree {
				s.warn("probe.warn.dmidecode_none")
			}
			return nil
		}
		data = b
	}
	info, err := ParseDMIDecode(data)
	switch {
	case errors.Is(err, ErrNotDMIDecode) && o.DMIDecode != "":
		return s.errorf(err, "probe.err.not_dmidecode", o.DMIDecode)
	case err != nil && o.DMIDecode != "":
		return s.errorf(err, "probe.err.dmidecode_parse", o.DMIDecode, err)
	case errors.Is(err, ErrNotDMIDecode) && s.live:
		s.warn("probe.warn.dmidecode_empty")
		return nil
	case err != nil:
		s.warn("probe.warn.dmidecode_parse", err)
		return nil
	}
	s.dmidecodeOut = data
	s.applyDMI(info, r)
	return nil
}

// applyDMI merges SMBIOS facts into the report. What sysfs already said
// stays (it is the same table, read by the kernel); SMBIOS adds what only it
// knows: memory slots and modules, battery design capacity, and the CPU when
// there is no /proc/cpuinfo.
func (s *source) applyDMI(info *DMIInfo, r *Report) {
	fill := func(dst *string, v string) {
		if *dst == Unknown || *dst == "" {
			*dst = v
		}
	}
	fill(&r.System.Vendor, info.System.Vendor)
	fill(&r.System.Product, info.System.Product)
	fill(&r.System.Version, info.System.Version)
	fill(&r.System.Serial, info.System.Serial)
	fill(&r.System.SKU, info.System.SKU)
	fill(&r.System.Family, info.System.Family)
	if r.System.Chassis == Unknown && info.System.Chassis != Unknown {
		r.System.Chassis, r.System.ChassisType = info.System.Chassis, info.System.ChassisType
	}
	if info.System.Vendor != Unknown || info.System.Product != Unknown || info.Firmware.BIOSVersion != Unknown {
		// SMBIOS said what /sys/class/dmi would have: not a missing fact.
		s.dropWarning("probe.warn.dmi")
	}
	fill(&r.Firmware.BIOSVendor, info.Firmware.BIOSVendor)
	fill(&r.Firmware.BIOSVersion, info.Firmware.BIOSVersion)
	fill(&r.Firmware.BIOSDate, info.Firmware.BIOSDate)

	if r.CPU.Model == Unknown && info.CPU.Model != Unknown {
		flags := r.CPU.Flags
		r.CPU = info.CPU
		r.CPU.Flags = flags
		if info.CPU.Is64Bit {
			r.CPU.Flags = append(r.CPU.Flags, "lm")
		}
		// DMI lists no instruction set: only "lm" is inferred, the rest
		// was never read (the grade must not count it missing).
		r.CPU.FlagsSource = FlagsDMI
		if !info.Is64BitKnown {
			s.warn("probe.warn.cpu64")
		}
		if r.CPU.Threads == 0 {
			s.warn("probe.warn.cputhreads")
		}
	}

	r.Memory.SlotsTotal = info.Memory.SlotsTotal
	r.Memory.SlotsUsed = info.Memory.SlotsUsed
	r.Memory.MaxBytes = info.Memory.MaxBytes
	r.Memory.Modules = info.Memory.Modules
	if info.Memory.TotalBytes > 0 {
		// installed modules, not what the kernel kept for itself
		r.Memory.TotalBytes = info.Memory.TotalBytes
	}
	if len(r.Batteries) == 0 {
		r.Batteries = info.Batteries
	} else if len(info.Batteries) == len(r.Batteries) {
		for i := range r.Batteries {
			if r.Batteries[i].DesignWh == 0 {
				r.Batteries[i].DesignWh = info.Batteries[i].DesignWh
			}
		}
	}
	for _, b := range r.Batteries {
		if b.HealthPercent == 0 {
			s.warn("probe.warn.battery", b.Name)
		}
	}
}
