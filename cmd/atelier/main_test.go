package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
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
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("ATELIER_LEDGER", filepath.Join(env.WorkDir, "ledger.db"))
			env.Setenv("ATELIER_OPERATOR", "camille")
			env.Setenv("LANG", "en_US.UTF-8")
			env.Setenv("LC_ALL", "")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
			env.Setenv("CORPORA", corpora)
			env.Setenv("PROJECT", root)
			env.Setenv("CI", os.Getenv("CI"))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			case "corpora":
				// Outside CI a clone without shared/ skips corpus scripts;
				// in CI a missing corpus is a failure, never a skip.
				if _, err := os.Stat(corpora); err != nil {
					if os.Getenv("CI") == "true" {
						return false, fmt.Errorf("corpora missing at %s (CI=true)", corpora)
					}
					return false, nil
				}
				return true, nil
			}
			return false, nil
		},
	})
}
