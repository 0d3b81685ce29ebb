// Package fsread reads whole input files with a bound.
//
// Every file atelier reads whole (a dmidecode dump, a smartctl output, a
// probe report, a bmap, a CSV export, a certificate, a key, a file of a
// captured tree) goes through here: the file must be an ordinary file, and
// it may hold at most a stated number of bytes. A named pipe, a device such
// as /dev/zero, or a 2 GB image given by mistake is refused with a message
// naming the file and the limit, before memory or the terminal fills up.
//
// The limits themselves belong to the callers (each knows how big a real
// file of its kind is); this package only enforces them.
package fsread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Error is a file refused before or while it was read. Its text is in
// English; In says it in the user's language.
type Error struct {
	Key   string // read.too_large or read.not_regular.KIND
	Path  string
	Limit int64 // for read.too_large
}

func (e *Error) Error() string { return e.In(i18n.EN) }

// In says the refusal in language l.
func (e *Error) In(l i18n.Lang) string {
	if e.Key == KeyTooLarge {
		return l.T(e.Key, e.Path, Size(l, e.Limit))
	}
	return l.T(e.Key, e.Path)
}

// Message keys, in internal/i18n/fsread.go.
const (
	KeyTooLarge = "read.too_large"
	keyDir      = "read.not_regular.dir"
	keyFIFO     = "read.not_regular.fifo"
	keyDevice   = "read.not_regular.device"
	keySocket   = "read.not_regular.socket"
	keyOther    = "read.not_regular.other"
)

// Text says err in language l when it is (or wraps) an *Error, and as Go
// wrote it otherwise.
func Text(err error, l i18n.Lang) string {
	var e *Error
	if errors.As(err, &e) {
		return e.In(l)
	}
	return err.Error()
}

// IsRefusal reports whether err is a file refused by this package (too
// large or not an ordinary file), as opposed to one that could not be read.
func IsRefusal(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// Size writes a limit the way the documentation states it: "4 MiB"
// ("4 Mio" in French), "64 KiB".
func Size(l i18n.Lang, n int64) string {
	unit, div := "B", int64(1)
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		unit, div = "MiB", 1<<20
	case n >= 1<<10 && n%(1<<10) == 0:
		unit, div = "KiB", 1<<10
	}
	if l == i18n.FR {
		unit = map[string]string{"B": "o", "KiB": "Kio", "MiB": "Mio"}[unit]
	}
	return fmt.Sprintf("%d %s", n/div, unit)
}

// notRegular is the refusal for a file of mode m.
func notRegular(path string, m fs.FileMode) *Error {
	key := keyOther
	switch {
	case m.IsDir():
		key = keyDir
	case m&fs.ModeNamedPipe != 0:
		key = keyFIFO
	case m&fs.ModeDevice != 0:
		key = keyDevice
	case m&fs.ModeSocket != 0:
		key = keySocket
	}
	return &Error{Key: key, Path: path}
}

// Open opens path for reading when it is an ordinary file (after
// following links). Anything else is refused without being opened: opening
// a named pipe blocks until a writer comes, and opening some devices does
// something (a watchdog starts counting). The file is checked again once
// open, so a swap between the two looks changes nothing.
func Open(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, asOpen(err)
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(path, st.Mode())
	}
	// O_NONBLOCK: if a pipe was swapped in after the Stat, open returns at
	// once instead of waiting for a writer; on an ordinary file it does
	// nothing.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if err := checkOpen(f, path); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// OpenIn is Open for name inside root: links are followed only within it.
func OpenIn(root *os.Root, name string) (*os.File, error) {
	st, err := root.Stat(name)
	if err != nil {
		return nil, asOpen(err)
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(name, st.Mode())
	}
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if err := checkOpen(f, name); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// asOpen says a failed look at a file as the open it stands for: the user
// asked to read it ("open x: no such file or directory").
func asOpen(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Op = "open"
	}
	return err
}

func checkOpen(f *os.File, path string) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return notRegular(path, st.Mode())
	}
	return nil
}

// ReadFile reads the ordinary file path whole, refusing it when it holds
// more than limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path, limit)
}

// ReadFileIn is ReadFile for name inside root.
func ReadFileIn(root *os.Root, name string, limit int64) ([]byte, error) {
	f, err := OpenIn(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, name, limit)
}

// readOpen reads an open ordinary file. The size it claims is checked first
// (a 2 GB image is refused without reading it), then at most limit+1 bytes
// are read: /proc files claim a size of 0, and a file may grow meanwhile.
func readOpen(f *os.File, path string, limit int64) ([]byte, error) {
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, &Error{Key: KeyTooLarge, Path: path, Limit: limit}
	}
	return ReadAll(f, path, limit)
}

// ReadAll reads r (standard input, a stream) to its end, refusing it past
// limit bytes. name is what the message calls it.
func ReadAll(r io.Reader, name string, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, &Error{Key: KeyTooLarge, Path: name, Limit: limit}
	}
	return data, nil
}
