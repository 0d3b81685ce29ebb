package reports

import (
	"os"
	"path/filepath"
	"testing"
)

// Two packs written into one new folder at once: the one that loses the
// race is told, in words, that the folder is no longer empty (it said
// "remove pack: directory not empty"), and the winner's pack stays whole.
func TestPlacePackIntoAFolderFilledMeanwhile(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "pack")
	os.Mkdir(target, 0o755)
	os.WriteFile(filepath.Join(target, "batch.pdf"), []byte("the winner's"), 0o644)
	tmp := filepath.Join(parent, ".pack.tmp-1")
	os.Mkdir(tmp, 0o755)
	os.WriteFile(filepath.Join(tmp, "batch.pdf"), []byte("the loser's"), 0o644)
	err := placePack(tmp, target, "pack")
	if p, ok := err.(*Problem); !ok || p.Key != "pack.notempty" {
		t.Fatalf("placePack = %v, want pack.notempty", err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "batch.pdf")); string(b) != "the winner's" {
		t.Errorf("the first pack was changed: %q", b)
	}
}
