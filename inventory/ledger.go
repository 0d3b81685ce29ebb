package inventory

import (
	"context"
	"crypto"
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
	path   string // the file, or the PostgreSQL URL without its password
	src    string // what Open was given (the URL with its password)
	eng    engine
	keyDir string // where bench.key is, for a ledger that is not a file
	prefix string
	bench  string
	// roErr says why the ledger was opened read-only (nil when it is
	// writable): every write returns it, every read goes on.
	roErr  error
	letter string // this bench's code in new unit ids, "" for none

	now func() time.Time // the clock; tests may replace it

	mu        sync.Mutex // guards entropy and the signer
	entropy   io.Reader
	keys      BenchKeys
	signer    crypto.Signer
	signerErr error
}

// Actor is who records an event; the bench comes from the ledger itself.
type Actor struct{ Operator string }

// InitOptions are the choices made once, at `atelier init`.
type InitOptions struct {
	Prefix string // unit id prefix, default "PCS"
	Bench  string // this bench's name, default the host name
	// Letter is this bench's code in unit ids (B gives PCS-26-B0042), so
	// that benches syncing with one hub never give the same id. Set once;
	// a ledger without one keeps ids such as PCS-26-0042.
	Letter string
}

const sqliteMagic = "SQLite format 3\x00"

// busyTimeout is how long a writer waits for another process's transaction:
// a wipe or an import holds the lock for well under a second.
const busyTimeout = 30 * time.Second

var prefixRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,7}$`)

// Init creates the ledger at path (file 0600, a folder it creates 0700), or
// does nothing but check it when it already exists. The new ledger is made
// whole under a temporary name and then linked into place: path is never
// an empty or half-made file, so a zero-length ledger always means one that
// lost its contents, and Init refuses to start a new chain over it.
func Init(ctx context.Context, path string, opts InitOptions) (created bool, err error) {
	prefix := strings.ToUpper(strings.TrimSpace(opts.Prefix))
	if prefix == "" {
		prefix = "PCS"
	}
	if !prefixRE.MatchString(prefix) {
		return false, newErr(ErrInvalidInput, "init.prefix", opts.Prefix)
	}
	letter, err := ParseLetter(opts.Letter)
	if err != nil {
		return false, err
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
	// A name given by hand is held to what a hub can enrol (it also names
	// files), and like every recorded text it may not be an e-mail or a
	// phone number.
	if opts.Bench != "" && !benchNameRE.MatchString(bench) {
		return false, newErr(ErrInvalidInput, "bench.badname", bench)
	}
	if err := checkPersonalData(FieldBench, bench); err != nil {
		return false, err
	}
	if IsPostgres(path) {
		return initPG(ctx, path, prefix, bench, letter)
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
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return false, newErr(ErrNotLedger, "ledger.notsqlite", path)
	case err == nil && !st.Mode().IsRegular():
		return false, newErr(ErrNotLedger, "ledger.notfile", path)
	case err == nil && st.Size() == 0:
		return false, newErr(ErrDamaged, "ledger.empty", path)
	case errors.Is(err, fs.ErrNotExist):
		made, err := createLedger(ctx, path, prefix, bench, letter)
		if err != nil || made {
			return made, err
		}
		// Another atelier init linked its ledger first: check that one.
	case err != nil:
		return false, fmt.Errorf("ledger %s: %w", path, err)
	}
	if err := checkFile(path); err != nil {
		return false, err
	}
	db, err := openDB(path, false)
	if err != nil {
		return false, err
	}
	defer db.Close()
	if err := migrate(ctx, sqliteEngine{}, db, path); err != nil {
		return false, err
	}
	return false, writeMeta(ctx, db, path, prefix, bench, letter)
}

// createLedger makes a complete ledger under a temporary name in path's
// folder and links it to path; false when path appeared meanwhile.
func createLedger(ctx context.Context, path, prefix, bench, letter string) (bool, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ledger-*.tmp") // mode 0600
	if err != nil {
		return false, newErr(ErrNotWritable, "ledger.create", path, err.Error())
	}
	name := tmp.Name()
	tmp.Close()
	defer func() {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(name + suffix)
		}
	}()
	db, err := openDB(name, false)
	if err != nil {
		return false, err
	}
	// 16 KiB pages: fewer reads when scanning a million events. WAL lets
	// readers go on while one process writes. Both are persistent, set once
	// on the new file.
	for _, pragma := range []string{`PRAGMA page_size = 16384`, `PRAGMA journal_mode = WAL`} {
		if _, err := db.ExecContext(ctx, pragma); err != nil {
			db.Close()
			return false, fmt.Errorf("ledger %s: %w", path, err)
		}
	}
	err = migrate(ctx, sqliteEngine{}, db, path)
	if err == nil {
		err = writeMeta(ctx, db, path, prefix, bench, letter)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, err
	}
	return linkNew(name, path)
}

// linkNew puts the finished file at path unless something is there already.
// A file system without hard links (FAT on a USB stick) gets a copy made
// with O_EXCL instead.
func linkNew(from, to string) (bool, error) {
	err := os.Link(from, to)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrExist):
		return false, nil
	}
	src, rerr := os.ReadFile(from)
	if rerr != nil {
		return false, newErr(ErrNotWritable, "ledger.create", to, rerr.Error())
	}
	f, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, newErr(ErrNotWritable, "ledger.create", to, err.Error())
	}
	_, err = f.Write(src)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(to)
		return false, newErr(ErrNotWritable, "ledger.create", to, err.Error())
	}
	return true, nil
}

// writeMeta records the choices of the first init; later ones change nothing.
func writeMeta(ctx context.Context, db *sql.DB, path, prefix, bench, letter string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", path, err)
	}
	defer tx.Rollback()
	meta := map[string]string{"prefix": prefix, "bench": bench, "created_at": formatTime(time.Now())}
	if letter != "" {
		// Given once: a ledger without a letter may take one (its old ids
		// stay), never change it.
		meta["letter"] = letter
	}
	for k, v := range meta {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, k, v); err != nil {
			return fmt.Errorf("ledger %s: %w", path, err)
		}
	}
	return tx.Commit()
}

// Open opens an existing ledger, migrating it forward if this binary is
// newer. A ledger that cannot be written (a read-only file, folder or file
// system) is opened read-only: listing, showing and verifying work, writes
// are refused with the reason.
func Open(ctx context.Context, path string) (*Ledger, error) {
	if IsPostgres(path) {
		return openPGLedger(ctx, path)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, newErr(ErrFolderMissing, "ledger.notfolder", dir)
	} else if err != nil {
		return nil, newErr(ErrFolderMissing, "ledger.nofolder", dir)
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, newErr(ErrNoLedger, "ledger.missing", path)
	case err != nil:
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	case st.IsDir():
		return nil, newErr(ErrNotLedger, "ledger.notsqlite", path)
	case !st.Mode().IsRegular():
		// A pipe, a device, a socket: its size says nothing (a pipe
		// or /dev/null shows 0 bytes, not a lost ledger).
		return nil, newErr(ErrNotLedger, "ledger.notfile", path)
	case st.Size() == 0:
		return nil, newErr(ErrDamaged, "ledger.empty", path)
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	roErr := checkWritable(dir)
	if roErr == nil && unix.Access(path, unix.W_OK) != nil {
		roErr = newErr(ErrNotWritable, "ledger.readonly", path)
	}
	db, err := openDB(path, roErr != nil)
	if err != nil {
		return nil, err
	}
	if roErr != nil {
		err = checkSchema(ctx, db, path)
	} else {
		err = migrate(ctx, sqliteEngine{}, db, path)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	l := &Ledger{db: db, path: path, src: path, eng: sqliteEngine{}, roErr: roErr, now: time.Now, entropy: newEntropy()}
	if err := l.loadMeta(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return l, nil
}

// ReadOnly says why the ledger cannot be written (nil when it can).
func (l *Ledger) ReadOnly() error { return l.roErr }

func openDB(path string, readOnly bool) (*sql.DB, error) {
	// _txlock=immediate: every transaction takes the write lock at BEGIN, so
	// concurrent writers queue on busy_timeout instead of failing on upgrade.
	// Read-only transactions (verify) begin deferred all the same.
	dsn := fmt.Sprintf("file:%s?_busy_timeout=%d&_foreign_keys=1&_txlock=immediate&_synchronous=NORMAL&_pragma=cache_size(-16384)&_pragma=mmap_size(1073741824)&_pragma=temp_store(memory)",
		path, busyTimeout.Milliseconds())
	if readOnly {
		dsn += "&mode=ro"
		// In WAL mode even a reader needs the -shm file beside the ledger.
		// In a folder we may not write to (a read-only file system, an
		// immutable folder) it cannot be made. When no -shm is there
		// either, no process has the ledger open, and when no journal waits
		// there, the file is complete on its own: SQLite may then read it
		// as immutable. An -shm left by a process of another user is read
		// as it is (SQLite opens it read-only).
		if checkWritable(filepath.Dir(path)) != nil && !hasJournal(path) && !exists(path+"-shm") {
			dsn += "&immutable=1"
		}
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		if readOnly && hasJournal(path) && !exists(path+"-shm") {
			return nil, newErr(ErrNotWritable, "ledger.rojournal", path)
		}
		return nil, notLedger(path, err)
	}
	return db, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// hasJournal reports a non-empty -wal or -journal file beside the ledger:
// changes SQLite has yet to carry into the file itself.
func hasJournal(path string) bool {
	for _, suffix := range []string{"-wal", "-journal"} {
		if st, err := os.Stat(path + suffix); err == nil && st.Size() > 0 {
			return true
		}
	}
	return false
}

func (l *Ledger) loadMeta(ctx context.Context) error {
	rows, err := l.db.QueryContext(ctx, `SELECT key, value FROM meta`)
	if err != nil {
		return notLedger(l.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return notLedger(l.path, err)
		}
		l.keepMeta(k, v)
	}
	if err := rows.Err(); err != nil {
		return notLedger(l.path, err)
	}
	if l.prefix == "" || l.bench == "" {
		return newErr(ErrNoLedger, "ledger.missing", l.path)
	}
	return nil
}

// keepMeta keeps one row of the meta table.
func (l *Ledger) keepMeta(k, v string) {
	switch k {
	case "prefix":
		l.prefix = v
	case "bench":
		l.bench = v
	case "letter":
		l.letter = v
	}
}

// checkFile refuses a file that is not a SQLite database, and one cut
// short: its header says how long it must be.
func checkFile(path string) error {
	h, size, err := readHeader(path)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", path, err)
	}
	if !h.magic {
		return newErr(ErrNotLedger, "ledger.notsqlite", path)
	}
	// While a journal waits beside it, the file may legitimately lag
	// behind its header (a checkpoint writes page 1 first).
	if n := truncatedBy(h, size); n > 0 && !hasJournal(path) {
		return newErr(ErrDamaged, "ledger.truncated", path, size, size+n)
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

// notLedger says why SQLite would not read the file: a file with SQLite's
// header that SQLite finds malformed is a damaged ledger, not a stranger.
func notLedger(path string, err error) error {
	if strings.Contains(err.Error(), "not a database") {
		return newErr(ErrNotLedger, "ledger.notsqlite", path)
	}
	if isDamaged(err) {
		return newErr(ErrDamaged, "ledger.damaged", path)
	}
	return fmt.Errorf("ledger %s: %w", path, err)
}

// Explain turns an error SQLite gave while reading a damaged file, or one
// whose views are missing, into one line of advice; other errors pass
// unchanged.
func (l *Ledger) Explain(err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	if isDamaged(err) {
		return newErr(ErrDamaged, "ledger.damaged", l.path)
	}
	for _, t := range projectionTables {
		if strings.Contains(err.Error(), "no such table: "+t) || strings.Contains(err.Error(), `relation "`+t+`" does not exist`) {
			return newErr(ErrDamaged, "ledger.noviews", l.path)
		}
	}
	return err
}

// Close closes the ledger.
func (l *Ledger) Close() error { return l.db.Close() }

// Path is the ledger file.
func (l *Ledger) Path() string { return l.path }

// Dir is the folder holding the bench key files: the ledger's own folder,
// or for a PostgreSQL ledger DefaultKeyDir.
func (l *Ledger) Dir() string {
	if l.keyDir != "" {
		return l.keyDir
	}
	return filepath.Dir(l.path)
}

// Engine is "sqlite" or "postgres".
func (l *Ledger) Engine() string { return l.eng.name() }

// BenchName is this bench's name, recorded with every event it writes.
func (l *Ledger) BenchName() string { return l.bench }

// Letter is this bench's code in new unit ids ("" for none).
func (l *Ledger) Letter() string { return l.letter }

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
