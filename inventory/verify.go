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
	rows, err := l.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events ORDER BY id`)
	if err != nil {
		return res, fmt.Errorf("verify: %w", err)
	}
	defer rows.Close()
	type link struct {
		seq  int64
		hash string
	}
	last := map[string]link{}
	for rows.Next() {
		if res.Events%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		e, err := scanEvent(rows)
		if err != nil {
			return res, fmt.Errorf("verify: %w", err)
		}
		prev, seen := last[e.Bench]
		if !seen {
			res.Benches++
		}
		switch {
		case e.Seq != prev.seq+1:
			return res, newErr(ErrChainBroken, "verify.gap", e.ID, e.Bench, e.Seq, prev.seq+1)
		case e.PrevHash != prev.hash:
			return res, newErr(ErrChainBroken, "verify.unlinked", e.ID, e.Bench, e.Seq)
		case eventHash(e) != e.Hash:
			return res, newErr(ErrChainBroken, "verify.altered", e.ID, e.Bench, e.Seq)
		}
		last[e.Bench] = link{e.Seq, e.Hash}
		res.Events++
	}
	return res, rows.Err()
}
