package inventory

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// intakeMaxRows bounds one batch. A 50 MB GLPI export is about 200,000
// computers, more than any city hands over at once; a file with millions of
// rows is the wrong export (a software or log list), refused before it fills
// memory.
const intakeMaxRows = 500_000

// ParseComputerList reads a computer list exported by GLPI 10/11 or OCS
// Inventory (or saved by a spreadsheet) and returns one NewUnit per
// computer, with SourceLine set to the row's line in the file.
//
// The file is all or nothing: when any row is bad (no serial, a placeholder
// serial, a serial already on an earlier row, a wrong number of columns, a
// broken quote, unreadable bytes) the result is an *IntakeError naming every
// bad row (the first 20, then a count) and no units. file names the input in
// messages. The input is read once, in constant memory apart from the rows.
func ParseComputerList(r io.Reader, file string) ([]NewUnit, error) {
	fail := func(key string, args ...any) error {
		return &IntakeError{File: file, Key: key, Args: args}
	}
	dec := newIntakeDecoder()
	text, key, err := intakeOpen(r, dec)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	if key != "" {
		return nil, fail(key)
	}
	br := bufio.NewReaderSize(text, 64<<10)
	comma, skipLines, err := intakeSniff(br)
	if err != nil {
		return nil, intakeReadError(file, err)
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		return nil, fail("intake.file.empty")
	}
	if err != nil {
		return nil, intakeReadError(file, err)
	}
	header = append([]string(nil), header...)
	headerLine, _ := cr.FieldPos(0)
	headerLine += skipLines
	if dec.badTotal > 0 && dec.bad[0].Line <= headerLine {
		return nil, fail("intake.file.encoding")
	}
	cols := intakeFindColumns(header)
	if cols.serial < 0 {
		return nil, fail("intake.file.no_serial", intakeSerialShown, intakeListHeader(header))
	}
	if cols.serialTwin >= 0 {
		return nil, fail("intake.file.serial_twice", cols.serial+1, header[cols.serial], cols.serialTwin+1, header[cols.serialTwin])
	}

	var (
		units []NewUnit
		bad   intakeRowErrors
		seen  = make(map[string]int) // folded serial -> line
		quote *csv.ParseError        // a quote error waits: the next read tells if it ran to the end of the file
	)
	for {
		rec, err := cr.Read()
		if quote != nil {
			reason := "intake.row.bad_quote"
			if err == io.EOF {
				reason = "intake.row.unterminated_quote"
			}
			bad.add(quote.StartLine+skipLines, reason)
			quote = nil
		}
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		var re *IntakeRowError
		switch {
		case errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)):
			if errors.Is(pe.Err, csv.ErrBareQuote) {
				bad.add(pe.StartLine+skipLines, "intake.row.bare_quote")
			} else {
				quote = pe
			}
			continue
		case errors.As(err, &re):
			bad.add(re.Line, re.Key, re.Args...)
			return nil, intakeBadRows(file, dec, bad)
		case err != nil:
			return nil, intakeReadError(file, err)
		}
		line, _ := cr.FieldPos(0)
		line += skipLines
		if intakeBlank(rec) {
			continue // spreadsheets leave ";;;;" rows behind
		}
		if !intakeCheckWidth(rec, header) {
			bad.add(line, "intake.row.columns", intakeWidth(rec), intakeWidth(header))
			continue
		}
		u := intakeRow(rec, cols)
		u.SourceLine = line
		// The same normal form as intake add: NFC, no invisible character,
		// no personal data in the model; a composed and a decomposed "É"
		// are one serial.
		if err := normalizeNewUnit(&u); err != nil {
			last, _ := cr.FieldPos(len(rec) - 1)
			if !intakeDecoderFlagged(dec, line, last+skipLines) { // said once per line
				bad.add(line, "intake.row.invalid", err)
			}
			continue
		}
		switch k := strings.ToUpper(u.Serial); {
		case u.Serial == "":
			bad.add(line, "intake.row.no_serial")
		case intakePlaceholderSerial(u.Serial):
			bad.add(line, "intake.row.placeholder_serial", u.Serial)
		case intakeSpreadsheetMangled(u.Serial):
			bad.add(line, "intake.row.mangled_serial", u.Serial)
		case seen[k] != 0:
			bad.add(line, "intake.row.duplicate", u.Serial, seen[k])
		default:
			seen[k] = line
			if bad.total == 0 && dec.badTotal == 0 {
				units = append(units, u)
			}
		}
		if len(seen) > intakeMaxRows {
			return nil, fail("intake.file.too_many_rows", intakeMaxRows)
		}
	}
	if bad.total > 0 || dec.badTotal > 0 {
		return nil, intakeBadRows(file, dec, bad)
	}
	if len(units) == 0 {
		return nil, fail("intake.file.no_rows")
	}
	return units, nil
}

// intakeRow picks the kept fields of one record.
func intakeRow(rec []string, c intakeColumns) NewUnit {
	get := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		// A copy: the field would otherwise keep its whole CSV record alive,
		// five times the memory on a 200,000-row batch. Spaces are folded,
		// and invisible characters refused, by normalizeNewUnit.
		return strings.Clone(strings.TrimSpace(rec[i]))
	}
	u := NewUnit{
		Serial: get(c.serial),
		Vendor: get(c.vendor),
		Model:  get(c.model),
	}
	u.AssetTag = get(c.tag)
	u.Name = get(c.name)
	if u.AssetTag == "" {
		u.AssetTag = get(c.name)
	}
	if u.AssetTag == "" && c.name < 0 {
		if t := get(c.ocsTag); !intakePlaceholderSerial(t) {
			u.AssetTag = t
		}
	}
	u.Type, _ = NormalizeUnitType(get(c.typ))
	return u
}

// intakeDecoderFlagged reports whether the decoder already refused one of
// the lines from first to last (a control character is binary data to it).
func intakeDecoderFlagged(dec *intakeDecoder, first, last int) bool {
	for _, b := range dec.bad {
		if b.Line >= first && b.Line <= last {
			return true
		}
	}
	return false
}

// intakeCheckWidth accepts a row as wide as the header, allowing for the
// trailing delimiter GLPI and OCS put on every line being on the header or
// the rows only (an empty last field).
func intakeCheckWidth(rec, header []string) bool {
	n, h := len(rec), len(header)
	switch {
	case n == h:
		return true
	case n == h+1:
		return rec[n-1] == ""
	case n == h-1:
		return header[h-1] == ""
	}
	return false
}

// intakeWidth is the number of fields, not counting the empty one after a
// trailing delimiter.
func intakeWidth(rec []string) int {
	if n := len(rec); n > 1 && rec[n-1] == "" {
		return n - 1
	}
	return len(rec)
}

func intakeBlank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// intakeSniff finds the delimiter in the header line: the one of ';', ','
// and tab that occurs most often outside quotes (';' on a tie, GLPI's
// default). Excel's "sep=;" first line, when present, says it outright and
// is skipped; skip is the number of lines consumed.
func intakeSniff(br *bufio.Reader) (comma rune, skip int, err error) {
	peek, err := br.Peek(br.Size())
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return 0, 0, err
	}
	line := peek
	for len(line) > 0 {
		end := bytes.IndexByte(line, '\n')
		first := line
		if end >= 0 {
			first = line[:end]
		}
		first = bytes.TrimRight(first, "\r")
		if l := bytes.ToLower(first); bytes.HasPrefix(l, []byte("sep=")) && len(l) == 5 && strings.ContainsRune(";,\t|", rune(l[4])) {
			if _, err := br.Discard(end + 1); err != nil && end >= 0 {
				return 0, 0, err
			}
			return rune(l[4]), 1, nil
		}
		if len(bytes.TrimSpace(first)) > 0 || end < 0 {
			line = first
			break
		}
		line = line[end+1:]
	}
	counts := map[rune]int{}
	in := false
	for _, b := range line {
		switch {
		case b == '"':
			in = !in
		case !in && (b == ';' || b == ',' || b == '\t'):
			counts[rune(b)]++
		}
	}
	comma = ';'
	for _, c := range []rune{',', '\t'} {
		if counts[c] > counts[comma] {
			comma = c
		}
	}
	return comma, 0, nil
}

// intakeReadError turns a read failure into a message with the file name;
// the decoder's own refusals (a record too long) keep their line.
func intakeReadError(file string, err error) error {
	var re *IntakeRowError
	if errors.As(err, &re) {
		return &IntakeError{File: file, Rows: []IntakeRowError{*re}, Total: 1}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &IntakeError{File: file, Rows: []IntakeRowError{{Line: pe.StartLine, Key: "intake.row.bad_quote"}}, Total: 1}
	}
	return fmt.Errorf("read %s: %w", file, err)
}

// intakeBadRows merges the parser's bad rows with the decoder's unreadable
// lines, in file order, keeping the first intakeMaxListed.
func intakeBadRows(file string, dec *intakeDecoder, bad intakeRowErrors) error {
	rows := append(append([]IntakeRowError(nil), bad.rows...), dec.bad...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Line < rows[j].Line })
	if len(rows) > intakeMaxListed {
		rows = rows[:intakeMaxListed]
	}
	return &IntakeError{File: file, Rows: rows, Total: bad.total + dec.badTotal}
}

// intakeSerialShown are the serial column names a refusal quotes: one per
// exporter, so the technician recognises theirs.
const intakeSerialShown = "Numéro de série, Serial number, BIOS Serial number, SSN, S/N"

// intakeListHeader shows the columns a file has, for the "no serial column"
// message: enough to see a wrong file or a renamed column.
func intakeListHeader(header []string) string {
	var names []string
	for _, h := range header {
		if h = strings.TrimSpace(h); h != "" {
			names = append(names, h)
		}
	}
	if len(names) > 8 {
		names = append(names[:8], "...")
	}
	return strings.Join(names, ", ")
}
