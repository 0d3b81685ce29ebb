package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An atelier killed by kill -9 while it writes a proof pack leaves no pack,
// and the next pack of the same folder removes the hidden temporary folder
// it left beside it (it stayed there forever).
func TestReportBatchKilledLeavesNoTemporaryFolderBehind(t *testing.T) {
	dir := t.TempDir()
	env := append(os.Environ(), "ATELIER_E2E_MAIN=1", "ATELIER_OPERATOR=camille", "LANG=en_US.UTF-8",
		"LC_ALL=", "ATELIER_HUB=", "ATELIER_LEDGER="+filepath.Join(dir, "ledger.db"),
		"XDG_DATA_HOME="+filepath.Join(dir, "xdg"))
	cmd := func(args ...string) *exec.Cmd {
		c := exec.Command(os.Args[0], args...)
		c.Env, c.Dir = env, dir
		return c
	}
	run := func(args ...string) {
		t.Helper()
		if out, err := cmd(args...).CombinedOutput(); err != nil {
			t.Fatalf("atelier %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	// Many units make the pack slow enough to be caught in the middle.
	var csv strings.Builder
	csv.WriteString("Nom;Fabricant;Numéro de série;Type;Modèle\n")
	for i := range 600 {
		fmt.Fprintf(&csv, "PC-%04d;Dell Inc.;SN%06d;Portable;Latitude E6410\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.csv"), []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run("init")
	run("intake", "import", "big.csv", "--donor", "DSI Échirolles", "--batch", "B-1")

	pack := filepath.Join(dir, "pack")
	temps := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, ".pack.tmp-*"))
		return m
	}
	caught := false
	for attempt := 0; attempt < 10 && !caught; attempt++ {
		c := cmd("report", "batch", "B-1", "--out", "pack")
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { c.Wait(); close(done) }()
	poll:
		for {
			select {
			case <-done:
				break poll // finished before it was caught: again
			default:
			}
			if len(temps()) > 0 {
				c.Process.Signal(syscall.SIGKILL)
				<-done
				caught = true
				break
			}
			time.Sleep(100 * time.Microsecond)
		}
		if !caught {
			os.RemoveAll(pack)
		}
	}
	if !caught {
		t.Fatal("the pack was always finished before it could be killed")
	}
	if entries, err := os.ReadDir(pack); err == nil && len(entries) > 0 {
		t.Errorf("kill -9 left a partial pack: %d files in %s", len(entries), pack)
	}
	if len(temps()) == 0 {
		t.Fatal("kill -9 left no temporary folder: the test proves nothing")
	}
	run("report", "batch", "B-1", "--out", "pack")
	if left := temps(); len(left) > 0 {
		t.Errorf("the next pack left the killed one's temporary folder: %v", left)
	}
	if _, err := os.Stat(filepath.Join(pack, "manifest.json")); err != nil {
		t.Errorf("the next pack was not written: %v", err)
	}
}
