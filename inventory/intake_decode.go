package inventory

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// intakeMaxRecordBytes bounds one CSV record. A computer list row is a few
// hundred bytes; a "record" of a mebibyte is a quote that never closes or a
// file that is not a CSV at all, and refusing it early keeps memory bounded
// even on a 50 MB file.
const intakeMaxRecordBytes = 1 << 20

// Encodings the decoder settles on. Old GLPI and OCS exports (and CSVs saved
// by Excel) are Windows-1252; newer ones are UTF-8, often with a BOM.
const (
	intakeEncASCII  = iota // only ASCII so far: both readings agree
	intakeEncUTF8          // a valid multi-byte UTF-8 sequence was seen
	intakeEncCP1252        // an invalid UTF-8 byte came first: Latin-1 export
)

// intakeDecoder turns the export's bytes into UTF-8, one pass, constant
// memory. The whole-file rule "UTF-8 if valid, else Windows-1252" is decided
// on the first non-ASCII byte: everything before it is ASCII, which both
// encodings read the same way. A file that mixes valid UTF-8 with invalid
// bytes (a hand-edited export) has no single reading: those lines are
// reported as unreadable. Control characters other than tab, CR and LF mean
// binary data, also reported by line.
//
// It also counts physical lines (as encoding/csv does) and tracks quote
// parity so that a record growing past intakeMaxRecordBytes (an unterminated
// quote) stops the read with the line where that record began.
type intakeDecoder struct {
	enc         int
	line        int
	inQuote     bool
	recordStart int
	recordBytes int
	bad         []IntakeRowError // encoding problems, by line, at most one per line
	badTotal    int
	lastBadLine int
}

func newIntakeDecoder() *intakeDecoder {
	return &intakeDecoder{line: 1, recordStart: 1}
}

// Reset is part of transform.Transformer; a decoder reads one file only.
func (d *intakeDecoder) Reset() {}

func (d *intakeDecoder) markBad(key string, args ...any) {
	if d.line == d.lastBadLine {
		return
	}
	d.lastBadLine = d.line
	d.badTotal++
	if len(d.bad) < intakeMaxListed {
		d.bad = append(d.bad, IntakeRowError{Line: d.line, Key: key, Args: args})
	}
}

func (d *intakeDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		if len(dst)-nDst < utf8.UTFMax {
			return nDst, nSrc, transform.ErrShortDst
		}
		b := src[nSrc]
		d.recordBytes++
		if d.recordBytes > intakeMaxRecordBytes {
			return nDst, nSrc, &IntakeRowError{Line: d.recordStart, Key: "intake.row.too_long", Args: []any{intakeMaxRecordBytes >> 20}}
		}
		if b < utf8.RuneSelf {
			switch {
			case b == '\n':
				d.line++
				if !d.inQuote {
					d.recordStart, d.recordBytes = d.line, 0
				}
			case b == '"':
				d.inQuote = !d.inQuote
			case b < 0x20 && b != '\t' && b != '\r', b == 0x7f:
				d.markBad("intake.row.control", b)
			}
			dst[nDst] = b
			nDst++
			nSrc++
			continue
		}
		if d.enc != intakeEncCP1252 {
			r, size := utf8.DecodeRune(src[nSrc:])
			if r != utf8.RuneError || size > 1 {
				d.enc = intakeEncUTF8
				nDst += copy(dst[nDst:], src[nSrc:nSrc+size])
				nSrc += size
				d.recordBytes += size - 1
				continue
			}
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				d.recordBytes-- // counted again when the rest arrives
				return nDst, nSrc, transform.ErrShortSrc
			}
			if d.enc == intakeEncUTF8 {
				d.markBad("intake.row.mixed_encoding", b)
				nDst += utf8.EncodeRune(dst[nDst:], utf8.RuneError)
				nSrc++
				continue
			}
			d.enc = intakeEncCP1252
		}
		nDst += utf8.EncodeRune(dst[nDst:], charmap.Windows1252.DecodeByte(b))
		nSrc++
	}
	return nDst, nSrc, nil
}

// intakeOpen peels what sits in front of the CSV text: a UTF-16 byte order
// mark (Excel's "Unicode text" export) is decoded, a UTF-8 one dropped.
// It reports binary files: a NUL byte in the first block, without a UTF-16
// BOM, is no text export.
func intakeOpen(r io.Reader, d *intakeDecoder) (io.Reader, string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, "", err
	}
	var src io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		src = transform.NewReader(br, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
		d.enc = intakeEncUTF8
	case bytes.IndexByte(head, 0) >= 0:
		return nil, "intake.file.binary", nil
	}
	return transform.NewReader(src, d), "", nil
}
