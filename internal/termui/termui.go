// Package termui renders atelier's human output: tables that fit in 80
// columns, a few emphasised words, and JSON for scripts.
//
// Colour is used only when the writer is a terminal: a volunteer piping the
// output to a file or a script gets plain text.
package termui

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/muesli/termenv"
	"golang.org/x/term"
)

// IsTerminal reports whether w is an interactive terminal.
func IsTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Renderer builds lipgloss styles for one writer, with colour only when that
// writer is a terminal and NO_COLOR is unset.
func Renderer(w io.Writer) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w)
	if !IsTerminal(w) || os.Getenv("NO_COLOR") != "" {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}

// Width is the width to lay tables out in: the terminal's, else 80.
func Width(w any) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 20 {
			return cols
		}
	}
	return 80
}

// Table writes rows under headers as a bordered table. When the table would
// be wider than Width(w), the widest columns are narrowed and their cells
// wrapped, so nothing is cut off.
func Table(w io.Writer, headers []string, rows [][]string) error {
	return TableKeeping(w, headers, rows)
}

// TableKeeping is Table where the columns numbered in keep are never
// narrowed: a serial number a volunteer must read back, or an id, stays on
// one line and the other columns wrap instead.
func TableKeeping(w io.Writer, headers []string, rows [][]string, keep ...int) error {
	r := Renderer(w)
	headers, rows = escapeTable(r, headers, rows)
	widths := fitColumns(naturalWidths(rows, headers), headerWords(headers), Width(w), keep...)
	head := r.NewStyle().Bold(true).Padding(0, 1)
	cell := r.NewStyle().Padding(0, 1)
	// The headers go in as the first row, not as lipgloss headers: lipgloss
	// cuts a header to one line ("Numéro de" for "Numéro de série") where
	// a row wraps. The rule under them is put back after rendering.
	width := func(s lipgloss.Style, col int) lipgloss.Style {
		if col < len(widths) {
			// Width includes the padding in lipgloss v1.
			s = s.Width(widths[col] + 2)
		}
		return s
	}
	headHeight := 1
	for i, h := range headers {
		headHeight = max(headHeight, lipgloss.Height(width(head, i).Render(h)))
	}
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(r.NewStyle().Foreground(lipgloss.Color("8"))).
		Rows(append([][]string{headers}, rows...)...).
		StyleFunc(func(row, col int) lipgloss.Style {
			if row == 0 {
				return width(head, col)
			}
			return width(cell, col)
		})
	_, err := io.WriteString(w, headerRule(t.Render(), headHeight)+"\n")
	return err
}

// headerRule draws the rule under the header row, headHeight lines high,
// of a rendered table: the top border with its corners and joints turned
// into tees and crosses.
func headerRule(table string, headHeight int) string {
	lines := strings.Split(table, "\n")
	if len(lines) < headHeight+2 {
		return table
	}
	rule := strings.NewReplacer("┌", "├", "┬", "┼", "┐", "┤").Replace(lines[0])
	lines = slices.Insert(lines, 1+headHeight, rule)
	return strings.Join(lines, "\n")
}

// escapeTable escapes every cell (Escape, keeping line breaks). With
// colours on, the colour sequences of a Status word in a cell are kept;
// without, no cell can hold a legitimate one and none is kept. The
// caller's slices are left alone; a table with nothing to escape is not
// copied.
func escapeTable(r *lipgloss.Renderer, headers []string, rows [][]string) ([]string, [][]string) {
	colour := r.ColorProfile() != termenv.Ascii
	// cells escapes one row, copying it only when a cell changes.
	cells := func(in []string) ([]string, bool) {
		var out []string
		for i, c := range in {
			if e := escape(c, true, colour); e != c {
				if out == nil {
					out = append([]string(nil), in...)
				}
				out[i] = e
			}
		}
		return out, out != nil
	}
	if h, changed := cells(headers); changed {
		headers = h
	}
	var out [][]string
	for i, row := range rows {
		if e, changed := cells(row); changed {
			if out == nil {
				out = append([][]string(nil), rows...)
			}
			out[i] = e
		}
	}
	if out == nil {
		return headers, rows
	}
	return headers, out
}

// naturalWidths is each column's widest cell, header included.
func naturalWidths(rows [][]string, headers []string) []int {
	widths := make([]int, len(headers))
	for i, h := range headers {
		widths[i] = lipgloss.Width(h)
	}
	for _, row := range rows {
		for i, c := range row {
			for _, line := range strings.Split(c, "\n") {
				if i < len(widths) && lipgloss.Width(line) > widths[i] {
					widths[i] = lipgloss.Width(line)
				}
			}
		}
	}
	return widths
}

// fitColumns narrows the widest column, one character at a time, until the
// table (borders and padding included) fits in total columns. A column is
// first kept as wide as the longest word of its header (floors), so that a
// header wraps between words; only if the table still does not fit does it
// go down to 6 characters: past that a table is unreadable anyway.
func fitColumns(widths, floors []int, total int, keep ...int) []int {
	out := append([]int(nil), widths...)
	const minWidth = 6
	tableWidth := func() int {
		n := 1
		for _, w := range out {
			n += w + 3 // padding on both sides plus one border
		}
		return n
	}
	narrow := func(floor func(i int) int) {
		for tableWidth() > total {
			widest := -1
			for i, w := range out {
				if w > floor(i) && !slices.Contains(keep, i) && (widest < 0 || w > out[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				return
			}
			out[widest]--
		}
	}
	narrow(func(i int) int {
		if i < len(floors) {
			return max(minWidth, floors[i])
		}
		return minWidth
	})
	narrow(func(int) int { return minWidth })
	return out
}

// headerWords is the width of each header's longest word.
func headerWords(headers []string) []int {
	out := make([]int, len(headers))
	for i, h := range headers {
		for _, word := range strings.Fields(h) {
			out[i] = max(out[i], lipgloss.Width(word))
		}
	}
	return out
}

// KeyValues writes "key: value" lines with the keys aligned, for a record
// that is one thing rather than a list (unit show, probe summary).
func KeyValues(w io.Writer, pairs [][2]string) error {
	r := Renderer(w)
	key := r.NewStyle().Bold(true)
	colour := r.ColorProfile() != termenv.Ascii
	width := 0
	pairs = append([][2]string(nil), pairs...)
	for i, p := range pairs {
		pairs[i] = [2]string{escape(p[0], true, colour), escape(p[1], true, colour)}
	}
	for _, p := range pairs {
		if l := lipgloss.Width(p[0]); l > width {
			width = l
		}
	}
	for _, p := range pairs {
		pad := width - lipgloss.Width(p[0])
		line := key.Render(p[0]) + ":" + spaces(pad+1) + p[1] + "\n"
		if _, err := io.WriteString(w, line); err != nil {
			return err
		}
	}
	return nil
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

// Status colours a word by its meaning: good (green), warn (yellow),
// bad (red), anything else plain.
func Status(w io.Writer, word, meaning string) string {
	word = Escape(word)
	r := Renderer(w)
	s := r.NewStyle().Bold(true)
	switch meaning {
	case "good":
		s = s.Foreground(lipgloss.Color("2"))
	case "warn":
		s = s.Foreground(lipgloss.Color("3"))
	case "bad":
		s = s.Foreground(lipgloss.Color("1"))
	default:
		return word
	}
	return s.Render(word)
}

// Heading is a bold title line.
func Heading(w io.Writer, text string) string {
	return Renderer(w).NewStyle().Bold(true).Render(escape(text, true, false))
}

// WriteJSON writes v as indented JSON followed by a newline, with the
// characters a terminal acts on escaped (EscapeJSON).
func WriteJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(EscapeJSON(b.Bytes()))
	return err
}
