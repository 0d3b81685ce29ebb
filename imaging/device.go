package imaging

import (
	"context"
	"fmt"

	"path/filepath"
	"sort"
	"strings"

	"github.com/pcsolidaire/atelier/internal/blockdev"
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
// and its detail (a mount point, a holder name...). Via names the layer it
// was found on when that is not the disk itself (a loop device under it, a
// volume built on it), and How says which: "below", "above" or "shared"
// (built on the same storage).
type Reason struct {
	Key, Detail string
	Via, How    string
}

// Text is the reason in lang.
func (r Reason) Text(lang i18n.Lang) string {
	t := lang.T(r.Key)
	if r.Detail != "" {
		t = lang.T(r.Key, r.Detail)
	}
	if r.Via != "" {
		t = lang.T("guard.via."+r.How, t, r.Via)
	}
	return t
}

// ListOptions tune discovery. Zero values read the live system.
type ListOptions struct {
	SysRoot  string // default /sys
	ProcRoot string // default /proc
	// SourceImages are the files (or devices) being read: the image and
	// its bmap during a deploy.
	SourceImages []string
	// Keep are files no write may reach: the ledger, its journal, the
	// bench key.
	Keep []KeptFile
	// SystemRoots are folders whose filesystem counts as the running
	// system besides / (a chroot's or a container's root, a test's): they
	// add protection, they never remove any.
	SystemRoots []string
}

// KeptFile is a file atelier must never write through a disk or a loop
// device; Reason is the refusal's i18n key (guard.reason.ledger,
// guard.reason.benchkey).
type KeptFile struct{ Path, Reason string }

func (o ListOptions) live() bool { return o.SysRoot == "" || o.SysRoot == "/sys" }

// stack reads the machine's layers and anchors every protection on them.
func (o ListOptions) stack() (*stack, error) {
	s := o.sys()
	mounts, err := readAllMounts(o.proc(""), o.live())
	if err != nil {
		return nil, fmt.Errorf("read mounts: %w", err)
	}
	g := buildStack(s, mounts, o.live())
	protectAll(g, mounts, o)
	return g, nil
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
	g, err := opts.stack()
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
		d := describe(s, n, g, opts)
		if d.SizeBytes == 0 && !d.Protected {
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
// disks only, and naming a partition usually means a slip of the finger;
// so is a device-mapper or RAID volume, whose disks are what is erased.
func Inspect(ctx context.Context, path string, opts ListOptions) (BlockDevice, error) {
	// Errors are keyed (English inside); the command says them in the
	// reader's language.
	s := opts.sys()
	major, minor, ok := rdevOf(path)
	if !ok {
		return BlockDevice{}, notADisk(s, path)
	}
	name, parent, ok := s.devName(major, minor)
	if !ok {
		return BlockDevice{}, i18n.Keyed("guard.nodevice", path, fmt.Sprintf("%d:%d", major, minor))
	}
	if name != parent {
		return BlockDevice{}, i18n.Keyed("guard.partition", path, "/dev/"+parent)
	}
	g, err := opts.stack()
	if err != nil {
		return BlockDevice{}, err
	}
	if err := g.volumeError(path, name); err != nil {
		return BlockDevice{}, err
	}
	d := describe(s, name, g, opts)
	if d.SizeBytes == 0 && !d.Protected { // protected: the reason says more
		return BlockDevice{}, i18n.Keyed("guard.nomedium", path)
	}
	if err := ctx.Err(); err != nil {
		return BlockDevice{}, err
	}
	// No mount, swap or volume found in this mount namespace: ask the
	// kernel whether a layer is held all the same (mounted in another
	// namespace, swap or RAID member there).
	if !explainsClaims(d.Reasons) && opts.live() {
		if r := g.busy(name); len(r) > 0 {
			d.Reasons = append(d.Reasons, r...)
			d.finish()
		}
	}
	return d, nil
}

// explainsClaims tells whether rs already name something that holds a
// layer open exclusively (a mount, a swap, a volume), so that the
// kernel's "busy" would only repeat it.
func explainsClaims(rs []Reason) bool {
	for _, r := range rs {
		switch r.Key {
		case "guard.reason.loop", "guard.reason.readonly", "guard.reason.ledger", "guard.reason.benchkey",
			"guard.reason.source", "guard.reason.self":
		default:
			return true
		}
	}
	return false
}

// describe reads one disk's facts (the same reading probe makes, through
// blockdev) and attaches its protections.
func describe(s sysfs, name string, g *stack, opts ListOptions) BlockDevice {
	f := blockdev.Root(filepath.Dir(s.root)).Read(name)
	d := BlockDevice{Path: "/dev/" + name, Name: name, Vendor: f.Vendor, Model: f.Model, Serial: f.Serial,
		SizeBytes: f.SizeBytes, Medium: f.Medium, Transport: f.Transport, Rotational: f.Rotational,
		Removable: f.Removable, ReadOnly: f.ReadOnly, LogicalSectorSize: f.LogicalSectorSize,
		PhysicalSectorSize: f.PhysicalSectorSize, BackingFile: f.BackingFile}

	d.Reasons = g.reasons(name)
	if d.ReadOnly {
		d.Reasons = append(d.Reasons, Reason{Key: "guard.reason.readonly"})
	}
	d.Reasons = dedupe(d.Reasons)
	d.finish()
	return d
}

// ReasonTexts are the protections in l, for the command to show;
// ProtectedReasons stay English (--json, logs).
func (d BlockDevice) ReasonTexts(l i18n.Lang) []string {
	if len(d.Reasons) == 0 {
		return d.ProtectedReasons // built by hand with only the English texts
	}
	out := make([]string, 0, len(d.Reasons))
	for _, r := range d.Reasons {
		out = append(out, r.Text(l))
	}
	return out
}

// finish derives the exported protection fields from Reasons
// (ProtectedReasons in English, for --json and logs).
func (d *BlockDevice) finish() {
	d.ProtectedReasons = []string{}
	for _, r := range d.Reasons {
		d.ProtectedReasons = append(d.ProtectedReasons, r.Text(i18n.EN))
	}
	d.Protected = len(d.Reasons) > 0
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

// Facts are the disk's facts as blockdev reads them, for Identity.
func (d BlockDevice) Facts() blockdev.Facts {
	return blockdev.Facts{Name: d.Name, Vendor: d.Vendor, Model: d.Model, Serial: d.Serial, SizeBytes: d.SizeBytes,
		Transport: d.Transport, Medium: d.Medium, Rotational: d.Rotational, Removable: d.Removable,
		ReadOnly: d.ReadOnly, LogicalSectorSize: d.LogicalSectorSize, PhysicalSectorSize: d.PhysicalSectorSize,
		BackingFile: d.BackingFile}
}

// Identity is the key the ledger files this disk under (blockdev.Identity),
// the one probe --save uses for the same disk.
func (d BlockDevice) Identity() string { return blockdev.Identity(d.Facts()) }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
