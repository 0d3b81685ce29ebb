package reports

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// Every document, certificate and pack file is written by a rename over its
// path: a pipe or a link already there (planted in a shared folder, or a
// certificate folder given to unit certificates --out) is refused and left
// as it was, never swapped for the file.
func TestWriteFileRefusesToReplaceWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "PCS-26-0001.json")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "labels.pdf")
	if err := os.Symlink("elsewhere.pdf", link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{pipe, link} {
		err := WriteFile(p, []byte("%PDF-1.7"))
		if !fsread.IsRefusal(err) {
			t.Errorf("%s: want a refusal, got %v", p, err)
		}
	}
	if st, err := os.Lstat(pipe); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", st.Mode(), err)
	}
	if to, err := os.Readlink(link); err != nil || to != "elsewhere.pdf" {
		t.Errorf("the link was replaced: %q %v", to, err)
	}
	if err := WriteFile(filepath.Join(dir, "new.pdf"), []byte("%PDF-1.7")); err != nil {
		t.Errorf("a new file: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("want the pipe, the link and new.pdf only (no temporary left), got %d entries", len(entries))
	}
}
