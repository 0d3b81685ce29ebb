// Package blockdev reads a block device's facts (vendor, model, serial,
// size, transport, medium) from sysfs and udev's database, and derives from
// them the one identity the ledger files a disk under.
//
// probe (describing a machine) and imaging (choosing and guarding the disk
// to write) both read disks through this package, so that they can never
// classify the same disk two ways, nor file it under two keys. Everything
// is read under a root folder (the live "/" or a captured tree holding
// sys/ and run/udev/data), as ghw's block package does with its chroot, so
// tests run on captured machines.
package blockdev

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Facts are what the kernel and udev say of one whole disk. Text facts that
// could not be read are "".
type Facts struct {
	Name   string // kernel name: sda, nvme0n1, loop3
	Vendor string
	// Model is udev's full model (ID_MODEL) when udev knows the disk, else
	// the kernel's (device/model, truncated to 16 characters on SCSI and
	// SATA disks; device/name on SD and eMMC cards).
	Model string
	// Serial is udev's ID_SERIAL_SHORT, else the kernel's device/serial
	// (NVMe, MMC), serial (virtio), or the SCSI unit serial page (vpd_pg80).
	Serial    string
	SizeBytes int64
	Transport string // sata, scsi, nvme, usb, mmc, virtio, ata, loop, virtual, or ""
	Medium    string // hdd, ssd, nvme, usb, mmc, loop, or "" when the rotational flag is unreadable
	// Rotational is the kernel's queue/rotational flag; RotationalKnown
	// says whether it could be read at all.
	Rotational, RotationalKnown bool
	Removable, ReadOnly         bool
	LogicalSectorSize           int
	PhysicalSectorSize          int
	BackingFile                 string // the file behind a loop device
	Dev                         string // major:minor
}

// Root is a folder holding sys/ (and run/udev/data when udev ran): "/" for
// the live machine.
type Root string

func (r Root) path(parts ...string) string {
	return filepath.Join(append([]string{string(r)}, parts...)...)
}

func (r Root) str(parts ...string) string {
	b, err := os.ReadFile(r.path(parts...))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func (r Root) int(parts ...string) (int64, bool) {
	n, err := strconv.ParseInt(r.str(parts...), 10, 64)
	return n, err == nil
}

// Names lists the kernel's block devices (sys/block), every kind included.
func (r Root) Names() []string {
	ents, err := os.ReadDir(r.path("sys", "block"))
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(ents))
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// Read reads the facts of the whole disk name (sda, not sda1).
func (r Root) Read(name string) Facts {
	blk := func(p ...string) []string { return append([]string{"sys", "block", name}, p...) }
	f := Facts{Name: name, Dev: r.str(blk("dev")...)}
	if n, ok := r.int(blk("size")...); ok {
		f.SizeBytes = n * 512 // the kernel counts 512-byte sectors whatever the disk's own
	}
	rot, ok := r.int(blk("queue", "rotational")...)
	f.Rotational, f.RotationalKnown = ok && rot == 1, ok
	f.Removable = r.str(blk("removable")...) == "1"
	f.ReadOnly = r.str(blk("ro")...) == "1"
	ls, _ := r.int(blk("queue", "logical_block_size")...)
	ps, _ := r.int(blk("queue", "physical_block_size")...)
	f.LogicalSectorSize, f.PhysicalSectorSize = int(ls), int(ps)
	f.BackingFile = r.str(blk("loop", "backing_file")...)

	udev := r.udev(f.Dev)
	f.Vendor = first(udev["ID_VENDOR"], r.str(blk("device", "vendor")...))
	if f.Vendor == "ATA" || strings.HasPrefix(f.Vendor, "0x") {
		f.Vendor = "" // libata's placeholder or a PCI id, not a maker's name
	}
	f.Model = first(strings.TrimSpace(strings.ReplaceAll(udev["ID_MODEL"], "_", " ")),
		r.str(blk("device", "model")...), r.str(blk("device", "name")...))
	f.Serial = first(udev["ID_SERIAL_SHORT"], r.str(blk("device", "serial")...),
		r.str(blk("serial")...), r.vpdSerial(name))
	f.Model, f.Serial = real(f.Model), real(f.Serial)
	f.Transport = r.transport(name, f.Dev)
	if f.Transport == "loop" && f.Model == "" {
		f.Model = "loop"
	}
	f.Medium = medium(f)
	return f
}

// udev reads udev's database entry for device dev ("8:0"); nil without one.
func (r Root) udev(dev string) map[string]string {
	if dev == "" {
		return nil
	}
	b, err := os.ReadFile(r.path("run", "udev", "data", "b"+dev))
	if err != nil {
		return nil
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if kv, ok := strings.CutPrefix(line, "E:"); ok {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

// vpdSerial reads the SCSI unit serial number page (0x80): four header
// bytes, then the ASCII serial.
func (r Root) vpdSerial(name string) string {
	b, err := os.ReadFile(r.path("sys", "block", name, "device", "vpd_pg80"))
	if err != nil || len(b) <= 4 {
		return ""
	}
	return strings.TrimSpace(strings.Trim(string(b[4:]), "\x00"))
}

// link is where sys/block/name points in the device tree
// ("../devices/pci0000:00/.../ata3/host2/.../block/sda"); "" when it is not
// a link (some captured trees copy it as a folder).
func (r Root) link(name string) string {
	l, err := os.Readlink(r.path("sys", "block", name))
	if err != nil {
		return ""
	}
	return l
}

// transport is read from the kernel's facts first: where the disk hangs in
// the device tree, the bus its device belongs to, the loop driver's major
// number. The kernel's naming (sda, nvme0n1...) is the last resort, for
// captured trees that copied sys/block as plain folders: a name says how
// a disk was named, not what it is, and test trees name their disks
// fakesata0 so that no test ever spells a disk a real machine has.
func (r Root) transport(name, dev string) string {
	if t := pathTransport(r.link(name)); t != "" {
		return t
	}
	if t := subsystemTransport(r.subsystem(name)); t != "" {
		return t
	}
	if major, _, _ := strings.Cut(dev, ":"); major == loopMajor || r.isDir("sys", "block", name, "loop") {
		return "loop"
	}
	if t := hostTransport(r.link(name)); t != "" {
		return t
	}
	return nameTransport(name)
}

// loopMajor is the loop driver's block major number (Documentation/admin-guide/devices.txt).
const loopMajor = "7"

// pathTransport reads the bus from the disk's place in the device tree
// ("../devices/pci0000:00/.../ata3/host2/.../block/sda").
func pathTransport(link string) string {
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
	case strings.Contains(link, "/ide"):
		return "ata"
	}
	return ""
}

// subsystemTransport reads the bus from the disk's device/subsystem link
// (bus/nvme, bus/mmc, bus/virtio), which a tree copied as folders may keep.
// SCSI says nothing here: SATA, USB and SAS disks all sit on it.
func subsystemTransport(sub string) string {
	switch sub {
	case "nvme":
		return "nvme"
	case "mmc":
		return "mmc"
	case "virtio":
		return "virtio"
	}
	return ""
}

// hostTransport: a kernel-made device with no bus of its own is virtual
// (zram, RAID and device-mapper volumes); one under a SCSI host is SCSI.
func hostTransport(link string) string {
	switch {
	case strings.Contains(link, "/virtual/"):
		return "virtual"
	case strings.Contains(link, "/host"):
		return "scsi"
	}
	return ""
}

// nameTransport is the kernel's naming, for trees that say nothing else.
func nameTransport(name string) string {
	for _, p := range []struct{ prefix, transport string }{
		{"nvme", "nvme"}, {"mmcblk", "mmc"}, {"vd", "virtio"}, {"loop", "loop"}, {"hd", "ata"}, {"sd", "scsi"},
	} {
		if strings.HasPrefix(name, p.prefix) {
			return p.transport
		}
	}
	return ""
}

// subsystem is the name of the bus or class the disk's device belongs to
// (the last part of sys/block/NAME/device/subsystem's target), or "".
func (r Root) subsystem(name string) string {
	l, err := os.Readlink(r.path("sys", "block", name, "device", "subsystem"))
	if err != nil {
		return ""
	}
	return filepath.Base(l)
}

func (r Root) isDir(parts ...string) bool {
	st, err := os.Stat(r.path(parts...))
	return err == nil && st.IsDir()
}

// medium classifies a disk from its transport (nvme, mmc, usb, loop), then
// the rotational flag: hdd or ssd. A disk whose flag could not be read is
// "" (unknown), never guessed.
func medium(f Facts) string {
	switch f.Transport {
	case "nvme", "mmc", "usb", "loop":
		return f.Transport
	}
	switch {
	case !f.RotationalKnown:
		return ""
	case f.Rotational:
		return "hdd"
	}
	return "ssd"
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// real drops the placeholders firmware leaves where a model or serial
// belongs, so that no reader of a disk keeps one where another drops it.
func real(s string) string {
	switch strings.ToLower(s) {
	case "", "unknown", "none", "not specified", "not available", "n/a", "default string",
		"to be filled by o.e.m.", "0", "--", "123456789", "oem":
		return ""
	}
	return s
}
