package probe

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/need"
)

// TestNVIDIAAgainstPCIIDs checks the generation table against the PCI ID
// database installed on this machine: NVIDIA names most devices after their
// die ("1180  GK104 [GeForce GTX 680]"), which gives the generation. Every
// GPU named so must be classified, and classified right.
func TestNVIDIAAgainstPCIIDs(t *testing.T) {
	f, err := os.Open(need.File(t, "pci.ids", "/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dies := []struct{ prefix, gen string }{
		{"GF1", "Fermi"}, {"GK1", "Kepler"}, {"GK2", "Kepler"}, {"GM1", "Maxwell"}, {"GM2", "Maxwell"},
		{"GP1", "Pascal"}, {"GV1", "Volta"}, {"TU1", "Turing"}, {"GA1", "Ampere"}, {"AD1", "Ada"},
		{"GH1", "Hopper"}, {"GB2", "Blackwell"}, {"GT2", "Tesla"}, {"G8", "Tesla"}, {"G9", "Tesla"},
	}
	// functions of a GPU board that are not the GPU itself
	notGPU := regexp.MustCompile(`Audio|USB|UCSI|NVSwitch`)
	line := regexp.MustCompile(`^\t([0-9a-f]{4})  (\S+)(.*)$`)
	sc := bufio.NewScanner(f)
	inNVIDIA, checked := false, 0
	for sc.Scan() {
		s := sc.Text()
		if strings.HasPrefix(s, "10de ") {
			inNVIDIA = true
			continue
		}
		if inNVIDIA && len(s) > 0 && s[0] != '\t' && s[0] != '#' {
			break
		}
		m := line.FindStringSubmatch(s)
		if !inNVIDIA || m == nil || notGPU.MatchString(s) {
			continue
		}
		for _, d := range dies {
			if strings.HasPrefix(m[2], d.prefix) {
				checked++
				if got := nvidiaGeneration(m[1]); got != d.gen {
					t.Errorf("%s (%s%s): %s, want %s", m[1], m[2], m[3], got, d.gen)
				}
				break
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d NVIDIA GPUs checked: pci.ids format changed?", checked)
	}
}
