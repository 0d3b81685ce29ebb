package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// runVerifyCLI runs the command tree in-process, as main would.
func runVerifyCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	g := newGlobals(strings.NewReader(""), &out, &errb)
	root := newRootCmd(g)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	var ex *exitError
	switch {
	case err == nil:
		return out.String(), errb.String(), 0
	case errors.As(err, &ex):
		return out.String(), errb.String() + ex.msg, ex.code
	default:
		return out.String(), errb.String() + err.Error(), 1
	}
}

// issueCertForVerify makes a bench key next to a ledger path and one
// certificate signed by it.
func issueCertForVerify(t *testing.T, c reports.Certificate) (ledger string, is reports.Issued) {
	t.Helper()
	dir := t.TempDir()
	if _, _, err := reports.EnsureBenchKey(dir, "etabli-1"); err != nil {
		t.Fatal(err)
	}
	priv, err := reports.LoadBenchKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	is, err = reports.Issue(c, priv, filepath.Join(dir, "certificates"), "fr")
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "ledger.db"), is
}

func TestVerifyCommand(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	ledger, is := issueCertForVerify(t, reportstest.Sample())

	out, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", is.JSONPath)
	if code != 0 || !strings.HasPrefix(out, "valid: disk S3YJNB0K512345A erased (Clear) on 3 November 2026 by bench etabli-1") {
		t.Fatalf("valid certificate: code %d, stdout %q, stderr %q", code, out, errs)
	}

	out, _, code = runVerifyCLI(t, "--ledger", ledger, "verify", "--json", is.JSONPath)
	var res verifyResult
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || !res.Valid || res.ID != is.ID || res.NIST != "Clear" {
		t.Fatalf("--json: code %d, %q", code, out)
	}

	// One byte changed: refused with the reason.
	tampered := bytes.Replace(is.JSON, []byte(`"passes": 1`), []byte(`"passes": 2`), 1)
	if err := os.WriteFile(is.JSONPath, tampered, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runVerifyCLI(t, "--ledger", ledger, "verify", is.JSONPath)
	if code == 0 || out != "" || !strings.Contains(errs, "invalid signature: the certificate was changed after it was signed") {
		t.Fatalf("tampered certificate: code %d, stdout %q, stderr %q", code, out, errs)
	}
	os.WriteFile(is.JSONPath, is.JSON, 0o644)

	// Another bench's key, passed with --key as a DSI technician would.
	other := t.TempDir()
	if _, _, err := reports.EnsureBenchKey(other, "etabli-2"); err != nil {
		t.Fatal(err)
	}
	_, errs, code = runVerifyCLI(t, "--ledger", ledger, "verify", "--key", filepath.Join(other, reports.PubFile), is.JSONPath)
	if code == 0 || !strings.Contains(errs, "signed by another bench key") {
		t.Fatalf("wrong key: code %d, stderr %q", code, errs)
	}
	// The right key with --key, no ledger anywhere.
	_, errs, code = runVerifyCLI(t, "--ledger", "/nonexistent/ledger.db", "verify", "--key", filepath.Join(filepath.Dir(ledger), reports.PubFile), is.JSONPath)
	if code != 0 {
		t.Fatalf("--key with the bench's public key: code %d, stderr %q", code, errs)
	}
}

func TestVerifyCommandFailedErasure(t *testing.T) {
	t.Setenv("LANG", "fr_FR.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	c := reportstest.Sample()
	c.Status = reports.StatusFailed
	c.Verification.Result = reports.ResultFailed
	ledger, is := issueCertForVerify(t, c)
	_, errs, code := runVerifyCLI(t, "--ledger", ledger, "verify", is.JSONPath)
	if code != 2 || !strings.Contains(errs, "certificat authentique, mais il constate l'ÉCHEC de l'effacement du disque S3YJNB0K512345A") {
		t.Fatalf("failed erasure: code %d (want 2), stderr %q", code, errs)
	}
}
