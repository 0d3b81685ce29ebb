package probe

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/jaypipes/ghw/pkg/snapshot"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// capture writes what this probe read as a .tar.gz that Gather reads back
// with Options.Root: the /sys and /proc subset (ghw's own snapshot cloner
// plus the files atelier reads itself) and, under atelier/, the dmidecode
// and smartctl outputs.
func (s *source) capture(ctx context.Context, dest string) error {
	dir := s.root
	if s.live {
		scratch, err := os.MkdirTemp("", "atelier-capture-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(scratch)
		if err := snapshot.CloneTreeInto(ctx, scratch); err != nil {
			return fmt.Errorf("clone /sys and /proc: %w", err)
		}
		if err := cloneExtras(scratch); err != nil {
			return err
		}
		dir = scratch
	} else if !s.tree {
		dir = "" // files only: the archive holds just the tool outputs
	}
	extra := map[string][]byte{}
	if s.dmidecodeOut != nil {
		extra[captureDir+"/dmidecode.txt"] = s.dmidecodeOut
	}
	for name, b := range s.smartctlOut {
		extra[captureDir+"/smartctl/"+name+".json"] = b
	}
	return writeTarGz(dest, dir, extra)
}

// classEntries are the sysfs classes atelier reads beyond ghw's snapshot,
// with the attributes kept for each device (relative to the device's real
// directory).
var classEntries = []struct {
	class string
	attrs []string
}{
	{"net", []string{"device", "wireless", "phy80211", "device/driver", "device/vendor", "device/device",
		"device/class", "../idVendor", "../idProduct", "../manufacturer", "../product"}},
	{"drm", []string{"status", "modes", "device"}},
	{"power_supply", []string{"type", "scope", "manufacturer", "model_name", "energy_full", "energy_full_design",
		"charge_full", "charge_full_design", "voltage_min_design", "cycle_count"}},
}

// cloneExtras copies the live files atelier reads that ghw's cloner does
// not: DMI identity, EFI state, batteries, panels, network interfaces, CPU
// frequency, disk model/serial, and udev's disk database.
func cloneExtras(scratch string) error {
	globs := []string{
		"/sys/class/dmi/id/*",
		"/sys/firmware/efi/fw_platform_size",
		"/sys/firmware/efi/efivars/" + secureBootVar,
		"/sys/devices/system/cpu/cpu*/cpufreq/cpuinfo_max_freq",
		"/run/udev/data/b*",
	}
	for _, dir := range []string{"/sys/firmware", "/sys/firmware/efi", "/sys/firmware/efi/efivars"} {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			if err := os.MkdirAll(filepath.Join(scratch, dir), 0o755); err != nil {
				return err
			}
		}
	}
	for _, b := range listDir("/sys/block") {
		real, err := filepath.EvalSymlinks("/sys/block/" + b)
		if err != nil {
			continue
		}
		for _, a := range []string{"device/model", "device/vendor", "device/serial"} {
			globs = append(globs, filepath.Join(real, a))
		}
	}
	for _, c := range classEntries {
		base := "/sys/class/" + c.class
		for _, name := range listDir(base) {
			entry := filepath.Join(base, name)
			globs = append(globs, entry)
			real, err := filepath.EvalSymlinks(entry)
			if err != nil {
				continue
			}
			for _, a := range c.attrs {
				p := filepath.Clean(filepath.Join(real, a))
				if strings.HasPrefix(a, "../") {
					// USB ids live above the interface the device link names
					dev, err := filepath.EvalSymlinks(filepath.Join(real, "device"))
					if err != nil {
						continue
					}
					p = filepath.Clean(filepath.Join(dev, a))
				}
				globs = append(globs, p)
			}
		}
	}
	for _, g := range globs {
		matches, _ := filepath.Glob(g)
		for _, m := range matches {
			if err := copyInto(scratch, m); err != nil {
				return fmt.Errorf("capture %s: %w", m, err)
			}
		}
	}
	return nil
}

func listDir(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// copyInto copies one file, symlink (kept as a link) or directory (created
// empty: atelier only tests that it exists) under scratch. Files the kernel
// refuses to read (product_serial as non-root) are skipped.
func copyInto(scratch, p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil
	}
	dst := filepath.Join(scratch, p)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	switch {
	case fi.Mode()&os.ModeSymlink != 0:
		t, err := os.Readlink(p)
		if err != nil {
			return nil
		}
		if err := os.Symlink(t, dst); err != nil && !os.IsExist(err) {
			return err
		}
	case fi.IsDir():
		return os.MkdirAll(dst, 0o755)
	default:
		b, err := fsread.ReadFile(p, maxCaptureFileBytes)
		if err != nil {
			return nil // unreadable pseudo-file: not a fact we have
		}
		return os.WriteFile(dst, b, 0o644)
	}
	return nil
}

// budget counts what a capture being written holds, against the limits
// --root applies when reading it back: a capture atelier writes can always
// be read back.
type budget struct {
	lim     captureLimits
	entries int
	total   int64
}

// take counts one entry of size bytes (0 for a folder or a link).
func (b *budget) take(name string, size int64) error {
	b.entries++
	b.total += size
	switch {
	case b.entries > b.lim.entries:
		return refuse("capture.too_many", b.lim.entries)
	case size > b.lim.fileBytes:
		return refuse("capture.file_too_large", name, byteSize(b.lim.fileBytes))
	case b.total > b.lim.totalBytes:
		return refuse("capture.too_large", byteSize(b.lim.totalBytes))
	}
	return nil
}

// writeTarGz archives dir (may be "") plus in-memory files into dest,
// atomically: a half-written capture never replaces a good one.
func writeTarGz(dest, dir string, extra map[string][]byte) error {
	// The rename at the end would replace a device node, a pipe or a link.
	if err := fsread.CheckReplace(dest); err != nil {
		return err
	}
	b := &budget{lim: defaultCaptureLimits()}
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".atelier-capture-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	gz := gzip.NewWriter(tmp)
	tw := tar.NewWriter(gz)
	if dir != "" {
		if err := tarDir(tw, dir, b); err != nil {
			tmp.Close()
			return err
		}
	}
	names := make([]string, 0, len(extra))
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	now := time.Now()
	for _, d := range []string{captureDir, captureDir + "/smartctl"} {
		if err := b.take(d, 0); err != nil {
			tmp.Close()
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Name: d + "/", Typeflag: tar.TypeDir, Mode: 0o755, ModTime: now}); err != nil {
			tmp.Close()
			return err
		}
	}
	for _, n := range names {
		data := extra[n]
		if err := b.take(n, int64(len(data))); err != nil {
			tmp.Close()
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(data)), ModTime: now}); err != nil {
			tmp.Close()
			return err
		}
		if _, err := tw.Write(data); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := tw.Close(); err != nil {
		tmp.Close()
		return err
	}
	if err := gz.Close(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), dest)
}

// tarDir writes every file, directory and symlink under dir with paths
// relative to it, skipping a previous atelier/ folder (rewritten after).
func tarDir(tw *tar.Writer, dir string, b *budget) error {
	return filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if rel == captureDir || strings.HasPrefix(rel, captureDir+"/") {
			if fi.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if fi.Mode()&(os.ModeDevice|os.ModeNamedPipe|os.ModeSocket|os.ModeIrregular) != 0 {
			return nil // --root refuses them: never in a capture
		}
		link := ""
		if fi.Mode()&os.ModeSymlink != 0 {
			if link, err = os.Readlink(p); err != nil {
				return nil
			}
		}
		hdr, err := tar.FileInfoHeader(fi, link)
		if err != nil {
			return nil // sockets and the like
		}
		hdr.Name = rel
		if err := b.take(rel, hdr.Size); err != nil {
			return err
		}
		if fi.IsDir() {
			hdr.Name += "/"
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if fi.Mode().IsRegular() {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			if _, err := io.Copy(tw, f); err != nil {
				return err
			}
		}
		return nil
	})
}
