package termui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestTablePipedHasNoColourAndFits80(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{{"PCS-26-0001", "Dell", strings.Repeat("Latitude E6410 ", 10), "ready"}}
	if err := Table(&b, []string{"ID", "VENDOR", "MODEL", "STATE"}, rows); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "\x1b[") {
		t.Fatalf("piped table has escape codes:\n%q", out)
	}
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Fatalf("line is %d columns wide: %q", w, line)
		}
	}
	if !strings.Contains(out, "PCS-26-0001") {
		t.Fatalf("table lost a cell:\n%s", out)
	}
}

func TestSmallTableIsNotStretched(t *testing.T) {
	var b bytes.Buffer
	if err := Table(&b, []string{"A"}, [][]string{{"x"}}); err != nil {
		t.Fatal(err)
	}
	first := strings.Split(b.String(), "\n")[0]
	if len([]rune(first)) > 10 {
		t.Fatalf("a one-cell table was stretched: %q", first)
	}
}

func TestWideTableWrapsInsteadOfCutting(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{{"PCS-26-0005", "DQB0KEF001", "INV-2016-0105", "Acer Veriton Z4640G", "all-in-one"}}
	if err := Table(&b, []string{"Unit", "Serial", "Asset tag", "Machine", "Type"}, rows); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Fatalf("line is %d columns wide: %q", w, line)
		}
	}
	for _, word := range []string{"all-in-one", "INV-2016-0105", "DQB0KEF001"} {
		if !strings.Contains(out, word) {
			t.Errorf("%q was cut from the table:\n%s", word, out)
		}
	}
}

func TestKeptColumnIsNeverWrapped(t *testing.T) {
	var b bytes.Buffer
	serial := "1816640488546239"
	rows := [][]string{{"/dev/fake0", "Virtio Block Device of some length", serial, "274.9 GB", "hdd (virtio)", "yes: holds the running system and a mounted filesystem"}}
	if err := TableKeeping(&b, []string{"Path", "Model", "Serial", "Size", "Medium", "Protected"}, rows, 2); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), serial) {
		t.Fatalf("the serial was split:\n%s", b.String())
	}
}

// Headers wider than their narrowed column wrap between words, like the
// cells, instead of being cut ("Numéro de" for "Numéro de série"); the rule
// under them stays under the whole header, and no line is wider than 80.
func TestTableWrapsLongHeaders(t *testing.T) {
	var b bytes.Buffer
	headers := []string{"Numéro de série", "Dernière modification", "Taille de l'image", "Système d'exploitation", "Lieu d'origine"}
	rows := [][]string{{"5CG7281AAA", "26 novembre 2026 à 23h05", "12 Go", "Zorin OS 18.1 Core 64 bits", "MDH Village 2"}}
	if err := Table(&b, headers, rows); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for _, word := range []string{"série", "modification", "l'image", "d'exploitation", "d'origine"} {
		if !strings.Contains(out, word) {
			t.Errorf("header word %q cut:\n%s", word, out)
		}
	}
	rule := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "├") {
			rule = i
		}
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
	if rule < 0 || !strings.Contains(strings.Join(lines[:rule], "\n"), "d'exploitation") || !strings.Contains(lines[rule+1], "5CG7281AAA") {
		t.Errorf("the rule is not between the whole header and the first row:\n%s", out)
	}
	// A table whose headers fit is drawn as before: one header line.
	b.Reset()
	Table(&b, []string{"Disk", "Size"}, [][]string{{"fake", "500 GB"}})
	want := "┌──────┬────────┐\n│ Disk │ Size   │\n├──────┼────────┤\n│ fake │ 500 GB │\n└──────┴────────┘\n"
	if b.String() != want {
		t.Errorf("short table:\n%s\nwant:\n%s", b.String(), want)
	}
}
