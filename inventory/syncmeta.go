package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// What a bench remembers of its hub, in the ledger's meta table (not
// events: where a bench syncs to is its own setting, not the association's
// history).
const (
	metaHubURL   = "hub_url"
	metaLastSync = "last_sync"
)

func (l *Ledger) meta(ctx context.Context, k string) (string, error) {
	var v string
	err := l.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, k).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

func (l *Ledger) setMeta(ctx context.Context, k, v string) error {
	_, err := l.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	return nil
}

// HubURL is the hub this bench last synced with ("" when never).
func (l *Ledger) HubURL(ctx context.Context) (string, error) { return l.meta(ctx, metaHubURL) }

// LastSync is when this bench last synced with its hub (zero when never).
func (l *Ledger) LastSync(ctx context.Context) (time.Time, error) {
	v, err := l.meta(ctx, metaLastSync)
	return parseTime(v), err
}

// RecordSync remembers a successful sync with the hub at url.
func (l *Ledger) RecordSync(ctx context.Context, url string, at time.Time) error {
	if err := l.setMeta(ctx, metaHubURL, url); err != nil {
		return err
	}
	return l.setMeta(ctx, metaLastSync, formatTime(at))
}
