package probe

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// A report is gathered once and read by anyone: its warnings and health
// reasons are keyed notes, said in the reader's language after a trip
// through the JSON form (--json, --save), numbers included.
func TestReportNotesSurviveJSONInEitherLanguage(t *testing.T) {
	dmi := filepath.Join(corpus(t, "dmi"), "04.txt")
	smart := filepath.Join(corpus(t, "smartctl"), "smart-fail2.json")
	r, err := Gather(context.Background(), Options{DMIDecode: dmi, Smartctl: []string{smart}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"schema":"atelier.probe/v2"`) || !strings.Contains(string(b), `"key":"probe.warn.notree"`) {
		t.Fatalf("report JSON is not v2 with keyed warnings: %s", b)
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	fr := NoteTexts(i18n.FR, back.Warnings)
	if !slices.ContainsFunc(fr, func(w string) bool { return strings.Contains(w, "fichiers seulement") }) {
		t.Errorf("warnings in French: %q", fr)
	}
	var health *Health
	for _, d := range back.Disks {
		if d.Health != nil {
			health = d.Health
		}
	}
	if health == nil {
		t.Fatal("no disk health in the report")
	}
	en := strings.Join(NoteTexts(i18n.EN, health.Reasons), "; ")
	frr := strings.Join(NoteTexts(i18n.FR, health.Reasons), "; ")
	if !strings.Contains(en, "8 sectors pending reallocation") || !strings.Contains(frr, "8 secteurs en attente") {
		t.Errorf("reasons after JSON:\n  en %s\n  fr %s", en, frr)
	}
}

// A v1 report (sentences, in the language of its run) still reads: its
// warnings and reasons are shown as they were written, and a v1 report
// written again keeps them as sentences.
func TestReportV1SentencesReadAsTheyAre(t *testing.T) {
	v1 := `{"schema":"atelier.probe/v1","warnings":["mémoire installée inconnue"],
	  "disks":[{"name":"fakesata0","health":{"verdict":"worn","reasons":["56 secteurs déjà réalloués"]}}]}`
	var r Report
	if err := json.Unmarshal([]byte(v1), &r); err != nil {
		t.Fatal(err)
	}
	if !KnownSchema(r.Schema) {
		t.Errorf("v1 is not read")
	}
	if got := NoteTexts(i18n.EN, r.Warnings); !slices.Equal(got, []string{"mémoire installée inconnue"}) {
		t.Errorf("warnings = %q", got)
	}
	if got := NoteTexts(i18n.EN, r.Disks[0].Health.Reasons); !slices.Equal(got, []string{"56 secteurs déjà réalloués"}) {
		t.Errorf("reasons = %q", got)
	}
	b, _ := json.Marshal(r.Warnings)
	if string(b) != `["mémoire installée inconnue"]` {
		t.Errorf("v1 warnings written again as %s", b)
	}
}

// Bad notes are refused as bad JSON, never a panic; a key this atelier does
// not know (a newer one wrote it) falls back to its English text.
func TestNoteJSONEdges(t *testing.T) {
	for _, in := range []string{`{}`, `3`, `[1]`, `{"key":5}`} {
		var n Note
		if err := json.Unmarshal([]byte(in), &n); err == nil {
			t.Errorf("%s read as %+v", in, n)
		}
	}
	var n Note
	if err := json.Unmarshal([]byte(`{"key":"probe.warn.from_the_future","args":[1],"text":"a newer warning"}`), &n); err != nil {
		t.Fatal(err)
	}
	if got := n.In(i18n.FR); got != "a newer warning" {
		t.Errorf("unknown key said %q", got)
	}
}

// FuzzNoteJSON: a report read by check --report comes from anywhere; its
// notes either read and say themselves in both languages, or are refused.
func FuzzNoteJSON(f *testing.F) {
	f.Add([]byte(`"a sentence"`))
	f.Add([]byte(`{"key":"probe.smart.pending","args":[8],"text":"8 sectors"}`))
	f.Add([]byte(`{"key":"probe.warn.step_failed","args":["x",1.5e300,{"a":1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var n Note
		if json.Unmarshal(data, &n) != nil {
			return
		}
		_ = n.In(i18n.FR) + n.In(i18n.EN)
		if _, err := json.Marshal(n); err != nil {
			t.Fatalf("%+v does not write back: %v", n, err)
		}
	})
}

// A capture without sys/block: the warning names the folder as the machine
// has it (not where the capture was unpacked), in the reader's words only.
func TestNoBlockFolderWarnsInEitherLanguage(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"sys/class", "proc"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Gather(context.Background(), Options{Root: root, NoTools: true})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(r.Warnings, func(n Note) bool { return n.Key == "probe.warn.block" })
	if i < 0 {
		t.Fatalf("no probe.warn.block among %v", r.Warnings)
	}
	if en, fr := r.Warnings[i].In(i18n.EN), r.Warnings[i].In(i18n.FR); en != "disks unreadable: cannot read /sys/block" ||
		fr != "disques illisibles\u202f: impossible de lire /sys/block" {
		t.Errorf("en %q, fr %q", en, fr)
	}
}
