// Package looptest gives tests loop devices of their own: a backing file in
// the test's temporary folder, attached with losetup and always detached
// when the test ends, failed or not. Tests touch only the devices they
// attach here, never a real disk.
//
// Loop devices need root. A developer who is not root sees these tests
// skipped; CI runs as root, so with CI=true a missing root is a failure.
package looptest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Require skips the test when not root, unless CI=true, where it fails.
func Require(t testing.TB) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("loop-device tests need root and CI=true: run CI as root")
	}
	t.Skip("needs root for loop devices (CI runs it)")
}

type config struct {
	partitions bool
	fill       *byte
}

// Option changes how a loop device is made.
type Option func(*config)

// Partitions has the kernel scan the device's partition table when it is
// attached (losetup -P), so /dev/loopNpM nodes follow it.
func Partitions() Option { return func(c *config) { c.partitions = true } }

// Fill writes every byte of a new backing file with b, instead of leaving
// it sparse. Fill(0) writes real zeros. It applies to Attach and File.
func Fill(b byte) Option { return func(c *config) { c.fill = &b } }

func configure(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return c
}

// File makes a backing file of size bytes in the test's temporary folder:
// sparse, or filled with Fill's byte. It returns its path.
func File(t testing.TB, size int64, opts ...Option) string {
	t.Helper()
	c := configure(opts)
	file := filepath.Join(t.TempDir(), "disk.img")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if c.fill != nil {
		chunk := bytes.Repeat([]byte{*c.fill}, 1<<20)
		for n := int64(0); n < size; n += int64(len(chunk)) {
			if _, err := f.Write(chunk[:min(int64(len(chunk)), size-n)]); err != nil {
				t.Fatal(err)
			}
		}
	} else if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return file
}

// Attach makes a backing file of size bytes (see File) and attaches a loop
// device over it (see AttachFile). It returns the /dev/loopN path.
func Attach(t testing.TB, size int64, opts ...Option) string {
	t.Helper()
	Require(t)
	return AttachFile(t, File(t, size, opts...), opts...)
}

// AttachFile attaches a loop device over an existing file and returns the
// /dev/loopN path. The device is detached in t.Cleanup, whatever happens.
func AttachFile(t testing.TB, path string, opts ...Option) string {
	t.Helper()
	Require(t)
	c := configure(opts)
	args := []string{"-f", "--show"}
	if c.partitions {
		args = append(args, "-P")
	}
	// stdout alone: losetup warns on stderr (a file under 512 bytes).
	var stderr bytes.Buffer
	cmd := exec.Command("losetup", append(args, path)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("losetup: %v: %s", err, stderr.Bytes())
	}
	dev := strings.TrimSpace(string(out))
	if !strings.HasPrefix(dev, "/dev/loop") {
		t.Fatalf("losetup gave %q", dev)
	}
	t.Cleanup(func() {
		// udev or a layer above may hold the device for a moment after the
		// test: retry rather than leave it attached.
		var out []byte
		var err error
		for i := 0; i < 20; i++ {
			if out, err = exec.Command("losetup", "-d", dev).CombinedOutput(); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Errorf("losetup -d %s: %v: %s", dev, err, out)
	})
	return dev
}
