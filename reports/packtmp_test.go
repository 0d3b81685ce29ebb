package reports

import (
	"os"
	"path/filepath"
	"testing"
)

// A pack's leftover temporary folder (its writer was killed) is removed by
// the next pack of the same target; a folder another pack still holds,
// links, files, other targets' folders and other names are never touched.
func TestPackTempSweepRemovesOnlyLeftovers(t *testing.T) {
	parent := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "keep.txt"), []byte("not atelier's"), 0o644)
	mk := func(name string) string {
		p := filepath.Join(parent, name)
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(p, "batch.pdf"), []byte("half"), 0o644)
		return p
	}
	leftover := mk(".pack.tmp-123456")
	held := mk(".pack.tmp-777")
	f, err := lockPackTemp(held)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kept := []string{
		held,
		mk(".pack.tmp-12ab"),    // not os.MkdirTemp's digits
		mk(".pack.tmp-"),        // no digits at all
		mk(".other.tmp-42"),     // another target's
		mk("pack.tmp-42"),       // not hidden: not atelier's name
		mk(".pack.tmp-42.keep"), // longer name
	}
	link := filepath.Join(parent, ".pack.tmp-99")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(parent, ".pack.tmp-98")
	os.WriteFile(file, []byte("a file"), 0o644)
	kept = append(kept, link, file)

	tmp, release, err := makePackTemp(parent, filepath.Join(parent, "pack"))
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if !isPackTempName(filepath.Base(tmp), ".pack.tmp-") {
		t.Errorf("the new temporary folder %s is not named as the sweep expects", tmp)
	}
	if _, err := os.Lstat(leftover); !os.IsNotExist(err) {
		t.Errorf("the leftover %s is still there (%v)", leftover, err)
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(outside, "keep.txt")); err != nil {
		t.Errorf("the sweep followed a link: %v", err)
	}
	// The new folder is held: a second pack of the same target leaves it.
	tmp2, release2, err := makePackTemp(parent, filepath.Join(parent, "pack"))
	if err != nil {
		t.Fatal(err)
	}
	release2()
	os.Remove(tmp2)
	if _, err := os.Stat(tmp); err != nil {
		t.Errorf("a pack being written lost its temporary folder: %v", err)
	}
}
