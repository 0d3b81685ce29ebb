package fsread

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// An output may be written where nothing is or over an ordinary file, and
// nowhere else: a rename over a device node, a pipe, a socket or a link
// replaces the node or the link itself.
func TestCheckReplaceRefusesWhatIsNotAnOrdinaryFile(t *testing.T) {
	dir := t.TempDir()
	p := func(n string) string { return filepath.Join(dir, n) }
	if err := os.WriteFile(p("old.pdf"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p("fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("old.pdf", p("link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere/x.pdf", p("dangling.pdf")); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", p("sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if err := os.Mkdir(p("folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, key string }{
		{p("new.pdf"), ""},
		{p("old.pdf"), ""},
		{p("fifo"), keyFIFO},
		{"/dev/null", keyDevice},
		{p("sock"), keySocket},
		{p("folder"), keyDir},
		{p("link.pdf"), keyLink},
		{p("dangling.pdf"), keyLink},
	} {
		err := CheckReplace(c.path)
		if c.key == "" {
			if err != nil {
				t.Errorf("%s: want it accepted, got %v", c.path, err)
			}
			continue
		}
		if got := key(t, err); got != c.key {
			t.Errorf("%s: refused as %s, want %s", c.path, got, c.key)
		}
	}
}
