package probe

import (
	"context"
	"os/exec"
)

// toolRun is one external program running in the background.
type toolRun struct {
	done chan struct{}
	out  []byte
	err  error
}

func startTool(ctx context.Context, name string, args ...string) *toolRun {
	t := &toolRun{done: make(chan struct{})}
	go func() {
		defer close(t.done)
		t.out, t.err = runTool(ctx, name, args...)
	}()
	return t
}

func (t *toolRun) wait() ([]byte, error) {
	<-t.done
	return t.out, t.err
}

// liveTools reports whether this probe runs dmidecode and smartctl: live,
// as root, unless told not to.
func (s *source) liveTools() bool { return s.live && !s.noTools && isRoot() }

// startDMIDecode runs dmidecode in the background while /sys is read: on a
// bench machine the external programs are most of a probe's wall time.
func (s *source) startDMIDecode(ctx context.Context) {
	if s.liveTools() && s.dmidecodeRun == nil {
		s.dmidecodeRun = startTool(ctx, "dmidecode")
	}
}

// startSmartctl runs smartctl on every disk at once, in the background.
func (s *source) startSmartctl(ctx context.Context, disks []Disk) {
	if !s.liveTools() || s.smartctlRuns != nil {
		return
	}
	s.smartctlRuns = map[string]*toolRun{}
	if _, err := exec.LookPath("smartctl"); err != nil {
		return // said in gatherSmartctl
	}
	for _, d := range disks {
		s.smartctlRuns[d.Name] = startTool(ctx, "smartctl", "--json", "-x", "/dev/"+d.Name)
	}
}
