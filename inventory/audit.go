package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

// Second-person verification, as R2v3 practises it: a share of the disks
// erased by software is re-checked by someone who did not erase them. A
// failed check casts doubt on the bench's other erasures since its last
// passed check: they are flagged for re-checking.

// Audit results.
const (
	AuditPassed = "passed"
	AuditFailed = "failed"
)

// Audit is one recorded second-person check.
type Audit struct {
	EventID       string        `json:"event_id"`
	UnitID        string        `json:"unit_id"`
	DiskSerial    string        `json:"disk_serial"`
	WipeEvent     string        `json:"wipe_event"`
	CertificateID string        `json:"certificate_id,omitempty"`
	Result        string        `json:"result"`
	Operator      string        `json:"operator"`
	WipedBy       string        `json:"wiped_by"`
	WipeBench     string        `json:"wipe_bench"`
	At            time.Time     `json:"at"`
	Note          string        `json:"note,omitempty"`
	Flagged       []FlaggedWipe `json:"flagged,omitempty"`
}

// FlaggedWipe is a passed erasure put in doubt by a failed audit.
type FlaggedWipe struct {
	UnitID     string `json:"unit_id"`
	DiskSerial string `json:"disk_serial"`
	WipeEvent  string `json:"wipe_event"`
}

// AuditCandidate is an erased disk that may be audited.
type AuditCandidate struct {
	UnitID        string    `json:"unit_id"`
	DiskSerial    string    `json:"disk_serial"`
	WipeEvent     string    `json:"wipe_event"`
	CertificateID string    `json:"certificate_id,omitempty"`
	WipedBy       string    `json:"wiped_by"`
	Bench         string    `json:"bench"`
	WipedAt       time.Time `json:"wiped_at"`
	Technique     string    `json:"technique,omitempty"`

	startOperator string
}

// AuditSample is what `audit sample` proposes.
type AuditSample struct {
	Percent    float64 `json:"percent"`
	Population int     `json:"population"` // disks whose erasure passed and stands
	Audited    int     `json:"audited"`    // of those, already audited
	Target     int     `json:"target"`     // audits the percentage asks for
	// Picked are drawn at random among the disks not audited yet; Flagged
	// must be re-checked whatever the percentage.
	Picked  []AuditCandidate `json:"picked"`
	Flagged []AuditCandidate `json:"flagged"`
	// ExcludedOwn counts disks left out because the asking operator wiped
	// them: they may not audit their own work.
	ExcludedOwn int `json:"excluded_own"`
}

// standingErasures are the disks whose last finished wipe passed and whose
// erasure still stands (not since failed, returned or re-wiped).
func standingErasures(ctx context.Context, q querier, extra string, args ...any) ([]AuditCandidate, error) {
	rows, err := q.QueryContext(ctx, `SELECT w.unit_id, w.disk_serial, w.finish_event, d.certificate_id,
		f.operator, s.operator, f.bench, w.finished_at, f.payload
		FROM wipes w
		JOIN unit_disks d ON d.unit_id = w.unit_id AND d.serial_key = w.disk_key
		JOIN events f ON f.id = w.finish_event
		JOIN events s ON s.id = w.start_event
		WHERE w.status = 'passed' AND d.erasure = 'passed'
		AND NOT EXISTS (SELECT 1 FROM wipes x WHERE x.unit_id = w.unit_id AND x.disk_key = w.disk_key
			AND x.finish_event <> '' AND x.finished_at > w.finished_at)`+extra+`
		ORDER BY w.finished_at, w.finish_event`, args...)
	if err != nil {
		return nil, fmt.Errorf("erased disks: %w", err)
	}
	defer rows.Close()
	var out []AuditCandidate
	for rows.Next() {
		var c AuditCandidate
		var at, payload string
		if err := rows.Scan(&c.UnitID, &c.DiskSerial, &c.WipeEvent, &c.CertificateID, &c.WipedBy, &c.startOperator,
			&c.Bench, &at, &payload); err != nil {
			return nil, err
		}
		c.WipedAt = parseTime(at)
		c.Technique = wipeTechnique(payload)
		out = append(out, c)
	}
	return out, rows.Err()
}

// wipeTechnique reads the technique of a wipe.finished payload.
func wipeTechnique(payload string) string {
	var o struct {
		Technique string `json:"technique"`
	}
	if err := json.Unmarshal([]byte(payload), &o); err != nil {
		return ""
	}
	return o.Technique
}

// sameOperator compares operator names as people type them: without case,
// repeated spaces or accents ("elodie" on a keyboard without accents is
// still "Élodie", who may not audit her own wipe).
func sameOperator(a, b string) bool {
	return strings.TrimSpace(a) != "" && foldName(a) == foldName(b)
}

// AuditSample draws the disks to re-check so that at least percent % of
// the erased disks have been audited, leaving out those the asking
// operator wiped; flagged disks come on top. rnd is the randomness (tests
// pass a seeded one).
func (l *Ledger) AuditSample(ctx context.Context, percent float64, operator string, rnd *rand.Rand) (AuditSample, error) {
	if math.IsNaN(percent) || percent <= 0 || percent > 100 {
		return AuditSample{}, newErr(ErrInvalidInput, "audit.percent", fmt.Sprint(percent))
	}
	pop, err := standingErasures(ctx, l.db, "")
	if err != nil {
		return AuditSample{}, err
	}
	audited, err := auditedWipes(ctx, l.db)
	if err != nil {
		return AuditSample{}, err
	}
	flagged, err := openFlags(ctx, l.db)
	if err != nil {
		return AuditSample{}, err
	}
	s := AuditSample{Percent: percent, Population: len(pop), Picked: []AuditCandidate{}, Flagged: []AuditCandidate{}}
	s.Target = int(math.Ceil(percent / 100 * float64(len(pop))))
	var pool []AuditCandidate
	for _, c := range pop {
		switch {
		case audited[c.WipeEvent]:
			s.Audited++
		case sameOperator(operator, c.WipedBy) || sameOperator(operator, c.startOperator):
			s.ExcludedOwn++
		case flagged[c.WipeEvent]:
			s.Flagged = append(s.Flagged, c)
		default:
			pool = append(pool, c)
		}
	}
	need := max(0, s.Target-s.Audited-len(s.Flagged))
	rnd.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	s.Picked = append(s.Picked, pool[:min(need, len(pool))]...)
	sort.Slice(s.Picked, func(i, j int) bool { return s.Picked[i].WipedAt.Before(s.Picked[j].WipedAt) })
	return s, nil
}

func auditedWipes(ctx context.Context, q querier) (map[string]bool, error) {
	return wipeEventSet(ctx, q, "audits", `SELECT wipe_event FROM audits`)
}

func openFlags(ctx context.Context, q querier) (map[string]bool, error) {
	return wipeEventSet(ctx, q, "audit flags", `SELECT wipe_event FROM audit_flags WHERE cleared_by = ''`)
}

// wipeEventSet is the set of wipe event ids query selects; what names the
// table in an error.
func wipeEventSet(ctx context.Context, q querier, what, query string) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// AuditTarget names the disk to audit: its serial or its certificate
// number, and the unit when the serial alone is ambiguous.
type AuditTarget struct {
	Disk string
	Unit string
}

// RecordAudit records a second person's check of a disk's standing erasure.
// The operator who wiped the disk may not audit it. A failed audit marks
// the disk as not erased and flags every passed erasure of the same bench
// since the last passed audit of that bench.
func (l *Ledger) RecordAudit(ctx context.Context, a Actor, t AuditTarget, result, note string) (Audit, error) {
	result = strings.ToLower(strings.TrimSpace(result))
	if result != AuditPassed && result != AuditFailed {
		return Audit{}, newErr(ErrInvalidInput, "audit.result", result)
	}
	note, err := CheckText(FieldNote, note)
	if err != nil {
		return Audit{}, err
	}
	var out Audit
	err = l.write(ctx, a, func(w *writer) error {
		c, err := w.auditCandidate(ctx, t)
		if err != nil {
			return err
		}
		if sameOperator(w.operator, c.WipedBy) || sameOperator(w.operator, c.startOperator) {
			return newErr(ErrRefused, "audit.self", c.DiskSerial, c.UnitID, c.WipedBy)
		}
		pl := auditPayload{DiskSerial: c.DiskSerial, WipeEvent: c.WipeEvent, CertificateID: c.CertificateID,
			Result: result, Auditor: w.operator, WipedBy: c.WipedBy, WipeBench: c.Bench, Note: note}
		if result == AuditFailed {
			if pl.Flagged, err = w.flagSince(ctx, c); err != nil {
				return err
			}
		}
		e, err := w.append(ctx, c.UnitID, KindAuditRecorded, pl)
		if err != nil {
			return err
		}
		out = Audit{EventID: e.ID, UnitID: c.UnitID, DiskSerial: c.DiskSerial, WipeEvent: c.WipeEvent,
			CertificateID: c.CertificateID, Result: result, Operator: w.operator, WipedBy: c.WipedBy,
			WipeBench: c.Bench, At: e.At, Note: note, Flagged: pl.Flagged}
		return nil
	})
	return out, err
}

// auditCandidate finds the erased disk t names.
func (w *writer) auditCandidate(ctx context.Context, t AuditTarget) (AuditCandidate, error) {
	ref := strings.TrimSpace(t.Disk)
	if ref == "" {
		return AuditCandidate{}, newErr(ErrInvalidInput, "disk.noserial")
	}
	where, args := ` AND (d.serial_key = ? OR d.certificate_id = ?)`, []any{key(ref), strings.ToUpper(ref)}
	if strings.TrimSpace(t.Unit) != "" {
		u, err := findUnit(ctx, w.tx, t.Unit)
		if err != nil {
			return AuditCandidate{}, err
		}
		where += ` AND w.unit_id = ?`
		args = append(args, u.ID)
	}
	if err := w.flushEvents(); err != nil { // standingErasures reads them
		return AuditCandidate{}, err
	}
	found, err := standingErasures(ctx, w.tx, where, args...)
	if err != nil {
		return AuditCandidate{}, err
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return AuditCandidate{}, w.whyNotAuditable(ctx, ref)
	}
	var units []string
	for _, c := range found {
		units = append(units, c.UnitID)
	}
	return AuditCandidate{}, newErr(ErrAmbiguous, "audit.ambiguous", ref, strings.Join(units, ", "))
}

// whyNotAuditable says why no standing erasure matches: no such disk, or
// a disk whose erasure did not pass (or no longer stands).
func (w *writer) whyNotAuditable(ctx context.Context, ref string) error {
	var unit, serial, erasure string
	err := w.tx.QueryRowContext(ctx, `SELECT unit_id, serial, erasure FROM unit_disks
		WHERE serial_key = ? OR certificate_id = ? ORDER BY recorded_at DESC LIMIT 1`,
		key(ref), strings.ToUpper(ref)).Scan(&unit, &serial, &erasure)
	if errors.Is(err, sql.ErrNoRows) {
		return newErr(ErrInvalidInput, "audit.nodisk", ref)
	}
	if err != nil {
		return err
	}
	return newErr(ErrRefused, "audit.notpassed."+erasure, serial, unit)
}

// flagSince lists the passed, standing erasures of c's bench since its
// last passed audit before c was wiped (by wipe time): the bench was
// failing when it wiped c, and nothing it did since the last good check
// before that can be trusted. c itself is excluded, and so are erasures a
// second person already checked and passed (a later disk checked good
// says nothing of the unchecked ones between).
func (w *writer) flagSince(ctx context.Context, c AuditCandidate) ([]FlaggedWipe, error) {
	var since sql.NullString
	if err := w.tx.QueryRowContext(ctx, `SELECT MAX(x.finished_at) FROM audits a JOIN wipes x ON x.finish_event = a.wipe_event
		WHERE a.result = 'passed' AND a.wipe_bench = ? AND x.finished_at < ?`, c.Bench, formatTime(c.WipedAt)).Scan(&since); err != nil {
		return nil, fmt.Errorf("last passed audit: %w", err)
	}
	if err := w.flushEvents(); err != nil { // standingErasures reads them
		return nil, err
	}
	found, err := standingErasures(ctx, w.tx, ` AND f.bench = ? AND w.finished_at > ?
		AND NOT EXISTS (SELECT 1 FROM audits a WHERE a.wipe_event = w.finish_event AND a.result = 'passed')`, c.Bench, since.String)
	if err != nil {
		return nil, err
	}
	out := []FlaggedWipe{}
	for _, f := range found {
		if f.WipeEvent != c.WipeEvent {
			out = append(out, FlaggedWipe{UnitID: f.UnitID, DiskSerial: f.DiskSerial, WipeEvent: f.WipeEvent})
		}
	}
	return out, nil
}

// Audits lists the recorded audits, oldest first.
func (l *Ledger) Audits(ctx context.Context) ([]Audit, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT event_id, unit_id, disk_serial, wipe_event, certificate_id, result,
		operator, wiped_by, wipe_bench, at FROM audits ORDER BY at, event_id`)
	if err != nil {
		return nil, fmt.Errorf("audits: %w", err)
	}
	defer rows.Close()
	out := []Audit{}
	for rows.Next() {
		var a Audit
		var at string
		if err := rows.Scan(&a.EventID, &a.UnitID, &a.DiskSerial, &a.WipeEvent, &a.CertificateID, &a.Result,
			&a.Operator, &a.WipedBy, &a.WipeBench, &at); err != nil {
			return nil, err
		}
		a.At = parseTime(at)
		out = append(out, a)
	}
	return out, rows.Err()
}
