package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The projection: the current picture computed from events. The same apply
// code serves both a single write (rows loaded from the database on demand,
// changed rows saved at commit) and `ledger rebuild` (everything in memory,
// all rows saved at the end), so the two cannot disagree.

type unitRow struct {
	Unit
	IDYear, IDNum int
	Beneficiary   string
	Absorbed      string // the units merged into this one, space-separated
}

type diskRow struct {
	UnitID string
	UnitDisk
	RecordedAt time.Time
	Position   int
}

type wipeRow struct {
	StartEvent, UnitID, DiskSerial, Device, Method string
	StartedAt, FinishedAt                          time.Time
	Status, FinishEvent                            string
}

type handoverRow struct {
	EventID, UnitID, Site, Beneficiary string
	At                                 time.Time
}

type proj struct {
	q querier // nil during a rebuild: nothing to load, the maps are the truth

	units       map[string]*unitRow
	unitsTried  map[string]bool
	disks       map[string]map[string]*diskRow // unit id -> disk serial key -> row
	wipes       map[string]*wipeRow
	wipesTried  map[string]bool
	sites       map[string]*Site
	sitesTried  map[string]bool
	images      map[string]*Image
	imagesTried map[string]bool
	handovers   []handoverRow
	paper       *paperProj // org, stickers, audits (paper_proj.go)
	// droppedHandovers are handovers (their event ids) an undo reversed.
	droppedHandovers []string

	benches      map[string]*Bench // enrolled benches, by name key (benches.go)
	benchesTried map[string]bool
	dirtyBenches map[string]bool

	conflicts map[string]*conflictRow // events that did not apply, by id (conflicts.go)
	// lastFact is each unit's newest applied event but notes, as far as
	// this projection saw them: an undo applies only right after its move.
	lastFact map[string]string
	// serials maps a serial key to its first intake, for the merges and
	// rebuilds that check serials (the commands refuse a known serial).
	serials      map[string]intake
	checkSerials bool
	intakeStmt   *sql.Stmt // prepared intakeQuery, when a merge gave one

	dirtyUnits  map[string]bool
	dirtyDisks  map[[2]string]bool
	dirtyWipes  map[string]bool
	dirtySites  map[string]bool
	dirtyImages map[string]bool
}

func newProj(q querier) *proj {
	return &proj{q: q,
		units: map[string]*unitRow{}, unitsTried: map[string]bool{},
		disks: map[string]map[string]*diskRow{},
		wipes: map[string]*wipeRow{}, wipesTried: map[string]bool{},
		sites: map[string]*Site{}, sitesTried: map[string]bool{},
		images: map[string]*Image{}, imagesTried: map[string]bool{},
		dirtyUnits: map[string]bool{}, dirtyDisks: map[[2]string]bool{}, dirtyWipes: map[string]bool{},
		dirtySites: map[string]bool{}, dirtyImages: map[string]bool{},
		benches: map[string]*Bench{}, benchesTried: map[string]bool{}, dirtyBenches: map[string]bool{},
		conflicts: map[string]*conflictRow{}, serials: map[string]intake{}, checkSerials: q == nil,
		lastFact: map[string]string{},
	}
}

// key is how identifiers compare: in their one normal form (NFC, spaces
// folded), ignoring case.
func key(s string) string { return strings.ToUpper(identKey(s)) }

const unitColumns = `id, id_year, id_num, serial, asset_tag, vendor, model, type, state, site, batch, donor, grade, beneficiary, received_at, state_since, name, merged_into, absorbed`

func scanUnitRow(s interface{ Scan(...any) error }) (*unitRow, error) {
	var r unitRow
	var recv, since string
	if err := s.Scan(&r.ID, &r.IDYear, &r.IDNum, &r.Serial, &r.AssetTag, &r.Vendor, &r.Model, &r.Type,
		&r.State, &r.Site, &r.Batch, &r.Donor, &r.Grade, &r.Beneficiary, &recv, &since, &r.Name, &r.MergedInto, &r.Absorbed); err != nil {
		return nil, err
	}
	r.ReceivedAt, r.StateSince = parseTime(recv), parseTime(since)
	return &r, nil
}

func (p *proj) unit(ctx context.Context, id string) (*unitRow, error) {
	if r, ok := p.units[id]; ok || p.q == nil || p.unitsTried[id] {
		return r, nil
	}
	p.unitsTried[id] = true
	r, err := scanUnitRow(p.q.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p.units[id] = r
	return r, nil
}

const diskColumns = `unit_id, serial, vendor, model, medium, size_bytes, erasure, certificate_id, certificate_sha256, recorded_at, position`

func scanDiskRow(s interface{ Scan(...any) error }) (*diskRow, error) {
	var d diskRow
	var at string
	if err := s.Scan(&d.UnitID, &d.Serial, &d.Vendor, &d.Model, &d.Medium, &d.SizeBytes, &d.Erasure,
		&d.CertificateID, &d.CertificateSHA256, &at, &d.Position); err != nil {
		return nil, err
	}
	d.RecordedAt = parseTime(at)
	return &d, nil
}

// unitDisks returns the unit's recorded disks, by serial key.
func (p *proj) unitDisks(ctx context.Context, unitID string) (map[string]*diskRow, error) {
	if m, ok := p.disks[unitID]; ok {
		return m, nil
	}
	m := map[string]*diskRow{}
	p.disks[unitID] = m
	if p.q == nil {
		return m, nil
	}
	rows, err := p.q.QueryContext(ctx, `SELECT `+diskColumns+` FROM unit_disks WHERE unit_id = ?`, unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDiskRow(rows)
		if err != nil {
			return nil, err
		}
		m[key(d.Serial)] = d
	}
	return m, rows.Err()
}

// sortedDisks lists disks in the order they were recorded.
func sortedDisks(m map[string]*diskRow) []*diskRow {
	out := make([]*diskRow, 0, len(m))
	for _, d := range m {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Position < out[j].Position })
	return out
}

const wipeColumns = `start_event, unit_id, disk_serial, device, method, started_at, finished_at, status, finish_event`

func scanWipeRow(s interface{ Scan(...any) error }) (*wipeRow, error) {
	var w wipeRow
	var st, fin string
	if err := s.Scan(&w.StartEvent, &w.UnitID, &w.DiskSerial, &w.Device, &w.Method, &st, &fin, &w.Status, &w.FinishEvent); err != nil {
		return nil, err
	}
	w.StartedAt, w.FinishedAt = parseTime(st), parseTime(fin)
	return &w, nil
}

func (p *proj) wipe(ctx context.Context, startEvent string) (*wipeRow, error) {
	if r, ok := p.wipes[startEvent]; ok || p.q == nil || p.wipesTried[startEvent] {
		return r, nil
	}
	p.wipesTried[startEvent] = true
	r, err := scanWipeRow(p.q.QueryRowContext(ctx, `SELECT `+wipeColumns+` FROM wipes WHERE start_event = ?`, startEvent))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p.wipes[startEvent] = r
	return r, nil
}

func (p *proj) site(ctx context.Context, name string) (*Site, error) {
	k := key(name)
	if r, ok := p.sites[k]; ok || p.q == nil || p.sitesTried[k] {
		return r, nil
	}
	p.sitesTried[k] = true
	var s Site
	var at string
	err := p.q.QueryRowContext(ctx, `SELECT name, added_at FROM sites WHERE name_key = ?`, k).Scan(&s.Name, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	s.AddedAt = parseTime(at)
	p.sites[k] = &s
	return &s, nil
}

const imageColumns = `name, path, os, version, edition, bmap_path, size_bytes, image_bytes, sha256, image_sha256, added_at`

func scanImage(s interface{ Scan(...any) error }) (Image, error) {
	var im Image
	var at string
	err := s.Scan(&im.Name, &im.Path, &im.OS, &im.Version, &im.Edition, &im.BmapPath, &im.SizeBytes,
		&im.ImageBytes, &im.SHA256, &im.ImageSHA256, &at)
	im.AddedAt = parseTime(at)
	return im, err
}

func (p *proj) image(ctx context.Context, name string) (*Image, error) {
	k := key(name)
	if r, ok := p.images[k]; ok || p.q == nil || p.imagesTried[k] {
		return r, nil
	}
	p.imagesTried[k] = true
	im, err := scanImage(p.q.QueryRowContext(ctx, `SELECT `+imageColumns+` FROM images WHERE name_key = ?`, k))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p.images[k] = &im
	return &im, nil
}

// recordDisk adds a disk to a unit unless it is already recorded; facts
// missing from the first record are filled in by later ones.
func (p *proj) recordDisk(ctx context.Context, unitID string, d DiskRecord, at time.Time) (*diskRow, error) {
	m, err := p.unitDisks(ctx, unitID)
	if err != nil {
		return nil, err
	}
	k := key(d.Serial)
	row, ok := m[k]
	if !ok {
		row = &diskRow{UnitID: unitID, UnitDisk: UnitDisk{DiskRecord: DiskRecord{Serial: strings.TrimSpace(d.Serial)}, Erasure: ErasureNone}, RecordedAt: at, Position: len(m) + 1}
		m[k] = row
	}
	if row.Vendor == "" {
		row.Vendor = d.Vendor
	}
	if row.Model == "" {
		row.Model = d.Model
	}
	if row.Medium == "" {
		row.Medium = d.Medium
	}
	if row.SizeBytes == 0 {
		row.SizeBytes = d.SizeBytes
	}
	p.dirtyDisks[[2]string{unitID, k}] = true
	return row, nil
}

// apply folds one event into the projection.
func (p *proj) apply(ctx context.Context, e Event) error {
	dec, err := decodePayload(e)
	if err != nil {
		return err
	}
	return p.applyDecoded(ctx, e, dec)
}

// projectedKinds are the event kinds apply changes the projection for.
var projectedKinds = append([]string{KindReceived, KindMoved, KindProbed, KindDiskDestroyed,
	KindWipeStarted, KindWipeFinished, KindSiteAdded, KindImageAdded, KindWipeCertified, KindMoveUndone,
	KindBenchEnrolled, KindBenchRevoked, KindConflictFound, KindConflictResolved, KindUnitMerged, KindUnitAbsorbed}, paperKinds...)

// decodePayload reads the payload of the kinds the projection uses (nil for
// the others). It is separate from applying so that a rebuild can decode on
// one core while it applies on another.
func decodePayload(e Event) (any, error) {
	var v any
	switch e.Kind {
	case KindReceived:
		v = new(receivedPayload)
	case KindMoved:
		v = new(movedPayload)
	case KindMoveUndone:
		v = new(Undone)
	case KindProbed:
		v = new(probedPayload)
	case KindDiskDestroyed:
		v = new(destroyedPayload)
	case KindWipeStarted:
		v = new(WipeStart)
	case KindWipeFinished:
		v = new(WipeOutcome)
	case KindWipeCertified:
		v = new(WipeCertification)
	case KindSiteAdded:
		v = new(sitePayload)
	case KindImageAdded:
		v = new(Image)
	case KindBenchEnrolled:
		v = new(benchEnrolledPayload)
	case KindBenchRevoked:
		v = new(benchRevokedPayload)
	case KindUnitMerged, KindUnitAbsorbed:
		v = new(unitMergePayload)
	default:
		return decodePaper(e)
	}
	if err := json.Unmarshal(e.Payload, v); err != nil {
		return nil, err
	}
	return v, nil
}

// applyDecoded folds one event, its payload already decoded, into the projection.
func (p *proj) applyDecoded(ctx context.Context, e Event, dec any) error {
	if e.Unit != "" {
		// After a merge, an event the lifecycle no longer allows at its
		// place does not apply: it is listed as a conflict (conflicts.go).
		reason, state, wanted, err := p.conflictOf(ctx, e, dec)
		if err != nil {
			return err
		}
		if reason != "" {
			p.flag(e, reason, state, wanted)
			return nil
		}
		p.sawFact(e)
	}
	switch e.Kind {
	case KindReceived:
		pl := dec.(*receivedPayload)
		year, num := splitUnitID(e.Unit)
		p.units[e.Unit] = &unitRow{Unit: Unit{ID: e.Unit, Serial: pl.Serial, AssetTag: pl.AssetTag, Name: pl.Name, Vendor: pl.Vendor,
			Model: pl.Model, Type: pl.Type, State: string(Received), Batch: pl.Batch, Donor: pl.Donor,
			ReceivedAt: e.At, StateSince: e.At}, IDYear: year, IDNum: num}
		p.disks[e.Unit] = map[string]*diskRow{}
		p.dirtyUnits[e.Unit] = true
		if err := p.checkSerial(ctx, e, pl.Serial); err != nil {
			return err
		}
	case KindMoved:
		pl := dec.(*movedPayload)
		u, err := p.unit(ctx, e.Unit)
		if err != nil || u == nil {
			return orMissing(err, e)
		}
		u.State, u.StateSince = string(pl.To), e.At
		switch pl.To {
		case Reserved:
			u.Site = pl.Site
		case HandedOver:
			u.Site, u.Beneficiary = pl.Site, pl.Beneficiary
			p.handovers = append(p.handovers, handoverRow{EventID: e.ID, UnitID: e.Unit, Site: pl.Site, Beneficiary: pl.Beneficiary, At: e.At})
		case Ready, Returned, Triaged, Wiped:
			u.Site = ""
		}
		if pl.To == Returned {
			// The unit held a beneficiary's data: its disks need a new erasure.
			m, err := p.unitDisks(ctx, e.Unit)
			if err != nil {
				return err
			}
			for k, d := range m {
				if d.Erasure != ErasureDestroyed {
					d.Erasure, d.CertificateID, d.CertificateSHA256 = ErasureNone, "", ""
					p.dirtyDisks[[2]string{e.Unit, k}] = true
				}
			}
		}
		p.dirtyUnits[e.Unit] = true
	case KindProbed:
		pl := dec.(*probedPayload)
		u, err := p.unit(ctx, e.Unit)
		if err != nil || u == nil {
			return orMissing(err, e)
		}
		if pl.Grade != "" {
			u.Grade = pl.Grade
			p.dirtyUnits[e.Unit] = true
		}
		for _, d := range pl.Disks {
			if _, err := p.recordDisk(ctx, e.Unit, d, e.At); err != nil {
				return err
			}
		}
	case KindDiskDestroyed:
		pl := dec.(*destroyedPayload)
		d, err := p.recordDisk(ctx, e.Unit, DiskRecord{Serial: pl.Serial}, e.At)
		if err != nil {
			return err
		}
		d.Erasure, d.CertificateID, d.CertificateSHA256 = ErasureDestroyed, "", ""
	case KindWipeStarted:
		pl := dec.(*WipeStart)
		if _, err := p.recordDisk(ctx, e.Unit, pl.Disk, e.At); err != nil {
			return err
		}
		p.wipes[e.ID] = &wipeRow{StartEvent: e.ID, UnitID: e.Unit, DiskSerial: strings.TrimSpace(pl.Disk.Serial),
			Device: pl.Device, Method: pl.Method, StartedAt: e.At}
		p.dirtyWipes[e.ID] = true
	case KindWipeFinished:
		pl := dec.(*WipeOutcome)
		w, err := p.wipe(ctx, pl.StartEvent)
		if err != nil {
			return err
		}
		serial := pl.DiskSerial
		if w != nil {
			w.FinishedAt, w.Status = e.At, pl.Status
			w.FinishEvent = e.ID
			p.dirtyWipes[w.StartEvent] = true
			if serial == "" {
				serial = w.DiskSerial
			}
		}
		d, err := p.recordDisk(ctx, e.Unit, DiskRecord{Serial: serial}, e.At)
		if err != nil {
			return err
		}
		d.Erasure, d.CertificateID, d.CertificateSHA256 = pl.Status, pl.CertificateID, pl.CertificateSHA256
	case KindWipeCertified:
		return p.applyCertified(ctx, e, dec.(*WipeCertification))
	case KindMoveUndone:
		return p.applyUndone(ctx, e, dec.(*Undone))
	case KindSiteAdded:
		pl := dec.(*sitePayload)
		k := key(pl.Name)
		p.sites[k] = &Site{Name: pl.Name, AddedAt: e.At}
		p.dirtySites[k] = true
	case KindImageAdded:
		im := *dec.(*Image)
		im.AddedAt = e.At
		k := key(im.Name)
		p.images[k] = &im
		p.dirtyImages[k] = true
	case KindBenchEnrolled, KindBenchRevoked:
		return p.applyBench(ctx, e, dec)
	case KindConflictFound, KindConflictResolved:
		return p.applyConflictEvent(ctx, e)
	case KindUnitMerged, KindUnitAbsorbed:
		return p.applyUnitMerge(ctx, e, dec.(*unitMergePayload))
	case KindNote, KindDeployed:
		// Timeline only; a passed deploy's move to imaged is its own event.
	default:
		return p.applyPaper(ctx, e, dec)
	}
	return nil
}

// applyCertified turns an uncertified wipe into a passed one. It must be
// the disk's current erasure: a certificate written for a wipe that a
// later wipe (or a return) superseded proves nothing about the disk now.
func (p *proj) applyCertified(ctx context.Context, e Event, pl *WipeCertification) error {
	m, err := p.unitDisks(ctx, e.Unit)
	if err != nil {
		return err
	}
	d := m[key(pl.DiskSerial)]
	if d == nil || d.Erasure != ErasureUncertified || d.CertificateID != pl.CertificateID || d.CertificateSHA256 != pl.CertificateSHA256 {
		return newErr(ErrInvalidInput, "wipe.certify.stale", pl.CertificateID, e.Unit)
	}
	d.Erasure = ErasurePassed
	p.dirtyDisks[[2]string{e.Unit, key(pl.DiskSerial)}] = true
	w, err := p.wipe(ctx, pl.StartEvent)
	if err != nil {
		return err
	}
	if w != nil {
		w.Status = ErasurePassed
		p.dirtyWipes[w.StartEvent] = true
	}
	return nil
}

func orMissing(err error, e Event) error {
	if err != nil {
		return err
	}
	return newErr(ErrUnknownUnit, "unit.unknown", e.Unit)
}

// splitUnitID reads PCS-26-0042 and PCS-26-B0042 into (26, 42).
func splitUnitID(id string) (year, num int) {
	parts := strings.Split(id, "-")
	if len(parts) < 3 {
		return 0, 0
	}
	year, _ = strconv.Atoi(parts[len(parts)-2])
	num, _ = strconv.Atoi(strings.TrimLeft(parts[len(parts)-1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
	return year, num
}

// UnitIDLetter is the bench letter of a unit id ("" for PCS-26-0042).
func UnitIDLetter(id string) string {
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return ""
	}
	last := id[i+1:]
	return last[:len(last)-len(strings.TrimLeft(last, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
}
