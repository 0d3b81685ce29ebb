package probe

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// What a capture may expand to. Real captures are far smaller: the six
// ghw snapshots of the corpus hold at most 2,839 entries and 56 KiB of
// files (the largest, /proc/cpuinfo, 28 KiB); a probe --capture of a
// 2-core VM holds 1,091 entries and 10 KiB. The limits leave room for a
// many-core server (cpu*/cache and memory* blocks run to tens of thousands
// of entries) and stop an archive that would fill the disk or the memory.
// probe/SCHEMA.md documents them.
const (
	maxCaptureEntries     = 100_000
	maxCaptureFileBytes   = 4 << 20   // one file; also --dmidecode and --smartctl
	maxCaptureBytes       = 64 << 20  // all files together
	maxCaptureStreamBytes = 256 << 20 // the decompressed tar stream, headers included
)

// captureLimits bound one staging; tests use smaller ones.
type captureLimits struct {
	entries     int
	fileBytes   int64
	totalBytes  int64
	streamBytes int64
}

func defaultCaptureLimits() captureLimits {
	return captureLimits{entries: maxCaptureEntries, fileBytes: maxCaptureFileBytes,
		totalBytes: maxCaptureBytes, streamBytes: maxCaptureStreamBytes}
}

// captureError is why a capture was refused, in words the user reads.
type captureError struct {
	key  string
	args []any
}

// byteSize is an argument said as "4 MiB" (or "4 Mio") in the message.
type byteSize int64

func refuse(key string, args ...any) *captureError { return &captureError{key: key, args: args} }

func (e *captureError) Error() string { return e.In(i18n.EN) }

// In says the refusal in language l.
func (e *captureError) In(l i18n.Lang) string {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		if b, ok := a.(byteSize); ok {
			a = fsread.Size(l, int64(b))
		}
		args[i] = a
	}
	return l.T(e.key, args...)
}

// kind is what an entry of a staged capture is.
type kind uint8

const (
	kindDir kind = iota + 1
	kindFile
	kindLink
)

// stager lays a capture out in a private folder through an os.Root, so
// that no entry, whatever its name or the links before it, is created
// outside; it refuses what a capture made by atelier or ghw never holds,
// and keeps count against the limits.
//
// Absolute link targets are re-rooted, not refused: the capture is read as
// if it were "/" (as ghw's chroot does), and real snapshots hold such links
// (etc/mtab -> /proc/self/mounts). "/sys" becomes "sys" seen from the link,
// so a link can never name a host file. A relative target that climbs out
// of the capture, lexically or through other links, is refused.
type stager struct {
	dir     string
	root    *os.Root
	lim     captureLimits
	kinds   map[string]kind
	sizes   map[string]int64 // regular files, for hard links
	links   []string
	entries int
	total   int64
}

// newStager makes the private folder in parent ("" is TMPDIR).
func newStager(parent string, lim captureLimits) (*stager, error) {
	dir, err := os.MkdirTemp(parent, "atelier-root-*")
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &stager{dir: dir, root: root, lim: lim, kinds: map[string]kind{}, sizes: map[string]int64{}}, nil
}

// abandon removes everything staged: a refused capture leaves nothing.
func (x *stager) abandon() {
	x.root.Close()
	os.RemoveAll(x.dir)
}

// done closes the root and hands the folder over once checked.
func (x *stager) done() (string, error) {
	if err := x.checkLinks(); err != nil {
		x.abandon()
		return "", err
	}
	x.root.Close()
	return x.dir, nil
}

// entryName cleans an entry's name: relative, no "..", no NUL. "." is the
// capture's own folder.
func entryName(name string) (string, bool) {
	if name == "" || strings.ContainsRune(name, 0) || strings.HasPrefix(name, "/") {
		return "", false
	}
	for _, c := range strings.Split(name, "/") {
		if c == ".." {
			return "", false
		}
	}
	return path.Clean(name), true
}

// add counts one entry and checks its name and the folders above it; it
// returns the clean name, "." for the capture's own folder.
func (x *stager) add(raw string) (string, error) {
	x.entries++
	if x.entries > x.lim.entries {
		return "", refuse("capture.too_many", x.lim.entries)
	}
	name, ok := entryName(raw)
	if !ok {
		return "", refuse("capture.bad_name", raw)
	}
	if name == "." {
		return name, nil
	}
	for p := path.Dir(name); p != "."; p = path.Dir(p) {
		if k, seen := x.kinds[p]; seen && k != kindDir {
			return "", refuse("capture.parent", name, p)
		}
	}
	return name, nil
}

// mkParents creates the folders above name, recording them.
func (x *stager) mkParents(name string) error {
	parent := path.Dir(name)
	if parent == "." {
		return nil
	}
	if err := x.root.MkdirAll(parent, 0o755); err != nil {
		return refuse("capture.entry", name, err)
	}
	for p := parent; p != "."; p = path.Dir(p) {
		x.kinds[p] = kindDir
	}
	return nil
}

// claim records name as k, refusing a second entry of the same name
// (folders may repeat).
func (x *stager) claim(name string, k kind) error {
	if had, seen := x.kinds[name]; seen && !(had == kindDir && k == kindDir) {
		return refuse("capture.duplicate", name)
	}
	x.kinds[name] = k
	return nil
}

func (x *stager) mkdir(raw string) error {
	name, err := x.add(raw)
	if err != nil || name == "." {
		return err
	}
	if err := x.claim(name, kindDir); err != nil {
		return err
	}
	if err := x.root.MkdirAll(name, 0o755); err != nil {
		return refuse("capture.entry", name, err)
	}
	x.mkParents(name)
	return nil
}

// file writes r (size bytes, or -1 when unknown) as a new file; modes,
// owners and times of the capture are not kept (atelier only reads).
func (x *stager) file(raw string, r io.Reader, size int64) error {
	name, err := x.add(raw)
	if err != nil {
		return err
	}
	if name == "." {
		return refuse("capture.duplicate", raw)
	}
	if size > x.lim.fileBytes {
		return refuse("capture.file_too_large", name, byteSize(x.lim.fileBytes))
	}
	if size > 0 && x.total+size > x.lim.totalBytes {
		return refuse("capture.too_large", byteSize(x.lim.totalBytes))
	}
	if err := x.claim(name, kindFile); err != nil {
		return err
	}
	if err := x.mkParents(name); err != nil {
		return err
	}
	// O_EXCL: never open what is already there (a link planted earlier).
	f, err := x.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return refuse("capture.entry", name, err)
	}
	n, err := io.Copy(f, io.LimitReader(r, x.lim.fileBytes+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var ce *captureError
		if errors.As(err, &ce) {
			return err
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	if n > x.lim.fileBytes {
		return refuse("capture.file_too_large", name, byteSize(x.lim.fileBytes))
	}
	x.total += n
	if x.total > x.lim.totalBytes {
		return refuse("capture.too_large", byteSize(x.lim.totalBytes))
	}
	x.sizes[name] = n
	return nil
}

// symlink creates a link, re-rooting an absolute target and refusing one
// that climbs out lexically (the links it goes through are checked once
// everything is staged, see checkLinks).
func (x *stager) symlink(raw, target string) error {
	name, err := x.add(raw)
	if err != nil {
		return err
	}
	if name == "." {
		return refuse("capture.duplicate", raw)
	}
	shown := target
	if target == "" || strings.ContainsRune(target, 0) {
		return refuse("capture.link_escapes", name, shown)
	}
	if path.IsAbs(target) {
		rel, err := filepath.Rel(path.Dir("/"+name), path.Clean(target))
		if err != nil {
			return refuse("capture.link_escapes", name, shown)
		}
		target = rel
	}
	if j := path.Join(path.Dir(name), target); j == ".." || strings.HasPrefix(j, "../") {
		return refuse("capture.link_escapes", name, shown)
	}
	if err := x.claim(name, kindLink); err != nil {
		return err
	}
	if err := x.mkParents(name); err != nil {
		return err
	}
	if err := x.root.Symlink(target, name); err != nil {
		return refuse("capture.entry", name, err)
	}
	x.links = append(x.links, name)
	return nil
}

// hardlink links name to a regular file staged earlier. Its bytes count
// again: a capture written back from the staged folder holds them twice.
func (x *stager) hardlink(raw, old string) error {
	name, err := x.add(raw)
	if err != nil {
		return err
	}
	target, ok := entryName(old)
	if !ok || x.kinds[target] != kindFile || name == "." {
		return refuse("capture.hardlink", raw, old)
	}
	x.total += x.sizes[target]
	if x.total > x.lim.totalBytes {
		return refuse("capture.too_large", byteSize(x.lim.totalBytes))
	}
	if err := x.claim(name, kindFile); err != nil {
		return err
	}
	if err := x.mkParents(name); err != nil {
		return err
	}
	if err := x.root.Link(target, name); err != nil {
		return refuse("capture.entry", name, err)
	}
	x.sizes[name] = x.sizes[target]
	return nil
}

// maxLinkHops is where the kernel gives up following links (ELOOP).
const maxLinkHops = 40

// checkLinks follows every staged link the way the kernel would and
// refuses one that ends outside the capture: "a -> s/p/.." stays inside
// lexically but leaves when s and p are links themselves. Checking each
// link from its own folder is enough: entries are never created under a
// link, so every link's folder is a real folder of the capture, and any
// path inside it reaches a link only from there.
func (x *stager) checkLinks() error {
	for _, l := range x.links {
		if escapes(x.root, l) {
			t, _ := x.root.Readlink(l)
			return refuse("capture.link_escapes", l, t)
		}
	}
	return nil
}

// escapes reports whether resolving name inside root ever goes above it.
// A path that stops resolving (missing entry, a file used as a folder, a
// loop) stops the kernel too, before it reaches anything outside.
func escapes(root *os.Root, name string) bool {
	var at []string // resolved components, real folders and the last entry
	pending := strings.Split(name, "/")
	for hops := 0; len(pending) > 0; {
		c := pending[0]
		pending = pending[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(at) == 0 {
				return true
			}
			at = at[:len(at)-1]
			continue
		}
		at = append(at, c)
		fi, err := root.Lstat(strings.Join(at, "/"))
		if err != nil {
			return false
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			if !fi.IsDir() && len(pending) > 0 {
				return false // not a folder: ENOTDIR
			}
			continue
		}
		if hops++; hops > maxLinkHops {
			return false
		}
		t, err := root.Readlink(strings.Join(at, "/"))
		if err != nil || path.IsAbs(t) {
			return true // staged links are all relative
		}
		at = at[:len(at)-1]
		pending = append(strings.Split(t, "/"), pending...)
	}
	return false
}

// countingReader fails once more than limit bytes went through it. The
// read that crosses the limit returns no bytes, only the refusal: with
// bytes too, io.ReadFull (which the tar reader uses) would drop the error.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n > c.limit {
		return 0, refuse("capture.stream_too_large", byteSize(c.limit))
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.limit {
		return 0, refuse("capture.stream_too_large", byteSize(c.limit))
	}
	return n, err
}

// errNotArchive marks a --root file that is not a .tar.gz at all.
var errNotArchive = errors.New("not a .tar.gz")

// stageArchive unpacks the .tar.gz at archive into a private folder made
// in parent ("" is TMPDIR) and returns it; on any refusal nothing is left
// on disk.
func stageArchive(ctx context.Context, archive, parent string, lim captureLimits) (string, error) {
	f, err := fsread.Open(archive)
	if err != nil {
		return "", err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("%w: %v", errNotArchive, err)
	}
	defer gz.Close()
	x, err := newStager(parent, lim)
	if err != nil {
		return "", err
	}
	if err := x.untar(ctx, tar.NewReader(&countingReader{r: gz, limit: lim.streamBytes})); err != nil {
		x.abandon()
		return "", err
	}
	return x.done()
}

func (x *stager) untar(ctx context.Context, tr *tar.Reader) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var ce *captureError
			if errors.As(err, &ce) {
				return err
			}
			return fmt.Errorf("%w: %v", errNotArchive, err)
		}
		switch h.Typeflag {
		case tar.TypeXGlobalHeader:
			// pax defaults for the entries after it: nothing to lay out
			if x.entries++; x.entries > x.lim.entries {
				return refuse("capture.too_many", x.lim.entries)
			}
		case tar.TypeDir:
			err = x.mkdir(h.Name)
		case tar.TypeReg, tar.TypeRegA:
			err = x.file(h.Name, tr, h.Size)
		case tar.TypeSymlink:
			err = x.symlink(h.Name, h.Linkname)
		case tar.TypeLink:
			err = x.hardlink(h.Name, h.Linkname)
		default:
			// devices, pipes, sparse or vendor entries: not in a capture
			if _, err := x.add(h.Name); err != nil {
				return err
			}
			err = refuse("capture.special", h.Name)
		}
		if err != nil {
			var ce *captureError
			if !errors.As(err, &ce) && !fsread.IsRefusal(err) {
				// a truncated or corrupt archive
				return fmt.Errorf("%w: %v", errNotArchive, err)
			}
			return err
		}
	}
}

// stageFolder copies the capture folder src into a private folder with the
// same checks and limits as an archive, so that ghw, which follows links
// itself, only ever sees a checked tree. Pipes and devices are refused
// without being opened.
func stageFolder(ctx context.Context, src, parent string, lim captureLimits) (string, error) {
	in, err := os.OpenRoot(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	x, err := newStager(parent, lim)
	if err != nil {
		return "", err
	}
	err = fs.WalkDir(in.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "." {
			return nil
		}
		switch t := d.Type(); {
		case t.IsDir():
			return x.mkdir(p)
		case t&fs.ModeSymlink != 0:
			target, err := in.Readlink(p)
			if err != nil {
				return err
			}
			return x.symlink(p, target)
		case t.IsRegular():
			f, err := fsread.OpenIn(in, p)
			if err != nil {
				return err
			}
			defer f.Close()
			size := int64(-1)
			if st, err := f.Stat(); err == nil {
				size = st.Size()
			}
			return x.file(p, f, size)
		default:
			if _, err := x.add(p); err != nil {
				return err
			}
			return refuse("capture.special", p)
		}
	})
	if err != nil {
		x.abandon()
		return "", err
	}
	return x.done()
}
