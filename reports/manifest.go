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
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// A proof pack is a folder whose manifest.json lists every file with its
// SHA-256, signed (manifest.json.sig, ed25519, base64 like a certificate's
// signature) by the bench key. Checking the signature, then every file's
// hash, proves nothing in the folder changed since the pack was made.

// ManifestSchema names the manifest format.
const ManifestSchema = "atelier.manifest/v1"

// ManifestFile names the manifest inside a pack.
const ManifestFile = "manifest.json"

// maxManifestBytes bounds what VerifyManifest reads: a pack of 10,000
// units lists some 30,000 files, about 4 MiB.
const maxManifestBytes = 16 << 20

// Manifest lists a pack's files.
type Manifest struct {
	Schema   string         `json:"schema"`
	Kind     string         `json:"kind"`  // batch
	Title    string         `json:"title"` // the batch name
	Made     time.Time      `json:"made"`
	Bench    string         `json:"bench"`
	BenchKey string         `json:"bench_key"`
	Files    []ManifestItem `json:"files"`
}

// ManifestItem is one file of the pack.
type ManifestItem struct {
	Path   string `json:"path"` // relative, with '/'
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// ManifestCheck is what VerifyManifest found.
type ManifestCheck struct {
	Manifest Manifest `json:"manifest"`
	// Certificates counts the pack's certificates; Checked those whose own
	// signature was checked too (the ones signed by the same bench key).
	Certificates int `json:"certificates"`
	Checked      int `json:"certificates_checked"`
	// Unlisted are files in the folder the manifest does not cover (hidden
	// files, such as an office suite's lock files, are left out).
	Unlisted []string `json:"unlisted"`
}

// writeManifest lists files (paths relative to dir) and signs the list.
func writeManifest(dir string, m Manifest, files []string, key ed25519.PrivateKey) error {
	m.Schema = ManifestSchema
	m.BenchKey = Fingerprint(key.Public().(ed25519.PublicKey))
	m.Made = m.Made.UTC().Truncate(time.Second)
	sort.Strings(files)
	m.Files = make([]ManifestItem, 0, len(files))
	for _, f := range files {
		sum, n, err := hashFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return err
		}
		m.Files = append(m.Files, ManifestItem{Path: f, SHA256: sum, Bytes: n})
	}
	data, err := encodeManifest(m)
	if err != nil {
		return err
	}
	sig := ed25519.Sign(key, data)
	if err := writeAtomic(filepath.Join(dir, ManifestFile+SigSuffix), []byte(base64.StdEncoding.EncodeToString(sig)+"\n"), 0o644); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, ManifestFile), data, 0o644)
}

func encodeManifest(m Manifest) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func hashFile(p string) (string, int64, error) {
	f, err := fsread.Open(p) // a pipe or a device is refused, never waited on
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", p, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// hashFileIn hashes name inside root, reading at most limit+1 bytes: a
// file grown past its listed size is changed, and need not be read whole.
func hashFileIn(root *os.Root, name string, limit int64) (string, int64, error) {
	f, err := fsread.OpenIn(root, name) // a pipe or a device is refused, never waited on
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return "", st.Size(), nil
	}
	h := sha256.New()
	n, err := io.CopyN(h, f, limit+1)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", 0, fmt.Errorf("read %s: %w", name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// packReadError says why a file of the pack could not be read: missing,
// or reached through a link leading out of the pack's folder (verify DIR
// reads nothing outside DIR: a pack from elsewhere could otherwise make it
// hash a huge file or test a guess about a file of the verifier's machine).
func packReadError(dir, name string, err error, missing string) error {
	if errors.Is(err, fs.ErrNotExist) {
		return problem(missing, name)
	}
	var fe *fsread.Error
	if errors.As(err, &fe) {
		fe.Path = filepath.Join(dir, filepath.FromSlash(name)) // as the user named it
	}
	if fsread.IsRefusal(err) {
		return err
	}
	if _, lerr := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); lerr == nil {
		return problem("manifest.file.outside", name)
	}
	return err
}

// ParseManifest reads a manifest strictly: unknown fields, trailing data,
// another schema and unsafe paths (absolute, "..", backslashes, repeated)
// are refused.
func ParseManifest(data []byte) (Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, problem("manifest.parse", oneLineErr(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Manifest{}, problem("manifest.parse", "extra data after the JSON object")
	}
	if m.Schema != ManifestSchema {
		return Manifest{}, problem("manifest.schema", m.Schema, ManifestSchema)
	}
	seen := map[string]bool{}
	for _, f := range m.Files {
		if !safeRelPath(f.Path) {
			return Manifest{}, problem("manifest.path", f.Path)
		}
		if seen[f.Path] {
			return Manifest{}, problem("manifest.duplicate", f.Path)
		}
		seen[f.Path] = true
		if len(f.SHA256) != 64 || strings.Trim(f.SHA256, "0123456789abcdef") != "" || f.Bytes < 0 {
			return Manifest{}, problem("manifest.entry", f.Path)
		}
	}
	return m, nil
}

// safeRelPath accepts "a/b.pdf" but nothing that leaves the pack's folder.
func safeRelPath(p string) bool {
	return p != "" && !strings.ContainsAny(p, "\\\x00") && !path.IsAbs(p) && path.Clean(p) == p &&
		p != "." && !strings.HasPrefix(p, "../") && p != ".." && p != ManifestFile && p != ManifestFile+SigSuffix
}

// VerifyManifest checks a pack: the manifest's signature by pub, then
// every file it lists (present, same size, same SHA-256), then each
// certificate of the pack signed by the same key. The folder must hold
// nothing else: atelier writes ordinary files only, so a link anywhere in
// it, or a file the manifest does not list, makes the pack invalid (only
// hidden files, such as an office suite's lock file, are left out, and
// named in Unlisted). The first failure is returned as a Problem naming
// the file.
func VerifyManifest(manifestPath string, pub ed25519.PublicKey) (ManifestCheck, error) {
	var res ManifestCheck
	dir := filepath.Dir(manifestPath)
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return res, problem("manifest.missing", manifestPath)
	}
	if err != nil {
		return res, err
	}
	defer root.Close()
	// Before reading anything: a link in the folder is refused, never followed.
	found, hidden, err := scanPack(dir)
	if err != nil {
		return res, err
	}
	name := filepath.Base(manifestPath)
	data, err := readManifestFile(root, name, maxManifestBytes)
	if err != nil {
		return res, packReadError(dir, name, err, "manifest.missing")
	}
	sigText, err := readManifestFile(root, name+SigSuffix, 1<<10)
	if err != nil {
		return res, packReadError(dir, name+SigSuffix, err, "manifest.sig.missing")
	}
	if len(pub) != ed25519.PublicKeySize {
		return res, problem("cert.pub.none")
	}
	sig, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(sigText)))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return res, problem("cert.sig.bad")
	}
	if !ed25519.Verify(pub, data, sig) {
		var claims struct {
			BenchKey string `json:"bench_key"`
		}
		if json.Unmarshal(data, &claims) == nil && claims.BenchKey != "" && claims.BenchKey != Fingerprint(pub) {
			return res, problem("cert.sig.otherkey", claims.BenchKey, Fingerprint(pub))
		}
		return res, problem("manifest.sig.invalid", Fingerprint(pub))
	}
	m, err := ParseManifest(data)
	if err != nil {
		return res, err
	}
	res.Manifest = m
	listed := map[string]bool{name: true, name + SigSuffix: true}
	for _, f := range m.Files {
		listed[f.Path] = true
		sum, n, err := hashFileIn(root, filepath.FromSlash(f.Path), f.Bytes)
		if err != nil {
			return res, packReadError(dir, f.Path, err, "manifest.file.missing")
		}
		if n != f.Bytes || sum != f.SHA256 {
			return res, problem("manifest.file.changed", f.Path)
		}
	}
	if err := checkPackCertificates(root, m, pub, &res); err != nil {
		return res, err
	}
	for _, f := range found {
		switch {
		case listed[f.path]:
		case strings.HasPrefix(f.path, "certificates/"):
			// A file among the certificates would pass for signed proof.
			return res, problem("manifest.file.added", f.path)
		default:
			return res, problem("manifest.file.extra", f.path)
		}
	}
	res.Unlisted = hidden
	return res, nil
}

// checkPackCertificates verifies each certificate of the pack signed by
// the manifest's key; those of other benches were listed (so unchanged)
// but need their own bench.pub.
func checkPackCertificates(root *os.Root, m Manifest, pub ed25519.PublicKey, res *ManifestCheck) error {
	for _, f := range m.Files {
		if !strings.HasPrefix(f.Path, "certificates/") || !strings.HasSuffix(f.Path, ".json") {
			continue
		}
		res.Certificates++
		p := filepath.FromSlash(f.Path)
		sigText, err := fsread.ReadFileIn(root, p+SigSuffix, maxCertificateBytes)
		if err != nil {
			continue
		}
		data, err := fsread.ReadFileIn(root, p, maxCertificateBytes)
		if err == nil {
			_, err = VerifyBytes(data, sigText, pub)
		}
		var pr *Problem
		if errors.As(err, &pr) && pr.Key == "cert.sig.otherkey" {
			continue
		}
		if err != nil {
			return problem("manifest.cert", f.Path, Message(err, "en"))
		}
		res.Checked++
	}
	return nil
}

// packEntry is a file found in a pack's folder.
type packEntry struct {
	path string // relative, with '/'
}

// scanPack lists the pack folder's files without following anything: a
// link (to a file, a folder, inside or out) is refused, and so is a file
// that is not an ordinary one when it is not hidden. Hidden entries (an
// office suite's lock file) are returned apart and not descended into.
func scanPack(dir string) (found []packEntry, hidden []string, err error) {
	hidden = []string{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.Type()&fs.ModeSymlink != 0 {
			return problem("manifest.file.link", rel)
		}
		if strings.HasPrefix(d.Name(), ".") {
			hidden = append(hidden, rel)
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			found = append(found, packEntry{path: rel})
		}
		return nil
	})
	return found, hidden, err
}

// readManifestFile reads a manifest or its signature inside root, at most
// limit bytes; a pipe or a device is refused at once.
func readManifestFile(root *os.Root, name string, limit int64) ([]byte, error) {
	data, err := fsread.ReadFileIn(root, name, limit)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var fe *fsread.Error
	if errors.As(err, &fe) && fe.Key == fsread.KeyTooLarge {
		return nil, problem("manifest.toolarge", filepath.Join(root.Name(), name))
	}
	return data, err
}
