package inventory

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
)

// flush saves every changed projection row. Upserts (ON CONFLICT) are
// understood by SQLite and PostgreSQL alike.
func (p *proj) flush(ctx context.Context, tx *sql.Tx) error {
	if len(p.dirtyUnits) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO units (`+unitColumns+`, serial_key, asset_key, site_key, batch_key, donor_key, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET serial = excluded.serial, asset_tag = excluded.asset_tag,
			vendor = excluded.vendor, model = excluded.model, type = excluded.type, state = excluded.state,
			site = excluded.site, batch = excluded.batch, donor = excluded.donor, grade = excluded.grade,
			beneficiary = excluded.beneficiary, state_since = excluded.state_since,
			serial_key = excluded.serial_key, asset_key = excluded.asset_key,
			site_key = excluded.site_key, batch_key = excluded.batch_key, donor_key = excluded.donor_key,
			doc = excluded.doc`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range sortedKeys(p.dirtyUnits) {
			u := p.units[id]
			doc, err := json.Marshal(u.Unit)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, u.ID, u.IDYear, u.IDNum, u.Serial, u.AssetTag, u.Vendor, u.Model, u.Type,
				u.State, u.Site, u.Batch, u.Donor, u.Grade, u.Beneficiary, formatTime(u.ReceivedAt), formatTime(u.StateSince),
				key(u.Serial), key(u.AssetTag), key(u.Site), key(u.Batch), key(u.Donor), string(doc)); err != nil {
				return err
			}
		}
	}
	if len(p.dirtyDisks) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO unit_disks (`+diskColumns+`, serial_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (unit_id, serial_key) DO UPDATE SET serial = excluded.serial, vendor = excluded.vendor,
			model = excluded.model, medium = excluded.medium, size_bytes = excluded.size_bytes,
			erasure = excluded.erasure, certificate_id = excluded.certificate_id,
			certificate_sha256 = excluded.certificate_sha256`)
		if err != nil {
			return err
		}
		defer st.Close()
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
			if _, err := st.ExecContext(ctx, d.UnitID, d.Serial, d.Vendor, d.Model, d.Medium, d.SizeBytes, d.Erasure,
				d.CertificateID, d.CertificateSHA256, formatTime(d.RecordedAt), d.Position, k[1]); err != nil {
				return err
			}
		}
	}
	if len(p.dirtyWipes) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO wipes (`+wipeColumns+`, disk_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (start_event) DO UPDATE SET finished_at = excluded.finished_at,
			status = excluded.status, finish_event = excluded.finish_event`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range sortedKeys(p.dirtyWipes) {
			w := p.wipes[id]
			fin := ""
			if !w.FinishedAt.IsZero() {
				fin = formatTime(w.FinishedAt)
			}
			if _, err := st.ExecContext(ctx, w.StartEvent, w.UnitID, w.DiskSerial, w.Device, w.Method,
				formatTime(w.StartedAt), fin, w.Status, w.FinishEvent, key(w.DiskSerial)); err != nil {
				return err
			}
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
	if len(p.handovers) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO handovers (event_id, unit_id, site, beneficiary, at) VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, h := range p.handovers {
			if _, err := st.ExecContext(ctx, h.EventID, h.UnitID, h.Site, h.Beneficiary, formatTime(h.At)); err != nil {
				return err
			}
		}
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
