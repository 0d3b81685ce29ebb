package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
)

// projectionTables are the views Rebuild recreates, children first.
var projectionTables = append([]string{"handovers", "wipes", "unit_disks", "units", "sites", "images", "benches", "conflicts"}, paperTables...)

func isProjection(table string) bool {
	for _, t := range projectionTables {
		if t == table {
			return true
		}
	}
	return false
}

// RebuildResult says what Rebuild read and wrote.
type RebuildResult struct {
	Events  int `json:"events"`  // in the ledger
	Applied int `json:"applied"` // of the kinds that shape the views (notes do not)
	Units   int `json:"units"`
	// Repaired names what the integrity check found damaged before the
	// rebuild (views, unused pages); empty for a sound file.
	Repaired string `json:"repaired,omitempty"`
	// Unsigned lists benches whose head is not signed yet (see Verify).
	Unsigned []string `json:"unsigned,omitempty"`
}

// CheckedRebuild rebuilds the views after checking, on the very events it
// replays, everything Verify checks (chains, heads, signatures, triggers)
// and the lifecycle rules (checkReplay): it refuses, naming the first bad
// event, a tampered history or one no command could have written, unless
// force. Damage to the events themselves is refused even with force: the
// views would be built from garbage.
func (l *Ledger) CheckedRebuild(ctx context.Context, force bool) (RebuildResult, error) {
	return l.rebuild(ctx, !force)
}

// Rebuild recomputes every projection table from the events without
// checking them (CheckedRebuild with force).
func (l *Ledger) Rebuild(ctx context.Context) (RebuildResult, error) {
	return l.rebuild(ctx, false)
}

// rebuild holds the write lock from start to end: no other process can
// commit meanwhile, so the events it checks and replays, the integrity
// check it runs on another connection and the heads it compares are one
// and the same state of the ledger.
func (l *Ledger) rebuild(ctx context.Context, check bool) (RebuildResult, error) {
	var res RebuildResult
	if l.roErr != nil {
		return res, l.roErr
	}
	// The whole projection is built in memory and every event allocates:
	// collect garbage less often while it runs, then restore the setting.
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	tx, err := l.db.BeginTx(ctx, nil) // IMMEDIATE: the write lock, now
	if err != nil {
		return res, fmt.Errorf("rebuild: %w", err)
	}
	defer tx.Rollback()
	ictx, cancel := context.WithCancel(ctx)
	defer cancel()
	integrity := make(chan damageOrErr, 1)
	go func() { integrity <- l.eng.integrity(ictx, l.db) }()

	p := newProj(nil)
	replayErr := l.replay(ctx, tx, p, check, &res)
	d := <-integrity
	switch {
	case d.err != nil && replayErr == nil:
		return res, fmt.Errorf("rebuild: integrity check: %w", d.err)
	case d.err == nil && d.d.eventsHit():
		return res, newErr(ErrDamaged, "rebuild.damaged", d.d.String())
	case replayErr != nil && isDamaged(replayErr):
		return res, newErr(ErrDamaged, "rebuild.damaged", replayErr.Error())
	case replayErr != nil:
		return res, replayErr
	}
	res.Units = len(p.units)
	if d.d.clean() {
		// A sound file: fresh tables in the same transaction, so readers
		// see the old views or the new ones, never a mix.
		ddl, err := l.eng.resetViews(ctx, tx)
		if err != nil {
			return res, fmt.Errorf("rebuild: %w", err)
		}
		if err := fillTables(ctx, tx, ddl, p); err != nil {
			return res, err
		}
		return res, tx.Commit()
	}
	return res, l.repair(ctx, tx, p, d.d, &res)
}

// repair rebuilds the views of a file the integrity check found damaged
// outside its events: the views are let go without reading them, VACUUM
// rewrites the file from the events, then fresh views are filled. Commands
// meanwhile fail rather than see a half-built view, for a few seconds.
func (l *Ledger) repair(ctx context.Context, tx *sql.Tx, p *proj, d damage, res *RebuildResult) error {
	res.Repaired = d.String()
	ddl, err := projectionDDL(ctx)
	if err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	if err := forgetTables(ctx, tx, projectionTables); err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	if err := vacuum(ctx, l.db); err != nil {
		return fmt.Errorf("rebuild: vacuum: %w", err)
	}
	tx2, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	defer tx2.Rollback()
	// Should a crash have hit between the two transactions, the views
	// are missing, not damaged: drop whatever is there and start over.
	if err := dropTables(ctx, tx2, projectionTables); err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	if err := fillTables(ctx, tx2, ddl, p); err != nil {
		return err
	}
	return tx2.Commit()
}

// fillTables creates the projection tables afresh and saves p into them.
func fillTables(ctx context.Context, tx *sql.Tx, ddl []ddl, p *proj) error {
	for _, d := range ddl {
		if _, err := tx.ExecContext(ctx, d.sql); err != nil {
			return fmt.Errorf("rebuild: create %s: %w", d.table, err)
		}
	}
	if err := p.flush(ctx, tx); err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	return nil
}

// replay reads the events in tx and applies them to p in memory; with
// check, it also walks the chains, checks heads, signatures and triggers,
// and the lifecycle rules before each event.
func (l *Ledger) replay(ctx context.Context, tx *sql.Tx, p *proj, check bool, res *RebuildResult) error {
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []Event, 16)
	readErr := make(chan error, 1)
	var vres VerifyResult
	c := &chain{q: tx, last: map[string]link{}, res: &vres}
	st := newReplayState(p)
	go func() {
		if check {
			readErr <- readAllEvents(rctx, tx, batches)
		} else {
			readErr <- readEvents(rctx, tx, batches)
		}
	}()
	// bad stops everything; ruleErr (a history no command writes) stops
	// applying but not the chain walk: a forged event is better named by
	// the signature it lacks than by the rule it breaks.
	var bad, ruleErr error
	for batch := range batches {
		if bad != nil {
			continue // drain so the reader can finish
		}
		for _, e := range batch {
			var applied bool
			var err error
			if ruleErr != nil {
				err = c.add(ctx, e)
			} else {
				applied, err = l.replayOne(ctx, c, st, e, check)
			}
			var refused *Error
			if errors.As(err, &refused) && refused.Key == "replay.refused" {
				ruleErr, err = err, nil
			}
			if err != nil {
				bad = brokenChain(err)
				cancel()
				break
			}
			if applied {
				res.Applied++
			}
		}
	}
	if err := <-readErr; bad == nil && err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	if bad != nil {
		return bad
	}
	if check {
		err := c.checkHeads(ctx, l.keys, l.bench)
		if err == nil {
			err = checkTriggers(ctx, l.eng, tx)
		}
		if err != nil {
			return brokenChain(err)
		}
		if ruleErr != nil {
			return ruleErr
		}
		res.Events, res.Unsigned = vres.Events, vres.Unsigned
		return nil
	}
	// Each bench numbers its events 1, 2, 3...: the total without a scan.
	var total sql.NullInt64
	if err := tx.QueryRowContext(ctx,
		`SELECT SUM(n) FROM (SELECT MAX(bench_seq) AS n FROM events GROUP BY bench) AS per_bench`).Scan(&total); err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	res.Events = int(total.Int64)
	return nil
}

// replayOne checks (with check) and applies one event; applied says
// whether it shapes the views (notes do not).
func (l *Ledger) replayOne(ctx context.Context, c *chain, st *replayState, e Event, check bool) (applied bool, err error) {
	if check {
		if err := c.add(ctx, e); err != nil {
			return false, err
		}
	}
	dec, err := decodePayload(e)
	if err != nil {
		return false, fmt.Errorf("rebuild: event %s: %w", e.ID, err)
	}
	if check {
		conflict, err := st.conflict(ctx, e, dec)
		if err != nil {
			return false, fmt.Errorf("rebuild: event %s: %w", e.ID, err)
		}
		if conflict {
			// Listed by applyDecoded, not applied: the rules judge the
			// events that shape the unit.
			st.saw(e)
		} else {
			if err := checkReplay(ctx, st, e, dec); err != nil {
				return false, err
			}
			defer st.after(e)
		}
	}
	if dec == nil {
		st.p.sawFact(e)
		return false, nil
	}
	if err := st.p.applyDecoded(ctx, e, dec); err != nil {
		return false, fmt.Errorf("rebuild: event %s: %w", e.ID, err)
	}
	return true, nil
}

// brokenChain says a rebuild was refused for a chain verify rejects.
func brokenChain(err error) error {
	var e *Error
	if errors.As(err, &e) && errors.Is(err, ErrChainBroken) {
		return newErr(ErrChainBroken, "rebuild.broken", e)
	}
	return err
}

// readEvents sends the events that shape the views, in id order, in
// batches; it closes out.
func readEvents(ctx context.Context, tx *sql.Tx, out chan<- []Event) error {
	defer close(out)
	// Only what apply needs: the hashes are verify's business, and notes or
	// deploy reports change no view.
	q := `SELECT id, bench, unit_id, kind, at, payload FROM events WHERE kind IN (?` +
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
		if err := rows.Scan(&e.ID, &e.Bench, &e.Unit, &e.Kind, &at, &payload); err != nil {
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
