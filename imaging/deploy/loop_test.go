package deploy

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureErr  error
)

// fixture builds the test image once per test binary with the project's
// own fixture script (real sgdisk, mkfs, bmaptool, zstd, xz, gzip).
func fixture(t testing.TB) string {
	t.Helper()
	looptest.Require(t)
	fixtureOnce.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		script := filepath.Join(filepath.Dir(file), "..", "..", "scripts", "make-test-image.sh")
		fixtureDir, fixtureErr = os.MkdirTemp("", "atelier-deploy-fixture-")
		if fixtureErr != nil {
			return
		}
		out, err := exec.Command("bash", script, fixtureDir, "64M").CombinedOutput()
		if err != nil {
			fixtureErr = &cmdErr{err, string(out)}
		}
	})
	if fixtureErr != nil {
		t.Fatalf("fixture: %v", fixtureErr)
	}
	return fixtureDir
}

type cmdErr struct {
	err error
	out string
}

func (e *cmdErr) Error() string { return e.err.Error() + ": " + e.out }

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

func runOut(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v: %s", name, args, err, out)
	}
	return string(out)
}

// assertMappedEqual compares every mapped range of the image with the disk.
func assertMappedEqual(t *testing.T, img, dev string, b *Bmap) {
	t.Helper()
	fi, err := os.Open(img)
	if err != nil {
		t.Fatal(err)
	}
	defer fi.Close()
	fd, err := os.Open(dev)
	if err != nil {
		t.Fatal(err)
	}
	defer fd.Close()
	for _, r := range b.Ranges {
		n := b.End(r) - b.Start(r)
		want, got := make([]byte, n), make([]byte, n)
		if _, err := fi.ReadAt(want, b.Start(r)); err != nil {
			t.Fatal(err)
		}
		if _, err := fd.ReadAt(got, b.Start(r)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, got) {
			t.Fatalf("range %s differs between image and %s", r.Label(), dev)
		}
	}
}

func debugfs(t *testing.T, part, req string) string {
	t.Helper()
	out, err := exec.Command("debugfs", "-R", req, part).Output()
	if err != nil {
		t.Fatalf("debugfs -R %q %s: %v", req, part, err)
	}
	return string(out)
}

// TestDeployEachFormAndPersonalise writes the raw, zstd, xz and gzip forms
// onto a bigger loop device, checks the mapped bytes, then personalises
// the copy and checks what the next owner's machine will see.
func TestDeployEachFormAndPersonalise(t *testing.T) {
	dir := fixture(t)
	raw := filepath.Join(dir, "zorin-test.img")
	b, err := LoadBmap(raw + ".bmap")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"zorin-test.img", "zorin-test.img.zst", "zorin-test.img.xz", "zorin-test.img.gz"} {
		t.Run(name, func(t *testing.T) {
			dev := looptest.Attach(t, 96<<20, looptest.Partitions())
			ctx := context.Background()
			plan, err := Prepare(ctx, Request{Image: filepath.Join(dir, name), Target: dev})
			if err != nil {
				t.Fatal(err)
			}
			if plan.BmapPath != raw+".bmap" {
				t.Fatalf("bmap found: %q, want %q", plan.BmapPath, raw+".bmap")
			}
			res, err := plan.Run(ctx, nil)
			if err != nil || res.Status != "passed" {
				t.Fatalf("deploy: %v (%+v)", err, res)
			}
			if res.Verification != "bmap-sha256+read-back" {
				t.Errorf("verification %q", res.Verification)
			}
			if res.WrittenBytes != b.MappedBytes() {
				t.Errorf("wrote %d bytes, bmap maps %d", res.WrittenBytes, b.MappedBytes())
			}
			assertMappedEqual(t, raw, dev, b)

			steps, err := Personalise(ctx, dev, PersonaliseOptions{Hostname: "pcs-26-0042"})
			if err != nil {
				t.Fatalf("personalise: %v (%+v)", err, steps)
			}
			for _, s := range steps {
				if s.Status != "ok" {
					t.Errorf("step %s: %s %s", s.Name, s.Status, s.Detail)
				}
				// The grown partition is told by its new size, in the
				// reader's language, not by growpart's own English report.
				if s.Name == "grow" && (strings.Contains(s.Detail, "CHANGED") || !strings.Contains(s.Detail, "(now ") ||
					!strings.Contains(s.In(i18n.FR), "(désormais ") || !strings.Contains(s.In(i18n.FR), "\u202fMo)")) {
					t.Errorf("grow step: %q / %q", s.Detail, s.In(i18n.FR))
				}
			}
			assertPersonalised(t, dev, 96<<20)
		})
	}
}

func assertPersonalised(t *testing.T, dev string, size int64) {
	t.Helper()
	if out := runOut(t, "sgdisk", "-v", dev); !strings.Contains(out, "No problems found") {
		t.Errorf("sgdisk -v %s:\n%s", dev, out)
	}
	g, err := readGPT(dev)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := g.last()
	sectors := size / 512
	if last.Last < sectors-34-2048 {
		t.Errorf("last partition ends at sector %d of %d: not grown", last.Last, sectors)
	}
	part := partPath(dev, last.Index)
	var blocks, bsize int64
	for _, l := range strings.Split(runOut(t, "dumpe2fs", "-h", part), "\n") {
		k, v, _ := strings.Cut(l, ":")
		switch k {
		case "Block count":
			blocks, _ = strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		case "Block size":
			bsize, _ = strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		}
	}
	if partBytes := (last.Last - last.First + 1) * 512; blocks*bsize < partBytes-64<<10 { // resize2fs rounds down a little
		t.Errorf("filesystem is %d bytes, partition %d: not grown", blocks*bsize, partBytes)
	}
	if out := debugfs(t, part, "stat /etc/machine-id"); !strings.Contains(out, "Size: 0") {
		t.Errorf("machine-id not empty:\n%s", out)
	}
	if out := debugfs(t, part, "cat /etc/hostname"); out != "pcs-26-0042\n" {
		t.Errorf("hostname %q", out)
	}
	if out := debugfs(t, part, "cat /etc/hosts"); !strings.Contains(out, "127.0.1.1\tpcs-26-0042\n") || strings.Contains(out, "zorin-master") {
		t.Errorf("hosts:\n%s", out)
	}
	if out := debugfs(t, part, "ls /etc/ssh"); strings.Contains(out, "ssh_host_") || !strings.Contains(out, "sshd_config") {
		t.Errorf("/etc/ssh:\n%s", out)
	}
	if out := debugfs(t, part, "ls /etc/NetworkManager/system-connections"); strings.Contains(out, "Atelier-WiFi") {
		t.Errorf("Wi-Fi connection still there:\n%s", out)
	}
	if out := debugfs(t, part, "stat /etc/systemd/system/default.target"); !strings.Contains(out, "oem-config.target") {
		t.Errorf("default.target not oem-config.target:\n%s", out)
	}
}

// Without growpart, the last partition is re-created by sgdisk at the same
// start with the same type, GUID and name, up to the end of the disk.
func TestGrowWithSgdiskKeepsIdentity(t *testing.T) {
	dir := fixture(t)
	dev := looptest.Attach(t, 96<<20, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: filepath.Join(dir, "zorin-test.img"), Target: dev, Verify: "none"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	runOut(t, "sgdisk", "-e", dev)
	before, err := readGPT(dev)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := before.last()
	p := &personaliser{ctx: context.Background(), dev: dev, o: PersonaliseOptions{}}
	p.growWithSgdisk(last)
	if len(p.steps) != 1 || p.steps[0].Status != "ok" {
		t.Fatalf("steps %+v", p.steps)
	}
	after, err := readGPT(dev)
	if err != nil {
		t.Fatal(err)
	}
	grown, _ := after.last()
	if grown.First != last.First || grown.Type != last.Type || grown.GUID != last.GUID || grown.Name != last.Name {
		t.Fatalf("identity changed: %+v -> %+v", last, grown)
	}
	if grown.Last < (96<<20)/512-34-2048 {
		t.Fatalf("not grown: %+v", grown)
	}
	if out := runOut(t, "sgdisk", "-v", dev); !strings.Contains(out, "No problems found") {
		t.Fatalf("sgdisk -v:\n%s", out)
	}
}
