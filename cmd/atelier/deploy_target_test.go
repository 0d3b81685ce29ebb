package main

// End-to-end tests of which disk a deploy may write and what the ledger
// learns of it, on loop devices the tests create (internal/looptest) and
// detach themselves.

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// writeImage writes a raw disk image of size bytes: an MBR boot signature,
// then random data, or zeros but one block at 1 MiB.
func writeImage(t *testing.T, size int64, random bool) string {
	t.Helper()
	img := make([]byte, size)
	if random {
		r := rand.NewChaCha8([32]byte{7})
		r.Read(img)
	} else {
		copy(img[1<<20:], "the only data block past the boot sector\n")
	}
	img[510], img[511] = 0x55, 0xAA
	p := filepath.Join(t.TempDir(), "master.img")
	if err := os.WriteFile(p, img, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// wipedUnit is a unit in state wiped whose one recorded disk is dev,
// erased with zeros by atelier wipe.
func wipedUnit(t *testing.T, b *bench, serial, dev string) string {
	t.Helper()
	unit := b.addUnit(serial)
	if _, errOut, code := b.run("unit", "move", unit, "triaged", "--reason", "test bench"); code != 0 {
		t.Fatalf("unit move: %s", errOut)
	}
	if out, errOut, code := b.run("wipe", "--unit", unit, "--method", "zero", "--yes", "--json", dev); code != 0 {
		t.Fatalf("wipe exit %d: %s\n%s", code, errOut, out)
	}
	if s := unitState(t, b, unit); s != "wiped" {
		t.Fatalf("after the wipe the unit is %q", s)
	}
	return unit
}

func unitState(t *testing.T, b *bench, unit string) string {
	t.Helper()
	out, errOut, code := b.run("unit", "show", unit, "--json")
	if code != 0 {
		t.Fatalf("unit show: %s", errOut)
	}
	var u struct{ State string }
	if err := json.Unmarshal([]byte(out), &u); err != nil {
		t.Fatalf("unit show --json: %v", err)
	}
	return u.State
}

// QA #1: an image goes only onto a disk of the unit with a passed erasure.
// Any other disk keeps what it held beyond the image (a donor's files),
// and would ship with it.
func TestDeployOnlyOntoTheUnitsErasedDisk(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	diskA := looptest.Attach(t, 16<<20, looptest.Fill(0x11))
	diskB := looptest.Attach(t, 16<<20, looptest.Fill(0xA5))
	unit := wipedUnit(t, b, "SN-TARGET-1", diskA)
	img := writeImage(t, 4<<20, false)

	out, errOut, code := b.run("deploy", "--image", img, "--unit", unit, "--yes", "--no-personalise", diskB)
	if code == 0 {
		t.Fatalf("deploy onto a disk the unit never had was accepted:\n%s", out)
	}
	if !strings.Contains(errOut, "refused: deploy onto "+diskB) || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("refusal does not name the disk or say nothing was written: %q", errOut)
	}
	if got := deviceBytes(t, diskB); !bytes.Equal(got, bytes.Repeat([]byte{0xA5}, len(got))) {
		t.Error("the refused disk was written")
	}
	if s := unitState(t, b, unit); s != "wiped" {
		t.Errorf("after the refusal the unit is %q, want wiped", s)
	}

	// A disk no unit has, no --unit: written, and said not recorded.
	out, errOut, code = b.run("deploy", "--image", img, "--yes", "--no-personalise", diskB)
	if code != 0 {
		t.Fatalf("deploy onto a loose disk: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "not recorded in the ledger") || !strings.Contains(errOut, "will not be recorded") {
		t.Errorf("a deploy nobody records must say so:\n%s\n%s", out, errOut)
	}
	if s := unitState(t, b, unit); s != "wiped" {
		t.Errorf("a loose disk's deploy changed the unit to %q", s)
	}

	// The unit's own disk, without --unit: the ledger finds the unit by
	// the disk, records the deploy, and the unit is imaged.
	out, errOut, code = b.run("deploy", "--image", img, "--yes", "--no-personalise", "--json", diskA)
	if code != 0 {
		t.Fatalf("deploy onto the unit's disk: exit %d: %s", code, errOut)
	}
	var res struct {
		Unit, Status string
		Recorded     bool
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("deploy --json: %v\n%s", err, out)
	}
	if res.Unit != unit || !res.Recorded || res.Status != "passed" {
		t.Errorf("deploy onto the unit's disk: %+v, want unit %s recorded passed", res, unit)
	}
	if s := unitState(t, b, unit); s != "imaged" {
		t.Errorf("after the deploy the unit is %q, want imaged", s)
	}
}

// QA #11: a deploy killed with -9 (a power cut) after it started writing
// leaves its start in the ledger, so the next deploy no longer trusts the
// zero wipe: it writes the zero blocks too and the disk equals the image.
func TestDeployAfterAKilledDeployWritesZeros(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	const size = 128 << 20
	disk := looptest.Attach(t, size)
	unit := wipedUnit(t, b, "SN-KILLED-1", disk)

	killed := b.cmd("deploy", "--image", writeImage(t, size, true), "--unit", unit, "--yes",
		"--no-personalise", "--verify", "none", disk)
	if err := killed.Start(); err != nil {
		t.Fatal(err)
	}
	waitWritten(t, killed, disk)
	killed.Process.Signal(syscall.SIGKILL)
	err := killed.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the first deploy ended before it was killed (%v): make the image bigger", err)
	}

	img := writeImage(t, 16<<20, false)
	out, errOut, code := b.run("deploy", "--image", img, "--unit", unit, "--yes", "--no-personalise",
		"--verify", "none", "--json", disk)
	if code != 0 {
		t.Fatalf("second deploy: exit %d: %s\n%s", code, errOut, out)
	}
	var res struct {
		Status       string
		SkippedZeros bool `json:"skipped_zeros"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("deploy --json: %v\n%s", err, out)
	}
	if res.Status != "passed" || res.SkippedZeros {
		t.Errorf("second deploy: %+v, want passed without skipping zeros", res)
	}
	want, err := os.ReadFile(img)
	if err != nil {
		t.Fatal(err)
	}
	if got := deviceBytes(t, disk)[:len(want)]; !bytes.Equal(got, want) {
		t.Error("the disk differs from the image: zero blocks were skipped over the killed deploy's data")
	}
}

// waitWritten returns once the first 8 MiB chunk of a deploy is on the
// disk (its last 64 KiB are no longer zero), well before a 128 MiB image
// is all written.
func waitWritten(t *testing.T, c *exec.Cmd, disk string) {
	t.Helper()
	probe := imaging.AlignedBuffer(64 << 10)
	deadline := time.Now().Add(60 * time.Second)
	for !written(t, disk, (8<<20)-len(probe), probe) {
		if time.Now().After(deadline) {
			c.Process.Kill()
			c.Wait()
			t.Fatal("the deploy wrote nothing in 60 s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// QA #17: Ctrl-C during a deploy exits 130, as wipe does, and the result
// says the deploy was interrupted and what that means for the disk; the
// ledger records it on the unit.
func TestDeployInterruptedExits130(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	const size = 128 << 20
	disk := looptest.Attach(t, size)
	unit := wipedUnit(t, b, "SN-CTRLC-1", disk)
	c := b.cmd("deploy", "--image", writeImage(t, size, true), "--unit", unit, "--yes",
		"--no-personalise", "--verify", "none", disk)
	var out, errOut bytes.Buffer
	c.Stdout, c.Stderr = &out, &errOut
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	waitWritten(t, c, disk)
	c.Process.Signal(syscall.SIGINT)
	err := c.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want 130\n%s\n%s", err, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "deploy interrupted on "+disk+" after ") ||
		!strings.Contains(out.String(), "the disk holds a partial image and must be deployed again") {
		t.Errorf("result line: %q", out.String())
	}
	if !strings.Contains(errOut.String(), "atelier: deploy onto "+disk+" interrupted: ") {
		t.Errorf("stderr: %q", errOut.String())
	}
	show, _, _ := b.run("unit", "show", unit)
	if !strings.Contains(show, "interrupted") {
		t.Errorf("unit show does not tell the interrupted deploy:\n%s", show)
	}
}

// written reads len(buf) bytes of dev at off, bypassing the page cache as
// the deploy writes, and says whether any is not zero.
func written(t *testing.T, dev string, off int, buf []byte) bool {
	t.Helper()
	fd, err := unix.Open(dev, unix.O_RDONLY|unix.O_DIRECT, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	n, err := unix.Pread(fd, buf, int64(off))
	if err != nil {
		t.Fatal(err)
	}
	return !bytes.Equal(buf[:n], make([]byte, n))
}
