package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The hub's one-time challenges in the ledger's database (table
// hub_challenges), for a hub that runs as several processes on one
// PostgreSQL database: a challenge one process issued is answered to any
// other, and once only. Each call is one autocommit statement, outside the
// ledger's write lock: a challenge never waits behind a push being merged,
// and the row-level atomicity of INSERT and DELETE is all it needs (two
// processes consuming one challenge: the second DELETE finds no row, in
// READ COMMITTED as under any level).

// IssueChallenge records challenge c as valid until exp, after forgetting
// the challenges expired at now. It returns false, recording nothing, when
// max challenges are already pending: anyone may ask for one, so a flood
// must not grow the database.
func (l *Ledger) IssueChallenge(ctx context.Context, c string, now, exp time.Time, max int) (bool, error) {
	if _, err := l.db.ExecContext(ctx, `DELETE FROM hub_challenges WHERE expires_at < ?`, formatTime(now)); err != nil {
		return false, fmt.Errorf("challenges: %w", err)
	}
	res, err := l.db.ExecContext(ctx, `INSERT INTO hub_challenges (challenge, expires_at)
		SELECT ?, ? WHERE (SELECT COUNT(*) FROM hub_challenges) < ?`, c, formatTime(exp), max)
	if err != nil {
		return false, fmt.Errorf("challenges: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("challenges: %w", err)
	}
	return n == 1, nil
}

// ConsumeChallenge uses up challenge c: true if it was pending and not
// expired at now. A challenge is used up even when it has expired or the
// request it came with is then refused.
func (l *Ledger) ConsumeChallenge(ctx context.Context, c string, now time.Time) (bool, error) {
	var exp string
	err := l.db.QueryRowContext(ctx, `DELETE FROM hub_challenges WHERE challenge = ? RETURNING expires_at`, c).Scan(&exp)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("challenges: %w", err)
	}
	return exp >= formatTime(now), nil
}
