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
	if strings.HasPrefix(name, "loop") && f.Model == "" {
		f.Model = "loop"
	}
	f.Transport = transport(r.link(name), name)
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

// transport is read from where the disk hangs in the device tree, and from
// its name when the tree does not say.
func transport(link, name string) string {
	switch {
	case strings.Contains(link, "/usb"):
		return "usb"
	case strings.Contains(link, "/nvme") || strings.HasPrefix(name, "nvme"):
		return "nvme"
	case strings.Contains(link, "/mmc") || strings.HasPrefix(name, "mmcblk"):
		return "mmc"
	case strings.Contains(link, "/ata"):
		return "sata"
	case strings.Contains(link, "/virtio") || strings.HasPrefix(name, "vd"):
		return "virtio"
	case strings.HasPrefix(name, "loop"):
		return "loop"
	case strings.Contains(link, "/virtual/"):
		return "virtual"
	case strings.Contains(link, "/host"):
		return "scsi"
	case strings.HasPrefix(name, "hd"):
		return "ata"
	case strings.HasPrefix(name, "sd"):
		return "scsi"
	}
	return ""
}

// medium classifies a disk: nvme and mmc by name, usb by transport, loop by
// name, then the rotational flag: hdd or ssd. A disk whose flag could not be
// read is "" (unknown), never guessed.
func medium(f Facts) string {
	switch {
	case strings.HasPrefix(f.Name, "nvme"):
		return "nvme"
	case strings.HasPrefix(f.Name, "mmcblk"):
		return "mmc"
	case f.Transport == "usb":
		return "usb"
	case strings.HasPrefix(f.Name, "loop"):
		return "loop"
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
