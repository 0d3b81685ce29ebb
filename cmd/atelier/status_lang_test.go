package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// Issue 9.4: the ledger answers values; status and unit show say them in
// the reader's language, on screen and in --json.
func TestStatusAndShowSpeakTheReadersLanguage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	for _, args := range [][]string{
		{"init"},
		{"intake", "add", "--serial", "CN0ABC123", "--vendor", "Dell", "--model", "Latitude E6410", "--donor", "Mme Martin"},
		{"intake", "add", "--serial", "NOMODEL1"},
		{"unit", "move", "CN0ABC123", "triaged", "--reason", "écran fêlé"},
		{"unit", "note", "CN0ABC123", "clavier à changer"},
	} {
		if _, stderr, code := runEscapeCLI(t, path, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	want := map[string][]struct{ args, says []string }{
		"fr": {
			{[]string{"status", "CN0ABC123"}, []string{"— Dell Latitude E6410 — examiné depuis le ", ", en attente d'effacement des disques\n"}},
			{[]string{"status", "NOMODEL1", "--json"}, []string{`"machine": "modèle inconnu"`, `"sentence": "PCS-26-0002 — modèle inconnu — reçu le `}},
			{[]string{"unit", "show", "CN0ABC123"}, []string{"reçu (Mme Martin)", "reçu -> trié\u202f: écran fêlé", "note\u202f: clavier à changer"}},
			{[]string{"unit", "show", "CN0ABC123", "--json"}, []string{`"summary": "reçu (Mme Martin)"`, `"summary": "note` + "\u202f" + `: clavier à changer"`}},
		},
		"en": {
			{[]string{"status", "CN0ABC123"}, []string{"— Dell Latitude E6410 — examined since ", ", waiting for its disks to be wiped\n"}},
			{[]string{"status", "NOMODEL1", "--json"}, []string{`"machine": "unknown model"`, `"sentence": "PCS-26-0002 — unknown model — received on `}},
			{[]string{"unit", "show", "CN0ABC123"}, []string{"received (Mme Martin)", "received -> triaged: écran fêlé", "note: clavier à changer"}},
			{[]string{"unit", "show", "CN0ABC123", "--json"}, []string{`"summary": "received (Mme Martin)"`, `"summary": "note: clavier à changer"`}},
		},
	}
	for lang, cases := range want {
		for _, c := range cases {
			out, stderr, code := runEscapeCLI(t, path, append([]string{"--lang", lang}, c.args...)...)
			if code != 0 {
				t.Fatalf("%s %v: exit %d: %s", lang, c.args, code, stderr)
			}
			for _, s := range c.says {
				if !strings.Contains(out, s) {
					t.Errorf("%s %v: %q missing from\n%s", lang, c.args, s, out)
				}
			}
		}
	}
}

// A disk not erased on a unit past the wipe is said after the sentence
// and in --json's warnings, in both languages.
func TestStatusJSONSaysUnerasedDisks(t *testing.T) {
	s := inventory.Status{Unit: inventory.Unit{ID: "PCS-26-0001", Vendor: "Dell", Model: "Latitude E6410", State: "ready"},
		Unerased: []inventory.UnitDisk{{DiskRecord: inventory.DiskRecord{Serial: "D2"}, Erasure: inventory.ErasureUnverified}}}
	for l, warn := range map[i18n.Lang]string{
		i18n.FR: "ATTENTION\u202f: disque D2 effacé, non vérifié",
		i18n.EN: "WARNING: disk D2 erased, not verified",
	} {
		j := statusJSONOf(s, l)
		if len(j.Warnings) != 1 || j.Warnings[0] != warn || !strings.HasSuffix(j.Sentence, " — "+warn) || j.Machine != "Dell Latitude E6410" {
			t.Errorf("%s: %+v", l, j)
		}
	}
}
