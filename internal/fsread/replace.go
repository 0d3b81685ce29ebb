package fsread

import (
	"errors"
	"io/fs"
	"os"
)

// keyLink is the refusal of an output path that is a symbolic link.
const keyLink = "read.not_regular.link"

// CheckReplace refuses to write a file at path unless nothing is there yet
// or an ordinary file is. atelier writes its outputs (documents, bundles,
// certificates, captures) to a temporary file it then renames over path:
// over a device node, a named pipe or a socket that rename silently swaps
// the node for a file (run as root, `label --out /dev/full` turned the
// device into a PDF), and over a link it replaces the link, not the file
// the user meant. The last component is looked at without following it;
// links higher up the path (a home folder on another disk) are fine.
func CheckReplace(path string) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.Mode().IsRegular():
		return nil
	case st.Mode()&fs.ModeSymlink != 0:
		return &Error{Key: keyLink, Path: path}
	}
	return notRegular(path, st.Mode())
}
