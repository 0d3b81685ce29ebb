// Package toolrun is the one way atelier runs an external tool (hdparm,
// nvme, smartctl, dmidecode, sgdisk, growpart, e2fsck...): one interface
// the engines take, so that their tests replay real tool outputs through a
// fake, and one implementation whose few options say how a tool reports.
package toolrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// Runner runs an external tool and returns its output.
type Runner interface {
	Run(ctx context.Context, name string, args ...string) ([]byte, error)
}

// Exec runs tools for real. The zero value returns standard output, and on
// failure an error carrying the tool's own message (its stderr).
type Exec struct {
	// Timeout bounds one run (0: none): a dying disk can make smartctl
	// hang for minutes, and the bench must go on.
	Timeout time.Duration
	// Combined returns standard output and error together, for tools
	// whose progress and failures are told on either (sgdisk, growpart,
	// e2fsck), as the caller shows them.
	Combined bool
	// ExitOK treats a non-zero exit as success when the tool printed
	// something: smartctl reports disk problems through its exit status.
	ExitOK bool
	// LookPath refuses at once, as not found, a tool that is not installed.
	LookPath bool
}

// Run executes name with args.
func (e Exec) Run(ctx context.Context, name string, args ...string) ([]byte, error) {
	path := name
	if e.LookPath {
		p, err := exec.LookPath(name)
		if err != nil {
			return nil, err
		}
		path = p
	}
	if e.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, path, args...)
	if e.Combined {
		out, err := cmd.CombinedOutput()
		return out, err // the caller reads the exit code and shows the output
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err == nil || e.ExitOK && errors.As(err, &exit) && len(out) > 0 {
		return out, nil
	}
	if e.ExitOK {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	msg := strings.TrimSpace(stderr.String())
	if msg == "" {
		msg = strings.TrimSpace(string(out))
	}
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	return out, fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, msg)
}
