package inventory

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	"modernc.org/sqlite"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// searchText is the folded text `unit list --search` looks into: the
// fields a volunteer may remember a unit by, each folded like foldName,
// with a separator no folded search text matches across.
func searchText(fields ...string) string {
	for i, f := range fields {
		fields[i] = foldName(f)
	}
	return strings.Join(fields, "\x1f")
}

// The same text inside SQLite, for the migration that adds the column to
// existing ledgers.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("atelier_search", 8,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			fields := make([]string, len(args))
			for i, a := range args {
				switch v := a.(type) {
				case string:
					fields[i] = v
				case []byte:
					fields[i] = string(v)
				}
			}
			return searchText(fields...), nil
		})
}

// searchPattern is the LIKE pattern (escape character '\') that finds the
// folded text s anywhere.
func searchPattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(foldName(s)) + "%"
}

// shortNumber reads a reference made of digits only ("12", "0012") as the
// number part of a unit id; ok is false for anything else.
func shortNumber(ref string) (int, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > 9 {
		return 0, false
	}
	for _, c := range ref {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(ref)
	return n, err == nil && n > 0
}

// candidate is a unit an ambiguous reference matches, as the operator is
// shown it to choose: id, model, state.
type candidate struct {
	ID, Model string
	State     State
}

// candidates is said in the operator's language: "PCS-26-0001 (Latitude
// E6410, received), ..." with "..." when there are more than listed.
type candidates struct {
	list []candidate
	more bool
}

func (c candidates) in(l i18n.Lang) string {
	parts := make([]string, 0, len(c.list)+1)
	for _, u := range c.list {
		model := u.Model
		if model == "" {
			model = "?"
		}
		parts = append(parts, fmt.Sprintf("%s (%s, %s)", u.ID, model, l.T("state."+string(u.State))))
	}
	if c.more {
		parts = append(parts, "...")
	}
	return strings.Join(parts, ", ")
}

// ambiguous names every unit a reference matches (the first ten) with
// what tells them apart.
func ambiguous(ctx context.Context, q querier, col, ref string, k any) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM units WHERE `+col+` = ?`, k).Scan(&n); err != nil {
		return fmt.Errorf("find unit %q: %w", ref, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, model, state FROM units WHERE `+col+` = ? ORDER BY id_year, id_num, id LIMIT 10`, k)
	if err != nil {
		return fmt.Errorf("find unit %q: %w", ref, err)
	}
	defer rows.Close()
	var c candidates
	for rows.Next() {
		var u candidate
		var st string
		if err := rows.Scan(&u.ID, &u.Model, &st); err != nil {
			return err
		}
		u.State = State(st)
		c.list = append(c.list, u)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find unit %q: %w", ref, err)
	}
	c.more = n > len(c.list)
	return newErr(ErrAmbiguous, "unit.ambiguous", strings.TrimSpace(ref), n, c)
}
