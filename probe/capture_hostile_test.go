package probe

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tarEntry is one member of a hand-made capture archive.
type tarEntry struct {
	name string
	typ  byte // tar.TypeReg when zero
	link string
	body string
	size int64 // a body of this many zero bytes instead of body
}

// captureBase makes an archive a capture (sys/ and proc/ are there).
var captureBase = []tarEntry{
	{name: "sys/", typ: tar.TypeDir},
	{name: "proc/", typ: tar.TypeDir},
	{name: "proc/cpuinfo", body: "processor\t: 0\nmodel name\t: Capture CPU\n\n"},
}

// writeArchive writes entries (after captureBase unless bare) as a .tar.gz.
func writeArchive(t testing.TB, entries []tarEntry) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "capture.tar.gz")
	if err := os.WriteFile(p, archiveBytes(t, append(append([]tarEntry{}, captureBase...), entries...)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func archiveBytes(t testing.TB, entries []tarEntry) []byte {
	t.Helper()
	b, err := buildArchive(entries, true)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// buildArchive writes entries as a .tar.gz; unless strict, an entry the
// tar writer cannot encode (a fuzzed name) is left out.
func buildArchive(entries []tarEntry, strict bool) ([]byte, error) {
	var buf bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	tw := tar.NewWriter(gz)
	zeros := make([]byte, 1<<20)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Typeflag: e.typ, Linkname: e.link, Mode: 0o644, Format: tar.FormatGNU}
		if h.Typeflag == 0 {
			h.Typeflag = tar.TypeReg
		}
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(e.body))
			if e.size > 0 {
				h.Size = e.size
			}
		}
		if h.Typeflag == tar.TypeDir {
			h.Mode = 0o755
		}
		if err := tw.WriteHeader(h); err != nil {
			if strict {
				return nil, err
			}
			continue
		}
		if e.size > 0 {
			for left := e.size; left > 0; {
				n := min(left, int64(len(zeros)))
				tw.Write(zeros[:n])
				left -= n
			}
		} else if e.body != "" {
			tw.Write([]byte(e.body))
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	gz.Close()
	return buf.Bytes(), nil
}

// gatherWithin runs Gather and fails the test when it has not returned
// after 20 s: reading a pipe or a device must never hang a probe.
func gatherWithin(t *testing.T, o Options) (*Report, error) {
	t.Helper()
	type result struct {
		r   *Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := Gather(context.Background(), o)
		done <- result{r, err}
	}()
	select {
	case res := <-done:
		return res.r, res.err
	case <-time.After(20 * time.Second):
		t.Fatalf("probe --root %s still running after 20 s", o.Root)
		return nil, nil
	}
}

// isolatedTemp points TMPDIR at an empty folder of the test: whatever a
// probe extracts goes there, and must be gone when it returns.
func isolatedTemp(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tmp")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", dir)
	return dir
}

// listTree names everything under dir (relative), for "nothing was
// created" assertions.
func listTree(dir string) []string {
	var names []string
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, rel)
		}
		return nil
	})
	return names
}

// TestHostileArchivesWriteNothingOutside: an archive can never make
// probe --root create or change a file outside its extraction folder, and
// whatever it extracted is gone when the probe returns (issue 8.2).
func TestHostileArchivesWriteNothingOutside(t *testing.T) {
	type hostile struct {
		name    string
		entries func(out string) []tarEntry
	}
	cases := []hostile{
		{"absolute link, then a file under the same name", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/evil", typ: tar.TypeSymlink, link: out + "/pwned"}, {name: "sys/evil", body: "written as root"}}
		}},
		{"absolute link to a folder, then a file under it", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/d", typ: tar.TypeSymlink, link: out}, {name: "sys/d/pwned", body: "x"}}
		}},
		{"relative link climbing out, then a file under it", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/d", typ: tar.TypeSymlink, link: "../../../../../../../../../../../.." + out}, {name: "sys/d/pwned", body: "x"}}
		}},
		{"link whose target climbs out through another link", func(out string) []tarEntry {
			// lexically "s/p/.." is "s", inside; the kernel follows s to
			// sys and p to the extraction folder, then ".." leaves it
			return []tarEntry{{name: "s", typ: tar.TypeSymlink, link: "sys"}, {name: "sys/p", typ: tar.TypeSymlink, link: ".."},
				{name: "q", typ: tar.TypeSymlink, link: "s/p/.."}, {name: "q/pwned", body: "x"}}
		}},
		{"entry named with ..", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/../../pwned", body: "x"}}
		}},
		{"absolute entry name", func(out string) []tarEntry {
			return []tarEntry{{name: out + "/pwned", body: "x"}}
		}},
		{"hard link to a host file", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/h", typ: tar.TypeLink, link: out + "/host-file"}}
		}},
		{"hard link to a link leaving the capture, then a file", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/l", typ: tar.TypeSymlink, link: out + "/pwned"}, {name: "sys/h", typ: tar.TypeLink, link: "sys/l"}, {name: "sys/h", body: "x"}}
		}},
		{"folder replaced by a link, then a file under it", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/d/", typ: tar.TypeDir}, {name: "sys/d", typ: tar.TypeSymlink, link: out}, {name: "sys/d/pwned", body: "x"}}
		}},
		{"file given twice", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/f", body: "first"}, {name: "sys/f", body: "second"}}
		}},
		{"named pipe", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/class/dmi/id/product_name", typ: tar.TypeFifo}}
		}},
		{"character device", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/class/dmi/id/product_name", typ: tar.TypeChar}}
		}},
		{"block device", func(out string) []tarEntry {
			return []tarEntry{{name: "sys/disk", typ: tar.TypeBlock}}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tmp := isolatedTemp(t)
			out := t.TempDir()
			os.WriteFile(filepath.Join(out, "host-file"), []byte("host"), 0o644)
			archive := writeArchive(t, c.entries(out))
			_, err := gatherWithin(t, Options{Root: archive})
			if err == nil {
				t.Error("a hostile archive must be refused")
			} else if strings.Contains(err.Error(), "\n") {
				t.Errorf("the refusal must be one line: %q", err)
			}
			if got := listTree(out); len(got) != 1 || got[0] != "host-file" {
				t.Errorf("outside folder now holds %v", got)
			}
			if b, _ := os.ReadFile(filepath.Join(out, "host-file")); string(b) != "host" {
				t.Errorf("host file changed: %q", b)
			}
			if got := listTree(tmp); len(got) != 0 {
				t.Errorf("left behind in TMPDIR: %v", got)
			}
		})
	}
}

// liveCPUModel is this machine's processor, as /proc/cpuinfo names it.
func liveCPUModel(t *testing.T) string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	t.Fatal("no model name in /proc/cpuinfo")
	return ""
}

// TestHostileLinksReadNothingOutside: no fact of a report made from a
// capture comes from outside it, whether the capture is an archive or a
// folder: not a host file a link names, not the live /sys (issue 8.2).
func TestHostileLinksReadNothingOutside(t *testing.T) {
	// The host file reads as a product name and as a dmidecode dump.
	const secret = "HOST-SECRET-7f3a"
	secretFile := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secretFile, []byte("Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n\tManufacturer: "+secret+"\n\tProduct Name: "+secret+"\n"), 0o644)
	liveModel := liveCPUModel(t)
	liveDisks := listDir("/sys/block")

	cases := map[string][]tarEntry{
		"DMI product name linked to a host file (absolute link)": {
			{name: "sys/class/dmi/id/", typ: tar.TypeDir},
			{name: "sys/class/dmi/id/sys_vendor", body: "ACME\n"},
			{name: "sys/class/dmi/id/product_name", typ: tar.TypeSymlink, link: secretFile},
		},
		"DMI serial linked to a host file (relative link)": {
			{name: "sys/class/dmi/id/", typ: tar.TypeDir},
			{name: "sys/class/dmi/id/sys_vendor", body: "ACME\n"},
			{name: "sys/class/dmi/id/product_serial", typ: tar.TypeSymlink, link: "../../../../../../../../../../.." + secretFile},
		},
		"DMI folder linked to a host folder": {
			{name: "sys/class/", typ: tar.TypeDir},
			{name: "sys/class/dmi", typ: tar.TypeSymlink, link: filepath.Dir(secretFile)},
		},
		"sys and proc linked to the live ones": {
			{name: "live/", typ: tar.TypeDir},
			{name: "live/sys", typ: tar.TypeSymlink, link: "/sys"},
			{name: "live/proc", typ: tar.TypeSymlink, link: "/proc"},
		},
		"captured dmidecode output linked to a host file": {
			{name: "sys/class/dmi/id/", typ: tar.TypeDir},
			{name: "atelier/", typ: tar.TypeDir},
			{name: "atelier/dmidecode.txt", typ: tar.TypeSymlink, link: secretFile},
		},
	}
	check := func(t *testing.T, o Options) {
		t.Helper()
		isolatedTemp(t)
		r, err := gatherWithin(t, o)
		if err != nil {
			return // refused: nothing read
		}
		js, _ := json.Marshal(r)
		if strings.Contains(string(js), secret) {
			t.Errorf("host file leaked into the report: %s", js)
		}
		if r.CPU.Model == liveModel {
			t.Errorf("the live CPU (%s) is in a report made from a capture", liveModel)
		}
		for _, d := range r.Disks {
			for _, live := range liveDisks {
				if d.Name == live {
					t.Errorf("live disk %s is in a report made from a capture", live)
				}
			}
		}
	}
	for name, entries := range cases {
		t.Run(name+" (archive)", func(t *testing.T) {
			archive := writeArchive(t, entries)
			if name == "sys and proc linked to the live ones" {
				archive = bareArchive(t, []tarEntry{{name: "sys", typ: tar.TypeSymlink, link: "/sys"}, {name: "proc", typ: tar.TypeSymlink, link: "/proc"}})
			}
			check(t, Options{Root: archive})
		})
		t.Run(name+" (folder)", func(t *testing.T) {
			dir := t.TempDir()
			if name == "sys and proc linked to the live ones" {
				os.Symlink("/sys", filepath.Join(dir, "sys"))
				os.Symlink("/proc", filepath.Join(dir, "proc"))
			} else {
				extractForTest(t, dir, append(append([]tarEntry{}, captureBase...), entries...))
			}
			check(t, Options{Root: dir})
		})
	}
}

// bareArchive writes entries alone, without captureBase.
func bareArchive(t testing.TB, entries []tarEntry) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "bare.tar.gz")
	if err := os.WriteFile(p, archiveBytes(t, entries), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// extractForTest lays entries out in dir with plain os calls (the test
// builds a hostile folder on purpose).
func extractForTest(t *testing.T, dir string, entries []tarEntry) {
	t.Helper()
	for _, e := range entries {
		p := filepath.Join(dir, e.name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		switch e.typ {
		case tar.TypeDir:
			os.MkdirAll(p, 0o755)
		case tar.TypeSymlink:
			if err := os.Symlink(e.link, p); err != nil {
				t.Fatal(err)
			}
		default:
			if err := os.WriteFile(p, []byte(e.body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestArchiveLimits: an archive that expands past what a real capture
// holds is refused with a one-line error naming the limit, and nothing of
// it is left on disk (issue 8.2).
func TestArchiveLimits(t *testing.T) {
	cases := map[string][]tarEntry{
		"one file past the per-file limit": {{name: "proc/meminfo", size: maxCaptureFileBytes + 1}},
	}
	for name, entries := range cases {
		t.Run(name, func(t *testing.T) {
			tmp := isolatedTemp(t)
			_, err := gatherWithin(t, Options{Root: writeArchive(t, entries)})
			if err == nil || !strings.Contains(err.Error(), "MiB") {
				t.Fatalf("err = %v, want a refusal naming the limit", err)
			}
			if got := listTree(tmp); len(got) != 0 {
				t.Errorf("left behind: %d entries, first %v", len(got), got[0])
			}
		})
	}
}

// TestFolderRootRefusesWhatIsNotAFile: a folder given to --root holding a
// pipe, a device or a file larger than a capture's is refused at once,
// never read (a pipe blocked the probe forever, /dev/zero filled memory;
// issue 8.9).
func TestFolderRootRefusesWhatIsNotAFile(t *testing.T) {
	make := func(t *testing.T, kind string) string {
		dir := t.TempDir()
		extractForTest(t, dir, append(append([]tarEntry{}, captureBase...), tarEntry{name: "sys/class/dmi/id/", typ: tar.TypeDir}))
		p := filepath.Join(dir, "sys/class/dmi/id/product_name")
		switch kind {
		case "pipe":
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		case "device":
			requireRoot(t)
			if err := syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|5); err != nil { // 1:5 is /dev/zero
				t.Fatal(err)
			}
		case "huge file":
			f, _ := os.Create(p)
			f.Truncate(maxCaptureFileBytes + 1)
			f.Close()
		}
		return dir
	}
	for _, kind := range []string{"pipe", "device", "huge file"} {
		t.Run(kind, func(t *testing.T) {
			dir := make(t, kind)
			isolatedTemp(t)
			_, err := gatherWithin(t, Options{Root: dir})
			if err == nil || !strings.Contains(err.Error(), "product_name") {
				t.Fatalf("err = %v, want a refusal naming sys/class/dmi/id/product_name", err)
			}
		})
	}
}

// requireRoot skips a test that needs root, unless CI=true, where it fails.
func requireRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("this test needs root and CI=true: run CI as root")
	}
	t.Skip("needs root to make a device node (CI runs it)")
}
