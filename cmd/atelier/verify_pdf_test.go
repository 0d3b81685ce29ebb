package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// thisVersion is a sample certificate as this atelier issues it.
func thisVersion() reports.Certificate {
	c := reportstest.Sample()
	c.Sanitization.Tool.Version = version
	return c
}

// verify X.pdf (issue 8.4): the PDF is checked against the signed JSON
// next to it, byte for byte, and its cousins (.sig, another certificate's
// signature, another bench's key) say what they checked.
func TestVerifyPDFAndItsCousins(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	ledger, is := issueCertForVerify(t, thisVersion())
	dir := filepath.Dir(is.JSONPath)

	out, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", is.PDFPath)
	if code != 0 || !strings.HasPrefix(out, "valid: disk S3YJNB0K512345A erased (Clear)") ||
		!strings.Contains(out, "the PDF "+is.PDFPath+" is the one issued with "+is.JSONPath) {
		t.Fatalf("genuine PDF: code %d, %q %q", code, out, errs)
	}
	out, _, code = runVerifyCLI(t, "--ledger", ledger, "verify", "--json", is.PDFPath)
	var res verifyResult
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || !res.Valid || res.PDF != is.PDFPath || res.Certificate != is.JSONPath {
		t.Fatalf("genuine PDF --json: code %d, %s", code, out)
	}

	// Another certificate of the same bench, its PDF renamed over this one.
	priv, err := reports.LoadBenchKey(filepath.Dir(ledger))
	if err != nil {
		t.Fatal(err)
	}
	other := thisVersion()
	other.Disk.Serial = "WD-WCC4E1234567"
	otherIs, err := reports.Issue(other, priv, dir, "fr")
	if err != nil {
		t.Fatal(err)
	}
	genuine, _ := os.ReadFile(is.PDFPath)
	fakes := map[string][]byte{
		"a fake PDF":                         []byte("%PDF-1.4\n% valide : disque S3YJNB0K512345A effacé\n%%EOF\n"),
		"another certificate's PDF renamed":  mustRead(t, otherIs.PDFPath),
		"the genuine PDF with one byte more": append(append([]byte{}, genuine...), '\n'),
	}
	for name, content := range fakes {
		if err := os.WriteFile(is.PDFPath, content, 0o644); err != nil {
			t.Fatal(err)
		}
		out, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", is.PDFPath)
		if code != 1 || out != "" || !strings.Contains(errs, is.PDFPath+" is NOT the PDF issued with "+is.JSONPath) {
			t.Errorf("%s: code %d, stdout %q, stderr %q", name, code, out, errs)
		}
	}
	os.WriteFile(is.PDFPath, genuine, 0o644)

	// A PDF handed over alone.
	lone := filepath.Join(t.TempDir(), "certificat.pdf")
	os.WriteFile(lone, genuine, 0o644)
	if _, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", lone); code != 1 ||
		!strings.Contains(errs, "is only the printable copy of a certificate and is not signed: check the certificate itself, "+strings.TrimSuffix(lone, ".pdf")+".json") {
		t.Errorf("PDF alone: code %d, %q", code, errs)
	}

	// The signature named instead of the JSON checks the JSON it signs.
	if out, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", is.SigPath); code != 0 || !strings.HasPrefix(out, "valid: disk S3YJNB0K512345A") {
		t.Errorf(".sig: code %d, %q %q", code, out, errs)
	}
	// A JSON next to another certificate's signature.
	os.WriteFile(is.SigPath, mustRead(t, otherIs.SigPath), 0o644)
	for _, p := range []string{is.JSONPath, is.SigPath, is.PDFPath} {
		if _, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", p); code != 1 ||
			!strings.Contains(errs, "invalid signature: the certificate was changed after it was signed, its .sig file belongs to another certificate") {
			t.Errorf("%s with another certificate's signature: code %d, %q", filepath.Base(p), code, errs)
		}
	}
}

// A certificate from another bench's key, named by its PDF: refused,
// naming both keys, PDF or not.
func TestVerifyPDFOfAnotherBench(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "")
	ledger, _ := issueCertForVerify(t, thisVersion())
	_, otherIs := issueCertForVerify(t, thisVersion())
	for _, p := range []string{otherIs.JSONPath, otherIs.PDFPath} {
		_, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", p)
		if code != 1 || !strings.Contains(errs, "signed by another bench key (SHA256:") {
			t.Errorf("%s: code %d, %q", filepath.Base(p), code, errs)
		}
	}
}

// A genuine PDF of a failed erasure: authentic, and no proof (exit 2).
func TestVerifyPDFOfAFailedErasure(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "")
	c := thisVersion()
	c.Status, c.Verification.Result, c.Sanitization.NIST = reports.StatusFailed, reports.ResultFailed, reports.NISTNone
	c.Errors = []reports.ErrorRange{{Op: "read", Offset: 1 << 20, Length: 4096, Message: "input/output error"}}
	ledger, is := issueCertForVerify(t, c)
	_, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", is.PDFPath)
	if code != 2 || !strings.Contains(errs, "authentic certificate, but it records a FAILED erasure") {
		t.Fatalf("code %d, %q", code, errs)
	}
}
