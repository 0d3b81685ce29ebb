// Package termui renders atelier's human output: tables that fit in 80
// columns, a few emphasised words, and JSON for scripts.
//
// Colour is used only when the writer is a terminal: a volunteer piping the
// output to a file or a script gets plain text.
package termui

import (
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
	widths := fitColumns(naturalWidths(rows, headers), Width(w), keep...)
	head := r.NewStyle().Bold(true).Padding(0, 1)
	cell := r.NewStyle().Padding(0, 1)
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(r.NewStyle().Foreground(lipgloss.Color("8"))).
		Headers(headers...).
		Rows(rows...).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := cell
			if row == table.HeaderRow {
				s = head
			}
			if col < len(widths) {
				// Width includes the padding in lipgloss v1.
				s = s.Width(widths[col] + 2)
			}
			return s
		})
	_, err := io.WriteString(w, t.Render()+"\n")
	return err
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
// table (borders and padding included) fits in total columns. A column never
// goes below 6 characters: past that a table is unreadable anyway.
func fitColumns(widths []int, total int, keep ...int) []int {
	out := append([]int(nil), widths...)
	const minWidth = 6
	tableWidth := func() int {
		n := 1
		for _, w := range out {
			n += w + 3 // padding on both sides plus one border
		}
		return n
	}
	for tableWidth() > total {
		widest := -1
		for i, w := range out {
			if w > minWidth && !slices.Contains(keep, i) && (widest < 0 || w > out[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		out[widest]--
	}
	return out
}

// KeyValues writes "key: value" lines with the keys aligned, for a record
// that is one thing rather than a list (unit show, probe summary).
func KeyValues(w io.Writer, pairs [][2]string) error {
	r := Renderer(w)
	key := r.NewStyle().Bold(true)
	width := 0
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
	return Renderer(w).NewStyle().Bold(true).Render(text)
}

// WriteJSON writes v as indented JSON followed by a newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
