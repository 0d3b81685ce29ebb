package inventory

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The one place where the ledger depends on SQLite itself rather than on
// portable SQL: its catalogue (sqlite_schema), its integrity check, its
// file header, how a damaged table is let go, VACUUM. They serve
// sqliteEngine (engine.go); PostgreSQL's side is pg.go, and everything else
// in the package is shared.

// hasTable reports whether the ledger has a table of that name.
func hasTable(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, name).Scan(&n)
	return n > 0, err
}

// userTables counts tables other than SQLite's own: a SQLite file with tables
// but no schema_migrations belongs to some other program.
func userTables(ctx context.Context, q querier) (int, error) {
	var n int
	err := q.QueryRowContext(ctx,
		`SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Scan(&n)
	return n, err
}

// hasTrigger reports whether the append-only trigger name exists.
func hasTrigger(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, name).Scan(&n)
	return n > 0, err
}

// isDamaged reports an error SQLite gives when a page it reads makes no sense.
func isDamaged(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "malformed") || strings.Contains(s, "SQLITE_CORRUPT") ||
		strings.Contains(s, "file is not a database") || strings.Contains(s, "SQLITE_NOTADB")
}

// fileHeader is what the first 100 bytes of a SQLite file say about it.
type fileHeader struct {
	magic     bool
	pageSize  int64
	pages     int64 // the "in-header database size", when valid
	sizeValid bool
}

func readHeader(path string) (fileHeader, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileHeader{}, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fileHeader{}, 0, err
	}
	b := make([]byte, 100)
	n, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return fileHeader{}, 0, err
	}
	return parseHeader(b[:n]), st.Size(), nil
}

// parseHeader reads SQLite's 100-byte file header (fewer bytes: only the
// magic is judged).
func parseHeader(b []byte) fileHeader {
	var h fileHeader
	h.magic = len(b) >= len(sqliteMagic) && bytes.Equal(b[:len(sqliteMagic)], []byte(sqliteMagic))
	if len(b) < 100 {
		return h
	}
	h.pageSize = int64(binary.BigEndian.Uint16(b[16:18]))
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	h.pages = int64(binary.BigEndian.Uint32(b[28:32]))
	// The page count is trusted only when the file change counter matches
	// the "version-valid-for" number, as SQLite itself does.
	h.sizeValid = h.pages > 0 && binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96])
	return h
}

// truncatedBy says how many bytes a ledger file lacks (0 when it looks whole):
// a copy cut short or a full disk leave a file smaller than its header says.
func truncatedBy(h fileHeader, size int64) int64 {
	if size < 100 {
		return 100 - size
	}
	if !h.sizeValid || h.pageSize < 512 {
		return 0
	}
	if want := h.pages * h.pageSize; want > size {
		return want - size
	}
	return 0
}

// integrityCheck runs SQLite's full check (every page, every index against
// its table) over the file, or over one table and its indexes, and returns
// its findings; none when that part is sound. On a page it cannot read at
// all, the check stops with an error after its findings so far.
func integrityCheck(ctx context.Context, q querier, table string) ([]string, error) {
	pragma := `PRAGMA integrity_check`
	if table != "" {
		pragma += `(` + table + `)`
	}
	rows, err := q.QueryContext(ctx, pragma)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		if s == "ok" || strings.HasPrefix(s, "*** in database") {
			continue
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// checkTables runs the check table by table, after the whole-file check
// stopped on an unreadable page: the tables whose own check fails are the
// damaged ones.
func checkTables(ctx context.Context, q querier) (damage, error) {
	var d damage
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		if isDamaged(err) {
			d.other = []string{"sqlite_schema: " + err.Error()}
			return d, nil
		}
		return d, err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return d, err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, err
	}
	for _, t := range append([]string{"sqlite_schema"}, tables...) {
		findings, err := integrityCheck(ctx, q, t)
		if err != nil && !isDamaged(err) {
			return d, err
		}
		if err != nil || len(findings) > 0 {
			d.tables = append(d.tables, t)
		}
	}
	sort.Strings(d.tables)
	return d, nil
}

// damage is the integrity check's findings sorted by what they hit.
type damage struct {
	tables []string // tables hit (an index counts as its table), sorted
	leaked int      // pages no table uses: lost space, no lost data
	other  []string // findings that name no table (the free list, ...)
}

// merge adds what the table-by-table check found; findings that named no
// table count as explained once a damaged table is found.
func (d damage) merge(byTable damage) damage {
	seen := map[string]bool{}
	for _, t := range d.tables {
		seen[t] = true
	}
	for _, t := range byTable.tables {
		if !seen[t] {
			d.tables = append(d.tables, t)
		}
	}
	sort.Strings(d.tables)
	if len(d.tables) > 0 {
		d.other = nil
	}
	d.other = append(d.other, byTable.other...)
	return d
}

func (d damage) clean() bool { return len(d.tables) == 0 && d.leaked == 0 && len(d.other) == 0 }

// eventsHit reports damage beyond the views: the events, the heads, the
// keys, the schema or findings that name no table.
func (d damage) eventsHit() bool {
	if len(d.other) > 0 {
		return true
	}
	for _, t := range d.tables {
		if !isProjection(t) {
			return true
		}
	}
	return false
}

func (d damage) String() string {
	parts := append([]string{}, d.tables...)
	if d.leaked > 0 {
		parts = append(parts, fmt.Sprintf("%d unused pages", d.leaked))
	}
	if len(d.other) > 0 {
		parts = append(parts, d.other[0])
	}
	return strings.Join(parts, ", ")
}

var (
	treeRE   = regexp.MustCompile(`^Tree (\d+) `)
	indexRE  = regexp.MustCompile(`(?:from|in) index (\S+)`)
	columnRE = regexp.MustCompile(`(?:NULL value in|constraint failed in) (\w+)`)
	unusedRE = regexp.MustCompile(`^Page \d+:? (?:is )?never used`)
)

// classify says which tables the integrity check's findings hit, reading
// SQLite's catalogue for which table owns which root page and index.
func classify(ctx context.Context, q querier, findings []string) (damage, error) {
	var d damage
	if len(findings) == 0 {
		return d, nil
	}
	byRoot, byName := map[int]string{1: "sqlite_schema"}, map[string]string{}
	rows, err := q.QueryContext(ctx, `SELECT name, tbl_name, rootpage FROM sqlite_schema WHERE rootpage > 0`)
	if err != nil {
		// The catalogue itself is unreadable: nothing can be placed.
		d.other = append(d.other, findings...)
		return d, nil
	}
	for rows.Next() {
		var name, tbl string
		var root int
		if err := rows.Scan(&name, &tbl, &root); err != nil {
			rows.Close()
			return d, err
		}
		byRoot[root], byName[name] = tbl, tbl
	}
	rows.Close()
	hit := map[string]bool{}
	for _, f := range findings {
		var tbl string
		if m := treeRE.FindStringSubmatch(f); m != nil {
			n, _ := strconv.Atoi(m[1])
			tbl = byRoot[n]
		} else if m := indexRE.FindStringSubmatch(f); m != nil {
			tbl = byName[m[1]]
		} else if m := columnRE.FindStringSubmatch(f); m != nil {
			tbl = m[1]
		}
		switch {
		case tbl != "":
			hit[tbl] = true
		case unusedRE.MatchString(f):
			d.leaked++
		default:
			d.other = append(d.other, f)
		}
	}
	for t := range hit {
		d.tables = append(d.tables, t)
	}
	sort.Strings(d.tables)
	return d, nil
}

// ddl is one CREATE statement of a projection table or of its indexes.
type ddl struct{ table, sql string }

// projectionDDL is how the projection tables look in a ledger migrated to
// this binary's schema: the migrations are applied to an empty database in
// memory and its catalogue read. A rebuild creates fresh tables from it,
// even when the damaged file's own catalogue lost them.
func projectionDDL(ctx context.Context) ([]ddl, error) {
	db, err := sql.Open("sqlite", "file:atelier-schema?mode=memory")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if _, err := db.ExecContext(ctx, m.SQL); err != nil {
			return nil, fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	var out []ddl
	for _, t := range projectionTables {
		rows, err := db.QueryContext(ctx,
			`SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type = 'table' DESC, name`, t)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, ddl{t, s})
		}
		rows.Close()
	}
	return out, nil
}

// dropTables drops sound projection tables (their indexes go with them).
func dropTables(ctx context.Context, tx *sql.Tx, tables []string) error {
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS `+t); err != nil {
			return fmt.Errorf("drop %s: %w", t, err)
		}
	}
	return nil
}

// forgetTables removes tables from the catalogue without reading a page of
// them: DROP TABLE walks a table's pages to free them, and on a damaged
// table it fails, or worse, follows a garbled page number into the events.
// Their pages stay allocated but unused until the VACUUM that follows.
func forgetTables(ctx context.Context, tx *sql.Tx, tables []string) error {
	var version int
	if err := tx.QueryRowContext(ctx, `PRAGMA schema_version`).Scan(&version); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA writable_schema = ON`); err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sqlite_schema WHERE tbl_name = ?`, t); err != nil {
			return fmt.Errorf("forget %s: %w", t, err)
		}
	}
	// Other connections notice the new catalogue by its version number.
	for _, q := range []string{fmt.Sprintf(`PRAGMA schema_version = %d`, version+1),
		`PRAGMA writable_schema = RESET`, `PRAGMA writable_schema = OFF`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// vacuum rewrites the file from its tables, which gives back the pages of
// forgotten tables and leaves a file whose every page is in use. The copy is
// built in a temporary file, not in memory: a ledger can weigh gigabytes.
func vacuum(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `VACUUM`)
	conn.ExecContext(ctx, `PRAGMA temp_store = MEMORY`)
	return err
}

// sqliteIntegrity runs the integrity check on a connection of its own.
func sqliteIntegrity(ctx context.Context, db *sql.DB) damageOrErr {
	conn, err := db.Conn(ctx)
	if err != nil {
		return damageOrErr{err: err}
	}
	defer conn.Close()
	findings, err := integrityCheck(ctx, conn, "")
	if err != nil && !isDamaged(err) {
		return damageOrErr{err: err}
	}
	d, cerr := classify(ctx, conn, findings)
	if cerr != nil {
		return damageOrErr{err: cerr}
	}
	if err == nil && len(d.other) == 0 {
		return damageOrErr{d: d}
	}
	// The check stopped on a page it could not read, or said what is wrong
	// without saying where: ask table by table.
	byTable, err := checkTables(ctx, conn)
	if err != nil {
		return damageOrErr{err: err}
	}
	return damageOrErr{d: d.merge(byTable)}
}
