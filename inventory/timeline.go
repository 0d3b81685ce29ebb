package inventory

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Timeline is one unit's path through the states, for the coordinator's
// reports (activity, impact).
type Timeline struct {
	UnitID  string        `json:"unit_id"`
	Type    string        `json:"type"`
	Donor   string        `json:"donor"`
	Batch   string        `json:"batch"`
	Vendor  string        `json:"vendor"`
	Model   string        `json:"model"`
	State   string        `json:"state"` // now
	Changes []StateChange `json:"changes"`
}

// StateChange is the unit entering a state.
type StateChange struct {
	State string    `json:"state"`
	At    time.Time `json:"at"`
	Site  string    `json:"site,omitempty"` // reserved, handed_over
}

// Timelines reads every unit's state changes, in id order, oldest change
// first; received is the first change of every unit.
func (l *Ledger) Timelines(ctx context.Context) ([]Timeline, error) {
	units, err := l.ListUnits(ctx, ListFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]Timeline, len(units))
	byID := make(map[string]*Timeline, len(units))
	for i, u := range units {
		out[i] = Timeline{UnitID: u.ID, Type: u.Type, Donor: u.Donor, Batch: u.Batch, Vendor: u.Vendor, Model: u.Model,
			State: u.State, Changes: []StateChange{}}
		byID[u.ID] = &out[i]
	}
	rows, err := l.db.QueryContext(ctx, `SELECT unit_id, kind, at, payload FROM events WHERE kind IN (?, ?) ORDER BY id`,
		KindReceived, KindMoved)
	if err != nil {
		return nil, fmt.Errorf("timelines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit, kind, at string
		var payload []byte
		if err := rows.Scan(&unit, &kind, &at, &payload); err != nil {
			return nil, err
		}
		t := byID[unit]
		if t == nil {
			continue
		}
		c := StateChange{State: string(Received), At: parseTime(at)}
		if kind == KindMoved {
			var p struct {
				To   State  `json:"to"`
				Site string `json:"site"`
			}
			if err := json.Unmarshal(payload, &p); err != nil {
				return nil, fmt.Errorf("timelines: event of %s: %w", unit, err)
			}
			c.State, c.Site = string(p.To), p.Site
		}
		t.Changes = append(t.Changes, c)
	}
	return out, rows.Err()
}
