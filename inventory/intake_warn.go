package inventory

import (
	"context"
	"fmt"
	"strings"
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
	var keys []string // each tag once, in file order: the ones to look up
	for _, nu := range rows {
		k := key(nu.AssetTag)
		if k == "" {
			continue
		}
		if _, ok := first[k]; ok {
			continue
		}
		first[k] = nu.SourceLine
		keys = append(keys, k)
	}
	var other map[string]string
	if l != nil {
		var err error
		if other, err = intakeTagOwners(ctx, l, keys, own); err != nil {
			return nil, err
		}
	}
	looked := make(map[string]bool, len(keys))
	for _, nu := range rows {
		k := key(nu.AssetTag)
		if k == "" {
			continue
		}
		if looked[k] {
			line := first[k]
			out = append(out, IntakeWarning{Line: nu.SourceLine, AssetTag: nu.AssetTag, SameAsLine: line})
			continue
		}
		looked[k] = true
		if id := other[k]; id != "" {
			out = append(out, IntakeWarning{Line: nu.SourceLine, AssetTag: nu.AssetTag, SameAsUnit: id})
		}
	}
	return out, nil
}

// intakeTagLookup is how many tags one query asks for: a batch of 10,000
// rows asked one tag at a time spent a quarter of its import doing it.
const intakeTagLookup = 500

// intakeTagOwners maps each asset key to the first unit of the ledger (by
// id, among its first 50) that has it and is not one of own.
func intakeTagOwners(ctx context.Context, l *Ledger, keys []string, own map[string]bool) (map[string]string, error) {
	found := map[string]string{}
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), intakeTagLookup)]
		keys = keys[len(chunk):]
		args := make([]any, len(chunk))
		for i, k := range chunk {
			args[i] = k
		}
		q := `SELECT asset_key, id FROM units WHERE asset_key IN (?` + strings.Repeat(", ?", len(chunk)-1) +
			`) ORDER BY asset_key, id_year, id_num`
		rs, err := l.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("asset tags: %w", err)
		}
		seen := map[string]int{}
		for rs.Next() {
			var k, id string
			if err := rs.Scan(&k, &id); err != nil {
				rs.Close()
				return nil, err
			}
			seen[k]++
			if seen[k] <= 50 && !own[id] && found[k] == "" {
				found[k] = id
			}
		}
		err = rs.Err()
		rs.Close()
		if err != nil {
			return nil, err
		}
	}
	return found, nil
}
