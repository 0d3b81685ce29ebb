package inventory

import (
	"context"
	"strings"
)

// batchKey carries, in a context, the open write of a Batch on one ledger.
type batchKey struct{ l *Ledger }

// Batch runs fn and every write it makes on l through bctx (Move, Note,
// RecordProbe, WipeFinished...) in one transaction: each write checks its
// rules and appends its events exactly as alone, but nothing is committed
// until fn returns nil, and any error rolls everything back. It lets a
// program that records many steps (the benchmark ledger builder) pay for one
// commit instead of one per step. Reads through l inside fn do not see the
// batch's uncommitted writes: only the write methods join it. A write
// refused inside fn may have appended part of its events: fn must return
// its error, so that the whole batch is rolled back.
func (l *Ledger) Batch(ctx context.Context, a Actor, fn func(bctx context.Context) error) error {
	return l.write(ctx, a, func(w *writer) error {
		return fn(context.WithValue(ctx, batchKey{l}, w))
	})
}

// batchWriter is the open write of the Batch ctx carries for l, if any.
func (l *Ledger) batchWriter(ctx context.Context) (*writer, bool) {
	w, ok := ctx.Value(batchKey{l}).(*writer)
	return w, ok
}

// as runs fn in w's transaction with op as the operator of its events.
func (w *writer) as(op string, fn func(w *writer) error) error {
	saved := w.operator
	w.operator = strings.TrimSpace(op)
	defer func() { w.operator = saved }()
	return fn(w)
}
