package reports

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// Bench key files, in the ledger's folder.
//
// Format: standard PEM, so that OpenSSL can read them too.
//   - bench.key: PKCS #8 "PRIVATE KEY" (ed25519), mode 0600; a comment line
//     before the block names the bench (PEM readers ignore it).
//   - bench.pub: PKIX "PUBLIC KEY", world-readable: hand it to whoever must
//     verify certificates (`atelier verify --key bench.pub CERT.json`).
const (
	KeyFile = "bench.key"
	PubFile = "bench.pub"
)

// fingerprintPrefix starts every key fingerprint.
const fingerprintPrefix = "SHA256:"

// Fingerprint names a public key: "SHA256:" and the unpadded standard
// base64 of the SHA-256 of its 32 raw bytes.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return fingerprintPrefix + base64.RawStdEncoding.EncodeToString(sum[:])
}

// EnsureBenchKey makes this bench's signing key in dir once: a second call
// loads and returns the same public key with created false. It refuses a
// private key readable by others (chmod 600 it), and a bench.pub without
// its bench.key (certificates signed by it would become unverifiable if it
// were overwritten).
func EnsureBenchKey(dir, bench string) (ed25519.PublicKey, bool, error) {
	keyPath := filepath.Join(dir, KeyFile)
	if _, err := os.Stat(keyPath); err == nil {
		priv, err := LoadBenchKey(dir)
		if err != nil {
			return nil, false, err
		}
		pub := priv.Public().(ed25519.PublicKey)
		if err := ensurePub(dir, pub); err != nil {
			return nil, false, err
		}
		return pub, false, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("bench key %s: %w", keyPath, err)
	}
	if _, err := os.Stat(filepath.Join(dir, PubFile)); err == nil {
		if _, err := os.Stat(keyPath); err == nil {
			// Another atelier init made both files meanwhile.
			return EnsureBenchKey(dir, bench)
		}
		return nil, false, problem("cert.key.orphan.pub", filepath.Join(dir, PubFile), keyPath)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, fmt.Errorf("bench key folder %s: %w", dir, err)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, fmt.Errorf("generate bench key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, false, fmt.Errorf("encode bench key: %w", err)
	}
	text := []byte(fmt.Sprintf("# atelier bench signing key, bench %q. Keep it secret; never copy it off this bench.\n", bench))
	text = append(text, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})...)
	created, err := writeNew(keyPath, text, 0o600)
	if err != nil {
		return nil, false, fmt.Errorf("write bench key: %w", err)
	}
	if !created {
		// Another atelier made it between our Stat and our link: use theirs.
		return EnsureBenchKey(dir, bench)
	}
	if err := ensurePub(dir, pub); err != nil {
		return nil, false, err
	}
	return pub, true, nil
}

// ensurePub writes bench.pub when missing, and checks it matches otherwise.
func ensurePub(dir string, pub ed25519.PublicKey) error {
	pubPath := filepath.Join(dir, PubFile)
	have, err := ReadPublicKey(pubPath)
	if err == nil {
		if !have.Equal(pub) {
			return problem("cert.key.mismatch", pubPath, filepath.Join(dir, KeyFile))
		}
		return nil
	}
	if _, statErr := os.Stat(pubPath); statErr == nil {
		// Either another atelier init linked it between our read and our
		// stat (read it again), or it is present but unreadable (say why,
		// never overwrite it).
		if have, err = ReadPublicKey(pubPath); err != nil {
			return err
		}
		if !have.Equal(pub) {
			return problem("cert.key.mismatch", pubPath, filepath.Join(dir, KeyFile))
		}
		return nil
	}
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return fmt.Errorf("encode bench public key: %w", err)
	}
	text := []byte("# atelier bench public key " + Fingerprint(pub) + "\n")
	text = append(text, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})...)
	if _, err := writeNew(pubPath, text, 0o644); err != nil {
		return fmt.Errorf("write bench public key: %w", err)
	}
	return ensurePub(dir, pub)
}

// LoadBenchKey reads dir/bench.key, refusing it when group or others may
// read it.
func LoadBenchKey(dir string) (ed25519.PrivateKey, error) {
	path := filepath.Join(dir, KeyFile)
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, problem("cert.key.missing", path)
	}
	if err != nil {
		return nil, fmt.Errorf("bench key %s: %w", path, err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, problem("cert.key.perm", path, fmt.Sprintf("%04o", st.Mode().Perm()))
	}
	data, err := fsread.ReadFile(path, maxKeyBytes)
	if err != nil {
		return nil, fmt.Errorf("bench key %s: %w", path, err)
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PRIVATE KEY" {
		return nil, problem("cert.key.bad", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, problem("cert.key.bad", path)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, problem("cert.key.bad", path)
	}
	return priv, nil
}

// maxKeyBytes bounds a key file: an ed25519 key in PEM is about 120 bytes.
const maxKeyBytes = 64 << 10

// LoadBenchPublicKey reads dir/bench.pub.
func LoadBenchPublicKey(dir string) (ed25519.PublicKey, error) {
	return ReadPublicKey(filepath.Join(dir, PubFile))
}

// ReadPublicKey reads a bench.pub file (PEM "PUBLIC KEY", ed25519).
func ReadPublicKey(path string) (ed25519.PublicKey, error) {
	data, err := fsread.ReadFile(path, maxKeyBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, problem("cert.pub.missing", path)
	}
	if err != nil {
		return nil, fmt.Errorf("public key %s: %w", path, err)
	}
	block, _ := pem.Decode(data)
	if block == nil || block.Type != "PUBLIC KEY" {
		return nil, problem("cert.pub.bad", path)
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, problem("cert.pub.bad", path)
	}
	pub, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, problem("cert.pub.bad", path)
	}
	return pub, nil
}
