package inventory

import (
	"context"
	"fmt"
)

// AddImage adds an OS image to the catalogue; names are unique, ignoring case.
func (l *Ledger) AddImage(ctx context.Context, a Actor, img Image) error {
	var err error
	// A name a person types: checked for personal data like a site's.
	if img.Name, err = normalizeName(FieldImage, img.Name); err != nil {
		return err
	}
	if img.Name == "" {
		return newErr(ErrInvalidInput, "image.noname")
	}
	img.AddedAt = l.now().UTC()
	return l.write(ctx, a, func(w *writer) error {
		ex, err := w.p.image(ctx, img.Name)
		if err != nil {
			return err
		}
		if ex != nil {
			return newErr(ErrDuplicate, "image.exists", img.Name)
		}
		_, err = w.append(ctx, "", KindImageAdded, img)
		return err
	})
}

// Images lists the catalogue by name.
func (l *Ledger) Images(ctx context.Context) ([]Image, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT `+imageColumns+` FROM images ORDER BY name_key`)
	if err != nil {
		return nil, fmt.Errorf("images: %w", err)
	}
	defer rows.Close()
	out := []Image{}
	for rows.Next() {
		im, err := scanImage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// FindImage finds an image by name, ignoring case.
func (l *Ledger) FindImage(ctx context.Context, name string) (Image, error) {
	im, err := newProj(l.db).image(ctx, name)
	if err != nil {
		return Image{}, fmt.Errorf("image %q: %w", name, err)
	}
	if im == nil {
		return Image{}, newErr(ErrUnknownImage, "image.unknown", name)
	}
	return *im, nil
}
