package probe

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A stock text of one field may be a real value of another: the rule is
// applied field by field.
func TestDMITextFieldByField(t *testing.T) {
	for _, c := range []struct {
		f    dmiField
		in   string
		want string
	}{
		{fieldProduct, "System Product Name", ""},
		{fieldProduct, "To be filled by O.E.M.", ""},
		{fieldProduct, "Default string", ""},
		{fieldProduct, "Not Applicable", ""},
		{fieldProduct, "All Series", ""},
		{fieldProduct, "Type1ProductConfigId", ""},
		{fieldProduct, "  Latitude E6410   ", "Latitude E6410"},
		{fieldVendor, "System manufacturer", ""},
		{fieldVendor, "OEM", ""},
		{fieldVendor, "Dell Inc.", "Dell Inc."},
		{fieldVersion, "x.x", ""},
		{fieldVersion, "x.xx", ""},
		{fieldVersion, "System Version", ""},
		{fieldVersion, "ThinkPad T480", "ThinkPad T480"},
		{fieldVersion, "1.0", "1.0"},
		{fieldSerial, "System Serial Number", ""},
		{fieldSerial, "0123456789", ""},
		{fieldSerial, "00000000", ""},
		{fieldSerial, "PF0XYZ12", "PF0XYZ12"},
		{fieldSKU, "SKU", ""},
		{fieldSKU, "System SKU#", ""},
		{fieldSKU, "Default string", ""},
		{fieldSKU, "0000000000000000", ""},
		{fieldSKU, "LENOVO_MT_20L6", "LENOVO_MT_20L6"},
		{fieldFamily, "Type1Family", ""},
		{fieldFamily, "Intel_Mobile", ""},
		{fieldFamily, "ThinkPad T480", "ThinkPad T480"},
		{fieldBoardProduct, "Base Board Product Name", ""},
		{fieldBoardProduct, "B450M DS3H-CF", "B450M DS3H-CF"},
		{fieldChassis, "Chassis Manufacturer", ""},
		// A field's own name is a placeholder there only.
		{fieldFamily, "SKU", "SKU"},
		{fieldSKU, "Family", "Family"},
	} {
		if got := dmiText(c.f, c.in); got != c.want {
			t.Errorf("dmiText(%d, %q) = %q, want %q", c.f, c.in, got, c.want)
		}
	}
}

// TestDMIDecodeCorpusNames goes over the 50 real dumps: the two whose
// system block is all placeholders (an ASRock board, an Intel NUC) are named
// by their board, every other keeps its own system name; the placeholder
// SKUs and versions among them read as unknown.
func TestDMIDecodeCorpusNames(t *testing.T) {
	byBoard := map[int]string{35: "Intel Corporation NUC5i5RYB", 49: "ASRock B550M-HDV"}
	var named, skuDropped, versionDropped []int
	for n := 1; n <= 50; n++ {
		info := parseDump(t, n)
		raw := rawSystem(t, n)
		name := info.System.Vendor + " " + info.System.Product
		if want, ok := byBoard[n]; ok {
			if name != want {
				t.Errorf("%02d: named %q, want the board's %q", n, name, want)
			}
			named = append(named, n)
		} else if strings.Join(strings.Fields(raw["Product Name"]), " ") != info.System.Product {
			t.Errorf("%02d: product %q, the system block says %q", n, info.System.Product, raw["Product Name"])
		}
		if strings.TrimSpace(raw["SKU Number"]) != "" && info.System.SKU == Unknown {
			skuDropped = append(skuDropped, n)
		}
		if strings.TrimSpace(raw["Version"]) != "" && info.System.Version == Unknown {
			versionDropped = append(versionDropped, n)
		}
	}
	if fmt.Sprint(named) != "[35 49]" {
		t.Errorf("named by the board: %v", named)
	}
	// 20 dumps fill the SKU with a placeholder: "Not Specified" and "To Be
	// Filled By O.E.M." (read as unknown before), and, newly, "System SKU#"
	// (27, 28, 36: Macs) and "0000000000000000" (41, 44: Acer Aspire 3).
	if got := fmt.Sprint(skuDropped); got != "[8 9 10 11 14 15 16 20 21 22 23 27 28 29 36 41 44 45 46 49]" {
		t.Errorf("SKU read as a placeholder in %s", got)
	}
	// 16 dumps fill the version with one: newly "x.x" (4, 5: ASUS Eee PC)
	// and "00" (31, 32: Dell OptiPlex).
	if got := fmt.Sprint(versionDropped); got != "[1 2 4 5 7 8 9 15 16 26 31 32 34 39 46 49]" {
		t.Errorf("version read as a placeholder in %s", got)
	}
	for _, n := range []int{27, 28, 36, 41, 44} {
		if sku := parseDump(t, n).System.SKU; sku != Unknown {
			t.Errorf("%02d: placeholder SKU kept as %q", n, sku)
		}
	}
	for _, n := range []int{4, 5} { // "x.x"
		if v := parseDump(t, n).System.Version; v != Unknown {
			t.Errorf("%02d: placeholder version kept as %q", n, v)
		}
	}
	if f := parseDump(t, 40).System.Family; f != "ThinkPad T480" {
		t.Errorf("40: family %q", f)
	}
	if f := parseDump(t, 46).System.Family; f != "" { // "Default string"
		t.Errorf("46: family %q", f)
	}
}

// A board maker's desktop with a real vendor but a placeholder product:
// the corpus's Gigabyte B450M (46) with its product name replaced by each
// stock text is named by its board, not "unknown".
func TestDMIDecodeBoardNamesAPlaceholderProduct(t *testing.T) {
	dump := readDump(t, 46)
	for _, stock := range []string{"To be filled by O.E.M.", "System Product Name", "Default string", "Not Applicable", "x.x", "OEM", "Type1ProductConfigId"} {
		info, err := ParseDMIDecode([]byte(strings.Replace(dump, "Product Name: B450M DS3H\n", "Product Name: "+stock+"\n", 1)))
		if err != nil {
			t.Fatal(err)
		}
		if info.System.Vendor != "Gigabyte Technology Co., Ltd." || info.System.Product != "B450M DS3H-CF" {
			t.Errorf("product %q: named %q %q, want the board's B450M DS3H-CF", stock, info.System.Vendor, info.System.Product)
		}
	}
	// A placeholder vendor with a real product takes the board's vendor.
	info, err := ParseDMIDecode([]byte(strings.Replace(readDump(t, 45), "Manufacturer: Micro-Star International Co., Ltd\n", "Manufacturer: System manufacturer\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if info.System.Vendor != "Micro-Star International Co., Ltd" || info.System.Product != "MS-7C02" {
		t.Errorf("named %q %q", info.System.Vendor, info.System.Product)
	}
}

func readDump(t *testing.T, n int) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus(t, "dmi"), fmt.Sprintf("%02d.txt", n)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rawSystem is the first System Information block of dump n, as written.
func rawSystem(t *testing.T, n int) map[string]string {
	t.Helper()
	secs, err := ParseDMISections([]byte(readDump(t, n)))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secs {
		if s.Type == 1 {
			return s.Fields
		}
	}
	return map[string]string{}
}

// The live path (/sys/class/dmi through ghw) applies the same rule: a real
// vendor with "System Product Name" is named by the board; a "SKU" SKU is
// dropped.
func TestTreeBoardNamesAPlaceholderProduct(t *testing.T) {
	root := laptopTree(t)
	for k, v := range map[string]string{"sys_vendor": "ASUSTeK COMPUTER INC.", "product_name": "System Product Name",
		"product_version": "System Version", "product_sku": "SKU", "product_family": "To be filled by O.E.M.",
		"board_vendor": "ASUSTeK COMPUTER INC.", "board_name": "P8H61-M LE/USB3"} {
		if err := os.WriteFile(filepath.Join(root, "sys/class/dmi/id", k), []byte(v+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Gather(t.Context(), Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	s := r.System
	if s.Vendor != "ASUSTeK COMPUTER INC." || s.Product != "P8H61-M LE/USB3" || s.SKU != Unknown || s.Version != Unknown || s.Family != "" {
		t.Errorf("system %+v", s)
	}
}
