package reports

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"

	"github.com/pcsolidaire/atelier/inventory"
)

// CSV files atelier writes open in a French spreadsheet as they are: UTF-8
// with a byte-order mark (else Excel reads Windows-1252), ';' between cells
// (',' is the decimal separator there), CRLF line ends. A cell that starts
// with '=', '+', '-' or '@' (or a tab or carriage return, which some
// spreadsheets skip before reading a formula) would run as a formula when
// opened (CSV injection, OWASP): it is written with a leading apostrophe,
// which spreadsheets show as text and hide.

// utf8BOM is the byte-order mark that tells spreadsheets the file is UTF-8.
const utf8BOM = "\ufeff"

// CSVWriter writes spreadsheet-safe CSV.
type CSVWriter struct {
	bw *bufio.Writer
	w  *csv.Writer
}

// NewCSVWriter starts a CSV file on w, writing the byte-order mark.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(utf8BOM); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	return &CSVWriter{bw: bw, w: cw}, nil
}

// Write writes one row, each cell neutralised.
func (c *CSVWriter) Write(cells ...string) error {
	row := make([]string, len(cells))
	for i, s := range cells {
		row[i] = NeutralizeCell(s)
	}
	return c.w.Write(row)
}

// Flush writes what is buffered and reports any error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// NeutralizeCell keeps a cell from being read as a formula.
func NeutralizeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	// Full-width variants some spreadsheets also take as operators.
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}

// WriteUnitsCSV writes units as `unit list --csv` shows them, with column
// names in the language of o.
func WriteUnitsCSV(w io.Writer, units []inventory.Unit, o DocOptions) error {
	c, err := NewCSVWriter(w)
	if err != nil {
		return err
	}
	head := []string{"csv.id", "csv.serial", "csv.asset", "csv.vendor", "csv.model", "csv.type", "csv.state",
		"csv.site", "csv.batch", "csv.donor", "csv.grade", "csv.received", "csv.since"}
	for i, k := range head {
		head[i] = o.T(k)
	}
	if err := c.Write(head...); err != nil {
		return err
	}
	for _, u := range units {
		if err := c.Write(u.ID, u.Serial, u.AssetTag, u.Vendor, u.Model, o.UnitType(u.Type), o.T("state."+u.State), u.Site,
			u.Batch, u.Donor, u.Grade, o.ShortDate(u.ReceivedAt), o.ShortDate(u.StateSince)); err != nil {
			return err
		}
	}
	return c.Flush()
}
