package reports

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// maxCertificateBytes bounds what Verify reads: a real certificate is a few
// KiB; anything far larger is not one.
const maxCertificateBytes = 1 << 20

// Verify checks the certificate at jsonPath against its detached signature
// (jsonPath + ".sig") and the bench public key pub, then its form (strict,
// canonical JSON) and content (see Validate). Any changed byte fails with a
// Problem saying why.
func Verify(jsonPath string, pub ed25519.PublicKey) (Certificate, error) {
	data, err := readSmall(jsonPath)
	if errors.Is(err, fs.ErrNotExist) {
		return Certificate{}, problem("cert.missing", jsonPath)
	}
	if err != nil {
		return Certificate{}, err
	}
	sigText, err := readSmall(jsonPath + SigSuffix)
	if errors.Is(err, fs.ErrNotExist) {
		return Certificate{}, problem("cert.sig.missing", jsonPath+SigSuffix)
	}
	if err != nil {
		return Certificate{}, err
	}
	return VerifyBytes(data, sigText, pub)
}

// VerifyBytes is Verify on the JSON bytes and the signature file's text.
func VerifyBytes(data, sigText []byte, pub ed25519.PublicKey) (Certificate, error) {
	if len(pub) != ed25519.PublicKeySize {
		return Certificate{}, problem("cert.pub.none")
	}
	sig, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(sigText)))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return Certificate{}, problem("cert.sig.bad")
	}
	if !ed25519.Verify(pub, data, sig) {
		// Say the likelier cause: a certificate naming another bench key
		// was signed elsewhere; otherwise its bytes changed after signing.
		var claims struct {
			BenchKey string `json:"bench_key"`
		}
		if json.Unmarshal(data, &claims) == nil && claims.BenchKey != "" && claims.BenchKey != Fingerprint(pub) {
			return Certificate{}, problem("cert.sig.otherkey", claims.BenchKey, Fingerprint(pub))
		}
		return Certificate{}, problem("cert.sig.invalid", Fingerprint(pub))
	}
	c, err := Parse(data)
	if err != nil {
		return Certificate{}, err
	}
	if err := Validate(c); err != nil {
		return c, err
	}
	if c.BenchKey != Fingerprint(pub) {
		return c, problem("cert.sig.otherkey", c.BenchKey, Fingerprint(pub))
	}
	return c, nil
}

func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCertificateBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxCertificateBytes {
		return nil, problem("cert.toolarge", path)
	}
	return data, nil
}
