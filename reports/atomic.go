package reports

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// writeTemp writes data to a new temporary file next to path (same folder,
// so a rename or link is atomic), synced, with mode.
func writeTemp(path string, data []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(tmp)
		return "", err
	}
	if err := f.Chmod(mode); err != nil {
		return fail(err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// writeAtomic replaces path with data: readers see the old file or the
// whole new one, never a part.
func writeAtomic(path string, data []byte, mode fs.FileMode) error {
	// The rename would replace a device node, a pipe or a link at path.
	if err := fsread.CheckReplace(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := writeTemp(path, data, mode)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, bare(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeNew creates path with data only if it does not exist yet (a hard
// link fails on an existing name), complete or not at all. created is false
// when path already existed.
func writeNew(path string, data []byte, mode fs.FileMode) (created bool, err error) {
	tmp, err := writeTemp(path, data, mode)
	if err != nil {
		return false, fmt.Errorf("write %s: %w", path, bare(err))
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	return true, nil
}

// bare drops the temporary file's name from an error about it: the
// message names the file being written instead.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
