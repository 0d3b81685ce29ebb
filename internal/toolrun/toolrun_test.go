package toolrun

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// The one runner keeps what each caller relies on: the tool's own message
// in the error (wipe), a non-zero exit with output as an answer (smartctl),
// both outputs and the exit code (e2fsck, growpart), a missing tool and a
// hung one told at once.
func TestExecModes(t *testing.T) {
	ctx := context.Background()
	script := "echo out; echo bad >&2; exit 3"

	out, err := Exec{}.Run(ctx, "sh", "-c", script)
	if err == nil || !strings.Contains(err.Error(), "bad") || string(out) != "out\n" {
		t.Errorf("default: %q %v", out, err)
	}
	if out, err := (Exec{ExitOK: true}).Run(ctx, "sh", "-c", script); err != nil || string(out) != "out\n" {
		t.Errorf("ExitOK with output: %q %v", out, err)
	}
	if _, err := (Exec{ExitOK: true}).Run(ctx, "sh", "-c", "exit 3"); err == nil {
		t.Error("ExitOK without output: no error")
	}
	out, err = Exec{Combined: true}.Run(ctx, "sh", "-c", script)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 || !strings.Contains(string(out), "out") || !strings.Contains(string(out), "bad") {
		t.Errorf("combined: %q %v", out, err)
	}
	if _, err := (Exec{LookPath: true}).Run(ctx, "atelier-no-such-tool"); !errors.Is(err, exec.ErrNotFound) {
		t.Errorf("missing tool: %v", err)
	}
	start := time.Now()
	if _, err := (Exec{Timeout: 50 * time.Millisecond}).Run(ctx, "sleep", "5"); err == nil || time.Since(start) > 3*time.Second {
		t.Errorf("timeout: %v after %v", err, time.Since(start))
	}
}
