package probe

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

func parseSmartFile(t *testing.T, name string) *SmartctlResult {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpus(t, "smartctl"), name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseSmartctl(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// TestSmartctlCorpusAll: every smartctl output in the corpus parses.
func TestSmartctlCorpusAll(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus(t, "smartctl"), "*.json"))
	if len(files) < 19 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		r, err := ParseSmartctl(b)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		switch r.Health.Verdict {
		case "good", "worn", "failing", Unknown:
		default:
			t.Errorf("%s: verdict %q", filepath.Base(f), r.Health.Verdict)
		}
		if r.Health.Verdict != "good" && len(r.Health.Reasons) == 0 {
			t.Errorf("%s: %s without a reason", filepath.Base(f), r.Health.Verdict)
		}
	}
}

func TestSmartctlFailingHitachi(t *testing.T) {
	r := parseSmartFile(t, "smart-fail2.json")
	h := r.Health
	if r.Model != "Hitachi HDS721050DLE630" || r.Serial != "MSK423Y20S3HBC" || r.SizeBytes != 500107862016 {
		t.Errorf("device = %+v", r)
	}
	if h.Verdict != "failing" || h.SmartPassed == nil || *h.SmartPassed {
		t.Fatalf("health = %+v", h)
	}
	if h.Reallocated != 1975 || h.Pending != 8 || h.PowerOnHours != 65592 || h.SmartctlExitStatus != 216 {
		t.Errorf("health = %+v", h)
	}
	joined := strings.Join(NoteTexts(i18n.EN, h.Reasons), "; ")
	for _, want := range []string{"FAILING", "8 sectors pending", "1975 sectors already reallocated", "Reallocated_Sector_Ct"} {
		if !strings.Contains(joined, want) {
			t.Errorf("reasons %q lack %q", joined, want)
		}
	}
	fr, _ := os.ReadFile(filepath.Join(corpus(t, "smartctl"), "smart-fail2.json"))
	rf, _ := ParseSmartctl(fr)
	if !strings.Contains(strings.Join(NoteTexts(i18n.FR, rf.Health.Reasons), "; "), "secteurs en attente") {
		t.Errorf("French reasons = %v", rf.Health.Reasons)
	}
}

func TestSmartctlHealthy(t *testing.T) {
	for _, name := range []string{"smart-ata.json", "smart-ata-date.json", "smart-ata-full.json", "smart-ata2.json",
		"smart-nvme.json", "smart-nvme2.json", "smart-scsi2.json", "smart-pass.json", "smart-megaraid0.json"} {
		r := parseSmartFile(t, name)
		if r.Health.Verdict != "good" || len(r.Health.Reasons) != 0 {
			t.Errorf("%s: %s %v", name, r.Health.Verdict, r.Health.Reasons)
		}
	}
	n := parseSmartFile(t, "smart-nvme.json")
	if n.Health.NVMePercentUsed == nil || *n.Health.NVMePercentUsed != 0 || *n.Health.NVMeAvailableSpare != 100 ||
		n.Health.PowerOnHours != 2401 || n.Protocol != "NVMe" || n.Serial != "BTNH93710FS91P0B" {
		t.Errorf("nvme = %+v %+v", n, n.Health)
	}
}

func TestSmartctlWornAndOthers(t *testing.T) {
	cases := []struct{ file, verdict, reason string }{
		{"smart-megaraid1.json", "worn", "387 sectors already reallocated"},
		{"smart-scsi.json", "worn", "56 sectors already reallocated"},
		{"smart-nvme-failed.json", "failing", "7 NVMe media errors"},
		{"smart-fail.json", Unknown, "could not open"},
		{"smart-raid.json", Unknown, "no health data"},
	}
	for _, c := range cases {
		r := parseSmartFile(t, c.file)
		if r.Health.Verdict != c.verdict || !strings.Contains(strings.Join(NoteTexts(i18n.EN, r.Health.Reasons), "; "), c.reason) {
			t.Errorf("%s: %s %v, want %s with %q", c.file, r.Health.Verdict, r.Health.Reasons, c.verdict, c.reason)
		}
	}
	// --scan output lists devices, it is no disk report.
	if s := parseSmartFile(t, "smartctl_scan_simple.json"); s.HasDevice {
		t.Errorf("scan output taken for a disk: %+v", s)
	}
}

func TestSmartctlRejects(t *testing.T) {
	for _, in := range []string{"", "not json", "[1,2]", "{}"} {
		if _, err := ParseSmartctl([]byte(in)); err == nil {
			t.Errorf("%q: want an error", in)
		}
	}
}

// TestGatherSmartctlOnly: smartctl files alone list their disks, health
// attached; a scan output is named in the warnings and adds no disk.
func TestGatherSmartctlOnly(t *testing.T) {
	dir := corpus(t, "smartctl")
	r, err := Gather(context.Background(), Options{Smartctl: []string{
		filepath.Join(dir, "smart-fail2.json"), filepath.Join(dir, "smart-nvme.json"), filepath.Join(dir, "smartctl_scan_simple.json"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Disks) != 2 {
		t.Fatalf("disks = %+v", r.Disks)
	}
	hdd, nvme := r.Disks[0], r.Disks[1]
	if hdd.Serial != "MSK423Y20S3HBC" || hdd.Medium != "hdd" || hdd.Health == nil || hdd.Health.Verdict != "failing" {
		t.Errorf("hdd = %+v", hdd)
	}
	if nvme.Medium != "nvme" || nvme.Health.Verdict != "good" || nvme.SizeBytes != 1024209543168 {
		t.Errorf("nvme = %+v", nvme)
	}
	if !hasWarning(r, "describes no disk") {
		t.Errorf("warnings = %v", r.Warnings)
	}
	if _, err := Gather(context.Background(), Options{Smartctl: []string{"/etc/hostname"}}); err == nil {
		t.Error("a --smartctl file that is not smartctl JSON must fail")
	}
}
