package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// DejaVu Sans (Debian's fonts-dejavu-core, licence in fonts/LICENSE-DejaVu.txt)
// is embedded so accents and dashes render the same on every bench, without
// depending on fonts installed there.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

const (
	pageMargin = 15.0 // mm
	labelWidth = 52.0 // mm
	lineHeight = 4.3  // mm

	maxPDFErrors = 40
)

// RenderPDF lays out c on A4 pages in language l. sha256 is the hex hash of
// the certificate's JSON, printed so a reader can match the PDF to it.
func RenderPDF(c Certificate, sha256 string, l i18n.Lang) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("DejaVu", "", fontRegular)
	p.AddUTF8FontFromBytes("DejaVu", "B", fontBold)
	p.SetMargins(pageMargin, pageMargin, pageMargin)
	p.SetAutoPageBreak(true, pageMargin)
	p.AliasNbPages("")
	p.SetTitle(l.T("cert.pdf.title")+" "+c.ID, true)
	p.SetSubject(c.Disk.Serial, true)
	p.SetCreator("atelier", true)
	p.SetAuthor(c.Bench, true)
	// Dates from the certificate, not the clock: the same certificate
	// renders the same PDF.
	p.SetCreationDate(c.Times.Finished)
	p.SetModificationDate(c.Times.Finished)
	// Fonts and other catalogues in sorted order, not Go's map order:
	// verify ID.pdf and wipe --reissue compare PDFs byte for byte.
	p.SetCatalogSort(true)
	p.SetFooterFunc(func() {
		p.SetY(-12)
		p.SetFont("DejaVu", "", 8)
		p.SetTextColor(110, 110, 110)
		p.CellFormat(0, 5, l.T("cert.pdf.page", c.ID, p.PageNo()), "", 0, "C", false, 0, "")
	})
	p.AddPage()

	r := &pdfWriter{p: p, l: l}
	r.header(c)
	r.status(c)
	r.disk(c)
	r.source(c)
	r.sanitization(c)
	r.verification(c)
	r.people(c)
	r.signature(c, sha256)
	r.handSignatures()

	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("render PDF: %w", err)
	}
	return buf.Bytes(), nil
}

type pdfWriter struct {
	p *fpdf.Fpdf
	l i18n.Lang
}

func (r *pdfWriter) header(c Certificate) {
	p := r.p
	p.SetTextColor(0, 0, 0)
	p.SetFont("DejaVu", "B", 20)
	p.CellFormat(0, 10, r.l.T("cert.pdf.title"), "", 1, "L", false, 0, "")
	p.SetFont("DejaVu", "", 10)
	p.CellFormat(0, 6, r.l.T("cert.pdf.subtitle"), "", 1, "L", false, 0, "")
	p.SetTextColor(80, 80, 80)
	p.CellFormat(0, 6, r.l.T("cert.pdf.id", c.ID), "", 1, "L", false, 0, "")
	p.Ln(3)
}

// status is the one thing a reader must not miss: a coloured band.
func (r *pdfWriter) status(c Certificate) {
	p := r.p
	text := r.l.T("cert.pdf.status.failed")
	p.SetFillColor(176, 32, 32)
	if c.Status == StatusPassed {
		text = r.l.T("cert.pdf.status.passed", c.Sanitization.NIST)
		p.SetFillColor(28, 120, 56)
	}
	p.SetTextColor(255, 255, 255)
	p.SetFont("DejaVu", "B", 15)
	p.CellFormat(0, 11, text, "", 1, "C", true, 0, "")
	p.SetTextColor(0, 0, 0)
	p.Ln(3)
}

func (r *pdfWriter) disk(c Certificate) {
	d := c.Disk
	r.section("cert.pdf.disk")
	r.row("cert.pdf.vendor", d.Vendor)
	r.row("cert.pdf.model", d.Model)
	r.row("cert.pdf.serial", d.Serial)
	r.row("cert.pdf.capacity", r.capacity(d.CapacityBytes))
	medium := d.Medium
	if d.Transport != "" {
		medium += " (" + d.Transport + ")"
	}
	r.row("cert.pdf.medium", medium)
	r.row("cert.pdf.device", d.Device)
	r.row("cert.pdf.hidden", r.hidden(d.Hidden))
}

func (r *pdfWriter) source(c Certificate) {
	s := c.Source
	r.section("cert.pdf.source")
	r.row("cert.pdf.unit", s.UnitID)
	r.row("cert.pdf.assettag", s.AssetTag)
	r.row("cert.pdf.donor", s.Donor)
	r.row("cert.pdf.batch", s.Batch)
}

func (r *pdfWriter) sanitization(c Certificate) {
	s := c.Sanitization
	r.section("cert.pdf.sanitization")
	r.row("cert.pdf.requested", s.MethodRequested)
	r.row("cert.pdf.technique", r.l.T("cert.tech."+s.Technique)+" ("+s.Technique+")")
	r.row("cert.pdf.nist", r.l.T("cert.pdf.nist."+s.NIST))
	r.row("cert.pdf.passes", fmt.Sprint(s.Passes))
	r.row("cert.pdf.pattern", s.Pattern)
	r.row("cert.pdf.tool", strings.TrimSpace(s.Tool.Name+" "+s.Tool.Version))
	fw := r.l.T("cert.pdf.firmware.none")
	if len(s.Firmware) > 0 {
		var lines []string
		for _, f := range s.Firmware {
			line := f.Command + " → " + f.Outcome
			if f.Detail != "" {
				line += " (" + f.Detail + ")"
			}
			lines = append(lines, line)
		}
		fw = strings.Join(lines, "\n")
	}
	r.row("cert.pdf.firmware", fw)
	if s.Fallback != "" {
		r.row("cert.pdf.fallback", s.Fallback)
	}
}

func (r *pdfWriter) verification(c Certificate) {
	v := c.Verification
	r.section("cert.pdf.verification")
	r.row("cert.pdf.verify.method", v.Method)
	r.row("cert.pdf.verify.result", r.l.T("cert.result."+v.Result))
	r.row("cert.pdf.verify.bytes", r.bytes(v.BytesVerified))
	if v.Detail != "" {
		r.row("cert.pdf.detail", v.Detail)
	}
	errs := r.l.T("cert.pdf.errors.none")
	if len(c.Errors) > 0 {
		var lines []string
		for i, e := range c.Errors {
			// A dying disk can log thousands of ranges: the JSON keeps
			// them all, the PDF the first ones.
			if i == maxPDFErrors {
				lines = append(lines, r.l.T("cert.pdf.errors.more", len(c.Errors)-maxPDFErrors, c.ID))
				break
			}
			if e.Length > 0 {
				lines = append(lines, r.l.T("cert.pdf.error.range", e.Op, e.Offset, e.Offset+e.Length-1, e.Message))
			} else {
				lines = append(lines, r.l.T("cert.pdf.error.norange", e.Op, e.Message))
			}
		}
		errs = strings.Join(lines, "\n")
	}
	r.row("cert.pdf.errors", errs)
}

func (r *pdfWriter) people(c Certificate) {
	t := c.Times
	r.section("cert.pdf.when")
	r.row("cert.pdf.started", t.Started.UTC().Format(time.RFC3339)+"  ("+r.l.Date(t.Started)+")")
	r.row("cert.pdf.finished", t.Finished.UTC().Format(time.RFC3339))
	r.row("cert.pdf.duration", r.duration(t.DurationSeconds))
	r.row("cert.pdf.operator", c.Operator)
	r.row("cert.pdf.bench", c.Bench)
}

func (r *pdfWriter) signature(c Certificate, sha256 string) {
	r.section("cert.pdf.signature")
	r.row("cert.pdf.benchkey", c.BenchKey)
	r.row("cert.pdf.sha256", sha256)
	p := r.p
	p.Ln(2)
	p.SetFont("DejaVu", "", 9)
	p.SetTextColor(60, 60, 60)
	p.MultiCell(0, lineHeight, r.l.T("cert.pdf.howto.text", c.ID, c.ID, c.ID), "", "L", false)
}

func (r *pdfWriter) section(key string) {
	p := r.p
	// Keep a heading with its first rows.
	if _, h := p.GetPageSize(); p.GetY() > h-pageMargin-25 {
		p.AddPage()
	}
	p.Ln(1.2)
	p.SetFont("DejaVu", "B", 11)
	p.SetTextColor(0, 0, 0)
	p.CellFormat(0, 5.5, r.l.T(key), "B", 1, "L", false, 0, "")
	p.Ln(0.6)
}

// row prints a label and its value; long values wrap in their column.
func (r *pdfWriter) row(labelKey, value string) {
	p := r.p
	if strings.TrimSpace(value) == "" {
		value = "—"
	}
	width, _ := p.GetPageSize()
	valueWidth := width - 2*pageMargin - labelWidth
	valueSize := 10.0
	p.SetFont("DejaVu", "", valueSize)
	// A long unbreakable token (hash, key) gets a smaller size rather than
	// a break in the middle, so it can be read out and compared.
	if !strings.ContainsAny(value, " \n") && p.GetStringWidth(value) > valueWidth {
		valueSize = 8
		p.SetFont("DejaVu", "", valueSize)
	}
	lines := 0
	for _, part := range strings.Split(value, "\n") {
		lines += max(1, len(p.SplitText(part, valueWidth)))
	}
	// Keep a row on one page: break before it rather than inside it.
	_, pageHeight := p.GetPageSize()
	if p.GetY()+float64(lines)*lineHeight > pageHeight-pageMargin-4 {
		p.AddPage()
	}
	y := p.GetY()
	p.SetFont("DejaVu", "", 9)
	p.SetTextColor(90, 90, 90)
	p.SetXY(pageMargin, y)
	p.CellFormat(labelWidth, lineHeight, r.l.T(labelKey), "", 0, "L", false, 0, "")
	p.SetFont("DejaVu", "", valueSize)
	p.SetTextColor(0, 0, 0)
	p.SetXY(pageMargin+labelWidth, y)
	p.MultiCell(valueWidth, lineHeight, value, "", "L", false)
}

func (r *pdfWriter) hidden(h HiddenAreas) string {
	if !h.Checked {
		return r.l.T("cert.pdf.hidden.unknown")
	}
	var parts []string
	if h.HPA {
		parts = append(parts, r.l.T("cert.pdf.hidden.hpa", h.HPASectors))
	}
	if h.DCO {
		parts = append(parts, r.l.T("cert.pdf.hidden.dco", h.DCOSectors))
	}
	if len(parts) == 0 {
		return r.l.T("cert.pdf.hidden.none")
	}
	s := strings.Join(parts, ", ")
	if h.Removed {
		s += " — " + r.l.T("cert.pdf.hidden.removed")
	}
	if h.Note != "" {
		s += " (" + h.Note + ")"
	}
	return s
}

// capacity is the exact byte count and a decimal size as disk labels say it.
func (r *pdfWriter) capacity(n int64) string {
	return r.bytes(n) + " (" + r.decimalSize(n) + ")"
}

// bytes groups digits the way each language does.
func (r *pdfWriter) bytes(n int64) string {
	s := fmt.Sprint(n)
	sep := ","
	if r.l == i18n.FR {
		sep = "\u202f" // narrow no-break space, as French typography wants
	}
	var b strings.Builder
	for i, ch := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[0] != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(ch)
	}
	unit := " bytes"
	if r.l == i18n.FR {
		unit = " octets"
	}
	return b.String() + unit
}

func (r *pdfWriter) decimalSize(n int64) string {
	units := []string{"B", "kB", "MB", "GB", "TB", "PB"}
	if r.l == i18n.FR {
		units = []string{"o", "ko", "Mo", "Go", "To", "Po"}
	}
	f := float64(n)
	i := 0
	for f >= 1000 && i < len(units)-1 {
		f /= 1000
		i++
	}
	s := fmt.Sprintf("%.1f %s", f, units[i])
	if r.l == i18n.FR {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (r *pdfWriter) duration(sec float64) string {
	d := time.Duration(sec * float64(time.Second)).Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d h %02d min %02d s", h, m, s)
	}
	if m > 0 {
		return fmt.Sprintf("%d min %02d s", m, s)
	}
	return fmt.Sprintf("%.1f s", sec)
}

// handSignatures leaves room for the operator and a validator to sign the
// printed copy, as NIST SP 800-88 Appendix G's form does: the paper trail
// the DSI files alongside the electronic signature.
func (r *pdfWriter) handSignatures() {
	p := r.p
	const boxHeight = 15.0
	if _, h := p.GetPageSize(); p.GetY()+boxHeight+3 > h-pageMargin {
		p.AddPage()
	}
	p.Ln(3)
	width, _ := p.GetPageSize()
	half := (width - 2*pageMargin - 6) / 2
	y := p.GetY()
	p.SetFont("DejaVu", "", 8)
	p.SetTextColor(90, 90, 90)
	p.SetDrawColor(160, 160, 160)
	for i, key := range []string{"cert.pdf.sign.operator", "cert.pdf.sign.validator"} {
		x := pageMargin + float64(i)*(half+6)
		p.Rect(x, y, half, boxHeight, "D")
		p.SetXY(x+1.5, y+1)
		p.CellFormat(half-3, 4, r.l.T(key), "", 0, "L", false, 0, "")
	}
	p.SetXY(pageMargin, y+boxHeight)
}
