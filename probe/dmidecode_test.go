package probe

import (
	"bufio"
	"context"
	"fmt"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func parseDump(t *testing.T, n int) *DMIInfo {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus(t, "dmi"), fmt.Sprintf("%02d.txt", n)))
	if err != nil {
		t.Fatal(err)
	}
	info, err := ParseDMIDecode(b)
	if err != nil {
		t.Fatalf("dump %02d: %v", n, err)
	}
	return info
}

// TestDMIDecodeCorpusAll parses all 50 dumps and checks what must hold in
// each: the model named by paths.txt, slots that add up, known RAM types.
func TestDMIDecodeCorpusAll(t *testing.T) {
	dir := corpus(t, "dmi")
	f, err := os.Open(filepath.Join(dir, "paths.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		parts := strings.Split(sc.Text(), "/") // Type/Vendor/Family/Model/Id
		info := parseDump(t, n)
		if info.Firmware.BIOSVendor == Unknown || info.Firmware.BIOSDate == Unknown {
			t.Errorf("%02d: BIOS %+v", n, info.Firmware)
		}
		if info.System.Chassis == Unknown {
			t.Errorf("%02d (%s): chassis unknown", n, parts[3])
		}
		if info.CPU.Model == Unknown || info.CPU.Packages == 0 {
			t.Errorf("%02d: cpu %+v", n, info.CPU)
		}
		var sum int64
		for _, m := range info.Memory.Modules {
			sum += m.SizeBytes
			if !strings.Contains(m.Type, "DDR") && m.Type != "SDRAM" {
				t.Errorf("%02d: module type %q", n, m.Type)
			}
		}
		if sum != info.Memory.TotalBytes || sum == 0 {
			t.Errorf("%02d: modules add up to %d, total %d", n, sum, info.Memory.TotalBytes)
		}
		if info.Memory.SlotsUsed > info.Memory.SlotsTotal {
			t.Errorf("%02d: %d of %d slots", n, info.Memory.SlotsUsed, info.Memory.SlotsTotal)
		}
		// paths.txt: the model name is in the product name or its id
		// (Lenovo's machine type), unless the vendor left it blank.
		model := strings.Fields(parts[3])
		if info.System.Product != Unknown && !strings.Contains(parts[3], info.System.Product) &&
			!strings.Contains(info.System.Product, model[len(model)-1]) {
			t.Errorf("%02d: product %q, paths.txt says %q", n, info.System.Product, parts[3])
		}
		switch parts[0] {
		case "Notebook", "Convertible":
			if info.System.Chassis != "laptop" && info.System.Chassis != "other" {
				t.Errorf("%02d %s: chassis %s", n, parts[3], info.System.Chassis)
			}
		case "Desktop":
			if info.System.Chassis != "desktop" && info.System.Chassis != "mini" {
				t.Errorf("%02d %s: chassis %s", n, parts[3], info.System.Chassis)
			}
		}
	}
	if n != 50 {
		t.Errorf("paths.txt lists %d dumps, want 50", n)
	}
}

func TestDMIDecodeNetbook(t *testing.T) {
	// ASUS Eee PC 1000H: Atom N270, 1 GB in its only slot, 4 GB max.
	i := parseDump(t, 4)
	if i.System.Vendor != "ASUSTeK Computer INC." || i.System.Product != "1000H" || i.System.Chassis != "laptop" || i.System.ChassisType != 10 {
		t.Errorf("system = %+v", i.System)
	}
	if i.CPU.Model != "Intel(R) Atom(TM) CPU N270 @ 1.60GHz" || i.CPU.Is64Bit || !i.Is64BitKnown || i.CPU.MaxMHz != 1600 {
		t.Errorf("cpu = %+v known=%v: the N270 is a 32-bit CPU", i.CPU, i.Is64BitKnown)
	}
	if i.Memory.TotalBytes != 1<<30 || i.Memory.SlotsTotal != 1 || i.Memory.SlotsUsed != 1 || i.Memory.MaxBytes != 4<<30 {
		t.Errorf("memory = %+v", i.Memory)
	}
	if i.System.Serial != Unknown {
		t.Errorf("masked serial %q must read as unknown", i.System.Serial)
	}
}

func TestDMIDecodeLaptopSlots(t *testing.T) {
	// HP ProBook 6560b: one 2 GB DDR3 SO-DIMM, one free slot, 8 GB max,
	// a 47.5 Wh battery.
	i := parseDump(t, 24)
	if i.System.Product != "HP ProBook 6560b" || i.System.Chassis != "laptop" {
		t.Errorf("system = %+v", i.System)
	}
	m := i.Memory
	if m.SlotsTotal != 2 || m.SlotsUsed != 1 || m.MaxBytes != 8<<30 || len(m.Modules) != 1 {
		t.Fatalf("memory = %+v", m)
	}
	if mod := m.Modules[0]; mod.SizeBytes != 2<<30 || mod.Type != "DDR3" || mod.FormFactor != "SO-DIMM" || mod.SpeedMTs != 1333 {
		t.Errorf("module = %+v", mod)
	}
	if len(i.Batteries) != 1 || i.Batteries[0].DesignWh != 47.5 {
		t.Errorf("batteries = %+v", i.Batteries)
	}
	if i.CPU.Model != "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz" || !i.CPU.Is64Bit || i.CPU.Cores != 2 || i.CPU.Threads != 4 {
		t.Errorf("cpu = %+v", i.CPU)
	}
}

func TestDMIDecodeChassisCategories(t *testing.T) {
	for _, c := range []struct {
		dump     int
		category string
		number   int
	}{
		{7, "laptop", 8},       // Latitude D610, "Portable", its Handle line masked
		{6, "other", 1},        // Acer Aspire One: the BIOS says "Other"
		{15, "mini", 16},       // OptiPlex 780 USFF: "Lunch Box"
		{28, "mini", 16},       // Mac mini 5,1
		{31, "desktop", 15},    // OptiPlex 3020 SFF: "Space-saving"
		{33, "all-in-one", 13}, // OptiPlex 9020 AIO
		{38, "desktop", 4},     // ProDesk 400 G3 SFF: "Low Profile Desktop"
		{42, "laptop", 32},     // Miix 320: "Detachable"
		{47, "laptop", 31},     // Yoga 7: "Convertible"
		{16, "desktop", 6},     // OptiPlex 780 "Mini Tower"
	} {
		i := parseDump(t, c.dump)
		if i.System.Chassis != c.category || i.System.ChassisType != c.number {
			t.Errorf("dump %02d: chassis %s (%d), want %s (%d)", c.dump, i.System.Chassis, i.System.ChassisType, c.category, c.number)
		}
	}
}

func TestDMIDecodeRecentMemory(t *testing.T) {
	// Framework 13 (AMD 7040): two 8 GB DDR5 SO-DIMMs at 5600 MT/s.
	i := parseDump(t, 48)
	if len(i.Memory.Modules) != 2 || i.Memory.TotalBytes != 16<<30 {
		t.Fatalf("memory = %+v", i.Memory)
	}
	for _, m := range i.Memory.Modules {
		if m.Type != "DDR5" || m.FormFactor != "SO-DIMM" || m.SpeedMTs != 5600 {
			t.Errorf("module = %+v", m)
		}
	}
	// ThinkPad X1 Carbon Gen 11: 16 GB of soldered LPDDR5 in 8 channels,
	// nothing to add.
	x1 := parseDump(t, 50)
	if x1.Memory.TotalBytes != 16<<30 || x1.Memory.SlotsUsed != 8 || x1.Memory.SlotsTotal != 8 {
		t.Errorf("memory = %+v", x1.Memory)
	}
	for _, m := range x1.Memory.Modules {
		if m.Type != "LPDDR5" || m.FormFactor != "soldered" {
			t.Errorf("module = %+v", m)
		}
	}
	// The Yoga's firmware lists a "Fake" virtual battery: not a battery.
	if y := parseDump(t, 47); len(y.Batteries) != 0 {
		t.Errorf("batteries = %+v", y.Batteries)
	}
}

func TestDMIDecodeOldCPUs(t *testing.T) {
	// Latitude D610: "Version: Not Specified", the family names the CPU;
	// a Pentium M is 32-bit.
	d610 := parseDump(t, 7)
	if d610.CPU.Model != "Intel Pentium M" || d610.CPU.Is64Bit || !d610.Is64BitKnown {
		t.Errorf("cpu = %+v known=%v", d610.CPU, d610.Is64BitKnown)
	}
	// ThinkPad X200: no characteristics in SMBIOS 2.5 tables of that BIOS,
	// but every Core 2 Duo is 64-bit.
	x200 := parseDump(t, 11)
	if !x200.CPU.Is64Bit || !x200.Is64BitKnown || x200.CPU.MaxMHz != 2260 {
		t.Errorf("cpu = %+v", x200.CPU)
	}
	// Dell's BIOS cuts the name ("2.80GH") and claims 4000 MHz max.
	e6420 := parseDump(t, 20)
	if e6420.CPU.MaxMHz != 2800 {
		t.Errorf("max MHz = %d, want the rated 2800", e6420.CPU.MaxMHz)
	}
	// coreboot marks its only CPU "Unpopulated": it is still the CPU.
	t420 := parseDump(t, 22)
	if t420.CPU.Model != "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz" || t420.CPU.Packages != 1 {
		t.Errorf("cpu = %+v", t420.CPU)
	}
}

// TestGatherDMIDecodeOnly: a dump alone makes a report of that machine,
// with nothing from the machine running the test.
func TestGatherDMIDecodeOnly(t *testing.T) {
	path := filepath.Join(corpus(t, "dmi"), "04.txt")
	r, err := Gather(context.Background(), Options{DMIDecode: path})
	if err != nil {
		t.Fatal(err)
	}
	if r.Source != "dmidecode:"+path || r.System.Product != "1000H" || r.Memory.TotalBytes != 1<<30 ||
		r.CPU.Is64Bit || r.Memory.SlotsTotal != 1 {
		t.Errorf("report = %+v", r)
	}
	if len(r.Disks) != 0 || len(r.Network) != 0 || len(r.GPUs) != 0 || r.Virtualization != Unknown || r.Firmware.BootMode != Unknown {
		t.Errorf("live facts mixed in: disks %v network %v gpus %v virt %s", r.Disks, r.Network, r.GPUs, r.Virtualization)
	}
	if !hasWarning(r, "files only") {
		t.Errorf("warnings = %v", r.Warnings)
	}
}

func TestParseDMIDecodeRejectsOtherText(t *testing.T) {
	for _, in := range []string{"", "# dmidecode 3.4\n# No SMBIOS nor DMI entry point found, sorry.\n", "{\"json\": true}"} {
		if _, err := ParseDMIDecode([]byte(in)); err == nil {
			t.Errorf("%q: want an error", in)
		}
	}
	if _, err := Gather(context.Background(), Options{DMIDecode: "/etc/hostname"}); err == nil {
		t.Error("Gather with a file that is not a dump must fail")
	}
}

func TestChassisNumbers(t *testing.T) {
	for n, want := range map[int]string{3: "desktop", 9: "laptop", 10: "laptop", 13: "all-in-one", 30: "tablet", 35: "mini", 23: "server", 2: Unknown, 99: Unknown, 0x80 | 10: "laptop"} {
		if got := chassisByNumber(n); got != want {
			t.Errorf("chassis %d = %s, want %s", n, got, want)
		}
	}
}

// TestGatherEveryDump: each of the 50 dumps gives a report through
// Gather, as `atelier probe --dmidecode` makes it.
func TestGatherEveryDump(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus(t, "dmi"), "[0-9][0-9].txt"))
	if len(files) != 50 {
		t.Fatalf("%d dumps, want 50", len(files))
	}
	for _, f := range files {
		r, err := Gather(context.Background(), Options{DMIDecode: f})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if r.System.Chassis == Unknown || r.Memory.TotalBytes == 0 || r.CPU.Model == Unknown || r.Firmware.BIOSVendor == Unknown {
			t.Errorf("%s: system %+v memory %d cpu %q", filepath.Base(f), r.System, r.Memory.TotalBytes, r.CPU.Model)
		}
	}
}

// Self-built and barebone PCs leave the system block "To Be Filled By
// O.E.M.": the baseboard (type 2) names them instead (QA #17).
func TestDMIDecodeBaseboardNamesAnOEMPlaceholderSystem(t *testing.T) {
	for n, want := range map[int][2]string{49: {"ASRock", "B550M-HDV"}, 35: {"Intel Corporation", "NUC5i5RYB"}} {
		info := parseDump(t, n)
		if info.System.Vendor != want[0] || info.System.Product != want[1] {
			t.Errorf("%02d: system %q %q, want the baseboard's %q %q", n, info.System.Vendor, info.System.Product, want[0], want[1])
		}
	}
	// A real system block wins over the board.
	if info := parseDump(t, 24); info.System.Product != "HP ProBook 6560b" {
		t.Errorf("24: product %q", info.System.Product)
	}
}

// A tree without /sys/class/dmi read with a dmidecode dump: the dump names
// the machine, so "no /sys/class/dmi" is not listed as missing.
func TestDMIDecodeSuppliesWhatSysClassDMILacks(t *testing.T) {
	root := laptopTree(t)
	if err := os.RemoveAll(filepath.Join(root, "sys/class/dmi")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(corpus(t, "dmi"), "24.txt"))
	if err != nil {
		t.Fatal(err)
	}
	bare, err := Gather(context.Background(), Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(NoteTexts(i18n.EN, bare.Warnings), "no /sys/class/dmi: vendor, model, serial and BIOS unknown") {
		t.Fatalf("without dmidecode the warning is expected: %q", bare.Warnings)
	}
	r, err := Gather(context.Background(), Options{Root: root, DMIDecode: writeTemp(t, "dmi.txt", string(b))})
	if err != nil {
		t.Fatal(err)
	}
	if r.System.Product != "HP ProBook 6560b" || slices.ContainsFunc(NoteTexts(i18n.EN, r.Warnings), func(w string) bool { return strings.Contains(w, "/sys/class/dmi") }) {
		t.Errorf("product %q, warnings %q", r.System.Product, r.Warnings)
	}
}

func TestAtomN2xx64BitByModel(t *testing.T) {
	for model, want := range map[string]bool{
		"Intel(R) Atom(TM) CPU N270   @ 1.60GHz": false,
		"Intel(R) Atom(TM) CPU N280   @ 1.66GHz": false,
		"Intel(R) Atom(TM) CPU N2600  @ 1.60GHz": true,
		"Intel(R) Atom(TM) CPU N2800  @ 1.86GHz": true,
	} {
		got, ok := is64BitModel(model)
		if !ok || got != want {
			t.Errorf("is64BitModel(%q) = %v, %v; want %v, true", model, got, ok, want)
		}
	}
}
