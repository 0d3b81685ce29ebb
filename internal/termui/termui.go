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

// Table writes rows under headers as a bordered table. Long cells are
// wrapped so the table stays within Width(w).
func Table(w io.Writer, headers []string, rows [][]string) error {
	r := Renderer(w)
	head := r.NewStyle().Bold(true).Padding(0, 1)
	cell := r.NewStyle().Padding(0, 1)
	t := table.New().
		Border(lipgloss.NormalBorder()).
		BorderStyle(r.NewStyle().Foreground(lipgloss.Color("8"))).
		Headers(headers...).
		Rows(rows...).
		Width(Width(w)).
		StyleFunc(func(row, col int) lipgloss.Style {
			if row == table.HeaderRow {
				return head
			}
			return cell
		})
	_, err := io.WriteString(w, fitWidth(t, rows, headers, Width(w))+"\n")
	return err
}

// fitWidth lets lipgloss shrink the table only when it would not fit:
// lipgloss stretches a table to its Width otherwise.
func fitWidth(t *table.Table, rows [][]string, headers []string, width int) string {
	natural := naturalWidth(rows, headers)
	if natural <= width {
		t.Width(0)
	}
	return t.Render()
}

func naturalWidth(rows [][]string, headers []string) int {
	widths := make([]int, len(headers))
	for i, h := range headers {
		widths[i] = lipgloss.Width(h)
	}
	for _, row := range rows {
		for i, c := range row {
			if i < len(widths) && lipgloss.Width(c) > widths[i] {
				widths[i] = lipgloss.Width(c)
			}
		}
	}
	total := 1
	for _, w := range widths {
		total += w + 3 // padding on both sides plus one border
	}
	return total
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
