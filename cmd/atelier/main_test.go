package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pcsolidaire/atelier/internal/need"
)

func TestMain(m *testing.M) {
	// The end-to-end tests run this binary as atelier itself, as separate
	// processes (a hub, benches) they can kill.
	if os.Getenv("ATELIER_E2E_MAIN") == "1" {
		os.Exit(run(withTestClockShift))
	}
	testscript.Main(m, map[string]func(){
		"atelier": func() { os.Exit(run()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script against the
// real atelier binary, each with its own temporary ledger.
func TestScripts(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	corpora, _ := filepath.Abs(filepath.Join(root, "..", "shared", "corpora"))
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: scriptCmds,
		Setup: func(env *testscript.Env) error {
			env.Setenv("ATELIER_LEDGER", filepath.Join(env.WorkDir, "ledger.db"))
			if onPostgres() {
				if err := pgScriptSetup(t, env); err != nil {
					return err
				}
			}
			env.Setenv("ATELIER_OPERATOR", "camille")
			env.Setenv("LANG", "en_US.UTF-8")
			env.Setenv("LC_ALL", "")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
			env.Setenv("CORPORA", corpora)
			env.Setenv("PROJECT", root)
			env.Setenv("CI", os.Getenv("CI"))
			return nil
		},
		Condition: func(cond string) (bool, error) { return scriptCondition(cond, corpora) },
	})
}

// debianPackages names the package of each program a script may need, for
// the message when it is missing.
var debianPackages = map[string]string{
	"losetup": "util-linux", "sqlite3": "sqlite3", "bmaptool": "bmap-tools", "pdftotext": "poppler-utils",
	"zstd": "zstd", "gzip": "gzip", "chattr": "e2fsprogs", "openssl": "openssl",
	"zbarimg": "zbar-tools", "pdftoppm": "poppler-utils",
}

// scriptCondition answers the scripts' own conditions:
//
//	root           running as root (to choose between two ways of doing a thing)
//	needroot       the script cannot run without root
//	needexec:PROG  the script cannot run without PROG on the PATH
//	corpora        ../shared/corpora is there
//	postgres       ATELIER_TEST_ENGINE=postgres: the ledger is a PostgreSQL
//	               schema; only for "[postgres] skip 'not applicable: ...'"
//	               on scripts about the SQLite file itself
//
// needroot, needexec and corpora are for "[!need...] skip 'why'" lines: a
// missing need skips the script outside CI, and fails it with CI=true (CI
// must provide everything; .ci/run installs the tools). Any other name is
// an error, so that a misspelt condition fails instead of skipping forever.
func scriptCondition(cond, corpora string) (bool, error) {
	needed := func(ok bool, why string) (bool, error) {
		if ok || !need.InCI() {
			return ok, nil
		}
		return false, fmt.Errorf("%s, and CI=true: CI must provide it (.ci/run), a script never skips there", why)
	}
	switch {
	case cond == "root":
		return os.Geteuid() == 0, nil
	case cond == "postgres": // the PostgreSQL pass (pg_script_test.go)
		return onPostgres(), nil
	case cond == "needroot":
		return needed(os.Geteuid() == 0, "needs root (loop devices)")
	case strings.HasPrefix(cond, "needexec:"):
		prog := strings.TrimPrefix(cond, "needexec:")
		_, err := exec.LookPath(prog)
		pkg := debianPackages[prog]
		if pkg == "" {
			pkg = "?"
		}
		return needed(err == nil, need.ExecMissing(prog, pkg))
	case cond == "corpora":
		// Outside CI a clone without shared/ skips corpus scripts.
		_, err := os.Stat(corpora)
		return needed(err == nil, "corpora missing at "+corpora)
	}
	return false, fmt.Errorf("unknown condition %q: use root, needroot, needexec:PROG, corpora or postgres (or a built-in one)", cond)
}
