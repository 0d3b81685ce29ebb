package main

// End-to-end tests of atelier disks and atelier wipe on loop devices the
// tests create themselves. They run the real binary (testscript's TestMain
// puts "atelier" on PATH). CI runs as root, so there they must run.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/looptest"
	"golang.org/x/sys/unix"
)

// bench is a fresh ledger with its bench key, for one test.
type bench struct {
	t   *testing.T
	dir string
}

func newBench(t *testing.T) *bench {
	b := &bench{t: t, dir: t.TempDir()}
	if _, errOut, code := b.run("init"); code != 0 {
		t.Fatalf("atelier init: %s", errOut)
	}
	return b
}

func (b *bench) cmd(args ...string) *exec.Cmd {
	c := exec.Command("atelier", args...)
	c.Env = append(os.Environ(), "ATELIER_LEDGER="+filepath.Join(b.dir, "ledger.db"), "ATELIER_OPERATOR=camille",
		"LANG=en_US.UTF-8", "LC_ALL=", "XDG_DATA_HOME="+b.dir)
	return c
}

func (b *bench) run(args ...string) (stdout, stderr string, code int) {
	b.t.Helper()
	c := b.cmd(args...)
	var o, e bytes.Buffer
	c.Stdout, c.Stderr = &o, &e
	err := c.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		b.t.Fatalf("atelier %v: %v", args, err)
	}
	return o.String(), e.String(), code
}

func (b *bench) addUnit(serial string) string {
	out, errOut, code := b.run("intake", "add", "--serial", serial, "--vendor", "Dell", "--model", "Latitude E6410", "--type", "laptop", "--json")
	if code != 0 {
		b.t.Fatalf("intake add: %s", errOut)
	}
	var u struct{ ID string }
	if err := json.Unmarshal([]byte(out), &u); err != nil || u.ID == "" {
		b.t.Fatalf("intake add --json: %q", out)
	}
	return u.ID
}

// triagedUnit registers a unit and moves it to triaged, where its disks
// may be wiped.
func (b *bench) triagedUnit(serial string) string {
	unit := b.addUnit(serial)
	if _, errOut, code := b.run("unit", "move", unit, "triaged"); code != 0 {
		b.t.Fatalf("unit move: %s", errOut)
	}
	return unit
}

type wipeResultJSON struct {
	Disk, Serial, Status, Technique, NIST, Unit string
	Bytes                                       int64
	Errors                                      []string
	Certificate                                 *string
	Recorded                                    bool
}

func decodeResults(t *testing.T, out string) []wipeResultJSON {
	t.Helper()
	var rs []wipeResultJSON
	if err := json.Unmarshal([]byte(out), &rs); err != nil {
		t.Fatalf("wipe --json: %v\n%s", err, out)
	}
	return rs
}

// deviceBytes reads a whole device through the page cache (flushed first),
// independently of the wipe engine.
func deviceBytes(t *testing.T, dev string) []byte {
	t.Helper()
	exec.Command("blockdev", "--flushbufs", dev).Run()
	b, err := os.ReadFile(dev)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWipeTwoLoopDevicesInParallel(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.addUnit("5CG7281XYZ")
	d1 := looptest.Attach(t, 40<<20, looptest.Fill(0xA5))
	d2 := looptest.Attach(t, 24<<20, looptest.Fill(0x5A))
	out, errOut, code := b.run("wipe", "--yes", "--json", "--unit", unit, d1, d2)
	if code != 0 {
		t.Fatalf("wipe exit %d: %s\n%s", code, errOut, out)
	}
	rs := decodeResults(t, out)
	if len(rs) != 2 {
		t.Fatalf("%d results", len(rs))
	}
	for _, r := range rs {
		if r.Status != "passed" || r.Technique != "overwrite-zero" || r.NIST != "Clear" || !r.Recorded || r.Unit != unit || r.Certificate == nil {
			t.Fatalf("result %+v", r)
		}
		if _, errOut, code := b.run("verify", *r.Certificate); code != 0 {
			t.Fatalf("certificate %s does not verify: %s", *r.Certificate, errOut)
		}
		got := deviceBytes(t, r.Disk)
		if int64(len(got)) != r.Bytes || !bytes.Equal(got, make([]byte, len(got))) {
			t.Fatalf("%s is not all zeros after the wipe", r.Disk)
		}
	}
	show, _, _ := b.run("unit", "show", unit)
	if strings.Count(show, "erased (passed)") < 2 {
		t.Fatalf("unit show does not list both erasures:\n%s", show)
	}
}

func TestWipeRandomWithoutUnitStillCertifies(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	d := looptest.Attach(t, 16<<20)
	outDir := filepath.Join(t.TempDir(), "certs")
	out, errOut, code := b.run("wipe", "--yes", "--json", "--method", "random", "--out", outDir, d)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := decodeResults(t, out)[0]
	if r.Status != "passed" || r.Technique != "overwrite-random" || r.Recorded || r.Certificate == nil || filepath.Dir(*r.Certificate) != outDir {
		t.Fatalf("%+v", r)
	}
	// Random data, not zeros, is on the disk.
	if got := deviceBytes(t, d); bytes.Count(got, []byte{0}) > len(got)/100 {
		t.Fatal("the random wipe left mostly zeros")
	}
}

func TestWipeInterruptedBySignal(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.addUnit("CZC4150KQ2")
	d := looptest.Attach(t, 2<<30) // large enough to still be running when signalled
	outDir := filepath.Join(t.TempDir(), "certs")
	c := b.cmd("wipe", "--yes", "--json", "--method", "random", "--unit", unit, "--out", outDir, d)
	var stdout bytes.Buffer
	c.Stdout = &stdout
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the wipe has begun writing, then press Ctrl-C.
	started := make(chan struct{})
	var errText strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			errText.WriteString(sc.Text() + "\n")
			if strings.HasPrefix(sc.Text(), "wiping ") {
				close(started)
			}
		}
	}()
	select {
	case <-started:
	case <-time.After(60 * time.Second):
		c.Process.Kill()
		t.Fatal("the wipe never started")
	}
	time.Sleep(300 * time.Millisecond)
	c.Process.Signal(syscall.SIGINT)
	err = c.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v (want 130); stderr: %s", err, errText.String())
	}
	r := decodeResults(t, stdout.String())[0]
	if r.Status != "interrupted" || r.Certificate != nil || r.NIST != "none" || r.Bytes >= 2<<30 {
		t.Fatalf("%+v", r)
	}
	if ents, _ := os.ReadDir(outDir); len(ents) != 0 {
		t.Fatalf("files written for an interrupted wipe: %v", ents)
	}
	show, _, _ := b.run("unit", "show", unit)
	if !strings.Contains(show, "interrupted") {
		t.Fatalf("unit show does not record the interruption:\n%s", show)
	}
}

func TestWipeKilledLeavesStartedNeverFinished(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.addUnit("MXL1234ABC")
	d := looptest.Attach(t, 2<<30)
	c := b.cmd("wipe", "--yes", "--method", "random", "--unit", unit, d)
	stderr, _ := c.StderrPipe()
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stderr).ReadString('\n')
	if !strings.HasPrefix(line, "wiping ") {
		c.Process.Kill()
		c.Wait()
		t.Fatalf("first line %q", line)
	}
	c.Process.Signal(syscall.SIGKILL)
	go io.Copy(io.Discard, stderr)
	c.Wait()
	show, _, _ := b.run("unit", "show", unit)
	if !strings.Contains(show, "never finished") {
		t.Fatalf("unit show after kill -9:\n%s", show)
	}
	if ents, _ := os.ReadDir(filepath.Join(b.dir, "certificates")); len(ents) != 0 {
		t.Fatalf("certificate after kill -9: %v", ents)
	}
}

func TestWipeRefusesMountedLoopDevice(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	d := looptest.Attach(t, 32<<20)
	if out, err := exec.Command("mkfs.ext4", "-q", "-F", d).CombinedOutput(); err != nil {
		t.Fatalf("mkfs.ext4: %v: %s", err, out)
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", d, mnt).CombinedOutput(); err != nil {
		t.Fatalf("mount: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	_, errOut, code := b.run("wipe", "--yes", d)
	if code == 0 || !strings.Contains(errOut, "mounted filesystem") || !strings.Contains(errOut, mnt) {
		t.Fatalf("mounted device: exit %d, %s", code, errOut)
	}
	out, _, _ := b.run("disks", "--json")
	if !strings.Contains(out, `"path": "`+d+`"`) || !strings.Contains(out, "mounted filesystem ("+mnt+")") {
		t.Fatalf("disks --json does not show %s protected:\n%s", d, out)
	}
}

// systemDisks are the whole disks under / (through partitions and dm/md
// slaves, read from sysfs here), or, where / is on no block device (an
// overlay or tmpfs in a container), the disks that hold any mounted
// filesystem; loop devices aside, which other tests attach meanwhile.
func systemDisks(t *testing.T) (disks []string, want map[string]string, how string) {
	t.Helper()
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Fatal(err)
	}
	under := func(majmin string) []string {
		link, err := os.Readlink("/sys/dev/block/" + majmin)
		if err != nil {
			return nil
		}
		var walk func(string, int) []string
		walk = func(name string, depth int) []string {
			if _, err := os.Stat(filepath.Join("/sys/class/block", name, "partition")); err == nil {
				l, _ := os.Readlink(filepath.Join("/sys/class/block", name))
				name = filepath.Base(filepath.Dir(l))
			}
			sl, _ := os.ReadDir(filepath.Join("/sys/class/block", name, "slaves"))
			if len(sl) == 0 || depth > 16 {
				return []string{"/dev/" + name}
			}
			var out []string
			for _, s := range sl {
				out = append(out, walk(s.Name(), depth+1)...)
			}
			return out
		}
		return walk(filepath.Base(link), 0)
	}
	want = map[string]string{"en": "running system", "fr": "système en cours"}
	var mounted []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		for _, d := range under(f[2]) {
			if strings.HasPrefix(d, "/dev/loop") {
				continue
			}
			if f[4] == "/" {
				disks = append(disks, d)
			}
			mounted = append(mounted, d)
		}
	}
	if len(disks) > 0 {
		return disks, want, "/ is on " + strings.Join(disks, ", ")
	}
	want = map[string]string{"en": "refusing to write", "fr": "refusée"}
	return mounted, want, "/ is on no block device: the disks holding a mounted filesystem"
}

// The disks holding / on this host are refused; this test only ever uses
// --dry-run on them. TestWipeRefusesTheRunningSystemInAChroot proves the
// same on a system disk of its own, whatever this host's layout.
func TestWipeDryRunRefusesRootDisk(t *testing.T) {
	disks, want, how := systemDisks(t)
	t.Logf("%s (%d disk(s))", how, len(disks))
	b := &bench{t: t, dir: t.TempDir()}
	for _, disk := range disks {
		for _, lang := range []string{"en", "fr"} {
			_, errOut, code := b.run("wipe", "--dry-run", "--yes", "--lang", lang, disk)
			if code == 0 || !strings.Contains(errOut, want[lang]) {
				t.Fatalf("wipe --dry-run %s (%s): exit %d, %q", disk, lang, code, errOut)
			}
		}
	}
}

func TestWipeDryRunWritesNothing(t *testing.T) {
	looptest.Require(t)
	b := &bench{t: t, dir: t.TempDir()}
	d := looptest.Attach(t, 8<<20, looptest.Fill(0xEE))
	out, errOut, code := b.run("wipe", "--dry-run", "--json", d)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var plans []struct{ Technique, NIST, Verify string }
	if err := json.Unmarshal([]byte(out), &plans); err != nil || len(plans) != 1 {
		t.Fatalf("%v %s", err, out)
	}
	if p := plans[0]; p.Technique != "zero" || p.NIST != "Clear" || p.Verify != "full" {
		t.Fatalf("plan %+v", p)
	}
	if got := deviceBytes(t, d); !bytes.Equal(got, bytes.Repeat([]byte{0xEE}, len(got))) {
		t.Fatal("a dry run changed the disk")
	}
}

// --verify none writes every byte but is no sanitization (NIST SP 800-88):
// result "unverified", exit 3, no certificate, and the unit is not erased.
func TestWipeWithoutVerifyIsUnverified(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.triagedUnit("5CG1UNVER1")
	d := looptest.Attach(t, 16<<20, looptest.Fill(0xC3))
	outDir := filepath.Join(t.TempDir(), "certs")
	out, errOut, code := b.run("wipe", "--yes", "--json", "--verify", "none", "--unit", unit, "--out", outDir, d)
	if code != 3 {
		t.Fatalf("exit %d, want 3: %s\n%s", code, errOut, out)
	}
	if !strings.Contains(errOut, "not verified") {
		t.Fatalf("stderr does not say the disk was not verified: %s", errOut)
	}
	r := decodeResults(t, out)[0]
	if r.Status != "unverified" || r.NIST != "none" || r.Certificate != nil || !r.Recorded || !strings.Contains(out, "no certificate; run again with --verify sample or full") {
		t.Fatalf("%+v\n%s", r, out)
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Fatalf("%d certificate files written for an unverified wipe", len(entries))
	}
	if got := deviceBytes(t, d); !bytes.Equal(got, make([]byte, len(got))) {
		t.Fatal("the disk was not written")
	}
	if show, _, _ := b.run("unit", "show", unit); strings.Contains(show, "erased (passed)") || strings.Contains(show, "wiped") {
		t.Fatalf("an unverified wipe counts as an erasure:\n%s", show)
	}
}

// A disk another program holds exclusively (here the test; in real life a
// second atelier wipe) is refused before anything reaches the ledger.
func TestWipeBusyDiskRecordsNothing(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.addUnit("5CG1BUSY01")
	d := looptest.Attach(t, 16<<20, looptest.Fill(0x77))
	fd, err := unix.Open(d, unix.O_RDONLY|unix.O_EXCL, 0)
	if err != nil {
		t.Fatalf("hold %s: %v", d, err)
	}
	defer unix.Close(fd)
	out, errOut, code := b.run("wipe", "--yes", "--unit", unit, d)
	if code != 1 || !strings.Contains(errOut, "disk busy") || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
		t.Fatalf("exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	if show, _, _ := b.run("unit", "show", unit); strings.Contains(show, "wipe of disk") {
		t.Fatalf("a refused wipe was recorded:\n%s", show)
	}
	if got := deviceBytes(t, d); !bytes.Equal(got, bytes.Repeat([]byte{0x77}, len(got))) {
		t.Fatal("the busy disk was written")
	}
}

// Without --unit, a loop disk already recorded on a unit (by an earlier
// wipe, under its loop:<file> identity) is found again; without a
// terminal, each phase is announced on its own line.
func TestWipeFindsUnitByDiskIdentity(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.addUnit("5CG1IDENT1")
	d := looptest.Attach(t, 16<<20)
	if _, errOut, code := b.run("wipe", "--yes", "--verify", "sample", "--unit", unit, d); code != 0 {
		t.Fatalf("first wipe: %s", errOut)
	}
	out, errOut, code := b.run("wipe", "--yes", "--json", d)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if r := decodeResults(t, out)[0]; r.Unit != unit || !r.Recorded {
		t.Fatalf("the disk recorded on %s was not found: %+v", unit, r)
	}
	if !strings.Contains(errOut, d+": writing") || !strings.Contains(errOut, d+": verifying") {
		t.Fatalf("phases not shown: %q", errOut)
	}
}
