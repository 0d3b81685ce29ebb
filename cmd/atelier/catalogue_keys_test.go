package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// keyUse finds message keys written as literals where code translates
// them: l.T("key"), Errorf("key"), i18n.M("key"), usageErr(cmd, "key"),
// Key: "key".
var keyUse = regexp.MustCompile(`(?:\.T|Errorf|i18n\.M|\bM|usageErr\(cmd,|\bKey:)\(?\s*"([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_+-]+)+)"`)

// TestEveryKeyUsedIsInTheCatalogue fails when code names a message key no
// catalogue has: the user would read the key itself.
func TestEveryKeyUsedIsInTheCatalogue(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(src), -1) {
			if _, ok := i18n.Lookup(m[1]); !ok {
				t.Errorf("%s: key %q is in no catalogue", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// keyFamilies are the keys code builds at run time ("state." + a state),
// each with every value the code can put after the prefix. When a domain
// grows a value (a state, a technique, a status), its family here grows
// too, or this test cannot see the missing translation.
func keyFamilies() map[string][]string {
	states := make([]string, 0, len(inventory.States))
	for _, s := range inventory.States {
		states = append(states, string(s))
	}
	return map[string][]string{
		"state.":         states,
		"size.unit.":     {"k", "M", "G", "T", "P", "E"},
		"wipe.phase.":    {"erasing", "writing", "verifying"},
		"wipe.status.":   {"passed", "failed", "interrupted", "unverified", "uncertified"},
		"deploy.status.": {"passed", "failed", "interrupted"},
		"probe.health.":  {"good", "worn", "failing", "unknown"},
		"check.fits.":    {"yes", "warn", "no"},
		"precheck.fits.": {"yes", "warn", "no"},
		"cert.result.":   {"passed", "failed"},
		"cert.pdf.nist.": {"Clear", "Purge"},
		"help.type.":     {"string", "stringArray", "stringSlice", "int", "int64", "uint", "float64", "duration"},
		"flag.":          {"json", "lang", "ledger", "operator", "help", "version"},
		"help.":          {"Usage", "Aliases", "Examples", "Available Commands", "Additional Commands", "Flags", "Global Flags", "Additional help topics", "more", "flags", "command", "lquote", "rquote", "default"},
		"cert.tech.":     techniqueNames,
		"wipe.method.":   {"auto", "zero", "random", "ata-secure-erase", "ata-sanitize", "nvme-sanitize", "nvme-format"},
		"wipe.verify.":   {"full", "sample", "none", "firmware-marker"},
		"medium.":        {"hdd", "ssd", "nvme", "usb", "mmc", "loop", "unknown"},
		"probe.chassis.": {"laptop", "desktop", "all-in-one", "mini", "tablet", "server", "other", "unknown"},
	}
}

// techniqueNames are the sanitization techniques a certificate can name.
var techniqueNames = []string{
	"overwrite-zero", "overwrite-random", "ata-secure-erase", "ata-secure-erase-enhanced",
	"ata-sanitize-block", "ata-sanitize-crypto", "ata-sanitize-overwrite",
	"nvme-sanitize-block", "nvme-sanitize-crypto", "nvme-sanitize-overwrite",
	"nvme-format-user-data", "nvme-format-crypto", "ata-sanitize", "nvme-sanitize", "nvme-format",
}

func TestEveryKeyFamilyIsComplete(t *testing.T) {
	for prefix, values := range keyFamilies() {
		for _, v := range values {
			if _, ok := i18n.Lookup(prefix + v); !ok {
				t.Errorf("key %q is in no catalogue", prefix+v)
			}
		}
	}
}
