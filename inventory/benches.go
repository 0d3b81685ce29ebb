package inventory

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Benches enrolled on a hub. A hub is an ordinary ledger that other benches
// sync with; `bench enrol` records which benches may push to it, with the
// key that signs their requests and chain heads, and the letter their unit
// ids carry. Enrolment and revocation are events like any other, so the
// registry is as auditable as the units.

// Event kinds of the bench registry.
const (
	KindBenchEnrolled = "bench.enrolled"
	KindBenchRevoked  = "bench.revoked"
)

// Bench is an enrolled bench as the projection sees it.
type Bench struct {
	Name        string     `json:"name"`
	PublicKey   string     `json:"public_key"` // base64 of the raw ed25519 key
	Fingerprint string     `json:"fingerprint"`
	Letter      string     `json:"letter"`
	EnrolledAt  time.Time  `json:"enrolled_at"`
	RevokedAt   *time.Time `json:"revoked_at,omitempty"`
}

// Revoked reports whether the bench may no longer sync.
func (b Bench) Revoked() bool { return b.RevokedAt != nil }

// Key is the bench's public key.
func (b Bench) Key() ed25519.PublicKey { return decodePub(b.PublicKey) }

type benchEnrolledPayload struct {
	Name      string `json:"name"`
	PublicKey string `json:"public_key"`
	Letter    string `json:"letter"`
}

type benchRevokedPayload struct {
	Name string `json:"name"`
}

// letterRE: one or two capital letters, read aloud as letters ("B", "BE");
// no digits, so the number that follows stays unambiguous.
var letterRE = regexp.MustCompile(`^[A-Z]{1,2}$`)

// benchNameRE keeps bench names safe in a header, a file name and a log.
var benchNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$`)

// ParseLetter normalises a bench letter ("" is allowed: no letter).
func ParseLetter(s string) (string, error) {
	l := strings.ToUpper(strings.TrimSpace(s))
	if l != "" && !letterRE.MatchString(l) {
		return "", newErr(ErrInvalidInput, "bench.badletter", s)
	}
	return l, nil
}

func decodePub(s string) ed25519.PublicKey {
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil
	}
	return ed25519.PublicKey(raw)
}

// EnrolBench registers a bench by its public key. It refuses a name or key
// already enrolled (revoked ones included: a revoked bench stays revoked,
// its letter and key are never given to another), and a letter (or the
// empty letter) that another bench's unit ids carry.
func (l *Ledger) EnrolBench(ctx context.Context, a Actor, name string, pub ed25519.PublicKey, letter string) (Bench, error) {
	name = strings.TrimSpace(name)
	if !benchNameRE.MatchString(name) {
		return Bench{}, newErr(ErrInvalidInput, "bench.badname", name)
	}
	if len(pub) != ed25519.PublicKeySize {
		return Bench{}, newErr(ErrInvalidInput, "bench.badkey", name)
	}
	letter, err := ParseLetter(letter)
	if err != nil {
		return Bench{}, err
	}
	if strings.EqualFold(name, l.bench) {
		return Bench{}, newErr(ErrInvalidInput, "bench.self", name)
	}
	var out Bench
	err = l.write(ctx, a, func(w *writer) error {
		all, err := benchesIn(ctx, w.tx)
		if err != nil {
			return err
		}
		for _, b := range all {
			switch {
			case strings.EqualFold(b.Name, name):
				return newErr(ErrDuplicate, "bench.exists", b.Name)
			case b.Key().Equal(pub):
				return newErr(ErrDuplicate, "bench.keyexists", KeyFingerprint(pub), b.Name)
			case b.Letter == letter:
				return newErr(ErrDuplicate, "bench.lettertaken", showLetter(letter), b.Name)
			}
		}
		if own, err := w.ownLetterInUse(ctx); err != nil {
			return err
		} else if own && letter == l.letter {
			return newErr(ErrDuplicate, "bench.lettertaken", showLetter(letter), l.bench)
		}
		// The ledger where benches are enrolled is a hub: it takes chains
		// only from them. (Benches pull the registry too, to check keys and
		// letters, without becoming hubs.)
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('hub', 'yes') ON CONFLICT (key) DO NOTHING`); err != nil {
			return err
		}
		e, err := w.append(ctx, "", KindBenchEnrolled, benchEnrolledPayload{Name: name,
			PublicKey: base64.StdEncoding.EncodeToString(pub), Letter: letter})
		if err != nil {
			return err
		}
		out = *w.p.benches[key(name)]
		out.EnrolledAt = e.At
		return nil
	})
	return out, err
}

// showLetter says a letter in a message; the empty one as "(none)".
func showLetter(l string) string {
	if l == "" {
		return `""`
	}
	return l
}

// ownLetterInUse: this ledger's own letter is taken only once its own bench
// gave unit ids with it (a hub that registers no unit leaves it free).
func (w *writer) ownLetterInUse(ctx context.Context) (bool, error) {
	if err := w.flushEvents(); err != nil {
		return false, err
	}
	var one int
	err := w.tx.QueryRowContext(ctx, `SELECT 1 FROM events WHERE bench = ? AND kind = ? LIMIT 1`,
		w.l.bench, KindReceived).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// RevokeBench stops a bench from syncing: its requests and any further
// event of its chain are refused. What it sent before stays.
func (l *Ledger) RevokeBench(ctx context.Context, a Actor, name string) (Bench, error) {
	var out Bench
	err := l.write(ctx, a, func(w *writer) error {
		b, err := w.p.bench(ctx, name)
		if err != nil {
			return err
		}
		if b == nil {
			return newErr(ErrUnknownBench, "bench.unknown", strings.TrimSpace(name))
		}
		if b.Revoked() {
			return newErr(ErrDuplicate, "bench.alreadyrevoked", b.Name, b.RevokedAt.Format(time.DateOnly))
		}
		if _, err := w.append(ctx, "", KindBenchRevoked, benchRevokedPayload{Name: b.Name}); err != nil {
			return err
		}
		out = *b
		return nil
	})
	return out, err
}

// Benches lists the enrolled benches by name, revoked ones included.
func (l *Ledger) Benches(ctx context.Context) ([]Bench, error) {
	return benchesIn(ctx, l.db)
}

// FindBench returns the enrolled bench called name (nil when none).
func (l *Ledger) FindBench(ctx context.Context, name string) (*Bench, error) {
	return newProj(l.db).bench(ctx, name)
}

const benchColumns = `name, public_key, fingerprint, letter, enrolled_at, revoked_at`

func scanBench(s interface{ Scan(...any) error }) (*Bench, error) {
	var b Bench
	var at, rev string
	if err := s.Scan(&b.Name, &b.PublicKey, &b.Fingerprint, &b.Letter, &at, &rev); err != nil {
		return nil, err
	}
	b.EnrolledAt = parseTime(at)
	if rev != "" {
		t := parseTime(rev)
		b.RevokedAt = &t
	}
	return &b, nil
}

func benchesIn(ctx context.Context, q querier) ([]Bench, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+benchColumns+` FROM benches ORDER BY name_key`)
	if err != nil {
		return nil, fmt.Errorf("benches: %w", err)
	}
	defer rows.Close()
	out := []Bench{}
	for rows.Next() {
		b, err := scanBench(rows)
		if err != nil {
			return nil, fmt.Errorf("benches: %w", err)
		}
		out = append(out, *b)
	}
	return out, rows.Err()
}

// bench loads one enrolled bench into the projection (nil when none).
func (p *proj) bench(ctx context.Context, name string) (*Bench, error) {
	k := key(name)
	if b, ok := p.benches[k]; ok || p.q == nil || p.benchesTried[k] {
		return b, nil
	}
	p.benchesTried[k] = true
	b, err := scanBench(p.q.QueryRowContext(ctx, `SELECT `+benchColumns+` FROM benches WHERE name_key = ?`, k))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p.benches[k] = b
	return b, nil
}

// applyBench folds a registry event into the projection.
func (p *proj) applyBench(ctx context.Context, e Event, dec any) error {
	switch pl := dec.(type) {
	case *benchEnrolledPayload:
		k := key(pl.Name)
		p.benches[k] = &Bench{Name: pl.Name, PublicKey: pl.PublicKey, Fingerprint: KeyFingerprint(decodePub(pl.PublicKey)),
			Letter: pl.Letter, EnrolledAt: e.At}
		p.dirtyBenches[k] = true
	case *benchRevokedPayload:
		b, err := p.bench(ctx, pl.Name)
		if err != nil {
			return err
		}
		if b == nil {
			return newErr(ErrUnknownBench, "bench.unknown", pl.Name)
		}
		at := e.At
		b.RevokedAt = &at
		p.dirtyBenches[key(pl.Name)] = true
	}
	return nil
}

func (p *proj) flushBenches(ctx context.Context, tx *sql.Tx) error {
	for _, k := range sortedKeys(p.dirtyBenches) {
		b := p.benches[k]
		rev := ""
		if b.RevokedAt != nil {
			rev = formatTime(*b.RevokedAt)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO benches (name_key, `+benchColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, public_key = excluded.public_key,
			fingerprint = excluded.fingerprint, letter = excluded.letter, enrolled_at = excluded.enrolled_at,
			revoked_at = excluded.revoked_at`,
			k, b.Name, b.PublicKey, b.Fingerprint, b.Letter, formatTime(b.EnrolledAt), rev); err != nil {
			return err
		}
	}
	p.dirtyBenches = map[string]bool{}
	return nil
}
