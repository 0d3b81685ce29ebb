package probe

import (
	"strings"

	"github.com/jaypipes/ghw"
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

func (s *source) gatherDisks(r *Report) {
	info, err := ghw.Block(s.ghwOptions()...)
	if err != nil {
		s.warn("probe.warn.block", err)
		return
	}
	for _, d := range info.Disks {
		if skippedDisk(d.Name) || d.DriveType == ghw.DriveTypeODD || d.DriveType == ghw.DriveTypeFDD {
			continue
		}
		disk := Disk{
			Name:      d.Name,
			Model:     orUnknown(strings.ReplaceAll(known(d.Model), "_", " ")),
			Serial:    orUnknown(known(d.SerialNumber)),
			Vendor:    known(d.Vendor),
			SizeBytes: int64(d.SizeBytes),
			Removable: d.IsRemovable,
		}
		// Without udev's database (captured trees, minimal live systems)
		// the kernel's own attributes still name most disks.
		dev := "/sys/block/" + d.Name + "/device/"
		if disk.Model == Unknown {
			disk.Model = orUnknown(known(s.readString(dev + "model")))
		}
		if disk.Serial == Unknown {
			disk.Serial = orUnknown(known(s.readString(dev + "serial")))
		}
		if disk.Vendor == "" {
			disk.Vendor = known(s.readString(dev + "vendor"))
		}
		rot, ok := s.readInt("/sys/block/" + d.Name + "/queue/rotational")
		disk.Rotational = ok && rot == 1
		disk.Transport = s.transport(d.Name)
		disk.Medium = medium(d.Name, disk.Transport, ok, disk.Rotational)
		if disk.Serial == Unknown {
			s.warn("probe.warn.diskserial", d.Name)
		}
		r.Disks = append(r.Disks, disk)
	}
}

// transport tells how a disk is attached, from the sysfs path of its device
// (…/usb1/…, …/ata3/…, …/virtio2/…) and its name.
func (s *source) transport(name string) string {
	link := s.linkTarget("/sys/block/" + name)
	switch {
	case strings.HasPrefix(name, "nvme"):
		return "nvme"
	case strings.HasPrefix(name, "mmcblk"):
		return "mmc"
	case strings.Contains(link, "/usb"):
		return "usb"
	case strings.Contains(link, "/virtio") || strings.HasPrefix(name, "vd"):
		return "virtio"
	case strings.Contains(link, "/ata"):
		return "sata"
	case strings.HasPrefix(name, "hd"):
		return "ata"
	case strings.HasPrefix(name, "sd"):
		return "scsi"
	}
	return Unknown
}

// medium classifies a disk: nvme by name, mmc by name, usb by transport,
// then rotational -> hdd, else ssd. A disk whose rotational flag could not
// be read is unknown (virtual disks report 1 or 0 as their host chooses).
func medium(name, transport string, rotKnown, rotational bool) string {
	switch {
	case strings.HasPrefix(name, "nvme"):
		return "nvme"
	case strings.HasPrefix(name, "mmcblk"):
		return "mmc"
	case transport == "usb":
		return "usb"
	case !rotKnown:
		return Unknown
	case rotational:
		return "hdd"
	}
	return "ssd"
}

func orUnknown(v string) string {
	if v == "" {
		return Unknown
	}
	return v
}
