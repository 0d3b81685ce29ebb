package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// DeployStart is what a deploy records before it writes its first byte.
type DeployStart struct {
	Image       string `json:"image"`
	ImageSHA256 string `json:"image_sha256"`
	Device      string `json:"device"`
	DiskSerial  string `json:"disk_serial"`
}

// CheckDeployUnit finds the unit a deploy is for (id, serial or asset
// tag) and refuses one that is not wiped (invariant 2: no deploy before a
// wipe), so that the refusal comes before any image is opened.
// CheckDeployTarget then checks the target disk itself.
func (l *Ledger) CheckDeployUnit(ctx context.Context, ref string) (Unit, error) {
	u, err := findUnit(ctx, l.db, ref)
	if err != nil {
		return Unit{}, err
	}
	if State(u.State) != Wiped {
		return Unit{}, newErr(ErrRefused, "deploy.unit.notwiped", u.ID, State(u.State))
	}
	return u.Unit, nil
}

// CheckDeployTarget says whether an image may go onto that disk of the unit:
// the unit must be wiped and the disk one of its recorded disks with a
// passed erasure. Checking the unit's state alone let an image go onto a
// disk nobody had wiped, old data and all.
func (l *Ledger) CheckDeployTarget(ctx context.Context, unitID, diskSerial string) error {
	u, err := findUnit(ctx, l.db, unitID)
	if err != nil {
		return err
	}
	disks, err := newProj(l.db).unitDisks(ctx, u.ID)
	if err != nil {
		return fmt.Errorf("disks of %s: %w", u.ID, err)
	}
	return checkDeployTarget(u, disks, diskSerial)
}

func checkDeployTarget(u *unitRow, disks map[string]*diskRow, diskSerial string) error {
	if State(u.State) != Wiped {
		return newErr(ErrRefused, "refuse.deploy", cannot{u.ID, Imaged}, State(u.State))
	}
	if strings.TrimSpace(diskSerial) == "" {
		return newErr(ErrRefused, "refuse.deploydisk", u.ID, "?")
	}
	d, ok := disks[key(diskSerial)]
	if !ok || d.Erasure != ErasurePassed {
		return newErr(ErrRefused, "refuse.deploydisk", u.ID, strings.TrimSpace(diskSerial))
	}
	return nil
}

// DeployStarted records, before the first byte is written, that an image
// is going onto a disk of the unit: a deploy killed half-way (kill -9)
// still leaves its trace, and WrittenSinceWipe sees it. Refused like
// CheckDeployTarget.
func (l *Ledger) DeployStarted(ctx context.Context, a Actor, unitID string, d DeployStart) (string, error) {
	var id string
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, unitID)
		if err != nil {
			return err
		}
		disks, err := w.p.unitDisks(ctx, u.ID)
		if err != nil {
			return err
		}
		if err := checkDeployTarget(u, disks, d.DiskSerial); err != nil {
			return err
		}
		d.DiskSerial = strings.TrimSpace(d.DiskSerial)
		e, err := w.append(ctx, u.ID, KindDeployStarted, d)
		id = e.ID
		return err
	})
	return id, err
}

// WrittenSinceWipe reports whether a deploy started on that disk of the
// unit after its last passed wipe, finished or not: the disk then no
// longer holds what the wipe left (zeroes), so a deploy must not skip
// "already zero" blocks.
func (l *Ledger) WrittenSinceWipe(ctx context.Context, unitID, diskSerial string) (bool, error) {
	u, err := findUnit(ctx, l.db, unitID)
	if err != nil {
		return false, err
	}
	k := key(diskSerial)
	var after string
	err = l.db.QueryRowContext(ctx, `SELECT finish_event FROM wipes
		WHERE unit_id = ? AND disk_key = ? AND status = ? AND finish_event <> ''
		ORDER BY finished_at DESC LIMIT 1`, u.ID, k, ErasurePassed).Scan(&after)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("last wipe of %s: %w", diskSerial, err)
	}
	rows, err := l.db.QueryContext(ctx, `SELECT payload FROM events
		WHERE unit_id = ? AND kind = ? AND id > ? ORDER BY id`, u.ID, KindDeployStarted, after)
	if err != nil {
		return false, fmt.Errorf("deploys of %s: %w", u.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var payload string
		if err := rows.Scan(&payload); err != nil {
			return false, err
		}
		var ds DeployStart
		if err := json.Unmarshal([]byte(payload), &ds); err != nil {
			return false, fmt.Errorf("deploys of %s: %w", u.ID, err)
		}
		if key(ds.DiskSerial) == k {
			return true, nil
		}
	}
	return false, rows.Err()
}

// RecordDeploy records a deploy on a wiped unit; a passed deploy moves it to
// imaged. Refused, with nothing written, unless the unit is wiped
// (invariant 2: no deploy before a wipe) and, for a passed deploy, the disk
// is one of the unit's disks with a passed erasure.
func (l *Ledger) RecordDeploy(ctx context.Context, a Actor, unitID string, d DeployOutcome) (Unit, error) {
	switch d.Status {
	case ErasurePassed, ErasureFailed, ErasureInterrupted:
	default:
		return Unit{}, newErr(ErrInvalidInput, "wipe.status", d.Status)
	}
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, unitID)
		if err != nil {
			return err
		}
		if State(u.State) != Wiped {
			return newErr(ErrRefused, "refuse.deploy", cannot{u.ID, Imaged}, State(u.State))
		}
		if d.DiskSerial == "" && d.StartEvent != "" {
			if err := w.flushEvents(); err != nil {
				return err
			}
			var payload string
			err := w.tx.QueryRowContext(ctx, `SELECT payload FROM events WHERE id = ? AND unit_id = ? AND kind = ?`,
				d.StartEvent, u.ID, KindDeployStarted).Scan(&payload)
			if err == nil {
				var ds DeployStart
				if json.Unmarshal([]byte(payload), &ds) == nil {
					d.DiskSerial = ds.DiskSerial
				}
			} else if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if d.Status == ErasurePassed {
			disks, err := w.p.unitDisks(ctx, u.ID)
			if err != nil {
				return err
			}
			if err := checkDeployTarget(u, disks, d.DiskSerial); err != nil {
				return err
			}
		}
		if _, err := w.append(ctx, u.ID, KindDeployed, d); err != nil {
			return err
		}
		if d.Status == ErasurePassed {
			if err := w.move(ctx, u, Imaged, MoveOptions{Reason: "deploy " + d.Image}, true); err != nil {
				return err
			}
		}
		out = u.Unit
		return nil
	})
	return out, err
}
