package reports_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/reports"
)

// A very long vendor name once filled both model lines with "…" and pushed
// the model off the label. The text now shrinks, then the vendor is cut:
// the model is printed whole on both media, and the QR code still reads.
func TestLabelKeepsTheModelBesideALongVendorName(t *testing.T) {
	cases := []struct{ vendor, model, want string }{
		{"Compagnie Internationale de Matériel Informatique Reconditionné et Solidaire SAS", "EliteBook 8470p", "EliteBook 8470p"},
		{"Hewlett-Packard Enterprise Development LP", "ProDesk 600 G1 SFF", "ProDesk 600 G1 SFF"},
		// No vendor to cut: the model's end gives way, with an ellipsis.
		{"", strings.Repeat("Latitude ", 20) + "E6410", "Latitude"},
	}
	for _, format := range reports.LabelFormats {
		for _, c := range cases {
			l := reports.Label{UnitID: "PCS-26-0042", QR: "PCS-26-0042",
				Model: strings.TrimSpace(c.vendor + " " + c.model), Vendor: c.vendor, Grade: "B"}
			pdf, err := reports.RenderLabels([]reports.Label{l}, format, docFR(t))
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("ATELIER_LABEL_PNG") != "" { // to look at: pdftoppm -r 80 -png
				os.WriteFile(filepath.Join(os.Getenv("ATELIER_LABEL_PNG"), format+"-"+strings.Fields(c.model)[0]+".pdf"), pdf, 0o644)
			}
			text := pdfBytesText(t, pdf)
			for _, w := range []string{c.want, "PCS-26-0042", "Note B", "PC Solidaire Échirolles"} {
				if !strings.Contains(text, w) {
					t.Errorf("%s, vendor %q: the label lacks %q; text: %s", format, c.vendor, w, text)
				}
			}
			if c.vendor == "" && !strings.Contains(text, "…") {
				t.Errorf("%s: a cut model shows no ellipsis: %s", format, text)
			}
			if got := qrCodes(t, pdf); len(got) != 1 || got[0] != "PCS-26-0042" {
				t.Errorf("%s, vendor %q: QR codes %v", format, c.vendor, got)
			}
		}
	}
}
