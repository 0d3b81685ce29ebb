package inventory

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// A dossier is everything the paper trail says about one unit: its disks
// and how each was erased (or destroyed), audited and flagged, where it
// went, and, when asked, its hardware and installed system. Reports (batch
// proof packs, receipts, impact) are built from dossiers only.

// Dossier is one unit's paper trail.
type Dossier struct {
	Unit
	Disks    []DiskDossier   `json:"disks"`
	Handover *HandoverRecord `json:"handover,omitempty"`
	Hardware *Hardware       `json:"hardware,omitempty"`
	Deploy   *DeployRecord   `json:"deploy,omitempty"`
}

// DiskDossier is one disk of the unit and the proof of its erasure.
type DiskDossier struct {
	UnitDisk
	Wipe        *WipeRecord  `json:"wipe,omitempty"`    // the last finished wipe
	History     []WipeRecord `json:"history,omitempty"` // every finished wipe, oldest first
	Destruction *Destruction `json:"destruction,omitempty"`
	Audits      []Audit      `json:"audits,omitempty"`
	Flagged     bool         `json:"flagged,omitempty"` // a failed audit of its bench put it in doubt
}

// WipeRecord is a finished wipe as its wipe.finished event tells it.
type WipeRecord struct {
	FinishEvent       string    `json:"finish_event"`
	Status            string    `json:"status"`
	Method            string    `json:"method"` // as requested
	Technique         string    `json:"technique,omitempty"`
	NIST              string    `json:"nist,omitempty"`
	CertificateID     string    `json:"certificate_id,omitempty"`
	CertificateSHA256 string    `json:"certificate_sha256,omitempty"`
	Operator          string    `json:"operator"`
	Bench             string    `json:"bench"`
	Started           time.Time `json:"started"`
	Finished          time.Time `json:"finished"`
	// Certificate is the signed certificate's JSON as the ledger keeps it
	// (re-encoded: its canonical bytes are the reports package's business).
	Certificate json.RawMessage `json:"-"`
}

// Destruction is a recorded physical destruction of a disk.
type Destruction struct {
	Reason   string    `json:"reason"`
	Operator string    `json:"operator"`
	At       time.Time `json:"at"`
}

// HandoverRecord is the unit's last handover.
type HandoverRecord struct {
	EventID     string    `json:"event_id"`
	Site        string    `json:"site"`
	Beneficiary string    `json:"beneficiary"`
	Operator    string    `json:"operator"`
	At          time.Time `json:"at"`
}

// Hardware is what the last probe saw (the probe report's schema,
// atelier.probe/v1, read for the few fields documents print).
type Hardware struct {
	Vendor   string       `json:"vendor,omitempty"`
	Product  string       `json:"product,omitempty"`
	Chassis  string       `json:"chassis,omitempty"`
	CPU      string       `json:"cpu,omitempty"`
	RAMBytes int64        `json:"ram_bytes,omitempty"`
	Disks    []ProbedDisk `json:"disks,omitempty"`
}

// ProbedDisk is a disk as the probe saw it.
type ProbedDisk struct {
	Model     string `json:"model,omitempty"`
	SizeBytes int64  `json:"size_bytes"`
	Medium    string `json:"medium,omitempty"`
}

// DeployRecord is the system last deployed and verified on the unit.
type DeployRecord struct {
	Image   string    `json:"image"`
	OS      string    `json:"os,omitempty"`
	Version string    `json:"version,omitempty"`
	Edition string    `json:"edition,omitempty"`
	At      time.Time `json:"at"`
}

// DossierFilter selects units: a batch, or units by id (in that order);
// Hardware and Deploy load the probe and deploy facts too (receipts).
type DossierFilter struct {
	Batch    string
	Units    []string
	Hardware bool
	Deploy   bool
}

// inChunk bounds the ids of one IN (...) list.
const inChunk = 500

// Dossiers gathers the paper trail of the units f selects, every unit in
// any state (unfinished ones included), by id.
func (l *Ledger) Dossiers(ctx context.Context, f DossierFilter) ([]Dossier, error) {
	var units []Unit
	var err error
	if strings.TrimSpace(f.Batch) != "" {
		units, err = l.ListUnits(ctx, ListFilter{Batch: f.Batch})
	} else {
		units, err = l.unitsByID(ctx, f.Units)
	}
	if err != nil {
		return nil, err
	}
	ds := make([]Dossier, len(units))
	byID := make(map[string]*Dossier, len(units))
	ids := make([]string, len(units))
	for i, u := range units {
		ds[i] = Dossier{Unit: u, Disks: []DiskDossier{}}
		byID[u.ID] = &ds[i]
		ids[i] = u.ID
	}
	steps := []func(context.Context, []string, map[string]*Dossier) error{l.dossierDisks, l.dossierHandovers}
	if f.Hardware {
		steps = append(steps, l.dossierHardware)
	}
	if f.Deploy {
		steps = append(steps, l.dossierDeploys)
	}
	for _, step := range steps {
		if err := eachChunk(ids, func(chunk []string) error { return step(ctx, chunk, byID) }); err != nil {
			return nil, err
		}
	}
	return ds, nil
}

// unitsByID finds units by reference (id, serial or asset tag), in order.
func (l *Ledger) unitsByID(ctx context.Context, refs []string) ([]Unit, error) {
	out := make([]Unit, 0, len(refs))
	for _, ref := range refs {
		u, err := l.FindUnit(ctx, ref)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

func eachChunk(ids []string, fn func([]string) error) error {
	for i := 0; i < len(ids); i += inChunk {
		if err := fn(ids[i:min(i+inChunk, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}

// inList is "(?, ?, ?)" and its arguments.
func inList(ids []string) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "(?" + strings.Repeat(", ?", len(ids)-1) + ")", args
}

// dossierDisks loads the disks, their last finished wipe, destructions,
// audits and open flags.
func (l *Ledger) dossierDisks(ctx context.Context, ids []string, byID map[string]*Dossier) error {
	in, args := inList(ids)
	rows, err := l.db.QueryContext(ctx, `SELECT `+diskColumns+` FROM unit_disks WHERE unit_id IN `+in+` ORDER BY unit_id, position`, args...)
	if err != nil {
		return fmt.Errorf("dossiers: %w", err)
	}
	index := map[[2]string]*DiskDossier{}
	for rows.Next() {
		d, err := scanDiskRow(rows)
		if err != nil {
			rows.Close()
			return err
		}
		u := byID[d.UnitID]
		u.Disks = append(u.Disks, DiskDossier{UnitDisk: d.UnitDisk})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		u := byID[id]
		for i := range u.Disks {
			index[[2]string{id, key(u.Disks[i].Serial)}] = &u.Disks[i]
		}
	}
	for _, load := range []func(context.Context, string, []any, map[[2]string]*DiskDossier) error{
		l.dossierWipes, l.dossierDestructions, l.dossierAudits,
	} {
		if err := load(ctx, in, args, index); err != nil {
			return err
		}
	}
	return nil
}

func (l *Ledger) dossierWipes(ctx context.Context, in string, args []any, index map[[2]string]*DiskDossier) error {
	rows, err := l.db.QueryContext(ctx, `SELECT w.unit_id, w.disk_key, w.method, w.started_at, w.finished_at,
		e.id, e.operator, e.bench, e.payload FROM wipes w JOIN events e ON e.id = w.finish_event
		WHERE w.unit_id IN `+in+` AND w.finish_event <> '' ORDER BY w.finished_at, w.finish_event`, args...)
	if err != nil {
		return fmt.Errorf("dossiers: wipes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit, disk, started, finished, payload string
		var r WipeRecord
		if err := rows.Scan(&unit, &disk, &r.Method, &started, &finished, &r.FinishEvent, &r.Operator, &r.Bench, &payload); err != nil {
			return err
		}
		d := index[[2]string{unit, disk}]
		if d == nil {
			continue
		}
		var o WipeOutcome
		if err := json.Unmarshal([]byte(payload), &o); err != nil {
			return fmt.Errorf("dossiers: wipe %s: %w", r.FinishEvent, err)
		}
		r.Status, r.Technique, r.NIST = o.Status, o.Technique, o.NIST
		r.CertificateID, r.CertificateSHA256, r.Certificate = o.CertificateID, o.CertificateSHA256, o.Certificate
		r.Started, r.Finished = parseTime(started), parseTime(finished)
		d.Wipe = &r // ordered by time: the last one stays
		d.History = append(d.History, r)
	}
	return rows.Err()
}

func (l *Ledger) dossierDestructions(ctx context.Context, in string, args []any, index map[[2]string]*DiskDossier) error {
	rows, err := l.db.QueryContext(ctx, `SELECT unit_id, at, operator, payload FROM events
		WHERE unit_id IN `+in+` AND kind = ? ORDER BY id`, append(args, KindDiskDestroyed)...)
	if err != nil {
		return fmt.Errorf("dossiers: destructions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit, at, payload string
		var r Destruction
		if err := rows.Scan(&unit, &at, &r.Operator, &payload); err != nil {
			return err
		}
		var p destroyedPayload
		if err := json.Unmarshal([]byte(payload), &p); err != nil {
			return err
		}
		r.Reason, r.At = p.Reason, parseTime(at)
		if d := index[[2]string{unit, key(p.Serial)}]; d != nil && d.Erasure == ErasureDestroyed {
			d.Destruction = &r
		}
	}
	return rows.Err()
}

func (l *Ledger) dossierAudits(ctx context.Context, in string, args []any, index map[[2]string]*DiskDossier) error {
	rows, err := l.db.QueryContext(ctx, `SELECT event_id, unit_id, disk_serial, wipe_event, certificate_id, result,
		operator, wiped_by, wipe_bench, at FROM audits WHERE unit_id IN `+in+` ORDER BY at, event_id`, args...)
	if err != nil {
		return fmt.Errorf("dossiers: audits: %w", err)
	}
	for rows.Next() {
		var a Audit
		var at string
		if err := rows.Scan(&a.EventID, &a.UnitID, &a.DiskSerial, &a.WipeEvent, &a.CertificateID, &a.Result,
			&a.Operator, &a.WipedBy, &a.WipeBench, &at); err != nil {
			rows.Close()
			return err
		}
		a.At = parseTime(at)
		if d := index[[2]string{a.UnitID, key(a.DiskSerial)}]; d != nil {
			d.Audits = append(d.Audits, a)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	flags, err := l.db.QueryContext(ctx, `SELECT unit_id, disk_serial, wipe_event FROM audit_flags
		WHERE unit_id IN `+in+` AND cleared_by = ''`, args...)
	if err != nil {
		return fmt.Errorf("dossiers: audit flags: %w", err)
	}
	defer flags.Close()
	for flags.Next() {
		var unit, serial, wipe string
		if err := flags.Scan(&unit, &serial, &wipe); err != nil {
			return err
		}
		// Only while the flagged erasure is the disk's standing one.
		if d := index[[2]string{unit, key(serial)}]; d != nil && d.Wipe != nil && d.Wipe.FinishEvent == wipe {
			d.Flagged = true
		}
	}
	return flags.Err()
}

func (l *Ledger) dossierHandovers(ctx context.Context, ids []string, byID map[string]*Dossier) error {
	in, args := inList(ids)
	rows, err := l.db.QueryContext(ctx, `SELECT h.event_id, h.unit_id, h.site, h.beneficiary, h.at, e.operator
		FROM handovers h JOIN events e ON e.id = h.event_id WHERE h.unit_id IN `+in+` ORDER BY h.at, h.event_id`, args...)
	if err != nil {
		return fmt.Errorf("dossiers: handovers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r HandoverRecord
		var unit, at string
		if err := rows.Scan(&r.EventID, &unit, &r.Site, &r.Beneficiary, &at, &r.Operator); err != nil {
			return err
		}
		r.At = parseTime(at)
		byID[unit].Handover = &r
	}
	return rows.Err()
}

// probeFacts is the part of a probe report (atelier.probe/v1, see
// probe/SCHEMA.md) that documents print.
type probeFacts struct {
	System struct {
		Vendor  string `json:"vendor"`
		Product string `json:"product"`
		Chassis string `json:"chassis"`
	} `json:"system"`
	CPU struct {
		Model string `json:"model"`
	} `json:"cpu"`
	Memory struct {
		TotalBytes int64 `json:"total_bytes"`
	} `json:"memory"`
	Disks []struct {
		Model     string `json:"model"`
		SizeBytes int64  `json:"size_bytes"`
		Medium    string `json:"medium"`
	} `json:"disks"`
}

func (l *Ledger) dossierHardware(ctx context.Context, ids []string, byID map[string]*Dossier) error {
	in, args := inList(ids)
	rows, err := l.db.QueryContext(ctx, `SELECT unit_id, payload FROM events WHERE unit_id IN `+in+` AND kind = ? ORDER BY id`,
		append(args, KindProbed)...)
	if err != nil {
		return fmt.Errorf("dossiers: probes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit string
		var payload []byte
		if err := rows.Scan(&unit, &payload); err != nil {
			return err
		}
		var p struct {
			Report probeFacts `json:"report"`
		}
		if json.Unmarshal(payload, &p) != nil {
			continue // a report this atelier cannot read prints as unknown
		}
		r := p.Report
		h := &Hardware{Vendor: known(r.System.Vendor), Product: known(r.System.Product), Chassis: known(r.System.Chassis),
			CPU: known(r.CPU.Model), RAMBytes: r.Memory.TotalBytes}
		for _, d := range r.Disks {
			h.Disks = append(h.Disks, ProbedDisk{Model: known(d.Model), SizeBytes: d.SizeBytes, Medium: known(d.Medium)})
		}
		if h.CPU == "" && h.RAMBytes == 0 && len(h.Disks) == 0 {
			continue
		}
		byID[unit].Hardware = h // by id: the last probe stays
	}
	return rows.Err()
}

// known drops the probe's "unknown" placeholder.
func known(s string) string {
	s = strings.TrimSpace(s)
	if s == "unknown" {
		return ""
	}
	return s
}

func (l *Ledger) dossierDeploys(ctx context.Context, ids []string, byID map[string]*Dossier) error {
	in, args := inList(ids)
	rows, err := l.db.QueryContext(ctx, `SELECT unit_id, at, payload FROM events WHERE unit_id IN `+in+` AND kind = ? ORDER BY id`,
		append(args, KindDeployed)...)
	if err != nil {
		return fmt.Errorf("dossiers: deploys: %w", err)
	}
	found := map[string]*DeployRecord{}
	for rows.Next() {
		var unit, at, payload string
		if err := rows.Scan(&unit, &at, &payload); err != nil {
			rows.Close()
			return err
		}
		var o DeployOutcome
		if json.Unmarshal([]byte(payload), &o) != nil || o.Status != ErasurePassed {
			continue
		}
		found[unit] = &DeployRecord{Image: o.Image, At: parseTime(at)}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for unit, r := range found {
		if im, err := l.FindImage(ctx, r.Image); err == nil {
			r.OS, r.Version, r.Edition = im.OS, im.Version, im.Edition
		}
		// A wipe after the deploy erased the system: it no longer stands.
		if u := byID[unit]; u.State == string(Imaged) || u.State == string(Ready) || u.State == string(Reserved) ||
			u.State == string(HandedOver) {
			u.Deploy = r
		}
	}
	return nil
}
