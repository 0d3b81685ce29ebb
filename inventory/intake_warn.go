package inventory

import (
	"context"
	"fmt"
)

// IntakeWarning is a row imported all the same but worth a look: its asset
// tag is on another row of the file or on a unit already in the ledger, so
// that tag alone will not find the unit (FindUnit refuses an ambiguous
// reference and asks for the id).
type IntakeWarning struct {
	Line     int    `json:"line"`
	AssetTag string `json:"asset_tag"`
	// SameAsLine is the earlier row of the file with this tag (0: none);
	// SameAsUnit the unit of the ledger that has it ("": none).
	SameAsLine int    `json:"same_as_line,omitempty"`
	SameAsUnit string `json:"same_as_unit,omitempty"`
}

// Text says the warning in the user's language.
func (w IntakeWarning) Text(l interface{ T(string, ...any) string }) string {
	if w.SameAsUnit != "" {
		return l.T("intake.warn.tag_ledger", w.Line, w.AssetTag, w.SameAsUnit)
	}
	return l.T("intake.warn.tag_file", w.Line, w.AssetTag, w.SameAsLine)
}

// intakeTagWarnings looks for repeated asset tags among the rows that are
// (or would be) registered; own are the ids just given to them, which the
// ledger lookup must not count against themselves.
func intakeTagWarnings(ctx context.Context, l *Ledger, rows []NewUnit, own map[string]bool) ([]IntakeWarning, error) {
	out := []IntakeWarning{}
	first := map[string]int{}
	for _, nu := range rows {
		k := key(nu.AssetTag)
		if k == "" {
			continue
		}
		if line, ok := first[k]; ok {
			out = append(out, IntakeWarning{Line: nu.SourceLine, AssetTag: nu.AssetTag, SameAsLine: line})
			continue
		}
		first[k] = nu.SourceLine
		if l == nil {
			continue
		}
		rs, err := l.db.QueryContext(ctx, `SELECT id FROM units WHERE asset_key = ? ORDER BY id_year, id_num LIMIT 50`, k)
		if err != nil {
			return nil, fmt.Errorf("asset tag %q: %w", nu.AssetTag, err)
		}
		other := ""
		for rs.Next() {
			var id string
			if err := rs.Scan(&id); err != nil {
				rs.Close()
				return nil, err
			}
			if !own[id] && other == "" {
				other = id
			}
		}
		err = rs.Err()
		rs.Close()
		if err != nil {
			return nil, err
		}
		if other != "" {
			out = append(out, IntakeWarning{Line: nu.SourceLine, AssetTag: nu.AssetTag, SameAsUnit: other})
		}
	}
	return out, nil
}
