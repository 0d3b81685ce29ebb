package probe

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/jaypipes/ghw/pkg/snapshot"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// captureDir is where a capture keeps the tool outputs it recorded, inside
// the captured tree, so that --root finds them again.
const captureDir = "atelier"

// source is one probe run's view of the machine: a root directory ("/" when
// live) and the warnings collected on the way.
type source struct {
	root     string // "/" live, else the directory holding sys/ and proc/
	live     bool   // reading the machine atelier runs on
	tree     bool   // a /sys and /proc tree is available (live or --root)
	tmp      string // unpacked tarball, removed by close
	lang     i18n.Lang
	noTools  bool
	warnings []string

	// recorded tool outputs, written into a capture
	dmidecodeOut []byte
	smartctlOut  map[string][]byte // disk name -> smartctl JSON

	// live runs of dmidecode and smartctl, started early so they overlap
	// with reading /sys (see prefetch.go)
	dmidecodeRun *toolRun
	smartctlRuns map[string]*toolRun // disk name -> run
}

func openSource(o Options) (*source, error) {
	s := &source{root: "/", lang: o.Lang, noTools: o.NoTools, smartctlOut: map[string][]byte{}}
	if s.lang == "" {
		s.lang = i18n.EN
	}
	switch {
	case o.Root != "":
		st, err := os.Stat(o.Root)
		if err != nil {
			return nil, s.errorf(err, "probe.err.root", o.Root, err)
		}
		if st.IsDir() {
			s.root = o.Root
		} else {
			dir, err := snapshot.Unpack(o.Root)
			if err != nil {
				os.RemoveAll(dir)
				return nil, s.errorf(err, "probe.err.root_tar", o.Root, err)
			}
			s.root, s.tmp = dir, dir
		}
		s.tree = true
		// A folder with neither sys/ nor proc/ would "probe" as a machine
		// with nothing in it: say it is not a capture instead.
		if !s.exists("/sys") && !s.exists("/proc") {
			s.close()
			return nil, s.errorf(ErrNotCapture, "probe.err.not_capture", o.Root)
		}
	case o.DMIDecode != "" || len(o.Smartctl) > 0:
		// files only: nothing from this machine
	default:
		s.live, s.tree = true, true
	}
	return s, nil
}

// ErrNotCapture is what --root says of a folder or archive holding neither
// sys/ nor proc/.
var ErrNotCapture = errors.New("not a capture: no sys/ or proc/")

// localError is a message in the user's language that still unwraps to
// its cause (errors.Is(err, fs.ErrNotExist) keeps working).
type localError struct {
	text  string
	cause error
}

func (e *localError) Error() string { return e.text }
func (e *localError) Unwrap() error { return e.cause }

func (s *source) errorf(cause error, key string, args ...any) error {
	return &localError{text: s.lang.T(key, args...), cause: cause}
}

func (s *source) close() {
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
}

func (s *source) readsTree() bool { return s.tree }

// warn records a missing fact, in the report's language.
func (s *source) warn(key string, args ...any) { s.addWarning(s.lang.T(key, args...)) }

// addWarning records a translated warning once.
func (s *source) addWarning(msg string) {
	for _, w := range s.warnings {
		if w == msg {
			return
		}
	}
	s.warnings = append(s.warnings, msg)
}

// dropWarning forgets the warning of key once another source supplied the
// facts it said were missing.
func (s *source) dropWarning(key string, args ...any) {
	msg := s.lang.T(key, args...)
	s.warnings = slices.DeleteFunc(s.warnings, func(w string) bool { return w == msg })
}

// path is p (an absolute path such as /sys/class/net) under the root.
func (s *source) path(p string) string { return filepath.Join(s.root, p) }

// readString reads a small sysfs/procfs file under the root, trimmed; "" when
// absent or unreadable.
func (s *source) readString(p string) string {
	b, err := os.ReadFile(s.path(p))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// readInt reads a decimal number from a file under the root; ok is false
// when absent or not a number.
func (s *source) readInt(p string) (int64, bool) {
	v, err := strconv.ParseInt(s.readString(p), 10, 64)
	return v, err == nil
}

func (s *source) exists(p string) bool {
	_, err := os.Stat(s.path(p))
	return err == nil
}

// list names the entries of directory p under the root (nil when absent).
func (s *source) list(p string) []string {
	entries, err := os.ReadDir(s.path(p))
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// linkTarget resolves the symlink p under the root to a path relative to
// the root ("/sys/devices/..."), or "" when it is not a link.
func (s *source) linkTarget(p string) string {
	t, err := os.Readlink(s.path(p))
	if err != nil {
		return ""
	}
	if !filepath.IsAbs(t) {
		t = filepath.Join(filepath.Dir(p), t)
	}
	return filepath.Clean(t)
}

// capturedFile reads a tool output recorded by an earlier capture.
func (s *source) capturedFile(name string) ([]byte, bool) {
	if s.live || !s.tree {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(s.root, captureDir, name))
	return b, err == nil
}
