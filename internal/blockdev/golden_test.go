package blockdev_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/jaypipes/ghw/pkg/snapshot"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/need"
	"github.com/pcsolidaire/atelier/probe"
)

var update = flag.Bool("update", false, "rewrite testdata/identities.golden")

// corpus is a folder of ../shared/corpora: skipped when absent, a failure
// under CI=true.
func corpus(t testing.TB, sub string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpora", sub))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		need.Missing(t, "corpus %s absent: clone shared/corpora next to the project to run this test", dir)
	}
	return dir
}

// variant changes an unpacked capture before both readers see it.
type variant struct {
	name  string
	apply func(t *testing.T, root string, write func(path, text string))
}

// The ghw snapshots carry no udev database and no model or serial files:
// every disk in them is serial-less as captured. The variants add what real
// machines show, including the cases where probe and imaging used to part:
// a serial only in the SCSI serial page (imaging read it, probe did not),
// and udev's full model beside the kernel's truncated one (probe read udev's
// first, imaging the kernel's).
var variants = []variant{
	{"as-captured", func(*testing.T, string, func(string, string)) {}},
	{"vpd-serial", func(t *testing.T, root string, write func(path, text string)) {
		eachDisk(t, root, func(name, dev, dir string) {
			write(filepath.Join(dir, "device", "model"), "Samsung SSD 860 \n")
			write(filepath.Join(dir, "device", "vpd_pg80"), "\x00\x80\x00\x14S3Z9NB0K"+strings.ToUpper(name)+"123  ")
		})
	}},
	{"udev-model-no-serial", func(t *testing.T, root string, write func(path, text string)) {
		eachDisk(t, root, func(name, dev, dir string) {
			write(filepath.Join(dir, "device", "model"), "Samsung SSD 860 \n")
			write(filepath.Join(root, "run", "udev", "data", "b"+dev),
				"E:ID_MODEL=Samsung_SSD_860_EVO_500GB\nE:ID_VENDOR=ATA\n")
		})
	}},
	{"udev-serial", func(t *testing.T, root string, write func(path, text string)) {
		eachDisk(t, root, func(name, dev, dir string) {
			write(filepath.Join(root, "run", "udev", "data", "b"+dev),
				"E:ID_MODEL=WDC_WD5000AAKX\nE:ID_SERIAL_SHORT=WD-WCAYU"+strings.ToUpper(name)+"\n")
		})
	}},
	{"placeholder-serial", func(t *testing.T, root string, write func(path, text string)) {
		eachDisk(t, root, func(name, dev, dir string) {
			write(filepath.Join(dir, "device", "serial"), "0\n")
			write(filepath.Join(dir, "device", "model"), "OEM\n")
		})
	}},
}

// TestProbeAndWipeFileADiskUnderOneIdentity reads every disk of every ghw
// snapshot, in every variant, as probe --save does (probe.Gather) and as
// wipe and deploy do (imaging.ListDisks), and requires the same identity
// from both; the identities are pinned in testdata/identities.golden.
func TestProbeAndWipeFileADiskUnderOneIdentity(t *testing.T) {
	snaps, err := filepath.Glob(filepath.Join(corpus(t, "ghw-snapshots"), "*.tar.gz"))
	if err != nil || len(snaps) == 0 {
		t.Fatalf("no ghw snapshots: %v", err)
	}
	var mu sync.Mutex
	var lines []string
	t.Run("snapshots", func(t *testing.T) {
		for _, snap := range snaps {
			if strings.Contains(snap, "offline-cpus") {
				continue // a CPU capture: no sys/block at all
			}
			t.Run(filepath.Base(snap), func(t *testing.T) {
				t.Parallel()                  // unpacking is the slow part: overlap it
				got := snapshotLines(t, snap) // once per snapshot, every variant on it
				mu.Lock()
				lines = append(lines, got...)
				mu.Unlock()
			})
		}
	})
	golden(t, lines)
}

// snapshotLines unpacks snap once and compares both readings under every
// variant, undoing each variant's files before the next.
func snapshotLines(t *testing.T, snap string) []string {
	var lines []string
	root := unpack(t, snap)
	for _, v := range variants {
		name := strings.TrimSuffix(filepath.Base(snap), ".tar.gz") + "/" + v.name
		var added []string
		v.apply(t, root, func(path, text string) {
			if _, err := os.Lstat(path); err == nil {
				t.Fatalf("%s: %s already in the capture", name, path)
			}
			write(t, path, text)
			added = append(added, path)
		})
		lines = append(lines, compare(t, name, root)...)
		for _, p := range added {
			os.Remove(p)
		}
	}
	return lines
}

// compare reads root through both paths and returns one line per disk.
func compare(t *testing.T, name, root string) []string {
	t.Helper()
	r, err := probe.Gather(context.Background(), probe.Options{Root: root, NoTools: true})
	if err != nil {
		t.Fatalf("%s: probe: %v", name, err)
	}
	disks, err := imaging.ListDisks(context.Background(), imaging.ListOptions{SysRoot: filepath.Join(root, "sys"),
		ProcRoot: filepath.Join(root, "proc")})
	if err != nil {
		t.Fatalf("%s: list disks: %v", name, err)
	}
	byName := map[string]imaging.BlockDevice{}
	for _, d := range disks {
		byName[d.Name] = d
	}
	var lines []string
	for _, p := range r.Disks {
		w, ok := byName[p.Name]
		if !ok {
			t.Errorf("%s: probe lists %s, imaging does not", name, p.Name)
			continue
		}
		if p.Identity() != w.Identity() {
			t.Errorf("%s %s: probe files it under %q, wipe under %q", name, p.Name, p.Identity(), w.Identity())
		}
		if p.Transport != orUnknown(w.Transport) || p.Medium != orUnknown(w.Medium) || p.Model != orUnknown(w.Model) {
			t.Errorf("%s %s: probe says %s/%s/%q, imaging %s/%s/%q", name, p.Name, p.Transport, p.Medium, p.Model,
				w.Transport, w.Medium, w.Model)
		}
		lines = append(lines, fmt.Sprintf("%s %s %s %s %s", name, p.Name, p.Transport, p.Medium, p.Identity()))
	}
	if len(r.Disks) == 0 {
		lines = append(lines, name+" (no disk)")
	}
	return lines
}

func orUnknown(s string) string {
	if s == "" {
		return probe.Unknown
	}
	return s
}

func unpack(t *testing.T, snap string) string {
	t.Helper()
	dir := t.TempDir()
	if err := snapshot.UnpackInto(snap, dir); err != nil {
		t.Fatalf("unpack %s: %v", snap, err)
	}
	// imaging reads the mount table to protect what is mounted; the
	// snapshots have none: nothing is mounted.
	write(t, filepath.Join(dir, "proc", "self", "mountinfo"), "")
	return dir
}

// eachDisk calls fn for every sd/nvme/vd disk of the capture with its
// major:minor and its real folder.
func eachDisk(t *testing.T, root string, fn func(name, dev, dir string)) {
	t.Helper()
	ents, _ := os.ReadDir(filepath.Join(root, "sys", "block"))
	for _, e := range ents {
		n := e.Name()
		if !strings.HasPrefix(n, "sd") && !strings.HasPrefix(n, "nvme") && !strings.HasPrefix(n, "vd") {
			continue
		}
		dir, err := filepath.EvalSymlinks(filepath.Join(root, "sys", "block", n))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "dev"))
		fn(n, strings.TrimSpace(string(b)), dir)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func golden(t *testing.T, lines []string) {
	t.Helper()
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "identities.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("identities changed (go test -update rewrites %s):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}
