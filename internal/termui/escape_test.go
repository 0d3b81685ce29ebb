package termui

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are the sequences an old ledger, an imported bundle or a forged
// DMI string could hold: OSC 52 (writes the clipboard), CSI (erases the
// screen, moves the cursor), BEL, the 8-bit CSI (U+009B), a right-to-left
// override, a zero-width space, DEL and a byte that is not UTF-8.
var hostile = []struct{ in, want string }{
	{"MDH \x1b]52;c;ZWNobyBoaQ==\x07Village 2", `MDH \x1b]52;c;ZWNobyBoaQ==\x07Village 2`},
	{"ok\x1b[2J\x1b[1;1Hpassed", `ok\x1b[2J\x1b[1;1Hpassed`},
	{"bell\x07", `bell\x07`},
	{"c1 \u009b31mred", `c1 \x9b31mred`},
	{"MDH \u202e2 egalliV", `MDH \u202e2 egalliV`},
	{"SN\u200b123", `SN\u200b123`},
	{"del\x7f", `del\x7f`},
	{"latin1 \xe9t\xe9", `latin1 \xe9t\xe9`},
	{"two\nlines\ttab\r", `two\x0alines\x09tab\x0d`},
	{"tag \U000e0041", `tag \U000e0041`},
	{"Échirolles — 41\u202f%", "Échirolles — 41\u202f%"}, // ordinary text is untouched
}

// noControl fails when s holds a character a terminal would act on.
func noControl(t *testing.T, what, s string, keepLines bool) {
	t.Helper()
	for i, r := range s {
		if r == '\n' && keepLines {
			continue
		}
		if unsafe(r) || r == utf8.RuneError {
			t.Errorf("%s: %U at byte %d in %q", what, r, i, s)
			return
		}
	}
}

func TestEscape(t *testing.T) {
	for _, c := range hostile {
		got := Escape(c.in)
		if got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
		noControl(t, "Escape", got, false)
	}
	s := "plain ASCII, nothing to do"
	if got := Escape(s); got != s {
		t.Errorf("%q", got)
	}
}

// Tables, key/value lists, headings and status words escape every cell:
// what a site name or a note holds is shown, never obeyed.
func TestRenderersEscape(t *testing.T) {
	for _, c := range hostile {
		var b bytes.Buffer
		if err := Table(&b, []string{"NAME", "NOTE"}, [][]string{{c.in, "ok"}, {"x", c.in}}); err != nil {
			t.Fatal(err)
		}
		if err := KeyValues(&b, [][2]string{{"Site", c.in}, {c.in, "v"}}); err != nil {
			t.Fatal(err)
		}
		b.WriteString(Heading(&b, c.in) + Status(&b, c.in, "bad") + "\n")
		out := b.String()
		noControl(t, "rendered", out, true)
		if !strings.Contains(out, strings.SplitN(c.want, `\x0a`, 2)[0]) {
			t.Errorf("%q not shown escaped:\n%s", c.in, out)
		}
	}
	// A cell of several lines (wrapped text) stays several lines.
	var b bytes.Buffer
	if err := Table(&b, []string{"A"}, [][]string{{"one\ntwo"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "│ one │") || !strings.Contains(b.String(), "│ two │") {
		t.Errorf("multi-line cell:\n%s", b.String())
	}
}

// With colours on, the colour sequences of a Status word are kept; any
// other sequence is escaped.
func TestEscapeKeepsOnlyColours(t *testing.T) {
	in := "\x1b[1;31mFAILED\x1b[0m \x1b]52;c;aGk=\x07 \x1b[2J"
	want := "\x1b[1;31mFAILED\x1b[0m \\x1b]52;c;aGk=\\x07 \\x1b[2J"
	if got := EscapeText(in); got != want {
		t.Errorf("EscapeText = %q, want %q", got, want)
	}
	if got := escape(in, true, false); strings.Contains(got, "\x1b") {
		t.Errorf("colours kept without colour: %q", got)
	}
}

// encoding/json escapes C0, U+2028 and U+2029 only: DEL, C1 controls and
// bidi overrides come out raw. WriteJSON escapes them, and the document
// still decodes to the same value.
func TestJSONEscapesWhatEncodingJSONLeaves(t *testing.T) {
	v := map[string]string{"site": "MDH \x1b]52;c;aGk=\x07 \u009b2J \u202eX \x7f \u200b \U000e0041 é"}
	raw, _ := json.Marshal(v)
	if !bytes.Contains(raw, []byte("\u009b")) || !bytes.Contains(raw, []byte("\u202e")) || !bytes.Contains(raw, []byte{0x7f}) {
		t.Fatalf("encoding/json escaped them itself now: %q", raw)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	noControl(t, "WriteJSON", b.String(), true)
	for _, esc := range []string{`\u001b]52`, `\u0007`, `\u009b`, `\u202e`, `\u007f`, `\u200b`, `\udb40\udc41`, "é"} {
		if !strings.Contains(b.String(), esc) {
			t.Errorf("%s missing from %s", esc, b.String())
		}
	}
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back["site"] != v["site"] {
		t.Errorf("round trip: %q, %v", back["site"], err)
	}
}

// JSONWriter escapes a document written in pieces cut anywhere, even in
// the middle of a character.
func TestJSONWriterAcrossWrites(t *testing.T) {
	doc, _ := json.Marshal([]string{"a\u202eb", "Échirolles", "\u009b", "\U000e0041"})
	want := string(EscapeJSON(doc))
	for cut := 1; cut < len(doc); cut++ {
		var b bytes.Buffer
		w := NewJSONWriter(&b)
		for i := 0; i < len(doc); i += cut {
			end := min(i+cut, len(doc))
			if n, err := w.Write(doc[i:end]); err != nil || n != end-i {
				t.Fatal(n, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Fatalf("cut every %d bytes: %q, want %q", cut, b.String(), want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, c := range hostile {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		noControl(t, "Escape", Escape(s), false)
		noControl(t, "EscapeText", escape(s, true, false), true)
		if Escape(Escape(s)) != Escape(s) {
			t.Fatalf("not idempotent on %q", s)
		}
		doc, err := json.Marshal(s)
		if err != nil {
			return
		}
		esc := EscapeJSON(doc)
		noControl(t, "EscapeJSON", string(esc), false)
		var back string
		if err := json.Unmarshal(esc, &back); err != nil {
			t.Fatalf("EscapeJSON broke the JSON of %q: %v", s, err)
		}
		var want string
		json.Unmarshal(doc, &want)
		if back != want {
			t.Fatalf("EscapeJSON changed the value: %q, want %q", back, want)
		}
	})
}

func TestSafeWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewSafeWriter(&b)
	if n, err := w.Write([]byte("/dev/fake0: \x1b[2K\rSamsung SSD\u202e, serial S3Z9\n")); err != nil || n != 45 {
		t.Fatal(n, err)
	}
	if got := b.String(); got != `/dev/fake0: \x1b[2K\x0dSamsung SSD\u202e, serial S3Z9`+"\n" {
		t.Errorf("%q", got)
	}
}
