package reports

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	qrcode "github.com/yeqown/go-qrcode/v2"
)

// Labels are the stickers volunteers put on each PC: a QR code (the hub's
// /s/TOKEN page for the unit, or its id), the id in large type, model and
// grade. Two media: Avery L7163 (A4 sheet, 2 × 7 labels of 99.1 × 38.1 mm)
// and Brother 62 mm continuous tape (one label per page).

// Label formats.
const (
	LabelAveryL7163 = "avery-l7163"
	LabelBrother62  = "brother-62"
)

// LabelFormats lists the accepted --format values.
var LabelFormats = []string{LabelAveryL7163, LabelBrother62}

// Label is one sticker.
type Label struct {
	UnitID string `json:"unit_id"`
	QR     string `json:"qr"` // what the QR code holds
	Model  string `json:"model"`
	// Vendor, when Model starts with it, is the part of Model cut first
	// when the text does not fit: the model is what a volunteer looks for.
	Vendor string `json:"-"`
	Grade  string `json:"grade"`
}

// Avery L7163 geometry (Avery's template): A4, 2 columns of 99.1 mm with
// a 2.5 mm gutter, 7 rows of 38.1 mm without gap, 4.65 mm side and
// 15.15 mm top margins.
const (
	averyCols   = 2
	averyRows   = 7
	averyW      = 99.1
	averyH      = 38.1
	averyLeft   = 4.65
	averyTop    = 15.15
	averyPitchX = 101.6

	// labelPad keeps content away from the cut: printers shift a sheet by
	// a millimetre or so.
	labelPad = 2.5

	brotherW = 62.0
	brotherH = 90.0
)

// AveryCell is where label i (0-based, row by row) sits on its sheet.
func AveryCell(i int) (page int, x, y float64) {
	page = i / (averyCols * averyRows)
	n := i % (averyCols * averyRows)
	return page, averyLeft + float64(n%averyCols)*averyPitchX, averyTop + float64(n/averyCols)*averyH
}

// RenderLabels lays labels out in format; o gives the language and the
// association, whose name is printed small on each label.
func RenderLabels(labels []Label, format string, o DocOptions) ([]byte, error) {
	return RenderLabelsAt(labels, format, 0, o)
}

// RenderLabelsAt is RenderLabels starting after skip labels already used
// on the first Avery sheet.
func RenderLabelsAt(labels []Label, format string, skip int, o DocOptions) ([]byte, error) {
	labels, o = pdfClean(labels), pdfClean(o)
	var p *fpdf.Fpdf
	switch format {
	case LabelAveryL7163:
		p = fpdf.New("P", "mm", "A4", "")
	case LabelBrother62:
		p = fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: brotherW, Ht: brotherH}})
	default:
		return nil, problem("label.format", format, strings.Join(LabelFormats, ", "))
	}
	d := setupDoc(p, o, o.T("label.title"), "")
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	for i, l := range labels {
		qr, err := qrMatrix(l.QR)
		if err != nil {
			return nil, fmt.Errorf("label %s: %w", l.UnitID, err)
		}
		if format == LabelBrother62 {
			p.AddPage()
			d.brotherLabel(l, qr)
			continue
		}
		page, x, y := AveryCell(i + skip)
		if page >= p.PageCount() {
			p.AddPage()
		}
		d.averyLabel(l, qr, x, y)
	}
	return d.bytes()
}

// averyLabel: QR code on the left, square, the label's full height less
// the padding; text on the right.
func (d *doc) averyLabel(l Label, qr [][]bool, x, y float64) {
	side := averyH - 2*labelPad
	drawQR(d.p, qr, x+labelPad, y+labelPad, side)
	tx := x + labelPad + side + 2
	tw := averyW - (tx - x) - labelPad
	d.labelText(l, tx, y+labelPad+1, tw, averyH-2*labelPad-1, 17)
}

// brotherLabel: the QR code across the tape, text below.
func (d *doc) brotherLabel(l Label, qr [][]bool) {
	side := brotherW - 2*labelPad - 6
	drawQR(d.p, qr, (brotherW-side)/2, labelPad+1, side)
	top := labelPad + 1 + side + 2
	d.labelText(l, labelPad+1, top, brotherW-2*labelPad-2, brotherH-top-labelPad, 18)
}

// labelText writes the id large, the model (two lines at most), the grade
// and the association's name, shrinking the id until it fits the width.
func (d *doc) labelText(l Label, x, y, w, h, idSize float64) {
	p, o := d.p, d.o
	p.SetTextColor(0, 0, 0)
	p.SetFont("DejaVu", "B", idSize)
	for ; idSize > 8 && p.GetStringWidth(l.UnitID) > w; idSize -= 0.5 {
		p.SetFont("DejaVu", "B", idSize)
	}
	p.SetXY(x, y)
	p.CellFormat(w, idSize*0.42, l.UnitID, "", 2, "L", false, 0, "")
	p.Ln(1)
	model := strings.TrimSpace(l.Model)
	if model == "" {
		model = o.T("label.nomodel")
	}
	size, lines := fitModel(p, model, strings.TrimSpace(l.Vendor), w)
	p.SetFont("DejaVu", "", size)
	for _, line := range lines {
		p.SetX(x)
		p.CellFormat(w, size*modelLead, line, "", 2, "L", false, 0, "")
	}
	if l.Grade != "" {
		p.SetX(x)
		p.SetFont("DejaVu", "B", 9.5)
		p.CellFormat(w, 4.4, o.T("label.grade", l.Grade), "", 2, "L", false, 0, "")
	}
	if o.Org.Name != "" {
		p.SetFont("DejaVu", "", 6.5)
		p.SetTextColor(80, 80, 80)
		name := o.Org.Name
		for p.GetStringWidth(name) > w && len([]rune(name)) > 4 {
			r := []rune(name)
			name = string(r[:len(r)-2]) + "…"
		}
		p.SetXY(x, y+h-3.2)
		p.CellFormat(w, 3, name, "", 0, "L", false, 0, "")
	}
}

// The model's type: 8.5 pt, down to 6.5 pt (still readable on a sticker)
// before anything is cut; modelLead is its line height in mm per point.
const (
	modelSize    = 8.5
	modelMinSize = 6.5
	modelLead    = 3.7 / 8.5
)

// fitModel fits model into two lines of width w: in a smaller type first,
// then, at the smallest, by cutting the vendor (its leading part) with an
// ellipsis, and only then the model's own end. A long vendor name once
// filled both lines and pushed the model off the label.
func fitModel(p *fpdf.Fpdf, model, vendor string, w float64) (float64, []string) {
	fits := func(text string) ([]string, bool) {
		lines := p.SplitText(text, w)
		return lines, len(lines) <= 2
	}
	for size := modelSize; size >= modelMinSize; size -= 0.5 {
		p.SetFont("DejaVu", "", size)
		if lines, ok := fits(model); ok {
			return size, lines
		}
	}
	if rest, ok := strings.CutPrefix(model, vendor); ok && vendor != "" && strings.TrimSpace(rest) != "" {
		rest = strings.TrimSpace(rest)
		v := []rune(vendor)
		for n := len(v) - 1; n > 0; n-- {
			cut := strings.TrimRight(string(v[:n]), " ") + "… " + rest
			if lines, ok := fits(cut); ok {
				return modelMinSize, lines
			}
		}
		model = rest
		if lines, ok := fits(model); ok {
			return modelMinSize, lines
		}
	}
	lines := p.SplitText(model, w)
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = strings.TrimRight(lines[1], " ") + "…"
		for p.GetStringWidth(lines[1]) > w && len([]rune(lines[1])) > 2 {
			r := []rune(lines[1])
			lines[1] = string(r[:len(r)-2]) + "…"
		}
	}
	return modelMinSize, lines
}

// qrMatrix encodes text at error correction level M (15 %: survives a
// scratch) and returns its modules, dark = true, without quiet zone.
func qrMatrix(text string) ([][]bool, error) {
	q, err := qrcode.NewWith(text, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, err
	}
	var w matrixWriter
	if err := q.Save(&w); err != nil {
		return nil, err
	}
	return w.bitmap, nil
}

type matrixWriter struct{ bitmap [][]bool }

func (m *matrixWriter) Write(mat qrcode.Matrix) error { m.bitmap = mat.Bitmap(); return nil }
func (m *matrixWriter) Close() error                  { return nil }

// qrQuiet is the quiet zone, in modules, the QR standard asks around a code.
const qrQuiet = 4

// drawQR draws the code, quiet zone included, as vector squares in a
// square of side mm at (x, y): sharp at any printer resolution.
func drawQR(p *fpdf.Fpdf, bits [][]bool, x, y, side float64) {
	n := len(bits)
	if n == 0 {
		return
	}
	module := side / float64(n+2*qrQuiet)
	ox, oy := x+qrQuiet*module, y+qrQuiet*module
	p.SetFillColor(0, 0, 0)
	for r, row := range bits {
		// One rectangle per run of dark modules: fewer objects, no
		// hairline gaps between neighbours.
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			// A hair taller than a module: rows overlap instead of showing
			// a white seam in anti-aliased viewers.
			p.Rect(ox+float64(start)*module, oy+float64(r)*module, float64(c-start)*module, module+0.02, "F")
		}
	}
}
