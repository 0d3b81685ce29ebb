package inventory

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// A sticker token is what a unit's QR label carries when the association has
// a hub: HUB/s/TOKEN opens the unit's public page. It must be unguessable
// (128 bits from crypto/rand), so that nobody walks through the units by
// counting; opaque (it says nothing about the unit); one valid token per unit;
// revocable (a sticker torn off a PC given away is revoked, and a new one
// printed). It is issued as a ledger event, so every bench and the hub know
// it after a sync.

// ErrUnknownToken: a sticker token that is malformed, unknown or revoked
// (the three look alike from outside), or a unit without one.
var ErrUnknownToken = errors.New("unknown sticker token")

// tokenBytes is the token's entropy: 16 bytes, 128 bits.
const tokenBytes = 16

// tokenEncoding is lower-case base32 without padding: 26 characters, no
// look-alike case pairs, safe in a URL path.
var tokenEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// tokenLen is the length of an encoded token.
var tokenLen = tokenEncoding.EncodedLen(tokenBytes)

// Sticker is a unit's current sticker token.
type Sticker struct {
	UnitID   string    `json:"unit_id"`
	Token    string    `json:"token"`
	IssuedAt time.Time `json:"issued_at"`
	New      bool      `json:"new,omitempty"` // issued by this call
}

// newToken draws a fresh token.
func newToken() (string, error) {
	b := make([]byte, tokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("sticker token: %w", err)
	}
	return tokenEncoding.EncodeToString(b), nil
}

// NormalizeToken reads a token as typed or scanned: case and surrounding
// spaces are ignored. ok is false for anything that cannot be a token.
func NormalizeToken(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) != tokenLen {
		return "", false
	}
	b, err := tokenEncoding.DecodeString(s)
	if err != nil || len(b) != tokenBytes || tokenEncoding.EncodeToString(b) != s {
		return "", false
	}
	return s, true
}

// UnitByToken is the hub's lookup for /s/TOKEN: the unit a valid token
// belongs to. A malformed, unknown or revoked token gets the same error,
// so an answer tells nothing about which tokens ever existed.
func (l *Ledger) UnitByToken(ctx context.Context, token string) (Unit, error) {
	t, ok := NormalizeToken(token)
	if !ok {
		return Unit{}, newErr(ErrUnknownToken, "sticker.unknown")
	}
	var doc []byte
	err := l.db.QueryRowContext(ctx, `SELECT u.doc FROM stickers s JOIN units u ON u.id = s.unit_id
		WHERE s.token = ? AND s.revoked_at = ''`, t).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return Unit{}, newErr(ErrUnknownToken, "sticker.unknown")
	}
	if err != nil {
		return Unit{}, fmt.Errorf("sticker: %w", err)
	}
	var u Unit
	if err := json.Unmarshal(doc, &u); err != nil {
		return Unit{}, fmt.Errorf("sticker: %w", err)
	}
	return u, nil
}

// StickerOf is the unit's valid token; ok is false when it has none.
func (l *Ledger) StickerOf(ctx context.Context, ref string) (Sticker, bool, error) {
	u, err := findUnit(ctx, l.db, ref)
	if err != nil {
		return Sticker{}, false, err
	}
	return currentSticker(ctx, l.db, u.ID)
}

func currentSticker(ctx context.Context, q querier, unitID string) (Sticker, bool, error) {
	var s Sticker
	var at string
	err := q.QueryRowContext(ctx, `SELECT unit_id, token, issued_at FROM stickers
		WHERE unit_id = ? AND revoked_at = '' ORDER BY issued_at DESC LIMIT 1`, unitID).Scan(&s.UnitID, &s.Token, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Sticker{}, false, nil
	}
	if err != nil {
		return Sticker{}, false, fmt.Errorf("sticker of %s: %w", unitID, err)
	}
	s.IssuedAt = parseTime(at)
	return s, true, nil
}

// EnsureStickers gives every unit named a valid token, issuing the missing
// ones in one transaction (all or none), and returns them in the order
// asked. When every unit already has one nothing is written, so printing
// labels again needs no operator.
func (l *Ledger) EnsureStickers(ctx context.Context, a Actor, unitIDs []string) ([]Sticker, error) {
	// One read of every valid token, not a query per unit: labels for a
	// whole stock (100,000 units) are asked for at once.
	have, err := currentStickers(ctx, l.db)
	if err != nil {
		return nil, err
	}
	out := make([]Sticker, len(unitIDs))
	missing := false
	for i, id := range unitIDs {
		s, ok := have[id]
		out[i], missing = s, missing || !ok
	}
	if !missing {
		return out, nil
	}
	err = l.write(ctx, a, func(w *writer) error {
		have, err := currentStickers(ctx, w.tx)
		if err != nil {
			return err
		}
		for i, id := range unitIDs {
			if s, ok := have[id]; ok {
				out[i] = s
				continue
			}
			u, err := w.findUnit(ctx, id)
			if err != nil {
				return err
			}
			s, ok := have[u.ID]
			if !ok {
				// Issued earlier in this write (an id named twice)?
				if s, ok, err = w.sticker(ctx, u.ID); err != nil {
					return err
				}
			}
			if !ok {
				if s, err = w.issueSticker(ctx, u.ID); err != nil {
					return err
				}
			}
			out[i] = s
		}
		return nil
	})
	return out, err
}

// currentStickers is every unit's valid token, by unit id.
func currentStickers(ctx context.Context, q querier) (map[string]Sticker, error) {
	rows, err := q.QueryContext(ctx, `SELECT unit_id, token, issued_at FROM stickers WHERE revoked_at = '' ORDER BY issued_at`)
	if err != nil {
		return nil, fmt.Errorf("stickers: %w", err)
	}
	defer rows.Close()
	out := map[string]Sticker{}
	for rows.Next() {
		var s Sticker
		var at string
		if err := rows.Scan(&s.UnitID, &s.Token, &at); err != nil {
			return nil, fmt.Errorf("stickers: %w", err)
		}
		s.IssuedAt = parseTime(at)
		out[s.UnitID] = s // the latest wins, as in currentSticker
	}
	return out, rows.Err()
}

// RenewSticker revokes the unit's token, if any, and issues a new one: for
// a lost or damaged sticker whose old QR code must stop answering.
func (l *Ledger) RenewSticker(ctx context.Context, a Actor, ref, reason string) (Sticker, error) {
	var out Sticker
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, ref)
		if err != nil {
			return err
		}
		if err := w.revokeSticker(ctx, u.ID, reason); err != nil && !errors.Is(err, ErrUnknownToken) {
			return err
		}
		out, err = w.issueSticker(ctx, u.ID)
		return err
	})
	return out, err
}

// RevokeSticker makes the unit's token answer like an unknown one, without
// issuing another.
func (l *Ledger) RevokeSticker(ctx context.Context, a Actor, ref, reason string) (Unit, error) {
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, ref)
		if err != nil {
			return err
		}
		out = u.Unit
		return w.revokeSticker(ctx, u.ID, reason)
	})
	return out, err
}

// sticker is the unit's valid token inside a write: tokens issued earlier
// in the same transaction count.
func (w *writer) sticker(ctx context.Context, unitID string) (Sticker, bool, error) {
	pp := w.p.paperState()
	if t, ok := pp.issuedTo[unitID]; ok {
		if r := pp.stickers[t]; r != nil && r.RevokedAt.IsZero() {
			return Sticker{UnitID: unitID, Token: r.Token, IssuedAt: r.IssuedAt}, true, nil
		}
	}
	s, ok, err := currentSticker(ctx, w.tx, unitID)
	if err != nil || !ok {
		return s, ok, err
	}
	if r, err := pp.sticker(ctx, s.Token); err != nil || (r != nil && !r.RevokedAt.IsZero()) {
		return Sticker{}, false, err
	}
	return s, true, nil
}

func (w *writer) issueSticker(ctx context.Context, unitID string) (Sticker, error) {
	tok, err := newToken()
	if err != nil {
		return Sticker{}, err
	}
	e, err := w.append(ctx, unitID, KindStickerIssued, stickerPayload{Token: tok})
	if err != nil {
		return Sticker{}, err
	}
	return Sticker{UnitID: unitID, Token: tok, IssuedAt: e.At, New: true}, nil
}

func (w *writer) revokeSticker(ctx context.Context, unitID, reason string) error {
	reason, err := CheckText(FieldReason, reason)
	if err != nil {
		return err
	}
	s, ok, err := w.sticker(ctx, unitID)
	if err != nil {
		return err
	}
	if !ok {
		return newErr(ErrUnknownToken, "sticker.none", unitID)
	}
	_, err = w.append(ctx, unitID, KindStickerRevoked, stickerPayload{Token: s.Token, Reason: reason})
	return err
}
