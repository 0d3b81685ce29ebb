package need

import (
	"fmt"
	"testing"
)

// recorder is a testing.TB that notes how a test was ended.
type recorder struct {
	testing.TB
	failed, skipped string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Fatalf(format string, a ...any) { r.failed = fmt.Sprintf(format, a...) }
func (r *recorder) Skip(a ...any)                  { r.skipped = fmt.Sprint(a...) }

// Outside CI a missing tool skips the test with the reason; with CI=true
// the same test fails, so a CI that lacks a tool is never green.
func TestMissingSkipsOutsideCIAndFailsInCI(t *testing.T) {
	for _, ci := range []string{"", "false", "true"} {
		t.Setenv("CI", ci)
		r := &recorder{}
		Exec(r, "atelier-no-such-program", "nothing")
		want := "atelier-no-such-program is not installed (Debian package nothing)"
		if ci == "true" {
			if r.skipped != "" || r.failed != want+" (CI=true: .ci/run must provide it, a test never skips in CI)" {
				t.Errorf("CI=true: failed %q, skipped %q; want a failure", r.failed, r.skipped)
			}
		} else if r.failed != "" || r.skipped != want {
			t.Errorf("CI=%q: failed %q, skipped %q; want a skip", ci, r.failed, r.skipped)
		}
	}
}

func TestPresentNeedsDoNotEndTheTest(t *testing.T) {
	t.Setenv("CI", "true")
	r := &recorder{}
	if p := Exec(r, "sh", "dash"); p == "" || r.failed != "" || r.skipped != "" {
		t.Errorf("sh: %q, failed %q, skipped %q", p, r.failed, r.skipped)
	}
	if p := File(r, "base-files", "/nonexistent/x", "/etc/os-release"); p != "/etc/os-release" || r.failed != "" {
		t.Errorf("File = %q, failed %q", p, r.failed)
	}
	File(r, "nothing", "/nonexistent/x")
	if r.failed == "" {
		t.Error("a missing file did not fail under CI=true")
	}
}
