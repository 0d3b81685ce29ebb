package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// scriptGuard is one line's leading conditions ("[!needroot]") and command.
var scriptGuard = regexp.MustCompile(`^((?:\[[^\]]*\]\s*)+)(.*)$`)

// No script may skip or stop silently. A skip is allowed only behind a
// need condition (needroot, needexec:PROG, corpora), which fails the
// script under CI=true instead of skipping; a stop (a silent pass) never;
// and a condition on any other line may only choose between two ways of
// doing the same thing as root or not ([root] / [!root]): a line guarded by
// a tool's presence would silently not run.
func TestScriptsNeverSkipSilently(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
				break // the script ends where its files begin
			}
			if msg := scriptLineProblem(strings.TrimSpace(line)); msg != "" {
				t.Errorf("%s:%d: %s: %s", filepath.Base(f), n+1, msg, line)
			}
		}
	}
}

// scriptLineProblem says what is wrong with one script line, or "".
func scriptLineProblem(line string) string {
	var conds []string
	cmd := line
	if m := scriptGuard.FindStringSubmatch(line); m != nil {
		for _, c := range strings.Split(m[1], "]") {
			if c = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c), "[")); c != "" {
				conds = append(conds, c)
			}
		}
		cmd = m[2]
	}
	word := strings.Fields(strings.TrimLeft(cmd, "!? ") + " ")
	if len(word) == 0 || strings.HasPrefix(word[0], "#") {
		return ""
	}
	switch word[0] {
	case "stop":
		return "stop ends the script as passed: split the script, or skip behind a need condition"
	case "skip":
		if len(conds) == 0 {
			return "a skip needs a need condition ([!needroot], [!needexec:PROG], [!corpora]) so that CI fails instead"
		}
		// The PostgreSQL pass skips the scripts about the SQLite file itself,
		// saying so in the form scripts/testreport accepts in CI.
		if len(conds) == 1 && conds[0] == "postgres" {
			if !strings.Contains(cmd, "'not applicable: ") {
				return "[postgres] skip must give its reason as 'not applicable: ...'"
			}
			return ""
		}
		for _, c := range conds {
			if c != "!needroot" && c != "!corpora" && !strings.HasPrefix(c, "!needexec:") {
				return "skip behind " + c + ", which never fails under CI=true: use needroot, needexec:PROG or corpora"
			}
		}
		return ""
	}
	for _, c := range conds {
		if c != "root" && c != "!root" {
			return "a line guarded by " + c + " silently does not run: require it for the whole script with [!need...] skip"
		}
	}
	return ""
}

func TestScriptLineProblem(t *testing.T) {
	for line, bad := range map[string]bool{
		"[!needroot] skip 'needs root'":                     false,
		"[!needexec:sqlite3] skip 'sqlite3 missing'":        false,
		"[!corpora] skip 'no corpora'":                      false,
		"[root] exec chattr +i $WORK/ro":                    false,
		"[!root] chmod 0500 $WORK/ro":                       false,
		"! exec atelier unit move X imaged":                 false,
		"# [!root] skip in a comment":                       false,
		"[!root] skip 'needs root'":                         true,
		"[!exec:sqlite3] skip 'sqlite3 missing'":            true,
		"[!root] stop 'the rest needs root'":                true,
		"skip 'not today'":                                  true,
		"[postgres] skip 'not applicable: the SQLite file'": false,
		"[postgres] skip 'the SQLite file'":                 true,
		"[postgres] exec sqlite3 ledger.db .dump":           true,
		"[exec:bmaptool] exec bmaptool create -o x.bmap x":  true,
		"[needexec:pdftotext] stdout 'overwrite-zero'":      true,
		"[short] skip":                                      true,
	} {
		if got := scriptLineProblem(line) != ""; got != bad {
			t.Errorf("%q: problem=%v, want %v", line, got, bad)
		}
	}
}

// A misspelt or unknown condition is an error, never a silent "false"; a
// missing need is false (a skip) outside CI and an error under CI=true.
func TestScriptConditions(t *testing.T) {
	corpora := t.TempDir()
	for _, c := range []string{"needrot", "neeexec:sh", "exec-sqlite3", "CI", ""} {
		if ok, err := scriptCondition(c, corpora); ok || err == nil {
			t.Errorf("condition %q: %v, %v; want an error", c, ok, err)
		}
	}
	t.Setenv("CI", "")
	if ok, err := scriptCondition("needexec:sh", corpora); !ok || err != nil {
		t.Errorf("needexec:sh = %v, %v", ok, err)
	}
	if ok, err := scriptCondition("needexec:atelier-no-such-tool", corpora); ok || err != nil {
		t.Errorf("outside CI, a missing tool: %v, %v; want false (skip)", ok, err)
	}
	if ok, err := scriptCondition("corpora", filepath.Join(corpora, "absent")); ok || err != nil {
		t.Errorf("outside CI, missing corpora: %v, %v; want false (skip)", ok, err)
	}
	t.Setenv("CI", "true")
	if _, err := scriptCondition("needexec:atelier-no-such-tool", corpora); err == nil || !strings.Contains(err.Error(), "CI=true") {
		t.Errorf("CI=true, a missing tool: %v; want an error", err)
	}
	if _, err := scriptCondition("corpora", filepath.Join(corpora, "absent")); err == nil {
		t.Error("CI=true, missing corpora: no error")
	}
	if ok, err := scriptCondition("corpora", corpora); !ok || err != nil {
		t.Errorf("corpora present: %v, %v", ok, err)
	}
	root := os.Geteuid() == 0
	if ok, err := scriptCondition("needroot", corpora); ok != root || (err == nil) != root {
		t.Errorf("CI=true, needroot as uid %d: %v, %v", os.Geteuid(), ok, err)
	}
	if ok, err := scriptCondition("root", corpora); ok != root || err != nil {
		t.Errorf("root: %v, %v (root is a choice, never an error)", ok, err)
	}
}

// Every program a script requires ([!needexec:PROG]) has its Debian
// package named in debianPackages, and .ci/run installs that package: a
// need CI does not provide fails CI, so the list and .ci/run go together.
func TestCIInstallsEveryToolTheScriptsNeed(t *testing.T) {
	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	installed := map[string]bool{}
	for _, line := range strings.Split(strings.ReplaceAll(string(ci), "\\\n", " "), "\n") {
		if !strings.Contains(line, "apt-get install") {
			continue
		}
		for _, w := range strings.Fields(line) {
			installed[w] = true
		}
	}
	files, _ := filepath.Glob("testdata/script/*.txtar")
	need := regexp.MustCompile(`needexec:([A-Za-z0-9._+-]+)`)
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range need.FindAllStringSubmatch(string(data), -1) {
			prog := m[1]
			if seen[prog] {
				continue
			}
			seen[prog] = true
			pkg := debianPackages[prog]
			switch {
			case pkg == "":
				t.Errorf("%s needs %s, whose Debian package debianPackages does not name", filepath.Base(f), prog)
			case !installed[pkg]:
				t.Errorf("%s needs %s (Debian package %s), which .ci/run does not install", filepath.Base(f), prog, pkg)
			}
		}
	}
	if len(seen) == 0 {
		t.Fatal("no script needs any program: the pattern is wrong")
	}
}
