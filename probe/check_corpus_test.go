package probe

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// ckCorpus is ../shared/corpora from the repository root. A clone without
// it skips these tests; CI (CI=true) fails instead.
func ckCorpus(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.Abs(filepath.Join("..", "..", "shared", "corpora"))
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("corpora missing at %s (CI=true)", dir)
		}
		t.Skipf("corpora not found at %s: skipping the corpus verdicts", dir)
	}
	return dir
}

// ckDMIDump finds the dmidecode dump whose paths.txt line names model.
func ckDMIDump(t *testing.T, corpus, model string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(corpus, "dmi", "paths.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), model) {
			return filepath.Join(corpus, "dmi", ckTwoDigits(n)+".txt")
		}
	}
	t.Fatalf("no dump for %q in paths.txt", model)
	return ""
}

func ckTwoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// ckCorpusVerdict probes a real machine's dmidecode dump (with real smartctl
// outputs for its disks) and checks it against the embedded profiles.
func ckCorpusVerdict(t *testing.T, model string, smart ...string) (*Report, verdictText) {
	t.Helper()
	corpus := ckCorpus(t)
	o := Options{DMIDecode: ckDMIDump(t, corpus, model)}
	for _, s := range smart {
		o.Smartctl = append(o.Smartctl, filepath.Join(corpus, "smartctl", s))
	}
	r, err := Gather(context.Background(), o)
	if err != nil {
		t.Fatalf("Gather %s: %v", model, err)
	}
	return r, checkIn(r, ckSet(t), i18n.EN)
}

// An ASUS Eee PC 1000H: Atom N270 (32-bit only), 1 GB of RAM.
func TestCheckCorpusAtomNetbookFitsNoZorin18(t *testing.T) {
	r, v := ckCorpusVerdict(t, "ASUSTek Computer/1000/1000H")
	if !strings.Contains(r.CPU.Model, "N270") || r.Memory.TotalBytes != gib {
		t.Fatalf("not the N270 netbook with 1 GB: %q %d", r.CPU.Model, r.Memory.TotalBytes)
	}
	for _, tv := range v.Targets {
		if tv.Fits != FitsNo {
			t.Errorf("%s fits %q, want no: %v", tv.Target, tv.Fits, tv.Reasons)
		}
		if strings.HasPrefix(tv.Target, "zorin-18-") {
			ckWant(t, tv.Target, tv.Reasons, "32-bit processor: "+tv.Name+" needs a 64-bit processor")
		}
	}
	core := ckTarget(t, v, "zorin-18-core")
	ckWant(t, "reasons", core.Reasons, "1 GB of RAM: Zorin OS 18 Core needs at least 2 GB")
	ckWant(t, "advice", core.Advice, "32-bit processor: no current Zorin OS runs on it")
	if ckHas(core.Advice, "add ") {
		t.Errorf("no RAM to buy for a 32-bit machine: %v", core.Advice)
	}
	if v.Recommended != "" || v.AnyFits() {
		t.Errorf("recommended %q for a machine nothing fits", v.Recommended)
	}
	if v.Grade != "D" {
		t.Errorf("grade %q, want D", v.Grade)
	}
}

// A Dell Latitude E6410 (Core i5 M 540, 2 x 2 GB DDR3 SO-DIMM) with a
// spinning WD disk: Zorin OS 18 fits, the house policy wants an SSD.
func TestCheckCorpusLatitudeWithHDDFitsWithWarnings(t *testing.T) {
	r, v := ckCorpusVerdict(t, "Latitude E6410/2CF19CDDD626", "smart-ata.json")
	if r.Memory.TotalBytes != 4*gib || len(r.Disks) != 1 || r.Disks[0].Medium != "hdd" {
		t.Fatalf("not the 4 GB E6410 with one HDD: %d bytes, %+v", r.Memory.TotalBytes, r.Disks)
	}
	core := ckTarget(t, v, "zorin-18-core")
	if core.Fits != FitsWarn {
		t.Fatalf("zorin-18-core fits %q, want warn: %v", core.Fits, core.Reasons)
	}
	ckWant(t, "reasons", core.Reasons, "no SSD: the house policy asks for an SSD before a handover")
	ckWant(t, "advice", core.Advice, "replace the HDD by an SSD of 120 GB or more")
	if ckHas(core.Reasons, "RAM") {
		t.Errorf("4 GB meets every RAM bar: %v", core.Reasons)
	}
	if v.Recommended != "zorin-18-core" {
		t.Errorf("recommended %q", v.Recommended)
	}
}

// A ThinkPad T480 (Core i5-8350U, 2 x 8 GB DDR4) with a 1 TB NVMe SSD that
// smartctl finds healthy: Zorin OS 18 Core fits without reservation.
func TestCheckCorpusThinkPadWithNVMeFits(t *testing.T) {
	r, v := ckCorpusVerdict(t, "ThinkPad T480", "smart-nvme.json")
	if r.Memory.TotalBytes != 16*gib || len(r.Disks) != 1 || r.Disks[0].Medium != "nvme" {
		t.Fatalf("not the 16 GB T480 with an NVMe disk: %d, %+v", r.Memory.TotalBytes, r.Disks)
	}
	core := ckTarget(t, v, "zorin-18-core")
	if core.Fits != FitsYes || len(core.Reasons) != 0 {
		t.Errorf("zorin-18-core fits %q %v, want yes", core.Fits, core.Reasons)
	}
	if v.Recommended != "zorin-18-core" {
		t.Errorf("recommended %q", v.Recommended)
	}
	// A dmidecode dump says nothing of AVX2 or SSE4.2: those flags were
	// never read, so they are not held against the machine (QA #9), and the
	// grade says what it did not check.
	if v.Grade != "A" || r.CPU.FlagsSource != FlagsDMI {
		t.Errorf("grade %q (flags from %q), want A: unread flags do not lower it", v.Grade, r.CPU.FlagsSource)
	}
	ckWant(t, "grade reasons", v.GradeReasons, "processor flags not read (dmidecode only): grade A's need for avx2 was not checked")
}

// A failing Hitachi disk in an otherwise fine desktop: nothing to install on.
func TestCheckCorpusFailingDiskMakesNoFit(t *testing.T) {
	_, v := ckCorpusVerdict(t, "OptiPlex 9020/ECD31A977332", "smart-fail2.json")
	core := ckTarget(t, v, "zorin-18-core")
	if core.Fits != FitsNo {
		t.Errorf("fits %q, want no: %v", core.Fits, core.Reasons)
	}
	ckWant(t, "reasons", core.Reasons, "every internal disk is failing")
	ckWant(t, "advice", core.Advice, "disk sdc (Hitachi HDS721050DLE630) is failing: replace it")
	ckWant(t, "advice", core.Advice, "fit an SSD of 120 GB or more")
}

// Every dump in the corpus gets a verdict for every target without a panic.
func TestCheckCorpusEveryDumpGetsAVerdict(t *testing.T) {
	corpus := ckCorpus(t)
	dumps, _ := filepath.Glob(filepath.Join(corpus, "dmi", "*.txt"))
	set := ckSet(t)
	for _, d := range dumps {
		if strings.HasSuffix(d, "paths.txt") {
			continue
		}
		r, err := Gather(context.Background(), Options{DMIDecode: d})
		if err != nil {
			t.Errorf("%s: %v", d, err)
			continue
		}
		v := checkIn(r, set, i18n.FR)
		if len(v.Targets) != len(set.Profiles) || v.Grade == "" {
			t.Errorf("%s: %d verdicts, grade %q", d, len(v.Targets), v.Grade)
		}
	}
}

// ghw snapshots carry /proc/cpuinfo: the CPU flags are real, so the grade
// can reach A. The Ryzen 5 1600 desktop (32 GB, two SSDs and an HDD) fits
// plainly; the 2 GB Xeon VM fits with warnings that say it is a VM.
func TestCheckCorpusSnapshots(t *testing.T) {
	corpus := ckCorpus(t)
	snap := func(name string) verdictText {
		t.Helper()
		r, err := Gather(context.Background(), Options{Root: filepath.Join(corpus, "ghw-snapshots", name+".tar.gz")})
		if err != nil {
			t.Fatalf("Gather %s: %v", name, err)
		}
		return checkIn(r, ckSet(t), i18n.EN)
	}
	v := snap("amd-ryzen-1600")
	if core := ckTarget(t, v, "zorin-18-core"); core.Fits != FitsYes || v.Grade != "A" || v.Recommended != "zorin-18-core" {
		t.Errorf("Ryzen 5 1600: fits %q %v, grade %q %v, recommended %q", core.Fits, core.Reasons, v.Grade, v.GradeReasons, v.Recommended)
	}
	v = snap("xeon-vm")
	core := ckTarget(t, v, "zorin-18-core")
	if core.Fits != FitsWarn {
		t.Errorf("xeon-vm fits %q", core.Fits)
	}
	ckWant(t, "xeon-vm reasons", core.Reasons, "virtual machine (kvm)")
	ckWant(t, "xeon-vm reasons", core.Reasons, "2 GB of RAM: Zorin OS 18 Core recommends 4 GB")
}

// smart-sat.json is `smartctl -jA`: attributes only, no model, serial or
// size. The disk is named by its device, its size is unknown (never "0 GB"
// nor a nameless "largest disk  holds 0 GB"), no larger disk is advised, and
// the probe says how to capture the rest.
func TestCheckCorpusSmartAttributesOnlyDiskSizeUnknown(t *testing.T) {
	r, v := ckCorpusVerdict(t, "OptiPlex 9020/ECD31A977332", "smart-sat.json")
	ckWant(t, "warnings", NoteTexts(i18n.EN, r.Warnings), "gives the disk's health but not its model, serial or size")
	core := ckTarget(t, v, "zorin-18-core")
	ckWant(t, "reasons", core.Reasons, "size of disk sdc unknown")
	ckWant(t, "grade reasons", v.GradeReasons, "needs a disk of 15 GB (size unknown)")
	for _, list := range [][]string{core.Reasons, core.Advice, v.GradeReasons, v.Advice} {
		for _, s := range list {
			if strings.Contains(s, "0 GB") && !strings.Contains(s, "120 GB") || strings.Contains(s, "disk  ") || strings.Contains(s, "larger") {
				t.Errorf("a size-unknown disk read as empty or too small: %q", s)
			}
		}
	}
}

// Old BIOSes understate the board's maximum RAM: the ThinkPad T60 says
// 2 GB with 3 GB fitted, the Dimension 5100 says 1 GB with 4 GB fitted.
// A maximum the modules disprove is unknown, never advice that the board
// "takes at most 2 GB"; a maximum they do not disprove is kept.
func TestCheckCorpusUnderstatedMaximumRAM(t *testing.T) {
	for _, model := range []string{"ThinkPad T60 1952VKC", "Dimension 5100"} {
		r, v := ckCorpusVerdict(t, model)
		if r.Memory.MaxBytes != 0 {
			t.Errorf("%s: max %d bytes with %d fitted, want 0 (unknown)", model, r.Memory.MaxBytes, r.Memory.TotalBytes)
		}
		for _, a := range ckTarget(t, v, "zorin-18-core").Advice {
			if strings.Contains(a, "takes at most") {
				t.Errorf("%s: advice %q", model, a)
			}
		}
	}
	if r, _ := ckCorpusVerdict(t, "EliteBook 840 G3"); r.Memory.MaxBytes != 32<<30 {
		t.Errorf("EliteBook 840 G3: max %d, want its declared 32 GB", r.Memory.MaxBytes)
	}
}
