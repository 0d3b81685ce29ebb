package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Conflicts: two benches acted on one unit while apart (one handed it
// over, the other sent it to recycling). On a single bench the commands
// refuse such events before writing them; after a merge, each unit's events
// apply in id order (causal: see writer.unitFloor), and an event the
// lifecycle no longer allows at its place does not apply. The unit keeps
// the state the earlier event gave it, and the event is listed by
// `atelier ledger conflicts` until someone resolves it (an event too). So
// the views stay a function of the set of events, whatever the order of
// syncs, and no unit leaves with a disk not erased.

// Event kinds of conflicts.
const (
	// KindConflictFound: a hub records each conflict a merge found, so that
	// every bench pulling from it sees when and where it was found.
	KindConflictFound    = "conflict.found"
	KindConflictResolved = "conflict.resolved"
)

// Reasons an event did not apply.
const (
	ConflictDiverged   = "diverged"    // a move from a state the unit had already left
	ConflictNotErased  = "not_erased"  // a move out of the workshop with a disk not erased
	ConflictAfterLeave = "after_leave" // a disk recorded or failed on a unit that had left
	// ConflictSerial: the same machine registered at two benches before
	// they synced. Both units stay (each has its own path); the later
	// intake is listed until someone resolves it.
	ConflictSerial = "duplicate_serial"
	// ConflictUndoLate: an undo that came (in id order) after another
	// event on the unit than the move it reverses: another bench acted on
	// the unit, or undid the same move, meanwhile.
	ConflictUndoLate = "undo_late"
)

// Conflict is an event that did not apply, as `ledger conflicts` lists it.
type Conflict struct {
	Event    string    `json:"event"`
	Unit     string    `json:"unit"`
	Bench    string    `json:"bench"`
	Kind     string    `json:"kind"`
	At       time.Time `json:"at"`
	Reason   string    `json:"reason"`
	State    State     `json:"state"`                // the unit's state when the event came
	Wanted   State     `json:"wanted"`               // for a move: where it would have gone
	Recorded string    `json:"recorded_by"`          // the hub's conflict.found event ('' before)
	Resolved string    `json:"resolved_by"`          // the conflict.resolved event ('' while open)
	Note     string    `json:"note,omitempty"`       // the resolution's note
	Other    string    `json:"other_unit,omitempty"` // duplicate_serial: the unit registered first
	// Winner is the move that gave the unit its state, when one did.
	Winner      string `json:"winner_event,omitempty"`
	WinnerBench string `json:"winner_bench,omitempty"`
}

type conflictPayload struct {
	Event string `json:"event"`
	Note  string `json:"note,omitempty"`
}

// conflictOf says why e (decoded) cannot apply to its unit now, or "".
func (p *proj) conflictOf(ctx context.Context, e Event, dec any) (reason string, state, wanted State, err error) {
	switch e.Kind {
	case KindMoved, KindProbed, KindWipeStarted, KindWipeFinished, KindMoveUndone, KindUnitMerged, KindUnitAbsorbed,
		KindDiskDestroyed, KindWipeCertified:
	default:
		return "", "", "", nil
	}
	u, err := p.unit(ctx, e.Unit)
	if err != nil || u == nil {
		return "", "", "", err
	}
	state = State(u.State)
	if r := mergeConflictOf(u, e, dec); r != "" {
		return r, state, "", nil
	}
	disks, err := p.unitDisks(ctx, e.Unit)
	if err != nil {
		return "", "", "", err
	}
	switch pl := dec.(type) {
	case *movedPayload:
		if pl.From != state {
			return ConflictDiverged, state, pl.To, nil
		}
		if pl.To.leaves() && !allErased(disks, pl.NoDisk) {
			return ConflictNotErased, state, pl.To, nil
		}
	case *probedPayload:
		if state.leaves() {
			for _, d := range pl.Disks {
				if disks[key(d.Serial)] == nil {
					return ConflictAfterLeave, state, "", nil
				}
			}
		}
	case *WipeStart:
		if state.leaves() && disks[key(pl.Disk.Serial)] == nil {
			return ConflictAfterLeave, state, "", nil
		}
	case *WipeOutcome:
		if state.leaves() && pl.Status != ErasurePassed {
			return ConflictAfterLeave, state, "", nil
		}
	case *Undone:
		// As `unit undo` and the replay rule (ruleUndo) ask: the move it
		// reverses is still the unit's last fact.
		if pl.From != state {
			return ConflictUndoLate, state, pl.To, nil
		}
		last, err := p.lastFactOf(ctx, e)
		if err != nil {
			return "", "", "", err
		}
		if last != pl.Undone {
			return ConflictUndoLate, state, pl.To, nil
		}
	}
	return "", "", "", nil
}

// sawFact notes e as its unit's newest applied event (notes aside): the
// projection applies each unit's events in id order.
func (p *proj) sawFact(e Event) {
	if e.Unit != "" && e.Kind != KindNote {
		p.lastFact[e.Unit] = e.ID
	}
}

// lastFactOf is the newest event of e's unit before e that applied (notes
// aside): from what this projection saw, else from the ledger, skipping
// the events listed as conflicts (which did not apply).
func (p *proj) lastFactOf(ctx context.Context, e Event) (string, error) {
	if id, ok := p.lastFact[e.Unit]; ok || p.q == nil {
		return id, nil
	}
	rows, err := p.q.QueryContext(ctx, `SELECT e.id, c.event_id IS NOT NULL FROM events e
		LEFT JOIN conflicts c ON c.event_id = e.id AND c.reason <> ?
		WHERE e.unit_id = ? AND e.id < ? AND e.kind <> ? ORDER BY e.id DESC`, ConflictSerial, e.Unit, e.ID, KindNote)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var flagged bool
		if err := rows.Scan(&id, &flagged); err != nil {
			return "", err
		}
		// A duplicate serial is listed, but its intake applied.
		if c := p.conflicts[id]; !flagged && (c == nil || c.Reason == ConflictSerial) {
			return id, nil
		}
	}
	return "", rows.Err()
}

// allErased: every disk has a passed erasure or was destroyed, or the
// unit came with none (noDisk).
func allErased(disks map[string]*diskRow, noDisk bool) bool {
	if len(disks) == 0 {
		return noDisk
	}
	for _, d := range disks {
		if d.Erasure != ErasurePassed && d.Erasure != ErasureDestroyed {
			return false
		}
	}
	return true
}

type conflictRow struct {
	Conflict
	dirty bool
}

// conflictRowOf loads a unit's conflict row by its event (nil when none).
func (p *proj) conflictRowOf(ctx context.Context, event string) (*conflictRow, error) {
	if c, ok := p.conflicts[event]; ok || p.q == nil {
		return c, nil
	}
	c, err := scanConflict(p.q.QueryRowContext(ctx, `SELECT `+conflictColumns+` FROM conflicts WHERE event_id = ?`, event))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r := &conflictRow{Conflict: *c}
	p.conflicts[event] = r
	return r, nil
}

// flag records e as a conflict instead of applying it.
func (p *proj) flag(e Event, reason string, state, wanted State) {
	p.conflicts[e.ID] = &conflictRow{dirty: true, Conflict: Conflict{Event: e.ID, Unit: e.Unit, Bench: e.Bench,
		Kind: e.Kind, At: e.At, Reason: reason, State: state, Wanted: wanted}}
}

// applyConflictEvent folds conflict.found and conflict.resolved.
func (p *proj) applyConflictEvent(ctx context.Context, e Event) error {
	var pl conflictPayload
	if err := jsonUnmarshal(e.Payload, &pl); err != nil {
		return err
	}
	c, err := p.conflictRowOf(ctx, pl.Event)
	if err != nil || c == nil {
		return err // a conflict a replay no longer finds: nothing to mark
	}
	if e.Kind == KindConflictFound {
		c.Recorded = e.ID
	} else {
		c.Resolved, c.Note = e.ID, pl.Note
	}
	c.dirty = true
	return nil
}

const conflictColumns = `event_id, unit_id, bench, kind, at, reason, state, wanted, recorded_by, resolved_by, note, other_unit`

func scanConflict(s interface{ Scan(...any) error }) (*Conflict, error) {
	var c Conflict
	var at, state, wanted string
	if err := s.Scan(&c.Event, &c.Unit, &c.Bench, &c.Kind, &at, &c.Reason, &state, &wanted, &c.Recorded, &c.Resolved, &c.Note, &c.Other); err != nil {
		return nil, err
	}
	c.At, c.State, c.Wanted = parseTime(at), State(state), State(wanted)
	return &c, nil
}

func (p *proj) flushConflicts(ctx context.Context, tx *sql.Tx) error {
	for id, c := range p.conflicts {
		if !c.dirty {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO conflicts (`+conflictColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (event_id) DO UPDATE SET recorded_by = excluded.recorded_by, resolved_by = excluded.resolved_by,
			note = excluded.note`, id, c.Unit, c.Bench, c.Kind, formatTime(c.At), c.Reason, string(c.State), string(c.Wanted),
			c.Recorded, c.Resolved, c.Note, c.Other); err != nil {
			return err
		}
		c.dirty = false
	}
	return nil
}

// Conflicts lists the conflicts, open ones only unless all, oldest first,
// each with the move that won.
func (l *Ledger) Conflicts(ctx context.Context, all bool) ([]Conflict, error) {
	q := `SELECT ` + conflictColumns + ` FROM conflicts`
	if !all {
		q += ` WHERE resolved_by = ''`
	}
	rows, err := l.db.QueryContext(ctx, q+` ORDER BY event_id`)
	if err != nil {
		return nil, fmt.Errorf("conflicts: %w", err)
	}
	out := []Conflict{}
	for rows.Next() {
		c, err := scanConflict(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("conflicts: %w", err)
		}
		out = append(out, *c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if err := l.winner(ctx, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// winner finds the last move of the unit before the conflicting event that
// did apply.
func (l *Ledger) winner(ctx context.Context, c *Conflict) error {
	rows, err := l.db.QueryContext(ctx, `SELECT e.id, e.bench FROM events e WHERE e.unit_id = ? AND e.kind = ? AND e.id < ?
		AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.event_id = e.id) ORDER BY e.id DESC LIMIT 1`,
		c.Unit, KindMoved, c.Event)
	if err != nil {
		return fmt.Errorf("conflicts: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&c.Winner, &c.WinnerBench); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ResolveConflict records that someone looked at a conflict and did what
// it needed (a move, a note): it leaves the open list.
func (l *Ledger) ResolveConflict(ctx context.Context, a Actor, event, note string) (Conflict, error) {
	var out Conflict
	err := l.write(ctx, a, func(w *writer) error {
		c, err := w.p.conflictRowOf(ctx, strings.ToUpper(strings.TrimSpace(event)))
		if err != nil {
			return err
		}
		if c == nil {
			return newErr(ErrUnknownConflict, "conflict.unknown", event)
		}
		if c.Resolved != "" {
			return newErr(ErrDuplicate, "conflict.resolvedalready", c.Event, c.Resolved)
		}
		if _, err := w.append(ctx, c.Unit, KindConflictResolved, conflictPayload{Event: c.Event, Note: strings.TrimSpace(note)}); err != nil {
			return err
		}
		out = c.Conflict
		return nil
	})
	return out, err
}

// recordConflicts appends a conflict.found event for each conflict not yet
// recorded: a hub does it after every merge (and catches up on those a
// crash left unrecorded).
func (l *Ledger) recordConflicts(ctx context.Context) (int, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT event_id, unit_id FROM conflicts WHERE recorded_by = '' ORDER BY event_id`)
	if err != nil {
		return 0, err
	}
	var todo [][2]string
	for rows.Next() {
		var id, unit string
		if err := rows.Scan(&id, &unit); err != nil {
			rows.Close()
			return 0, err
		}
		todo = append(todo, [2]string{id, unit})
	}
	rows.Close()
	if len(todo) == 0 || rows.Err() != nil {
		return 0, rows.Err()
	}
	err = l.write(ctx, Actor{Operator: "hub"}, func(w *writer) error {
		for _, c := range todo {
			if _, err := w.append(ctx, c[1], KindConflictFound, conflictPayload{Event: c[0]}); err != nil {
				return err
			}
		}
		return nil
	})
	return len(todo), err
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// intake is a unit's "received" event, as checkSerial compares them.
type intake struct {
	unit, event, bench string
	at                 time.Time
}

// checkSerial lists the later of two intakes of one serial (different
// units, so different benches) as a conflict: whichever merge order, the
// earlier intake (by id) stands and the later is listed.
func (p *proj) checkSerial(ctx context.Context, e Event, serial string) error {
	k := key(serial)
	if !p.checkSerials || k == "" {
		return nil
	}
	cur := intake{unit: e.Unit, event: e.ID, bench: e.Bench, at: e.At}
	first, ok := p.serials[k]
	if !ok && p.q != nil {
		var err error
		if first, ok, err = p.loadIntake(ctx, k, e.Unit); err != nil {
			return err
		}
	}
	switch {
	case !ok || first.unit == e.Unit:
		p.serials[k] = cur
	case first.event < cur.event:
		return p.flagSerial(ctx, cur, first.unit)
	default:
		p.serials[k] = cur
		return p.flagSerial(ctx, first, cur.unit)
	}
	return nil
}

// intakeQuery finds the intake of another unit with a serial key.
// Most serials are new: the index of units by serial answers first, and
// only a known serial looks its intake up.
const intakeQuery = `SELECT e.unit_id, e.id, e.bench, e.at FROM events e
	WHERE e.kind = ? AND e.unit_id IN (SELECT u.id FROM units u WHERE u.serial_key = ? AND u.id <> ?)
	ORDER BY e.id LIMIT 1`

// loadIntake finds the intake of another unit with serial key k.
func (p *proj) loadIntake(ctx context.Context, k, not string) (intake, bool, error) {
	var in intake
	var at string
	var row *sql.Row
	if p.intakeStmt != nil {
		row = p.intakeStmt.QueryRowContext(ctx, KindReceived, k, not)
	} else {
		row = p.q.QueryRowContext(ctx, intakeQuery, KindReceived, k, not)
	}
	err := row.Scan(&in.unit, &in.event, &in.bench, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return in, false, nil
	}
	in.at = parseTime(at)
	return in, err == nil, err
}

// flagSerial lists a later intake. A conflict already listed is kept as
// it is: replaying one unit of the pair (an older event arrived) finds the
// other's intake again, whose recording and resolution stand.
func (p *proj) flagSerial(ctx context.Context, in intake, other string) error {
	have, err := p.conflictRowOf(ctx, in.event)
	if err != nil {
		return err
	}
	if have != nil && have.Reason == ConflictSerial && have.Other == other {
		return nil
	}
	p.conflicts[in.event] = &conflictRow{dirty: true, Conflict: Conflict{Event: in.event, Unit: in.unit, Bench: in.bench,
		Kind: KindReceived, At: in.at, Reason: ConflictSerial, State: Received, Other: other}}
	return nil
}
