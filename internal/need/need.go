// Package need is how a test asks for what it cannot run without (root, a
// tool, a data file). Outside CI a missing need skips the test with the
// reason; with CI=true it fails it, because CI (.ci/run) must provide
// everything the suite needs and a skip there would hide a broken promise.
package need

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true), where nothing may skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// Missing ends t because something it needs is missing: a skip with the
// reason, or a failure under CI=true.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	why := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s (CI=true: .ci/run must provide it, a test never skips in CI)", why)
		return
	}
	t.Skip(why)
}

// Root ends t (see Missing) unless it runs as root.
func Root(t testing.TB, why string) {
	t.Helper()
	if os.Geteuid() != 0 {
		Missing(t, "needs root: %s", why)
	}
}

// Exec returns the path of the program prog, or ends t (see Missing) naming
// the Debian package that provides it.
func Exec(t testing.TB, prog, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(prog)
	if err != nil {
		Missing(t, "%s", ExecMissing(prog, debianPackage))
	}
	return path
}

// File returns the first of paths that exists, or ends t (see Missing)
// naming the Debian package that provides it.
func File(t testing.TB, debianPackage string, paths ...string) string {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	Missing(t, "none of %v exists (Debian package %s)", paths, debianPackage)
	return ""
}

// ExecMissing is the reason given when prog is not installed.
func ExecMissing(prog, debianPackage string) string {
	return fmt.Sprintf("%s is not installed (Debian package %s)", prog, debianPackage)
}
