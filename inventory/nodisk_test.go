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
	det, _ := l.Show(ctx, u.ID)
	last := det.Events[len(det.Events)-1]
	if !strings.Contains(string(last.Payload), `"no_disk":true`) || !strings.Contains(last.Text(i18n.FR), "arrivé sans disque") {
		t.Errorf("the event does not keep --no-disk: %s / %q", last.Payload, last.Text(i18n.FR))
	}

	// Parts, like recycling, needs --no-disk for a unit with no disk
	// recorded. A handover never meets the case: with no disk recorded a
	// unit cannot be marked wiped, so it never reaches imaged, ready or
	// reserved.
	l.AddSite(ctx, cam, "MDH Village 2")
	v := addUnit(t, l, "SER2")
	if _, err := l.Move(ctx, cam, v.ID, Triaged, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	before = countEvents(t, l)
	if _, err := l.Move(ctx, cam, v.ID, Parts, MoveOptions{}); refusalKey(err) != "refuse.nodiskleave" {
		t.Errorf("parts with no disk recorded: %v, want the no-disk refusal", err)
	}
	if _, err := l.Move(ctx, cam, v.ID, Wiped, MoveOptions{NoDisk: true}); refusalKey(err) != "refuse.nodisk" {
		t.Errorf("wiped with no disk recorded: %v, want the no-disk refusal", err)
	}
	if n := countEvents(t, l); n != before {
		t.Fatalf("the refusals wrote %d events", n-before)
	}
	if got, err := l.Move(ctx, cam, v.ID, Parts, MoveOptions{NoDisk: true}); err != nil || got.State != string(Parts) {
		t.Errorf("parts --no-disk: %+v %v", got, err)
	}
}

// refusalKey is the message key of a ledger refusal, "" for anything else.
func refusalKey(err error) string {
	var e *Error
	if !errors.Is(err, ErrRefused) || !errors.As(err, &e) {
		return ""
	}
	return e.Key
}
