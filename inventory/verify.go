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
	rows, err := l.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events ORDER BY bench, bench_seq`)
	if err != nil {
		return res, fmt.Errorf("verify: %w", err)
	}
	defer rows.Close()
	bench, prev, seq := "", "", int64(0)
	first := true
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return res, fmt.Errorf("verify: %w", err)
		}
		if first || e.Bench != bench {
			bench, prev, seq, first = e.Bench, "", 0, false
			res.Benches++
		}
		switch {
		case e.Seq != seq+1:
			return res, newErr(ErrChainBroken, "verify.gap", e.ID, e.Bench, e.Seq, seq+1)
		case e.PrevHash != prev:
			return res, newErr(ErrChainBroken, "verify.unlinked", e.ID, e.Bench, e.Seq)
		case eventHash(e) != e.Hash:
			return res, newErr(ErrChainBroken, "verify.altered", e.ID, e.Bench, e.Seq)
		}
		prev, seq = e.Hash, e.Seq
		res.Events++
	}
	return res, rows.Err()
}
