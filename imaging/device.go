package imaging

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// BlockDevice is one whole disk as the guard sees it.
type BlockDevice struct {
	Path               string   `json:"path"`
	Name               string   `json:"name"`
	Vendor             string   `json:"vendor"`
	Model              string   `json:"model"`
	Serial             string   `json:"serial"`
	SizeBytes          int64    `json:"size_bytes"`
	Medium             string   `json:"medium"` // hdd, ssd, nvme, usb, mmc, loop
	Transport          string   `json:"transport"`
	Rotational         bool     `json:"rotational"`
	Removable          bool     `json:"removable"`
	ReadOnly           bool     `json:"read_only"`
	LogicalSectorSize  int      `json:"logical_sector_size"`
	PhysicalSectorSize int      `json:"physical_sector_size"`
	Protected          bool     `json:"protected"`
	ProtectedReasons   []string `json:"protected_reasons"`
	// BackingFile is the file behind a loop device ("" otherwise).
	BackingFile string `json:"backing_file,omitempty"`
	// Reasons are the protections in a language-neutral form, so Refusal
	// can speak the operator's language.
	Reasons []Reason `json:"-"`
}

// Reason is one cause of protection: an i18n key ("guard.reason.mounted")
// and its detail (a mount point, a holder name...).
type Reason struct {
	Key, Detail string
}

// Text is the reason in lang.
func (r Reason) Text(lang i18n.Lang) string {
	if r.Detail == "" {
		return lang.T(r.Key)
	}
	return lang.T(r.Key, r.Detail)
}

// ListOptions tune discovery. Zero values read the live system.
type ListOptions struct {
	SysRoot      string // default /sys
	ProcRoot     string // default /proc
	SourceImages []string
	Lang         i18n.Lang // language of ProtectedReasons (default English)
}

func (o ListOptions) sys() sysfs {
	if o.SysRoot == "" {
		return sysfs{root: "/sys"}
	}
	return sysfs{root: o.SysRoot}
}

func (o ListOptions) proc(p string) string {
	r := o.ProcRoot
	if r == "" {
		r = "/proc"
	}
	return filepath.Join(r, p)
}

// skipped are kernel block devices that are not disks anyone wipes: RAM
// disks, compressed swap, and the virtual stacks (dm, md) whose members are
// listed, and protected, instead.
var skippedPrefixes = []string{"ram", "zram", "dm-", "md", "fd", "sr"}

// ListDisks lists every whole disk with its protection state. Loop devices
// appear only while attached; partitions are folded into their disk.
func ListDisks(ctx context.Context, opts ListOptions) ([]BlockDevice, error) {
	s := opts.sys()
	names := s.names("block")
	if names == nil {
		return nil, fmt.Errorf("list disks: cannot read %s", s.path("block"))
	}
	prot, err := protections(s, opts)
	if err != nil {
		return nil, err
	}
	var out []BlockDevice
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if skipName(n) {
			continue
		}
		d := describe(s, n, prot, opts)
		if d.SizeBytes == 0 {
			continue // detached loop, empty card reader
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func skipName(n string) bool {
	for _, p := range skippedPrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return strings.HasPrefix(n, "mmcblk") && (strings.Contains(n, "boot") || strings.Contains(n, "rpmb"))
}

// Inspect describes the one disk at path (a /dev node or a symlink to one,
// e.g. /dev/disk/by-id/...). A partition is refused: atelier writes whole
// disks only, and naming a partition usually means a slip of the finger.
func Inspect(ctx context.Context, path string, opts ListOptions) (BlockDevice, error) {
	lang := opts.Lang
	if lang == "" {
		lang = i18n.EN
	}
	major, minor, ok := rdevOf(path)
	if !ok {
		return BlockDevice{}, lang.Errorf("guard.notblock", path)
	}
	s := opts.sys()
	name, parent, ok := s.devName(major, minor)
	if !ok {
		return BlockDevice{}, lang.Errorf("guard.notblock", path)
	}
	if name != parent {
		return BlockDevice{}, lang.Errorf("guard.partition", path, "/dev/"+parent)
	}
	prot, err := protections(s, opts)
	if err != nil {
		return BlockDevice{}, err
	}
	d := describe(s, name, prot, opts)
	if d.SizeBytes == 0 {
		return BlockDevice{}, lang.Errorf("guard.nomedium", path)
	}
	return d, nil
}

// describe reads one disk's sysfs attributes and attaches its protections.
func describe(s sysfs, name string, prot map[string][]Reason, opts ListOptions) BlockDevice {
	d := BlockDevice{Path: "/dev/" + name, Name: name}
	d.SizeBytes = s.int("block", name, "size") * 512
	d.Rotational = s.str("block", name, "queue", "rotational") == "1"
	d.Removable = s.str("block", name, "removable") == "1"
	d.ReadOnly = s.str("block", name, "ro") == "1"
	d.LogicalSectorSize = int(s.int("block", name, "queue", "logical_block_size"))
	d.PhysicalSectorSize = int(s.int("block", name, "queue", "physical_block_size"))
	d.BackingFile = s.str("block", name, "loop", "backing_file")
	d.Vendor, d.Model, d.Serial = identity(s, name)
	d.Transport = transport(s, name)
	d.Medium = medium(name, d.Transport, d.Rotational)

	d.Reasons = append(d.Reasons, prot[name]...)
	for _, p := range s.partitions(name) {
		d.Reasons = append(d.Reasons, holderReasons(s, p)...)
	}
	d.Reasons = append(d.Reasons, holderReasons(s, name)...)
	if d.ReadOnly {
		d.Reasons = append(d.Reasons, Reason{Key: "guard.reason.readonly"})
	}
	for _, img := range opts.SourceImages {
		if d.BackingFile != "" && samePath(strings.TrimSuffix(d.BackingFile, " (deleted)"), img) {
			d.Reasons = append(d.Reasons, Reason{Key: "guard.reason.source", Detail: img})
			continue
		}
		if maj, min, ok := rdevOf(img); ok {
			if _, parent, ok := s.devName(maj, min); ok && parent == name {
				d.Reasons = append(d.Reasons, Reason{Key: "guard.reason.source", Detail: img})
			}
		}
	}
	d.Reasons = dedupe(d.Reasons)
	lang := opts.Lang
	if lang == "" {
		lang = i18n.EN
	}
	d.ProtectedReasons = []string{}
	for _, r := range d.Reasons {
		d.ProtectedReasons = append(d.ProtectedReasons, r.Text(lang))
	}
	d.Protected = len(d.Reasons) > 0
	return d
}

func dedupe(rs []Reason) []Reason {
	seen := map[Reason]bool{}
	var out []Reason
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// holderReasons: a device with holders is in use by dm (LVM, crypt), md
// (RAID) or bcache; writing it would corrupt the stack above.
func holderReasons(s sysfs, name string) []Reason {
	var out []Reason
	for _, h := range s.names("block", name, "holders") {
		label := h
		if dm := s.str("block", h, "dm", "name"); dm != "" {
			label = h + " (" + dm + ")"
		}
		out = append(out, Reason{Key: "guard.reason.holder", Detail: label})
	}
	return out
}

// identity reads vendor, model and serial from udev's database when present
// (it has the cleanest strings), else from sysfs.
func identity(s sysfs, name string) (vendor, model, serial string) {
	dev := s.str("block", name, "dev")
	udev := readUdev(filepath.Join(filepath.Dir(s.root), "run", "udev", "data", "b"+dev))
	if s.root == "/sys" {
		udev = readUdev("/run/udev/data/b" + dev)
	}
	vendor = firstNonEmpty(udev["ID_VENDOR"], s.str("block", name, "device", "vendor"))
	// SCSI/SATA and NVMe disks have device/model; SD and eMMC cards call it
	// device/name.
	model = firstNonEmpty(s.str("block", name, "device", "model"), strings.ReplaceAll(udev["ID_MODEL"], "_", " "),
		s.str("block", name, "device", "name"))
	serial = firstNonEmpty(udev["ID_SERIAL_SHORT"], s.str("block", name, "device", "serial"),
		s.str("block", name, "serial"), vpdSerial(s, name))
	if vendor == "ATA" || strings.HasPrefix(vendor, "0x") {
		vendor = "" // libata's placeholder or a PCI id, not a maker's name
	}
	if strings.HasPrefix(name, "loop") && model == "" {
		model = "loop"
	}
	return vendor, model, serial
}

// vpdSerial reads the SCSI unit serial number page (0x80): four header
// bytes, then the ASCII serial.
func vpdSerial(s sysfs, name string) string {
	b, err := os.ReadFile(s.path("block", name, "device", "vpd_pg80"))
	if err != nil || len(b) <= 4 {
		return ""
	}
	return strings.TrimSpace(strings.Trim(string(b[4:]), "\x00"))
}

func readUdev(path string) map[string]string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if kv, ok := strings.CutPrefix(line, "E:"); ok {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = v
		}
	}
	return m
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// transport is read from where the disk hangs in the device tree.
func transport(s sysfs, name string) string {
	link, err := os.Readlink(s.path("block", name))
	if err != nil {
		return ""
	}
	switch {
	case strings.Contains(link, "/usb"):
		return "usb"
	case strings.Contains(link, "/nvme"):
		return "nvme"
	case strings.Contains(link, "/mmc"):
		return "mmc"
	case strings.Contains(link, "/ata"):
		return "sata"
	case strings.Contains(link, "/virtio"):
		return "virtio"
	case strings.Contains(link, "/virtual/"):
		if strings.HasPrefix(name, "loop") {
			return "loop"
		}
		return "virtual"
	case strings.Contains(link, "/host"):
		return "scsi"
	}
	return ""
}

func medium(name, transport string, rotational bool) string {
	switch {
	case strings.HasPrefix(name, "nvme"):
		return "nvme"
	case strings.HasPrefix(name, "mmcblk"):
		return "mmc"
	case transport == "usb":
		return "usb"
	case strings.HasPrefix(name, "loop"):
		return "loop"
	case rotational:
		return "hdd"
	}
	return "ssd"
}
