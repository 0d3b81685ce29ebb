package reports_test

import (
	"bytes"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/need"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

func TestBenchKeyIsMadeOnceWithPrivatePermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "atelier")
	pub, created, err := reports.EnsureBenchKey(dir, "etabli-1")
	if err != nil || !created {
		t.Fatalf("first EnsureBenchKey: created=%v err=%v", created, err)
	}
	st, err := os.Stat(filepath.Join(dir, reports.KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("bench.key mode %04o, want 0600", st.Mode().Perm())
	}
	again, created, err := reports.EnsureBenchKey(dir, "etabli-1")
	if err != nil || created || !again.Equal(pub) {
		t.Fatalf("second EnsureBenchKey must reuse the key: created=%v equal=%v err=%v", created, again.Equal(pub), err)
	}
	onDisk, err := reports.LoadBenchPublicKey(dir)
	if err != nil || !onDisk.Equal(pub) {
		t.Fatalf("bench.pub does not hold the bench's public key: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("key folder holds %d files, want bench.key and bench.pub only", len(entries))
	}
}

func TestLooseKeyPermissionsAreRefused(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := reports.EnsureBenchKey(dir, "etabli-1"); err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(dir, reports.KeyFile)
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := reports.LoadBenchKey(dir)
	if got := problemKey(t, err); got != "cert.key.perm" || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable key: %v", err)
	}
	if _, _, err := reports.EnsureBenchKey(dir, "etabli-1"); problemKey(t, err) != "cert.key.perm" {
		t.Errorf("EnsureBenchKey accepted a world-readable key: %v", err)
	}
}

func TestPublicKeyWithoutPrivateKeyIsNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := reports.EnsureBenchKey(dir, "etabli-1"); err != nil {
		t.Fatal(err)
	}
	oldPub, _ := os.ReadFile(filepath.Join(dir, reports.PubFile))
	os.Remove(filepath.Join(dir, reports.KeyFile))
	_, _, err := reports.EnsureBenchKey(dir, "etabli-1")
	if problemKey(t, err) != "cert.key.orphan.pub" {
		t.Errorf("bench.pub without bench.key: %v", err)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, reports.PubFile)); !bytes.Equal(now, oldPub) {
		t.Error("the old public key was overwritten: certificates it signed could no longer be verified")
	}
}

func TestMismatchedPublicKeyIsReported(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if _, _, err := reports.EnsureBenchKey(d, "x"); err != nil {
			t.Fatal(err)
		}
	}
	other, _ := os.ReadFile(filepath.Join(b, reports.PubFile))
	os.WriteFile(filepath.Join(a, reports.PubFile), other, 0o644)
	if _, _, err := reports.EnsureBenchKey(a, "x"); problemKey(t, err) != "cert.key.mismatch" {
		t.Errorf("bench.pub of another bench next to bench.key: %v", err)
	}
}

// The documented OpenSSL command verifies a certificate without atelier:
// the key files are standard PEM and the signature standard base64.
func TestOpenSSLVerifiesTheSignature(t *testing.T) {
	openssl := need.Exec(t, "openssl", "openssl")
	dir, priv, _ := newBench(t)
	is, err := reports.Issue(reportstest.Sample(), priv, t.TempDir(), "fr")
	if err != nil {
		t.Fatal(err)
	}
	sigText, _ := os.ReadFile(is.SigPath)
	raw := make([]byte, 64)
	if n, err := decodeBase64(sigText, raw); err != nil || n != 64 {
		t.Fatalf("signature file is not base64 of 64 bytes: %v", err)
	}
	sigBin := filepath.Join(t.TempDir(), "sig.bin")
	os.WriteFile(sigBin, raw, 0o644)
	out, err := exec.Command(openssl, "pkeyutl", "-verify", "-pubin", "-inkey", filepath.Join(dir, reports.PubFile),
		"-rawin", "-in", is.JSONPath, "-sigfile", sigBin).CombinedOutput()
	if err != nil {
		t.Fatalf("openssl refused the signature: %v\n%s", err, out)
	}
}

func decodeBase64(text, dst []byte) (int, error) {
	return base64.StdEncoding.Decode(dst, bytes.TrimSpace(text))
}

// Several atelier processes may start on a fresh bench at once: they must
// end up with one key, the same for all.
func TestConcurrentEnsureBenchKeyAgreesOnOneKey(t *testing.T) {
	dir := t.TempDir()
	const n = 8
	keys := make(chan string, n)
	errs := make(chan error, n)
	for range n {
		go func() {
			pub, _, err := reports.EnsureBenchKey(dir, "etabli-1")
			if err != nil {
				errs <- err
				return
			}
			keys <- reports.Fingerprint(pub)
		}()
	}
	seen := map[string]bool{}
	for range n {
		select {
		case err := <-errs:
			t.Fatalf("concurrent EnsureBenchKey: %v", err)
		case k := <-keys:
			seen[k] = true
		}
	}
	onDisk, err := reports.LoadBenchPublicKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || !seen[reports.Fingerprint(onDisk)] {
		t.Errorf("processes got %d different keys (%v), bench.pub is %s", len(seen), seen, reports.Fingerprint(onDisk))
	}
}
