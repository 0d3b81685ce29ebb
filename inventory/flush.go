package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strings"
)

// flush saves every changed projection row. Upserts (ON CONFLICT) are
// understood by SQLite and PostgreSQL alike.
func (p *proj) flush(ctx context.Context, tx *sql.Tx) error {
	if len(p.dirtyUnits) > 0 {
		// 100 rows a statement: an intake of 10,000 units is then 100
		// round trips to PostgreSQL, not 313.
		b := &batcher{ctx: ctx, tx: tx, ncols: 27, rows: 100,
			head: `INSERT INTO units (` + unitColumns + `, serial_key, asset_key, site_key, batch_key, donor_key, doc, name_key, search) VALUES`,
			tail: `ON CONFLICT (id) DO UPDATE SET serial = excluded.serial, asset_tag = excluded.asset_tag,
			vendor = excluded.vendor, model = excluded.model, type = excluded.type, state = excluded.state,
			site = excluded.site, batch = excluded.batch, donor = excluded.donor, grade = excluded.grade,
			beneficiary = excluded.beneficiary, state_since = excluded.state_since,
			serial_key = excluded.serial_key, asset_key = excluded.asset_key,
			site_key = excluded.site_key, batch_key = excluded.batch_key, donor_key = excluded.donor_key,
			doc = excluded.doc, name = excluded.name, name_key = excluded.name_key, search = excluded.search,
			merged_into = excluded.merged_into, absorbed = excluded.absorbed`}
		defer b.discard()
		for _, id := range sortedKeys(p.dirtyUnits) {
			u := p.units[id]
			doc, err := json.Marshal(u.Unit)
			if err != nil {
				return err
			}
			if err := b.add(u.ID, u.IDYear, u.IDNum, u.Serial, u.AssetTag, u.Vendor, u.Model, u.Type,
				u.State, u.Site, u.Batch, u.Donor, u.Grade, u.Beneficiary, formatTime(u.ReceivedAt), formatTime(u.StateSince), u.Name, u.MergedInto, u.Absorbed,
				key(u.Serial), key(u.AssetTag), key(u.Site), key(u.Batch), key(u.Donor), string(doc),
				key(u.Name), searchText(u.Model, u.Vendor, u.Donor, u.Batch, u.Site, u.Serial, u.AssetTag, u.Name)); err != nil {
				return err
			}
		}
		if err := b.flush(); err != nil {
			return err
		}
	}
	if len(p.dirtyDisks) > 0 {
		b := &batcher{ctx: ctx, tx: tx, ncols: 12,
			head: `INSERT INTO unit_disks (` + diskColumns + `, serial_key) VALUES`,
			tail: `ON CONFLICT (unit_id, serial_key) DO UPDATE SET serial = excluded.serial, vendor = excluded.vendor,
			model = excluded.model, medium = excluded.medium, size_bytes = excluded.size_bytes,
			erasure = excluded.erasure, certificate_id = excluded.certificate_id,
			certificate_sha256 = excluded.certificate_sha256`}
		defer b.discard()
		keys := make([][2]string, 0, len(p.dirtyDisks))
		for k := range p.dirtyDisks {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i][0] != keys[j][0] {
				return keys[i][0] < keys[j][0]
			}
			return keys[i][1] < keys[j][1]
		})
		for _, k := range keys {
			d := p.disks[k[0]][k[1]]
			if err := b.add(d.UnitID, d.Serial, d.Vendor, d.Model, d.Medium, d.SizeBytes, d.Erasure,
				d.CertificateID, d.CertificateSHA256, formatTime(d.RecordedAt), d.Position, k[1]); err != nil {
				return err
			}
		}
		if err := b.flush(); err != nil {
			return err
		}
	}
	if len(p.dirtyWipes) > 0 {
		b := &batcher{ctx: ctx, tx: tx, ncols: 10,
			head: `INSERT INTO wipes (` + wipeColumns + `, disk_key) VALUES`,
			tail: `ON CONFLICT (start_event) DO UPDATE SET finished_at = excluded.finished_at,
			status = excluded.status, finish_event = excluded.finish_event`}
		defer b.discard()
		for _, id := range sortedKeys(p.dirtyWipes) {
			w := p.wipes[id]
			fin := ""
			if !w.FinishedAt.IsZero() {
				fin = formatTime(w.FinishedAt)
			}
			if err := b.add(w.StartEvent, w.UnitID, w.DiskSerial, w.Device, w.Method,
				formatTime(w.StartedAt), fin, w.Status, w.FinishEvent, key(w.DiskSerial)); err != nil {
				return err
			}
		}
		if err := b.flush(); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(p.dirtySites) {
		s := p.sites[k]
		if _, err := tx.ExecContext(ctx, `INSERT INTO sites (name_key, name, added_at) VALUES (?, ?, ?)
			ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, added_at = excluded.added_at`,
			k, s.Name, formatTime(s.AddedAt)); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(p.dirtyImages) {
		im := p.images[k]
		if _, err := tx.ExecContext(ctx, `INSERT INTO images (name_key, `+imageColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, path = excluded.path, os = excluded.os,
			version = excluded.version, edition = excluded.edition, bmap_path = excluded.bmap_path,
			size_bytes = excluded.size_bytes, image_bytes = excluded.image_bytes, sha256 = excluded.sha256,
			image_sha256 = excluded.image_sha256, added_at = excluded.added_at`,
			k, im.Name, im.Path, im.OS, im.Version, im.Edition, im.BmapPath, im.SizeBytes, im.ImageBytes,
			im.SHA256, im.ImageSHA256, formatTime(im.AddedAt)); err != nil {
			return err
		}
	}
	for _, id := range p.droppedHandovers {
		if _, err := tx.ExecContext(ctx, `DELETE FROM handovers WHERE event_id = ?`, id); err != nil {
			return err
		}
	}
	if len(p.handovers) > 0 {
		b := &batcher{ctx: ctx, tx: tx, ncols: 5, head: `INSERT INTO handovers (event_id, unit_id, site, beneficiary, at) VALUES`}
		defer b.discard()
		for _, h := range p.handovers {
			if err := b.add(h.EventID, h.UnitID, h.Site, h.Beneficiary, formatTime(h.At)); err != nil {
				return err
			}
		}
		if err := b.flush(); err != nil {
			return err
		}
	}
	if err := p.flushPaper(ctx, tx); err != nil {
		return err
	}
	if err := p.flushBenches(ctx, tx); err != nil {
		return err
	}
	if err := p.flushConflicts(ctx, tx); err != nil {
		return err
	}
	// Saved: a second flush in the same transaction writes nothing twice.
	p.dirtyUnits, p.dirtyDisks, p.dirtyWipes = map[string]bool{}, map[[2]string]bool{}, map[string]bool{}
	p.dirtySites, p.dirtyImages, p.handovers = map[string]bool{}, map[string]bool{}, nil
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// batcher inserts rows several at a time with multi-row VALUES (SQLite and
// PostgreSQL both take it): a rebuild writes 300,000 rows, and one
// statement per 32 rows costs far less than 32 statements.
type batcher struct {
	ctx        context.Context
	tx         *sql.Tx
	head, tail string // "INSERT INTO t (...) VALUES" and "ON CONFLICT ..." (or "")
	ncols      int
	rows       int // rows per full statement; batchRows when 0

	args []any
	full *sql.Stmt
}

const batchRows = 32

func (b *batcher) sql(rows int) string {
	one := "(" + strings.Repeat("?, ", b.ncols-1) + "?)"
	return b.head + " " + strings.Repeat(one+", ", rows-1) + one + " " + b.tail
}

func (b *batcher) add(vals ...any) error {
	b.args = append(b.args, vals...)
	rows := b.rows
	if rows == 0 {
		rows = batchRows
	}
	if len(b.args) < b.ncols*rows {
		return nil
	}
	if b.full == nil {
		st, err := b.tx.PrepareContext(b.ctx, b.sql(rows))
		if err != nil {
			return err
		}
		b.full = st
	}
	_, err := b.full.ExecContext(b.ctx, b.args...)
	b.args = b.args[:0]
	return err
}

// flush writes the rows still waiting.
func (b *batcher) flush() error {
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(b.ctx, b.sql(len(b.args)/b.ncols), b.args...)
	b.args = b.args[:0]
	return err
}

func (b *batcher) discard() {
	if b.full != nil {
		b.full.Close()
	}
}
