package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
)

// In an 80-column table the serial, which the operator types back to
// confirm a wipe, stays on one line, every protection reason is shown, and
// French gets its header whole and sizes in Go.
func TestDisksTableKeepsSerialAndEveryReason(t *testing.T) {
	disks := []imaging.BlockDevice{{Path: "/dev/fake-nvme", Vendor: "Samsung", Model: "SSD 970 EVO Plus 1TB with a long model name",
		Serial: "S4EWNX0R123456789012", SizeBytes: 1_000_204_886_016, Medium: "nvme", Transport: "pcie", Protected: true,
		ProtectedReasons: []string{"holds the running system (/)", "is used as swap (/dev/fake-nvmep3)"}},
		{Path: "/dev/fake-hdd", Model: "ST500DM002", Serial: "Z3T0ABCD", SizeBytes: 2_147_483_648, Medium: "hdd", Transport: "sata"}}
	for _, lang := range []string{"en", "fr"} {
		var out bytes.Buffer
		g := &globals{stdout: &out, langFlag: lang}
		if err := renderDisks(g, disks); err != nil {
			t.Fatal(err)
		}
		text := out.String()
		for _, line := range strings.Split(text, "\n") {
			if w := len([]rune(line)); w > 80 {
				t.Errorf("%s: line of %d columns: %q", lang, w, line)
			}
		}
		for _, want := range []string{"S4EWNX0R123456789012", "Z3T0ABCD"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: serial %s split or missing:\n%s", lang, want, text)
			}
		}
		flat := strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(text)), " ")
		if !strings.Contains(flat, "swap") || strings.Contains(flat, "more") || strings.Contains(flat, "autres") {
			t.Errorf("%s: not every reason shown:\n%s", lang, text)
		}
		switch lang {
		case "en":
			if !strings.Contains(text, "1.0 TB") || !strings.Contains(text, "2.1 GB") {
				t.Errorf("en sizes:\n%s", text)
			}
		case "fr":
			if !strings.Contains(text, "Périphérique") || !strings.Contains(text, "1,0\u202fTo") || !strings.Contains(text, "2,1\u202fGo") {
				t.Errorf("fr header or sizes:\n%s", text)
			}
		}
	}
}

// disks lists devices in the order a person counts them: loop2 before
// loop10 (the kernel's order of names put loop10 first).
func TestDisksNaturalOrder(t *testing.T) {
	names := []string{"diskb", "loop10", "fakenvme10n1", "loop2", "diska", "fakenvme2n1", "loop1", "fakemmc0", "loop", "diskaa"}
	slices.SortFunc(names, naturalCompare)
	want := "diska diskaa diskb fakemmc0 fakenvme2n1 fakenvme10n1 loop loop1 loop2 loop10"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("order %q, want %q", got, want)
	}
}
