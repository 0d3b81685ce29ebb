package reports

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// A proof pack is built in a folder ".NAME.tmp-DIGITS" beside its target
// NAME, and its writer holds an flock on that folder while it works. The
// kernel drops the lock when the process dies, even by kill -9: a folder of
// that name that nobody holds is a leftover, and the next pack of the same
// target removes it. Nothing else is ever removed (issue 13).

// packTempPrefix is the start of the names of target's temporary folders.
func packTempPrefix(target string) string {
	return "." + filepath.Base(filepath.Clean(target)) + ".tmp-"
}

// makePackTemp removes the leftovers of target's earlier packs, then makes
// a new temporary folder in parent and locks it. release unlocks it (after
// the folder is renamed or removed).
func makePackTemp(parent, target string) (tmp string, release func(), err error) {
	prefix := packTempPrefix(target)
	sweepPackTemps(parent, prefix)
	for range 3 {
		tmp, err = os.MkdirTemp(parent, prefix+"*")
		if err != nil {
			return "", nil, err
		}
		f, err := lockPackTemp(tmp)
		if err == nil {
			return tmp, func() { f.Close() }, nil
		}
		// Another pack's sweep took the fresh folder for a leftover in the
		// instant before it was locked: make another.
		os.Remove(tmp)
	}
	return "", nil, fmt.Errorf("lock %s: %w", tmp, syscall.EWOULDBLOCK)
}

// lockPackTemp opens the folder dir (never through a link) and takes its
// lock without waiting, and checks dir is still the folder it locked (a
// sweep may have removed it between its making and its locking).
func lockPackTemp(dir string) (*os.File, error) {
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_NOFOLLOW|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), dir)
	if err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	held, err1 := f.Stat()
	now, err2 := os.Lstat(dir)
	if err1 != nil || err2 != nil || !os.SameFile(held, now) {
		f.Close()
		return nil, fs.ErrNotExist
	}
	return f, nil
}

// sweepPackTemps removes the folders in parent named prefix+DIGITS that are
// real folders (not links), owned by this user, and locked by no live
// process. It is best effort: what it cannot remove stays, and the pack
// goes on.
func sweepPackTemps(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !isPackTempName(e.Name(), prefix) || e.Type() != fs.ModeDir {
			continue
		}
		path := filepath.Join(parent, e.Name())
		fi, err := os.Lstat(path)
		if err != nil || !fi.IsDir() {
			continue
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Geteuid() {
			continue
		}
		f, err := lockPackTemp(path)
		if err != nil {
			continue // a pack is being written there, or it is gone already
		}
		os.RemoveAll(path)
		f.Close()
	}
}

// isPackTempName says whether name is prefix followed by the digits
// os.MkdirTemp puts for its "*".
func isPackTempName(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok || rest == "" {
		return false
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
