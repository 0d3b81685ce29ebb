package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// CopyResult says what Copy moved and what both sides verified.
type CopyResult struct {
	From    string       `json:"from"` // URLs without their password
	To      string       `json:"to"`
	Events  int          `json:"events"`
	Benches int          `json:"benches"`
	Units   int          `json:"units"`
	Heads   []HeadStatus `json:"heads"`
}

// copyTables are what a ledger is: its events, each bench's signed head and
// public key, and the first init's choices. The views are rebuilt from the
// events on arrival, not copied: the copy proves they follow from them.
var copyTables = []struct{ name, cols string }{
	{"events", eventColumns},
	{"bench_keys", "bench, public_key, added_at"},
	{"bench_heads", "bench, seq, hash, sig"},
}

// Copy copies the ledger at from into a new ledger at to, on either engine
// (SQLite → PostgreSQL to move a growing association; PostgreSQL → SQLite
// for an offline audit copy). The source must verify (chains, heads,
// signatures; a ledger from before signed heads may be unsigned); the
// destination must be new or empty. The events, heads and keys go in one
// transaction, the views are rebuilt from them with the lifecycle rules
// checked, and the destination is verified: same events, same heads.
func Copy(ctx context.Context, from, to string, keys BenchKeys) (CopyResult, error) {
	res := CopyResult{From: shown(from), To: shown(to)}
	src, err := Open(ctx, from)
	if err != nil {
		return res, err
	}
	defer src.Close()
	src.SetBenchKeys(keys)
	srcRes, err := src.Verify(ctx)
	if err != nil && !errors.Is(err, ErrUnsigned) {
		return res, newErr(ErrChainBroken, "copy.source", res.From, err)
	}
	if _, err := Init(ctx, to, InitOptions{Prefix: src.Prefix(), Bench: src.BenchName()}); err != nil {
		return res, err
	}
	dst, err := Open(ctx, to)
	if err != nil {
		return res, err
	}
	defer dst.Close()
	dst.SetBenchKeys(keys)
	if dst.roErr != nil {
		return res, dst.roErr
	}
	if err := copyInto(ctx, src, dst); err != nil {
		return res, err
	}
	rb, err := dst.CheckedRebuild(ctx, false)
	if err != nil {
		return res, fmt.Errorf("copy: rebuild %s: %w", res.To, err)
	}
	dstRes, err := dst.Verify(ctx)
	if err != nil && !errors.Is(err, ErrUnsigned) {
		return res, newErr(ErrChainBroken, "copy.dest", res.To, err)
	}
	if dstRes.Events != srcRes.Events || fmt.Sprint(dstRes.Heads) != fmt.Sprint(srcRes.Heads) {
		return res, newErr(ErrChainBroken, "copy.differ", res.From, res.To)
	}
	res.Events, res.Benches, res.Units, res.Heads = dstRes.Events, dstRes.Benches, rb.Units, dstRes.Heads
	return res, nil
}

func shown(ledger string) string {
	if IsPostgres(ledger) {
		return RedactURL(ledger)
	}
	return ledger
}

// copyInto copies the tables in one write transaction on dst, read from
// one snapshot of src. dst must hold no event yet.
func copyInto(ctx context.Context, src, dst *Ledger) error {
	rtx, err := src.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	defer rtx.Rollback()
	if dst.eng.name() == "postgres" {
		return pgCopyInto(ctx, rtx, dst)
	}
	wtx, err := dst.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	defer wtx.Rollback()
	var n int
	if err := wtx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	if n > 0 {
		return newErr(ErrDuplicate, "copy.notempty", dst.path, n)
	}
	// The first init's date goes along; prefix and bench were given to Init.
	var created string
	if err := rtx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'created_at'`).Scan(&created); err == nil {
		if _, err := wtx.ExecContext(ctx, `UPDATE meta SET value = ? WHERE key = 'created_at'`, created); err != nil {
			return fmt.Errorf("copy: %w", err)
		}
	}
	for _, t := range copyTables {
		if err := copyTable(ctx, rtx, wtx, t.name, t.cols); err != nil {
			return fmt.Errorf("copy %s: %w", t.name, err)
		}
	}
	return wtx.Commit()
}

// copyTable streams a table's rows into inserts of many rows each: one
// round trip per 200 rows rather than per row.
func copyTable(ctx context.Context, rtx, wtx *sql.Tx, table, cols string) error {
	const perInsert = 200
	ncol := strings.Count(cols, ",") + 1
	rows, err := rtx.QueryContext(ctx, `SELECT `+cols+` FROM `+table+` ORDER BY 1`)
	if err != nil {
		return err
	}
	defer rows.Close()
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", ncol), ", ") + ")"
	full := `INSERT INTO ` + table + ` (` + cols + `) VALUES ` + strings.TrimSuffix(strings.Repeat(row+", ", perInsert), ", ")
	stmt, err := wtx.PrepareContext(ctx, full)
	if err != nil {
		return err
	}
	defer stmt.Close()
	args := make([]any, 0, perInsert*ncol)
	flush := func(n int) error {
		if n == 0 {
			return nil
		}
		var err error
		if n == perInsert {
			_, err = stmt.ExecContext(ctx, args...)
		} else {
			q := `INSERT INTO ` + table + ` (` + cols + `) VALUES ` + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
			_, err = wtx.ExecContext(ctx, q, args...)
		}
		args = args[:0]
		return err
	}
	n := 0
	for rows.Next() {
		vals := make([]any, ncol)
		ptrs := make([]any, ncol)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		args = append(args, vals...)
		if n++; n == perInsert {
			if err := flush(n); err != nil {
				return err
			}
			n = 0
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush(n)
}
