package hub

import (
	"context"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// LedgerChallenges keeps the challenges in the ledger's database, for a hub
// that runs as several processes on one PostgreSQL database: a bench may
// get its challenge from one process and send its request to another (a
// load balancer does not follow the bench), and a captured request replayed
// to a third process is refused there too, since every process consumes
// from the same table.
type LedgerChallenges struct{ Ledger *inventory.Ledger }

// Issue returns a fresh random challenge valid for two minutes.
func (s LedgerChallenges) Issue(ctx context.Context, now time.Time) (string, error) {
	c, err := NewChallenge()
	if err != nil {
		return "", err
	}
	ok, err := s.Ledger.IssueChallenge(ctx, c, now, now.Add(challengeTTL), maxPendingChallenges)
	switch {
	case err != nil:
		return "", err
	case !ok:
		return "", ErrTooManyChallenges
	}
	return c, nil
}

// Consume accepts c once, whichever process issued it.
func (s LedgerChallenges) Consume(ctx context.Context, c string, now time.Time) error {
	ok, err := s.Ledger.ConsumeChallenge(ctx, c, now)
	switch {
	case err != nil:
		return err
	case !ok:
		return ErrBadChallenge
	}
	return nil
}

// ChallengesFor is the store a hub over l uses: the ledger's database when
// l is PostgreSQL (several processes may serve it), the process's memory
// for a SQLite file, which one process serves (no write per challenge on
// the file, and none that must queue behind a push being merged).
func ChallengesFor(l *inventory.Ledger) Challenges {
	if l.Engine() == "postgres" {
		return LedgerChallenges{Ledger: l}
	}
	return NewMemoryChallenges()
}
