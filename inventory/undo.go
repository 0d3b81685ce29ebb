package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Undoing a mistaken move (issue 14). Events are never edited (invariant
// 3): an undo is a new event, "move.undone", that names the move it
// reverses and carries the state the unit had before it, so that a rebuild
// replays it to the same picture. Only the unit's last move may be undone,
// and only while nothing but notes happened since: a wipe, a probe or a
// deploy after it may depend on it. A move recorded by a wipe, a deploy or
// a probe is part of that fact and stands; a return too (its disks held a
// beneficiary's data); and an undo is not undone: the move is made again.

// KindMoveUndone reverses the unit's last move.
const KindMoveUndone = "move.undone"

// Undone is the state a move took the unit from, restored.
type Undone struct {
	Undone      string    `json:"undone"` // the moved event reversed
	From        State     `json:"from"`   // the state the undone move led to
	To          State     `json:"to"`     // the state restored
	Site        string    `json:"site,omitempty"`
	Beneficiary string    `json:"beneficiary,omitempty"`
	Since       time.Time `json:"since"` // when the restored state began
	Reason      string    `json:"reason"`
}

// undoTrack is what a unit's history says about undoing its last move: the
// last event that set its state, the state before it, and the first later
// event that is a fact (not a note).
type undoTrack struct {
	id       string // the last event that set the state
	kind     string // received, moved or move.undone
	move     movedPayload
	prior    unitRow // the unit before that move
	factKind string  // the kind of the event just before the move (an automatic move's cause)
	later    *Event  // the first fact after it
}

// undoTracks follows units through their events for undo: see track.
type undoTracks map[string]*undoTrack

// track takes e (its payload decoded) into account, before it is applied to
// p. prev is the unit's previous event kind.
func (ts undoTracks) track(p *proj, e Event, dec any, prev string) {
	if e.Unit == "" {
		return
	}
	switch e.Kind {
	case KindReceived:
		ts[e.Unit] = &undoTrack{id: e.ID, kind: KindReceived}
	case KindMoved:
		t := &undoTrack{id: e.ID, kind: KindMoved, move: *dec.(*movedPayload), factKind: prev}
		if u := p.units[e.Unit]; u != nil {
			t.prior = *u
		}
		ts[e.Unit] = t
	case KindMoveUndone:
		ts[e.Unit] = &undoTrack{id: e.ID, kind: KindMoveUndone}
	case KindNote:
	default:
		if t := ts[e.Unit]; t != nil && t.later == nil {
			ev := e
			t.later = &ev
		}
	}
}

// undoable says why the last move of unit cannot be undone; nil when it can.
func (t *undoTrack) undoable(unit string) error {
	if t == nil || t.kind == KindReceived {
		return newErr(ErrRefused, "undo.nothing", unit)
	}
	if t.kind == KindMoveUndone {
		return newErr(ErrRefused, "undo.undo", unit)
	}
	mv := t.move
	if mv.Auto && mv.To != Reserved {
		return newErr(ErrRefused, "undo.fact", unit, mv.To, undoFact(t.factKind))
	}
	if mv.To == Returned {
		return newErr(ErrRefused, "undo.returned", unit)
	}
	if t.later != nil {
		return newErr(ErrRefused, "undo.later", unit, mv.To, t.later.Kind, formatTime(t.later.At))
	}
	return nil
}

// undoFact names the fact an automatic move came with, as an i18n key's
// argument.
type undoFact string

func (f undoFact) key() string {
	switch string(f) {
	case KindDeployed, KindDeployStarted:
		return "undo.by.deploy"
	case KindWipeFinished, KindWipeCertified, KindWipeStarted:
		return "undo.by.wipe"
	case KindProbed:
		return "undo.by.probe"
	}
	return "undo.by.other"
}

// payload is the undo of t's move.
func (t *undoTrack) payload(reason string) Undone {
	return Undone{Undone: t.id, From: t.move.To, To: State(t.prior.State), Site: t.prior.Site,
		Beneficiary: t.prior.Beneficiary, Since: t.prior.StateSince, Reason: reason}
}

// Undo reverses the unit's last move when nothing depends on it, recording
// why; otherwise nothing is written and the error says why not.
func (l *Ledger) Undo(ctx context.Context, a Actor, ref, reason string) (Unit, Undone, error) {
	reason, err := CheckText(FieldReason, reason)
	if err != nil {
		return Unit{}, Undone{}, err
	}
	if reason == "" {
		return Unit{}, Undone{}, newErr(ErrInvalidInput, "undo.noreason")
	}
	var out Unit
	var pl Undone
	err = l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, ref)
		if err != nil {
			return err
		}
		if err := w.flushEvents(); err != nil {
			return err
		}
		if err := openMoveConflict(ctx, w.tx, u.ID); err != nil {
			return err
		}
		t, err := unitUndoTrack(ctx, w.tx, u.ID)
		if err != nil {
			return err
		}
		if err := t.undoable(u.ID); err != nil {
			return err
		}
		pl = t.payload(reason)
		if _, err := w.append(ctx, u.ID, KindMoveUndone, pl); err != nil {
			return err
		}
		out = u.Unit
		return nil
	})
	return out, pl, err
}

// unitUndoTrack replays one unit's events, in a projection of its own, to
// learn its last move and the state before it.
func unitUndoTrack(ctx context.Context, q querier, unit string) (*undoTrack, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+eventColumns+` FROM events WHERE unit_id = ? ORDER BY id`, unit)
	if err != nil {
		return nil, fmt.Errorf("history of %s: %w", unit, err)
	}
	defer rows.Close()
	p := newProj(nil)
	ts := undoTracks{}
	prev := ""
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		dec, err := decodePayload(e)
		if err != nil {
			return nil, fmt.Errorf("history of %s: event %s: %w", unit, e.ID, err)
		}
		reason, _, _, err := p.conflictOf(ctx, e, dec)
		if err != nil {
			return nil, err
		}
		if reason == "" {
			// A conflict did not apply: neither the move to undo nor a
			// fact after it.
			ts.track(p, e, dec, prev)
			prev = e.Kind
		}
		if err := p.applyDecoded(ctx, e, dec); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return ts[unit], nil
}

// openMoveConflict refuses an undo while a move (or an undo) of the unit
// from another bench is an open conflict: the one that applied is not the
// one the person at this bench may think of. Resolving it first says
// which stands.
func openMoveConflict(ctx context.Context, q querier, unit string) error {
	var event string
	err := q.QueryRowContext(ctx, `SELECT event_id FROM conflicts WHERE unit_id = ? AND resolved_by = ''
		AND kind IN (?, ?) ORDER BY event_id LIMIT 1`, unit, KindMoved, KindMoveUndone).Scan(&event)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("conflicts of %s: %w", unit, err)
	}
	return newErr(ErrRefused, "undo.conflict", unit, event)
}

// applyUndone restores the state a move took the unit from.
func (p *proj) applyUndone(ctx context.Context, e Event, pl *Undone) error {
	u, err := p.unit(ctx, e.Unit)
	if err != nil || u == nil {
		return orMissing(err, e)
	}
	if State(u.State) == HandedOver {
		p.dropHandover(pl.Undone)
	}
	u.State, u.Site, u.Beneficiary, u.StateSince = string(pl.To), pl.Site, pl.Beneficiary, pl.Since
	p.dirtyUnits[e.Unit] = true
	return nil
}

// dropHandover removes the handover an undo reversed: from the rows still
// to be written, and from the table at flush.
func (p *proj) dropHandover(eventID string) {
	kept := p.handovers[:0]
	for _, h := range p.handovers {
		if h.EventID != eventID {
			kept = append(kept, h)
		}
	}
	p.handovers = kept
	p.droppedHandovers = append(p.droppedHandovers, eventID)
}

// ruleUndo: an undo reverses the unit's last move, under the same
// conditions as the command, and restores exactly the state before it.
func ruleUndo(_ context.Context, st *replayState, e Event, dec any) error {
	if st.undo == nil {
		st.undo = undoTracks{}
	}
	t := st.undo[e.Unit]
	if e.Kind == KindMoveUndone {
		pl := dec.(*Undone)
		if err := t.undoable(e.Unit); err != nil {
			return err
		}
		if want := t.payload(pl.Reason); t.id != pl.Undone || want.From != pl.From || want.To != pl.To ||
			want.Site != pl.Site || want.Beneficiary != pl.Beneficiary || !want.Since.Equal(pl.Since) {
			return newErr(ErrRefused, "replay.undo", e.Unit, pl.Undone)
		}
	}
	st.undo.track(st.p, e, dec, st.last[e.Unit].kind)
	return nil
}
