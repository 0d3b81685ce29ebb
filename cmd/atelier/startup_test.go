package main

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// Every command starts in a moment: no package does heavy work when the
// program starts. The ledger package used to hash a dummy password with
// argon2id at start (20 MB, hundreds of milliseconds on a loaded machine)
// for every command, unit list and status included.
func TestStartupDoesNoHeavyWork(t *testing.T) {
	c := exec.Command(os.Args[0], "--version")
	c.Env = append(os.Environ(), "ATELIER_E2E_MAIN=1", "GODEBUG=inittrace=1")
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("atelier --version: %v\n%s", err, out)
	}
	re := regexp.MustCompile(`(?m)^init (github\.com/pcsolidaire/atelier/\S+) @\S+ ms, \S+ ms clock, (\d+) bytes`)
	found := 0
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		found++
		if n, _ := strconv.Atoi(m[2]); n > 4<<20 {
			t.Errorf("package %s allocates %d bytes when the program starts", m[1], n)
		}
	}
	if found == 0 {
		t.Fatalf("no init trace of atelier's packages:\n%s", out)
	}
}
