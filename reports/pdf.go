package reports

import (
	_ "embed"

	"codeberg.org/go-pdf/fpdf"
	"fmt"
	"strings"
	"time"

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
	pageMargin = docMargin
	labelWidth = 52.0 // mm
	lineHeight = 4.1  // mm

	maxPDFErrors = 40
)

// RenderPDF lays out c on A4 pages in language l, without the association's
// identity (see RenderCertificatePDF). sha256 is the hex hash of the
// certificate's JSON, printed so a reader can match the PDF to it.
func RenderPDF(c Certificate, sha256 string, l i18n.Lang) ([]byte, error) {
	return RenderCertificatePDF(c, sha256, DocOptions{Lang: l})
}

// RenderCertificatePDF lays out c for people: the association on top, the
// result and the disk's serial number first, every value in words (never
// the JSON's codes), dates in local time, and how to check the signature
// with OpenSSL alone. The PDF is a view: the signed JSON is authoritative.
func RenderCertificatePDF(c Certificate, sha256 string, o DocOptions) ([]byte, error) {
	c, o = pdfClean(c), pdfClean(o)
	// Dates from the certificate, not the clock: the same certificate
	// renders the same PDF.
	o.Now = c.Times.Finished
	d := setupDocFonts(fpdf.New("P", "mm", "A4", ""), o, o.T("cert.pdf.title")+" "+c.ID, o.T("cert.pdf.footer", c.ID), false)
	d.p.SetSubject(c.Disk.Serial, true)
	if o.Org.Name != "" {
		d.p.SetXmpMetadata(issuerXMP(o.Org))
	}
	d.p.SetAutoPageBreak(true, pageMargin)
	d.p.AddPage()
	r := &pdfWriter{d: d, o: o}
	d.orgHeader(o.T("cert.pdf.title"), o.T("cert.pdf.subtitle")+"\n"+o.T("cert.pdf.id", c.ID))
	r.status(c)
	r.identity(c)
	r.disk(c)
	r.source(c)
	r.sanitization(c)
	r.verification(c)
	r.people(c)
	r.handSignatures()
	r.signature(c, sha256)
	return d.bytes()
}

type pdfWriter struct {
	d *doc
	o DocOptions
}

// status is the one thing a reader must not miss: a coloured band.
func (r *pdfWriter) status(c Certificate) {
	p := r.d.p
	text := r.o.T("cert.pdf.status.failed")
	p.SetFillColor(176, 32, 32)
	if c.Status == StatusPassed {
		text = r.o.T("cert.pdf.status.passed", c.Sanitization.NIST)
		p.SetFillColor(28, 120, 56)
	}
	p.SetTextColor(255, 255, 255)
	p.SetFont("DejaVu", "B", 15)
	p.CellFormat(0, 11, text, "", 1, "C", true, 0, "")
	p.SetTextColor(0, 0, 0)
	p.Ln(3)
}

// identity puts the disk's serial number where the eye lands first: it is
// what the DSI matches against its inventory. The device path (/dev/sdb)
// only said where the disk sat during the wipe.
func (r *pdfWriter) identity(c Certificate) {
	p := r.d.p
	y := p.GetY()
	p.SetFillColor(240, 243, 247)
	p.Rect(pageMargin, y, r.d.usable(), 17, "F")
	p.SetXY(pageMargin+3, y+1.8)
	p.SetFont("DejaVu", "", 8.5)
	p.SetTextColor(80, 80, 80)
	label, serial := r.o.T("cert.pdf.serial"), c.Disk.Serial
	if serial == "" {
		// No serial to match against the DSI's inventory: the device
		// is all there is, and the reader is told why.
		label, serial = r.o.T("cert.pdf.device")+" "+r.o.T("cert.pdf.noserial"), c.Disk.Device
	}
	p.CellFormat(0, 4, label, "", 1, "L", false, 0, "")
	p.SetX(pageMargin + 3)
	p.SetFont("DejaVu", "B", 16)
	for size := 16.0; size > 8 && p.GetStringWidth(serial) > r.d.usable()-6; size-- {
		p.SetFont("DejaVu", "B", size)
	}
	p.SetTextColor(0, 0, 0)
	p.CellFormat(0, 7, serial, "", 1, "L", false, 0, "")
	p.SetX(pageMargin + 3)
	p.SetFont("DejaVu", "", 9)
	p.SetTextColor(50, 50, 50)
	line := strings.TrimSpace(strings.Join([]string{c.Disk.Vendor, c.Disk.Model}, " "))
	if c.Disk.CapacityBytes > 0 {
		line = strings.TrimSpace(line + " — " + r.o.Size(c.Disk.CapacityBytes))
	}
	if c.Source.UnitID != "" {
		line += " — " + r.o.T("cert.pdf.unitline", c.Source.UnitID)
	}
	p.CellFormat(0, 4, strings.TrimPrefix(line, " — "), "", 1, "L", false, 0, "")
	p.SetXY(pageMargin, y+19)
	p.SetTextColor(0, 0, 0)
}

func (r *pdfWriter) disk(c Certificate) {
	d := c.Disk
	r.section("cert.pdf.disk")
	r.row("cert.pdf.vendor", d.Vendor)
	r.row("cert.pdf.model", d.Model)
	r.row("cert.pdf.capacity", r.capacity(d.CapacityBytes))
	r.row("cert.pdf.medium", r.medium(d.Medium, d.Transport))
	r.row("cert.pdf.hidden", r.hidden(d.Hidden))
	r.row("cert.pdf.device", d.Device)
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
	r.row("cert.pdf.requested", r.word("cert.val.method.", s.MethodRequested))
	r.row("cert.pdf.technique", r.word("cert.tech.", s.Technique))
	r.row("cert.pdf.nist", r.o.T("cert.pdf.nist."+s.NIST))
	r.row("cert.pdf.passes", fmt.Sprint(s.Passes))
	r.row("cert.pdf.pattern", r.pattern(s.Pattern))
	r.row("cert.pdf.tool", strings.TrimSpace(s.Tool.Name+" "+s.Tool.Version))
	fw := r.o.T("cert.pdf.firmware.none")
	if len(s.Firmware) > 0 {
		var lines []string
		for _, f := range s.Firmware {
			line := f.Command + " → " + r.word("cert.val.outcome.", f.Outcome)
			if f.Detail != "" {
				line += " — " + f.Detail
			}
			lines = append(lines, line)
		}
		fw = strings.Join(lines, "\n")
	}
	r.row("cert.pdf.firmware", fw)
	if s.Fallback != "" {
		// The engine's own account (in English) stays in the JSON; the
		// firmware rows above say what was tried and how it went.
		r.row("cert.pdf.fallback", r.o.T("cert.pdf.fallback.text", r.word("cert.tech.", s.Technique)))
	}
}

func (r *pdfWriter) verification(c Certificate) {
	v := c.Verification
	r.section("cert.pdf.verification")
	r.row("cert.pdf.verify.method", r.word("cert.val.verify.", v.Method))
	r.row("cert.pdf.verify.result", r.o.T("cert.result."+v.Result))
	r.row("cert.pdf.verify.bytes", r.bytes(v.BytesVerified))
	if v.Detail != "" {
		r.row("cert.pdf.detail", v.Detail)
	}
	errs := r.o.T("cert.pdf.errors.none")
	if len(c.Errors) > 0 {
		var lines []string
		for i, e := range c.Errors {
			// A dying disk can log thousands of ranges: the JSON keeps
			// them all, the PDF the first ones.
			if i == maxPDFErrors {
				lines = append(lines, r.o.T("cert.pdf.errors.more", len(c.Errors)-maxPDFErrors, c.ID))
				break
			}
			op := r.word("cert.val.op.", e.Op)
			if e.Length > 0 {
				lines = append(lines, r.o.T("cert.pdf.error.range", op, e.Offset, e.Offset+e.Length-1, e.Message))
			} else {
				lines = append(lines, r.o.T("cert.pdf.error.norange", op, e.Message))
			}
		}
		errs = strings.Join(lines, "\n")
	}
	r.row("cert.pdf.errors", errs)
}

func (r *pdfWriter) people(c Certificate) {
	t := c.Times
	r.section("cert.pdf.when")
	r.row("cert.pdf.start", r.o.T("cert.pdf.localtime", r.o.DateTime(t.Started)))
	r.row("cert.pdf.end", r.o.T("cert.pdf.localtime", r.o.DateTime(t.Finished)))
	r.row("cert.pdf.utc", t.Started.UTC().Format(time.RFC3339)+" → "+t.Finished.UTC().Format(time.RFC3339))
	r.row("cert.pdf.duration", r.duration(t.DurationSeconds))
	r.row("cert.pdf.operator", c.Operator)
	r.row("cert.pdf.bench", c.Bench)
}

// signature says how to check the certificate, with atelier or with
// OpenSSL alone: a DSI need not trust (or install) atelier.
func (r *pdfWriter) signature(c Certificate, sha256 string) {
	// The hashes and the commands read as one: keep them on one page.
	r.d.ensure(60)
	r.section("cert.pdf.signature")
	r.row("cert.pdf.benchkey", c.BenchKey)
	r.row("cert.pdf.sha256", sha256)
	p := r.d.p
	p.Ln(1.5)
	p.SetFont("DejaVu", "", 8.5)
	p.SetTextColor(50, 50, 50)
	p.MultiCell(0, 3.9, r.o.T("cert.pdf.howto.intro", c.ID, c.ID), "", "L", false)
	p.Ln(1)
	cmds := []string{
		"atelier verify " + c.ID + ".json --key bench.pub",
		"sha256sum " + c.ID + ".json",
		"base64 -d " + c.ID + ".json.sig > " + c.ID + ".sig.bin",
		"openssl pkeyutl -verify -pubin -inkey bench.pub -rawin \\\n    -in " + c.ID + ".json -sigfile " + c.ID + ".sig.bin",
	}
	r.d.code(strings.Join(cmds, "\n"))
	p.SetFont("DejaVu", "", 8.5)
	p.SetTextColor(50, 50, 50)
	p.MultiCell(0, 3.9, r.o.T("cert.pdf.howto.openssl"), "", "L", false)
}

func (r *pdfWriter) section(key string) {
	r.d.heading(r.o.T(key))
}

// row prints a label and its value; long values wrap in their column.
func (r *pdfWriter) row(labelKey, value string) {
	p := r.d.p
	if strings.TrimSpace(value) == "" {
		value = "—"
	}
	valueWidth := r.d.usable() - labelWidth
	valueSize := 10.0
	font := "DejaVu"
	p.SetFont(font, "", valueSize)
	// A long unbreakable token (hash, key) gets a smaller monospaced size
	// rather than a break in the middle, so it can be read out and compared.
	if !strings.ContainsAny(value, " \n") && p.GetStringWidth(value) > valueWidth {
		valueSize = 8
		p.SetFont(font, "", valueSize)
	}
	lines := 0
	for _, part := range strings.Split(value, "\n") {
		lines += max(1, len(p.SplitText(part, valueWidth)))
	}
	// Keep a row on one page: break before it rather than inside it.
	r.d.ensure(float64(lines) * lineHeight)
	y := p.GetY()
	p.SetFont("DejaVu", "", 9)
	p.SetTextColor(90, 90, 90)
	p.SetXY(pageMargin, y)
	p.CellFormat(labelWidth, lineHeight, r.o.T(labelKey), "", 0, "L", false, 0, "")
	p.SetFont(font, "", valueSize)
	p.SetTextColor(0, 0, 0)
	p.SetXY(pageMargin+labelWidth, y)
	p.MultiCell(valueWidth, lineHeight, value, "", "L", false)
}

// word translates a code of the certificate (see DocOptions.Word).
func (r *pdfWriter) word(prefix, code string) string { return r.o.Word(prefix, code) }

// pattern translates the pattern: "zeros", "firmware", or the random
// stream with its description ("random (seeded AES-128-CTR stream)").
func (r *pdfWriter) pattern(s string) string {
	if strings.HasPrefix(s, "random") {
		return r.o.T("cert.val.pattern.random")
	}
	return r.word("cert.val.pattern.", s)
}

func (r *pdfWriter) medium(medium, transport string) string {
	m := r.word("cert.val.medium.", medium)
	if transport != "" && transport != "unknown" {
		m += " (" + r.word("cert.val.transport.", transport) + ")"
	}
	return m
}

func (r *pdfWriter) hidden(h HiddenAreas) string {
	if !h.Checked {
		return r.o.T("cert.pdf.hidden.unknown")
	}
	var parts []string
	if h.HPA {
		parts = append(parts, r.o.T("cert.pdf.hidden.hpa", h.HPASectors))
	}
	if h.DCO {
		parts = append(parts, r.o.T("cert.pdf.hidden.dco", h.DCOSectors))
	}
	if len(parts) == 0 {
		return r.o.T("cert.pdf.hidden.none")
	}
	s := strings.Join(parts, ", ")
	if h.Removed {
		s += " — " + r.o.T("cert.pdf.hidden.removed")
	}
	if h.Note != "" {
		s += " (" + h.Note + ")"
	}
	return s
}

// capacity is the exact byte count and a decimal size as disk labels say it.
func (r *pdfWriter) capacity(n int64) string {
	return r.bytes(n) + " (" + r.o.Size(n) + ")"
}

// bytes groups digits the way each language does.
func (r *pdfWriter) bytes(n int64) string {
	return r.o.T("cert.pdf.bytes", r.o.Int(n))
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
	return r.o.Num(sec, 1) + " s"
}

// handSignatures leaves room for the operator and a validator to sign the
// printed copy, as NIST SP 800-88 Appendix G's form does: the paper trail
// the DSI files alongside the electronic signature.
func (r *pdfWriter) handSignatures() {
	r.d.signatureBoxes([]string{r.o.T("cert.pdf.sign.operator"), r.o.T("cert.pdf.sign.validator")}, 16)
}
