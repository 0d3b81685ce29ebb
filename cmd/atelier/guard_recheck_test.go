package main

// The guard looks again after the operator's answer: at a terminal, the
// answer may take minutes, and a filesystem mounted under the disk
// meanwhile must stop the write. The test answers through a
// pseudo-terminal and mounts the lower layer while the prompt waits.

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/internal/looptest"
)

// openPTY opens a pseudo-terminal pair (closed in t.Cleanup).
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { master.Close() })
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { slave.Close() })
	return master, slave
}

// answerAfter runs atelier ARGS at a terminal, waits for the confirmation
// prompt, runs meanwhile(), then types answer. It returns stderr and the
// exit code.
func answerAfter(t *testing.T, b *bench, meanwhile func(), answer string, args ...string) (string, int) {
	t.Helper()
	master, slave := openPTY(t)
	c := b.cmd(args...)
	c.Stdin, c.Stdout = slave, slave
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	prompted := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		r := bufio.NewReader(stderr)
		asked := false
		for {
			s, err := r.ReadString(':')
			text.WriteString(s)
			if !asked && strings.Contains(text.String(), "to go on:") {
				asked = true
				close(prompted)
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-prompted:
	case <-time.After(60 * time.Second):
		c.Process.Kill()
		c.Wait()
		t.Fatalf("atelier %v never asked: %s", args, text.String())
	}
	meanwhile()
	if _, err := master.WriteString(answer + "\n"); err != nil {
		t.Fatal(err)
	}
	// Read stderr to its end before Wait: Wait closes the pipe, and the
	// refusal printed last would be lost (it was, once in CI-like runs).
	<-done
	err = c.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return text.String(), code
}

func TestGuardLooksAgainAfterTheAnswer(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	img := writeImage(t, 4<<20, true)
	for _, args := range [][]string{{"wipe"}, {"deploy", "--image", img, "--no-personalise"}} {
		a := looptest.Attach(t, 32<<20)
		mustRun(t, "mkfs.ext4", quietMkfs(a)...)
		top := looptest.AttachFile(t, a)
		mnt := t.TempDir()
		var before string
		mount := func() {
			mustRun(t, "mount", "-o", quietMount, a, mnt)
			t.Cleanup(func() { exec.Command("umount", mnt).Run() })
			before = sha(t, a, 0)
		}
		errOut, code := answerAfter(t, b, mount, filepath.Base(top), append(args, top)...)
		t.Logf("%s %s, mounted under it while asking: exit %d: %s", args[0], top, code, strings.TrimSpace(errOut))
		if code != 1 || !strings.Contains(errOut, "mounted filesystem ("+mnt+"), through "+a+" under it") {
			t.Fatalf("%s: exit %d, %q", args[0], code, errOut)
		}
		if sha(t, a, 0) != before {
			t.Fatalf("%s wrote the filesystem mounted while it asked", args[0])
		}
	}
}
