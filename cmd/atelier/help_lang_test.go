package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// commandPaths lists every command of the tree, cobra's own help and
// completion commands included, hidden ones too (a volunteer may still
// read their --help).
func commandPaths(t *testing.T) [][]string {
	t.Helper()
	root := newRootCmd(newGlobals(nil, &bytes.Buffer{}, &bytes.Buffer{}))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var out [][]string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		out = append(out, strings.Fields(c.CommandPath())[1:])
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return out
}

// helpText renders `atelier PATH... --help` with --lang lang, on a fresh
// command tree.
func helpText(t *testing.T, lang string, path []string) string {
	t.Helper()
	var out bytes.Buffer
	root := newRootCmd(newGlobals(nil, &out, &out))
	root.SetArgs(append(append([]string{"--lang", lang}, path...), "--help"))
	if err := root.Execute(); err != nil {
		t.Fatalf("atelier %s --help: %v", strings.Join(path, " "), err)
	}
	return out.String()
}

// englishWords are function words of English that French never uses: one
// of them in a French --help means an English sentence was left.
var englishWords = regexp.MustCompile(`(?i)\b(the|and|of|with|for|is|are|this|that|these|from|to|when|which|into|without|your|you|its|it|be|by|an|if|only|will|not|default|usage|flags|available|commands|global|help about|string)\b`)

// helpNoise is what a French --help legitimately holds in English: option
// names and values, command lines of the examples, product names.
var helpNoise = regexp.MustCompile(`--?[a-z][a-z0-9-]*(=\S+)?|(?m)^\s+(sudo |LANG=\S+ )?atelier .*$|(?m)^\t.*$|(?m)^#### .*$|all-in-one|Out-String|Invoke-Expression|bash-completion|Zorin OS|NIST SP 800-88|X-Forwarded-For|\$\([^)]*\)|"[^"]*"|\b[a-z]+\|[a-z|-]+`)

// helpNotYetFrench lists the commands whose help has no French yet
// (landed after the help catalogue was written): the lead translates them
// into internal/i18n/help.go and removes them from here. A command listed
// here that has its French makes the test fail, so the list only shrinks.
var helpNotYetFrench = map[string]bool{}

func pendingFrench(path string) bool {
	for p := path; p != ""; p = strings.TrimSpace(p[:max(strings.LastIndex(p, " "), 0)]) {
		if helpNotYetFrench[p] {
			return true
		}
		if !strings.Contains(p, " ") {
			break
		}
	}
	return false
}

func TestEveryHelpIsFrenchInFrench(t *testing.T) {
	for _, path := range commandPaths(t) {
		if pendingFrench(strings.Join(path, " ")) || len(path) == 0 && len(helpNotYetFrench) > 0 {
			continue
		}
		text := helpText(t, "fr", path)
		for _, line := range strings.Split(helpNoise.ReplaceAllString(text, ""), "\n") {
			if m := englishWords.FindString(line); m != "" {
				t.Errorf("atelier %s --help in French has English (%q): %s", strings.Join(path, " "), m, strings.TrimSpace(line))
			}
		}
	}
}

func TestHelpIsEnglishInEnglish(t *testing.T) {
	text := helpText(t, "en", []string{"unit", "list"})
	for _, want := range []string{"List units, optionally filtered", "Flags:", "--state string", "help for atelier unit list"} {
		if !strings.Contains(text, want) {
			t.Errorf("English help lacks %q:\n%s", want, text)
		}
	}
}

// TestHelpCatalogueFollowsTheCommands fails when a command's English help
// changed and its catalogue entry (and so its French) did not: the
// catalogue's English must be the command's own text.
func TestHelpCatalogueFollowsTheCommands(t *testing.T) {
	root := newRootCmd(newGlobals(nil, &bytes.Buffer{}, &bytes.Buffer{}))
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	check := func(key, own string) {
		if m, ok := i18n.Lookup(key); ok && m.EN != own {
			t.Errorf("%s: the command says %q, the catalogue %q: update the catalogue's English and French", key, own, m.EN)
		}
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		p := helpKey(c)
		path := strings.TrimSpace(strings.TrimPrefix(c.CommandPath(), "atelier"))
		if pendingFrench(path) {
			if _, ok := i18n.Lookup(p + ".short"); ok && helpNotYetFrench[path] {
				t.Errorf("atelier %s has French help now: remove it from helpNotYetFrench", path)
			}
			for _, s := range c.Commands() {
				walk(s)
			}
			return
		}
		if _, ok := i18n.Lookup(p + ".short"); !ok {
			t.Errorf("atelier %s: no %s.short in the catalogue: its help has no French", c.CommandPath(), p)
		}
		check(p+".short", c.Short)
		check(p+".long", c.Long)
		check(p+".example", c.Example)
		check(p+".use", c.Use)
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				return
			}
			if _, ok := i18n.Lookup(p + ".flag." + f.Name); !ok {
				t.Errorf("atelier %s --%s: no %s.flag.%s in the catalogue", c.CommandPath(), f.Name, p, f.Name)
			}
			check(p+".flag."+f.Name, f.Usage)
		})
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}
