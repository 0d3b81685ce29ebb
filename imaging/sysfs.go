package imaging

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// sysfs reads /sys (or a copy of it, for tests).
type sysfs struct{ root string }

func (s sysfs) path(parts ...string) string {
	return filepath.Join(append([]string{s.root}, parts...)...)
}

// str reads one attribute, trimmed; "" when absent.
func (s sysfs) str(parts ...string) string {
	b, err := os.ReadFile(s.path(parts...))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func (s sysfs) int(parts ...string) int64 {
	n, _ := strconv.ParseInt(s.str(parts...), 10, 64)
	return n
}

// names lists a directory's entries ("" entries skipped).
func (s sysfs) names(parts ...string) []string {
	ents, err := os.ReadDir(s.path(parts...))
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(ents))
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// devName resolves a device number to its kernel name through
// /sys/dev/block/MAJ:MIN, and tells whether it is a partition; for a
// partition, parent is the whole disk's name.
func (s sysfs) devName(major, minor uint32) (name, parent string, ok bool) {
	link, err := os.Readlink(s.path("dev", "block", strconv.Itoa(int(major))+":"+strconv.Itoa(int(minor))))
	if err != nil {
		return "", "", false
	}
	name = filepath.Base(link)
	parent = name
	if _, err := os.Stat(s.path("class", "block", name, "partition")); err == nil {
		parent = filepath.Base(filepath.Dir(link))
	}
	return name, parent, true
}

// partitions lists a disk's partition names (sda1, nvme0n1p2...).
func (s sysfs) partitions(disk string) []string {
	var out []string
	for _, n := range s.names("block", disk) {
		if strings.HasPrefix(n, disk) {
			if _, err := os.Stat(s.path("block", disk, n, "partition")); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}
