package reports_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// newBench makes a bench key in a temporary folder.
func newBench(t *testing.T) (string, ed25519.PrivateKey, ed25519.PublicKey) {
	t.Helper()
	dir := t.TempDir()
	pub, created, err := reports.EnsureBenchKey(dir, "etabli-1")
	if err != nil || !created {
		t.Fatalf("EnsureBenchKey: created=%v err=%v", created, err)
	}
	priv, err := reports.LoadBenchKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, priv, pub
}

func issue(t *testing.T, c reports.Certificate, lang i18n.Lang) (reports.Issued, ed25519.PublicKey) {
	t.Helper()
	_, priv, pub := newBench(t)
	is, err := reports.Issue(c, priv, t.TempDir(), lang)
	if err != nil {
		t.Fatalf("Issue: %v", err)
	}
	return is, pub
}

func TestIssueThenVerifyRoundTrip(t *testing.T) {
	c := reportstest.Sample()
	// A time in another zone, with nanoseconds: the certificate must hold UTC seconds.
	paris := time.FixedZone("CET", 3600)
	c.Times.Started = time.Date(2026, 11, 3, 15, 2, 7, 123456789, paris)
	is, pub := issue(t, c, "")

	for _, p := range []string{is.JSONPath, is.SigPath, is.PDFPath} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("issued file missing: %v", err)
		}
	}
	if filepath.Base(is.JSONPath) != is.ID+".json" || is.SigPath != is.JSONPath+".sig" || filepath.Base(is.PDFPath) != is.ID+".pdf" {
		t.Errorf("file names do not follow the id %s: %s %s %s", is.ID, is.JSONPath, is.SigPath, is.PDFPath)
	}
	onDisk, _ := os.ReadFile(is.JSONPath)
	if !bytes.Equal(onDisk, is.JSON) {
		t.Fatal("Issued.JSON differs from the file written")
	}
	sum := sha256.Sum256(onDisk)
	if is.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 %s is not the file's hash", is.SHA256)
	}

	got, err := reports.Verify(is.JSONPath, pub)
	if err != nil {
		t.Fatalf("Verify of a fresh certificate: %v", err)
	}
	if got.ID != is.ID || got.Schema != reports.Schema || got.Disk.Serial != c.Disk.Serial {
		t.Errorf("round trip lost fields: %+v", got)
	}
	if got.Times.Started.Location() != time.UTC || !got.Times.Started.Equal(time.Date(2026, 11, 3, 14, 2, 7, 0, time.UTC)) {
		t.Errorf("start time not normalised to UTC seconds: %v", got.Times.Started)
	}
	if got.BenchKey != reports.Fingerprint(pub) {
		t.Errorf("bench key fingerprint %q, want %q", got.BenchKey, reports.Fingerprint(pub))
	}
	if got.Source.Donor != "DSI Échirolles" || !bytes.Contains(onDisk, []byte(`"donor": "DSI Échirolles"`)) {
		t.Errorf("accented text must be stored as UTF-8, not escaped: %s", onDisk)
	}
	if !bytes.Contains(onDisk, []byte(`"started": "2026-11-03T14:02:07Z"`)) {
		t.Errorf("start time not RFC 3339 UTC in the JSON:\n%s", onDisk)
	}
	if !bytes.Contains(onDisk, []byte(`"errors": []`)) {
		t.Errorf("an empty error list must be [] (canonical), got:\n%s", onDisk)
	}
}

func TestIssueLeavesNoTemporaryFiles(t *testing.T) {
	_, priv, _ := newBench(t)
	out := t.TempDir()
	is, err := reports.Issue(reportstest.Sample(), priv, out, "fr")
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{is.ID + ".json", is.ID + ".json.sig", is.ID + ".pdf"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("certificate folder holds %v, want exactly %v", names, want)
	}
	// Issuing the same id again must not overwrite the signed record.
	c := reportstest.Sample()
	c.ID = is.ID
	if _, err := reports.Issue(c, priv, out, "fr"); err == nil {
		t.Error("re-issuing an existing certificate id was accepted")
	}
}

// Each overstatement is refused for its own reason (the one the operator
// reads), and leaves no file.
func TestIssueRefusesOverstatedCertificates(t *testing.T) {
	_, priv, _ := newBench(t)
	cases := map[string]struct {
		change func(c *reports.Certificate)
		key    string
	}{
		"overwrite claimed as Purge": {func(c *reports.Certificate) { c.Sanitization.NIST = reports.NISTPurge }, "cert.nist.overstated"},
		"ATA secure erase on flash claimed as Purge": {func(c *reports.Certificate) {
			c.Sanitization.Technique = reports.TechniqueATASecureEraseEnhanced
			c.Sanitization.NIST = reports.NISTPurge
		}, "cert.nist.overstated"},
		"passed with an I/O error": {func(c *reports.Certificate) {
			c.Errors = []reports.ErrorRange{{Op: "write", Offset: 4096, Length: 512, Message: "EIO"}}
		}, "cert.passed.errors"},
		"passed with a failed verification": {func(c *reports.Certificate) { c.Verification.Result = reports.ResultFailed }, "cert.verify.failed.passed"},
		"ends before it starts": {func(c *reports.Certificate) {
			c.Times.Finished = c.Times.Started.Add(-time.Hour)
		}, "cert.times.order"},
		"unknown technique":   {func(c *reports.Certificate) { c.Sanitization.Technique = "magic" }, "cert.technique"},
		"no operator":         {func(c *reports.Certificate) { c.Operator = "" }, "cert.operator"},
		"verified beyond end": {func(c *reports.Certificate) { c.Verification.BytesVerified = c.Disk.CapacityBytes + 1 }, "cert.verify.bytes"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c := reportstest.Sample()
			tc.change(&c)
			out := t.TempDir()
			_, err := reports.Issue(c, priv, out, "fr")
			if got := problemKey(t, err); got != tc.key {
				t.Errorf("Issue refused it as %q (%v), want %q", got, err, tc.key)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("a refused certificate left files: %v", entries)
			}
		})
	}
}

func TestPurgeIsAcceptedWhereEarned(t *testing.T) {
	_, priv, pub := newBench(t)
	cases := []struct{ technique, medium, verify string }{
		{reports.TechniqueNVMeSanitizeCrypto, "nvme", reports.VerifyFirmwareMarker},
		{reports.TechniqueNVMeFormatCrypto, "nvme", reports.VerifySample},
		{reports.TechniqueATASanitizeBlock, "ssd", reports.VerifySample},
		{reports.TechniqueATASecureEraseEnhanced, "hdd", reports.VerifyFull},
	}
	for _, tc := range cases {
		c := reportstest.Sample()
		c.Disk.Medium = tc.medium
		c.Sanitization.Technique = tc.technique
		c.Sanitization.NIST = reports.NISTPurge
		c.Sanitization.Pattern = "firmware"
		c.Verification.Method = tc.verify
		is, err := reports.Issue(c, priv, t.TempDir(), "en")
		if err != nil {
			t.Errorf("%s on %s refused as Purge: %v", tc.technique, tc.medium, err)
			continue
		}
		if got, err := reports.Verify(is.JSONPath, pub); err != nil || got.Sanitization.NIST != reports.NISTPurge {
			t.Errorf("%s on %s: Verify = %v, %v", tc.technique, tc.medium, got.Sanitization.NIST, err)
		}
	}
}

func TestFailedCertificateIsIssuedWithItsErrors(t *testing.T) {
	c := reportstest.Sample()
	c.Status = reports.StatusFailed
	c.Verification.Result = reports.ResultFailed
	c.Errors = []reports.ErrorRange{{Op: "write", Offset: 1 << 30, Length: 1 << 20, Message: "input/output error"}}
	c.Sanitization.NIST = "" // the engine may not name a category for a failure
	is, pub := issue(t, c, "fr")
	got, err := reports.Verify(is.JSONPath, pub)
	if err != nil {
		t.Fatalf("a signed failed certificate is authentic: %v", err)
	}
	if got.Status != reports.StatusFailed || len(got.Errors) != 1 || got.Errors[0].Offset != 1<<30 {
		t.Errorf("failed certificate lost its error range: %+v", got.Errors)
	}
	if got.Sanitization.NIST != reports.NISTNone {
		t.Errorf("a failed erasure without a category must claim none, got %q", got.Sanitization.NIST)
	}
}

// The wipe engine's own words are accepted and recorded in the
// certificate's vocabulary.
func TestIssueRecordsCanonicalWords(t *testing.T) {
	c := reportstest.Sample()
	c.Sanitization.Technique = "zero"
	c.Sanitization.Firmware[0].Outcome = "unavailable"
	c.Verification = reports.Verification{Method: reports.VerifyNone, Result: "not done"}
	is, pub := issue(t, c, "fr")
	got, err := reports.Verify(is.JSONPath, pub)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sanitization.Technique != reports.TechniqueOverwriteZero || got.Sanitization.Firmware[0].Outcome != "unsupported" ||
		got.Verification.Result != reports.ResultSkipped {
		t.Errorf("aliases not normalised: %+v %+v", got.Sanitization, got.Verification)
	}
}
