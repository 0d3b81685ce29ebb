package probe

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// precheckCore is the verdict on zorin-18-core, said in English.
func precheckCore(t *testing.T, r *Report) precheckText {
	t.Helper()
	return precheckTextIn(precheckCoreKeyed(t, r), i18n.EN)
}

func precheckCoreKeyed(t *testing.T, r *Report) Precheck {
	t.Helper()
	set, err := LoadProfiles("")
	if err != nil {
		t.Fatal(err)
	}
	if set, err = set.Only([]string{"zorin-18-core"}); err != nil {
		t.Fatal(err)
	}
	out := PrecheckReport(r, set)
	if len(out) != 1 || out[0].Target != "zorin-18-core" {
		t.Fatalf("precheck %+v", out)
	}
	return out[0]
}

func TestPrecheckAtomNetbookDoesNotFit(t *testing.T) {
	for _, cpu := range []string{"Intel(R) Atom(TM) CPU N270 @ 1.60GHz", "Intel Atom N270", "ATOM N270 1,6 GHz"} {
		r := ReportFromInventory("ASUSTeK", "Eee PC 1005HA", cpu, 1600, 1<<30, 160e9)
		if r.CPU.Is64Bit || r.CPU.FlagsSource != FlagsNone {
			t.Errorf("%s: report CPU %+v", cpu, r.CPU)
		}
		p := precheckCore(t, r)
		if p.Fits != FitsNo {
			t.Errorf("%s: fits %q, want no (%v)", cpu, p.Fits, p.Reasons)
			continue
		}
		if len(p.Reasons) == 0 || !strings.Contains(p.Reasons[0], "32-bit") {
			t.Errorf("%s: main reason %v, want the 32-bit processor first", cpu, p.Reasons)
		}
		// RAM is below the minimum too, but a 32-bit machine is not worth
		// buying RAM for.
		for _, a := range p.Advice {
			if strings.Contains(a, "add ") {
				t.Errorf("%s: upgrade advice for a 32-bit machine: %q", cpu, a)
			}
		}
	}
}

func TestPrecheckCoreI5Fits(t *testing.T) {
	r := ReportFromInventory("Dell Inc.", "Latitude E6220", "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz", 0, 4<<30, 320e9)
	if !r.CPU.Is64Bit || r.Source != SourceInventory || r.Memory.TotalBytes != 4<<30 || len(r.Disks) != 1 {
		t.Fatalf("report %+v", r)
	}
	p := precheckCore(t, r)
	if p.Fits != FitsYes && p.Fits != FitsWarn {
		t.Fatalf("fits %q (%v), want yes or warn", p.Fits, p.Reasons)
	}
	// Cores, speed and disk type are not in an export: never a reason.
	for _, s := range p.Reasons {
		if strings.Contains(s, "cores unknown") || strings.Contains(s, "speed unknown") || strings.Contains(s, "no SSD") {
			t.Errorf("reason about a fact no export holds: %q", s)
		}
	}
	if len(p.CannotTell) != 0 {
		t.Errorf("cannot tell %v", p.CannotTell)
	}
}

func TestPrecheckTwoGBNeedsRAM(t *testing.T) {
	r := ReportFromInventory("Hewlett-Packard", "HP Compaq dc7900", "Intel Core 2 Duo E8400", 3000, 2<<30, 0)
	p := precheckCore(t, r)
	if p.Fits != FitsWarn {
		t.Fatalf("fits %q (%v), want warn", p.Fits, p.Reasons)
	}
	if len(p.Advice) == 0 || !strings.Contains(strings.Join(p.Advice, "\n"), "add 2 GB") {
		t.Errorf("advice %v, want RAM to add", p.Advice)
	}
	for _, a := range p.Advice {
		if strings.Contains(a, "SSD") {
			t.Errorf("disk advice when the export has no disk column: %q", a)
		}
	}
}

func TestPrecheckUnknownCPUCannotTell(t *testing.T) {
	for _, cpu := range []string{"Processeur générique", "", "x86 Family 6 Model 42"} {
		p := precheckCore(t, ReportFromInventory("Fujitsu", "Esprimo E700", cpu, 0, 4<<30, 0))
		if p.Fits != FitsCannotTell || len(p.CannotTell) != 1 || p.CannotTell[0] != EssentialCPU64 {
			t.Errorf("%q: fits %q cannot_tell %v, want cannot_tell cpu64", cpu, p.Fits, p.CannotTell)
			continue
		}
		if cpu != "" && !strings.Contains(p.Reasons[0], cpu) {
			t.Errorf("%q: main reason %q does not name the processor", cpu, p.Reasons[0])
		}
	}
	// No RAM column: cannot tell either, even with a known processor.
	p := precheckCore(t, ReportFromInventory("Acer", "TravelMate", "Intel(R) Celeron(R) CPU N3060 @ 1.60GHz", 0, 0, 32e9))
	if p.Fits != FitsCannotTell || p.CannotTell[0] != EssentialRAM {
		t.Errorf("no RAM: %+v", p)
	}
}

// A small disk from the export is judged: 8 GB of eMMC cannot hold Zorin.
func TestPrecheckSmallDisk(t *testing.T) {
	p := precheckCore(t, ReportFromInventory("HP", "Stream 11", "Intel Celeron N3050", 1600, 4<<30, 8e9))
	if p.Fits != FitsNo {
		t.Errorf("8 GB disk: fits %q (%v), want no", p.Fits, p.Reasons)
	}
}

func TestInventoryCPU(t *testing.T) {
	for text, want := range map[string]tri{
		"Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz":        triYes,
		"Intel Core i3-7100U":                             triYes,
		"Intel(R) Core(TM)2 Duo CPU     E8400  @ 3.00GHz": triYes,
		"Core 2 Duo T7500":                                triYes,
		"AMD Ryzen 5 3500U with Radeon Vega Mobile Gfx":   triYes,
		"Intel(R) Celeron(R) CPU N3060 @ 1.60GHz":         triYes,
		"Intel(R) Pentium(R) CPU G640 @ 2.80GHz":          triYes,
		"Intel Pentium Silver N5000":                      triYes,
		"AMD A6-9225 RADEON R4, 5 COMPUTE CORES 2C+3G":    triYes,
		"Intel(R) Atom(TM) CPU N2600 @ 1.60GHz":           triYes,
		"Intel(R) Atom(TM) CPU N450 @ 1.66GHz":            triYes,
		"Intel(R) Celeron(R) CPU 540 @ 1.86GHz":           triUnknown,
		"Intel(R) Atom(TM) CPU N270 @ 1.60GHz":            triNo,
		"Intel Atom Z520":                                 triNo,
		"Intel(R) Core(TM) Duo CPU T2400 @ 1.83GHz":       triNo,
		"Intel Core Solo U1400":                           triNo,
		"Intel(R) Pentium(R) M processor 1.73GHz":         triNo,
		"Intel(R) Celeron(R) M processor 1.50GHz":         triNo,
		"Intel Celeron M 430":                             triNo,
		"Intel Celeron M 520":                             triUnknown,
		"Processeur générique":                            triUnknown,
		"":                                                triUnknown,
	} {
		brand, got := inventoryCPU(text)
		if got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
		// What Check reads of the report must agree.
		r := ReportFromInventory("", "", text, 0, 0, 0)
		if c := cpu64(r.CPU); c != want {
			t.Errorf("%q: Check reads %v from the report (model %q), want %v", text, c, brand, want)
		}
	}
}

// Every processor of the dmidecode corpus whose SMBIOS lists its
// characteristics: what inventoryCPU reads from the model name must never
// contradict the processor's own "64-bit capable".
func TestInventoryCPUAgreesWithCorpus(t *testing.T) {
	dir := filepath.Join(ckCorpus(t), "dmi")
	files, err := filepath.Glob(filepath.Join(dir, "[0-9]*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dmidecode dumps in %s: %v", dir, err)
	}
	judged := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		secs, err := ParseDMISections(data)
		if err != nil {
			continue
		}
		for _, s := range secs {
			chars, listed := s.Lists["Characteristics"]
			if s.Type != 4 || !listed || s.Fields["Version"] == "" {
				continue
			}
			fact := triNo
			if slices.Contains(chars, "64-bit capable") {
				fact = triYes
			}
			_, got := inventoryCPU(s.Fields["Version"])
			if got != triUnknown {
				judged++
				if got != fact {
					t.Errorf("%s: %q read as %v, the processor says %v", filepath.Base(file), s.Fields["Version"], got, fact)
				}
			}
		}
	}
	t.Logf("%d corpus processors judged from their name", judged)
	if judged == 0 {
		t.Error("no corpus processor recognised")
	}
}

// A fact no line of the export holds is the export's gap, said once; a
// line that alone lacks it keeps its own reason.
func TestPrecheckGaps(t *testing.T) {
	noRAM := []*Report{
		ReportFromInventory("Dell Inc.", "Latitude E6410", "Intel Core i5-520M", 0, 0, 0),
		ReportFromInventory("HP", "EliteDesk 800 G1", "Intel Core i5-4570", 0, 0, 0),
	}
	if got := PrecheckGaps(noRAM); strings.Join(got, ",") != "ram,disk" {
		t.Errorf("gaps %v, want ram,disk", got)
	}
	p := precheckCoreKeyed(t, noRAM[0])
	if p.Fits != FitsCannotTell || !slices.Contains(i18n.Texts(i18n.EN, p.Reasons), "RAM size unknown") {
		t.Fatalf("precheck %+v", p)
	}
	without := PrecheckWithoutGaps(p, PrecheckGaps(noRAM))
	if len(without.Reasons) != 0 || without.Fits != FitsCannotTell {
		t.Errorf("the export's gap is not this line's reason: %+v", without)
	}
	nothing := []*Report{ReportFromInventory("Dell Inc.", "Latitude 5490", "", 0, 0, 0)}
	if got := PrecheckGaps(nothing); strings.Join(got, ",") != "cpu,ram,disk" {
		t.Errorf("gaps %v", got)
	}
	mixed := append(noRAM, ReportFromInventory("Lenovo", "ThinkPad T460", "Intel Core i5-6300U", 0, 8<<30, 256e9))
	if got := PrecheckGaps(mixed); len(got) != 0 {
		t.Errorf("one line has RAM and disk: no export gap, got %v", got)
	}
	if PrecheckGaps(nil) != nil {
		t.Error("an empty export has no gap")
	}
}
