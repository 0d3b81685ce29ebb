package inventory

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func parseHardwareFile(t *testing.T, name string) []HardwareRow {
	t.Helper()
	f, err := os.Open("testdata/intake/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ParseHardwareList(f, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

func TestParseHardwareListGLPIFrench(t *testing.T) {
	rows := parseHardwareFile(t, "hw_glpi10_fr.csv")
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6", len(rows))
	}
	want := []HardwareRow{
		{Line: 2, Serial: "5CG7281AAA", AssetTag: "INV-2014-0201", Vendor: "Dell Inc.", Model: "Latitude E6220",
			CPU: "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz", RAMBytes: 4 << 30, DiskBytes: 320e9},
		{Line: 3, Serial: "9COAS123456", AssetTag: "INV-2009-0202", Vendor: "ASUSTeK Computer Inc.", Model: "Eee PC 1005HA",
			CPU: "Intel(R) Atom(TM) CPU N270 @ 1.60GHz", RAMBytes: 1 << 30, DiskBytes: 160e9},
		// "2048" with no unit in a "Mémoire" column: MB.
		{Line: 4, Serial: "CZC1234BBB", AssetTag: "INV-2010-0203", Vendor: "Hewlett-Packard", Model: "HP Compaq dc7900 SFF",
			CPU: "Intel Core 2 Duo E8400", RAMBytes: 2 << 30, DiskBytes: 250e9},
	}
	for i, w := range want {
		if rows[i] != w {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, rows[i], w)
		}
	}
	if r := rows[4]; r.DiskBytes != 0 || r.RAMBytes != 4<<30 || r.CPU != "Processeur générique" {
		t.Errorf("row with no disk: %+v", r)
	}
	if r := rows[5]; r.RAMBytes != 0 || r.DiskBytes != 32e9 {
		t.Errorf("row with no RAM: %+v", r)
	}
}

func TestParseHardwareListOCS(t *testing.T) {
	rows := parseHardwareFile(t, "hw_ocs_export.csv")
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	r := rows[2]
	if r.Line != 4 || r.Serial != "A1B2C3D4E5" || r.AssetTag != "ECH-ECO-003" || r.CPUMHz != 1600 ||
		r.RAMBytes != 1016<<20 || r.CPU != "Intel(R) Atom(TM) CPU N270 @ 1.60GHz" || r.DiskBytes != 0 {
		t.Errorf("OCS Atom row: %+v", r)
	}
	if r := rows[0]; r.RAMBytes != 8<<30 || r.CPUMHz != 3200 {
		t.Errorf("OCS row 1: %+v", r)
	}
	if r := rows[3]; r.CPU != "" || r.RAMBytes != 3990<<20 {
		t.Errorf("OCS row without CPU type: %+v", r)
	}
}

// A file without hardware columns still lists its machines, with nothing
// known: the check then says "cannot tell" rather than refusing the file.
func TestParseHardwareListNoHardwareColumns(t *testing.T) {
	rows := parseHardwareFile(t, "glpi11_en_crlf.csv")
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	for _, r := range rows {
		if r.Serial == "" || r.RAMBytes != 0 || r.CPUMHz != 0 {
			t.Errorf("row %+v", r)
		}
	}
}

// A file import refuses is refused with the same error, line for line.
func TestParseHardwareListBadFileSameAsImport(t *testing.T) {
	for _, name := range []string{"bad_rows.csv", "bad_quote.csv", "empty.csv", "bad_binary.csv", "no_serial.csv"} {
		data, err := os.ReadFile("testdata/intake/" + name)
		if err != nil {
			t.Fatal(err)
		}
		_, errImport := ParseComputerList(strings.NewReader(string(data)), name)
		_, errCheck := ParseHardwareList(strings.NewReader(string(data)), name)
		var ie *IntakeError
		if !errors.As(errCheck, &ie) {
			t.Errorf("%s: %v, want an *IntakeError", name, errCheck)
			continue
		}
		if errImport == nil || errCheck.Error() != errImport.Error() {
			t.Errorf("%s:\n check  %v\n import %v", name, errCheck, errImport)
		}
		if !strings.HasPrefix(errCheck.Error(), name) {
			t.Errorf("%s: %q does not name the file", name, errCheck)
		}
	}
}

func TestHardwareSizes(t *testing.T) {
	for _, c := range []struct {
		v, header string
		ram, disk int64
	}{
		{"8 Go", "memoire", 8 << 30, 8e9},
		{"8 GB", "memory", 8 << 30, 8e9},
		{"7,5 Go", "memoire", 15 << 29, 7.5e9},
		{"4096", "ram mb", 4 << 30, 4096 << 20},
		{"8", "memoire", 8 << 30, 8e9},
		{"476940", "capacite", 476940 << 20, 476940 << 20},
		{"1 To", "disque", 1 << 40, 1e12},
		{"4096 Mo\n4096 Mo", "memoire", 8 << 30, 4096 << 20},
		{"2048$$##$$2048", "memoire", 4 << 30, 2048e9},
		{"n/a", "memoire", 0, 0},
		{"beaucoup", "memoire", 0, 0},
	} {
		rec := []string{c.v}
		if got := hwRAMBytes(rec, 0, c.header); got != c.ram {
			t.Errorf("RAM %q (%s): %d, want %d", c.v, c.header, got, c.ram)
		}
		if got := hwDiskBytes(rec, 0, c.header); got != c.disk {
			t.Errorf("disk %q (%s): %d, want %d", c.v, c.header, got, c.disk)
		}
	}
	if got := hwNumber("2,5 GHz"); got != 2500 {
		t.Errorf("2,5 GHz: %v", got)
	}
}

// FuzzParseHardwareList: whatever the bytes, no panic; a file is refused
// exactly when import refuses it; every row import keeps is judged, in the
// same order and lines, with no negative size.
func FuzzParseHardwareList(f *testing.F) {
	for _, name := range []string{"hw_glpi10_fr.csv", "hw_ocs_export.csv", "glpi10_fr.csv", "bad_rows.csv"} {
		if b, err := os.ReadFile("testdata/intake/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("SN;Mémoire;Disque dur;CPU (MHz)\nA;7,5 Go;1 To;2,4 GHz\nB;-3;9e99;x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		units, errImport := ParseComputerList(bytes.NewReader(data), "f.csv")
		rows, err := ParseHardwareList(bytes.NewReader(data), "f.csv")
		if (err == nil) != (errImport == nil) {
			t.Fatalf("check error %v, import error %v", err, errImport)
		}
		if err != nil {
			return
		}
		if len(rows) != len(units) {
			t.Fatalf("%d rows, import keeps %d", len(rows), len(units))
		}
		for i, r := range rows {
			if r.Line != units[i].SourceLine || r.Serial != units[i].Serial {
				t.Fatalf("row %d: %+v, import %+v", i, r, units[i])
			}
			if r.RAMBytes < 0 || r.DiskBytes < 0 || r.CPUMHz < 0 {
				t.Fatalf("negative size: %+v", r)
			}
		}
	})
}

func TestHardwareSizeOutOfRange(t *testing.T) {
	for _, v := range []string{"999999999999 To", "1e300", "9999999999 Go"} {
		if got := hwRAMBytes([]string{v}, 0, "memoire"); got != 0 {
			t.Errorf("RAM %q: %d, want unknown", v, got)
		}
		if got := hwDiskBytes([]string{v}, 0, "disque"); got != 0 {
			t.Errorf("disk %q: %d, want unknown", v, got)
		}
	}
}

// ParseHardwareExport says who made the export and which hardware columns
// it has, so that the DSI can be told which columns to add.
func TestParseHardwareExportKindAndColumns(t *testing.T) {
	for _, c := range []struct {
		file          string
		kind          ExportKind
		cpu, ram, dsk bool
	}{
		{"glpi10_fr.csv", ExportGLPIFrench, true, false, false},
		{"hw_glpi10_fr.csv", ExportGLPIFrench, true, true, true},
		{"glpi11_en_crlf.csv", ExportGLPIEnglish, false, false, false},
		{"hw_ocs_export.csv", ExportOCS, true, true, false},
		{"ocs_export.csv", ExportOCS, false, true, false},
		{"sheet_en_comma.csv", ExportOther, false, false, false},
		{"latin1_fr.csv", ExportOther, false, false, false},
	} {
		f, err := os.Open("testdata/intake/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		list, err := ParseHardwareExport(f, c.file)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if list.Kind != c.kind || list.Has[HardwareCPU] != c.cpu || list.Has[HardwareRAM] != c.ram || list.Has[HardwareDisk] != c.dsk {
			t.Errorf("%s: kind %s, columns %v; want %s cpu %v ram %v disk %v", c.file, list.Kind, list.Has, c.kind, c.cpu, c.ram, c.dsk)
		}
		if len(list.Rows) == 0 {
			t.Errorf("%s: no rows", c.file)
		}
	}
	if GLPIColumn(ExportGLPIFrench, HardwareDisk) != "Taille du disque dur" || GLPIColumn(ExportGLPIEnglish, HardwareRAM) != "Memory" ||
		GLPIColumn(ExportOCS, HardwareCPU) != "" {
		t.Error("GLPI column names")
	}
}

// The columns the hint tells a DSI to add, under GLPI 10's own names, are
// read once added: "Processeur", "Mémoire" (GLPI writes "8 Gio" or "8192
// Mio"), "Taille du disque dur".
func TestParseHardwareListGLPI10ComponentNames(t *testing.T) {
	for _, csv := range []string{
		"\ufeff\"Nom\";\"Statut\";\"Numéro de série\";\"Fabricant\";\"Modèle\";\"Processeur\";\"Mémoire\";\"Taille du disque dur\";\n" +
			"\"ECH-PC-0201\";\"En stock\";\"5CG7281AAA\";\"Dell Inc.\";\"Latitude E6220\";\"Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz\";\"4096 Mio\";\"305245 Mio\";\n",
		"\ufeff\"Name\";\"Status\";\"Serial number\";\"Manufacturer\";\"Model\";\"Processor\";\"Memory\";\"Hard drive size\";\n" +
			"\"ECH-PC-0201\";\"In stock\";\"5CG7281AAA\";\"Dell Inc.\";\"Latitude E6220\";\"Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz\";\"4 GiB\";\"298.09 GiB\";\n",
	} {
		list, err := ParseHardwareExport(strings.NewReader(csv), "export.csv")
		if err != nil {
			t.Fatal(err)
		}
		r := list.Rows[0]
		if !list.Has[HardwareCPU] || !list.Has[HardwareRAM] || !list.Has[HardwareDisk] ||
			r.CPU == "" || r.RAMBytes != 4<<30 || r.DiskBytes < 290e9 || r.DiskBytes > 330e9 {
			t.Errorf("columns %v, row %+v", list.Has, r)
		}
	}
}
