package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// `make install` puts the binary, a man page per command and the bash, zsh
// and fish completions where man and each shell look under PREFIX, with
// DESTDIR for packagers.
func TestMakeInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds atelier through make")
	}
	if _, err := exec.LookPath("make"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("make is needed (CI=true): %v", err)
		}
		t.Skip("make not installed")
	}
	_, file, _, _ := runtime.Caller(0)
	project := filepath.Join(filepath.Dir(file), "..", "..")
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "dest")
	cmd := exec.Command("make", "-C", project, "install", "DESTDIR="+dest, "PREFIX=/usr",
		"BIN="+filepath.Join(tmp, "atelier"), "DOCDIR="+filepath.Join(tmp, "share"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	}
	for path, want := range map[string]string{
		"usr/bin/atelier":                                  "",
		"usr/share/man/man1/atelier.1":                     `.TH "ATELIER" "1"`,
		"usr/share/man/man1/atelier-check.1":               "atelier check [flags]",
		"usr/share/man/man1/atelier-intake-check.1":        "GLPI",
		"usr/share/man/man1/atelier-wipe.1":                "--yes",
		"usr/share/bash-completion/completions/atelier":    "__start_atelier",
		"usr/share/zsh/site-functions/_atelier":            "#compdef atelier",
		"usr/share/fish/vendor_completions.d/atelier.fish": "complete -c atelier",
	} {
		data, err := os.ReadFile(filepath.Join(dest, path))
		if err != nil {
			t.Errorf("not installed: %v", err)
			continue
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q", path, want)
		}
	}
	if fi, err := os.Stat(filepath.Join(dest, "usr/bin/atelier")); err == nil && fi.Mode().Perm() != 0o755 {
		t.Errorf("binary mode %v", fi.Mode())
	}
	// The hidden generator is no command a volunteer meets.
	if _, err := os.Stat(filepath.Join(dest, "usr/share/man/man1/atelier-man.1")); err == nil {
		t.Error("a man page for the hidden man command")
	}
}
