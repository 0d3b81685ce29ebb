package probe

import (
	"os"
	"strings"
)

// secureBootVar is the EFI global variable holding the Secure Boot state
// (UEFI spec 2.x, "Globally Defined Variables"; GUID EFI_GLOBAL_VARIABLE).
const secureBootVar = "SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"

// gatherFirmware reads the boot mode from /sys/firmware/efi: present means
// the running system was booted by UEFI, absent means legacy BIOS (or CSM).
func (s *source) gatherFirmware(r *Report) {
	if !s.exists("/sys/firmware") {
		// Captured trees that never copied /sys/firmware say nothing
		// about the boot mode, which is not the same as "BIOS".
		s.warn("probe.warn.bootmode")
		return
	}
	if !s.exists("/sys/firmware/efi") {
		r.Firmware.BootMode = "bios"
		r.Firmware.SecureBoot = "disabled" // Secure Boot exists only under UEFI
		return
	}
	r.Firmware.BootMode = "uefi"
	if bits, ok := s.readInt("/sys/firmware/efi/fw_platform_size"); ok && (bits == 32 || bits == 64) {
		r.Firmware.UEFIBits = int(bits)
	} else {
		s.warn("probe.warn.uefibits")
	}
	// efivarfs files start with 4 attribute bytes; the value is the last
	// byte: 1 enabled, 0 disabled.
	b, err := s.readFile("/sys/firmware/efi/efivars/" + secureBootVar)
	switch {
	case err == nil && len(b) >= 5:
		if b[len(b)-1] == 1 {
			r.Firmware.SecureBoot = "enabled"
		} else {
			r.Firmware.SecureBoot = "disabled"
		}
	case os.IsNotExist(err) && len(s.list("/sys/firmware/efi/efivars")) > 0:
		// efivarfs mounted, other variables there, not this one: the
		// firmware has no Secure Boot. (An empty folder is efivarfs not
		// mounted: then nothing is known.)
		r.Firmware.SecureBoot = "disabled"
	default:
		s.warn("probe.warn.secureboot")
	}
}

// gatherBatteries reads /sys/class/power_supply/BAT*: energy_* in µWh or,
// on some laptops, charge_* in µAh (then multiplied by the design voltage).
func (s *source) gatherBatteries(r *Report) {
	for _, name := range s.list("/sys/class/power_supply") {
		dir := "/sys/class/power_supply/" + name
		if t := s.readString(dir + "/type"); t != "Battery" && !strings.HasPrefix(name, "BAT") {
			continue
		}
		if scope := s.readString(dir + "/scope"); scope == "Device" {
			continue // a mouse or keyboard battery
		}
		b := Battery{Name: name, Manufacturer: known(s.readString(dir + "/manufacturer")), Model: known(s.readString(dir + "/model_name"))}
		design, okD := s.readInt(dir + "/energy_full_design")
		full, okF := s.readInt(dir + "/energy_full")
		if okD && okF {
			b.DesignWh, b.FullWh = float64(design)/1e6, float64(full)/1e6
		} else {
			cd, okD := s.readInt(dir + "/charge_full_design")
			cf, okF := s.readInt(dir + "/charge_full")
			uv, okV := s.readInt(dir + "/voltage_min_design")
			if okD && okF && okV {
				b.DesignWh = float64(cd) * float64(uv) / 1e12
				b.FullWh = float64(cf) * float64(uv) / 1e12
			} else if okD && okF && cd > 0 {
				b.HealthPercent = round1(float64(cf) * 100 / float64(cd))
			}
		}
		if b.DesignWh > 0 {
			b.DesignWh, b.FullWh = round1(b.DesignWh), round1(b.FullWh)
			b.HealthPercent = round1(b.FullWh * 100 / b.DesignWh)
		}
		if b.HealthPercent == 0 {
			s.warn("probe.warn.battery", name)
		}
		if c, ok := s.readInt(dir + "/cycle_count"); ok && c > 0 {
			b.Cycles = int(c)
		}
		r.Batteries = append(r.Batteries, b)
	}
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }
