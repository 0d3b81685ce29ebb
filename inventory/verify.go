package inventory

import (
	"context"
	"fmt"
)

// VerifyResult says how much of the chain was checked.
type VerifyResult struct {
	Events  int `json:"events"`
	Benches int `json:"benches"`
	// FirstBad is the first event found altered, out of place or missing
	// (for removed newest events: the last one recorded as the bench's head).
	FirstBad string `json:"first_bad,omitempty"`
}

// guardTriggers are the triggers that keep events append-only; one missing
// means someone removed it, most likely to rewrite history.
var guardTriggers = []string{"events_no_update", "events_no_delete", "bench_heads_no_delete", "bench_heads_no_rewind"}

// link is the last event seen on a bench's chain.
type link struct {
	seq      int64
	hash, id string
}

// Verify walks each bench's chain of events and returns an error naming the
// first event that does not match its hash, or does not follow the previous
// one (an event removed, inserted or rewritten).
func (l *Ledger) Verify(ctx context.Context) (VerifyResult, error) {
	var res VerifyResult
	// Read in id order (the table's own order, so one sequential scan): within
	// a bench, ids grow with the chain, so each bench's events come in chain
	// order even when several benches' ledgers were merged.
	// Hashing runs on this goroutine while another reads the next events.
	vctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []Event, 16)
	readErr := make(chan error, 1)
	go func() { readErr <- readAllEvents(vctx, l.db, batches) }()
	last := map[string]link{}
	var bad error
	for batch := range batches {
		if bad != nil {
			continue // drain so the reader can finish
		}
		for _, e := range batch {
			prev, seen := last[e.Bench]
			if !seen {
				res.Benches++
			}
			switch {
			case e.Seq != prev.seq+1:
				bad = newErr(ErrChainBroken, "verify.gap", e.ID, e.Bench, e.Seq, prev.seq+1)
			case e.PrevHash != prev.hash:
				bad = newErr(ErrChainBroken, "verify.unlinked", e.ID, e.Bench, e.Seq)
			case eventHash(e) != e.Hash:
				bad = newErr(ErrChainBroken, "verify.altered", e.ID, e.Bench, e.Seq)
			}
			if bad != nil {
				res.FirstBad = e.ID
				cancel()
				break
			}
			last[e.Bench] = link{e.Seq, e.Hash, e.ID}
			res.Events++
		}
	}
	if err := <-readErr; bad == nil && err != nil {
		return res, fmt.Errorf("verify: %w", err)
	}
	if bad != nil {
		return res, bad
	}
	if err := l.checkHeads(ctx, last, &res); err != nil {
		return res, err
	}
	if err := l.checkTriggers(ctx); err != nil {
		return res, err
	}
	return res, nil
}

// checkHeads compares each bench's last event with its recorded head: an
// intact chain that stops short of its head lost its newest events.
func (l *Ledger) checkHeads(ctx context.Context, last map[string]link, res *VerifyResult) error {
	rows, err := l.db.QueryContext(ctx, `SELECT bench, seq, hash FROM bench_heads ORDER BY bench`)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var bench, hash string
		var seq int64
		if err := rows.Scan(&bench, &seq, &hash); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		seen[bench] = true
		got := last[bench]
		if got.seq != seq || got.hash != hash {
			res.FirstBad = got.id
			return newErr(ErrChainBroken, "verify.truncated", bench, seq, got.seq)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	for bench, got := range last {
		if !seen[bench] {
			res.FirstBad = got.id
			return newErr(ErrChainBroken, "verify.nohead", bench, got.seq)
		}
	}
	return nil
}

// checkTriggers reports a removed append-only trigger as tampering.
func (l *Ledger) checkTriggers(ctx context.Context) error {
	for _, name := range guardTriggers {
		var n int
		if err := l.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?`, name).Scan(&n); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		if n == 0 {
			return newErr(ErrChainBroken, "verify.notrigger", name)
		}
	}
	return nil
}

// readAllEvents sends every event with all its columns, in id order, in
// batches; it closes out.
func readAllEvents(ctx context.Context, q querier, out chan<- []Event) error {
	defer close(out)
	rows, err := q.QueryContext(ctx, `SELECT `+eventColumns+` FROM events ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	const size = 1024
	batch := make([]Event, 0, size)
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return err
		}
		batch = append(batch, e)
		if len(batch) == size {
			select {
			case out <- batch:
				batch = make([]Event, 0, size)
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		select {
		case out <- batch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
