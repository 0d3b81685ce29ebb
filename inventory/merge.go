package inventory

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/oklog/ulid/v2"
)

// Merging a bundle: a union of chains. Each chain is checked link by link
// from the event this ledger already holds (every hash, every number, the
// head it claims), events already held must be the very same, and the
// whole bundle goes in one transaction: one bad event refuses all of it,
// naming that event, and nothing is written.
//
// The views stay a function of the set of events: each unit's events apply
// in id order, and when an event arrives older than one already applied to
// its unit, that unit is replayed from its events. Ids order causally: a
// bench never gives an event on a unit an id below the unit's newest event
// it holds (see writer.nextID), so a bench whose clock is years behind still
// files its moves after the intake it pulled.

// ImportOptions say who sends a bundle.
type ImportOptions struct {
	// Sender is the bench a hub authenticated for this push ("" for a file
	// carried by hand): the bundle must then be its own.
	Sender string
}

// MergeResult says what a merge did.
type MergeResult struct {
	From     string        `json:"from"`
	Events   int           `json:"events"` // new events written
	Known    int           `json:"known"`  // events this ledger already held
	Chains   []ChainResult `json:"chains"`
	Replayed int           `json:"replayed_units"` // units whose views were recomputed
	// Conflicts found by this merge (recorded by a hub as events).
	Conflicts int `json:"conflicts,omitempty"`
}

// ChainResult is one chain of a merged bundle.
type ChainResult struct {
	Bench string `json:"bench"`
	From  int64  `json:"from"` // first new event number (0 when none)
	To    int64  `json:"to"`
	New   int    `json:"new"`
}

// Import merges a bundle. r is read twice at most: a retry after another
// process held the write lock starts it again from the beginning.
func (l *Ledger) Import(ctx context.Context, r io.ReadSeeker, opts ImportOptions) (MergeResult, error) {
	var res MergeResult
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if attempt > 0 {
			if _, serr := r.Seek(0, io.SeekStart); serr != nil {
				return res, err
			}
			time.Sleep(time.Duration(100*attempt) * time.Millisecond)
		}
		res, err = l.importOnce(ctx, r, opts)
		if err == nil || !l.eng.retryable(err) {
			return res, err
		}
	}
	return res, err
}

// merger holds one import's state.
type merger struct {
	l       *Ledger
	tx      *sql.Tx
	p       *proj
	applied int
	res     MergeResult

	registry map[string]*Bench // enrolled benches by name key
	hub      bool              // benches were enrolled here: only they may bring chains
	seen     map[string]bool   // chains already in this bundle
	unitMax  map[string]string // unit -> newest event id applied to its view
	replay   map[string]bool   // units to recompute from their events
	ins      *sql.Stmt
	maxStmt  *sql.Stmt // a unit's newest event
	// intakeStmt finds another unit's intake of a serial (proj.checkSerial).
	intakeStmt *sql.Stmt

	cur *chainIn
}

// chainIn is the chain being read.
type chainIn struct {
	bundleChain
	localSeq  int64  // the last event of the chain this ledger held
	localID   string // its id
	next      int64  // the number the next event must carry
	prev      string // the hash it must link to
	lastID    string
	checked   bool // the bench may bring new events (checked at the first)
	result    ChainResult
	enrolment *Bench
}

func (l *Ledger) importOnce(ctx context.Context, r io.Reader, opts ImportOptions) (MergeResult, error) {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return MergeResult{}, fmt.Errorf("import: %w", err)
	}
	defer tx.Rollback()
	m := &merger{l: l, tx: tx, registry: map[string]*Bench{}, seen: map[string]bool{},
		unitMax: map[string]string{}, replay: map[string]bool{}}
	if err := m.loadRegistry(ctx); err != nil {
		return MergeResult{}, err
	}
	// Prepared once: a merge of 10,000 units asks each of them.
	for _, p := range []struct {
		st **sql.Stmt
		q  string
	}{
		{&m.ins, `INSERT INTO events (` + eventColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&m.maxStmt, `SELECT MAX(id) FROM events WHERE unit_id = ?`},
		{&m.intakeStmt, intakeQuery},
	} {
		if *p.st, err = tx.PrepareContext(ctx, p.q); err != nil {
			return MergeResult{}, err
		}
		defer (*p.st).Close()
	}
	m.p = m.newProj()
	if err := m.read(ctx, newBundleReader(r), opts); err != nil {
		return MergeResult{}, err
	}
	if err := m.finish(ctx); err != nil {
		return MergeResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return MergeResult{}, fmt.Errorf("import: %w", err)
	}
	if m.hub {
		// In its own transaction, after the merge: a crash in between
		// leaves them for the next merge to record.
		n, err := l.recordConflicts(ctx)
		if err != nil {
			return m.res, fmt.Errorf("import: record conflicts: %w", err)
		}
		m.res.Conflicts = n
	}
	if m.res.Events >= bigMerge {
		l.truncateWAL(ctx)
	}
	return m.res, nil
}

// bigMerge is the number of new events after which a merge gives the
// write-ahead log back: a first push of a million events otherwise leaves
// a WAL file of a gigabyte and more beside the hub's ledger (SQLite's own
// checkpoints copy pages back but never shrink the file).
const bigMerge = 8192

// truncateWAL checkpoints the whole WAL into the ledger and truncates it.
// Best effort: a reader holding an old snapshot makes it stop short, and
// the next big merge tries again.
func (l *Ledger) truncateWAL(ctx context.Context) {
	if l.eng == nil || l.eng.name() != "sqlite" {
		return
	}
	l.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
}

func (m *merger) loadRegistry(ctx context.Context) error {
	all, err := benchesIn(ctx, m.tx)
	if err != nil {
		return err
	}
	for i := range all {
		m.registry[key(all[i].Name)] = &all[i]
	}
	var role string
	err = m.tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'hub'`).Scan(&role)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	m.hub = role == "yes"
	return nil
}

// read checks and writes the bundle's lines in order.
func (m *merger) read(ctx context.Context, br *bundleReader, opts ImportOptions) error {
	first, err := br.next()
	if errors.Is(err, io.EOF) || (err == nil && first.Bundle == nil) {
		return newErr(ErrInvalidInput, "bundle.notbundle")
	}
	if err != nil {
		return err
	}
	h := first.Bundle
	if h.Format != BundleFormat || h.Version != BundleVersion {
		return newErr(ErrInvalidInput, "bundle.version", h.Format, h.Version, BundleVersion)
	}
	senderKey, err := m.checkSender(h, opts)
	if err != nil {
		return err
	}
	m.res.From = h.From
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		bl, err := br.next()
		if errors.Is(err, io.EOF) {
			return newErr(ErrInvalidInput, "bundle.truncated", br.line)
		}
		if err != nil {
			return err
		}
		switch {
		case bl.Bundle != nil:
			return newErr(ErrInvalidInput, "bundle.badline", br.line, "a second bundle line")
		case bl.Chain != nil:
			if err := m.endChain(ctx); err != nil {
				return err
			}
			if err := m.startChain(ctx, bl.Chain); err != nil {
				return err
			}
		case bl.Event != nil:
			if m.cur == nil {
				return newErr(ErrInvalidInput, "bundle.badline", br.line, "an event before any chain line")
			}
			if err := m.event(ctx, bl.Event); err != nil {
				return err
			}
		case bl.End != nil:
			if err := m.endChain(ctx); err != nil {
				return err
			}
			return m.checkEnd(br, bl.End, senderKey)
		}
	}
}

// checkSender: the bundle is signed by the key of the bench it names; a
// bench enrolled here must use its enrolled key, and a pushing bench may
// only send its own bundle.
func (m *merger) checkSender(h *bundleHeader, opts ImportOptions) (ed25519.PublicKey, error) {
	pub := decodePub(h.PublicKey)
	if pub == nil {
		return nil, newErr(ErrInvalidInput, "bundle.nokey", h.From)
	}
	if opts.Sender != "" && h.From != opts.Sender {
		return nil, newErr(ErrRefused, "bundle.notsender", h.From, opts.Sender)
	}
	if b := m.registry[key(h.From)]; b != nil {
		if !b.Key().Equal(pub) {
			return nil, newErr(ErrRefused, "bundle.senderkey", h.From, KeyFingerprint(pub), b.Fingerprint)
		}
		if b.Revoked() {
			return nil, newErr(ErrRefused, "bundle.senderrevoked", b.Name)
		}
	} else if m.hub && h.From != m.l.bench {
		return nil, newErr(ErrRefused, "bundle.notenrolled", h.From)
	}
	return pub, nil
}

// checkEnd compares the end line with what was read, then checks the
// signature, and that nothing follows.
func (m *merger) checkEnd(br *bundleReader, end *bundleEnd, pub ed25519.PublicKey) error {
	got := hex.EncodeToString(br.sum.Sum(nil))
	if end.SHA256 != got || end.Chains != len(m.seen) || end.Events != m.res.Events+m.res.Known {
		return newErr(ErrChainBroken, "bundle.endmismatch", end.Chains, end.Events, len(m.seen), m.res.Events+m.res.Known)
	}
	sig, err := base64.StdEncoding.DecodeString(end.Sig)
	if err != nil || !ed25519.Verify(pub, bundleSigned(got), sig) {
		return newErr(ErrChainBroken, "bundle.badsig", m.res.From, KeyFingerprint(pub))
	}
	if _, err := br.next(); !errors.Is(err, io.EOF) {
		return newErr(ErrInvalidInput, "bundle.afterend", br.line)
	}
	return nil
}

// startChain finds where this ledger's copy of the chain ends.
func (m *merger) startChain(ctx context.Context, c *bundleChain) error {
	if c.Bench == "" || m.seen[c.Bench] || c.After < 0 || c.Seq < c.After {
		return newErr(ErrInvalidInput, "bundle.badchain", c.Bench, c.After, c.Seq)
	}
	m.seen[c.Bench] = true
	ci := &chainIn{bundleChain: *c, next: c.After + 1, result: ChainResult{Bench: c.Bench}}
	var hash string
	err := m.tx.QueryRowContext(ctx, `SELECT seq, hash FROM bench_heads WHERE bench = ?`, c.Bench).Scan(&ci.localSeq, &hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("import: %w", err)
	}
	if c.After > ci.localSeq {
		return newErr(ErrChainBroken, "bundle.gap", c.Bench, c.After, ci.localSeq)
	}
	if c.After > 0 {
		if err := m.tx.QueryRowContext(ctx, `SELECT id, hash FROM events WHERE bench = ? AND bench_seq = ?`,
			c.Bench, c.After).Scan(&ci.lastID, &ci.prev); err != nil {
			return fmt.Errorf("import: chain %s at %d: %w", c.Bench, c.After, err)
		}
	}
	if ci.localSeq > 0 {
		if err := m.tx.QueryRowContext(ctx, `SELECT id FROM events WHERE bench = ? AND bench_seq = ?`,
			c.Bench, ci.localSeq).Scan(&ci.localID); err != nil {
			return fmt.Errorf("import: chain %s at %d: %w", c.Bench, ci.localSeq, err)
		}
	}
	ci.enrolment = m.registry[key(c.Bench)]
	m.cur = ci
	return nil
}

// chainKey is the key a chain's head must be signed with: the enrolled
// one, else the one this ledger recorded, else (first sight) the one the
// bundle gives, which is then recorded. Two that disagree refuse the chain.
func (m *merger) chainKey(ctx context.Context, c *chainIn) (key ed25519.PublicKey, record bool, err error) {
	have, err := recordedKey(ctx, m.tx, c.Bench)
	if err != nil {
		return nil, false, err
	}
	given := decodePub(c.PublicKey)
	if c.enrolment != nil {
		key = c.enrolment.Key()
	} else if have != nil {
		key = have
	} else {
		key = given
	}
	if key == nil {
		return nil, false, newErr(ErrChainBroken, "bundle.unsignedchain", c.Bench)
	}
	for _, other := range []ed25519.PublicKey{have, given} {
		if other != nil && !other.Equal(key) {
			return nil, false, newErr(ErrChainBroken, "bundle.chainkey", c.Bench, KeyFingerprint(other), KeyFingerprint(key))
		}
	}
	return key, have == nil, nil
}

// saveHead checks the signature of the chain's new head and records it
// (and the bench's key, the first time).
func (m *merger) saveHead(ctx context.Context, c *chainIn) error {
	key, record, err := m.chainKey(ctx, c)
	if err != nil {
		return err
	}
	if c.Sig == "" {
		return newErr(ErrChainBroken, "bundle.unsignedchain", c.Bench)
	}
	if !verifyHead(key, c.Bench, c.Seq, c.Hash, c.Sig) {
		return newErr(ErrChainBroken, "bundle.badheadsig", c.Bench, c.Seq, KeyFingerprint(key))
	}
	if record {
		if _, err := m.tx.ExecContext(ctx, `INSERT INTO bench_keys (bench, public_key, added_at) VALUES (?, ?, ?)`,
			c.Bench, base64.StdEncoding.EncodeToString(key), formatTime(time.Now())); err != nil {
			return fmt.Errorf("import: key of %s: %w", c.Bench, err)
		}
	}
	if _, err := m.tx.ExecContext(ctx, `INSERT INTO bench_heads (bench, seq, hash, sig) VALUES (?, ?, ?, ?)
		ON CONFLICT (bench) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, sig = excluded.sig`,
		c.Bench, c.Seq, c.Hash, c.Sig); err != nil {
		return fmt.Errorf("import: head of %s: %w", c.Bench, err)
	}
	return nil
}

// endChain checks that the chain read ends at the head it announced, and
// moves this ledger's head of that bench forward.
func (m *merger) endChain(ctx context.Context) error {
	c := m.cur
	if c == nil {
		return nil
	}
	m.cur = nil
	if c.next-1 != c.Seq || c.prev != c.Hash {
		return newErr(ErrChainBroken, "bundle.headmismatch", c.Bench, c.next-1, c.Seq)
	}
	if c.result.New > 0 {
		if err := m.saveHead(ctx, c); err != nil {
			return err
		}
	}
	m.res.Chains = append(m.res.Chains, c.result)
	return nil
}

// event checks one event against its chain and writes it when new.
func (m *merger) event(ctx context.Context, we *wireEvent) error {
	c := m.cur
	e, timeOK := we.event()
	switch {
	case we.Bench != c.Bench:
		return newErr(ErrChainBroken, "bundle.otherbench", we.ID, we.Bench, c.Bench)
	case we.Seq != c.next:
		return newErr(ErrChainBroken, "bundle.unlinked", we.ID, c.Bench, we.Seq, c.next-1)
	case we.PrevHash != c.prev:
		return newErr(ErrChainBroken, "bundle.unlinked", we.ID, c.Bench, we.Seq, c.next-1)
	case !timeOK || eventHash(e) != e.Hash:
		return newErr(ErrChainBroken, "bundle.altered", we.ID, c.Bench, we.Seq)
	}
	if _, err := ulid.ParseStrict(e.ID); err != nil || e.ID <= c.lastID {
		return newErr(ErrChainBroken, "bundle.badid", we.ID, c.Bench, we.Seq)
	}
	if e.Seq <= c.localSeq {
		// Already held: it must be the very same event.
		var have string
		if err := m.tx.QueryRowContext(ctx, `SELECT hash FROM events WHERE bench = ? AND bench_seq = ?`,
			c.Bench, e.Seq).Scan(&have); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if have != e.Hash {
			return newErr(ErrChainBroken, "bundle.fork", e.ID, c.Bench, e.Seq)
		}
		m.res.Known++
	} else {
		if err := m.allowNew(e); err != nil {
			return err
		}
		// A key holder's chain is valid however it was written: what the
		// commands refuse to record (personal data, control characters)
		// does not come in through a merge either, nor spread from a hub.
		if err := CheckEvent(e); err != nil {
			return newErr(ErrRefused, "bundle.refused", e.ID, c.Bench, e.Seq, err)
		}
		if e.ID <= c.localID {
			return newErr(ErrChainBroken, "bundle.badid", we.ID, c.Bench, we.Seq)
		}
		if err := m.write(ctx, e); err != nil {
			return err
		}
	}
	c.next, c.prev, c.lastID = e.Seq+1, e.Hash, e.ID
	return nil
}

// allowNew says whether this ledger takes new events of the chain: never
// for its own bench (it wrote all of its own), on a hub only from enrolled
// benches not revoked, with unit ids carrying their letter.
func (m *merger) allowNew(e Event) error {
	c := m.cur
	if !c.checked {
		switch b := c.enrolment; {
		case c.Bench == m.l.bench:
			return newErr(ErrChainBroken, "bundle.ownchain", e.ID, c.Bench)
		case b != nil && b.Revoked():
			return newErr(ErrRefused, "bundle.revoked", e.ID, c.Bench, b.RevokedAt.Format(time.DateOnly))
		case b == nil && m.hub:
			return newErr(ErrRefused, "bundle.chainnotenrolled", e.ID, c.Bench)
		}
		c.checked = true
	}
	if b := c.enrolment; b != nil && e.Kind == KindReceived && UnitIDLetter(e.Unit) != b.Letter {
		return newErr(ErrRefused, "bundle.letter", e.ID, c.Bench, e.Unit, showLetter(b.Letter))
	}
	return nil
}

// unitMaxCache bounds the units whose newest applied event is kept.
const unitMaxCache = 1 << 16

// projFlushEvery bounds the views kept in memory while a large bundle
// streams in: the hub's memory stays flat.
const projFlushEvery = 8192

// write inserts a new event and folds it into the views.
func (m *merger) write(ctx context.Context, e Event) error {
	c := m.cur
	if e.Unit != "" && !m.replay[e.Unit] {
		// The unit's newest event before this one joins it.
		if _, ok := m.unitMax[e.Unit]; !ok {
			if len(m.unitMax) >= unitMaxCache {
				// Bounded, so that memory stays flat on a million events:
				// the query gives the same answer (every event written to
				// a unit not marked for replay was applied).
				clear(m.unitMax)
			}
			var max sql.NullString
			if err := m.maxStmt.QueryRowContext(ctx, e.Unit).Scan(&max); err != nil {
				return fmt.Errorf("import: %w", err)
			}
			m.unitMax[e.Unit] = max.String
		}
	}
	if _, err := m.ins.ExecContext(ctx, e.ID, e.Bench, e.Seq, e.Unit, e.Kind, formatTime(e.At),
		e.Operator, string(e.Payload), e.PrevHash, e.Hash); err != nil {
		if m.l.eng.retryable(err) { // busy, or a PostgreSQL serialization failure: try again
			return err
		}
		return newErr(ErrChainBroken, "bundle.insert", e.ID, c.Bench, e.Seq, err.Error())
	}
	if c.result.New == 0 {
		c.result.From = e.Seq
	}
	c.result.New++
	c.result.To = e.Seq
	m.res.Events++
	if err := m.apply(ctx, e); err != nil {
		return fmt.Errorf("import: event %s: %w", e.ID, err)
	}
	m.applied++
	if m.applied%projFlushEvery == 0 {
		if err := m.p.flush(ctx, m.tx); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		m.p = m.newProj()
	}
	return nil
}

// apply folds e into the views, or marks its unit for a replay when e
// comes before what the unit's view already holds.
func (m *merger) apply(ctx context.Context, e Event) error {
	if e.Unit == "" {
		return m.p.apply(ctx, e)
	}
	if m.replay[e.Unit] {
		return nil
	}
	if e.ID < m.unitMax[e.Unit] {
		m.replay[e.Unit] = true
		return nil
	}
	err := m.p.apply(ctx, e)
	if errors.Is(err, ErrUnknownUnit) {
		// Its intake is in a chain further on in the bundle (or not here
		// yet): the replay applies both in order.
		m.replay[e.Unit] = true
		return nil
	}
	if err != nil {
		return err
	}
	m.unitMax[e.Unit] = e.ID
	return nil
}

// finish saves the views and recomputes the units marked for a replay.
func (m *merger) finish(ctx context.Context) error {
	if err := m.p.flush(ctx, m.tx); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	units := make([]string, 0, len(m.replay))
	for u := range m.replay {
		units = append(units, u)
	}
	sort.Strings(units)
	for i := 0; i < len(units); i += 256 {
		if err := m.replayUnits(ctx, units[i:min(i+256, len(units))]); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	m.res.Replayed = len(units)
	return nil
}

// replayUnits recomputes the views of units from their events, in id
// order. Events before a unit's intake (none in a sound ledger, whose ids
// order causally) change nothing.
func (m *merger) replayUnits(ctx context.Context, units []string) error {
	tx := m.tx
	for _, u := range units {
		for _, q := range []string{`DELETE FROM handovers WHERE unit_id = ?`, `DELETE FROM wipes WHERE unit_id = ?`,
			`DELETE FROM conflicts WHERE unit_id = ?`,
			`DELETE FROM unit_disks WHERE unit_id = ?`, `DELETE FROM units WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, q, u); err != nil {
				return err
			}
		}
	}
	p := m.newProj()
	for _, u := range units {
		evs, err := unitEventsIn(ctx, tx, u)
		if err != nil {
			return err
		}
		for _, e := range evs {
			if err := p.apply(ctx, e); err != nil && !errors.Is(err, ErrUnknownUnit) {
				return fmt.Errorf("replay %s: event %s: %w", u, e.ID, err)
			}
		}
	}
	return p.flush(ctx, tx)
}

func unitEventsIn(ctx context.Context, q querier, unitID string) ([]Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+eventColumns+` FROM events WHERE unit_id = ? ORDER BY id`, unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// newProj is the views as a merge changes them: checking serials, which
// two benches may both have registered.
func (m *merger) newProj() *proj {
	p := newProj(m.tx)
	p.checkSerials, p.intakeStmt = true, m.intakeStmt
	return p
}
