package inventory

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseComputerList feeds arbitrary bytes to the CSV import. Whatever the
// input: no panic; either units or an error, never both; every accepted unit
// has a serial, no serial twice, lines in increasing order, every field in
// normal form; a refusal names lines that exist and lists at most 20 of them.
func FuzzParseComputerList(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "intake", "*"))
	for _, p := range fixtures {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Serial;Model\nA;\"x\"\"y\"\nB;\"multi\nline\"\n"))
	f.Add([]byte("sep=,\nSN,Type\n1,Laptop\n"))
	f.Add([]byte("\xff\xfeS\x00N\x00\n\x00A\x00\n\x00"))
	f.Add([]byte("Num\xe9ro de s\xe9rie;Mod\xe8le\nX1;T\xe9l\xe9\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		units, err := ParseComputerList(bytes.NewReader(data), "f.csv")
		if err != nil {
			if units != nil {
				t.Fatalf("error %v with %d units", err, len(units))
			}
			var ie *IntakeError
			if !errors.As(err, &ie) {
				t.Fatalf("error of unexpected type %T: %v", err, err)
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			if len(ie.Rows) > intakeMaxListed || ie.Total < len(ie.Rows) || (ie.Key == "" && ie.Total == 0) {
				t.Fatalf("inconsistent refusal: %d rows listed, total %d, key %q", len(ie.Rows), ie.Total, ie.Key)
			}
			for _, r := range ie.Rows {
				if r.Line < 1 || r.Line > lines {
					t.Fatalf("bad row on line %d of a %d-line input", r.Line, lines)
				}
			}
			return
		}
		if len(units) == 0 {
			t.Fatal("no error and no units")
		}
		seen := map[string]bool{}
		last := 0
		for _, u := range units {
			k := strings.ToUpper(u.Serial)
			if strings.TrimSpace(u.Serial) == "" || seen[k] {
				t.Fatalf("accepted empty or repeated serial %q", u.Serial)
			}
			// One normal form with intake add: nothing invisible, NFC.
			for _, v := range []string{u.Serial, u.AssetTag, u.Vendor, u.Model} {
				if n, err := NormalizeIdentifier(FieldSerial, v); err != nil || n != v {
					t.Fatalf("accepted %q, not in normal form (%q, %v)", v, n, err)
				}
			}
			seen[k] = true
			if u.SourceLine <= last {
				t.Fatalf("line %d after line %d", u.SourceLine, last)
			}
			last = u.SourceLine
		}
	})
}
