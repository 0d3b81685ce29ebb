package probe

import (
	"strings"

	"github.com/pcsolidaire/atelier/internal/blockdev"
)

// skippedDisk reports whether a block device is not a disk a volunteer
// installs on or must wipe: loop, zram, RAM disks, optical drives, floppies,
// device-mapper and software RAID stacks (their member disks are listed).
func skippedDisk(name string) bool {
	for _, p := range []string{"loop", "zram", "ram", "sr", "fd", "dm-", "md", "nbd", "drbd"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// gatherDisks reads every disk through blockdev, the reading imaging makes
// too, so that probe --save files a disk under the identity wipe and deploy
// find it by.
func (s *source) gatherDisks(r *Report) {
	root := blockdev.Root(s.root)
	names := root.Names()
	if names == nil {
		// the folder as the machine (or its capture) has it, not where a
		// capture was unpacked; the sentence is the catalogue's
		s.warn("probe.warn.block", "/sys/block")
		return
	}
	for _, name := range names {
		if skippedDisk(name) {
			continue
		}
		f := root.Read(name)
		disk := Disk{
			Name:       name,
			Model:      orUnknown(known(f.Model)),
			Serial:     orUnknown(known(f.Serial)),
			Vendor:     known(f.Vendor),
			SizeBytes:  f.SizeBytes,
			Removable:  f.Removable,
			Rotational: f.Rotational,
			Medium:     orUnknown(f.Medium),
			Transport:  orUnknown(f.Transport),
			// A loop device's file is its identity (blockdev.Identity): a
			// tree captured from one must file it as wipe finds it.
			BackingFile: f.BackingFile,
		}
		if disk.Serial == Unknown {
			s.warn("probe.warn.diskserial", name)
		}
		r.Disks = append(r.Disks, disk)
	}
}

func orUnknown(v string) string {
	if v == "" {
		return Unknown
	}
	return v
}

// Identity is the key the ledger files this disk under: the one wipe and
// deploy compute for the same disk (blockdev.Identity).
func (d Disk) Identity() string {
	f := blockdev.Facts{Name: d.Name, Serial: d.Serial, Model: d.Model, SizeBytes: d.SizeBytes, BackingFile: d.BackingFile}
	return blockdev.Identity(f)
}
