// Command testreport runs `go test -json` with the given arguments and
// prints what a person needs from a long run: one line per package, the
// output of every failed test as it fails, and at the end the list of the
// tests that failed and of those that skipped, each with its reason. A
// skip is a promise not checked: the list says which.
//
//	go run ./scripts/testreport -count=1 ./...
//
// It exits 1 when go test fails or a test fails, and also, with CI=true,
// when any test skipped: in CI a test that cannot run must fail (see
// internal/need), so a skip there is a bug of the suite, unless its reason
// starts with "not applicable:" (a case that cannot arise on this system at
// all, said so by the test itself).
//
// go test runs with TMPDIR set to a fresh folder of its own, where every
// t.TempDir and testscript $WORK lives: a loop device still backed by a
// file under it when go test ends is one a test attached and did not
// detach. The run then fails, naming it, and the device is detached.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action      string
	Package     string
	Test        string
	Output      string
	Elapsed     float64
	ImportPath  string
	FailedBuild string
}

// NotApplicable starts the reason of a skip that is allowed in CI.
const NotApplicable = "not applicable:"

// result is one test that failed or skipped, with its reason.
type result struct {
	Name   string // package/Test
	Reason string
}

// report reads go test's JSON events and keeps what the summary needs.
type report struct {
	out      io.Writer
	output   map[string][]string // test output so far, by package/Test
	failed   []result
	skipped  []result
	packages int
	passed   int  // tests (and subtests) that passed
	broken   bool // a package failed (build, panic, timeout)
}

func newReport(out io.Writer) *report {
	return &report{out: out, output: map[string][]string{}}
}

// read consumes the stream; a line that is not JSON (go's own messages) is
// printed as it is.
func (r *report) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			fmt.Fprintln(r.out, string(line))
			continue
		}
		r.event(e)
	}
	return sc.Err()
}

func (r *report) event(e event) {
	key := e.Package + "/" + e.Test
	switch e.Action {
	case "build-output":
		fmt.Fprint(r.out, e.Output)
	case "output":
		if e.Test == "" {
			// Package-level output: keep it for a package that fails
			// outside any test (panic in TestMain, timeout, no build).
			r.output[key] = append(r.output[key], e.Output)
			return
		}
		r.output[key] = append(r.output[key], e.Output)
	case "fail":
		if e.Test == "" {
			r.packages++
			r.broken = true
			fmt.Fprintf(r.out, "FAIL\t%s\t%.1fs\n", e.Package, e.Elapsed)
			if !r.hasFailedTest(e.Package) {
				reason := lastLines(r.output[key], 20)
				if e.FailedBuild != "" {
					reason = "build failed (" + e.FailedBuild + ")"
				}
				r.failed = append(r.failed, result{Name: e.Package, Reason: reason})
				fmt.Fprint(r.out, strings.Join(r.output[key], ""))
			}
			return
		}
		r.failed = append(r.failed, result{Name: e.Package + "." + e.Test, Reason: firstReason(r.output[key])})
		if !r.hasFailedParent(e.Package, e.Test) {
			fmt.Fprint(r.out, strings.Join(r.output[key], ""))
		}
	case "pass":
		if e.Test == "" {
			r.packages++
			fmt.Fprintf(r.out, "ok\t%s\t%.1fs\n", e.Package, e.Elapsed)
		} else {
			r.passed++
		}
		delete(r.output, key)
	case "skip":
		if e.Test == "" {
			r.packages++
			fmt.Fprintf(r.out, "?\t%s\t[no test files]\n", e.Package)
			return
		}
		r.skipped = append(r.skipped, result{Name: e.Package + "." + e.Test, Reason: firstReason(r.output[key])})
		delete(r.output, key)
	}
}

// hasFailedTest reports whether a test of pkg already failed (its output
// was shown).
func (r *report) hasFailedTest(pkg string) bool {
	for _, f := range r.failed {
		if strings.HasPrefix(f.Name, pkg+".") {
			return true
		}
	}
	return false
}

// hasFailedParent is false for a subtest: the parent fails after it, and
// only the innermost output is worth showing, so subtests print and
// parents whose subtest printed do not.
func (r *report) hasFailedParent(pkg, test string) bool {
	for _, f := range r.failed {
		if strings.HasPrefix(f.Name, pkg+"."+test+"/") {
			return true
		}
	}
	return false
}

// firstReason is what a test said before it ended: the t.Skip / t.Fatal
// message (a testscript's own "FAIL:" line, else its "skip" line, when
// there is one), without the === RUN / --- SKIP bookkeeping. A script
// whose skip failed (a need missing under CI=true) is listed with its
// FAIL line, not with the skip it did not make.
func firstReason(lines []string) string {
	var said []string
	skip := ""
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		if strings.HasPrefix(t, "FAIL: ") {
			return t
		}
		if skip == "" && strings.HasPrefix(t, "> [") && strings.Contains(t, "] skip") {
			skip = t
		}
		said = append(said, t)
	}
	if skip != "" {
		return skip
	}
	if len(said) == 0 {
		return "(no reason given)"
	}
	return strings.Join(said, " / ")
}

// notApplicable reports whether a skip's reason says the test does not
// apply: its last line, the skip's own message, says "not applicable:".
// A test that merely logged those words before skipping for a missing
// tool is no exception.
func notApplicable(reason string) bool {
	said := strings.Split(reason, " / ")
	return strings.Contains(said[len(said)-1], NotApplicable)
}

func lastLines(lines []string, n int) string {
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.TrimSpace(strings.Join(lines, ""))
}

// summary prints the lists and says whether the run is a failure.
func (r *report) summary(ci bool) (ok bool) {
	ok = !r.broken && len(r.failed) == 0 && r.packages > 0
	list := func(title string, rs []result) {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Name < rs[j].Name })
		fmt.Fprintf(r.out, "\n%s (%d):\n", title, len(rs))
		for _, x := range rs {
			fmt.Fprintf(r.out, "  %s: %s\n", x.Name, x.Reason)
		}
		if len(rs) == 0 {
			fmt.Fprintln(r.out, "  none")
		}
	}
	list("Failed", r.failed)
	list("Skipped", r.skipped)
	if ci {
		var bad int
		for _, s := range r.skipped {
			if !notApplicable(s.Reason) {
				bad++
			}
		}
		if bad > 0 {
			fmt.Fprintf(r.out, "CI=true: %d test(s) skipped; in CI a test that cannot run must fail, not skip\n", bad)
			ok = false
		}
	}
	if r.packages == 0 {
		fmt.Fprintln(r.out, "no package was tested")
	}
	// The tally last, alone on its line, in the plain form CI reads.
	fmt.Fprintf(r.out, "%d passed, %d failed, %d skipped\n", r.passed, len(r.failed), len(r.skipped))
	return ok
}

func main() {
	tmp, err := os.MkdirTemp("", "atelier-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(1)
	}
	ok := run(tmp, os.Args[1:])
	if leaks := detachLeaks(tmp); len(leaks) > 0 {
		fmt.Printf("\nLoop devices left attached by the tests (%d), now detached:\n", len(leaks))
		for _, l := range leaks {
			fmt.Println("  " + l)
		}
		ok = false
	}
	os.RemoveAll(tmp)
	if !ok {
		os.Exit(1)
	}
}

// run runs go test with TMPDIR=tmp and prints the report; false when the
// run failed.
func run(tmp string, args []string) bool {
	cmd := exec.Command("go", append([]string{"test", "-json"}, args...)...)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		return false
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		return false
	}
	r := newReport(os.Stdout)
	readErr := r.read(stdout)
	waitErr := cmd.Wait()
	ok := r.summary(os.Getenv("CI") == "true")
	if readErr != nil {
		fmt.Fprintln(os.Stderr, "testreport: reading go test's output:", readErr)
		ok = false
	}
	if waitErr != nil {
		fmt.Fprintln(os.Stderr, "testreport: go test:", waitErr)
		ok = false
	}
	return ok
}

// detachLeaks detaches the loop devices backed by a file under tmp and
// says which they were ("/dev/loop3 (…/disk.img)"). Without losetup (a
// machine with no loop-device tests) there is nothing to check.
func detachLeaks(tmp string) []string {
	out, err := exec.Command("losetup", "--list", "--noheadings", "--output", "NAME,BACK-FILE").Output()
	if err != nil {
		return nil
	}
	var said []string
	for _, l := range leakedLoops(string(out), tmp) {
		if msg, err := exec.Command("losetup", "-d", l.dev).CombinedOutput(); err != nil {
			l.file += fmt.Sprintf("; losetup -d failed: %v: %s", err, strings.TrimSpace(string(msg)))
		}
		said = append(said, l.dev+" ("+l.file+")")
	}
	return said
}

type loop struct{ dev, file string }

// leakedLoops reads `losetup --list --noheadings --output NAME,BACK-FILE`
// and keeps the devices whose backing file is under dir (a deleted file
// still shows, with " (deleted)" after its path).
func leakedLoops(listing, dir string) []loop {
	prefix := filepath.Clean(dir) + string(filepath.Separator)
	var out []loop
	for _, line := range strings.Split(listing, "\n") {
		dev, file, ok := strings.Cut(strings.TrimSpace(line), " ")
		file = strings.TrimSpace(file)
		if ok && strings.HasPrefix(dev, "/dev/loop") && strings.HasPrefix(file, prefix) {
			out = append(out, loop{dev: dev, file: file})
		}
	}
	return out
}
