package inventory

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
)

// WipeStarted records that a wipe began on one of the unit's disks; a disk
// not yet recorded is recorded now. It returns the event id that
// WipeFinished refers to.
func (l *Ledger) WipeStarted(ctx context.Context, a Actor, unitID string, ws WipeStart) (string, error) {
	if strings.TrimSpace(ws.Disk.Serial) == "" {
		return "", newErr(ErrInvalidInput, "disk.noserial")
	}
	var id string
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, unitID)
		if err != nil {
			return err
		}
		if !ws.MoveDisk {
			held, err := diskHandedOver(ctx, w.tx, u.ID, ws.Disk.Serial)
			if err != nil {
				return err
			}
			if len(held) > 0 {
				return newErr(ErrDiskHandedOver, "wipe.disk_handed_over", ws.Disk.Serial, strings.Join(held, ", "), u.ID)
			}
		}
		e, err := w.append(ctx, u.ID, KindWipeStarted, ws)
		id = e.ID
		return err
	})
	return id, err
}

// WipeFinished records how a wipe ended. When every recorded disk of a
// triaged unit then has a passed erasure (or was destroyed), the unit moves
// to wiped by itself.
func (l *Ledger) WipeFinished(ctx context.Context, a Actor, unitID string, o WipeOutcome) (Unit, error) {
	switch o.Status {
	case ErasurePassed, ErasureFailed, ErasureInterrupted, ErasureUnverified, ErasureUncertified:
	default:
		return Unit{}, newErr(ErrInvalidInput, "wipe.status", o.Status)
	}
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, unitID)
		if err != nil {
			return err
		}
		if o.StartEvent != "" {
			ws, err := w.p.wipe(ctx, o.StartEvent)
			if err != nil {
				return err
			}
			if ws == nil || ws.UnitID != u.ID {
				return newErr(ErrInvalidInput, "wipe.unknownstart", o.StartEvent, u.ID)
			}
			if o.DiskSerial == "" {
				o.DiskSerial = ws.DiskSerial
			}
		}
		if strings.TrimSpace(o.DiskSerial) == "" {
			return newErr(ErrInvalidInput, "disk.noserial")
		}
		if _, err := w.append(ctx, u.ID, KindWipeFinished, o); err != nil {
			return err
		}
		if err := w.afterWipe(ctx, u, o.Status); err != nil {
			return err
		}
		out = u.Unit
		return nil
	})
	return out, err
}

// afterWipe moves the unit once a wipe of one of its disks ended: a
// triaged unit whose every disk now passed becomes wiped. A unit that had
// an image (imaged, ready, reserved) no longer has one, whatever the wipe's
// outcome (it wrote over the disk): it goes back to wiped when every disk
// passed, to triaged otherwise (a failed, interrupted or unverified wipe
// proves no erasure), saying why, and a reservation is dropped. A unit that
// has left (handed over, returned, parts, recycled) does not change state
// silently: the wipe is recorded, nothing more. A wiped unit whose new wipe
// did not pass drops back to triaged.
func (w *writer) afterWipe(ctx context.Context, u *unitRow, status string) error {
	from := State(u.State)
	switch from {
	case Triaged:
		var probe MoveOptions
		if status == ErasurePassed && w.checkMove(ctx, u, Wiped, &probe) == nil {
			return w.move(ctx, u, Wiped, MoveOptions{Reason: "every disk erased"}, true)
		}
		return nil
	case Wiped:
		// The new wipe wrote over the disk the unit's erasure rested on
		// (or added a disk): until a wipe passes, the unit is not erased.
		if status == ErasurePassed {
			return nil
		}
		pl := movedPayload{From: Wiped, To: Triaged, Reason: "a new wipe of its disk did not pass (" + status + ")",
			ReasonKey: "rewipenotpassed", Auto: true}
		_, err := w.append(ctx, u.ID, KindMoved, pl)
		return err
	case Imaged, Ready, Reserved:
	default:
		return nil
	}
	to := Wiped
	disks, err := w.p.unitDisks(ctx, u.ID)
	if err != nil {
		return err
	}
	for _, d := range disks {
		if d.Erasure != ErasurePassed && d.Erasure != ErasureDestroyed {
			to = Triaged
		}
	}
	pl := movedPayload{From: from, To: to, Reason: "its disk was erased after the deploy", ReasonKey: "erasedafterdeploy", Auto: true}
	if status != ErasurePassed {
		pl.Reason, pl.ReasonKey = "a wipe ("+status+") overwrote its disk after the deploy", "wipedafterdeploy"
	}
	if from == Reserved {
		pl.Reason += "; reservation for " + u.Site + " dropped"
		pl.ReasonKey, pl.Site = pl.ReasonKey+".reserved", u.Site
	}
	_, err = w.append(ctx, u.ID, KindMoved, pl)
	return err
}

// LastWipe is the last finished wipe of one disk of the unit. Its Status
// is the wipe's status now: an uncertified wipe whose certificate was
// written since (wipe.certified) is passed.
func (l *Ledger) LastWipe(ctx context.Context, unitID, diskSerial string) (WipeOutcome, bool, error) {
	u, err := findUnit(ctx, l.db, unitID)
	if err != nil {
		return WipeOutcome{}, false, err
	}
	var outcome, status string
	err = l.db.QueryRowContext(ctx, `SELECT e.payload, w.status FROM wipes w JOIN events e ON e.id = w.finish_event
		WHERE w.unit_id = ? AND w.disk_key = ? AND w.finish_event <> '' ORDER BY w.finished_at DESC LIMIT 1`,
		u.ID, key(diskSerial)).Scan(&outcome, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return WipeOutcome{}, false, nil
	}
	if err != nil {
		return WipeOutcome{}, false, fmt.Errorf("last wipe of %s: %w", diskSerial, err)
	}
	var o WipeOutcome
	if err := json.Unmarshal([]byte(outcome), &o); err != nil {
		return WipeOutcome{}, false, fmt.Errorf("last wipe of %s: %w", diskSerial, err)
	}
	o.Status = status
	return o, true, nil
}

// RecordedCertificate is a certificate the ledger holds with a wipe's
// outcome, to be written (again) by atelier wipe --reissue.
type RecordedCertificate struct {
	UnitID  string
	Outcome WipeOutcome // StartEvent, DiskSerial, CertificateID and SHA256, Certificate
	// Pending: the wipe passed, its certificate was never written, and it
	// is still the disk's last erasure. Writing it makes the disk erased.
	Pending bool
}

// RecordedCertificates finds what wipe --reissue REF writes. REF is a
// certificate id (that certificate, whatever became of the disk since), a
// unit (id, serial or asset tag) or a disk recorded on a unit (each of its
// disks, or that disk, whose certificate is pending).
func (l *Ledger) RecordedCertificates(ctx context.Context, ref string) ([]RecordedCertificate, error) {
	ref = strings.TrimSpace(ref)
	if id, err := ulid.ParseStrict(strings.ToUpper(ref)); err == nil {
		rc, ok, err := l.certificateByID(ctx, id.String())
		if err != nil || ok {
			return []RecordedCertificate{rc}, err
		}
	}
	u, err := findUnit(ctx, l.db, ref)
	disk := ""
	if errors.Is(err, ErrUnknownUnit) {
		du, ok, derr := l.FindUnitByDiskSerial(ctx, ref)
		if derr != nil {
			return nil, derr
		}
		if !ok {
			return nil, newErr(ErrUnknownUnit, "wipe.reissue.unknown", ref)
		}
		u, err, disk = &unitRow{Unit: du}, nil, ref
	}
	if err != nil {
		return nil, err
	}
	disks, err := newProj(l.db).unitDisks(ctx, u.ID)
	if err != nil {
		return nil, fmt.Errorf("disks of %s: %w", u.ID, err)
	}
	var out []RecordedCertificate
	for _, d := range sortedDisks(disks) {
		if d.Erasure != ErasureUncertified || (disk != "" && key(d.Serial) != key(disk)) {
			continue
		}
		rc, ok, err := l.certificateByID(ctx, d.CertificateID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, rc)
		}
	}
	if len(out) == 0 {
		return nil, newErr(ErrInvalidInput, "wipe.reissue.none", cmp.Or(disk, u.ID))
	}
	return out, nil
}

// certificateByID finds the wipe outcome that recorded certificate id.
func (l *Ledger) certificateByID(ctx context.Context, id string) (RecordedCertificate, bool, error) {
	if id == "" {
		return RecordedCertificate{}, false, nil
	}
	// The payload is encoding/json's compact form, so the id appears
	// exactly so; the match is confirmed on the decoded payload.
	rows, err := l.db.QueryContext(ctx, `SELECT w.unit_id, e.payload FROM wipes w JOIN events e ON e.id = w.finish_event
		WHERE w.finish_event <> '' AND e.payload LIKE ?`, `%"certificate_id":"`+id+`"%`)
	if err != nil {
		return RecordedCertificate{}, false, fmt.Errorf("certificate %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var rc RecordedCertificate
		var payload string
		if err := rows.Scan(&rc.UnitID, &payload); err != nil {
			return RecordedCertificate{}, false, err
		}
		if err := json.Unmarshal([]byte(payload), &rc.Outcome); err != nil || rc.Outcome.CertificateID != id {
			continue
		}
		if len(rc.Outcome.Certificate) == 0 {
			continue
		}
		disks, err := newProj(l.db).unitDisks(ctx, rc.UnitID)
		if err != nil {
			return RecordedCertificate{}, false, err
		}
		d := disks[key(rc.Outcome.DiskSerial)]
		rc.Pending = d != nil && d.Erasure == ErasureUncertified && d.CertificateID == id
		return rc, true, rows.Close()
	}
	return RecordedCertificate{}, false, rows.Err()
}

// WipeCertified records that the pending certificate of rc (see
// RecordedCertificates) is now written: the disk is erased (passed), and a
// triaged unit whose every disk is now erased moves to wiped.
func (l *Ledger) WipeCertified(ctx context.Context, a Actor, rc RecordedCertificate) (Unit, error) {
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, rc.UnitID)
		if err != nil {
			return err
		}
		o := rc.Outcome
		pl := WipeCertification{StartEvent: o.StartEvent, DiskSerial: o.DiskSerial, CertificateID: o.CertificateID,
			CertificateSHA256: o.CertificateSHA256}
		// applyCertified refuses a certificate that is no longer the
		// disk's pending one, and the transaction is then rolled back.
		if _, err := w.append(ctx, u.ID, KindWipeCertified, pl); err != nil {
			return err
		}
		if err := w.afterWipe(ctx, u, ErasurePassed); err != nil {
			return err
		}
		out = u.Unit
		return nil
	})
	return out, err
}

// Wipe is one wipe of a unit's disk as `unit show` tells it.
type Wipe struct {
	StartEvent string    `json:"start_event"`
	DiskSerial string    `json:"disk_serial"`
	Device     string    `json:"device"`
	Method     string    `json:"method"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at,omitzero"`
	Status     string    `json:"status"` // passed|failed|interrupted, or "unfinished"
}

// Wipes lists a unit's wipes, oldest first; one started and never
// finished has Status "unfinished".
func (l *Ledger) Wipes(ctx context.Context, unitID string) ([]Wipe, error) {
	u, err := findUnit(ctx, l.db, unitID)
	if err != nil {
		return nil, err
	}
	rows, err := l.db.QueryContext(ctx, `SELECT `+wipeColumns+` FROM wipes WHERE unit_id = ? ORDER BY started_at, start_event`, u.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Wipe{}
	for rows.Next() {
		r, err := scanWipeRow(rows)
		if err != nil {
			return nil, err
		}
		st := r.Status
		if r.FinishedAt.IsZero() {
			st = "unfinished"
		}
		out = append(out, Wipe{StartEvent: r.StartEvent, DiskSerial: r.DiskSerial, Device: r.Device, Method: r.Method,
			StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, Status: st})
	}
	return out, rows.Err()
}
