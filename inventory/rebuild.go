package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
)

// projectionTables are emptied and refilled by Rebuild, children first.
var projectionTables = []string{"handovers", "wipes", "unit_disks", "units", "sites", "images"}

// RebuildResult says what Rebuild read and wrote.
type RebuildResult struct {
	Events  int `json:"events"`  // in the ledger
	Applied int `json:"applied"` // of the kinds that shape the views (notes do not)
	Units   int `json:"units"`
}

// CheckedRebuild verifies the chain and refuses to rebuild on a broken one
// unless force: the views would otherwise follow a tampered history without
// a word. The check runs alongside the rebuild (a reader next to the
// writer), and the rebuild commits only once the chain is found intact.
func (l *Ledger) CheckedRebuild(ctx context.Context, force bool) (RebuildResult, error) {
	if force {
		return l.Rebuild(ctx)
	}
	verified := make(chan error, 1)
	vctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		_, err := l.Verify(vctx)
		verified <- err
	}()
	return l.rebuild(ctx, func() error {
		err := <-verified
		var e *Error
		if errors.As(err, &e) && errors.Is(err, ErrChainBroken) {
			return newErr(ErrChainBroken, "rebuild.broken", e)
		}
		return err
	})
}

// Rebuild recomputes every projection table from the events, in one
// transaction: readers see the old tables or the new ones, never a mix.
func (l *Ledger) Rebuild(ctx context.Context) (RebuildResult, error) {
	return l.rebuild(ctx, nil)
}

// rebuild is Rebuild; beforeCommit, when set, may still refuse the result.
func (l *Ledger) rebuild(ctx context.Context, beforeCommit func() error) (RebuildResult, error) {
	var res RebuildResult
	// The whole projection is built in memory and every event allocates:
	// collect garbage less often while it runs, then restore the setting.
	defer debug.SetGCPercent(debug.SetGCPercent(200))
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
	// Two stages on two cores: one goroutine reads events from SQLite, this
	// one decodes and applies them.
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []Event, 16)
	readErr := make(chan error, 1)
	go func() {
		readErr <- readEvents(rctx, tx, batches)
	}()
	var applyErr error
	for batch := range batches {
		if applyErr != nil {
			continue // drain so the reader can finish
		}
		for _, e := range batch {
			if err := p.apply(ctx, e); err != nil {
				applyErr = fmt.Errorf("rebuild: event %s: %w", e.ID, err)
				cancel()
				break
			}
			res.Applied++
		}
	}
	if err := <-readErr; applyErr == nil && err != nil {
		applyErr = fmt.Errorf("rebuild: %w", err)
	}
	if applyErr != nil {
		return res, applyErr
	}
	res.Units = len(p.units)
	// Each bench numbers its events 1, 2, 3...: the total without a scan.
	var total sql.NullInt64
	if err := tx.QueryRowContext(ctx,
		`SELECT SUM(n) FROM (SELECT MAX(bench_seq) AS n FROM events GROUP BY bench) AS per_bench`).Scan(&total); err != nil {
		return res, fmt.Errorf("rebuild: %w", err)
	}
	res.Events = int(total.Int64)
	if err := p.flush(ctx, tx); err != nil {
		return res, fmt.Errorf("rebuild: %w", err)
	}
	if beforeCommit != nil {
		if err := beforeCommit(); err != nil {
			return RebuildResult{}, err
		}
	}
	return res, tx.Commit()
}

// readEvents sends every event, in id order, in batches; it closes out.
func readEvents(ctx context.Context, tx *sql.Tx, out chan<- []Event) error {
	defer close(out)
	// Only what apply needs: the hashes are verify's business, and notes or
	// deploy reports change no view.
	q := `SELECT id, unit_id, kind, at, payload FROM events WHERE kind IN (?` +
		strings.Repeat(`, ?`, len(projectedKinds)-1) + `) ORDER BY id`
	args := make([]any, len(projectedKinds))
	for i, k := range projectedKinds {
		args[i] = k
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	const size = 1024
	batch := make([]Event, 0, size)
	send := func() error {
		select {
		case out <- batch:
			batch = make([]Event, 0, size)
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var at string
	for rows.Next() {
		var e Event
		var payload []byte
		if err := rows.Scan(&e.ID, &e.Unit, &e.Kind, &at, &payload); err != nil {
			return err
		}
		e.At, e.Payload = parseTime(at), payload
		batch = append(batch, e)
		if len(batch) == size {
			if err := send(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return send()
	}
	return nil
}
