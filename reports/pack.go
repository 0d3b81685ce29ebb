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
	"syscall"

	"github.com/pcsolidaire/atelier/inventory"
)

// CertSource is where a bench keeps its certificates, and its key.
type CertSource struct {
	Dir string             // the ledger's certificates folder
	Key ed25519.PrivateKey // this bench's key (to re-sign a certificate of this bench whose .sig went missing)
}

// ExportedCert says what ExportCertificate wrote.
type ExportedCert struct {
	ID      string `json:"id"`
	JSON    string `json:"json"`
	Sig     string `json:"sig,omitempty"` // "" when no signature could be found or made
	PDF     string `json:"pdf"`
	Rebuilt bool   `json:"rebuilt,omitempty"` // the JSON or signature came from the ledger, not the folder
}

// ExportCertificate writes one certificate (ID.json, ID.json.sig, ID.pdf)
// into outDir. The JSON is the certificate folder's file, or, when it is
// gone, rebuilt from the copy the ledger keeps; either way its SHA-256 must
// be the one the ledger recorded at the wipe. The signature is the
// folder's, checked, or made again when the certificate is this bench's
// (ed25519 signatures are deterministic: the same bytes as the lost file).
// The PDF is rendered again from the JSON, with the association's identity.
func ExportCertificate(w inventory.WipeRecord, src CertSource, outDir string, o DocOptions) (ExportedCert, error) {
	id := w.CertificateID
	ex := ExportedCert{ID: id}
	if !validULID(id) {
		return ex, problem("pack.cert.id", id)
	}
	data, rebuilt, err := certificateBytes(w, src)
	if err != nil {
		return ex, err
	}
	c, err := Parse(data)
	if err != nil {
		return ex, problem("pack.cert.bad", id, Message(err, o.Lang))
	}
	sig, sigRebuilt, err := certificateSig(id, data, c, src)
	if err != nil {
		return ex, err
	}
	sum := sha256.Sum256(data)
	pdf, err := RenderCertificatePDF(c, hex.EncodeToString(sum[:]), o)
	if err != nil {
		return ex, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return ex, fmt.Errorf("certificates folder %s: %w", outDir, err)
	}
	ex.JSON, ex.PDF = filepath.Join(outDir, id+".json"), filepath.Join(outDir, id+".pdf")
	if err := writeAtomic(ex.JSON, data, 0o644); err != nil {
		return ex, err
	}
	if sig != nil {
		ex.Sig = ex.JSON + SigSuffix
		if err := writeAtomic(ex.Sig, sig, 0o644); err != nil {
			return ex, err
		}
	}
	ex.Rebuilt = rebuilt || sigRebuilt
	return ex, writeAtomic(ex.PDF, pdf, 0o644)
}

func validULID(id string) bool {
	if len(id) != 26 {
		return false
	}
	return strings.Trim(strings.ToUpper(id), "0123456789ABCDEFGHJKMNPQRSTVWXYZ") == ""
}

// certificateBytes finds the signed JSON: the folder's file, else the
// ledger's copy put back in canonical form.
func certificateBytes(w inventory.WipeRecord, src CertSource) ([]byte, bool, error) {
	id := w.CertificateID
	data, err := readSmall(filepath.Join(src.Dir, id+".json"))
	rebuilt := false
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if len(w.Certificate) == 0 {
			return nil, false, problem("pack.cert.missing", id, src.Dir)
		}
		var c Certificate
		if err := json.Unmarshal(w.Certificate, &c); err != nil {
			return nil, false, problem("pack.cert.missing", id, src.Dir)
		}
		if data, err = Encode(c); err != nil {
			return nil, false, err
		}
		rebuilt = true
	case err != nil:
		return nil, false, err
	}
	if w.CertificateSHA256 != "" {
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != w.CertificateSHA256 {
			if rebuilt {
				return nil, false, problem("pack.cert.missing", id, src.Dir)
			}
			return nil, false, problem("pack.cert.changed", filepath.Join(src.Dir, id+".json"), w.CertificateSHA256)
		}
	}
	return data, rebuilt, nil
}

// certificateSig finds the detached signature, checked when this bench
// signed the certificate, or signs again; nil when neither is possible.
func certificateSig(id string, data []byte, c Certificate, src CertSource) ([]byte, bool, error) {
	mine := len(src.Key) == ed25519.PrivateKeySize && c.BenchKey == Fingerprint(src.Key.Public().(ed25519.PublicKey))
	sigText, err := readSmall(filepath.Join(src.Dir, id+".json"+SigSuffix))
	switch {
	case err == nil:
		if mine {
			if _, err := VerifyBytes(data, sigText, src.Key.Public().(ed25519.PublicKey)); err != nil {
				return nil, false, problem("pack.cert.sig", id, Message(err, "en"))
			}
		}
		return sigText, false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, false, err
	case mine:
		sig := ed25519.Sign(src.Key, data)
		return []byte(base64.StdEncoding.EncodeToString(sig) + "\n"), true, nil
	}
	return nil, false, nil
}

// PackOptions are what writing a proof pack needs besides its content.
type PackOptions struct {
	Doc      DocOptions
	Certs    CertSource
	Bench    string // this bench's name, recorded in the manifest
	BenchPub []byte // bench.pub's bytes, shipped in the pack for the DSI
}

// PackResult says what WritePack wrote.
type PackResult struct {
	Dir          string         `json:"dir"`
	Files        int            `json:"files"`
	Certificates []ExportedCert `json:"certificates"`
	// Unsigned lists certificates of other benches whose signature file
	// was not found here: their JSON is in the pack (checked against the
	// ledger), their .sig must come from that bench.
	Unsigned []string `json:"unsigned"`
	Manifest string   `json:"manifest"`
}

// WriteBatchPack writes the batch's proof pack into dir, which must not
// exist or be empty: batch.pdf, batch.csv, batch.json, every certificate of
// the batch's disks (certificates/ID.json, .sig, .pdf), bench.pub, and
// manifest.json signed by the bench key. It is built in a temporary folder
// beside dir and renamed into place: a failure leaves nothing behind.
func WriteBatchPack(dir string, r BatchReport, ds []inventory.Dossier, opt PackOptions) (PackResult, error) {
	res := PackResult{Dir: dir, Certificates: []ExportedCert{}, Unsigned: []string{}}
	if len(opt.Certs.Key) != ed25519.PrivateKeySize {
		return res, problem("cert.key.none")
	}
	if err := checkEmptyDir(dir); err != nil {
		return res, err
	}
	// A link to a folder: the pack goes into the folder, the link stays.
	target := dir
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		target = real
	}
	parent := filepath.Dir(filepath.Clean(target))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return res, fmt.Errorf("proof pack %s: %w", dir, err)
	}
	tmp, release, err := makePackTemp(parent, target)
	if err != nil {
		return res, fmt.Errorf("proof pack %s: %w", dir, err)
	}
	defer release()
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return res, err
	}
	files, err := writePackFiles(tmp, r, ds, opt, &res)
	if err != nil {
		return res, err
	}
	m := Manifest{Kind: "batch", Title: r.Batch, Made: r.Made, Bench: opt.Bench}
	if err := writeManifest(tmp, m, files, opt.Certs.Key); err != nil {
		return res, err
	}
	if err := placePack(tmp, target, dir); err != nil {
		return res, err
	}
	res.Files = len(files) + 2
	res.Manifest = filepath.Join(dir, ManifestFile)
	for i := range res.Certificates {
		c := &res.Certificates[i]
		c.JSON, c.PDF = relocate(c.JSON, tmp, dir), relocate(c.PDF, tmp, dir)
		if c.Sig != "" {
			c.Sig = relocate(c.Sig, tmp, dir)
		}
	}
	return res, nil
}

// placePack renames the finished pack tmp to target. os.Rename never
// replaces a folder, even an empty one (made first with mkdir, which
// checkEmptyDir accepted): it is removed just before. A folder that filled
// meanwhile (another pack written there at the same moment) is left alone.
func placePack(tmp, target, dir string) error {
	if err := os.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
		if errors.Is(err, syscall.ENOTEMPTY) || errors.Is(err, fs.ErrExist) {
			return problem("pack.notempty", dir)
		}
		return fmt.Errorf("proof pack %s: %w", dir, err)
	}
	if err := os.Rename(tmp, target); err != nil {
		if errors.Is(err, syscall.ENOTEMPTY) || errors.Is(err, fs.ErrExist) {
			return problem("pack.notempty", dir)
		}
		return fmt.Errorf("proof pack %s: %w", dir, err)
	}
	return nil
}

func relocate(p, from, to string) string {
	rel, err := filepath.Rel(from, p)
	if err != nil {
		return p
	}
	return filepath.Join(to, rel)
}

// checkEmptyDir refuses a folder with files in it: a pack mixed with older
// files would prove nothing.
func checkEmptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return problem("pack.dir", dir, err.Error())
	}
	if len(entries) > 0 {
		return problem("pack.notempty", dir)
	}
	return nil
}

// writePackFiles writes everything but the manifest; it returns the paths
// written, relative to dir.
func writePackFiles(dir string, r BatchReport, ds []inventory.Dossier, opt PackOptions, res *PackResult) ([]string, error) {
	pdf, err := RenderBatchPDF(r, opt.Doc)
	if err != nil {
		return nil, err
	}
	var csvBuf, jsonBuf bytes.Buffer
	if err := WriteBatchCSV(&csvBuf, r, opt.Doc); err != nil {
		return nil, err
	}
	enc := json.NewEncoder(&jsonBuf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	files := []string{"batch.pdf", "batch.csv", "batch.json"}
	for i, b := range [][]byte{pdf, csvBuf.Bytes(), jsonBuf.Bytes()} {
		if err := writeAtomic(filepath.Join(dir, files[i]), b, 0o644); err != nil {
			return nil, err
		}
	}
	if len(opt.BenchPub) > 0 {
		if err := writeAtomic(filepath.Join(dir, PubFile), opt.BenchPub, 0o644); err != nil {
			return nil, err
		}
		files = append(files, PubFile)
	}
	certDir := filepath.Join(dir, "certificates")
	seen := map[string]bool{}
	for _, d := range ds {
		for _, k := range d.Disks {
			for _, w := range k.History {
				if w.CertificateID == "" || seen[w.CertificateID] {
					continue
				}
				seen[w.CertificateID] = true
				ex, err := ExportCertificate(w, opt.Certs, certDir, opt.Doc)
				if err != nil {
					return nil, err
				}
				res.Certificates = append(res.Certificates, ex)
				files = append(files, "certificates/"+ex.ID+".json", "certificates/"+ex.ID+".pdf")
				if ex.Sig != "" {
					files = append(files, "certificates/"+ex.ID+".json"+SigSuffix)
				} else {
					res.Unsigned = append(res.Unsigned, ex.ID)
				}
			}
		}
	}
	return files, nil
}
