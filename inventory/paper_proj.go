package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"
)

// The paper trail's events and their projection (org, stickers, audits,
// audit_flags). They fold into the same proj as the core kinds, so a write
// and `ledger rebuild` cannot disagree; this file keeps them out of the
// core switch statements but for one line each.

// Event kinds of the paper trail. A kind is never renamed.
const (
	KindOrgSet         = "org.set"         // the association's identity (ledger-wide)
	KindStickerIssued  = "sticker.issued"  // a unit's QR sticker token
	KindStickerRevoked = "sticker.revoked" // that token no longer answers
	KindAuditRecorded  = "audit.recorded"  // a second person re-checked an erasure
)

// paperKinds are the paper-trail kinds the projection folds.
var paperKinds = []string{KindOrgSet, KindStickerIssued, KindStickerRevoked, KindAuditRecorded}

// paperTables are the paper trail's projection tables, emptied by a rebuild.
var paperTables = []string{"org", "stickers", "audits", "audit_flags"}

type orgPayload struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	SIRET   string `json:"siret,omitempty"`
	HubURL  string `json:"hub_url,omitempty"`
	Logo    []byte `json:"logo,omitempty"` // PNG, base64 in JSON
}

type stickerPayload struct {
	Token  string `json:"token"`
	Reason string `json:"reason,omitempty"` // revocations only
}

// auditPayload is what a second-person check records. Flagged lists the
// passed erasures of the same bench a failed audit puts in doubt, frozen at
// the time of the audit.
type auditPayload struct {
	DiskSerial    string        `json:"disk_serial"`
	WipeEvent     string        `json:"wipe_event"`
	CertificateID string        `json:"certificate_id,omitempty"`
	Result        string        `json:"result"`
	Auditor       string        `json:"auditor"` // the event's operator, repeated: a rebuild reads payloads only
	WipedBy       string        `json:"wiped_by"`
	WipeBench     string        `json:"wipe_bench"`
	Note          string        `json:"note,omitempty"`
	Flagged       []FlaggedWipe `json:"flagged,omitempty"`
}

type orgRow struct {
	Doc     []byte
	EventID string
	At      time.Time
}

type stickerRow struct {
	Token, UnitID, IssueEvent string
	IssuedAt, RevokedAt       time.Time
}

type auditRow struct {
	EventID string
	UnitID  string
	auditPayload
	Operator string
	At       time.Time
}

type flagRow struct {
	WipeEvent, UnitID, DiskSerial, FlaggedBy, ClearedBy string
	FlaggedAt                                           time.Time
}

// paperProj is the paper trail's part of a proj: rows loaded on demand in a
// write, everything in memory during a rebuild (q nil).
type paperProj struct {
	q querier

	org      *orgRow
	orgDirty bool

	stickers      map[string]*stickerRow
	stickersTried map[string]bool
	dirtyStickers map[string]bool
	// issuedTo is the token each unit got in this write, so that finding
	// a unit's new token is one lookup: a scan of dirtyStickers per unit
	// made issuing 100,000 tokens quadratic.
	issuedTo map[string]string

	audits []auditRow

	flags      map[string]*flagRow
	flagsTried map[string]bool
	dirtyFlags map[string]bool
}

func (p *proj) paperState() *paperProj {
	if p.paper == nil {
		p.paper = &paperProj{q: p.q,
			stickers: map[string]*stickerRow{}, stickersTried: map[string]bool{}, dirtyStickers: map[string]bool{},
			issuedTo: map[string]string{},
			flags:    map[string]*flagRow{}, flagsTried: map[string]bool{}, dirtyFlags: map[string]bool{}}
	}
	return p.paper
}

// decodePaper reads the payload of a paper-trail kind (nil for any other).
func decodePaper(e Event) (any, error) {
	var v any
	switch e.Kind {
	case KindOrgSet:
		v = new(orgPayload)
	case KindStickerIssued, KindStickerRevoked:
		v = new(stickerPayload)
	case KindAuditRecorded:
		v = new(auditPayload)
	default:
		return nil, nil
	}
	if err := json.Unmarshal(e.Payload, v); err != nil {
		return nil, err
	}
	return v, nil
}

// applyPaper folds a paper-trail event; other kinds are left alone.
func (p *proj) applyPaper(ctx context.Context, e Event, dec any) error {
	pp := p.paperState()
	switch e.Kind {
	case KindOrgSet:
		pp.org = &orgRow{Doc: e.Payload, EventID: e.ID, At: e.At}
		pp.orgDirty = true
	case KindStickerIssued:
		pl := dec.(*stickerPayload)
		pp.stickers[pl.Token] = &stickerRow{Token: pl.Token, UnitID: e.Unit, IssueEvent: e.ID, IssuedAt: e.At}
		pp.dirtyStickers[pl.Token] = true
		pp.issuedTo[e.Unit] = pl.Token
	case KindStickerRevoked:
		pl := dec.(*stickerPayload)
		s, err := pp.sticker(ctx, pl.Token)
		if err != nil {
			return err
		}
		if s != nil && s.RevokedAt.IsZero() {
			s.RevokedAt = e.At
			pp.dirtyStickers[pl.Token] = true
		}
	case KindAuditRecorded:
		return p.applyAudit(ctx, e, dec.(*auditPayload))
	}
	return nil
}

// applyAudit records the audit, flags the erasures a failed one puts in
// doubt, and marks the audited disk as not erased: a second person found
// data on it, so it must be wiped again before the unit may leave.
func (p *proj) applyAudit(ctx context.Context, e Event, pl *auditPayload) error {
	pp := p.paperState()
	pp.audits = append(pp.audits, auditRow{EventID: e.ID, UnitID: e.Unit, auditPayload: *pl, Operator: pl.Auditor, At: e.At})
	if pl.Result == AuditPassed {
		f, err := pp.flag(ctx, pl.WipeEvent)
		if err != nil {
			return err
		}
		if f != nil && f.ClearedBy == "" {
			f.ClearedBy = e.ID
			pp.dirtyFlags[f.WipeEvent] = true
		}
		return nil
	}
	for _, fw := range pl.Flagged {
		pp.flags[fw.WipeEvent] = &flagRow{WipeEvent: fw.WipeEvent, UnitID: fw.UnitID, DiskSerial: fw.DiskSerial,
			FlaggedBy: e.ID, FlaggedAt: e.At}
		pp.flagsTried[fw.WipeEvent] = true
		pp.dirtyFlags[fw.WipeEvent] = true
	}
	d, err := p.recordDisk(ctx, e.Unit, DiskRecord{Serial: pl.DiskSerial}, e.At)
	if err != nil {
		return err
	}
	d.Erasure = ErasureFailed
	return nil
}

func (pp *paperProj) sticker(ctx context.Context, token string) (*stickerRow, error) {
	if r, ok := pp.stickers[token]; ok || pp.q == nil || pp.stickersTried[token] {
		return r, nil
	}
	pp.stickersTried[token] = true
	var r stickerRow
	var issued, revoked string
	err := pp.q.QueryRowContext(ctx, `SELECT token, unit_id, issue_event, issued_at, revoked_at FROM stickers WHERE token = ?`,
		token).Scan(&r.Token, &r.UnitID, &r.IssueEvent, &issued, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r.IssuedAt, r.RevokedAt = parseTime(issued), parseTime(revoked)
	pp.stickers[token] = &r
	return &r, nil
}

func (pp *paperProj) flag(ctx context.Context, wipeEvent string) (*flagRow, error) {
	if r, ok := pp.flags[wipeEvent]; ok || pp.q == nil || pp.flagsTried[wipeEvent] {
		return r, nil
	}
	pp.flagsTried[wipeEvent] = true
	var r flagRow
	var at string
	err := pp.q.QueryRowContext(ctx, `SELECT wipe_event, unit_id, disk_serial, flagged_by, flagged_at, cleared_by
		FROM audit_flags WHERE wipe_event = ?`, wipeEvent).Scan(&r.WipeEvent, &r.UnitID, &r.DiskSerial, &r.FlaggedBy, &at, &r.ClearedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r.FlaggedAt = parseTime(at)
	pp.flags[wipeEvent] = &r
	return &r, nil
}

// flushPaper saves the paper trail's changed rows (portable upserts).
func (p *proj) flushPaper(ctx context.Context, tx *sql.Tx) error {
	pp := p.paper
	if pp == nil {
		return nil
	}
	if pp.orgDirty {
		if _, err := tx.ExecContext(ctx, `INSERT INTO org (id, doc, event_id, updated_at) VALUES (1, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, event_id = excluded.event_id, updated_at = excluded.updated_at`,
			string(pp.org.Doc), pp.org.EventID, formatTime(pp.org.At)); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(pp.dirtyStickers) {
		s := pp.stickers[k]
		if _, err := tx.ExecContext(ctx, `INSERT INTO stickers (token, unit_id, issue_event, issued_at, revoked_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (token) DO UPDATE SET revoked_at = excluded.revoked_at`,
			s.Token, s.UnitID, s.IssueEvent, formatTime(s.IssuedAt), optTime(s.RevokedAt)); err != nil {
			return err
		}
	}
	for _, a := range pp.audits {
		if _, err := tx.ExecContext(ctx, `INSERT INTO audits (event_id, unit_id, disk_serial, disk_key, wipe_event,
			certificate_id, result, operator, wiped_by, wipe_bench, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.EventID, a.UnitID, a.DiskSerial, key(a.DiskSerial), a.WipeEvent, a.CertificateID, a.Result,
			a.Operator, a.WipedBy, a.WipeBench, formatTime(a.At)); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(pp.dirtyFlags) {
		f := pp.flags[k]
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit_flags (wipe_event, unit_id, disk_serial, flagged_by, flagged_at, cleared_by)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (wipe_event) DO UPDATE SET flagged_by = excluded.flagged_by,
			flagged_at = excluded.flagged_at, cleared_by = excluded.cleared_by`,
			f.WipeEvent, f.UnitID, f.DiskSerial, f.FlaggedBy, formatTime(f.FlaggedAt), f.ClearedBy); err != nil {
			return err
		}
	}
	pp.orgDirty, pp.audits = false, nil
	pp.dirtyStickers, pp.dirtyFlags = map[string]bool{}, map[string]bool{}
	pp.issuedTo = map[string]string{}
	return nil
}

// optTime is a time column that may be unset (”).
func optTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}
