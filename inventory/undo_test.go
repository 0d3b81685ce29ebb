package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// readyUnit is a unit wiped, deployed and marked ready, with a site to
// reserve it for.
func readyUnit(t *testing.T, l *Ledger, serial string) Unit {
	t.Helper()
	ctx := context.Background()
	u := wipedUnit(t, l, serial, "D-"+serial)
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: "D-" + serial, Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Ready, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddSite(ctx, cam, "MDH Village 2"); err != nil && !errors.Is(err, ErrDuplicate) {
		t.Fatal(err)
	}
	got, _ := l.FindUnit(ctx, u.ID)
	return got
}

// wantRebuildSame checks that ledger rebuild replays the undo (its rules
// included) to the same views.
func wantRebuildSame(t *testing.T, l *Ledger) {
	t.Helper()
	before := dump(t, l)
	if _, err := l.CheckedRebuild(context.Background(), false); err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if after := dump(t, l); after != before {
		t.Errorf("rebuild changed the views:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestUndoMistakenReady(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	imaged := wipedUnit(t, l, "S1", "D1")
	if _, err := l.RecordDeploy(ctx, cam, imaged.ID, DeployOutcome{Image: "zorin", DiskSerial: "D1", Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	imaged, _ = l.FindUnit(ctx, imaged.ID)
	if _, err := l.Move(ctx, cam, imaged.ID, Ready, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	u, undone, err := l.Undo(ctx, cam, "S1", "keyboard not tested yet")
	if err != nil {
		t.Fatal(err)
	}
	if u.State != string(Imaged) || !u.StateSince.Equal(imaged.StateSince) || undone.From != Ready || undone.To != Imaged {
		t.Fatalf("after undo: %+v (undone %+v), want imaged since %v", u, undone, imaged.StateSince)
	}
	d, err := l.Show(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := d.Events[len(d.Events)-1]; last.Kind != KindMoveUndone || last.Text(i18n.EN) != "ready undone, back to imaged: keyboard not tested yet" {
		t.Errorf("timeline ends with %s %q", last.Kind, last.Text(i18n.EN))
	}
	wantRebuildSame(t, l)
	if _, err := l.Verify(ctx); err != nil {
		t.Errorf("verify: %v", err)
	}
	// An undo is not undone; the move is made again.
	before := countEvents(t, l)
	_, _, err = l.Undo(ctx, cam, u.ID, "oops")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "already an undo") {
		t.Fatalf("undo of an undo: %v", err)
	}
	if countEvents(t, l) != before {
		t.Fatal("a refused undo wrote")
	}
	if u, err := l.Move(ctx, cam, u.ID, Ready, MoveOptions{}); err != nil || u.State != string(Ready) {
		t.Fatalf("ready again: %+v %v", u, err)
	}
}

// A handover is undone while nothing happened since: back to reserved for
// its site, the beneficiary and the handover row gone.
func TestUndoHandover(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := readyUnit(t, l, "H1")
	if _, err := l.Handover(ctx, cam, u.ID, "MDH Village 2", "MDH-VILLAGE2-2026-017"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Note(ctx, cam, u.ID, "wrong machine given"); err != nil {
		t.Fatal(err)
	}
	got, _, err := l.Undo(ctx, cam, u.ID, "handed over the wrong machine")
	if err != nil {
		t.Fatal(err)
	}
	if got.State != string(Reserved) || got.Site != "MDH Village 2" {
		t.Fatalf("after undo: %+v", got)
	}
	var n int
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM handovers WHERE unit_id = ?`, u.ID).Scan(&n); err != nil || n != 0 {
		t.Fatalf("handover rows after undo: %d %v", n, err)
	}
	var ben string
	l.db.QueryRow(`SELECT beneficiary FROM units WHERE id = ?`, u.ID).Scan(&ben)
	if ben != "" {
		t.Errorf("beneficiary kept: %q", ben)
	}
	wantRebuildSame(t, l)
	// Handed over again, then returned: a return stands.
	if _, err := l.Handover(ctx, cam, u.ID, "MDH Village 2", "MDH-VILLAGE2-2026-018"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Returned, MoveOptions{Reason: "moved away"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Undo(ctx, cam, u.ID, "no"); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "erased again") {
		t.Fatalf("undo of a return: %v", err)
	}
}

func TestUndoRefusals(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	fr := func(err error) string {
		var e *Error
		if errors.As(err, &e) {
			return e.In(i18n.FR)
		}
		return ""
	}
	fresh := addUnit(t, l, "F1")
	if _, _, err := l.Undo(ctx, cam, fresh.ID, "why"); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "no move to undo") {
		t.Errorf("nothing to undo: %v", err)
	}
	// Moved by hand, then probed: the probe may depend on it.
	if _, err := l.Move(ctx, cam, fresh.ID, Triaged, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RecordProbe(ctx, cam, fresh.ID, nil, nil, "B", []DiskRecord{{Serial: "DF1"}}); err != nil {
		t.Fatal(err)
	}
	_, _, err := l.Undo(ctx, cam, fresh.ID, "why")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "something happened since (probed at ") ||
		!strings.Contains(fr(err), "il s'est passé quelque chose depuis") {
		t.Errorf("a probe since: %v / %s", err, fr(err))
	}
	// Moves recorded by a wipe, a deploy or a probe are facts.
	w := wipedUnit(t, l, "W1", "DW1")
	_, _, err = l.Undo(ctx, cam, w.ID, "why")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "became wiped through a wipe, which is a fact") ||
		!strings.Contains(fr(err), "par un effacement") {
		t.Errorf("undo of a wipe: %v / %s", err, fr(err))
	}
	if _, err := l.RecordDeploy(ctx, cam, w.ID, DeployOutcome{Image: "zorin", DiskSerial: "DW1", Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Undo(ctx, cam, w.ID, "why"); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "through a deploy") {
		t.Errorf("undo of a deploy: %v", err)
	}
	p := addUnit(t, l, "P1")
	if _, err := l.RecordProbe(ctx, cam, p.ID, nil, nil, "B", []DiskRecord{{Serial: "DP1"}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Undo(ctx, cam, p.ID, "why"); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "through a probe") {
		t.Errorf("undo of a probe's triage: %v", err)
	}
	// The reason is required and goes through the personal-data checks.
	r := readyUnit(t, l, "R1")
	before := countEvents(t, l)
	if _, _, err := l.Undo(ctx, cam, r.ID, "  "); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "--reason") {
		t.Errorf("no reason: %v", err)
	}
	if _, _, err := l.Undo(ctx, cam, r.ID, "the beneficiary called from 06 12 34 56 78"); err == nil || !strings.Contains(err.Error(), "the reason") {
		t.Errorf("a phone number in the reason: %v", err)
	}
	if countEvents(t, l) != before {
		t.Fatal("a refused undo wrote")
	}
	wantRebuildSame(t, l)
}

// A key holder's undo that restores another state than the one before the
// move is refused on replay.
func TestForgedUndoIsRefusedByTheReplay(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := readyUnit(t, l, "X1")
	var moveID string
	l.db.QueryRow(`SELECT id FROM events WHERE unit_id = ? AND kind = 'moved' ORDER BY id DESC LIMIT 1`, u.ID).Scan(&moveID)
	e := forge(t, raw(t, l), l.bench, u.ID, KindMoveUndone,
		Undone{Undone: moveID, From: Ready, To: Triaged, Since: u.StateSince, Reason: "skip the deploy"}, signWith(benchPriv(t, l)))
	_, err := l.CheckedRebuild(ctx, false)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), e.ID) {
		t.Fatalf("CheckedRebuild = %v, want event %s refused", err, e.ID)
	}
}
