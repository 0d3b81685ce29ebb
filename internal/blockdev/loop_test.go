package blockdev_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/blockdev"
	"github.com/pcsolidaire/atelier/internal/looptest"
	"github.com/pcsolidaire/atelier/probe"
)

// A loop device (a serial-less disk) is filed under its backing file:
// the same identity from the live device (what wipe reads) and from a tree
// captured from it (what probe --root reads).
func TestLoopDiskIdentity(t *testing.T) {
	dev := looptest.Attach(t, 8<<20)
	name := filepath.Base(dev)
	live, err := imaging.Inspect(context.Background(), dev, imaging.ListOptions{})
	if err != nil {
		t.Fatalf("inspect %s: %v", dev, err)
	}
	root := t.TempDir()
	dir := filepath.Join(root, "sys", "devices", "virtual", "block", name)
	for _, a := range []string{"dev", "size", "ro", "removable", "queue/rotational", "queue/logical_block_size",
		"queue/physical_block_size", "loop/backing_file"} {
		b, err := os.ReadFile(filepath.Join("/sys/block", name, a))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, a), string(b))
	}
	write(t, filepath.Join(root, "proc", "self", "mountinfo"), "")
	if err := os.MkdirAll(filepath.Join(root, "sys", "block"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../devices/virtual/block/"+name, filepath.Join(root, "sys", "block", name)); err != nil {
		t.Fatal(err)
	}
	captured := blockdev.Root(root).Read(name)
	if blockdev.Identity(captured) != live.Identity() {
		t.Errorf("%s: captured tree gives %q, the live device %q", dev, blockdev.Identity(captured), live.Identity())
	}
	if blockdev.HasSerial(captured) || live.Identity() != "loop:"+live.BackingFile {
		t.Errorf("%s: identity %q, want loop:<backing file>", dev, live.Identity())
	}
	if captured.Transport != "loop" || captured.Medium != "loop" || live.Medium != "loop" {
		t.Errorf("%s: transport/medium %s/%s captured, %s live", dev, captured.Transport, captured.Medium, live.Medium)
	}

	// probe skips loop devices by name; the same tree with the device
	// named like a disk is what probe --root --save records: its identity
	// must be wipe's too (it was noserial:unknown-model:SIZE, a second
	// disk on the unit that no wipe could ever clear).
	if err := os.Rename(dir, filepath.Join(filepath.Dir(dir), "fakesata0")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(root, "sys", "block", name))
	if err := os.Symlink("../devices/virtual/block/fakesata0", filepath.Join(root, "sys", "block", "fakesata0")); err != nil {
		t.Fatal(err)
	}
	r, err := probe.Gather(context.Background(), probe.Options{Root: root, NoTools: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Disks) != 1 || r.Disks[0].Identity() != live.Identity() {
		t.Errorf("probe of the captured tree: %+v, want identity %q", r.Disks, live.Identity())
	}
}
