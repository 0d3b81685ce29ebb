package inventory

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// A ledger in PostgreSQL. It goes through database/sql like the SQLite one
// (pgx's stdlib adapter), so every query, transaction and projection of the
// package is one code path for both engines; the few differences live in
// pgEngine below, in migrations/postgres/ and in pgConn, which gives the
// package's SQL what SQLite gave it:
//   - placeholders: the package writes `?`, PostgreSQL wants $1, $2...;
//   - SQLite's BEGIN IMMEDIATE (_txlock=immediate): a write transaction
//     takes the ledger's write lock before its first read, so the chain
//     head, the unit numbers and the projection rows it reads are still
//     the newest when it commits. Here that lock is a transaction-scoped
//     advisory lock keyed by the ledger's schema: writers of one ledger
//     queue (as on SQLite, across processes and hosts), readers never wait
//     (MVCC), and no write can fail on a serialization conflict;
//   - one snapshot for a read-only transaction (verify, unit list): SQLite's
//     deferred read transaction sees one state of the file; PostgreSQL's
//     default READ COMMITTED takes a snapshot per statement, so read-only
//     transactions run REPEATABLE READ.

// IsPostgres reports whether a --ledger value names a PostgreSQL database.
func IsPostgres(ledger string) bool {
	return strings.HasPrefix(ledger, "postgres://") || strings.HasPrefix(ledger, "postgresql://")
}

// RedactURL is the ledger URL without its password (in the user part or
// among the parameters): what every message and `Path()` shows.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		// Unparseable: say no more than the scheme and the host part.
		if i := strings.LastIndex(raw, "@"); i >= 0 {
			return raw[:strings.Index(raw, "://")+3] + raw[i+1:]
		}
		return raw
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// pgLockClass is the first key of the ledger's advisory write lock (the
// second is the schema's hash): "at" in ASCII, apart from other programs'.
const pgLockClass = 0x6174

// pgEngine is the PostgreSQL side of engine.
type pgEngine struct{}

func (pgEngine) name() string { return "postgres" }

func (pgEngine) hasTable(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name = ?`, name).Scan(&n)
	return n > 0, err
}

func (pgEngine) userTables(ctx context.Context, q querier) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM information_schema.tables
		WHERE table_schema = current_schema()`).Scan(&n)
	return n, err
}

func (pgEngine) hasTrigger(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_trigger t
		JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace s ON s.oid = c.relnamespace
		WHERE s.nspname = current_schema() AND t.tgname = ? AND t.tgenabled <> 'D'`, name).Scan(&n)
	return n > 0, err
}

// integrity: PostgreSQL checks its own pages (checksums, WAL replay) and
// has no whole-database check to run from a client; a damaged page surfaces
// as an error of the query that reads it.
func (pgEngine) integrity(context.Context, *sql.DB) damageOrErr { return damageOrErr{} }

// resetViews empties the projection tables in the rebuild's transaction:
// their definitions come from the migrations and stay. TRUNCATE locks them
// until commit, so a reader sees the old views or the new ones.
func (pgEngine) resetViews(ctx context.Context, tx *sql.Tx) ([]ddl, error) {
	_, err := tx.ExecContext(ctx, `TRUNCATE `+strings.Join(projectionTables, ", "))
	return nil, err
}

// retryable: with the write lock no write meets a serialization failure or
// a deadlock, but should one come (a statement outside atelier holding
// rows), the transaction is retried like a SQLite busy one.
func (pgEngine) retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// openPG connects to the database the URL names and says in one line why
// it cannot: server unreachable, password refused, database missing.
func openPG(ctx context.Context, raw string) (*sql.DB, error) {
	shown := RedactURL(raw)
	cfg, err := pgx.ParseConfig(raw)
	if err != nil {
		return nil, newErr(ErrNoLedger, "ledger.pgurl", shown)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	// Each command is one short process: a statement prepared on first use
	// (pgx's default) costs a round trip more and is never reused. One
	// round trip per statement, parameters typed by their Go type; the
	// statements a loop repeats (event inserts) are prepared explicitly.
	if !strings.Contains(raw, "default_query_exec_mode") {
		cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	}
	db := sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg, stdlib.OptionShouldPing(pgShouldPing))})
	pctx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout+5*time.Second)
	defer cancel()
	// Connect now, to say at once why it cannot; the handshake proves the
	// connection, no ping query needed (a round trip saved on every command).
	c, err := db.Conn(pctx)
	if err != nil {
		db.Close()
		return nil, pgConnectErr(shown, cfg, err)
	}
	c.Close()
	return db, nil
}

// pgShouldPing: database/sql hands a pooled connection back through pgx's
// ResetSession, which pings it when it sat idle over a second, measured
// from its previous reset. A connection just made has had none (the
// duration since the zero time saturates): its handshake has just proven
// it, and pinging it would cost each short command a round trip.
func pgShouldPing(_ context.Context, p stdlib.ShouldPingParams) bool {
	return p.IdleDuration > time.Second && p.IdleDuration != time.Duration(math.MaxInt64)
}

// pgConnectErr names why a connection failed, never with the password.
func pgConnectErr(shown string, cfg *pgx.ConnConfig, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "28000" && strings.HasPrefix(cfg.Host, "/"):
			// invalid_authorization_specification on the unix socket: no
			// password was asked, the OS user was (peer, Debian's default).
			return newErr(ErrNoLedger, "ledger.pgpeer", shown, cfg.User, cfg.Host, pe.Message)
		case pe.Code == "28P01" || pe.Code == "28000": // invalid_password, invalid_authorization_specification
			return newErr(ErrNoLedger, "ledger.pgauth", shown, cfg.User)
		case pe.Code == "3D000": // invalid_catalog_name
			return newErr(ErrNoLedger, "ledger.pgnodb", shown, cfg.Database)
		}
		return fmt.Errorf("ledger %s: %s (SQLSTATE %s)", shown, pe.Message, pe.Code)
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
	reason := "timed out"
	var oe *net.OpError
	var de *net.DNSError
	switch {
	case errors.As(err, &de):
		reason = de.Error()
	case errors.As(err, &oe):
		reason = oe.Err.Error()
	case !errors.Is(err, context.DeadlineExceeded):
		reason = err.Error()
	}
	return newErr(ErrNoLedger, "ledger.pgunreachable", addr, shown, reason)
}

// initPG creates the schema in the database the URL names (an existing
// ledger is only migrated), and records the first init's choices.
func initPG(ctx context.Context, raw, prefix, bench, letter string) (bool, error) {
	db, err := openPG(ctx, raw)
	if err != nil {
		return false, err
	}
	defer db.Close()
	shown := RedactURL(raw)
	_, had, err := schemaVersion(ctx, pgEngine{}, db)
	if err != nil {
		return false, fmt.Errorf("ledger %s: %w", shown, err)
	}
	if err := migrate(ctx, pgEngine{}, db, shown); err != nil {
		return false, err
	}
	return !had, writeMeta(ctx, db, shown, prefix, bench, letter)
}

// openPGLedger opens a PostgreSQL ledger made by atelier init.
func openPGLedger(ctx context.Context, raw string) (*Ledger, error) {
	db, err := openPG(ctx, raw)
	if err != nil {
		return nil, err
	}
	shown := RedactURL(raw)
	l := &Ledger{db: db, path: shown, src: raw, eng: pgEngine{}, keyDir: DefaultKeyDir(),
		now: time.Now, entropy: newEntropy()}
	if l.pgOpenCurrent(ctx) {
		return l, nil
	}
	cur, has, err := schemaVersion(ctx, pgEngine{}, db)
	if err == nil && !has {
		err = newErr(ErrNoLedger, "ledger.missing", shown)
	}
	if err == nil && cur != SchemaVersion() { // older: migrate; newer: migrate refuses
		err = migrate(ctx, pgEngine{}, db, shown)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := l.loadMeta(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return l, nil
}

// pgOpenCurrent is the open of a ledger already at this binary's schema,
// the common case, in one statement: the schema version, that its table
// is the one of the URL's schema (as hasTable checks), and the meta rows.
// It reports false on anything else (no ledger, an older or newer schema,
// another program's tables, an error), and Open then takes the long way,
// which says why or migrates. Each statement is a round trip, and on a
// loaded server each waits for its backend to be scheduled: the open used
// to take four (a ping, the catalogue, the version, the meta).
func (l *Ledger) pgOpenCurrent(ctx context.Context) bool {
	rows, err := l.db.QueryContext(ctx, `SELECT v.version, v.here, m.key, m.value
		FROM (SELECT MAX(version) AS version,
			'schema_migrations'::regclass = to_regclass(format('%I.schema_migrations', current_schema())) AS here
			FROM schema_migrations) v
		LEFT JOIN meta m ON true`)
	if err != nil {
		return false
	}
	defer rows.Close()
	for rows.Next() {
		var v sql.NullInt64
		var here sql.NullBool
		var k, val sql.NullString
		if err := rows.Scan(&v, &here, &k, &val); err != nil || int(v.Int64) != SchemaVersion() || !here.Bool {
			return false
		}
		l.keepMeta(k.String, val.String)
	}
	return rows.Err() == nil && l.prefix != "" && l.bench != ""
}

// DefaultKeyDir is where a bench keeps bench.key and bench.pub when its
// ledger is not a file (a PostgreSQL ledger has no folder of its own):
// $ATELIER_KEY_DIR, else $XDG_DATA_HOME/atelier, else ~/.local/share/atelier,
// the folder of the default SQLite ledger.
func DefaultKeyDir() string {
	if d := os.Getenv("ATELIER_KEY_DIR"); d != "" {
		return d
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "atelier")
}

// pgConnector hands database/sql connections that speak the package's SQL.
type pgConnector struct{ inner driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return pgConn{conn.(*stdlib.Conn)}, nil
}

func (c pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is pgx's connection with `?` placeholders and SQLite's
// transaction semantics (see the top of this file).
type pgConn struct{ *stdlib.Conn }

func (c pgConn) Prepare(q string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(context.Background(), rebind(pgSQL(q)))
}

func (c pgConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(pgSQL(q)))
}

func (c pgConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) > 0 { // without arguments: a script (a migration), sent as it is
		q = rebind(pgSQL(q))
	}
	return c.Conn.ExecContext(ctx, q, args)
}

func (c pgConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) > 0 {
		q = rebind(pgSQL(q))
	}
	return c.Conn.QueryContext(ctx, q, args)
}

var indexedByRE = regexp.MustCompile(`\s+INDEXED BY \w+`)

// pgSQL drops what only SQLite's SQL has: "INDEXED BY index", a hint to
// SQLite's planner (PostgreSQL's chooses by itself).
func pgSQL(q string) string {
	if strings.Contains(q, "INDEXED BY") {
		return indexedByRE.ReplaceAllString(q, "")
	}
	return q
}

func (c pgConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if opts.ReadOnly && sql.IsolationLevel(opts.Isolation) == sql.LevelDefault {
		opts.Isolation = driver.IsolationLevel(sql.LevelRepeatableRead)
	}
	tx, err := c.Conn.BeginTx(ctx, opts)
	if err != nil || opts.ReadOnly {
		return tx, err
	}
	if _, err := c.Conn.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`,
		[]driver.NamedValue{{Ordinal: 1, Value: int64(pgLockClass)}}); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// rebind turns the package's `?` placeholders into $1, $2... outside
// quoted text and comments.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(q[i+1:], c)
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+2])
			i += j + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// pgListDocMax is the longest document (in bytes) the list's covering
// index holds (migration 0011): a B-tree entry may not pass ~2,700 bytes.
const pgListDocMax = 2000

// pgListByStateQuery is the statement of pgEachUnitDocOfState ($1: the
// state); its conditions are the covering index's, so that the planner may
// read that index alone.
func pgListByStateQuery(limit int) string {
	q := fmt.Sprintf(`SELECT doc, (SELECT COUNT(*) FROM units
			WHERE state = $1 AND merged_into = '' AND octet_length(doc) > %[1]d)
		FROM units WHERE state = $1 AND merged_into = '' AND octet_length(doc) <= %[1]d
		ORDER BY id_year, id_num, id`, pgListDocMax)
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	return q
}

// pgEachUnitDocOfState is eachUnitDoc for `unit list --state S` (no other
// filter) on PostgreSQL: one statement, read from the covering index
// units_list in the list's order, no table page and no sort. Its second
// column counts the state's documents too long for that index (an InitPlan
// on the empty index units_list_long): when there are any, or when the
// index gave no row, it reports false before calling fn and the caller
// lists the old way.
func (l *Ledger) pgEachUnitDocOfState(ctx context.Context, f ListFilter, fn func(doc []byte) error) (bool, error) {
	st, err := ParseState(f.State)
	if err != nil {
		return false, err
	}
	rows, err := l.db.QueryContext(ctx, pgListByStateQuery(f.Limit), string(st))
	if err != nil {
		return false, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	var doc sql.RawBytes
	var long int
	n := 0
	for rows.Next() {
		if err := rows.Scan(&doc, &long); err != nil {
			return n > 0, fmt.Errorf("list units: %w", err)
		}
		if n == 0 && long > 0 {
			return false, nil
		}
		n++
		if err := fn(doc); err != nil {
			return true, fmt.Errorf("list units: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return n > 0, fmt.Errorf("list units: %w", err)
	}
	return n > 0, nil
}

// eachUnitDocFoldedInGo is eachUnitDoc with --site, --batch or --donor on
// PostgreSQL. SQLite compares them with atelier_fold, a Go function
// registered in the driver (fold.go); PostgreSQL has no such function and
// its own (unaccent, upper under a collation) fold differently. So the rows
// of the state are read and the names folded here, with the very same Go
// function: both engines list the same units.
func (l *Ledger) eachUnitDocFoldedInGo(ctx context.Context, f ListFilter, fn func(doc []byte) error) error {
	q, args, err := listQuery(ListFilter{State: f.State, Search: f.Search})
	if err != nil {
		return err
	}
	q = strings.Replace(q, `SELECT doc FROM`, `SELECT doc, site, batch, donor FROM`, 1)
	rows, err := l.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	want := [3]string{foldName(f.Site), foldName(f.Batch), foldName(f.Donor)}
	var doc sql.RawBytes
	var have [3]string
	n := 0
	for rows.Next() && (f.Limit <= 0 || n < f.Limit) {
		if err := rows.Scan(&doc, &have[0], &have[1], &have[2]); err != nil {
			return fmt.Errorf("list units: %w", err)
		}
		match := true
		for i := range want {
			if want[i] != "" && foldName(have[i]) != want[i] {
				match = false
			}
		}
		if !match {
			continue
		}
		n++
		if err := fn(doc); err != nil {
			return fmt.Errorf("list units: %w", err)
		}
	}
	return rows.Err()
}

// pgCopyInto is copyInto for a PostgreSQL destination: the events, heads
// and keys go in with COPY (a million events in seconds, where INSERTs of
// many rows each take minutes), in one transaction holding the ledger's
// write lock, on the raw pgx connection database/sql lends.
func pgCopyInto(ctx context.Context, rtx *sql.Tx, dst *Ledger) error {
	conn, err := dst.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pc := dc.(pgConn).Conn.Conn()
		tx, err := pc.Begin(ctx)
		if err != nil {
			return fmt.Errorf("copy: %w", err)
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, pgLockClass); err != nil {
			return fmt.Errorf("copy: %w", err)
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
			return fmt.Errorf("copy: %w", err)
		}
		if n > 0 {
			return newErr(ErrDuplicate, "copy.notempty", dst.path, n)
		}
		var created string
		if err := rtx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'created_at'`).Scan(&created); err == nil {
			if _, err := tx.Exec(ctx, `UPDATE meta SET value = $1 WHERE key = 'created_at'`, created); err != nil {
				return fmt.Errorf("copy: %w", err)
			}
		}
		for _, t := range copyTables {
			rows, err := rtx.QueryContext(ctx, `SELECT `+t.cols+` FROM `+t.name+` ORDER BY 1`)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t.name, err)
			}
			cols := strings.Split(strings.ReplaceAll(t.cols, " ", ""), ",")
			src := &sqlRowsSource{rows: rows, vals: make([]any, len(cols))}
			_, err = tx.CopyFrom(ctx, pgx.Identifier{t.name}, cols, src)
			rows.Close()
			if err != nil {
				return fmt.Errorf("copy %s: %w", t.name, err)
			}
		}
		return tx.Commit(ctx)
	})
}

// sqlRowsSource feeds database/sql rows to pgx's COPY.
type sqlRowsSource struct {
	rows *sql.Rows
	vals []any
	err  error
}

func (s *sqlRowsSource) Next() bool {
	if !s.rows.Next() {
		return false
	}
	ptrs := make([]any, len(s.vals))
	for i := range s.vals {
		ptrs[i] = &s.vals[i]
	}
	if s.err = s.rows.Scan(ptrs...); s.err != nil {
		return false
	}
	return true
}

func (s *sqlRowsSource) Values() ([]any, error) { return s.vals, s.err }

func (s *sqlRowsSource) Err() error {
	if s.err != nil {
		return s.err
	}
	return s.rows.Err()
}

// KeyDirFor is the folder of the bench key files for a --ledger value:
// beside a SQLite file, DefaultKeyDir for a PostgreSQL URL (which has no
// folder, and whose text must never become a path: it may hold a password).
func KeyDirFor(ledger string) string {
	if IsPostgres(ledger) {
		return DefaultKeyDir()
	}
	return filepath.Dir(ledger)
}

// afterMigration does, in the migration's transaction, what a migration's
// SQL does on SQLite with a Go function registered in its driver, which
// PostgreSQL does not have: 0005 fills units.search with searchText.
func afterMigration(ctx context.Context, eng engine, tx *sql.Tx, m migration) error {
	if eng.name() != "postgres" || m.Name != "0005_unit_find.sql" {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT state, id, model, vendor, donor, batch, site, serial, asset_tag, name FROM units`)
	if err != nil {
		return err
	}
	type row struct{ state, id, search string }
	var todo []row
	for rows.Next() {
		var r row
		f := make([]string, 8)
		if err := rows.Scan(&r.state, &r.id, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7]); err != nil {
			rows.Close()
			return err
		}
		r.search = searchText(f...)
		todo = append(todo, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range todo {
		if _, err := tx.ExecContext(ctx, `UPDATE units SET search = ? WHERE state = ? AND id = ?`, r.search, r.state, r.id); err != nil {
			return err
		}
	}
	return nil
}
