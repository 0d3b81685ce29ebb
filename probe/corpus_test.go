package probe

import (
	"os"
	"path/filepath"
	"testing"
)

// corpus returns the path of a folder of ../shared/corpora (real data from
// real machines, kept outside the repository). Absent, the test skips with
// a message, unless CI=true: there a missing corpus is a failure.
func corpus(t testing.TB, sub string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "corpora", sub))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpus %s missing (CI=true): %v", dir, err)
		}
		t.Skipf("corpus %s absent: clone shared/corpora next to the project to run this test", dir)
	}
	return dir
}
