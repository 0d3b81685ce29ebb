package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // documents print Paris time even on a bench without tzdata

	"codeberg.org/go-pdf/fpdf"
	xdraw "golang.org/x/image/draw"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// Every document atelier hands out (proof packs, receipts, labels, impact
// and activity reports, certificates) is an A4 PDF (labels: their sheet or
// tape) with DejaVu embedded, in French unless English is asked for, dates
// in the association's local time, and the association's identity on top.

//go:embed fonts/DejaVuSansMono.ttf
var fontMono []byte

// DocTimeZone is where the associations atelier serves are: documents
// print dates in this zone's local time.
const DocTimeZone = "Europe/Paris"

// DocOptions are what every document shares.
type DocOptions struct {
	Lang i18n.Lang
	Org  inventory.Org
	// Loc is the time zone of printed dates; nil means DocTimeZone.
	Loc *time.Location
	// Now is when the document is made: printed, and used as the PDF's
	// dates so that the same inputs give the same file.
	Now time.Time
}

// location is o.Loc, or Paris.
func (o DocOptions) location() *time.Location {
	if o.Loc != nil {
		return o.Loc
	}
	if loc, err := time.LoadLocation(DocTimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// Word translates a code (prefix+code) into words; a code this atelier has
// no words for is shown as it is rather than hidden.
func (o DocOptions) Word(prefix, code string) string {
	if code == "" {
		return ""
	}
	if _, ok := i18n.Lookup(prefix + code); ok {
		return o.T(prefix + code)
	}
	return code
}

// orgName is the association's name for a footer, or words saying it was
// not set (never an empty name between two dashes).
func (o DocOptions) orgName() string {
	if n := strings.TrimSpace(o.Org.Name); n != "" {
		return n
	}
	return o.T("doc.org.unset")
}

// UnitType is a unit's type in words ("portable").
func (o DocOptions) UnitType(t string) string { return o.Word("unittype.", t) }

// T translates a key in the document's language.
func (o DocOptions) T(key string, args ...any) string { return o.Lang.T(key, args...) }

// Date is a calendar date in the document's language and zone.
func (o DocOptions) Date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return o.Lang.DateIn(t, o.location())
}

// DateTime is a date and time in the document's language and zone.
func (o DocOptions) DateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return o.Lang.DateTimeIn(t, o.location())
}

// ShortDate is 03/11/2026 (French) or 2026-11-03 (English): for tables.
func (o DocOptions) ShortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(o.location())
	if o.Lang == i18n.FR {
		return t.Format("02/01/2006")
	}
	return t.Format("2006-01-02")
}

// Int writes n with the language's digit grouping.
func (o DocOptions) Int(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if o.Lang == i18n.FR {
		sep = "\u202f"
	}
	var b strings.Builder
	for i, ch := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(ch)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Num writes x with the given decimals and the language's separators.
func (o DocOptions) Num(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	s := fmt.Sprintf("%.*f", decimals, x)
	whole, frac, _ := strings.Cut(s, ".")
	n := 0
	fmt.Sscan(whole, &n)
	out := o.Int(int64(n))
	if strings.HasPrefix(whole, "-") && n == 0 {
		out = "-" + out
	}
	if frac == "" {
		return out
	}
	if o.Lang == i18n.FR {
		return out + "," + frac
	}
	return out + "." + frac
}

// Percent writes a share (0.43) as "43 %" or "43%".
func (o DocOptions) Percent(share float64, decimals int) string {
	return o.T("doc.percent", o.Num(share*100, decimals))
}

// RAM is a memory size as it is sold: binary units, "4 Go" for 4 GiB.
func (o DocOptions) RAM(n int64) string {
	unit, f := "G", float64(n)/(1<<30)
	if f < 1 {
		unit, f = "M", float64(n)/(1<<20)
	}
	dec := 0
	if f != math.Trunc(f) && f < 10 {
		dec = 1
	}
	return o.T("doc.ram."+unit, o.Num(f, dec))
}

// Size is a byte count as disk labels say it (decimal units).
func (o DocOptions) Size(n int64) string {
	if n <= 0 {
		return "—"
	}
	const units = 6 // doc.size.0 (bytes) to doc.size.5 (petabytes)
	f, i := float64(n), 0
	for f >= 1000 && i < units-1 {
		f /= 1000
		i++
	}
	dec := 0
	if f < 10 && i > 0 {
		dec = 1
	}
	return o.T("doc.size."+strconv.Itoa(i), o.Num(f, dec))
}

// Page geometry of A4 documents, in millimetres.
const (
	docMargin = 15.0
	docLine   = 4.6
	a4Width   = 210.0
	a4Height  = 297.0
)

// doc is an A4 document under construction.
type doc struct {
	p    *fpdf.Fpdf
	o    DocOptions
	seq  int    // names images registered in the PDF
	mono string // the font of serials, hashes and commands
}

// newDoc starts an A4 portrait document titled title; footer is the text
// at the bottom of every page, before the page number.
func newDoc(o DocOptions, title, footer string) *doc {
	p := fpdf.New("P", "mm", "A4", "")
	return setupDoc(p, o, title, footer)
}

// newLandscapeDoc is newDoc on A4 landscape pages, for wide tables.
func newLandscapeDoc(o DocOptions, title, footer string) *doc {
	p := fpdf.New("L", "mm", "A4", "")
	return setupDoc(p, o, title, footer)
}

func setupDoc(p *fpdf.Fpdf, o DocOptions, title, footer string) *doc {
	return setupDocFonts(p, o, title, footer, true)
}

// setupDocFonts is setupDoc; without mono, serials and commands use
// DejaVu Sans. Certificates go without it: fpdf's subset of DejaVu Sans
// Mono is not the same bytes from one run to the next, and verify ID.pdf
// compares a certificate's PDF byte for byte with a fresh rendering.
func setupDocFonts(p *fpdf.Fpdf, o DocOptions, title, footer string, mono bool) *doc {
	p.AddUTF8FontFromBytes("DejaVu", "", fontRegular)
	p.AddUTF8FontFromBytes("DejaVu", "B", fontBold)
	monoFont := "DejaVu"
	if mono {
		p.AddUTF8FontFromBytes("DejaVuMono", "", fontMono)
		monoFont = "DejaVuMono"
	}
	p.SetMargins(docMargin, docMargin, docMargin)
	p.SetAutoPageBreak(true, docMargin+4)
	p.AliasNbPages("")
	p.SetTitle(title, true)
	p.SetCreator("atelier", true)
	p.SetProducer("atelier", true)
	if o.Org.Name != "" {
		p.SetAuthor(o.Org.Name, true)
	}
	p.SetLang(string(o.Lang))
	p.SetCreationDate(o.Now)
	p.SetModificationDate(o.Now)
	// Fonts and other catalogues in sorted order, not Go's map order: the
	// same inputs give the same bytes (verify ID.pdf compares them).
	p.SetCatalogSort(true)
	d := &doc{p: p, o: o, mono: monoFont}
	if footer != "" {
		p.SetFooterFunc(func() {
			p.SetY(-12)
			p.SetFont("DejaVu", "", 7.5)
			p.SetTextColor(110, 110, 110)
			p.CellFormat(0, 5, o.T("doc.footer", footer, p.PageNo()), "", 0, "C", false, 0, "")
		})
	}
	return d
}

// bytes finishes the document.
func (d *doc) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.p.Output(&buf); err != nil {
		return nil, fmt.Errorf("render PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// usable is the width between the margins.
func (d *doc) usable() float64 {
	w, _ := d.p.GetPageSize()
	l, _, r, _ := d.p.GetMargins()
	return w - l - r
}

// ensure starts a new page unless h millimetres fit on this one.
func (d *doc) ensure(h float64) {
	_, ph := d.p.GetPageSize()
	_, _, _, b := d.p.GetMargins()
	if d.p.GetY()+h > ph-b-4 {
		d.p.AddPage()
	}
}

// orgHeader prints the association's identity (logo, name, address,
// SIRET) and, on the right, the document's title and date line. A
// document made before `org set` says so instead of staying anonymous.
func (d *doc) orgHeader(title, subtitle string) {
	p, o := d.p, d.o
	top := p.GetY()
	x := docMargin
	logoH := 0.0
	if len(o.Org.Logo) > 0 {
		if name, w, h, ok := d.registerLogo(); ok {
			logoH = 16.0
			logoW := w / h * logoH
			if logoW > 40 {
				logoW, logoH = 40, h/w*40
			}
			p.ImageOptions(name, x, top, logoW, logoH, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
			x += logoW + 4
		}
	}
	left := 88.0 - (x - docMargin)
	p.SetXY(x, top)
	p.SetTextColor(0, 0, 0)
	name := o.Org.Name
	if name == "" {
		name = o.T("doc.noorg")
		p.SetTextColor(176, 32, 32)
	}
	p.SetFont("DejaVu", "B", 11)
	p.MultiCell(left, 5, name, "", "L", false)
	p.SetTextColor(60, 60, 60)
	p.SetFont("DejaVu", "", 8.5)
	var lines []string
	if o.Org.Address != "" {
		lines = append(lines, strings.Split(o.Org.Address, "\n")...)
	}
	if o.Org.SIRET != "" {
		lines = append(lines, o.T("doc.siret", formatSIRET(o.Org.SIRET)))
	}
	for _, line := range lines {
		p.SetX(x)
		p.MultiCell(left, 3.8, line, "", "L", false)
	}
	leftBottom := math.Max(p.GetY(), top+logoH)

	// Title block on the right.
	p.SetXY(docMargin+90, top)
	p.SetTextColor(0, 0, 0)
	p.SetFont("DejaVu", "B", 15)
	p.MultiCell(d.usable()-90, 6.5, title, "", "R", false)
	if subtitle != "" {
		p.SetX(docMargin + 90)
		p.SetFont("DejaVu", "", 9)
		p.SetTextColor(70, 70, 70)
		p.MultiCell(d.usable()-90, 4.2, subtitle, "", "R", false)
	}
	rightBottom := p.GetY()
	y := math.Max(leftBottom, rightBottom) + 2.5
	p.SetDrawColor(40, 90, 140)
	p.SetLineWidth(0.5)
	p.Line(docMargin, y, docMargin+d.usable(), y)
	p.SetLineWidth(0.2)
	p.SetDrawColor(0, 0, 0)
	p.SetXY(docMargin, y+4)
}

// logoMaxPixels bounds the logo's side as embedded: it is printed some
// 25 mm wide, so 600 px is over 600 dpi. A 4000 px logo embedded whole
// cost seconds per document and megabytes per certificate of a pack.
const logoMaxPixels = 600

// registerLogo adds the association's logo to the PDF, re-encoded as a
// plain 8-bit PNG (fpdf reads neither interlaced nor 16-bit ones), scaled
// down to logoMaxPixels (deterministically: a certificate's PDF is
// rendered again, byte for byte, to be verified).
func (d *doc) registerLogo() (name string, w, h float64, ok bool) {
	img, err := png.Decode(bytes.NewReader(d.o.Org.Logo))
	if err != nil {
		return "", 0, 0, false
	}
	b := img.Bounds()
	dw, dh := b.Dx(), b.Dy()
	if m := max(dw, dh); m > logoMaxPixels {
		dw, dh = max(1, dw*logoMaxPixels/m), max(1, dh*logoMaxPixels/m)
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	if dw == b.Dx() && dh == b.Dy() {
		draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
	} else {
		xdraw.ApproxBiLinear.Scale(rgba, rgba.Bounds(), img, b, draw.Src, nil)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return "", 0, 0, false
	}
	info := d.p.RegisterImageOptionsReader("org-logo", fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	if info == nil || !d.p.Ok() {
		d.p.ClearError()
		return "", 0, 0, false
	}
	return "org-logo", float64(b.Dx()), float64(b.Dy()), true
}

// formatSIRET groups a SIRET as INSEE prints it: 732 829 320 00074.
func formatSIRET(s string) string {
	if len(s) != 14 {
		return s
	}
	return s[0:3] + "\u00a0" + s[3:6] + "\u00a0" + s[6:9] + "\u00a0" + s[9:]
}

// heading is a section title, kept with what follows.
func (d *doc) heading(text string) {
	d.ensure(15)
	p := d.p
	p.Ln(1.4)
	p.SetX(docMargin)
	p.SetFont("DejaVu", "B", 11)
	p.SetTextColor(20, 60, 100)
	p.CellFormat(0, 5.6, text, "B", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.Ln(1)
}

// para is a paragraph of running text.
func (d *doc) para(text string, size float64) {
	p := d.p
	p.SetX(docMargin)
	p.SetFont("DejaVu", "", size)
	p.SetTextColor(30, 30, 30)
	p.MultiCell(0, size*0.45, text, "", "L", false)
	p.Ln(1)
}

// kv prints a label and its value, each wrapping in its own column.
func (d *doc) kv(label, value string, labelWidth float64) {
	p := d.p
	if strings.TrimSpace(value) == "" {
		value = "—"
	}
	vw := d.usable() - labelWidth
	p.SetFont("DejaVu", "", 10)
	lines := 0
	for _, part := range strings.Split(value, "\n") {
		lines += max(1, len(p.SplitText(part, vw)))
	}
	p.SetFont("DejaVu", "", 9)
	lines = max(lines, len(p.SplitText(label, labelWidth-2)))
	d.ensure(float64(lines) * docLine)
	y := p.GetY()
	p.SetXY(docMargin, y)
	p.SetTextColor(90, 90, 90)
	p.MultiCell(labelWidth-2, docLine, label, "", "L", false)
	bottom := p.GetY()
	p.SetXY(docMargin+labelWidth, y)
	p.SetFont("DejaVu", "", 10)
	p.SetTextColor(0, 0, 0)
	p.MultiCell(vw, docLine, value, "", "L", false)
	p.SetY(math.Max(bottom, p.GetY()))
}

// column is one column of a table.
type column struct {
	title string
	width float64 // mm
	align string  // "L", "R", "C"
	mono  bool    // hashes, serials
}

// table prints rows under a header row that is repeated on every page;
// cells wrap, and a row is never split across pages.
func (d *doc) table(cols []column, rows [][]string, size float64) {
	for i := range cols {
		if cols[i].align == "" {
			cols[i].align = "L" // fpdf's default would justify
		}
	}
	lh := size * 0.46
	d.tableHeader(cols, size)
	for i, row := range rows {
		h := d.rowHeight(cols, row, size, lh)
		_, ph := d.p.GetPageSize()
		if d.p.GetY()+h > ph-docMargin-6 {
			d.p.AddPage()
			d.tableHeader(cols, size)
		}
		d.tableRow(cols, row, size, lh, h, i%2 == 1)
	}
	d.p.Ln(2)
}

func (d *doc) tableHeader(cols []column, size float64) {
	p := d.p
	p.SetFont("DejaVu", "B", size)
	p.SetFillColor(225, 232, 240)
	p.SetTextColor(0, 0, 0)
	lh := size * 0.46
	h := 0.0
	for _, c := range cols {
		h = math.Max(h, float64(len(p.SplitText(c.title, c.width-1.6)))*lh+1.6)
	}
	x, y := docMargin, p.GetY()
	for _, c := range cols {
		p.Rect(x, y, c.width, h, "F")
		p.SetXY(x+0.8, y+0.8)
		p.MultiCell(c.width-1.6, lh, c.title, "", c.align, false)
		x += c.width
	}
	p.SetXY(docMargin, y+h)
}

func (d *doc) cellFont(c column, size float64) {
	if c.mono {
		d.p.SetFont(d.mono, "", size*0.92)
	} else {
		d.p.SetFont("DejaVu", "", size)
	}
}

func (d *doc) rowHeight(cols []column, row []string, size, lh float64) float64 {
	h := lh
	for i, c := range cols {
		if i >= len(row) {
			break
		}
		d.cellFont(c, size)
		n := 0
		for _, part := range strings.Split(row[i], "\n") {
			n += max(1, len(d.p.SplitText(part, c.width-1.6)))
		}
		h = math.Max(h, float64(n)*lh)
	}
	return h + 1.6
}

func (d *doc) tableRow(cols []column, row []string, size, lh, h float64, shade bool) {
	p := d.p
	x, y := docMargin, p.GetY()
	if shade {
		p.SetFillColor(246, 248, 250)
		p.Rect(x, y, d.usable(), h, "F")
	}
	p.SetTextColor(0, 0, 0)
	for i, c := range cols {
		if i >= len(row) {
			break
		}
		d.cellFont(c, size)
		p.SetXY(x+0.8, y+0.8)
		p.MultiCell(c.width-1.6, lh, row[i], "", c.align, false)
		x += c.width
	}
	p.SetDrawColor(220, 220, 220)
	p.Line(docMargin, y+h, docMargin+d.usable(), y+h)
	p.SetDrawColor(0, 0, 0)
	p.SetXY(docMargin, y+h)
}

// signatureBoxes leaves room for handwritten signatures.
func (d *doc) signatureBoxes(labels []string, height float64) {
	p := d.p
	d.ensure(height + 4)
	p.Ln(2)
	gap := 6.0
	w := (d.usable() - gap*float64(len(labels)-1)) / float64(len(labels))
	y := p.GetY()
	p.SetFont("DejaVu", "", 8.5)
	p.SetTextColor(80, 80, 80)
	p.SetDrawColor(150, 150, 150)
	for i, label := range labels {
		x := docMargin + float64(i)*(w+gap)
		p.Rect(x, y, w, height, "D")
		p.SetXY(x+1.5, y+1.2)
		p.MultiCell(w-3, 3.8, label, "", "L", false)
	}
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)
	p.SetXY(docMargin, y+height+2)
}

// code prints commands in a monospaced font on a grey band.
func (d *doc) code(text string) {
	p := d.p
	p.SetFont(d.mono, "", 8)
	lines := 0
	for _, part := range strings.Split(text, "\n") {
		lines += max(1, len(p.SplitText(part, d.usable()-4)))
	}
	h := float64(lines)*3.8 + 3
	d.ensure(h + 2)
	y := p.GetY()
	p.SetFillColor(244, 244, 244)
	p.Rect(docMargin, y, d.usable(), h, "F")
	p.SetXY(docMargin+2, y+1.5)
	p.SetTextColor(0, 0, 0)
	p.MultiCell(d.usable()-4, 3.8, text, "", "L", false)
	p.SetXY(docMargin, y+h+2)
}

// callout is a shaded box of text (a rule, a warning, a method note).
func (d *doc) callout(text string, size float64, r, g, b int) {
	p := d.p
	p.SetFont("DejaVu", "", size)
	lh := size * 0.46
	lines := 0
	for _, part := range strings.Split(text, "\n") {
		lines += max(1, len(p.SplitText(part, d.usable()-6)))
	}
	h := float64(lines)*lh + 4
	d.ensure(h + 2)
	y := p.GetY()
	p.SetFillColor(r, g, b)
	p.Rect(docMargin, y, d.usable(), h, "F")
	p.SetXY(docMargin+3, y+2)
	p.SetTextColor(20, 20, 20)
	p.MultiCell(d.usable()-6, lh, text, "", "L", false)
	p.SetXY(docMargin, y+h+2)
}

// WriteFile replaces path with data atomically (mode 0644): a document
// appears whole or not at all.
func WriteFile(path string, data []byte) error { return writeAtomic(path, data, 0o644) }
