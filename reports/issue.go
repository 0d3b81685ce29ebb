package reports

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
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

// Signed is a certificate signed in memory: the bytes of its three files,
// not yet written. Signing and writing are apart so that a wipe whose
// certificate cannot be written (full disk, read-only folder) can still
// record the signed certificate in the ledger and write it later
// (atelier wipe --reissue).
//
// The certificate (JSON and signature) has no language; only its PDF,
// rendered by WithDoc in the document's language, has one.
type Signed struct {
	ID     string
	JSON   []byte // canonical JSON: the certificate
	SHA256 string // hex SHA-256 of JSON
	Sig    []byte // the .sig file: base64 signature and a newline
	PDF    []byte // nil until WithDoc renders it (Write renders the French one then)
	cert   Certificate
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
// and ID.pdf, the PDF in the document language doc (English for i18n.EN,
// French otherwise): Sign, WithDoc, then Write.
func Issue(c Certificate, key ed25519.PrivateKey, outDir string, doc i18n.Lang) (Issued, error) {
	s, err := Sign(c, key)
	if err == nil {
		s, err = s.WithDoc(DocOptions{Lang: doc})
	}
	if err != nil {
		return Issued{}, err
	}
	return s.Write(outDir)
}

// Sign signs c with the bench key and renders its PDF, in memory. It
// accepts the wipe engine's words ("zero", "markers", "not done",
// "done"...) and records the certificate's own (see aliases). It fills
// Schema, ID (a new ULID when empty) and BenchKey, normalises c (see
// Canonical) and refuses a certificate that claims more than was done (see
// Validate).
func Sign(c Certificate, key ed25519.PrivateKey) (Signed, error) {
	if len(key) != ed25519.PrivateKeySize {
		return Signed{}, errors.New("issue certificate: no valid bench key (run atelier init)")
	}
	c.Schema = Schema
	if c.ID == "" {
		c.ID = ulid.Make().String()
	}
	c.BenchKey = Fingerprint(key.Public().(ed25519.PublicKey))
	c = Canonical(normalizeVocabulary(c))
	if err := Validate(c); err != nil {
		return Signed{}, fmt.Errorf("issue certificate for disk %s: %w", c.Disk.Serial, err)
	}
	return sign(c, key)
}

// sign encodes and signs a certificate already validated.
func sign(c Certificate, key ed25519.PrivateKey) (Signed, error) {
	data, err := Encode(c)
	if err != nil {
		return Signed{}, err
	}
	sum := sha256.Sum256(data)
	return Signed{ID: c.ID, JSON: data, SHA256: hex.EncodeToString(sum[:]), cert: c,
		Sig: []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(key, data)) + "\n")}, nil
}

// Resign rebuilds a signed certificate from its recorded JSON (the ledger
// keeps it with the wipe, possibly re-encoded) and the hash recorded with
// it. The result is byte for byte the certificate first signed: canonical
// encoding and ed25519 signatures are deterministic, and the PDF renders
// the same from the same content. It refuses a record that does not hash
// to wantSHA256 and a certificate of another bench key.
func Resign(recorded []byte, wantSHA256 string, key ed25519.PrivateKey) (Signed, error) {
	if len(key) != ed25519.PrivateKeySize {
		return Signed{}, errors.New("reissue certificate: no valid bench key (run atelier init)")
	}
	var c Certificate
	dec := json.NewDecoder(bytes.NewReader(recorded))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Signed{}, problem("cert.parse", oneLineErr(err))
	}
	if err := Validate(c); err != nil {
		return Signed{}, err
	}
	if fp := Fingerprint(key.Public().(ed25519.PublicKey)); c.BenchKey != fp {
		return Signed{}, problem("cert.reissue.otherkey", c.ID, c.BenchKey, fp)
	}
	s, err := sign(c, key)
	if err != nil {
		return Signed{}, err
	}
	if !strings.EqualFold(s.SHA256, wantSHA256) {
		return Signed{}, problem("cert.reissue.hash", c.ID, s.SHA256, wantSHA256)
	}
	return s, nil
}

func (s Signed) issued(outDir string) Issued {
	is := Issued{ID: s.ID, JSONPath: filepath.Join(outDir, s.ID+".json"), PDFPath: filepath.Join(outDir, s.ID+".pdf"),
		SHA256: s.SHA256, JSON: s.JSON}
	is.SigPath = is.JSONPath + SigSuffix
	return is
}

// certFile is one of the three files of a certificate.
type certFile struct {
	path string
	data []byte
	last bool // the JSON: linked in last, never over an existing file
}

// withPDF is s with its PDF rendered, in French when WithDoc was not called.
func (s Signed) withPDF() (Signed, error) {
	if s.PDF != nil {
		return s, nil
	}
	return s.WithDoc(DocOptions{Lang: i18n.FR})
}

func (s Signed) files(is Issued) []certFile {
	return []certFile{{is.PDFPath, s.PDF, false}, {is.SigPath, s.Sig, false}, {is.JSONPath, s.JSON, true}}
}

// Write writes the three files into outDir. Each file appears whole or
// not at all; the JSON is written last and never over an existing one, so
// a crash never leaves a JSON without its signature; when one file cannot
// be written (full disk, read-only folder) those already written are
// removed, so no certificate is half there.
func (s Signed) Write(outDir string) (Issued, error) {
	s, err := s.withPDF()
	if err != nil {
		return Issued{}, err
	}
	is := s.issued(outDir)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return Issued{}, fmt.Errorf("certificates folder %s: %w", outDir, err)
	}
	if _, err := os.Lstat(is.JSONPath); err == nil {
		return Issued{}, problem("cert.exists", is.JSONPath)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Issued{}, fmt.Errorf("issue certificate %s: %w", s.ID, err)
	}
	return is, writeFiles(s.ID, s.files(is))
}

// Rewrite writes the files of s that are missing from outDir and keeps
// those already there with the same content (a PDF may be in either
// language). A file there with other content is refused before anything
// is written: it is not the certificate the ledger recorded (substituted,
// or damaged), and it is left for a person to look at.
func (s Signed) Rewrite(outDir string) (is Issued, kept int, err error) {
	if s, err = s.withPDF(); err != nil {
		return Issued{}, 0, err
	}
	is = s.issued(outDir)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return Issued{}, 0, fmt.Errorf("certificates folder %s: %w", outDir, err)
	}
	var missing []certFile
	for _, f := range s.files(is) {
		same, err := sameFile(f, s.cert, s.SHA256)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, f)
		case err != nil:
			return Issued{}, 0, err
		case !same:
			return Issued{}, 0, problem("cert.reissue.differs", f.path, s.SHA256)
		default:
			kept++
		}
	}
	return is, kept, writeFiles(s.ID, missing)
}

// sameFile says whether the file at f.path holds f.data (for the PDF: the
// rendering of c in either language).
func sameFile(f certFile, c Certificate, sha string) (bool, error) {
	st, err := os.Lstat(f.path)
	if err != nil {
		return false, err
	}
	if !st.Mode().IsRegular() {
		return false, problem("cert.reissue.notfile", f.path)
	}
	got, err := readBounded(f.path, maxPDFBytes)
	if err != nil {
		return false, err
	}
	if strings.HasSuffix(f.path, ".pdf") {
		_, ok, err := MatchPDF(got, c, sha)
		return ok, err
	}
	return bytes.Equal(got, f.data), nil
}

// writeFiles writes files in order and, when one fails, removes those it
// wrote.
func writeFiles(id string, files []certFile) error {
	for i, f := range files {
		var err error
		if f.last {
			var created bool
			if created, err = writeNew(f.path, f.data, 0o644); err == nil && !created {
				err = problem("cert.exists", f.path)
			}
		} else {
			err = writeAtomic(f.path, f.data, 0o644)
		}
		if err != nil {
			for _, done := range files[:i] {
				os.Remove(done.path)
			}
			return fmt.Errorf("issue certificate %s: %w", id, err)
		}
	}
	return nil
}

// CheckWritable tells, before a long wipe, whether certificates can be
// written into dir at all (it creates dir, then writes, syncs and removes a
// small file), so a read-only or missing folder is refused before the
// first byte of a disk is erased. It cannot promise the space will still
// be there at the end: Write says so then.
func CheckWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := writeTemp(filepath.Join(dir, "write-test"), []byte("atelier certificate folder check\n"), 0o644)
	if err != nil {
		return bare(err)
	}
	return os.Remove(tmp)
}

// docLang: documents are French unless English is asked for.
func docLang(l i18n.Lang) i18n.Lang {
	if l == i18n.EN {
		return i18n.EN
	}
	return i18n.FR
}
