package main

import (
	"strings"
	"testing"
)

// The repository's tests and test data name no real-looking disk: this
// runs in go test ./... as well as in make lint.
func TestNoTestNamesARealDisk(t *testing.T) {
	found, err := scan("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Error(f)
	}
}

// What the check catches and what it lets through, line by line. The
// names it must catch are built from pieces so that this file does not
// trip its own check.
func TestLineProblem(t *testing.T) {
	dev := "/dev/"
	for _, c := range []struct {
		rel, line string
		caught    bool
	}{
		{"a_test.go", `Inspect(ctx, "` + dev + `sda", opts)`, true},
		{"a_test.go", `want := "the disks under it: ` + dev + `sdb, ` + dev + `sdc"`, true},
		{"testdata/x.txtar", `40 22 259:2 / /boot rw - ext2 ` + dev + `nvme0n1p2 rw`, true},
		{"testdata/x.txt", dev + `sdc:`, true},
		{"testdata/x.txt", dev + `nvme0`, true},
		{"testdata/x.txt", dev + `mmcblk0p1`, true},
		{"testdata/x.txt", dev + `vda1`, true},
		{"testdata/x.txt", dev + `sdX`, true},
		{"a_test.go", `disk("` + "s" + `da", "pci0000:00/...", "8:0")`, true},
		{"testdata/x.txtar", `sys/block/` + "nvm" + "e0n1" + ` -> ../devices/pci0000:00/nvme/fakenvme0/` + "nvm" + "e0n1", true},
		{"testdata/x.txtar", `-- sys/devices/pci0000:00/ata3/host2/block/` + "s" + "db" + `/size --`, true},
		{"testdata/x.txtar", `{"name": "` + "s" + "da" + `", "model": "ST500"}`, true},
		{"probe/snapshot_test.go", `{"` + "s" + "da" + `", "ssd", "sata", 256060514304},`, false}, // a corpus's disk
		{"probe/snapshot_test.go", `"` + dev + `sda"`, true},                                      // never a path
		{"a_test.go", `Inspect(ctx, "/dev/fakesata0", opts)`, false},
		{"a_test.go", `disk("fakenvme0n1", "pci0000:00/0000:3d:00.0/nvme/fakenvme0", "259:0")`, false},
		{"a_test.go", `d := BlockDevice{Medium: "hdd", Path: "/dev/fake-hdd"}`, false},
		{"a_test.go", `"/dev/loop3", "/dev/dm-1", "/dev/md0", "/dev/sg0", "/dev/zero", "/dev/mapper/vg-root"`, false},
		{"a_test.go", `"/dev/sdcard-reader-fake"`, false},
		{"main.go", `// e.g. ` + dev + `sda`, false}, // not a test
		{"README.md", dev + `sda`, false},
	} {
		got := inScope(c.rel) && lineProblem(c.rel, c.line) != ""
		if got != c.caught {
			t.Errorf("%s: %q caught=%v, want %v", c.rel, c.line, got, c.caught)
		}
	}
}

func TestFindingNamesFileAndLine(t *testing.T) {
	f := finding{file: "imaging/x_test.go", line: 12, what: "names a real disk", text: "\tfoo()  "}
	if s := f.String(); !strings.HasPrefix(s, "imaging/x_test.go:12: names a real disk: foo()") {
		t.Errorf("%q", s)
	}
}
