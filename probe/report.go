// Package probe turns hardware facts (live system, captured /sys and /proc
// trees, dmidecode text, smartctl JSON) into one Report, and judges a Report
// against requirement profiles and the association's house policy.
//
// It needs no database: cmd/atelier records Reports and Verdicts in the
// ledger on its behalf.
package probe

import "time"

// Schema names the version of the Report's JSON form. Bump it when a field
// changes meaning or disappears; adding fields keeps the version.
// v2: warnings and health reasons are keyed notes instead of sentences.
const Schema = "atelier.probe/v2"

// SchemaV1 is the form written before v2; it is still read (its warnings
// and reasons are sentences, shown as they are).
const SchemaV1 = "atelier.probe/v1"

// KnownSchema reports whether s is a Report form this atelier reads.
func KnownSchema(s string) bool { return s == Schema || s == SchemaV1 }

// Unknown is the value of a text fact that could not be read.
const Unknown = "unknown"

// Report is everything atelier knows about one machine. Numbers that could
// not be read are 0 (and named in Warnings); texts are "unknown" or empty.
type Report struct {
	Schema         string    `json:"schema"`
	ProbedAt       time.Time `json:"probed_at"`
	Tool           string    `json:"tool"`   // "atelier 0.1.0"
	Source         string    `json:"source"` // "live", "root:/path", "dmidecode:/path" ...
	System         System    `json:"system"`
	Firmware       Firmware  `json:"firmware"`
	CPU            CPU       `json:"cpu"`
	Memory         Memory    `json:"memory"`
	Disks          []Disk    `json:"disks"`
	GPUs           []GPU     `json:"gpus"`
	Network        []NIC     `json:"network"`
	Batteries      []Battery `json:"batteries"`
	Display        Display   `json:"display"`
	Virtualization string    `json:"virtualization"` // "none", "kvm", "vmware"... or "unknown"
	Warnings       []Note    `json:"warnings"`
}

// System is the DMI identity of the machine.
type System struct {
	Vendor  string `json:"vendor"`
	Product string `json:"product"`
	Version string `json:"version"`
	Serial  string `json:"serial"`
	SKU     string `json:"sku"`
	// Family is the product line ("ThinkPad T480", "Aspire 3"), "" when
	// the firmware leaves a placeholder.
	Family string `json:"family,omitempty"`
	// Chassis is one of laptop, desktop, all-in-one, mini, tablet, server,
	// other, unknown, from the DMI chassis type.
	Chassis     string `json:"chassis"`
	ChassisType int    `json:"chassis_type,omitempty"` // raw SMBIOS number
}

// Firmware is how the machine boots.
type Firmware struct {
	BootMode    string `json:"boot_mode"`           // "uefi", "bios" or "unknown"
	UEFIBits    int    `json:"uefi_bits,omitempty"` // 32 or 64 (fw_platform_size)
	SecureBoot  string `json:"secure_boot"`         // "enabled", "disabled", "unknown"
	BIOSVendor  string `json:"bios_vendor"`
	BIOSVersion string `json:"bios_version"`
	BIOSDate    string `json:"bios_date"`
}

// CPU is the processor (the first package's model; counts over all).
// Where CPU.Flags come from.
const (
	FlagsCPUInfo = "cpuinfo"
	FlagsDMI     = "dmi"
	FlagsNone    = "none"
)

type CPU struct {
	Model    string   `json:"model"`
	Vendor   string   `json:"vendor"` // "GenuineIntel", "AuthenticAMD"...
	Packages int      `json:"packages"`
	Cores    int      `json:"cores"`   // physical cores
	Threads  int      `json:"threads"` // logical processors
	MaxMHz   int      `json:"max_mhz"`
	Is64Bit  bool     `json:"is_64bit"` // "lm" flag
	Flags    []string `json:"flags"`    // only those that matter: sse4_2, avx2, aes, lm, pae, nx
	// FlagsSource says where Flags come from: FlagsCPUInfo (the processor's
	// own list, so a missing flag is a fact), FlagsDMI ("lm" at most,
	// inferred from DMI: the other flags were never read) or FlagsNone.
	// Reports written before the field existed leave it empty.
	FlagsSource string `json:"flags_source,omitempty"`
}

// Memory is the installed RAM and, from SMBIOS, the slots.
type Memory struct {
	TotalBytes int64    `json:"total_bytes"`
	SlotsTotal int      `json:"slots_total,omitempty"`
	SlotsUsed  int      `json:"slots_used,omitempty"`
	MaxBytes   int64    `json:"max_bytes,omitempty"` // maximum capacity the board takes
	Modules    []Module `json:"modules,omitempty"`
}

// Module is one populated memory slot.
type Module struct {
	Slot       string `json:"slot"`
	SizeBytes  int64  `json:"size_bytes"`
	Type       string `json:"type"`        // DDR2, DDR3, DDR4, DDR5, or as reported
	FormFactor string `json:"form_factor"` // DIMM, SO-DIMM, ...
	SpeedMTs   int    `json:"speed_mts,omitempty"`
}

// Disk is one storage device worth wiping and installing on.
type Disk struct {
	Name       string  `json:"name"` // "sda", "nvme0n1"
	Model      string  `json:"model"`
	Serial     string  `json:"serial"`
	Vendor     string  `json:"vendor,omitempty"`
	SizeBytes  int64   `json:"size_bytes"`
	Medium     string  `json:"medium"`    // hdd, ssd, nvme, usb, mmc, unknown
	Transport  string  `json:"transport"` // sata, nvme, usb, scsi, mmc, virtio, unknown
	Removable  bool    `json:"removable"`
	Rotational bool    `json:"rotational"`
	Health     *Health `json:"health,omitempty"` // nil when smartctl data is absent
	// BackingFile is the file behind a loop device (a disk image), its
	// identity when it has no serial.
	BackingFile string `json:"backing_file,omitempty"`
}

// Health is what smartctl says of a disk.
type Health struct {
	Verdict            string `json:"verdict"` // good, worn, failing, unknown
	Reasons            []Note `json:"reasons,omitempty"`
	SmartPassed        *bool  `json:"smart_passed,omitempty"`
	PowerOnHours       int64  `json:"power_on_hours,omitempty"`
	Reallocated        int64  `json:"reallocated_sectors,omitempty"`
	Pending            int64  `json:"pending_sectors,omitempty"`
	Uncorrectable      int64  `json:"uncorrectable_sectors,omitempty"`
	NVMePercentUsed    *int   `json:"nvme_percentage_used,omitempty"`
	NVMeAvailableSpare *int   `json:"nvme_available_spare,omitempty"`
	NVMeMediaErrors    int64  `json:"nvme_media_errors,omitempty"`
	SmartctlExitStatus int    `json:"smartctl_exit_status,omitempty"`
}

// GPU is one display controller.
type GPU struct {
	PCIID      string `json:"pci_id"` // "10de:1180"
	Vendor     string `json:"vendor"`
	Product    string `json:"product"`
	Driver     string `json:"driver"`
	Generation string `json:"generation,omitempty"` // NVIDIA: Fermi, Kepler, Maxwell, Pascal, Turing, Ampere...
}

// NIC is one network interface controller.
type NIC struct {
	Name     string `json:"name,omitempty"`
	Kind     string `json:"kind"` // wired, wifi, unknown
	Bus      string `json:"bus"`  // pci, usb
	ID       string `json:"id"`   // vendor:device
	Vendor   string `json:"vendor"`
	Product  string `json:"product"`
	Driver   string `json:"driver"`
	Broadcom bool   `json:"broadcom_wifi,omitempty"` // Broadcom Wi-Fi: driver needs a wired connection
}

// Battery is one battery from /sys/class/power_supply or DMI type 22.
type Battery struct {
	Name          string  `json:"name"`
	Manufacturer  string  `json:"manufacturer,omitempty"`
	Model         string  `json:"model,omitempty"`
	DesignWh      float64 `json:"design_wh,omitempty"`
	FullWh        float64 `json:"full_wh,omitempty"`
	HealthPercent float64 `json:"health_percent,omitempty"` // full / design * 100; 0 = unknown
	Cycles        int     `json:"cycles,omitempty"`
}

// Display is the internal panel's largest mode.
type Display struct {
	Connector string `json:"connector,omitempty"` // "eDP-1", "LVDS-1"
	Width     int    `json:"width,omitempty"`
	Height    int    `json:"height,omitempty"`
}
