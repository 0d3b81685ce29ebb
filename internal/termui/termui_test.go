package termui

import (
	"bytes"
	"strings"
	"testing"
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
