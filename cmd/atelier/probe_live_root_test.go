package main

// The `make run` path on the machine running the tests, as root: atelier
// init, probe (with dmidecode and smartctl), then check. Each fact is
// compared with what the kernel and the tools say on their own.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/probe"
)

type liveReport struct {
	Source, Tool string
	Firmware     struct {
		BootMode string `json:"boot_mode"`
	}
	CPU struct {
		Model          string
		Cores, Threads int
		Is64Bit        bool `json:"is_64bit"`
	}
	Memory struct {
		TotalBytes int64 `json:"total_bytes"`
		SlotsTotal int   `json:"slots_total"`
	}
	Disks []struct {
		Name, Serial string
		SizeBytes    int64 `json:"size_bytes"`
	}
	Warnings []probe.Note
}

// requireTool fails under CI=true and skips elsewhere when a tool is missing.
func requireTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (CI=true: .ci/run installs it)", name)
	}
	t.Skipf("%s is not installed", name)
}

// cpuinfo reads the first model name and counts the logical CPUs.
func cpuinfo(t *testing.T) (model string, threads int) {
	t.Helper()
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		switch strings.TrimSpace(k) {
		case "processor":
			threads++
		case "model name":
			if model == "" && ok {
				model = strings.Join(strings.Fields(v), " ")
			}
		}
	}
	return model, threads
}

// physicalMemory is the RAM the kernel manages, from its memory blocks
// (what ghw reads), or MemTotal when there are none.
func physicalMemory(t *testing.T) (bytes int64, exact bool) {
	t.Helper()
	if b, err := os.ReadFile("/sys/devices/system/memory/block_size_bytes"); err == nil {
		size, err := strconv.ParseInt(strings.TrimSpace(string(b)), 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		blocks, _ := filepath.Glob("/sys/devices/system/memory/memory*")
		var n int64
		for _, bl := range blocks {
			if st, err := os.ReadFile(filepath.Join(bl, "online")); err == nil && strings.TrimSpace(string(st)) == "1" {
				n++
			}
		}
		if n > 0 {
			return n * size, true
		}
	}
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		t.Fatal(err)
	}
	var kb int64
	fmt.Sscanf(strings.SplitN(string(b), "\n", 2)[0], "MemTotal: %d kB", &kb)
	return kb * 1024, false
}

var realDiskName = regexp.MustCompile(`^(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\d+n\d+|mmcblk\d+)$`)

func TestLiveProbeAndCheckAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("the live probe test runs as root (CI=true: run CI as root)")
		}
		t.Skip("needs root: dmidecode and smartctl read the hardware")
	}
	requireTool(t, "dmidecode")
	requireTool(t, "smartctl")
	b := newBench(t) // atelier init, as make run does

	out, errOut, code := b.run("probe", "--json")
	if code != 0 {
		t.Fatalf("probe --json: exit %d, %s", code, errOut)
	}
	var r liveReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("probe --json: %v", err)
	}
	if r.Source != "live" || r.Tool != "atelier "+version {
		t.Errorf("source %q, tool %q", r.Source, r.Tool)
	}

	model, threads := cpuinfo(t)
	if r.CPU.Model != model || r.CPU.Threads != threads || r.CPU.Cores < 1 || r.CPU.Cores > threads {
		t.Errorf("CPU %+v; /proc/cpuinfo says %q with %d threads", r.CPU, model, threads)
	}
	if mem, exact := physicalMemory(t); (exact && r.Memory.TotalBytes != mem) || (!exact && r.Memory.TotalBytes < mem) {
		t.Errorf("memory %d bytes; the kernel has %d (from memory blocks: %v)", r.Memory.TotalBytes, mem, exact)
	}
	boot := "bios"
	if _, err := os.Stat("/sys/firmware/efi"); err == nil {
		boot = "uefi"
	}
	if r.Firmware.BootMode != boot {
		t.Errorf("boot mode %q, /sys/firmware says %q", r.Firmware.BootMode, boot)
	}

	// Every real disk of /sys/block is reported with its size, and its
	// serial is smartctl's when smartctl can read one; otherwise the
	// report says smartctl could not.
	reported := map[string]int{}
	for i, d := range r.Disks {
		reported[d.Name] = i
	}
	blocks, _ := os.ReadDir("/sys/block")
	seen := 0
	for _, e := range blocks {
		name := e.Name()
		sectors, err := os.ReadFile(filepath.Join("/sys/block", name, "size"))
		n, _ := strconv.ParseInt(strings.TrimSpace(string(sectors)), 10, 64)
		if !realDiskName.MatchString(name) || err != nil || n == 0 {
			continue
		}
		seen++
		i, ok := reported[name]
		if !ok {
			t.Errorf("disk %s (%d bytes) is not in the report", name, n*512)
			continue
		}
		d := r.Disks[i]
		if d.SizeBytes != n*512 {
			t.Errorf("disk %s: %d bytes reported, the kernel says %d", name, d.SizeBytes, n*512)
		}
		js, _ := exec.Command("smartctl", "--json", "-i", "/dev/"+name).Output()
		var smart struct {
			Serial string `json:"serial_number"`
		}
		json.Unmarshal(js, &smart)
		switch {
		case smart.Serial != "" && d.Serial != smart.Serial:
			t.Errorf("disk %s: serial %q, smartctl says %q", name, d.Serial, smart.Serial)
		case smart.Serial == "" && !hasWarning(r.Warnings, "smartctl on /dev/"+name+": ", "smartctl failed on /dev/"+name):
			t.Errorf("disk %s: smartctl gives no serial and the report does not say so: %v", name, r.Warnings)
		}
	}
	if seen == 0 {
		t.Error("no disk in /sys/block to compare with")
	}

	// Memory slots: dmidecode's own count, or the report says there is no
	// SMBIOS table (virtual machines often have none).
	dmi, _ := exec.Command("dmidecode", "-t", "17").Output()
	if slots := strings.Count(string(dmi), "\nMemory Device\n"); slots > 0 {
		if r.Memory.SlotsTotal != slots {
			t.Errorf("memory slots %d, dmidecode lists %d", r.Memory.SlotsTotal, slots)
		}
	} else if !hasWarning(r.Warnings, "dmidecode found no SMBIOS table") {
		t.Errorf("dmidecode lists no memory device and the report does not say so: %v", r.Warnings)
	}

	// The human table says the same facts.
	out, errOut, code = b.run("probe")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("Processor:      %s — %d cores / %d threads", model, r.CPU.Cores, threads)) {
		t.Errorf("probe: exit %d, %s\n%s", code, errOut, out)
	}

	// check: a verdict for every Zorin target, an exit code that matches
	// it (0: one fits, 3: none does), a recommendation when one fits.
	out, errOut, code = b.run("check", "--json")
	var v struct {
		Recommended string
		Targets     []struct{ Target, Fits string }
	}
	if (code != 0 && code != 3) || json.Unmarshal([]byte(out), &v) != nil || len(v.Targets) < 8 {
		t.Fatalf("check --json: exit %d, %s\n%s", code, errOut, out)
	}
	fits := false
	for _, tg := range v.Targets {
		fits = fits || tg.Fits == "yes" || tg.Fits == "warn"
	}
	if fits != (code == 0) || fits != (v.Recommended != "") {
		t.Errorf("check: exit %d, recommended %q, targets %+v", code, v.Recommended, v.Targets)
	}
	out, _, code2 := b.run("check")
	if code2 != code || (fits && !strings.Contains(out, "Recommended: ")) {
		t.Errorf("check: exit %d (JSON: %d)\n%s", code2, code, out)
	}
}

func hasWarning(ws []probe.Note, prefixes ...string) bool {
	for _, w := range probe.NoteTexts(i18n.EN, ws) {
		for _, p := range prefixes {
			if strings.Contains(w, p) {
				return true
			}
		}
	}
	return false
}
