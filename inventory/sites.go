package inventory

import (
	"context"
	"fmt"
)

// AddSite adds a place units are reserved for and handed over at.
func (l *Ledger) AddSite(ctx context.Context, a Actor, name string) (Site, error) {
	name, err := normalizeName(FieldSite, name)
	if err != nil {
		return Site{}, err
	}
	if name == "" {
		return Site{}, newErr(ErrInvalidInput, "site.noname")
	}
	var out Site
	err = l.write(ctx, a, func(w *writer) error {
		ex, err := w.p.site(ctx, name)
		if err != nil {
			return err
		}
		if ex != nil {
			return newErr(ErrDuplicate, "site.exists", ex.Name)
		}
		if _, err := w.append(ctx, "", KindSiteAdded, sitePayload{Name: name}); err != nil {
			return err
		}
		out = *w.p.sites[key(name)]
		return nil
	})
	return out, err
}

// Sites lists the sites by name.
func (l *Ledger) Sites(ctx context.Context) ([]Site, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT name, added_at FROM sites ORDER BY name_key`)
	if err != nil {
		return nil, fmt.Errorf("sites: %w", err)
	}
	defer rows.Close()
	out := []Site{}
	for rows.Next() {
		var s Site
		var at string
		if err := rows.Scan(&s.Name, &at); err != nil {
			return nil, err
		}
		s.AddedAt = parseTime(at)
		out = append(out, s)
	}
	return out, rows.Err()
}
