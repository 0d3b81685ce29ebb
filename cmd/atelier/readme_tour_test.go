package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/pcsolidaire/atelier/internal/looptest"
)

// TestReadmeTour runs the README's "A day at the bench" lines, in order, on
// a fresh ledger, so the tour can never drift from what atelier does. The
// lines are read from README.md and turned into a testscript with only
// these changes, each for a reason a reader at the bench does not have:
//   - comments dropped, "sudo " dropped (the test runs as root), "export"
//     becomes testscript's "env", double quotes become single quotes;
//   - the line that names the disks (DISK1=/dev/NAME1 DISK2=/dev/NAME2, the
//     names a volunteer reads from atelier disks) points the variables at
//     two loop devices the test creates, never a disk of the machine
//     running it; the later lines use the variables as written;
//   - wipe and deploy get --yes: a person answers their confirmation;
//   - check judges a captured Latitude E6410 (--report) whose two disks are
//     those loop devices, since the machine running the test is not the
//     donated PC and its own disk must never be recorded as one.
func TestReadmeTour(t *testing.T) {
	looptest.Require(t)
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	lines, err := tourLines(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	firstFile, secondFile := looptest.File(t, 96<<20), looptest.File(t, 16<<20)
	first, second := looptest.AttachFile(t, firstFile), looptest.AttachFile(t, secondFile)

	images := t.TempDir()
	if out, err := exec.Command("bash", filepath.Join(root, "scripts", "make-test-image.sh"), images, "64M").CombinedOutput(); err != nil {
		t.Fatalf("make-test-image.sh: %v\n%s", err, out)
	}
	machine, err := tourMachine(filepath.Join(root, "cmd", "atelier", "testdata", "script", "check_save.txtar"),
		[2]string{firstFile, secondFile})
	if err != nil {
		t.Fatal(err)
	}
	script, err := tourScript(lines, map[string]string{"/dev/NAME1": first, "/dev/NAME2": second})
	if err != nil {
		t.Fatal(err)
	}
	ar := &txtar.Archive{Comment: []byte(script), Files: []txtar.File{
		{Name: "export-glpi.csv", Data: []byte(tourExport)},
		{Name: "machine.json", Data: machine},
	}}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tour.txtar"), txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("the tour as run:\n%s", script)
	testscript.Run(t, testscript.Params{
		Dir: dir,
		Setup: func(env *testscript.Env) error {
			env.Setenv("ATELIER_LEDGER", filepath.Join(env.WorkDir, "ledger", "ledger.db"))
			env.Setenv("LANG", "en_US.UTF-8")
			env.Setenv("LC_ALL", "")
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
			for from, to := range map[string]string{"zorin-test.img.zst": "zorin-18-core.img.zst", "zorin-test.img.bmap": "zorin-18-core.img.bmap"} {
				data, err := os.ReadFile(filepath.Join(images, from))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(env.WorkDir, to), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// tourExport is the DSI's GLPI export the tour imports: ECH-PC-0201 is the
// PC booted at the bench (the serial of the captured Latitude E6410).
const tourExport = "\ufeff\"Nom\";\"Numéro d'inventaire\";\"Numéro de série\";\"Fabricant\";\"Modèle\";\"Type\";\n" +
	"\"ECH-PC-0201\";\"INV-2014-0201\";\"5CG7281XYZ\";\"Dell Inc.\";\"Latitude E6410\";\"Portable\";\n" +
	"\"ECH-PC-0202\";\"INV-2014-0202\";\"CZC1234BBB\";\"Hewlett-Packard\";\"HP Compaq dc7900 SFF\";\"Unité centrale\";\n" +
	"\"ECH-PC-0203\";\"INV-2016-0203\";\"DQB0KEF001\";\"Acer\";\"Veriton Z4640G\";\"Tout-en-un\";\n"

// tourLines returns the command lines of the README's tour: the first sh
// block after "A day at the bench".
func tourLines(readme string) ([]string, error) {
	i := strings.Index(readme, "A day at the bench")
	if i < 0 {
		return nil, fmt.Errorf("README.md: no \"A day at the bench\"")
	}
	rest := readme[i:]
	start := strings.Index(rest, "```sh\n")
	if start < 0 {
		return nil, fmt.Errorf("README.md: no sh block after \"A day at the bench\"")
	}
	rest = rest[start+len("```sh\n"):]
	end := strings.Index(rest, "```")
	if end < 0 {
		return nil, fmt.Errorf("README.md: the tour's block does not end")
	}
	var out []string
	for _, l := range strings.Split(rest[:end], "\n") {
		if l = strings.TrimSpace(stripComment(l)); l != "" {
			out = append(out, l)
		}
	}
	if len(out) < 5 {
		return nil, fmt.Errorf("README.md: the tour has %d lines", len(out))
	}
	return out, nil
}

// stripComment cuts a shell comment: a # at the start of a word, outside
// quotes.
func stripComment(l string) string {
	var quote rune
	for i, r := range l {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
			return l[:i]
		}
	}
	return l
}

// shellWords splits a line as the shell does for plain words and quotes.
func shellWords(l string) []string {
	var words []string
	var b strings.Builder
	var quote rune
	in := false
	for _, r := range l {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				b.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, b.String())
	}
	return words
}

// tourScript turns the tour's lines into testscript commands (see
// TestReadmeTour for the only changes made). disks maps the README's
// placeholders (/dev/NAME1) to the devices the test made; the line that
// sets the disk variables must use every one of them, and no other value.
func tourScript(lines []string, disks map[string]string) (string, error) {
	var b strings.Builder
	b.WriteString("# Generated from README.md's tour by readme_tour_test.go.\n")
	vars, used := map[string]bool{}, 0
	for _, l := range lines {
		w := shellWords(l)
		if len(w) > 0 && w[0] == "sudo" {
			w = w[1:]
		}
		if len(w) == 0 {
			continue
		}
		if w[0] == "export" {
			b.WriteString("env " + strings.Join(w[1:], " ") + "\n")
			continue
		}
		if assignments(w) {
			for i, a := range w {
				name, value, _ := strings.Cut(a, "=")
				dev, ok := disks[value]
				if !ok {
					return "", fmt.Errorf("README.md: %q: the tour's disks are placeholders (%s), not %q", l, placeholders(disks), value)
				}
				w[i], vars[name] = name+"="+dev, true
				used++
			}
			b.WriteString("env " + strings.Join(w, " ") + "\n")
			continue
		}
		if len(w) > 1 && w[0] == "atelier" {
			switch w[1] {
			case "wipe", "deploy":
				w = append(w, "--yes")
			case "check":
				w = append(w, "--report", "machine.json")
			}
		}
		for i, a := range w {
			if a == "" || strings.ContainsAny(a, " '\"#$") && !vars[strings.TrimPrefix(a, "$")] {
				w[i] = "'" + strings.ReplaceAll(a, "'", "''") + "'"
			}
		}
		b.WriteString("exec " + strings.Join(w, " ") + "\n")
	}
	if used != len(disks) {
		return "", fmt.Errorf("README.md: the tour names %d disks, want %s", used, placeholders(disks))
	}
	return b.String(), nil
}

// assignments tells whether a line only sets shell variables (DISK1=...).
func assignments(w []string) bool {
	for _, a := range w {
		name, _, ok := strings.Cut(a, "=")
		if !ok || name == "" || strings.ToUpper(name) != name || strings.ContainsAny(name, " $-/") {
			return false
		}
	}
	return true
}

func placeholders(disks map[string]string) string {
	var out []string
	for k := range disks {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// tourMachine is check_save.txtar's captured Latitude E6410 with two
// internal disks that the ledger files as the test's loop devices
// ("loop:<backing file>", as wipe and deploy file them). Their sizes stay
// a PC's (250 and 128 GB) so that check judges the PC, not the test.
func tourMachine(fixture string, backing [2]string) ([]byte, error) {
	ar, err := txtar.ParseFile(fixture)
	if err != nil {
		return nil, err
	}
	var report map[string]any
	for _, f := range ar.Files {
		if f.Name == "e6410.json" {
			if err := json.Unmarshal(f.Data, &report); err != nil {
				return nil, err
			}
		}
	}
	if report == nil {
		return nil, fmt.Errorf("%s: no e6410.json", fixture)
	}
	disks := []any{}
	sizes := []int64{250059350016, 128035676160}
	for i, name := range []string{"fakesata0", "fakesata1"} {
		disks = append(disks, map[string]any{"name": name, "model": "Loop test disk", "serial": "loop:" + backing[i],
			"size_bytes": sizes[i], "medium": "ssd", "transport": "sata", "removable": false, "rotational": false,
			"health": map[string]any{"verdict": "good", "smart_passed": true}})
	}
	report["disks"] = disks
	return json.MarshalIndent(report, "", "  ")
}
