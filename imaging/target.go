package imaging

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// notADisk says what path is when it is not a block device, so that a
// typo reads "does not exist", a folder reads "folder", and an NVMe
// controller (/dev/nvme0) or a SCSI generic node (/dev/sg0) points to the
// disk the operator probably meant.
func notADisk(s sysfs, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if to, lerr := os.Readlink(path); lerr == nil {
				return i18n.Keyed("guard.danglinglink", path, to)
			}
			return i18n.Keyed("guard.nopath", path)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return i18n.Keyed("guard.stat", path, err)
	}
	switch m := st.Mode(); {
	case m.IsDir():
		return i18n.Keyed("guard.isdir", path)
	case m.IsRegular():
		return i18n.Keyed("guard.isfile", path)
	case m&os.ModeCharDevice != 0:
		if disk := diskOfChar(s, path); disk != "" {
			return i18n.Keyed("guard.ischar.hint", path, disk)
		}
		return i18n.Keyed("guard.ischar", path)
	}
	return i18n.Keyed("guard.notblock", path)
}

// diskOfChar finds the block device a character device stands beside: an
// NVMe controller's namespace, a SCSI generic node's disk. "" when none.
func diskOfChar(s sysfs, path string) string {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return ""
	}
	key := strconv.Itoa(int(unix.Major(st.Rdev))) + ":" + strconv.Itoa(int(unix.Minor(st.Rdev)))
	link, err := os.Readlink(s.path("dev", "char", key))
	if err != nil {
		return ""
	}
	dir := filepath.Join(s.path("dev", "char"), link)
	rel, err := filepath.Rel(s.root, dir)
	if err != nil {
		return ""
	}
	visible := func(n string) bool {
		_, err := os.Stat(s.path("class", "block", n))
		return err == nil && s.str("class", "block", n, "hidden") != "1" &&
			s.str("class", "block", n, "partition") == ""
	}
	for _, n := range s.names(rel, "device", "block") { // sg0 -> sda
		if visible(n) {
			return "/dev/" + n
		}
	}
	for _, n := range s.names(rel) { // nvme0 -> nvme0n1
		if _, err := os.Stat(s.path(rel, n, "dev")); err == nil && visible(n) {
			return "/dev/" + n
		}
	}
	return ""
}
