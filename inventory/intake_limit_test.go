package inventory

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// TestIntakeBoundFitsLargeExports: the bound on a computer list leaves room
// for a 10,000-row export with dozens of wide columns (1.7 KiB a row), and
// refuses a stream one byte past it.
func TestIntakeBoundFitsLargeExports(t *testing.T) {
	var b bytes.Buffer
	writeGLPIExport(&b, 0, 10000)
	narrow := b.Len()
	b.Reset()
	extra := make([]string, 38) // 12 real columns + 38 wide ones
	for i := range extra {
		extra[i] = fmt.Sprintf("\"Colonne %d\"", i)
	}
	b.WriteString("\ufeff\"Nom\";\"Numéro de série\";\"Fabricant\";\"Modèle\";\"Type\";\"Processeur\";" + strings.Join(extra, ";") + ";\n")
	for n := 1; n <= 10000; n++ {
		fmt.Fprintf(&b, "\"ECH-PC-%06d\";\"SN%08d\";\"Dell Inc.\";\"Latitude E6410\";\"Portable\";\"Intel(R) Core(TM) i5-520M CPU @ 2.40GHz\"", n, n)
		for range extra {
			b.WriteString(";\"Hôtel de ville > 2e étage, bureau 214\"")
		}
		b.WriteString(";\n")
	}
	wide := b.Len()
	t.Logf("10,000 rows: %d bytes with 12 columns, %d bytes with 44", narrow, wide)
	if wide*3 > MaxIntakeBytes {
		t.Fatalf("a wide 10,000-row export (%d bytes) uses more than a third of the %d-byte bound", wide, MaxIntakeBytes)
	}
	rows, err := ParseHardwareList(bytes.NewReader(b.Bytes()), "wide.csv")
	if err != nil || len(rows) != 10000 {
		t.Fatalf("wide export: %d rows, %v", len(rows), err)
	}
	_, err = ParseHardwareList(bytes.NewReader(make([]byte, MaxIntakeBytes+1)), "huge.csv")
	if !fsread.IsRefusal(err) || !strings.Contains(err.Error(), "huge.csv") {
		t.Fatalf("a stream past the bound: %v", err)
	}
}
