package inventory

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Issue 9.4: Show and StatusOf answer values only; no sentence in either
// language is in their results, the edge says them (Text, Sentence).
func TestShowAndStatusCarryNoReaderText(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u, err := l.AddUnit(ctx, cam, NewUnit{Serial: "SER1", Vendor: "Dell", Model: "Latitude E6410", Donor: "Mme Martin"})
	if err != nil {
		t.Fatal(err)
	}
	d := DiskRecord{Serial: "D1"}
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "A", []DiskRecord{d}); err != nil {
		t.Fatal(err)
	}
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: d, Method: "zero"})
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: ErasurePassed, Pattern: "zero"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Note(ctx, cam, u.ID, "clavier à changer"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: d, Method: "zero"}); err != nil { // never finished
		t.Fatal(err)
	}
	bare, err := l.AddUnit(ctx, cam, NewUnit{Serial: "SER2"}) // no model: "unknown model" is the edge's
	if err != nil {
		t.Fatal(err)
	}

	det, err := l.Show(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := det.Events[len(det.Events)-1]; !last.Unfinished {
		t.Fatalf("the wipe never finished is not flagged: %+v", last)
	}
	st, err := l.StatusOf(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	stBare, err := l.StatusOf(ctx, bare.ID)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal([]any{det, st, stBare})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"summary"`, `"sentence"`, `"warnings"`} {
		if strings.Contains(string(out), key) {
			t.Errorf("results carry %s: %s", key, out)
		}
	}
	for _, lang := range []i18n.Lang{i18n.FR, i18n.EN} {
		texts := []string{st.Sentence(lang), stBare.Sentence(lang), stBare.Machine(lang)}
		for _, e := range det.Events {
			texts = append(texts, e.Text(lang))
		}
		for _, text := range texts {
			if text == "" || strings.Contains(string(out), text) {
				t.Errorf("%s: %q is in the ledger's answer (or empty)", lang, text)
			}
		}
	}
}
