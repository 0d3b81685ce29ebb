package inventory

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

func parseIntakeFixture(t *testing.T, name string) ([]NewUnit, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "intake", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ParseComputerList(f, name)
}

// Every fixture is a real export shape: what each computer becomes, and on
// which line of the file it was.
func TestIntakeParsesEveryExportShape(t *testing.T) {
	cases := map[string][]NewUnit{
		// GLPI 10, French, BOM, ';', all quoted, trailing ';', LF; a quoted
		// quote and a location on two lines (row 4 starts on line 4, row 5
		// on line 6). No inventory number on line 4: the GLPI name stands in.
		// The GLPI name ("Nom") is kept as the unit's name either way.
		"glpi10_fr.csv": {
			{Serial: "5CG7281XYZ", AssetTag: "INV-2019-0101", Name: "ECH-PC-0101", Vendor: "Dell Inc.", Model: "Latitude E6410", Type: "laptop", SourceLine: 2},
			{Serial: "CZC4150KQ2", AssetTag: "INV-2019-0102", Name: "ECH-PC-0102", Vendor: "Hewlett-Packard", Model: "HP EliteDesk 800 G1 SFF", Type: "desktop", SourceLine: 3},
			{Serial: "PF0ABCDE", AssetTag: "ECH-PC-0103", Name: "ECH-PC-0103", Vendor: "LENOVO", Model: "ThinkPad T460", Type: "laptop", SourceLine: 4},
			{Serial: "7XK2Q12", AssetTag: "INV-2015-0104", Name: "ECH-PC-0104", Vendor: "Dell Inc.", Model: "OptiPlex 7010", Type: "desktop", SourceLine: 6},
			{Serial: "DQB0KEF001", AssetTag: "INV-2016-0105", Name: "ECH-PC-0105", Vendor: "Acer", Model: "Veriton Z4640G", Type: "all-in-one", SourceLine: 7},
		},
		// GLPI 11, English headers, CRLF.
		"glpi11_en_crlf.csv": {
			{Serial: "JH7Q2L2", AssetTag: "A-1001", Name: "LAB-01", Vendor: "Dell Inc.", Model: "Latitude 5490", Type: "laptop", SourceLine: 2},
			{Serial: "MJ0GT4AB", AssetTag: "A-1002", Name: "LAB-02", Vendor: "LENOVO", Model: "ThinkCentre M720q", Type: "desktop", SourceLine: 3},
			{Serial: "0123456789012", AssetTag: "A-1003", Name: "LAB-03", Vendor: "Microsoft Corporation", Model: "Surface Pro 4", Type: "tablet", SourceLine: 4},
		},
		// A spreadsheet: ',' unquoted, upper-case headers, names as tags.
		"sheet_en_comma.csv": {
			{Serial: "R90LZ7KC", AssetTag: "PC-ACCUEIL", Name: "PC-ACCUEIL", Vendor: "LENOVO", Model: "ThinkPad L450", Type: "laptop", SourceLine: 2},
			{Serial: "8CG5203XYZ", AssetTag: "PC-COMPTA", Name: "PC-COMPTA", Vendor: "HP", Model: "ProBook 650 G1", Type: "laptop", SourceLine: 3},
			{Serial: "CZJ12345", AssetTag: "SRV-OLD", Name: "SRV-OLD", Vendor: "HP", Model: "ProLiant ML110 G7", Type: "server", SourceLine: 4},
		},
		// OCS: unquoted header, CRLF; TAG "NA" or empty -> the computer name.
		"ocs_export.csv": {
			{Serial: "4FQ2D32", AssetTag: "ECH-ADM-017", Name: "ECH-ADM-017", Vendor: "Dell Inc.", Model: "OptiPlex 3020", SourceLine: 2},
			{Serial: "CZC2111ABC", AssetTag: "ECH-ADM-044", Name: "ECH-ADM-044", Vendor: "Hewlett-Packard", Model: "HP Compaq 8200 Elite SFF PC", SourceLine: 3},
			{Serial: "2E123456H", AssetTag: "ECH-ECO-003", Name: "ECH-ECO-003", Vendor: "TOSHIBA", Model: "PORTEGE Z30-A", SourceLine: 4},
		},
		// Windows-1252: accents and the euro sign come out as UTF-8.
		"latin1_fr.csv": {
			{Serial: "YLPN012345", AssetTag: "ÉCOLE-01", Name: "ÉCOLE-01", Vendor: "Fujitsu", Model: "ESPRIMO P520", Type: "desktop", SourceLine: 2},
			{Serial: "PB1234ÇA", AssetTag: "CRÈCHE-02", Name: "CRÈCHE-02", Vendor: "Packard Bell", Model: "EasyNote TE11", Type: "laptop", SourceLine: 3},
		},
		// Excel's "sep=;" line is skipped but counted; a blank line too.
		"excel_sep.csv": {
			{Serial: "ABC123", Vendor: "Dell", Model: "Latitude E7450", Type: "laptop", SourceLine: 3},
			{Serial: "DEF456", Vendor: "HP", Model: "EliteBook 840 G2", Type: "laptop", SourceLine: 5},
		},
		"tabs.tsv": {
			{Serial: "TAB-001", Vendor: "ASUS", Model: "X550C", Type: "laptop", SourceLine: 2},
			{Serial: "TAB-002", Vendor: "ASUS", Model: "VivoMini UN45", Type: "mini", SourceLine: 3},
		},
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := parseIntakeFixture(t, name)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

// Every bad input aborts the whole file with "FILE line N: reason" lines,
// all of them, in file order, and no units.
func TestIntakeRefusesBadFiles(t *testing.T) {
	cases := map[string][]string{
		"empty.csv":       {"empty.csv: the file is empty"},
		"blank.csv":       {"blank.csv: the file is empty"},
		"header_only.csv": {"header_only.csv: no computers in the file (only a header line)"},
		"no_serial.csv": {"no_serial.csv: no serial number column (looked for: Numéro de série, Serial number, " +
			"BIOS Serial number, SSN, S/N...); columns found: Nom, Fabricant, Modèle, Lieu"},
		"bad_binary.csv": {"bad_binary.csv: unreadable encoding: binary data, not a CSV text export (export the computer list from GLPI or OCS as CSV)"},
		"bad_rows.csv": {
			"bad_rows.csv: 4 bad rows, nothing imported (fix them and import the file again)",
			"bad_rows.csv line 3: missing serial number",
			"bad_rows.csv line 4: duplicate serial number aaa111 (already on line 2)",
			`bad_rows.csv line 5: serial number "To Be Filled By O.E.M." is a placeholder, not the machine's serial`,
			"bad_rows.csv line 6: 8 columns, the header has 12",
		},
		"bad_quote.csv": {
			"bad_quote.csv: 1 bad row, nothing imported (fix it and import the file again)",
			"bad_quote.csv line 3: broken quoting: a quoted field on this line is not closed properly (a quote is missing or misplaced)",
		},
		"bad_unterminated.csv": {
			"bad_unterminated.csv: 1 bad row, nothing imported (fix it and import the file again)",
			"bad_unterminated.csv line 4: unterminated quote: a quoted field opened on this line is never closed",
		},
		"bad_mixed_encoding.csv": {
			"bad_mixed_encoding.csv: 1 bad row, nothing imported (fix it and import the file again)",
			"bad_mixed_encoding.csv line 3: unreadable encoding: byte 0xE9 is not UTF-8 while the rest of the file is",
		},
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			units, err := parseIntakeFixture(t, name)
			var ie *IntakeError
			if !errors.As(err, &ie) {
				t.Fatalf("want an *IntakeError, got %v (%d units)", err, len(units))
			}
			if units != nil {
				t.Errorf("a refused file still returned %d units", len(units))
			}
			if got := ie.Lines(i18n.EN); !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestIntakeErrorsInFrench(t *testing.T) {
	_, err := parseIntakeFixture(t, "bad_rows.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) {
		t.Fatal(err)
	}
	got := ie.Lines(i18n.FR)
	if got[0] != "bad_rows.csv\u202f: 4 lignes en erreur, rien n'a été importé (corrigez-les et importez de nouveau le fichier)" ||
		got[1] != "bad_rows.csv ligne 3\u202f: numéro de série manquant" {
		t.Errorf("French lines: %q", got[:2])
	}
}

// Past 20 bad rows the list stops and says how many more there are.
func TestIntakeListsTwentyBadRowsThenCounts(t *testing.T) {
	var b strings.Builder
	b.WriteString("Serial number;Model\n")
	for i := 0; i < 25; i++ {
		b.WriteString(";Latitude\n") // no serial, lines 2..26
	}
	_, err := ParseComputerList(strings.NewReader(b.String()), "list.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) {
		t.Fatal(err)
	}
	lines := ie.Lines(i18n.EN)
	if len(lines) != 22 || lines[20] != "list.csv line 21: missing serial number" || lines[21] != "and 5 more" {
		t.Errorf("lines: %q", lines)
	}
	if ie.Total != 25 {
		t.Errorf("total %d, want 25", ie.Total)
	}
}

// A quote that never closes in a big file stops at 1 MiB with the line it
// opened on, instead of reading the whole file into one field.
func TestIntakeRunawayQuoteIsBounded(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Serial number;Model\nS1;\"Latitude\nS2;x\n")
	for b.Len() < 3<<20 {
		b.WriteString("S3;Latitude E6410 with a long comment to fill the file\n")
	}
	_, err := ParseComputerList(&b, "big.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) {
		t.Fatal(err)
	}
	want := "big.csv line 2: row longer than 1 MiB: a quote opened here is never closed, or this is not a computer list"
	if lines := ie.RowLines(i18n.EN); len(lines) != 1 || lines[0] != want {
		t.Errorf("lines: %q", lines)
	}
}

// A 50 MB export (about 200,000 computers) is a normal DSI batch: it is read
// in one pass and every row comes back.
func TestIntakeReadsFiftyMegabytes(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB file")
	}
	var b bytes.Buffer
	n := writeGLPIExport(&b, 50<<20, 0)
	units, err := ParseComputerList(&b, "big.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != n || units[n-1].SourceLine != n+1 {
		t.Fatalf("%d units (want %d), last on line %d", len(units), n, units[len(units)-1].SourceLine)
	}
}

// writeGLPIExport writes a French GLPI 10 export of at least size bytes, or
// of rows computers when size is 0, and returns the number of computers.
func writeGLPIExport(b *bytes.Buffer, size, rows int) int {
	b.WriteString("\ufeff\"Nom\";\"Entité\";\"Statut\";\"Fabricant\";\"Numéro de série\";\"Type\";\"Modèle\";" +
		"\"Système d'exploitation - Nom\";\"Lieu\";\"Dernière modification\";\"Numéro d'inventaire\";\"Processeur\";\n")
	n := 0
	for (size > 0 && b.Len() < size) || (size == 0 && n < rows) {
		n++
		fmt.Fprintf(b, "\"ECH-PC-%06d\";\"Ville d'Échirolles\";\"Rebut\";\"Dell Inc.\";\"SN%08d\";\"Portable\";"+
			"\"Latitude E6410\";\"Windows 10 Professionnel\";\"Hôtel de ville > 2e étage\";\"2026-10-03 14:12\";"+
			"\"INV-%06d\";\"Intel(R) Core(TM) i5-520M CPU @ 2.40GHz\";\n", n, n, n)
	}
	return n
}

func TestNormalizeUnitType(t *testing.T) {
	for in, want := range map[string]string{
		"Portable": "laptop", "NOTEBOOK": "laptop", "Ordinateur de bureau": "desktop", "Tour": "desktop",
		"Tower": "desktop", "Mini Tower": "desktop", "All-in-One": "all-in-one", "Tout-en-un": "all-in-one",
		"Mini PC": "mini", "Tablette": "tablet", "Serveur": "server", "": "",
	} {
		if got, ok := NormalizeUnitType(in); got != want || !ok {
			t.Errorf("NormalizeUnitType(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got, ok := NormalizeUnitType("Imprimante"); got != "other" || ok {
		t.Errorf("unknown type: %q, %v", got, ok)
	}
}

// BenchmarkIntakeParse10k is the parser's share of a 10,000-row import.
func BenchmarkIntakeParse10k(b *testing.B) {
	var buf bytes.Buffer
	writeGLPIExport(&buf, 0, 10000)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if units, err := ParseComputerList(bytes.NewReader(data), "glpi.csv"); err != nil || len(units) != 10000 {
			b.Fatalf("%v, %d units", err, len(units))
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// Header names are matched whatever their case, accents, punctuation and
// spacing; GLPI's "Ordinateur - " prefix is the computer's own field, while
// "Système d'exploitation - Nom" is not the computer's name.
func TestIntakeHeaderVariants(t *testing.T) {
	for _, header := range []string{
		"NUMERO DE SERIE;MODELE", "numéro_de_série;modèle", "N°Serie;Model", "  Serial Number ;Model",
		"Ordinateur - Numéro de série;Ordinateur - Modèle", "SSN;Model", "S/N;Model",
	} {
		units, err := ParseComputerList(strings.NewReader(header+"\nX1;Latitude\n"), "h.csv")
		if err != nil || len(units) != 1 || units[0].Serial != "X1" || units[0].Model != "Latitude" {
			t.Errorf("header %q: %+v, %v", header, units, err)
		}
	}
	units, err := ParseComputerList(strings.NewReader("Système d'exploitation - Nom;Serial\nWindows 10;X1\n"), "h.csv")
	if err != nil || units[0].AssetTag != "" {
		t.Errorf("OS name taken as the asset name: %+v, %v", units, err)
	}
}

// Excel's "Unicode text" export is UTF-16 with a byte order mark, tab
// separated: decoded like any other.
func TestIntakeUTF16(t *testing.T) {
	text := "Numéro de série\tModèle\r\nÉ-42\tLatitude\r\n"
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, r := range text {
		b.Write([]byte{byte(r), byte(r >> 8)})
	}
	units, err := ParseComputerList(&b, "unicode.txt")
	if err != nil || len(units) != 1 || units[0].Serial != "É-42" || units[0].Model != "Latitude" || units[0].SourceLine != 2 {
		t.Fatalf("%+v, %v", units, err)
	}
}

// A serial a spreadsheet turned into "1.23457E+11" is lost: refused with the
// way out, while real serials that merely contain an E are kept.
func TestIntakeSpreadsheetMangledSerial(t *testing.T) {
	_, err := ParseComputerList(strings.NewReader("Serial number;Model\n1.23457E+11;Latitude\n5CE+12;X\n"), "excel.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) {
		t.Fatal(err)
	}
	want := []string{`excel.csv line 2: serial number "1.23457E+11" was turned into a number by a spreadsheet: ` +
		`export the list again and import it without opening it in a spreadsheet`}
	if got := ie.RowLines(i18n.EN); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
	units, err := ParseComputerList(strings.NewReader("Serial number\nCND1E+2X\n5CG7E21XYZ\n"), "ok.csv")
	if err != nil || len(units) != 2 {
		t.Errorf("%+v, %v", units, err)
	}
}

// More computers than any batch (500,000) is the wrong export: refused
// before it fills memory.
func TestIntakeRefusesTooManyRows(t *testing.T) {
	if testing.Short() {
		t.Skip("500,000 rows")
	}
	var b bytes.Buffer
	b.WriteString("Serial number\n")
	for i := 0; i <= intakeMaxRows; i++ {
		fmt.Fprintf(&b, "S%d\n", i)
	}
	_, err := ParseComputerList(&b, "huge.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) || ie.Summary(i18n.EN) != "huge.csv: more than 500000 rows: this is not one donation batch (split the export)" {
		t.Fatalf("%v", err)
	}
}

// Control characters in the header line: no column can be trusted.
func TestIntakeRefusesUnreadableHeader(t *testing.T) {
	_, err := ParseComputerList(strings.NewReader("Serial\x01number;Model\nS1;X\n"), "ctl.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) || ie.Summary(i18n.EN) != "ctl.csv: unreadable encoding in the header line: neither UTF-8 nor Windows-1252 text" {
		t.Fatalf("%v", err)
	}
	_, err = ParseComputerList(strings.NewReader("Serial number;Model\nS1;X\x02\nS2;Y\n"), "ctl.csv")
	if !errors.As(err, &ie) || !reflect.DeepEqual(ie.RowLines(i18n.EN), []string{"ctl.csv line 2: unreadable encoding: control character 0x02 (binary data)"}) {
		t.Fatalf("%v", err)
	}
}
