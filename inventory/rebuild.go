package inventory

import (
	"context"
	"fmt"
)

// projectionTables are emptied and refilled by Rebuild, children first.
var projectionTables = []string{"handovers", "wipes", "unit_disks", "units", "sites", "images"}

// RebuildResult says what Rebuild read and wrote.
type RebuildResult struct {
	Events int `json:"events"`
	Units  int `json:"units"`
}

// Rebuild recomputes every projection table from the events, in one
// transaction: readers see the old tables or the new ones, never a mix.
func (l *Ledger) Rebuild(ctx context.Context) (RebuildResult, error) {
	var res RebuildResult
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("rebuild: %w", err)
	}
	defer tx.Rollback()
	for _, t := range projectionTables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
			return res, fmt.Errorf("rebuild: empty %s: %w", t, err)
		}
	}
	p := newProj(nil)
	// Only what apply needs: the hashes are verify's business.
	rows, err := tx.QueryContext(ctx, `SELECT id, unit_id, kind, at, payload FROM events ORDER BY id`)
	if err != nil {
		return res, fmt.Errorf("rebuild: %w", err)
	}
	for rows.Next() {
		if res.Events%4096 == 0 {
			if err := ctx.Err(); err != nil {
				rows.Close()
				return res, err
			}
		}
		var e Event
		var at string
		var payload []byte
		err := rows.Scan(&e.ID, &e.Unit, &e.Kind, &at, &payload)
		e.At, e.Payload = parseTime(at), payload
		if err != nil {
			rows.Close()
			return res, fmt.Errorf("rebuild: %w", err)
		}
		if err := p.apply(ctx, e); err != nil {
			rows.Close()
			return res, fmt.Errorf("rebuild: event %s: %w", e.ID, err)
		}
		res.Events++
	}
	if err := rows.Close(); err != nil {
		return res, err
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("rebuild: %w", err)
	}
	res.Units = len(p.units)
	if err := p.flush(ctx, tx); err != nil {
		return res, fmt.Errorf("rebuild: %w", err)
	}
	return res, tx.Commit()
}
