package inventory

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// FindUnit finds a unit by its id, serial number, DSI asset tag, DSI name
// (GLPI "Nom") or number alone ("12" or "0012" for PCS-26-0012), in that
// order of preference, ignoring case. A reference that matches several
// units is refused with the list of them.
func (l *Ledger) FindUnit(ctx context.Context, ref string) (Unit, error) {
	u, err := findUnit(ctx, l.db, ref)
	if err != nil {
		return Unit{}, err
	}
	return u.Unit, nil
}

func findUnit(ctx context.Context, q querier, ref string) (*unitRow, error) {
	k := key(ref)
	if k == "" {
		return nil, newErr(ErrUnknownUnit, "unit.unknown", ref)
	}
	type by struct {
		col string
		v   any
	}
	cols := []by{{"id", k}, {"serial_key", k}, {"asset_key", k}, {"name_key", k}}
	if n, ok := shortNumber(ref); ok {
		cols = append(cols, by{"id_num", n})
	}
	for _, c := range cols {
		// Two rows at most: a serial or an asset tag shared by several
		// units must not pick one of them silently.
		// A unit merged into another is found by its id only: its serial
		// and tags now name the unit it became.
		only := ""
		if c.col != "id" {
			only = ` AND merged_into = ''`
		}
		rows, err := q.QueryContext(ctx,
			`SELECT `+unitColumns+` FROM units WHERE `+c.col+` = ?`+only+` ORDER BY id_year, id_num LIMIT 2`, c.v)
		if err != nil {
			return nil, fmt.Errorf("find unit %q: %w", ref, err)
		}
		var found []*unitRow
		for rows.Next() {
			r, err := scanUnitRow(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("find unit %q: %w", ref, err)
			}
			found = append(found, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("find unit %q: %w", ref, err)
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		}
		return nil, ambiguous(ctx, q, c.col, ref, c.v)
	}
	return nil, newErr(ErrUnknownUnit, "unit.unknown", ref)
}

// FindUnitBySerial finds a unit by its serial number only.
func (l *Ledger) FindUnitBySerial(ctx context.Context, serial string) (Unit, bool, error) {
	r, err := scanUnitRow(l.db.QueryRowContext(ctx,
		`SELECT `+unitColumns+` FROM units WHERE serial_key = ? ORDER BY merged_into <> '', id LIMIT 1`, key(serial)))
	if errors.Is(err, sql.ErrNoRows) || key(serial) == "" {
		return Unit{}, false, nil
	}
	if err != nil {
		return Unit{}, false, fmt.Errorf("find serial %q: %w", serial, err)
	}
	return r.Unit, true, nil
}

// AddUnit registers one walk-in donation: event "received".
func (l *Ledger) AddUnit(ctx context.Context, a Actor, nu NewUnit) (Unit, error) {
	if err := normalizeNewUnit(&nu); err != nil {
		return Unit{}, err
	}
	if nu.Serial == "" {
		return Unit{}, newErr(ErrInvalidInput, "unit.noserial")
	}
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		if ex, err := w.unitBySerial(ctx, nu.Serial); err != nil {
			return err
		} else if ex != "" {
			return newErr(ErrDuplicate, "unit.serialexists", nu.Serial, ex)
		}
		u, err := w.receive(ctx, nu, "")
		out = u
		return err
	})
	return out, err
}

// ImportBatch registers a DSI batch in one transaction: all rows or none.
// A serial already in the ledger is skipped and reported, never duplicated.
func (l *Ledger) ImportBatch(ctx context.Context, a Actor, b BatchInfo, rows []NewUnit) (ImportResult, error) {
	rows, err := normalizeBatch(&b, rows)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = l.write(ctx, a, func(w *writer) error {
		res = ImportResult{}
		seen, err := w.unitsBySerial(ctx, rows)
		if err != nil {
			return err
		}
		for _, nu := range rows {
			if err := ctx.Err(); err != nil {
				return err
			}
			if strings.TrimSpace(nu.Serial) == "" {
				return newErr(ErrInvalidInput, "import.noserial", b.File, nu.SourceLine)
			}
			k := key(nu.Serial)
			if ex := seen[k]; ex != "" {
				res.Skipped = append(res.Skipped, SkippedRow{Line: nu.SourceLine, Serial: nu.Serial, ExistingID: ex})
				continue
			}
			if nu.Donor == "" {
				nu.Donor = b.Donor
			}
			if nu.Batch == "" {
				nu.Batch = b.Batch
			}
			u, err := w.receive(ctx, nu, b.File)
			if err != nil {
				return err
			}
			seen[k] = u.ID
			res.Imported = append(res.Imported, u)
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// serialLookup is how many serials one query of unitsBySerial asks for:
// asked one at a time, the lookups of a 10,000-row import cost more than
// the statements' work.
const serialLookup = 500

// unitsBySerial maps the key of each row's serial to the unit that already
// has it (the first by id, as unitBySerial); serials not in the ledger are
// absent.
func (w *writer) unitsBySerial(ctx context.Context, rows []NewUnit) (map[string]string, error) {
	found := map[string]string{}
	keys := make([]any, 0, min(len(rows), serialLookup))
	asked := make(map[string]bool, len(rows))
	ask := func() error {
		if len(keys) == 0 {
			return nil
		}
		rs, err := w.tx.QueryContext(ctx, `SELECT serial_key, id FROM units WHERE serial_key IN (?`+
			strings.Repeat(", ?", len(keys)-1)+`) ORDER BY serial_key, id`, keys...)
		if err != nil {
			return err
		}
		defer rs.Close()
		for rs.Next() {
			var k, id string
			if err := rs.Scan(&k, &id); err != nil {
				return err
			}
			if found[k] == "" {
				found[k] = id
			}
		}
		keys = keys[:0]
		return rs.Err()
	}
	for _, nu := range rows {
		k := key(nu.Serial)
		if k == "" || asked[k] {
			continue
		}
		asked[k] = true
		keys = append(keys, k)
		if len(keys) == serialLookup {
			if err := ask(); err != nil {
				return nil, err
			}
		}
	}
	if err := ask(); err != nil {
		return nil, err
	}
	return found, nil
}

func (w *writer) unitBySerial(ctx context.Context, serial string) (string, error) {
	st, err := w.stmt(ctx, `SELECT id FROM units WHERE serial_key = ? ORDER BY id LIMIT 1`)
	if err != nil {
		return "", err
	}
	var id string
	err = st.QueryRowContext(ctx, key(serial)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// receive gives the unit its id and writes its "received" event.
func (w *writer) receive(ctx context.Context, nu NewUnit, file string) (Unit, error) {
	return w.receiveAt(ctx, w.l.now(), nu, file)
}

func (w *writer) receiveAt(ctx context.Context, at time.Time, nu NewUnit, file string) (Unit, error) {
	nu.Serial = strings.TrimSpace(nu.Serial)
	nu.AssetTag = strings.TrimSpace(nu.AssetTag)
	yy := at.Local().Year() % 100
	stem := fmt.Sprintf("%s-%02d-%s", w.l.prefix, yy, w.l.letter)
	num, ok := w.nums[yy]
	if !ok {
		// Only this bench's own series: ids of other benches (other
		// letters) pulled from the hub share the year, not the numbers.
		// ':' follows '9': the range is the stem followed by a digit.
		var max sql.NullInt64
		if err := w.tx.QueryRowContext(ctx, `SELECT MAX(id_num) FROM units WHERE id_year = ? AND id >= ? AND id < ?`,
			yy, stem+"0", stem+":").Scan(&max); err != nil {
			return Unit{}, err
		}
		num = int(max.Int64)
	}
	num++
	w.nums[yy] = num
	id := fmt.Sprintf("%s%04d", stem, num)
	if _, err := w.appendAt(ctx, at, id, KindReceived, receivedPayload{NewUnit: nu, File: file}); err != nil {
		return Unit{}, err
	}
	return w.p.units[id].Unit, nil
}

// ListFilter selects units; empty fields match everything. Search finds
// its text (without case or accents) in the model, vendor, donor, batch,
// site, serial, asset tag or DSI name.
type ListFilter struct {
	State, Site, Batch, Donor string
	Search                    string
	Limit                     int
}

// listQuery selects the JSON documents of the units f matches, by id.
func listQuery(f ListFilter) (string, []any, error) {
	// Units merged into another are not listed: the one they became is.
	q := `SELECT doc FROM units WHERE merged_into = ''`
	var args []any
	if f.State != "" {
		st, err := ParseState(f.State)
		if err != nil {
			return "", nil, err
		}
		q += ` AND state = ?`
		args = append(args, string(st))
	}
	for _, c := range []struct{ col, v string }{{"site", f.Site}, {"batch", f.Batch}, {"donor", f.Donor}} {
		if c.v != "" {
			q += ` AND atelier_fold(` + c.col + `) = ?`
			args = append(args, foldName(c.v))
		}
	}
	if strings.TrimSpace(f.Search) != "" {
		// The LIKE scans the narrow search index, not the table and its
		// documents: 100,000 units in a few milliseconds.
		q += ` AND id IN (SELECT id FROM units INDEXED BY units_search WHERE search LIKE ? ESCAPE '\')`
		args = append(args, searchPattern(f.Search))
	}
	// By number, not text: PCS-26-1000 before PCS-26-10000.
	q += ` ORDER BY id_year, id_num, id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	return q, args, nil
}

// ListUnits lists units by id.
func (l *Ledger) ListUnits(ctx context.Context, f ListFilter) ([]Unit, error) {
	out := []Unit{}
	err := l.eachUnitDoc(ctx, f, func(doc []byte) error {
		var u Unit
		if err := json.Unmarshal(doc, &u); err != nil {
			return err
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

// WriteUnitsJSON writes the units f matches as a JSON array, one object per
// line, straight from the stored documents: 10,000 units in a few
// milliseconds. It returns how many it wrote.
func (l *Ledger) WriteUnitsJSON(ctx context.Context, f ListFilter, w io.Writer) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	n := 0
	bw.WriteString("[")
	err := l.eachUnitDoc(ctx, f, func(doc []byte) error {
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		bw.Write(doc)
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return n, bw.Flush()
}

func (l *Ledger) eachUnitDoc(ctx context.Context, f ListFilter, fn func(doc []byte) error) error {
	if l.eng.name() == "postgres" && (f.Site != "" || f.Batch != "" || f.Donor != "") {
		return l.eachUnitDocFoldedInGo(ctx, f, fn)
	}
	if l.eng.name() == "postgres" && f.State != "" && strings.TrimSpace(f.Search) == "" {
		if done, err := l.pgEachUnitDocOfState(ctx, f, fn); done || err != nil {
			return err
		}
	}
	q, args, err := listQuery(f)
	if err != nil {
		return err
	}
	rows, err := l.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	var doc sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&doc); err != nil {
			return fmt.Errorf("list units: %w", err)
		}
		if err := fn(doc); err != nil {
			return fmt.Errorf("list units: %w", err)
		}
	}
	return rows.Err()
}
