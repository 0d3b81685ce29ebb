package reports

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadBoundedRefusesPipes: a certificate, signature or PDF that is a
// named pipe or a device is refused at once; os.Open on a pipe used to
// wait for a writer forever (issue 8.9).
func TestReadBoundedRefusesPipes(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "cert.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, "/dev/zero"} {
		done := make(chan error, 1)
		go func() { _, err := readBounded(path, maxPDFBytes); done <- err }()
		select {
		case err := <-done:
			var p *Problem
			if !errors.As(err, &p) || p.Key != "cert.notfile" {
				t.Errorf("%s: %v, want cert.notfile", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", path)
		}
	}
	big := filepath.Join(t.TempDir(), "big.json")
	f, _ := os.Create(big)
	f.Truncate(maxCertificateBytes + 1)
	f.Close()
	var p *Problem
	if _, err := readSmall(big); !errors.As(err, &p) || p.Key != "cert.toolarge" {
		t.Errorf("a certificate past the limit: %v", err)
	}
}
