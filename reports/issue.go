package reports

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/oklog/ulid/v2"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Issued says where a certificate's three files are.
type Issued struct {
	ID       string
	JSONPath string // ID.json: the canonical JSON, the certificate itself
	SigPath  string // ID.json.sig: detached ed25519 signature, base64, one line
	PDFPath  string // ID.pdf: for people; not signed, the JSON is authoritative
	SHA256   string // hex SHA-256 of the JSON bytes (the ledger stores it)
	JSON     []byte // the exact signed bytes
}

// CertificatesFolder is where certificates go, inside the ledger's folder,
// unless the operator names another (--out).
const CertificatesFolder = "certificates"

// CertificatesDir is the default certificate folder for a ledger folder.
func CertificatesDir(ledgerDir string) string { return filepath.Join(ledgerDir, CertificatesFolder) }

// SigSuffix is appended to the JSON file name for its detached signature.
// The signature file holds the standard base64 of the 64-byte ed25519
// signature of the JSON file's exact bytes, and a newline. With OpenSSL 3:
//
//	base64 -d ID.json.sig > sig.bin
//	openssl pkeyutl -verify -pubin -inkey bench.pub -rawin -in ID.json -sigfile sig.bin
const SigSuffix = ".sig"

// Issue signs c with the bench key and writes outDir/ID.json, ID.json.sig
// and ID.pdf (lang "en" for English, French otherwise). It accepts the wipe
// engine's words ("zero", "markers", "not done", "done"...) and records the
// certificate's own (see aliases). It fills Schema,
// ID (a new ULID when empty) and BenchKey, normalises c (see Canonical) and
// refuses a certificate that claims more than was done (see Validate).
// Each file appears whole or not at all; the JSON is written last, so a
// crash never leaves a JSON without its signature.
func Issue(c Certificate, key ed25519.PrivateKey, outDir, lang string) (Issued, error) {
	if len(key) != ed25519.PrivateKeySize {
		return Issued{}, errors.New("issue certificate: no valid bench key (run atelier init)")
	}
	c.Schema = Schema
	if c.ID == "" {
		c.ID = ulid.Make().String()
	}
	c.BenchKey = Fingerprint(key.Public().(ed25519.PublicKey))
	c = Canonical(normalizeVocabulary(c))
	if err := Validate(c); err != nil {
		return Issued{}, fmt.Errorf("issue certificate for disk %s: %w", c.Disk.Serial, err)
	}
	data, err := Encode(c)
	if err != nil {
		return Issued{}, err
	}
	sig := ed25519.Sign(key, data)
	sum := sha256.Sum256(data)
	is := Issued{
		ID:       c.ID,
		JSONPath: filepath.Join(outDir, c.ID+".json"),
		SHA256:   hex.EncodeToString(sum[:]),
		JSON:     data,
	}
	is.SigPath = is.JSONPath + SigSuffix
	is.PDFPath = filepath.Join(outDir, c.ID+".pdf")

	pdf, err := RenderPDF(c, is.SHA256, pdfLang(lang))
	if err != nil {
		return Issued{}, fmt.Errorf("issue certificate %s: %w", c.ID, err)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return Issued{}, fmt.Errorf("certificates folder %s: %w", outDir, err)
	}
	if _, err := os.Stat(is.JSONPath); err == nil {
		return Issued{}, problem("cert.exists", is.JSONPath)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Issued{}, fmt.Errorf("issue certificate %s: %w", c.ID, err)
	}
	files := []struct {
		path string
		data []byte
	}{
		{is.PDFPath, pdf},
		{is.SigPath, []byte(base64.StdEncoding.EncodeToString(sig) + "\n")},
		{is.JSONPath, data},
	}
	for i, f := range files {
		if err := writeAtomic(f.path, f.data, 0o644); err != nil {
			for _, done := range files[:i] {
				os.Remove(done.path)
			}
			return Issued{}, fmt.Errorf("issue certificate %s: %w", c.ID, err)
		}
	}
	return is, nil
}

// pdfLang: documents are French unless English is asked for.
func pdfLang(lang string) i18n.Lang {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "en") {
		return i18n.EN
	}
	return i18n.FR
}
