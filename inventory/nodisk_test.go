package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

func TestNoDiskRecordedMeansNotProbedYet(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "SER1")
	before := countEvents(t, l)
	_, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{})
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "no disk is recorded for "+u.ID) ||
		!strings.Contains(err.Error(), "--no-disk") || !strings.Contains(err.Error(), "probe --save --unit "+u.ID) {
		t.Fatalf("recycled with no disk recorded: %v", err)
	}
	if n := countEvents(t, l); n != before {
		t.Fatalf("the refusal wrote %d events", n-before)
	}
	if _, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{Site: "MDH X", NoDisk: true}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("--site with recycled: %v", err)
	}
	got, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{NoDisk: true})
	if err != nil || got.State != string(Recycled) {
		t.Fatalf("recycled --no-disk: %+v %v", got, err)
	}
	det, _ := l.Show(ctx, u.ID, i18n.FR)
	last := det.Events[len(det.Events)-1]
	if !strings.Contains(string(last.Payload), `"no_disk":true`) || !strings.Contains(last.Summary, "arrivé sans disque") {
		t.Errorf("the event does not keep --no-disk: %s / %q", last.Payload, last.Summary)
	}

	// A handover of a unit with no disk recorded needs --no-disk too.
	l.AddSite(ctx, cam, "MDH Village 2")
	v := addUnit(t, l, "SER2")
	for _, s := range []State{Triaged} {
		if _, err := l.Move(ctx, cam, v.ID, s, MoveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := l.Move(ctx, cam, v.ID, Parts, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Errorf("parts with no disk recorded: %v", err)
	}
	if _, err := l.Move(ctx, cam, v.ID, Parts, MoveOptions{NoDisk: true}); err != nil {
		t.Errorf("parts --no-disk: %v", err)
	}
}
