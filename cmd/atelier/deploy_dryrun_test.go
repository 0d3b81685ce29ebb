package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/looptest"
)

// deploy --dry-run checks everything and says what a deploy would do, and
// writes nothing: not the disk, not the ledger. Without a terminal it
// needs no --yes (nothing is at stake).
func TestDeployDryRunWritesNothing(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	backing := looptest.File(t, 16<<20)
	dev := looptest.AttachFile(t, backing)
	unit := wipedUnit(t, b, "5CG1DRYRUN", dev)
	img := writeImage(t, 4<<20, true)
	before := deviceBytes(t, dev)
	eventsBefore := unitEvents(t, b, unit)

	out, errOut, code := b.run("deploy", "--image", img, "--unit", unit, "--dry-run", "--json", dev)
	if code != 0 {
		t.Fatalf("dry run: exit %d, %s", code, errOut)
	}
	var plan struct {
		DryRun      bool   `json:"dry_run"`
		File        string `json:"file"`
		ImageBytes  int64  `json:"image_bytes"`
		WriteBytes  int64  `json:"write_bytes"`
		SkipZeros   bool   `json:"skip_zeros"`
		Verify      string `json:"verify"`
		Unit        string `json:"unit"`
		Disk        string `json:"disk"`
		Personalise bool   `json:"personalise"`
		Hostname    string `json:"hostname"`
		Device      struct{ Path string }
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if !plan.DryRun || plan.File != img || plan.ImageBytes != 4<<20 || plan.WriteBytes != 4<<20 || !plan.SkipZeros ||
		plan.Verify != "full" || plan.Unit != unit || plan.Disk != "loop:"+backing || !plan.Personalise ||
		plan.Hostname != strings.ToLower(unit) || plan.Device.Path != dev {
		t.Fatalf("plan %+v", plan)
	}

	out, errOut, code = b.run("deploy", "--image", img, "--unit", unit, "--dry-run", "--no-personalise", dev)
	if code != 0 {
		t.Fatalf("dry run: exit %d, %s", code, errOut)
	}
	for _, want := range []string{"dry run: nothing written. This deploy would do:", dev, "unit " + unit + " (disk loop:" + backing + ")",
		"4.2 MB / 4.2 MB", "not personalised (--no-personalise)"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}

	if got := deviceBytes(t, dev); !bytes.Equal(got, before) {
		t.Fatal("a dry run wrote the disk")
	}
	if after := unitEvents(t, b, unit); after != eventsBefore || unitState(t, b, unit) != "wiped" {
		t.Fatalf("a dry run changed the ledger: %d events before, %d after", eventsBefore, after)
	}

	// Its checks are the real ones: a unit that is not wiped is refused.
	other := b.addUnit("5CG1DRYRU2")
	if _, errOut, code := b.run("deploy", "--image", img, "--unit", other, "--dry-run", dev); code != 1 ||
		!strings.Contains(errOut, "refused: unit "+other+" is received, not wiped: wipe its disk before deploying (nothing was written)") {
		t.Fatalf("dry run onto a unit never wiped: exit %d, %s", code, errOut)
	}
	// And an image larger than the disk is refused before anything.
	big := filepath.Join(t.TempDir(), "big.img")
	if err := os.WriteFile(big, make([]byte, 32<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := b.run("deploy", "--image", big, "--unit", unit, "--dry-run", dev); code != 1 ||
		!strings.Contains(errOut, "refused: "+dev+" is too small for this image (16.8 MB, 16777216 bytes < 33.6 MB, 33554432 bytes); nothing was written") {
		t.Fatalf("dry run of an image larger than the disk: exit %d, %s", code, errOut)
	}
}

func unitEvents(t *testing.T, b *bench, unit string) int {
	t.Helper()
	out, errOut, code := b.run("unit", "show", unit, "--json")
	var u struct{ Events []json.RawMessage }
	if code != 0 || json.Unmarshal([]byte(out), &u) != nil {
		t.Fatalf("unit show: %s", errOut)
	}
	return len(u.Events)
}
