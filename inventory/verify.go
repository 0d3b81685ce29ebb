package inventory

import (
	"context"
	"fmt"
)

// VerifyResult says how much of the chain was checked.
type VerifyResult struct {
	Events  int `json:"events"`
	Benches int `json:"benches"`
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
	type link struct {
		seq  int64
		hash string
	}
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
				cancel()
				break
			}
			last[e.Bench] = link{e.Seq, e.Hash}
			res.Events++
		}
	}
	if err := <-readErr; bad == nil && err != nil {
		return res, fmt.Errorf("verify: %w", err)
	}
	if bad != nil {
		return res, bad
	}
	return res, nil
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
