package probe

import (
	"archive/tar"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// smallLimits keep limit tests and fuzzing fast; the same code enforces
// the real ones.
var smallLimits = captureLimits{entries: 40, fileBytes: 1000, totalBytes: 3000, streamBytes: 64 << 10}

// sandbox is a folder holding an "out" folder with one host file (what an
// archive must never reach) and a "tmp" folder where staging happens.
type sandbox struct{ dir, out, tmp string }

const sentinel = "host file, untouched"

func newSandbox(t testing.TB) sandbox {
	t.Helper()
	dir := t.TempDir()
	sb := sandbox{dir: dir, out: filepath.Join(dir, "out"), tmp: filepath.Join(dir, "tmp")}
	for _, d := range []string{sb.out, sb.tmp} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(sb.out, "host-file"), []byte(sentinel), 0o644); err != nil {
		t.Fatal(err)
	}
	return sb
}

func refusalKey(err error) string {
	var ce *captureError
	if errors.As(err, &ce) {
		return ce.key
	}
	return ""
}

func TestStageLimits(t *testing.T) {
	many := func(n int, e func(i int) tarEntry) []tarEntry {
		var out []tarEntry
		for i := range n {
			out = append(out, e(i))
		}
		return out
	}
	cases := map[string]struct {
		entries []tarEntry
		key     string
		lim     *captureLimits
	}{
		"one entry too many": {many(smallLimits.entries-len(captureBase)+1, func(i int) tarEntry {
			return tarEntry{name: "sys/d" + strconv.Itoa(i) + "/", typ: tar.TypeDir}
		}), "capture.too_many", nil},
		"one file one byte too large": {[]tarEntry{{name: "proc/meminfo", size: smallLimits.fileBytes + 1}}, "capture.file_too_large", nil},
		"files together too large": {many(4, func(i int) tarEntry {
			return tarEntry{name: "sys/f" + strconv.Itoa(i), size: smallLimits.fileBytes}
		}), "capture.too_large", nil},
		"hard links adding up": {append([]tarEntry{{name: "sys/f", size: smallLimits.fileBytes}}, many(3, func(i int) tarEntry {
			return tarEntry{name: "sys/h" + strconv.Itoa(i), typ: tar.TypeLink, link: "sys/f"}
		})...), "capture.too_large", nil},
		"headers past the stream limit": {many(60, func(i int) tarEntry {
			// empty folders: 512 bytes of header each, nothing else
			return tarEntry{name: "sys/d" + strconv.Itoa(i) + "/", typ: tar.TypeDir}
		}), "capture.stream_too_large", &captureLimits{entries: 1000, fileBytes: 1000, totalBytes: 3000, streamBytes: 20 << 10}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			sb := newSandbox(t)
			lim := smallLimits
			if c.lim != nil {
				lim = *c.lim
			}
			dir, err := stageArchive(context.Background(), writeArchive(t, c.entries), sb.tmp, lim)
			if got := refusalKey(err); got != c.key {
				t.Fatalf("refusal %q (%v), want %q", got, err, c.key)
			}
			if dir != "" || len(listTree(sb.tmp)) != 0 {
				t.Errorf("left behind: %v", listTree(sb.tmp))
			}
		})
	}
	// exactly at every limit passes
	sb := newSandbox(t)
	at := append(many(2, func(i int) tarEntry { return tarEntry{name: "sys/f" + strconv.Itoa(i), size: smallLimits.fileBytes} }),
		tarEntry{name: "sys/g", size: smallLimits.totalBytes - 2*smallLimits.fileBytes - int64(len(captureBase[2].body))})
	at = append(at, many(smallLimits.entries-len(captureBase)-len(at), func(i int) tarEntry {
		return tarEntry{name: "sys/d" + strconv.Itoa(i) + "/", typ: tar.TypeDir}
	})...)
	if _, err := stageArchive(context.Background(), writeArchive(t, at), sb.tmp, smallLimits); err != nil {
		t.Fatalf("an archive exactly at the limits is refused: %v", err)
	}
}

// TestStageReRootsAbsoluteLinks: a link to an absolute path names that
// path inside the capture, as in a chroot (ghw's own snapshots hold
// etc/mtab -> /proc/self/mounts).
func TestStageReRootsAbsoluteLinks(t *testing.T) {
	sb := newSandbox(t)
	dir, err := stageArchive(context.Background(), writeArchive(t, []tarEntry{
		{name: "proc/self/mounts", body: "captured mounts\n"},
		{name: "etc/mtab", typ: tar.TypeSymlink, link: "/proc/self/mounts"},
		{name: "sys/top", typ: tar.TypeSymlink, link: "/"},
		{name: "sys/host", typ: tar.TypeSymlink, link: sb.out + "/host-file"},
	}), sb.tmp, smallLimits)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "etc/mtab")); err != nil || string(b) != "captured mounts\n" {
		t.Errorf("etc/mtab reads %q, %v", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "sys/top/proc/self/mounts")); err != nil || string(b) != "captured mounts\n" {
		t.Errorf("sys/top/proc/self/mounts reads %q, %v", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "sys/host")); err == nil {
		t.Errorf("a host path named by an absolute link was read: %q", b)
	}
}

// TestStageRealCapture: a real snapshot stages whole (TestSnapshotsAll
// probes all six), with only files, folders and links that end inside, and
// its absolute link re-rooted: etc/mtab -> /proc/self/mounts reads the
// captured mounts, not this machine's.
func TestStageRealCapture(t *testing.T) {
	sb := newSandbox(t)
	dir, err := stageArchive(context.Background(), filepath.Join(corpus(t, "ghw-snapshots"), "amd-ryzen-1600.tar.gz"), sb.tmp, defaultCaptureLimits())
	if err != nil {
		t.Fatal(err)
	}
	checkStaged(t, dir, defaultCaptureLimits())
	if n := len(listTree(dir)); n != 2167 {
		t.Errorf("%d entries staged, the archive holds 2167", n)
	}
	if target, err := os.Readlink(filepath.Join(dir, "etc/mtab")); err != nil || target != "../proc/self/mounts" {
		t.Errorf("etc/mtab -> %q (%v), want ../proc/self/mounts", target, err)
	}
}

// checkStaged asserts what a staged capture may hold: within the limits,
// only files, folders and links, every link ending inside.
func checkStaged(t testing.TB, dir string, lim captureLimits) {
	t.Helper()
	var entries int
	var total int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		entries++
		fi, err := d.Info()
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case fi.Mode().IsRegular():
			if fi.Size() > lim.fileBytes {
				t.Errorf("%s: %d bytes", p, fi.Size())
			}
			total += fi.Size()
		case fi.IsDir():
		case fi.Mode()&fs.ModeSymlink != 0:
			if real, err := filepath.EvalSymlinks(p); err == nil && real != dir && !strings.HasPrefix(real, dir+"/") {
				t.Errorf("link %s ends outside, at %s", p, real)
			}
		default:
			t.Errorf("%s: %v is not a file, folder or link", p, fi.Mode())
		}
		return nil
	})
	// a folder staged implicitly for a nested entry is not an entry of the
	// archive: allow one per entry
	if entries > 2*lim.entries || total > lim.totalBytes {
		t.Errorf("staged %d entries, %d bytes: past %+v", entries, total, lim)
	}
}

// parseOps reads the fuzzer's archive description, one entry a line:
// "KIND NAME [TARGET|SIZE]" with KIND D (folder), F (file), L (link),
// H (hard link), P (pipe), C (device). OUT in a name or target is the
// sandbox's outside folder.
func parseOps(data, out string) []tarEntry {
	var entries []tarEntry
	for _, line := range strings.Split(data, "\n") {
		f := strings.Fields(strings.ReplaceAll(line, "OUT", out))
		if len(f) < 2 || len(entries) >= 64 {
			continue
		}
		e := tarEntry{name: f[1]}
		arg := ""
		if len(f) > 2 {
			arg = f[2]
		}
		switch f[0] {
		case "D":
			e.typ = tar.TypeDir
		case "F":
			n, _ := strconv.Atoi(arg)
			e.size = int64(n % 4096)
			if e.size <= 0 {
				e.body = arg
			}
		case "L":
			e.typ, e.link = tar.TypeSymlink, arg
		case "H":
			e.typ, e.link = tar.TypeLink, arg
		case "P":
			e.typ = tar.TypeFifo
		case "C":
			e.typ = tar.TypeChar
		default:
			continue
		}
		entries = append(entries, e)
	}
	return entries
}

// FuzzStageArchive: whatever an archive holds (names with .. or /, links
// absolute or climbing, links through links, hard links, duplicate names,
// folders replaced by links, devices, sizes past the limits), staging it
// never creates or changes anything outside its folder, leaves nothing
// when it refuses, and what it accepts holds within the limits.
func FuzzStageArchive(f *testing.F) {
	for _, seed := range []string{
		"D sys/\nD proc/\nF proc/cpuinfo cpu",
		"L sys/evil OUT/pwned\nF sys/evil x",
		"L sys/d OUT\nF sys/d/pwned x",
		"L sys/d ../../../../../../../../OUT\nF sys/d/pwned x",
		"L s sys\nL sys/p ..\nL q s/p/..\nF q/pwned x",
		"F sys/../../pwned x\nF /abs x\nF OUT/pwned x",
		"H sys/h OUT/host-file\nL sys/l OUT/pwned\nH sys/g sys/l\nF sys/g x",
		"D sys/d/\nL sys/d OUT\nF sys/d/pwned x",
		"F sys/f 1\nF sys/f 2\nD sys/f",
		"P sys/pipe\nC sys/zero\nF sys/big 4000\nF sys/b2 999\nF sys/b3 999\nF sys/b4 999",
		"L etc/mtab /proc/self/mounts\nF proc/self/mounts m\nL sys/top /\nL sys/loop sys/loop\nL a b\nL b a",
		"L x .\nL y x/x/x/..\nL z y/..\nF z/pwned x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, ops string) {
		sb := newSandbox(t)
		archive := filepath.Join(t.TempDir(), "fuzz.tar.gz")
		data, err := buildArchive(parseOps(ops, sb.out), false)
		if err != nil {
			t.Skip(err) // not an archive the tar writer can write
		}
		if err := os.WriteFile(archive, data, 0o644); err != nil {
			t.Fatal(err)
		}
		dir, err := stageArchive(context.Background(), archive, sb.tmp, smallLimits)
		if got := listTree(sb.out); len(got) != 1 || got[0] != "host-file" {
			t.Fatalf("outside folder now holds %v", got)
		}
		if b, _ := os.ReadFile(filepath.Join(sb.out, "host-file")); string(b) != sentinel {
			t.Fatalf("host file changed: %q", b)
		}
		top, _ := os.ReadDir(sb.dir)
		if len(top) != 2 {
			t.Fatalf("sandbox now holds %v", top)
		}
		if err != nil {
			if left := listTree(sb.tmp); len(left) != 0 {
				t.Fatalf("refused (%v) but left %v", err, left)
			}
			return
		}
		if filepath.Dir(dir) != sb.tmp {
			t.Fatalf("staged at %s", dir)
		}
		checkStaged(t, dir, smallLimits)
		os.RemoveAll(dir)
	})
}
