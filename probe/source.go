package probe

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// captureDir is where a capture keeps the tool outputs it recorded, inside
// the captured tree, so that --root finds them again.
const captureDir = "atelier"

// source is one probe run's view of the machine: a root directory ("/" when
// live) and the warnings collected on the way.
type source struct {
	root     string   // "/" live, else the directory holding sys/ and proc/
	live     bool     // reading the machine atelier runs on
	tree     bool     // a /sys and /proc tree is available (live or --root)
	tmp      string   // the staged copy of a --root capture, removed by close
	fsroot   *os.Root // the staged copy: reads cannot leave it (nil when live)
	noTools  bool
	warnings []Note

	// recorded tool outputs, written into a capture
	dmidecodeOut []byte
	smartctlOut  map[string][]byte // disk name -> smartctl JSON

	// live runs of dmidecode and smartctl, started early so they overlap
	// with reading /sys (see prefetch.go)
	dmidecodeRun *toolRun
	smartctlRuns map[string]*toolRun // disk name -> run
}

func openSource(ctx context.Context, o Options) (*source, error) {
	s := &source{root: "/", noTools: o.NoTools, smartctlOut: map[string][]byte{}}
	switch {
	case o.Root != "":
		dir, err := s.stage(ctx, o.Root)
		if err != nil {
			return nil, err
		}
		fsroot, err := os.OpenRoot(dir)
		if err != nil {
			os.RemoveAll(dir)
			return nil, s.errorf(err, "probe.err.root", o.Root, err)
		}
		s.root, s.tmp, s.fsroot = dir, dir, fsroot
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

// stage copies the capture at root (a folder or a .tar.gz) into a private
// folder that holds only files, folders and links that stay inside it,
// within the capture limits (see stage.go). Every fact of a --root probe,
// including those ghw reads, is read from that copy.
func (s *source) stage(ctx context.Context, root string) (string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return "", s.errorf(err, "probe.err.root", root, err)
	}
	var dir string
	if st.IsDir() {
		dir, err = stageFolder(ctx, root, "", defaultCaptureLimits())
	} else {
		dir, err = stageArchive(ctx, root, "", defaultCaptureLimits())
	}
	var ce *captureError
	switch {
	case err == nil:
		return dir, nil
	case errors.As(err, &ce):
		return "", s.errorf(err, "probe.err.root_refused", root, ce)
	case fsread.IsRefusal(err):
		return "", s.errorf(err, "probe.err.root_refused", root, fsText{err})
	case errors.Is(err, errNotArchive):
		return "", s.errorf(err, "probe.err.root_tar", root, err)
	default:
		return "", s.errorf(err, "probe.err.root", root, err)
	}
}

// ErrNotCapture is what --root says of a folder or archive holding neither
// sys/ nor proc/.
var ErrNotCapture = errors.New("not a capture: no sys/ or proc/")

// keyedError is a keyed message (English inside, said in the reader's
// language by the command) that still unwraps to its cause
// (errors.Is(err, fs.ErrNotExist) keeps working).
type keyedError struct {
	msg   *i18n.Error
	cause error
}

func (e *keyedError) Error() string         { return e.msg.Error() }
func (e *keyedError) In(l i18n.Lang) string { return e.msg.In(l) }
func (e *keyedError) Unwrap() []error       { return []error{e.msg, e.cause} }

// fsText says a file refusal of fsread in the reader's language.
type fsText struct{ err error }

func (f fsText) In(l i18n.Lang) string { return fsread.Text(f.err, l) }

func (s *source) errorf(cause error, key string, args ...any) error {
	var ie *i18n.Error
	errors.As(i18n.Keyed(key, args...), &ie)
	return &keyedError{msg: ie, cause: cause}
}

func (s *source) close() {
	if s.fsroot != nil {
		s.fsroot.Close()
	}
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
}

func (s *source) readsTree() bool { return s.tree }

// warn records a missing fact as a keyed note, said in the reader's
// language when the report is shown.
func (s *source) warn(key string, args ...any) { s.addWarning(note(key, args...)) }

// addWarning records a warning once.
func (s *source) addWarning(n Note) {
	if slices.ContainsFunc(s.warnings, n.same) {
		return
	}
	s.warnings = append(s.warnings, n)
}

// dropWarning forgets the warning of key once another source supplied the
// facts it said were missing.
func (s *source) dropWarning(key string, args ...any) {
	s.warnings = slices.DeleteFunc(s.warnings, note(key, args...).same)
}

// path is p (an absolute path such as /sys/class/net) under the root.
func (s *source) path(p string) string { return filepath.Join(s.root, p) }

// rel is p relative to a staged capture's root, for s.fsroot.
func rel(p string) string {
	r := strings.TrimPrefix(filepath.Clean("/"+p), "/")
	if r == "" {
		return "."
	}
	return r
}

// readFile reads a file under the root, at most maxCaptureFileBytes: a
// capture holds no larger file, and no sysfs or procfs file atelier reads
// comes near it.
func (s *source) readFile(p string) ([]byte, error) {
	if s.fsroot != nil {
		return fsread.ReadFileIn(s.fsroot, rel(p), maxCaptureFileBytes)
	}
	return fsread.ReadFile(s.path(p), maxCaptureFileBytes)
}

// readString reads a small sysfs/procfs file under the root, trimmed; "" when
// absent or unreadable.
func (s *source) readString(p string) string {
	b, err := s.readFile(p)
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
	var err error
	if s.fsroot != nil {
		_, err = s.fsroot.Stat(rel(p))
	} else {
		_, err = os.Stat(s.path(p))
	}
	return err == nil
}

// list names the entries of directory p under the root (nil when absent).
func (s *source) list(p string) []string {
	var entries []os.DirEntry
	var err error
	if s.fsroot != nil {
		entries, err = fs.ReadDir(s.fsroot.FS(), rel(p))
	} else {
		entries, err = os.ReadDir(s.path(p))
	}
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
	var t string
	var err error
	if s.fsroot != nil {
		t, err = s.fsroot.Readlink(rel(p))
	} else {
		t, err = os.Readlink(s.path(p))
	}
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
	b, err := s.readFile("/" + captureDir + "/" + name)
	return b, err == nil
}
