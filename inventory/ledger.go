package inventory

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"
	_ "modernc.org/sqlite" // driver "sqlite": pure Go, no cgo
)

// Ledger is an open ledger file.
type Ledger struct {
	db     *sql.DB
	path   string
	prefix string
	bench  string

	now func() time.Time // the clock; tests may replace it

	mu      sync.Mutex // guards entropy
	entropy io.Reader
}

// Actor is who records an event; the bench comes from the ledger itself.
type Actor struct{ Operator string }

// InitOptions are the choices made once, at `atelier init`.
type InitOptions struct {
	Prefix string // unit id prefix, default "PCS"
	Bench  string // this bench's name, default the host name
}

const sqliteMagic = "SQLite format 3\x00"

// busyTimeout is how long a writer waits for another process's transaction:
// a wipe or an import holds the lock for well under a second.
const busyTimeout = 30 * time.Second

var prefixRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,7}$`)

// Init creates the ledger at path (file 0600, a folder it creates 0700), or
// does nothing but check it when it already exists.
func Init(ctx context.Context, path string, opts InitOptions) (created bool, err error) {
	prefix := strings.ToUpper(strings.TrimSpace(opts.Prefix))
	if prefix == "" {
		prefix = "PCS"
	}
	if !prefixRE.MatchString(prefix) {
		return false, newErr(ErrInvalidInput, "init.prefix", opts.Prefix)
	}
	bench := strings.TrimSpace(opts.Bench)
	if bench == "" {
		h, err := os.Hostname()
		if err != nil || h == "" {
			h = "bench"
		}
		bench = h
	}
	if err := checkVisible(FieldBench, bench); err != nil { // it is in every event, and printed
		return false, err
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return false, newErr(ErrNotWritable, "ledger.notfolder", dir)
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return false, newErr(ErrNotWritable, "ledger.mkdir", dir, err.Error())
		}
	}
	if err := checkWritable(dir); err != nil {
		return false, err
	}
	existing := false
	st, err := os.Stat(path)
	switch {
	case err == nil && st.Size() > 0:
		// Already there: only check it (and finish an init that was cut short).
		if err := checkMagic(path); err != nil {
			return false, err
		}
		existing = true
	case err == nil: // empty file: SQLite takes it as an empty database
	case errors.Is(err, fs.ErrNotExist):
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return false, newErr(ErrNotWritable, "ledger.create", path, err.Error())
		}
		f.Close()
	default:
		return false, fmt.Errorf("ledger %s: %w", path, err)
	}
	if !existing {
		if err := os.Chmod(path, 0o600); err != nil {
			return false, fmt.Errorf("ledger %s: %w", path, err)
		}
	}
	db, err := openDB(path)
	if err != nil {
		return false, err
	}
	defer db.Close()
	// 16 KiB pages: fewer reads when scanning a million events. WAL lets
	// readers go on while one process writes. Both are persistent, set once
	// on the new file (never on an existing one, which may not be ours).
	for _, pragma := range []string{`PRAGMA page_size = 16384`, `PRAGMA journal_mode = WAL`} {
		if existing {
			break
		}
		if _, err := db.ExecContext(ctx, pragma); err != nil {
			return false, fmt.Errorf("ledger %s: %w", path, err)
		}
	}
	if err := migrate(ctx, db, path); err != nil {
		return false, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	for k, v := range map[string]string{"prefix": prefix, "bench": bench, "created_at": formatTime(time.Now())} {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, k, v); err != nil {
			return false, fmt.Errorf("ledger %s: %w", path, err)
		}
	}
	return !existing, tx.Commit()
}

// Open opens an existing ledger, migrating it forward if this binary is newer.
func Open(ctx context.Context, path string) (*Ledger, error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, newErr(ErrFolderMissing, "ledger.notfolder", dir)
	} else if err != nil {
		return nil, newErr(ErrFolderMissing, "ledger.nofolder", dir)
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && st.Size() == 0) {
		return nil, newErr(ErrNoLedger, "ledger.missing", path)
	}
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, newErr(ErrNotLedger, "ledger.notsqlite", path)
	}
	if err := checkMagic(path); err != nil {
		return nil, err
	}
	if err := checkWritable(dir); err != nil {
		return nil, err
	}
	if unix.Access(path, unix.W_OK) != nil {
		return nil, newErr(ErrNotWritable, "ledger.readonly", path)
	}
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, db, path); err != nil {
		db.Close()
		return nil, err
	}
	l := &Ledger{db: db, path: path, now: time.Now, entropy: newEntropy()}
	if err := l.loadMeta(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return l, nil
}

func openDB(path string) (*sql.DB, error) {
	// _txlock=immediate: every transaction takes the write lock at BEGIN, so
	// concurrent writers queue on busy_timeout instead of failing on upgrade.
	dsn := fmt.Sprintf("file:%s?_busy_timeout=%d&_foreign_keys=1&_txlock=immediate&_synchronous=NORMAL&_pragma=cache_size(-16384)&_pragma=mmap_size(1073741824)&_pragma=temp_store(memory)",
		path, busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, notLedger(path, err)
	}
	return db, nil
}

func (l *Ledger) loadMeta(ctx context.Context) error {
	rows, err := l.db.QueryContext(ctx, `SELECT key, value FROM meta`)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", l.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		switch k {
		case "prefix":
			l.prefix = v
		case "bench":
			l.bench = v
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if l.prefix == "" || l.bench == "" {
		return newErr(ErrNoLedger, "ledger.missing", l.path)
	}
	return nil
}

// checkMagic refuses a file that is not a SQLite database.
func checkMagic(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte(sqliteMagic)) {
		return newErr(ErrNotLedger, "ledger.notsqlite", path)
	}
	return nil
}

// checkWritable: SQLite in WAL mode writes -wal and -shm files next to the
// ledger, so the folder itself must be writable.
func checkWritable(dir string) error {
	if err := unix.Access(dir, unix.W_OK|unix.X_OK); err != nil {
		return newErr(ErrNotWritable, "ledger.notwritable", dir)
	}
	return nil
}

func notLedger(path string, err error) error {
	if strings.Contains(err.Error(), "not a database") || strings.Contains(err.Error(), "malformed") {
		return newErr(ErrNotLedger, "ledger.notsqlite", path)
	}
	return fmt.Errorf("ledger %s: %w", path, err)
}

// Close closes the ledger.
func (l *Ledger) Close() error { return l.db.Close() }

// Path is the ledger file.
func (l *Ledger) Path() string { return l.path }

// Dir is the folder holding the ledger; the bench key files live there.
func (l *Ledger) Dir() string { return filepath.Dir(l.path) }

// BenchName is this bench's name, recorded with every event it writes.
func (l *Ledger) BenchName() string { return l.bench }

// Prefix is the unit id prefix chosen at init.
func (l *Ledger) Prefix() string { return l.prefix }

// SetClock replaces the ledger's clock (tests and synthetic ledgers).
func (l *Ledger) SetClock(now func() time.Time) { l.now = now }

// timeLayout is fixed-width so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// formatTime writes timeLayout by hand: hashing a million events formats as
// many times.
func formatTime(t time.Time) string {
	t = t.UTC()
	b := make([]byte, 0, len(timeLayout))
	pad := func(n, width int) {
		var d [9]byte
		for i := width - 1; i >= 0; i-- {
			d[i] = byte('0' + n%10)
			n /= 10
		}
		b = append(b, d[:width]...)
	}
	y, mo, d := t.Date()
	h, mi, sec := t.Clock()
	if y < 0 || y > 9999 {
		return t.Format(timeLayout)
	}
	pad(y, 4)
	b = append(b, '-')
	pad(int(mo), 2)
	b = append(b, '-')
	pad(d, 2)
	b = append(b, 'T')
	pad(h, 2)
	b = append(b, ':')
	pad(mi, 2)
	b = append(b, ':')
	pad(sec, 2)
	b = append(b, '.')
	pad(t.Nanosecond(), 9)
	b = append(b, 'Z')
	return string(b)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if t, ok := parseFixed(s); ok {
		return t
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// parseFixed reads timeLayout without time.Parse's generality: listing
// 10,000 units parses 20,000 times.
func parseFixed(s string) (time.Time, bool) {
	if len(s) != len(timeLayout) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
		s[16] != ':' || s[19] != '.' || s[29] != 'Z' {
		return time.Time{}, false
	}
	num := func(from, to int) (int, bool) {
		n := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	var v [7]int
	spans := [7][2]int{{0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}, {20, 29}}
	for i, sp := range spans {
		n, ok := num(sp[0], sp[1])
		if !ok {
			return time.Time{}, false
		}
		v[i] = n
	}
	return time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], v[6], time.UTC), true
}
