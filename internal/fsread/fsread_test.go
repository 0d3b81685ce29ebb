package fsread

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// within runs f and fails the test if it has not returned after a few
// seconds: a reader that blocks on a pipe must be caught, not hang CI.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("still reading after 5 s")
		return nil
	}
}

func key(t *testing.T, err error) string {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("want a refusal, got %v", err)
	}
	return e.Key
}

func TestReadsSmallFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(p, []byte("hello"), 0o644)
	b, err := ReadFile(p, 5)
	if err != nil || string(b) != "hello" {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
	// a link to an ordinary file is that file
	l := filepath.Join(t.TempDir(), "link")
	os.Symlink(p, l)
	if b, err := ReadFile(l, 5); err != nil || string(b) != "hello" {
		t.Fatalf("through a link: %q, %v", b, err)
	}
	// /proc files say they hold 0 bytes: they are read, and bounded
	if b, err := ReadFile("/proc/self/status", 1<<20); err != nil || !strings.Contains(string(b), "Name:") {
		t.Fatalf("/proc/self/status: %v", err)
	}
	if _, err := ReadFile("/proc/self/status", 10); key(t, err) != KeyTooLarge {
		t.Fatal("a /proc file past the limit must be refused")
	}
}

func TestRefusesLargeFilesWithoutReadingThem(t *testing.T) {
	p := filepath.Join(t.TempDir(), "image.img")
	f, _ := os.Create(p)
	f.Truncate(2 << 30) // sparse: 2 GiB that cost nothing
	f.Close()
	start := time.Now()
	_, err := ReadFile(p, 16<<20)
	if key(t, err) != KeyTooLarge {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v: the size alone says it is too large", d)
	}
	msg := err.Error()
	if !strings.Contains(msg, p) || !strings.Contains(msg, "16 MiB") {
		t.Errorf("message %q must name the file and the limit", msg)
	}
	if fr := Text(err, i18n.FR); !strings.Contains(fr, "16 Mio") || !strings.Contains(fr, p) {
		t.Errorf("French message %q", fr)
	}
	// one byte over is over
	q := filepath.Join(t.TempDir(), "b")
	os.WriteFile(q, []byte("123456"), 0o644)
	if _, err := ReadFile(q, 5); key(t, err) != KeyTooLarge {
		t.Fatal("6 bytes with a limit of 5 must be refused")
	}
}

func TestRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	fifoLink := filepath.Join(dir, "fifo-link")
	os.Symlink(fifo, fifoLink)
	zeroLink := filepath.Join(dir, "zero-link")
	os.Symlink("/dev/zero", zeroLink)
	for path, want := range map[string]string{
		"/dev/zero": keyDevice,
		"/dev/null": keyDevice,
		zeroLink:    keyDevice,
		fifo:        keyFIFO,
		fifoLink:    keyFIFO,
		dir:         keyDir,
	} {
		err := within(t, func() error { _, err := ReadFile(path, 1<<20); return err })
		if got := key(t, err); got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: message %q does not name the file", path, err)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file keeps its not-exist error: %v", err)
	}
}

func TestReadFileInStaysInside(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(outside, []byte("host secret"), 0o644)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok"), []byte("fine"), 0o644)
	os.Symlink(outside, filepath.Join(dir, "abs"))
	os.Symlink("../../../../../../../../"+outside, filepath.Join(dir, "rel"))
	os.Symlink("/dev/zero", filepath.Join(dir, "zero"))
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if b, err := ReadFileIn(root, "ok", 10); err != nil || string(b) != "fine" {
		t.Fatalf("ok: %q %v", b, err)
	}
	for _, name := range []string{"abs", "rel", "zero"} {
		b, err := within2(t, func() ([]byte, error) { return ReadFileIn(root, name, 1<<20) })
		if err == nil || strings.Contains(string(b), "secret") {
			t.Errorf("%s: read %q through a link leaving the root", name, b)
		}
	}
}

func within2(t *testing.T, f func() ([]byte, error)) ([]byte, error) {
	var b []byte
	err := within(t, func() error { var err error; b, err = f(); return err })
	return b, err
}

func TestReadAllBoundsStreams(t *testing.T) {
	if _, err := ReadAll(strings.NewReader(strings.Repeat("x", 11)), "stdin", 10); key(t, err) != KeyTooLarge {
		t.Fatal("11 bytes of stdin with a limit of 10 must be refused")
	}
	if b, err := ReadAll(strings.NewReader("0123456789"), "stdin", 10); err != nil || len(b) != 10 {
		t.Fatalf("exactly the limit: %d %v", len(b), err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{4 << 20: "4 MiB", 64 << 10: "64 KiB", 1000: "1000 B", 1<<20 + 1: "1048577 B"} {
		if got := Size(i18n.EN, n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Size(i18n.FR, 4<<20); got != "4 Mio" {
		t.Errorf("FR: %q", got)
	}
}

func TestMissingFileSaysOpen(t *testing.T) {
	_, err := ReadFile("nothere.txt", 10)
	if err == nil || err.Error() != "open nothere.txt: no such file or directory" {
		t.Fatalf("err = %v", err)
	}
}
