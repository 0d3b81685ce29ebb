package reports_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/need"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// pdfText extracts the text a reader (or a search engine) gets from a PDF.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	tool := need.Exec(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(tool, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	// pdftotext may break a value across lines; the checks are about words.
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestPDFInFrenchByDefault(t *testing.T) {
	is, _ := issue(t, reportstest.Sample(), "")
	text := pdfText(t, is.PDFPath)
	for _, want := range []string{
		"Certificat d'effacement",
		"EFFACEMENT RÉUSSI — NIST Clear",
		"Numéro de série S3YJNB0K512345A",
		"Technique appliquée réécriture par des zéros",
		"Donateur DSI Échirolles",
		"Vérification", "réussie",
		"hdparm --sanitize-block-erase /dev/fake → refusée : disque gelé",
		"3 novembre 2026 à 15h02 (heure de Paris)",
		"Opérateur Camille",
		is.SHA256,
		"atelier verify " + is.ID + ".json",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("French PDF lacks %q; text:\n%s", want, text)
		}
	}
}

func TestPDFInEnglish(t *testing.T) {
	c := reportstest.Sample()
	c.Disk.Medium = "nvme"
	c.Sanitization.Technique = reports.TechniqueNVMeSanitizeCrypto
	c.Sanitization.NIST = reports.NISTPurge
	c.Sanitization.Firmware = []reports.FirmwareAttempt{{Command: "nvme sanitize /dev/fake-nvme --sanact=4", Outcome: "ok"}}
	c.Sanitization.Fallback = ""
	c.Verification.Method = reports.VerifyFirmwareMarker
	is, pub := issue(t, c, "en")
	text := pdfText(t, is.PDFPath)
	for _, want := range []string{
		"Certificate of Sanitization", "ERASURE PASSED — NIST Purge",
		"Serial number S3YJNB0K512345A", "NVMe Sanitize, cryptographic erase",
		"markers written before the firmware erase are gone", "3 November 2026 at 15:02 (Paris time)",
		reports.Fingerprint(pub),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("English PDF lacks %q; text:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Certificat d'effacement") {
		t.Error("English PDF has the French title")
	}
}

func TestPDFOfAFailedErasureSaysSo(t *testing.T) {
	c := reportstest.Sample()
	c.Status = reports.StatusFailed
	c.Verification.Result = reports.ResultFailed
	c.Errors = []reports.ErrorRange{{Op: "write", Offset: 1048576, Length: 4096, Message: "input/output error"}}
	is, _ := issue(t, c, "fr")
	text := pdfText(t, is.PDFPath)
	for _, want := range []string{"ÉCHEC DE L'EFFACEMENT", "ce disque n'est pas effacé", "1048576–1052671", "input/output error"} {
		if !strings.Contains(text, want) {
			t.Errorf("failed-erasure PDF lacks %q; text:\n%s", want, text)
		}
	}
	if strings.Contains(text, "RÉUSSI") {
		t.Error("a failed erasure's PDF says RÉUSSI")
	}
}

func TestPDFOfADyingDiskStaysReadable(t *testing.T) {
	c := reportstest.Sample()
	c.Status = reports.StatusFailed
	c.Verification.Result = reports.ResultFailed
	for i := range 500 {
		c.Errors = append(c.Errors, reports.ErrorRange{Op: "write", Offset: int64(i) * 1 << 20, Length: 4096, Message: "input/output error"})
	}
	is, pub := issue(t, c, "en")
	if got, err := reports.Verify(is.JSONPath, pub); err != nil || len(got.Errors) != 500 {
		t.Fatalf("the JSON must keep every range: %v", err)
	}
	text := pdfText(t, is.PDFPath)
	if !strings.Contains(text, "… and 460 more, listed in "+is.ID+".json") {
		t.Errorf("PDF does not say how many ranges it left out; text:\n%.2000s", text)
	}
}
