package reports

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// maxCertificateBytes bounds what Verify reads: a real certificate is a few
// KiB; anything far larger is not one.
const maxCertificateBytes = 1 << 20

// maxPDFBytes bounds the PDF read by VerifyPDF: a certificate's PDF is
// about 40 KiB (a few pages with a font subset).
const maxPDFBytes = 8 << 20

// Verify checks the certificate at jsonPath against its detached signature
// (jsonPath + ".sig") and the bench public key pub, then its form (strict,
// canonical JSON) and content (see Validate). Any changed byte fails with a
// Problem saying why.
func Verify(jsonPath string, pub ed25519.PublicKey) (Certificate, error) {
	c, _, err := verifyFile(jsonPath, pub)
	return c, err
}

// verifyFile is Verify that also returns the JSON's hex SHA-256.
func verifyFile(jsonPath string, pub ed25519.PublicKey) (Certificate, string, error) {
	data, err := readSmall(jsonPath)
	if errors.Is(err, fs.ErrNotExist) {
		return Certificate{}, "", problem("cert.missing", jsonPath)
	}
	if err != nil {
		return Certificate{}, "", err
	}
	sigText, err := readSmall(jsonPath + SigSuffix)
	if errors.Is(err, fs.ErrNotExist) {
		return Certificate{}, "", problem("cert.sig.missing", jsonPath+SigSuffix)
	}
	if err != nil {
		return Certificate{}, "", err
	}
	c, err := VerifyBytes(data, sigText, pub)
	sum := sha256.Sum256(data)
	return c, hex.EncodeToString(sum[:]), err
}

// VerifyPDF checks a certificate's PDF: the JSON next to it (ID.pdf ->
// ID.json) must verify (see Verify), and the PDF must be, byte for byte,
// the one atelier renders for that certificate (see MatchPDF). The PDF is
// not signed itself; this is what ties it to the signed JSON. toolVersion
// is this atelier's version: a PDF issued by another version may render
// differently, and the Problem then says so rather than calling it false.
// On a PDF that does not match, the certificate is returned with the error
// (the JSON itself is valid).
func VerifyPDF(pdfPath string, pub ed25519.PublicKey, toolVersion string) (Certificate, error) {
	jsonPath := strings.TrimSuffix(pdfPath, ".pdf") + ".json"
	if _, err := os.Stat(jsonPath); errors.Is(err, fs.ErrNotExist) {
		return Certificate{}, problem("cert.pdf.nojson", pdfPath, jsonPath)
	}
	c, sha, err := verifyFile(jsonPath, pub)
	if err != nil {
		return c, err
	}
	pdf, err := readBounded(pdfPath, maxPDFBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return c, problem("cert.pdf.missing", pdfPath)
	}
	if err != nil {
		return c, err
	}
	_, ok, err := MatchPDF(pdf, c, sha)
	if err != nil {
		return c, err
	}
	if !ok {
		if v := c.Sanitization.Tool.Version; c.Sanitization.Tool.Name == "atelier" && v != toolVersion {
			return c, problem("cert.pdf.otherversion", pdfPath, v, toolVersion, jsonPath)
		}
		return c, problem("cert.pdf.differs", pdfPath, jsonPath)
	}
	return c, nil
}

// MatchPDF says whether pdf is the PDF rendered for c (whose JSON hashes
// to sha), in French or English, and in which.
func MatchPDF(pdf []byte, c Certificate, sha string) (lang string, ok bool, err error) {
	org, _ := pdfIssuer(pdf) // the association's identity it was rendered with, if any
	for _, l := range []i18n.Lang{i18n.FR, i18n.EN} {
		want, err := RenderCertificatePDF(c, sha, DocOptions{Lang: l, Org: org})
		if err != nil {
			return "", false, err
		}
		if bytes.Equal(pdf, want) {
			return string(l), true, nil
		}
	}
	return "", false, nil
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
		// was signed elsewhere; otherwise its bytes changed after signing
		// (or the .sig is another certificate's).
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

func readSmall(path string) ([]byte, error) { return readBounded(path, maxCertificateBytes) }

// readBounded reads a regular file of at most limit bytes. A pipe or a
// device is refused before it is opened: os.Open on a named pipe waits
// for a writer, forever.
func readBounded(path string, limit int64) ([]byte, error) {
	data, err := fsread.ReadFile(path, limit)
	var fe *fsread.Error
	switch {
	case errors.As(err, &fe) && fe.Key == fsread.KeyTooLarge:
		return nil, problem("cert.toolarge", path)
	case errors.As(err, &fe):
		return nil, problem("cert.notfile", path)
	}
	return data, err
}
