package inventory

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// VerifyResult says how much of the ledger was checked.
type VerifyResult struct {
	Events  int `json:"events"`
	Benches int `json:"benches"`
	// FirstBad is the first event found altered, out of place or missing
	// (for removed newest events: the last one recorded as the bench's head).
	FirstBad string       `json:"first_bad,omitempty"`
	Heads    []HeadStatus `json:"heads"`
	// Unsigned lists the benches whose head carries no signature yet (a
	// ledger from before signed heads): consistent, but not proven.
	Unsigned []string `json:"unsigned,omitempty"`
}

// HeadStatus is one bench's last event as verify found it.
type HeadStatus struct {
	Bench  string `json:"bench"`
	Seq    int64  `json:"seq"`
	Signed bool   `json:"signed"`
	Key    string `json:"key,omitempty"` // fingerprint of the key its signature verifies with
}

// guardTriggers keep events, heads and keys append-only; one missing means
// someone removed it, most likely to rewrite history.
var guardTriggers = []string{"events_no_update", "events_no_delete", "bench_heads_no_delete",
	"bench_heads_no_rewind", "bench_keys_no_update", "bench_keys_no_delete", "bench_heads_keep_sig"}

// link is the last event seen on a bench's chain.
type link struct {
	seq      int64
	hash, id string
}

// Verify checks, in one read transaction (so that writers running at the
// same time cannot make it see half of their work): each bench's chain of
// events (every hash, every link, no number missing or out of order), that
// each chain ends at its recorded head, that each head is signed by its
// bench's key (and that key is the one in bench.pub beside the ledger), that
// the append-only triggers are in place, and SQLite's integrity check over
// the whole file. It returns an error naming the first problem found.
func (l *Ledger) Verify(ctx context.Context) (VerifyResult, error) {
	res := VerifyResult{Heads: []HeadStatus{}}
	vctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The integrity check reads every page: on the other core, meanwhile.
	integrity := make(chan damageOrErr, 1)
	go func() { integrity <- l.eng.integrity(vctx, l.db) }()
	tx, err := l.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return res, fmt.Errorf("verify: %w", err)
	}
	defer tx.Rollback()
	chainErr := l.verifyIn(vctx, tx, &res)
	d := <-integrity
	return res, verdict(chainErr, d, &res)
}

// verdict orders what verify found: damage to the events first (then a
// hash mismatch may be the damage, not tampering), then tampering, then
// damage to the views only, then heads that are merely unsigned.
func verdict(chainErr error, d damageOrErr, res *VerifyResult) error {
	if d.err != nil && chainErr == nil {
		return fmt.Errorf("verify: integrity check: %w", d.err)
	}
	if d.err == nil && d.d.eventsHit() {
		return newErr(ErrDamaged, "verify.damaged", d.d.String())
	}
	if chainErr != nil {
		if isDamaged(chainErr) {
			return newErr(ErrDamaged, "verify.damaged", chainErr.Error())
		}
		return chainErr
	}
	if !d.d.clean() {
		return newErr(ErrDamaged, "verify.views", d.d.String())
	}
	if len(res.Unsigned) > 0 {
		return newErr(ErrUnsigned, "verify.unsigned", strings.Join(res.Unsigned, ", "))
	}
	return nil
}

type damageOrErr struct {
	d   damage
	err error
}

// verifyIn checks the chains, heads, signatures and triggers as q sees them.
func (l *Ledger) verifyIn(ctx context.Context, q querier, res *VerifyResult) error {
	c := &chain{q: q, last: map[string]link{}, res: res}
	if err := c.walk(ctx); err != nil {
		return err
	}
	if err := c.checkHeads(ctx, l.keys, l.bench); err != nil {
		return err
	}
	return checkTriggers(ctx, l.eng, q)
}

// chain follows each bench's chain of events.
type chain struct {
	q    querier
	last map[string]link
	res  *VerifyResult
}

// walk reads every event in id order (the table's own order, so one
// sequential scan): within a bench, ids grow with the chain, so each
// bench's events come in chain order even when several benches' ledgers
// were merged. Hashing runs on this goroutine while another reads.
func (c *chain) walk(ctx context.Context) error {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []Event, 16)
	readErr := make(chan error, 1)
	go func() { readErr <- readAllEvents(wctx, c.q, batches) }()
	var bad error
	for batch := range batches {
		if bad != nil {
			continue // drain so the reader can finish
		}
		for _, e := range batch {
			if bad = c.add(ctx, e); bad != nil {
				cancel()
				break
			}
		}
	}
	if err := <-readErr; bad == nil && err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	return bad
}

// add checks one event against the previous one of its bench.
func (c *chain) add(ctx context.Context, e Event) error {
	prev, seen := c.last[e.Bench]
	if !seen {
		c.res.Benches++
	}
	want := prev.seq + 1
	var bad error
	switch {
	case e.Seq < want:
		// A later event was already seen: the ids no longer follow the chain.
		bad = newErr(ErrChainBroken, "verify.reordered", e.Bench, prev.seq, prev.id, e.Seq)
	case e.Seq > want:
		id, err := eventAt(ctx, c.q, e.Bench, want)
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		if id != "" {
			bad = newErr(ErrChainBroken, "verify.reordered", e.Bench, e.Seq, e.ID, want)
		} else {
			bad = newErr(ErrChainBroken, "verify.gap", e.ID, e.Bench, e.Seq, want)
		}
	case e.PrevHash != prev.hash:
		bad = newErr(ErrChainBroken, "verify.unlinked", e.ID, e.Bench, e.Seq)
	case eventHash(e) != e.Hash:
		bad = newErr(ErrChainBroken, "verify.altered", e.ID, e.Bench, e.Seq)
	}
	if bad != nil {
		c.res.FirstBad = e.ID
		return bad
	}
	c.last[e.Bench] = link{e.Seq, e.Hash, e.ID}
	c.res.Events++
	return nil
}

// eventAt is the id of a bench's event number seq, "" when there is none.
func eventAt(ctx context.Context, q querier, bench string, seq int64) (string, error) {
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM events WHERE bench = ? AND bench_seq = ?`, bench, seq).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// head is a bench's recorded last event and its signature.
type head struct {
	bench, hash, sig string
	seq              int64
}

func readHeads(ctx context.Context, q querier) ([]head, map[string]ed25519.PublicKey, error) {
	rows, err := q.QueryContext(ctx, `SELECT bench, seq, hash, sig FROM bench_heads ORDER BY bench`)
	if err != nil {
		return nil, nil, err
	}
	var heads []head
	for rows.Next() {
		var h head
		if err := rows.Scan(&h.bench, &h.seq, &h.hash, &h.sig); err != nil {
			rows.Close()
			return nil, nil, err
		}
		heads = append(heads, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	keys := map[string]ed25519.PublicKey{}
	rows, err = q.QueryContext(ctx, `SELECT bench, public_key FROM bench_keys`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var bench, k string
		if err := rows.Scan(&bench, &k); err != nil {
			return nil, nil, err
		}
		keys[bench] = decodeKey(k)
	}
	return heads, keys, rows.Err()
}

// checkHeads compares each bench's last event with its recorded head (an
// intact chain that stops short of its head lost its newest events) and
// checks the head's signature with the bench's key.
func (c *chain) checkHeads(ctx context.Context, bk BenchKeys, own string) error {
	heads, keys, err := readHeads(ctx, c.q)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if k := keys[own]; k != nil && bk.Public != nil && !k.Equal(bk.Public) {
		return newErr(ErrChainBroken, "verify.keymismatch", own, KeyFingerprint(k), bk.PublicFrom, KeyFingerprint(bk.Public))
	}
	seen := map[string]bool{}
	for _, h := range heads {
		seen[h.bench] = true
		got := c.last[h.bench]
		switch {
		case got.seq < h.seq:
			c.res.FirstBad = got.id
			return newErr(ErrChainBroken, "verify.truncated", h.bench, h.seq, got.seq)
		case got.seq > h.seq:
			c.res.FirstBad = got.id
			return newErr(ErrChainBroken, "verify.beyondhead", h.bench, h.seq, got.seq)
		case got.hash != h.hash:
			c.res.FirstBad = got.id
			return newErr(ErrChainBroken, "verify.headhash", h.bench, h.seq)
		}
		st := HeadStatus{Bench: h.bench, Seq: h.seq}
		if err := checkSignature(h, keys[h.bench], &st); err != nil {
			c.res.FirstBad = got.id
			return err
		}
		if !st.Signed {
			c.res.Unsigned = append(c.res.Unsigned, h.bench)
		}
		c.res.Heads = append(c.res.Heads, st)
	}
	var missing []string
	for bench := range c.last {
		if !seen[bench] {
			missing = append(missing, bench)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		got := c.last[missing[0]]
		c.res.FirstBad = got.id
		return newErr(ErrChainBroken, "verify.nohead", missing[0], got.seq)
	}
	return nil
}

// checkSignature: a bench with a key always signs; a head without a
// signature is only "unsigned" for a bench whose key the ledger never saw.
func checkSignature(h head, key ed25519.PublicKey, st *HeadStatus) error {
	switch {
	case key == nil && h.sig == "":
		return nil
	case key == nil:
		return newErr(ErrChainBroken, "verify.nokey", h.bench, h.seq)
	case h.sig == "":
		return newErr(ErrChainBroken, "verify.unsignedhead", h.bench, h.seq, KeyFingerprint(key))
	case !verifyHead(key, h.bench, h.seq, h.hash, h.sig):
		return newErr(ErrChainBroken, "verify.badsig", h.bench, h.seq, KeyFingerprint(key))
	}
	st.Signed, st.Key = true, KeyFingerprint(key)
	return nil
}

// checkTriggers reports a removed append-only trigger as tampering.
func checkTriggers(ctx context.Context, eng engine, q querier) error {
	for _, name := range guardTriggers {
		ok, err := eng.hasTrigger(ctx, q, name)
		if err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		if !ok {
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
