package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// UnitDisks lists the disks recorded for a unit, in the order recorded.
func (l *Ledger) UnitDisks(ctx context.Context, unitID string) ([]UnitDisk, error) {
	u, err := findUnit(ctx, l.db, unitID)
	if err != nil {
		return nil, err
	}
	m, err := newProj(l.db).unitDisks(ctx, u.ID)
	if err != nil {
		return nil, fmt.Errorf("disks of %s: %w", u.ID, err)
	}
	out := []UnitDisk{}
	for _, d := range sortedDisks(m) {
		out = append(out, d.UnitDisk)
	}
	return out, nil
}

// FindUnitByDiskSerial finds the unit a disk was last recorded with.
func (l *Ledger) FindUnitByDiskSerial(ctx context.Context, serial string) (Unit, bool, error) {
	k := key(serial)
	if k == "" {
		return Unit{}, false, nil
	}
	var id string
	err := l.db.QueryRowContext(ctx,
		`SELECT unit_id FROM unit_disks WHERE serial_key = ? ORDER BY recorded_at DESC, unit_id DESC LIMIT 1`, k).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Unit{}, false, nil
	}
	if err != nil {
		return Unit{}, false, fmt.Errorf("find disk %q: %w", serial, err)
	}
	u, err := findUnit(ctx, l.db, id)
	if err != nil {
		return Unit{}, false, err
	}
	return u.Unit, true, nil
}

// RecordProbe records what probe/check found ("probed"): the grade, the
// disks that came with the unit, and the full report and verdict. A unit
// just received (or returned) moves to triaged.
func (l *Ledger) RecordProbe(ctx context.Context, a Actor, unitID string, report, verdict json.RawMessage, grade string, disks []DiskRecord) (Unit, error) {
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, unitID)
		if err != nil {
			return err
		}
		var keep []DiskRecord
		for _, d := range disks {
			if d.Serial, err = NormalizeIdentifier(FieldDiskSerial, d.Serial); err != nil {
				return err
			}
			if d.Serial != "" { // a disk without serial cannot be tracked
				keep = append(keep, d)
			}
		}
		pl := probedPayload{Grade: strings.TrimSpace(grade), Disks: keep, Report: nonEmptyJSON(report), Verdict: nonEmptyJSON(verdict)}
		if _, err := w.append(ctx, u.ID, KindProbed, pl); err != nil {
			return err
		}
		if st := State(u.State); st == Received || st == Returned {
			if err := w.move(ctx, u, Triaged, MoveOptions{Reason: "probe"}, true); err != nil {
				return err
			}
		}
		out = u.Unit
		return nil
	})
	return out, err
}

// nonEmptyJSON keeps null and empty payloads out of the event.
func nonEmptyJSON(b json.RawMessage) json.RawMessage {
	s := strings.TrimSpace(string(b))
	if s == "" || s == "null" {
		return nil
	}
	return b
}

// DiskOnOtherUnits lists the other units a disk serial is recorded with
// (by id): a disk moved between donated PCs, or a report saved against the
// wrong unit. The caller warns; recording it twice keeps both units
// blocked until each is wiped or the disk's destruction recorded.
func (l *Ledger) DiskOnOtherUnits(ctx context.Context, unitID, serial string) ([]string, error) {
	k := key(serial)
	if k == "" {
		return nil, nil
	}
	rows, err := l.db.QueryContext(ctx, `SELECT d.unit_id FROM unit_disks d JOIN units u ON u.id = d.unit_id
		WHERE d.serial_key = ? AND d.unit_id <> ? ORDER BY u.id_year, u.id_num`, k, strings.TrimSpace(unitID))
	if err != nil {
		return nil, fmt.Errorf("disk %q: %w", serial, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DiskHandedOver lists the units other than unitID, handed over to a
// beneficiary, that a disk is recorded on: a wipe that files the disk under
// unitID needs the operator's word (WipeStart.MoveDisk) first.
func (l *Ledger) DiskHandedOver(ctx context.Context, unitID, serial string) ([]string, error) {
	u, err := findUnit(ctx, l.db, unitID)
	if err != nil {
		return nil, err
	}
	return diskHandedOver(ctx, l.db, u.ID, serial)
}

// diskHandedOverSQL: CROSS JOIN makes SQLite start from the disk's serial
// (a few rows): left to choose, with no statistics, it walked every
// handed-over unit through units_state_num instead, one full walk per wipe
// started, which made a 100,000-unit ledger quadratic to fill. PostgreSQL
// plans a CROSS JOIN with a WHERE like any inner join.
const diskHandedOverSQL = `SELECT d.unit_id FROM unit_disks d CROSS JOIN units u
	WHERE u.id = d.unit_id AND d.serial_key = ? AND d.unit_id <> ? AND u.state = ? ORDER BY u.id_year, u.id_num`

func diskHandedOver(ctx context.Context, q querier, unitID, serial string) ([]string, error) {
	k := key(serial)
	if k == "" {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, diskHandedOverSQL, k, unitID, string(HandedOver))
	if err != nil {
		return nil, fmt.Errorf("disk %q: %w", serial, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
