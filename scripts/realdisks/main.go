// Command realdisks fails when a test names a disk a real machine could
// have: test code, test data, testscript files and fuzz seeds must name
// fake devices only (fakesata0, fakenvme0n1p2, /dev/fakedisk0, a loop
// device the test made). A test that names /dev/sda is one slip away
// from writing to it, and a reviewer cannot tell a fixture from a target.
//
// It reads every *_test.go and every file under a testdata folder below
// the folder it is given (default "."), and reports each line that names
//   - a device path: /dev/sda, /dev/sdb1, /dev/nvme0n1p2, /dev/nvme0,
//     /dev/vda, /dev/hda, /dev/xvda, /dev/mmcblk0p1 ...;
//   - a real disk's kernel name as a sysfs path element (sys/block/sda,
//     .../nvme0n1/nvme0n1p2, slaves/sdb1), as a JSON "name" field, or as a
//     Go string literal of its own ("sda").
//
// Tests whose expected disks come from the captured machines of
// ../shared/corpora (data, not ours) may spell the kernel names those
// captures hold, never a /dev path: they are listed in allowCorpusNames.
//
// Usage: go run ./scripts/realdisks [DIR]; exit 1 with one line a finding.
package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// kernelName is a disk name the kernel gives real hardware, whole disk or
// partition: sd*, hd* (not hdd: the medium word), vd*, xvd*, nvme controllers, namespaces and
// partitions, mmcblk cards and their partitions.
const kernelName = `(?:sd[a-zA-Z]{1,2}|hd[a-ce-z]|x?vd[a-z]{1,2}|nvme\d+(?:n\d+(?:p\d+)?)?|mmcblk\d+(?:p\d+|boot\d+|rpmb)?)\d*`

var (
	devPath = regexp.MustCompile(`/dev/` + kernelName + `(?:[^A-Za-z0-9_]|$)`)
	// sysfsElem: the name as a path element (block/sda, /sda1/, slaves/sdb1).
	sysfsElem = regexp.MustCompile(`(?:^|[/\s"'])(?:block|slaves|holders|devices|class)/(?:[^\s"']*/)?` + kernelName + `(?:[/\s"':]|$)|/` + kernelName + `/` + kernelName + `(?:[/\s"']|$)`)
	jsonName  = regexp.MustCompile(`"name"\s*:\s*"` + kernelName + `"`)
	goLiteral = regexp.MustCompile(`"` + kernelName + `"`)
)

// allowCorpusNames are the tests whose disks are those of a captured
// machine of ../shared/corpora, named as that capture names them; each
// may spell those kernel names (never a /dev path).
var allowCorpusNames = map[string]string{
	"internal/blockdev/testdata/identities.golden":      "one line per disk of every ghw snapshot",
	"internal/blockdev/golden_test.go":                  "picks the snapshots' sd/nvme/vd disks to vary",
	"probe/snapshot_test.go":                            "the ghw snapshots' disks",
	"probe/check_corpus_test.go":                        "the smartctl captures' disks",
	"cmd/atelier/testdata/script/probe_root.txtar":      "probe --root on the ghw snapshots",
	"cmd/atelier/testdata/script/probe_dmidecode.txtar": "the smartctl captures' disks",
}

// A finding is one line that names a real-looking disk.
type finding struct {
	file string
	line int
	what string
	text string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", f.file, f.line, f.what, strings.TrimSpace(f.text))
}

// inScope tells whether rel (slash-separated, relative to the root) is
// test code or test data.
func inScope(rel string) bool {
	return strings.HasSuffix(rel, "_test.go") || strings.HasPrefix(rel, "testdata/") || strings.Contains(rel, "/testdata/")
}

// lineProblem says what a line of file rel names, or "".
func lineProblem(rel, line string) string {
	if m := devPath.FindString(line); m != "" {
		return "names a real disk's device path " + strings.TrimRight(m, " \t\"'`,;:)]}\\") + " (name a fake one: /dev/fakedisk0, or a loop device the test made)"
	}
	if _, ok := allowCorpusNames[rel]; ok {
		return ""
	}
	what := ""
	switch {
	case sysfsElem.MatchString(line):
		what = "a sysfs path"
	case jsonName.MatchString(line):
		what = "a JSON name"
	case strings.HasSuffix(rel, ".go") && goLiteral.MatchString(line):
		what = "a string"
	default:
		return ""
	}
	return "names a real disk's kernel name in " + what + " (name it fakesata0, fakenvme0n1, fakeusb0...)"
}

// scan reads every test file and test data file below root.
func scan(root string) ([]finding, error) {
	var out []finding
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if n := d.Name(); rel != "." && (strings.HasPrefix(n, ".") || n == "vendor" || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !inScope(rel) {
			return nil
		}
		fs, err := scanFile(path, rel)
		out = append(out, fs...)
		return err
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return out[i].line < out[j].line
	})
	return out, err
}

func scanFile(path, rel string) ([]finding, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []finding
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.IndexByte(line, 0) >= 0 {
			return nil, nil // a binary file (a disk image, a fuzz blob): no names to read
		}
		if what := lineProblem(rel, line); what != "" {
			out = append(out, finding{file: rel, line: n, what: what, text: line})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return out, nil
}

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	found, err := scan(root)
	for _, f := range found {
		fmt.Println(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "realdisks:", err)
		os.Exit(1)
	}
	if len(found) > 0 {
		fmt.Fprintf(os.Stderr, "realdisks: %d lines of tests name a real-looking disk\n", len(found))
		os.Exit(1)
	}
}
