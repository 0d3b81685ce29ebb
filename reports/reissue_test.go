package reports_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/looptest"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// fixedID lets a test know the file names before issuing.
const fixedID = "01KAQ7ZC0N6M5V4H0S3G3Y9T2B"

func folderNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// A file that cannot be written half-way through (here the signature,
// after the PDF) leaves nothing: the PDF already written is removed, no
// temporary file stays, and the error names the file.
func TestIssueRollsBackAfterAPartialWrite(t *testing.T) {
	_, priv, _ := newBench(t)
	out := t.TempDir()
	// A non-empty folder where the signature must go: renaming over it fails.
	if err := os.MkdirAll(filepath.Join(out, fixedID+".json.sig", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	c := reportstest.Sample()
	c.ID = fixedID
	_, err := reports.Issue(c, priv, out, "fr")
	if err == nil || !strings.Contains(err.Error(), "write "+filepath.Join(out, fixedID+".json.sig")) {
		t.Fatalf("Issue with an unwritable signature: %v", err)
	}
	if got := strings.Join(folderNames(t, out), " "); got != fixedID+".json.sig" {
		t.Fatalf("after the failed write the folder holds %q, want only the obstacle", got)
	}
}

// A JSON that already exists is never replaced, and nothing of the new
// certificate stays.
func TestWriteNeverReplacesAnExistingJSON(t *testing.T) {
	_, priv, _ := newBench(t)
	out := t.TempDir()
	c := reportstest.Sample()
	c.ID = fixedID
	s, err := signDoc(c, priv, "fr")
	if err != nil {
		t.Fatal(err)
	}
	old := []byte("an earlier certificate\n")
	if err := os.WriteFile(filepath.Join(out, fixedID+".json"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = s.Write(out)
	if problemKey(t, err) != "cert.exists" {
		t.Fatalf("Write over an existing JSON: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, fixedID+".json")); !bytes.Equal(got, old) {
		t.Fatal("the existing JSON was changed")
	}
	if names := folderNames(t, out); len(names) != 1 {
		t.Fatalf("files left: %v", names)
	}
}

// Resign rebuilds, from the JSON the ledger keeps (compacted by
// encoding/json inside the event's payload), exactly the three files that
// were first signed: a reissued certificate is the same certificate.
func TestResignIsByteForByteTheFirstSignature(t *testing.T) {
	_, priv, pub := newBench(t)
	for _, lang := range []i18n.Lang{i18n.FR, i18n.EN} {
		s, err := signDoc(reportstest.Sample(), priv, lang)
		if err != nil {
			t.Fatal(err)
		}
		payload, err := json.Marshal(struct {
			Certificate json.RawMessage `json:"certificate"`
		}{s.JSON})
		if err != nil {
			t.Fatal(err)
		}
		var back struct {
			Certificate json.RawMessage `json:"certificate"`
		}
		if err := json.Unmarshal(payload, &back); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(back.Certificate, s.JSON) {
			t.Fatal("the test needs the ledger's re-encoded form, not the signed bytes")
		}
		again, err := resignDoc(back.Certificate, s.SHA256, priv, lang)
		if err != nil {
			t.Fatalf("Resign (%s): %v", lang, err)
		}
		if !bytes.Equal(again.JSON, s.JSON) || !bytes.Equal(again.Sig, s.Sig) || !bytes.Equal(again.PDF, s.PDF) || again.ID != s.ID {
			t.Fatalf("Resign (%s) gave other bytes than the first signature", lang)
		}
		is, err := again.Write(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := reports.Verify(is.JSONPath, pub); err != nil {
			t.Fatalf("reissued certificate does not verify: %v", err)
		}
		if _, err := reports.VerifyPDF(is.PDFPath, pub, "0.1.0-test"); err != nil {
			t.Fatalf("reissued PDF does not verify: %v", err)
		}
	}
}

func TestResignRefusals(t *testing.T) {
	_, priv, _ := newBench(t)
	_, otherPriv, _ := newBench(t)
	s, err := signDoc(reportstest.Sample(), priv, "fr")
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(s.JSON, []byte(`"passes": 1`), []byte(`"passes": 2`), 1)
	cases := []struct {
		name     string
		recorded []byte
		sha      string
		key      []byte
		want     string
	}{
		{"record changed since (hash differs)", changed, s.SHA256, priv, "cert.reissue.hash"},
		{"another hash recorded", s.JSON, strings.Repeat("0", 64), priv, "cert.reissue.hash"},
		{"another bench's key", s.JSON, s.SHA256, otherPriv, "cert.reissue.otherkey"},
		{"not a certificate", []byte(`{"schema": "x", "extra": 1}`), s.SHA256, priv, "cert.parse"},
		{"content that claims too much", bytes.Replace(s.JSON, []byte(`"nist": "Clear"`), []byte(`"nist": "Purge"`), 1), s.SHA256, priv, "cert.nist.overstated"},
	}
	for _, tc := range cases {
		_, err := resignDoc(tc.recorded, tc.sha, tc.key, "fr")
		if got := problemKey(t, err); got != tc.want {
			t.Errorf("%s: reason %q, want %q (%v)", tc.name, got, tc.want, err)
		}
	}
	if _, err := resignDoc(s.JSON, s.SHA256, nil, "fr"); err == nil {
		t.Error("Resign without a key was accepted")
	}
}

// Rewrite writes what is missing, keeps what is there and identical (a
// PDF in the other language too), and refuses, writing nothing, a file
// whose content is not the recorded certificate's.
func TestRewriteKeepsIdenticalFilesAndRefusesOthers(t *testing.T) {
	_, priv, _ := newBench(t)
	out := t.TempDir()
	en, err := signDoc(reportstest.Sample(), priv, "en")
	if err != nil {
		t.Fatal(err)
	}
	is, err := en.Write(out)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := resignDoc(en.JSON, en.SHA256, priv, "fr")
	if err != nil {
		t.Fatal(err)
	}
	if _, kept, err := fr.Rewrite(out); err != nil || kept != 3 {
		t.Fatalf("Rewrite over identical files (English PDF): kept %d, %v", kept, err)
	}
	os.Remove(is.PDFPath)
	if _, kept, err := fr.Rewrite(out); err != nil || kept != 2 {
		t.Fatalf("Rewrite with the PDF missing: kept %d, %v", kept, err)
	}
	if pdf, _ := os.ReadFile(is.PDFPath); !bytes.Equal(pdf, fr.PDF) {
		t.Fatal("the missing PDF was not written")
	}

	os.Remove(is.PDFPath)
	substituted := bytes.Replace(en.JSON, []byte("S3YJNB0K512345A"), []byte("S3YJNB0K512345B"), 1)
	if err := os.WriteFile(is.JSONPath, substituted, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = fr.Rewrite(out)
	if problemKey(t, err) != "cert.reissue.differs" || !strings.Contains(err.Error(), is.JSONPath) {
		t.Fatalf("Rewrite over a substituted JSON: %v", err)
	}
	if got, _ := os.ReadFile(is.JSONPath); !bytes.Equal(got, substituted) {
		t.Fatal("the substituted file was changed: it must stay for a person to look at")
	}
	if _, err := os.Stat(is.PDFPath); !errors.Is(err, fs.ErrNotExist) {
		t.Fatal("a refused Rewrite wrote the PDF")
	}

	if err := os.WriteFile(is.JSONPath, en.JSON, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(is.PDFPath, []byte("%PDF-1.4 not the certificate\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := fr.Rewrite(out); problemKey(t, err) != "cert.reissue.differs" {
		t.Fatalf("Rewrite over another PDF: %v", err)
	}
	os.Remove(is.PDFPath)
	if err := os.Mkdir(is.PDFPath, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := fr.Rewrite(out); problemKey(t, err) != "cert.reissue.notfile" {
		t.Fatalf("Rewrite over a folder: %v", err)
	}
}

// The PDF's bytes depend only on the certificate: the fonts' catalogue
// used to come out in map order, so two renderings differed.
func TestPDFRenderingIsDeterministic(t *testing.T) {
	c := reportstest.Sample()
	c.ID = fixedID
	first, err := reports.RenderPDF(c, "abc", i18n.FR)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 12; i++ {
		again, err := reports.RenderPDF(c, "abc", i18n.FR)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, first) {
			t.Fatalf("rendering %d differs from the first", i+2)
		}
	}
}

func TestVerifyPDF(t *testing.T) {
	_, priv, pub := newBench(t)
	out := t.TempDir()
	is, err := reports.Issue(reportstest.Sample(), priv, out, "fr")
	if err != nil {
		t.Fatal(err)
	}
	other := reportstest.Sample()
	other.Disk.Serial = "WD-WCC4E1234567"
	otherIs, err := reports.Issue(other, priv, out, "en")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := reports.VerifyPDF(is.PDFPath, pub, "0.1.0-test"); err != nil || c.ID != is.ID {
		t.Fatalf("genuine French PDF: %v", err)
	}
	if _, err := reports.VerifyPDF(otherIs.PDFPath, pub, "0.1.0-test"); err != nil {
		t.Fatalf("genuine English PDF: %v", err)
	}
	pdf, _ := os.ReadFile(is.PDFPath)
	otherPDF, _ := os.ReadFile(otherIs.PDFPath)
	cases := []struct {
		name, version, want string
		content             []byte
	}{
		{"a fake PDF", "0.1.0-test", "cert.pdf.differs", []byte("%PDF-1.4\nvalid-looking but fake\n%%EOF\n")},
		{"one byte changed", "0.1.0-test", "cert.pdf.differs", append(bytes.Clone(pdf[:len(pdf)-1]), pdf[len(pdf)-1]^1)},
		{"another certificate's PDF renamed", "0.1.0-test", "cert.pdf.differs", otherPDF},
		{"issued by another atelier version", "9.9.9", "cert.pdf.otherversion", otherPDF},
	}
	for _, tc := range cases {
		if err := os.WriteFile(is.PDFPath, tc.content, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := reports.VerifyPDF(is.PDFPath, pub, tc.version)
		if got := problemKey(t, err); got != tc.want {
			t.Errorf("%s: reason %q, want %q", tc.name, got, tc.want)
		}
		if c.ID != is.ID || !strings.Contains(err.Error(), is.JSONPath) {
			t.Errorf("%s: the refusal must name the certificate to check (%s): %v", tc.name, is.JSONPath, err)
		}
	}
	os.Remove(is.PDFPath)
	if _, err := reports.VerifyPDF(is.PDFPath, pub, "0.1.0-test"); problemKey(t, err) != "cert.pdf.missing" {
		t.Errorf("missing PDF: %v", err)
	}
	lone := filepath.Join(t.TempDir(), fixedID+".pdf")
	if err := os.WriteFile(lone, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = reports.VerifyPDF(lone, pub, "0.1.0-test")
	if problemKey(t, err) != "cert.pdf.nojson" || !strings.Contains(err.Error(), strings.TrimSuffix(lone, ".pdf")+".json") {
		t.Errorf("a PDF without its JSON: %v", err)
	}
	// The JSON next to the PDF is checked first: tampered, it is refused as such.
	os.WriteFile(otherIs.JSONPath, bytes.Replace(otherIs.JSON, []byte(`"passes": 1`), []byte(`"passes": 2`), 1), 0o644)
	if _, err := reports.VerifyPDF(otherIs.PDFPath, pub, "0.1.0-test"); problemKey(t, err) != "cert.sig.invalid" {
		t.Errorf("PDF next to a tampered JSON: %v", err)
	}
}

// Before a long wipe: is the certificate folder writable at all?
func TestCheckWritable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "certs", "2026")
	if err := reports.CheckWritable(dir); err != nil {
		t.Fatalf("a folder that can be made: %v", err)
	}
	if names := folderNames(t, dir); len(names) != 0 {
		t.Fatalf("the check left %v", names)
	}
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o644)
	if err := reports.CheckWritable(filepath.Join(file, "certs")); err == nil {
		t.Fatal("a folder under a regular file was accepted")
	}
}

// mountTmpfs mounts a tmpfs of size bytes on a new folder (root only; the
// mount is undone when the test ends).
func mountTmpfs(t *testing.T, size string, opts ...string) string {
	t.Helper()
	looptest.Require(t)
	dir := t.TempDir()
	o := strings.Join(append([]string{"size=" + size}, opts...), ",")
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", o, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// A full disk: the PDF cannot be written; nothing stays, not even a
// temporary file, and the reason is the disk's, naming the file.
func TestIssueOnAFullDiskLeavesNothing(t *testing.T) {
	_, priv, _ := newBench(t)
	full := mountTmpfs(t, "8k")
	c := reportstest.Sample()
	c.ID = fixedID
	_, err := reports.Issue(c, priv, full, "fr")
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "write "+filepath.Join(full, fixedID+".pdf")+": no space left on device") {
		t.Fatalf("Issue on a full disk: %v", err)
	}
	if names := folderNames(t, full); len(names) != 0 {
		t.Fatalf("left on the full disk: %v", names)
	}
	ro := mountTmpfs(t, "1m", "ro")
	if err := reports.CheckWritable(ro); !errors.Is(err, syscall.EROFS) {
		t.Fatalf("CheckWritable on a read-only filesystem: %v", err)
	}
}

// signDoc signs c and renders its PDF in lang, as a wipe does.
func signDoc(c reports.Certificate, key ed25519.PrivateKey, lang i18n.Lang) (reports.Signed, error) {
	s, err := reports.Sign(c, key)
	if err != nil {
		return s, err
	}
	return s.WithDoc(reports.DocOptions{Lang: lang})
}

// resignDoc rebuilds a recorded certificate and renders its PDF in lang,
// as wipe --reissue does.
func resignDoc(recorded []byte, sha string, key ed25519.PrivateKey, lang i18n.Lang) (reports.Signed, error) {
	s, err := reports.Resign(recorded, sha, key)
	if err != nil {
		return s, err
	}
	return s.WithDoc(reports.DocOptions{Lang: lang})
}

// The certificate has no language: Sign gives the JSON and signature, and
// only the PDF, rendered by WithDoc, is French (the default) or English.
func TestOnlyThePDFHasALanguage(t *testing.T) {
	_, priv, _ := newBench(t)
	s, err := reports.Sign(reportstest.Sample(), priv)
	if err != nil {
		t.Fatal(err)
	}
	if s.PDF != nil {
		t.Fatal("Sign rendered a PDF: it has no language to render it in")
	}
	fr, err := s.WithDoc(reports.DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	en, err := s.WithDoc(reports.DocOptions{Lang: i18n.EN})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fr.JSON, en.JSON) || !bytes.Equal(fr.Sig, en.Sig) || bytes.Equal(fr.PDF, en.PDF) {
		t.Fatal("the language changed the signed certificate, or not the PDF")
	}
	c, _ := reports.Parse(s.JSON)
	for want, pdf := range map[string][]byte{"fr": fr.PDF, "en": en.PDF} {
		if lang, ok, err := reports.MatchPDF(pdf, c, s.SHA256); err != nil || !ok || lang != want {
			t.Errorf("PDF %s: matched %v as %q (%v)", want, ok, lang, err)
		}
	}
	// Write renders the French PDF when none was asked for.
	is, err := s.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if pdf, _ := os.ReadFile(is.PDFPath); !bytes.Equal(pdf, fr.PDF) {
		t.Error("Write without WithDoc did not write the French PDF")
	}
}
