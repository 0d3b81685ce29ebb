// Package scripts holds the tests of the shell scripts beside it: the
// benchmarks must favour nobody (issue 15.4), and a benchmark that measures
// a crash or a stale binary favours whoever crashed or was not rebuilt.
package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every benchmark measures the current sources (bench-lib.sh's
// bench_atelier, or go run), and reads a measure through a variable: a
// failure inside <(...) or <<<"$(...)" is lost, and the crash counts as a
// fast run.
func TestBenchScriptsCheckTheBinaryAndTheirFailures(t *testing.T) {
	scripts, err := filepath.Glob("bench-*.sh")
	if err != nil || len(scripts) < 5 {
		t.Fatalf("bench scripts: %v %v", scripts, err)
	}
	for _, s := range scripts {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		switch {
		case s == "bench-lib.sh":
			if !strings.Contains(text, "shopt -s inherit_errexit") {
				t.Errorf("%s: command substitutions must inherit set -e", s)
			}
			continue
		case strings.Contains(text, "go run ./scripts/"):
			// Built from the sources at each run.
		case !strings.Contains(text, "bench-lib.sh") || !strings.Contains(text, "bench_atelier"):
			t.Errorf("%s: does not get its binary from bench_atelier (bench-lib.sh): it may measure a stale build", s)
		}
		for n, line := range strings.Split(text, "\n") {
			code := strings.TrimSpace(line)
			if strings.HasPrefix(code, "#") {
				continue
			}
			if strings.Contains(code, "< <(") || strings.Contains(code, `<<<"$(`) {
				t.Errorf("%s:%d: a measure read through a process or here-string substitution loses its exit status: %s", s, n+1, code)
			}
		}
	}
}

// bench_atelier refuses a given ATELIER older than any file the binary is
// built from, whatever package it is in (workshop and hub were not
// checked), embedded files included, and ignores tests, docs and scripts.
func TestBenchLibRefusesAStaleBinary(t *testing.T) {
	lib, err := os.ReadFile("bench-lib.sh")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	files := map[string]bool{ // path: part of the binary
		"scripts/bench-lib.sh":          false,
		"go.mod":                        true,
		"go.sum":                        true,
		"imaging/guard.go":              true,
		"internal/i18n/i18n.go":         true,
		"probe/profiles/zorin-18.json":  true,
		"reports/fonts/DejaVuSans.ttf":  true,
		"cmd/atelier/main.go":           true,
		"workshop/wipe_session.go":      true,
		"hub/web/templates/unit.html":   true,
		"inventory/migrations/0001.sql": true,
		"workshop/wipe_session_test.go": false,
		"imaging/testdata/tree.txtar":   false,
		"README.md":                     false,
		"scripts/bench-wipe.sh":         false,
	}
	old := time.Now().Add(-time.Hour)
	for f := range files {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		data := []byte("x\n")
		if f == "scripts/bench-lib.sh" {
			data = lib
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(t.TempDir(), "atelier")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho atelier test\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	built := old.Add(time.Minute)
	if err := os.Chtimes(bin, built, built); err != nil {
		t.Fatal(err)
	}
	check := func() (string, error) {
		cmd := exec.Command("bash", "-c", `set -euo pipefail; . "$1"; bench_atelier`, "bench", filepath.Join(root, "scripts", "bench-lib.sh"))
		cmd.Env = append(os.Environ(), "ATELIER="+bin)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := check(); err != nil {
		t.Fatalf("a binary newer than every source was refused: %v: %s", err, out)
	}
	for f, inBinary := range files {
		later := built.Add(time.Minute)
		p := filepath.Join(root, f)
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
		out, err := check()
		switch {
		case inBinary && (err == nil || !strings.Contains(out, "older than "+p)):
			t.Errorf("%s changed after the build, yet the binary was taken as current: %v: %s", f, err, out)
		case !inBinary && err != nil:
			t.Errorf("%s is not built into atelier, yet its change refused the binary: %s", f, out)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// An atelier that crashes on import stops bench-intake.sh with the error:
// it used to print "0.000 s wall ... target under 1 s: met" and exit 0.
func TestBenchIntakeStopsOnACrash(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "atelier")
	fake := "#!/bin/sh\ncase \"$*\" in *--version*) echo atelier crashing; exit 0;; init*) exit 0;; esac\n" +
		"echo 'panic: runtime error' >&2\nexit 2\n"
	if err := os.WriteFile(bin, []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "bench-intake.sh")
	cmd.Env = append(os.Environ(), "ATELIER="+bin, "INTAKE_BIG=0")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err == nil || strings.Contains(stdout.String(), "met") || !strings.Contains(stderr.String(), "panic: runtime error") {
		t.Fatalf("bench-intake with a crashing atelier: %v\nstdout: %s\nstderr: %s", err, stdout.String(), stderr.String())
	}
}
