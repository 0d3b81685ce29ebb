package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Merging two units (issue 10): the same machine registered at two benches
// before they synced is two units, listed as a duplicate_serial conflict.
// `atelier unit merge KEEP OTHER --reason` makes them one, by two events,
// never an edit: "unit.absorbed" on KEEP and "unit.merged" on OTHER, each
// unit's view a function of its own events. OTHER leaves the lists (found
// by its id only, its history kept and shown); KEEP keeps its own path,
// disks and erasures: a wipe recorded under OTHER does not count for KEEP,
// so no unit leaves with a disk not erased on the strength of another
// unit's record. The duplicate_serial conflict between them is resolved in
// the same transaction.
//
// Two benches merging the same pair in opposite directions while apart:
// in id order, the first pair of events stands on both units and the other
// bench's pair is listed as conflicts on both (a unit merged refuses to
// absorb; a unit that absorbed X refuses to be merged into X). Any event
// but a note on a merged unit (a move, a probe, a wipe) is a conflict too.

// Event kinds of a merge.
const (
	KindUnitMerged   = "unit.merged"
	KindUnitAbsorbed = "unit.absorbed"
)

// ConflictMerged: an event on a unit already merged into another, or a
// merge that another merge of the same pair came before.
const ConflictMerged = "merged"

// unitMergePayload is both events' payload: Unit is the other unit of the
// pair (KEEP for unit.merged, OTHER for unit.absorbed).
type unitMergePayload struct {
	Unit   string `json:"unit"`
	Reason string `json:"reason"`
}

// UnitMerge is what MergeUnits recorded.
type UnitMerge struct {
	Keep     string `json:"keep"`
	Other    string `json:"other"`
	Resolved string `json:"resolved_conflict,omitempty"` // the duplicate_serial conflict closed
}

// MergeUnits records that other is the same machine as keep.
func (l *Ledger) MergeUnits(ctx context.Context, a Actor, keepRef, otherRef, reason string) (UnitMerge, error) {
	reason, err := CheckText(FieldReason, reason)
	if err != nil {
		return UnitMerge{}, err
	}
	if reason == "" {
		return UnitMerge{}, newErr(ErrInvalidInput, "merge.noreason")
	}
	var out UnitMerge
	err = l.write(ctx, a, func(w *writer) error {
		keep, err := w.findUnit(ctx, keepRef)
		if err != nil {
			return err
		}
		other, err := w.findUnit(ctx, otherRef)
		if err != nil {
			return err
		}
		if err := checkUnitMerge(keep, other); err != nil {
			return err
		}
		out = UnitMerge{Keep: keep.ID, Other: other.ID}
		if _, err := w.append(ctx, keep.ID, KindUnitAbsorbed, unitMergePayload{Unit: other.ID, Reason: reason}); err != nil {
			return err
		}
		if _, err := w.append(ctx, other.ID, KindUnitMerged, unitMergePayload{Unit: keep.ID, Reason: reason}); err != nil {
			return err
		}
		c, err := serialConflictOf(ctx, w.tx, keep.ID, other.ID)
		if err != nil || c == nil {
			return err
		}
		if _, err := w.append(ctx, c.Unit, KindConflictResolved, conflictPayload{Event: c.Event, Note: reason}); err != nil {
			return err
		}
		out.Resolved = c.Event
		return nil
	})
	return out, err
}

// checkUnitMerge: two units, one machine (the same serial), and the one
// that goes has not left the workshop (a handover stays on record).
func checkUnitMerge(keep, other *unitRow) error {
	switch {
	case keep.ID == other.ID:
		return newErr(ErrInvalidInput, "merge.same", keep.ID)
	case key(keep.Serial) == "" || key(keep.Serial) != key(other.Serial):
		return newErr(ErrRefused, "merge.serial", keep.ID, keep.Serial, other.ID, other.Serial)
	case State(other.State).leaves() && State(keep.State).leaves():
		return newErr(ErrRefused, "merge.bothleft", keep.ID, State(keep.State), other.ID, State(other.State))
	case State(other.State).leaves():
		return newErr(ErrRefused, "merge.left", other.ID, State(other.State), keep.ID)
	}
	return nil
}

// serialConflictOf is the open duplicate_serial conflict between two
// units, nil when none.
func serialConflictOf(ctx context.Context, q querier, a, b string) (*Conflict, error) {
	c, err := scanConflict(q.QueryRowContext(ctx, `SELECT `+conflictColumns+` FROM conflicts
		WHERE reason = ? AND resolved_by = '' AND ((unit_id = ? AND other_unit = ?) OR (unit_id = ? AND other_unit = ?))
		ORDER BY event_id LIMIT 1`, ConflictSerial, a, b, b, a))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("conflicts of %s and %s: %w", a, b, err)
	}
	return c, nil
}

// mergeConflictOf says why e, on a merged unit or merging one, cannot
// apply: "" when it can.
func mergeConflictOf(u *unitRow, e Event, dec any) string {
	switch pl := dec.(type) {
	case *unitMergePayload:
		if u.MergedInto != "" {
			return ConflictMerged
		}
		if e.Kind == KindUnitMerged && hasWord(u.Absorbed, pl.Unit) {
			return ConflictMerged
		}
		return ""
	}
	if u.MergedInto != "" && e.Kind != KindNote {
		return ConflictMerged
	}
	return ""
}

func hasWord(list, w string) bool {
	for _, x := range strings.Fields(list) {
		if x == w {
			return true
		}
	}
	return false
}

// applyUnitMerge folds unit.merged and unit.absorbed.
func (p *proj) applyUnitMerge(ctx context.Context, e Event, pl *unitMergePayload) error {
	u, err := p.unit(ctx, e.Unit)
	if err != nil || u == nil {
		return orMissing(err, e)
	}
	if e.Kind == KindUnitMerged {
		u.MergedInto = pl.Unit
	} else {
		u.Absorbed = strings.TrimSpace(u.Absorbed + " " + pl.Unit)
	}
	p.dirtyUnits[e.Unit] = true
	return nil
}
