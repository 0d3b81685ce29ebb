package inventory

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
)

// Event kinds. A kind is never renamed: old ledgers keep their events.
const (
	KindReceived      = "received"
	KindMoved         = "moved"
	KindNote          = "note"
	KindProbed        = "probed"
	KindDiskDestroyed = "disk.destroyed"
	KindWipeStarted   = "wipe.started"
	KindWipeFinished  = "wipe.finished"
	KindWipeCertified = "wipe.certified"
	KindDeployed      = "deployed"
	KindDeployStarted = "deploy.started"
	KindSiteAdded     = "site.added"
	KindImageAdded    = "image.added"
)

// Event is one line of the ledger.
type Event struct {
	ID       string          `json:"id"`
	Bench    string          `json:"bench"`
	Seq      int64           `json:"seq"`
	Unit     string          `json:"unit,omitempty"`
	Kind     string          `json:"kind"`
	At       time.Time       `json:"at"`
	Operator string          `json:"operator"`
	Payload  json.RawMessage `json:"payload"`
	PrevHash string          `json:"prev_hash"`
	Hash     string          `json:"hash"`
}

// eventHash is the hex sha256 of the event's canonical form: its fields in a
// fixed order, each written as "<byte length>:<bytes>\n" (unambiguous, and
// easy to recompute in any language), ending with the bench's previous hash.
func eventHash(e Event) string {
	fields := [...]string{e.ID, e.Bench, strconv.FormatInt(e.Seq, 10), e.Unit, e.Kind,
		formatTime(e.At), e.Operator, string(e.Payload), e.PrevHash}
	n := 0
	for _, f := range fields {
		n += len(f) + 12
	}
	b := make([]byte, 0, n)
	for _, f := range fields {
		b = strconv.AppendInt(b, int64(len(f)), 10)
		b = append(b, ':')
		b = append(b, f...)
		b = append(b, '\n')
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func newEntropy() io.Reader { return ulid.Monotonic(rand.Reader, 0) }

const eventColumns = `id, bench, bench_seq, unit_id, kind, at, operator, payload, prev_hash, hash`

func scanEvent(s interface{ Scan(...any) error }) (Event, error) {
	var e Event
	var at, payload string
	if err := s.Scan(&e.ID, &e.Bench, &e.Seq, &e.Unit, &e.Kind, &at, &e.Operator, &payload, &e.PrevHash, &e.Hash); err != nil {
		return e, err
	}
	e.At = parseTime(at)
	e.Payload = json.RawMessage(payload)
	return e, nil
}

// writer appends events inside one write transaction and keeps the
// projection in step. Nothing is visible to others until commit.
type writer struct {
	l        *Ledger
	tx       *sql.Tx
	operator string
	p        *proj

	chainLoaded bool
	headSeq     int64 // the bench's last event number when the transaction began
	seq         int64
	prev        string
	lastID      ulid.ULID
	pending     *batcher    // events appended, not yet sent (flushEvents)
	nums        map[int]int // id_year -> last id_num used, for new unit ids
	stmts       map[string]*sql.Stmt
	unitNewest  map[string]ulid.ULID // unit -> its newest event id, for causal ids (unitFloor)
}

// stmt prepares a query once per transaction: an import of 10,000 rows
// looks each serial up.
func (w *writer) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[q] = st
	return st, nil
}

// write runs fn in one IMMEDIATE transaction and commits; an error from fn
// rolls everything back, so a refused change writes nothing.
func (l *Ledger) write(ctx context.Context, a Actor, fn func(w *writer) error) error {
	op, err := checkOperator(a.Operator)
	if err != nil {
		return err
	}
	if l.roErr != nil {
		return l.roErr
	}
	for attempt := 0; attempt < 5; attempt++ {
		err = l.writeOnce(ctx, op, fn)
		if err == nil || !l.eng.retryable(err) {
			return err
		}
		time.Sleep(time.Duration(50*(attempt+1)) * time.Millisecond)
	}
	return err
}

func (l *Ledger) writeOnce(ctx context.Context, op string, fn func(w *writer) error) error {
	if w, ok := l.batchWriter(ctx); ok {
		return w.as(op, fn)
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	defer tx.Rollback()
	w := &writer{l: l, tx: tx, operator: op, p: newProj(tx), nums: map[int]int{}}
	defer func() {
		if w.pending != nil {
			w.pending.discard()
		}
		for _, st := range w.stmts {
			st.Close()
		}
	}()
	if err := fn(w); err != nil {
		return err
	}
	if err := w.flushEvents(); err != nil {
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	if err := w.saveHead(ctx); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return err
		}
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	if err := w.p.flush(ctx, tx); err != nil {
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	return nil
}

// saveHead records the bench's last event in bench_heads, signed with the
// bench key, in the same transaction as the events: verify then notices
// the newest events removed, and a chain extended or rewritten by anyone
// without the key.
func (w *writer) saveHead(ctx context.Context) error {
	if !w.chainLoaded || w.seq == w.headSeq {
		return nil
	}
	sig, err := w.l.signHead(ctx, w.tx, w.seq, w.prev)
	if err != nil {
		return err
	}
	_, err = w.tx.ExecContext(ctx, `INSERT INTO bench_heads (bench, seq, hash, sig) VALUES (?, ?, ?, ?)
		ON CONFLICT (bench) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, sig = excluded.sig`,
		w.l.bench, w.seq, w.prev, sig)
	return err
}

func isBusy(err error) bool {
	s := err.Error()
	return strings.Contains(s, "database is locked") || strings.Contains(s, "SQLITE_BUSY")
}

// loadChain reads the bench's last event: the next one links to it.
func (w *writer) loadChain(ctx context.Context) error {
	if w.chainLoaded {
		return nil
	}
	var id string
	err := w.tx.QueryRowContext(ctx,
		`SELECT id, bench_seq, hash FROM events WHERE bench = ? ORDER BY bench_seq DESC LIMIT 1`,
		w.l.bench).Scan(&id, &w.seq, &w.prev)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	default:
		if w.lastID, err = ulid.ParseStrict(id); err != nil {
			return fmt.Errorf("event %s: %w", id, err)
		}
	}
	// The recorded head must be this event: if it is further on, the newest
	// events were removed behind atelier's back, and appending would hide it.
	var headSeq int64
	var headHash string
	err = w.tx.QueryRowContext(ctx, `SELECT seq, hash FROM bench_heads WHERE bench = ?`, w.l.bench).Scan(&headSeq, &headHash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	case headSeq != w.seq || headHash != w.prev:
		return newErr(ErrChainBroken, "verify.truncated", w.l.bench, headSeq, w.seq)
	}
	w.headSeq = w.seq
	w.pending = &batcher{ctx: ctx, tx: w.tx, ncols: 10, rows: eventBatchRows,
		head: `INSERT INTO events (` + eventColumns + `) VALUES`}
	w.chainLoaded = true
	return nil
}

// eventBatchRows is how many events one INSERT carries. An intake of
// 10,000 rows is 10,000 events: one statement each cost PostgreSQL a round
// trip each (most of the import's time on a loaded server); 100 rows of 10
// values stay far below both engines' limits on parameters.
const eventBatchRows = 100

// flushEvents sends the events appended and not yet written. The writer
// holds them back to send many per statement: it must flush before
// anything in its transaction reads the events table (and before commit).
func (w *writer) flushEvents() error {
	if w.pending == nil {
		return nil
	}
	if err := w.pending.flush(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// nextID is a ULID after every earlier event of this bench, even when
// another process wrote one in the same millisecond.
func (w *writer) nextID(at time.Time) ulid.ULID {
	w.l.mu.Lock()
	id, err := ulid.New(ulid.Timestamp(at), w.l.entropy)
	w.l.mu.Unlock()
	if err != nil || id.Compare(w.lastID) <= 0 {
		id = incULID(w.lastID)
	}
	return id
}

func incULID(u ulid.ULID) ulid.ULID {
	for i := len(u) - 1; i >= 0; i-- {
		u[i]++
		if u[i] != 0 {
			break
		}
	}
	return u
}

// append writes one event, chained to the bench's previous one, and applies
// it to the projection.
func (w *writer) append(ctx context.Context, unit, kind string, payload any) (Event, error) {
	return w.appendAt(ctx, w.l.now(), unit, kind, payload)
}

func (w *writer) appendAt(ctx context.Context, at time.Time, unit, kind string, payload any) (Event, error) {
	if err := checkPayload(payload); err != nil {
		return Event{}, err
	}
	if err := w.loadChain(ctx); err != nil {
		return Event{}, err
	}
	body, err := json.Marshal(payload)
	if err != nil {
		return Event{}, fmt.Errorf("event %s: %w", kind, err)
	}
	at = at.UTC()
	id := w.nextID(at)
	if floor, err := w.unitFloor(ctx, unit, kind); err != nil {
		return Event{}, err
	} else if floor.Compare(id) >= 0 {
		// Another bench's clock ran ahead of ours (or ours is behind):
		// file this event after what the unit already holds.
		id = incULID(floor)
	}
	e := Event{ID: id.String(), Bench: w.l.bench, Seq: w.seq + 1, Unit: unit, Kind: kind,
		At: at, Operator: w.operator, Payload: body, PrevHash: w.prev}
	e.Hash = eventHash(e)
	if err := w.pending.add(e.ID, e.Bench, e.Seq, e.Unit, e.Kind, formatTime(e.At),
		e.Operator, string(e.Payload), e.PrevHash, e.Hash); err != nil {
		return Event{}, fmt.Errorf("event %s: %w", kind, err)
	}
	w.seq, w.prev, w.lastID = e.Seq, e.Hash, id
	if unit != "" {
		if w.unitNewest == nil {
			w.unitNewest = map[string]ulid.ULID{}
		}
		w.unitNewest[unit] = id
	}
	if err := w.p.apply(ctx, e); err != nil {
		return Event{}, fmt.Errorf("event %s %s: %w", kind, e.ID, err)
	}
	return e, nil
}

// UnitEvents is the timeline of one unit, oldest first.
func (l *Ledger) UnitEvents(ctx context.Context, unitID string) ([]Event, error) {
	return unitEventsIn(ctx, l.db, unitID)
}

// unitFloor is the newest event id the unit holds (zero when none, or for
// an intake): a new event on the unit gets an id after it, so that ids
// order each unit's events causally whatever the clocks of the benches
// that synced them. The event keeps its own time in at.
func (w *writer) unitFloor(ctx context.Context, unit, kind string) (ulid.ULID, error) {
	if unit == "" || kind == KindReceived {
		return ulid.ULID{}, nil
	}
	if id, ok := w.unitNewest[unit]; ok {
		return id, nil
	}
	st, err := w.stmt(ctx, `SELECT MAX(id) FROM events WHERE unit_id = ?`)
	if err != nil {
		return ulid.ULID{}, err
	}
	var max sql.NullString
	if err := st.QueryRowContext(ctx, unit).Scan(&max); err != nil {
		return ulid.ULID{}, err
	}
	if !max.Valid {
		return ulid.ULID{}, nil
	}
	id, err := ulid.ParseStrict(max.String)
	if err != nil {
		return ulid.ULID{}, fmt.Errorf("event %s: %w", max.String, err)
	}
	return id, nil
}
