package termui

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text from outside (a site name, a note, a disk's model, the events of an
// old ledger or an imported bundle) is printed through Escape: a terminal
// obeys the control characters it receives, so an OSC 52 sequence in a
// site name would write the reader's clipboard, a CSI sequence could erase
// the screen or move the cursor to forge a line, and a right-to-left
// override reorders what is shown. The ledger refuses them at entry; output
// escapes them anyway, for what was written before or elsewhere.

// unsafe reports whether printing r could make a terminal do something
// other than show a character: C0 controls, DEL, C1 controls (U+009B is a
// CSI in terminals that read 8-bit controls), format characters (bidi
// overrides, zero-width spaces), line and paragraph separators, and the
// other default-ignorable code points.
func unsafe(r rune) bool {
	if r < utf8.RuneSelf {
		return r < 0x20 || r == 0x7f
	}
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Other_Default_Ignorable_Code_Point)
}

// Escape shows every unsafe character of s as a Go escape (\x1b, \u202e)
// and every byte that is not UTF-8 as \xNN; the rest is unchanged, and
// text with nothing to escape is returned as is.
func Escape(s string) string { return escape(s, false, false) }

// sgrRE is a colour or bold sequence (Select Graphic Rendition), the only
// escape sequence termui's own styles write: it changes how text looks,
// never where it goes, the clipboard or the window title.
var sgrRE = regexp.MustCompile(`^\x1b\[[0-9;:]{0,32}m`)

// escape is Escape keeping line breaks (a cell of several lines) and, when
// keepSGR, the colour sequences termui.Status put in a cell.
func escape(s string, keepLines, keepSGR bool) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' && keepLines {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || size > 1) && !unsafe(r) {
				i += size
				continue
			}
		}
		if c == 0x1b && keepSGR {
			if m := sgrRE.FindString(s[i:]); m != "" {
				i += len(m)
				continue
			}
		}
		break
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c == 0x1b && keepSGR {
			if m := sgrRE.FindString(s[i:]); m != "" {
				b.WriteString(m)
				i += len(m)
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, c)
		case r == '\n' && keepLines:
			b.WriteByte('\n')
		case r < 0x100 && unsafe(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff && unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// EscapeText is Escape for a message that may hold termui's own colours
// (a word from Status inside a sentence) and several lines: line breaks and
// colour sequences are kept, every other unsafe character escaped.
func EscapeText(s string) string { return escape(s, true, true) }

// jsonUnsafe are the characters encoding/json writes raw although a
// terminal acts on them: DEL, the C1 controls and the format characters
// (it escapes only C0, U+2028 and U+2029).
func jsonUnsafe(r rune) bool { return r == 0x7f || r >= utf8.RuneSelf && unsafe(r) }

// EscapeJSON writes those characters of JSON text as \u escapes, so that
// `atelier ... --json` printed on a terminal is as inert as the human
// output. Such characters can only stand inside JSON strings, where the
// escape is the same character to any JSON reader.
func EscapeJSON(b []byte) []byte {
	out, _ := escapeJSON(nil, b, true)
	return out
}

// escapeJSON appends b to out with jsonUnsafe characters escaped; unless
// final, an incomplete UTF-8 sequence at the end is left over (its length
// returned) for the next write.
func escapeJSON(out, b []byte, final bool) ([]byte, int) {
	start := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf && c != 0x7f {
			i++
			continue
		}
		if !final && !utf8.FullRune(b[i:]) {
			return append(out, b[start:i]...), len(b) - i
		}
		r, size := utf8.DecodeRune(b[i:])
		invalid := r == utf8.RuneError && size == 1
		if !invalid && !jsonUnsafe(r) {
			i += size
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(b)+16)
		}
		out = append(out, b[start:i]...)
		if invalid {
			r = utf8.RuneError // a byte that is no character: shown as such
		}
		if r > 0xffff {
			r1, r2 := utf16Pair(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		} else {
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		i += size
		start = i
	}
	if out == nil {
		return b, 0
	}
	return append(out, b[start:]...), 0
}

func utf16Pair(r rune) (rune, rune) {
	r -= 0x10000
	return 0xd800 + (r>>10)&0x3ff, 0xdc00 + r&0x3ff
}

// JSONWriter escapes, as EscapeJSON, a JSON document written to it in
// pieces (unit list --json streams 100,000 units): a character cut between
// two writes is held until the next one.
type JSONWriter struct {
	w    io.Writer
	tail []byte
}

// NewJSONWriter writes to w.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: w} }

// Write escapes and writes p; it reports len(p) when all of it was taken.
func (j *JSONWriter) Write(p []byte) (int, error) {
	in := p
	if len(j.tail) > 0 {
		in = append(j.tail, p...)
		j.tail = nil
	}
	out, left := escapeJSON(nil, in, false)
	if left > 0 {
		j.tail = append([]byte(nil), in[len(in)-left:]...)
	}
	if _, err := j.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close writes what is held back (bytes that never became a character,
// which valid JSON never leaves).
func (j *JSONWriter) Close() error {
	if len(j.tail) == 0 {
		return nil
	}
	out, _ := escapeJSON(nil, j.tail, true)
	j.tail = nil
	_, err := j.w.Write(out)
	return err
}

// SafeWriter escapes, as EscapeText, what is written through it: for text
// another package prints straight to the terminal, such as the wipe and
// deploy confirmation naming a disk by the model and serial its firmware
// reports (a forged model could otherwise redraw the prompt).
type SafeWriter struct{ w io.Writer }

// NewSafeWriter writes to w.
func NewSafeWriter(w io.Writer) *SafeWriter { return &SafeWriter{w: w} }

// Write escapes p and writes it; it reports len(p) when all of it was
// written.
func (s *SafeWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.w, EscapeText(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
