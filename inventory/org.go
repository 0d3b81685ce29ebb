package inventory

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Org is the association's identity, printed on every document it hands
// out (certificates, proof packs, receipts, labels, reports).
type Org struct {
	Name    string `json:"name"`
	Address string `json:"address"`           // lines separated by "\n"
	SIRET   string `json:"siret,omitempty"`   // 14 digits, no spaces
	HubURL  string `json:"hub_url,omitempty"` // e.g. https://hub.pcsolidaire.org, no trailing slash
	// Logo is a PNG; LogoSHA256 names it in JSON output without the bytes.
	Logo       []byte    `json:"-"`
	LogoSHA256 string    `json:"logo_sha256,omitempty"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// OrgChange is what `org set` changes: nil fields keep their value, an
// empty string (or empty logo) removes an optional one.
type OrgChange struct {
	Name, Address, SIRET, HubURL *string
	Logo                         *[]byte
}

// Limits on the identity, so that it fits the header of an A4 page.
const (
	orgNameMax    = 120
	orgAddressMax = 300
	orgLinesMax   = 4
	orgLogoMax    = 512 << 10 // bytes
	orgLogoPixels = 4000      // per side
)

// Org returns the association's identity; ok is false before any org set.
func (l *Ledger) Org(ctx context.Context) (Org, bool, error) {
	return loadOrg(ctx, l.db)
}

func loadOrg(ctx context.Context, q querier) (Org, bool, error) {
	var doc, at string
	err := q.QueryRowContext(ctx, `SELECT doc, updated_at FROM org WHERE id = 1`).Scan(&doc, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Org{}, false, nil
	}
	if err != nil {
		return Org{}, false, fmt.Errorf("org: %w", err)
	}
	var pl orgPayload
	if err := json.Unmarshal([]byte(doc), &pl); err != nil {
		return Org{}, false, fmt.Errorf("org: %w", err)
	}
	return orgFromPayload(pl, parseTime(at)), true, nil
}

func orgFromPayload(pl orgPayload, at time.Time) Org {
	o := Org{Name: pl.Name, Address: pl.Address, SIRET: pl.SIRET, HubURL: pl.HubURL, Logo: pl.Logo, UpdatedAt: at}
	if len(pl.Logo) > 0 {
		sum := sha256.Sum256(pl.Logo)
		o.LogoSHA256 = hex.EncodeToString(sum[:])
	}
	return o
}

// SetOrg applies ch to the identity and records it whole ("org.set"), so
// the last such event alone says who the association is. Nothing is
// written when nothing changes; changed reports whether an event was.
func (l *Ledger) SetOrg(ctx context.Context, a Actor, ch OrgChange) (out Org, changed bool, err error) {
	err = l.write(ctx, a, func(w *writer) error {
		cur, _, err := loadOrg(ctx, w.tx)
		if err != nil {
			return err
		}
		pl, err := mergeOrg(orgPayload{Name: cur.Name, Address: cur.Address, SIRET: cur.SIRET, HubURL: cur.HubURL, Logo: cur.Logo}, ch)
		if err != nil {
			return err
		}
		before, _ := json.Marshal(orgPayload{Name: cur.Name, Address: cur.Address, SIRET: cur.SIRET, HubURL: cur.HubURL, Logo: cur.Logo})
		after, _ := json.Marshal(pl)
		if bytes.Equal(before, after) {
			out = cur
			return nil
		}
		e, err := w.append(ctx, "", KindOrgSet, pl)
		if err != nil {
			return err
		}
		out, changed = orgFromPayload(pl, e.At), true
		return nil
	})
	return out, changed, err
}

// mergeOrg applies ch to cur and checks the result.
func mergeOrg(cur orgPayload, ch OrgChange) (orgPayload, error) {
	if ch.Name != nil {
		cur.Name = strings.Join(strings.Fields(*ch.Name), " ")
	}
	if ch.Address != nil {
		cur.Address = cleanAddress(*ch.Address)
	}
	if ch.SIRET != nil {
		cur.SIRET = strings.Join(strings.Fields(*ch.SIRET), "")
	}
	if ch.HubURL != nil {
		cur.HubURL = strings.TrimSpace(*ch.HubURL)
	}
	if ch.Logo != nil {
		cur.Logo = stripPNG(*ch.Logo)
	}
	return cur, checkOrg(&cur)
}

// cleanAddress keeps the lines of an address, each with single spaces.
func cleanAddress(s string) string {
	var lines []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

func checkOrg(o *orgPayload) error {
	switch {
	case o.Name == "":
		return newErr(ErrInvalidInput, "org.noname")
	case o.Address == "":
		return newErr(ErrInvalidInput, "org.noaddress")
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{{"--name", o.Name, orgNameMax}, {"--address", o.Address, orgAddressMax}} {
		if utf8.RuneCountInString(f.value) > f.max {
			return newErr(ErrInvalidInput, "org.toolong", f.field, f.max)
		}
		for _, r := range f.value {
			if unicode.IsControl(r) && r != '\n' {
				return newErr(ErrInvalidInput, "org.control", f.field)
			}
		}
	}
	if strings.Count(o.Address, "\n") >= orgLinesMax {
		return newErr(ErrInvalidInput, "org.lines", orgLinesMax)
	}
	if o.SIRET != "" && !ValidSIRET(o.SIRET) {
		return newErr(ErrInvalidInput, "org.siret", o.SIRET)
	}
	if o.HubURL != "" {
		u, err := NormalizeHubURL(o.HubURL)
		if err != nil {
			return err
		}
		o.HubURL = u
	}
	if len(o.Logo) > 0 {
		if err := checkLogo(o.Logo); err != nil {
			return err
		}
	} else {
		o.Logo = nil
	}
	return nil
}

// ValidSIRET checks a SIRET: 14 digits with a valid Luhn key (INSEE); La
// Poste's establishments (SIREN 356000000) may instead have digits summing
// to a multiple of 5.
func ValidSIRET(s string) bool {
	if len(s) != 14 {
		return false
	}
	sum, plain := 0, 0
	for i := 0; i < 14; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		plain += d
		if i%2 == 0 { // from the left, every other digit is doubled (14 digits: even positions)
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0 || (strings.HasPrefix(s, "356000000") && plain%5 == 0)
}

// NormalizeHubURL checks a hub address: http or https, a host, no user,
// query or fragment; the trailing slash is dropped so that "/s/TOKEN" can
// be appended.
func NormalizeHubURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
		u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, " \t\n") {
		return "", newErr(ErrInvalidInput, "org.huburl", s)
	}
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if strings.EqualFold(seg, "s") { // a sticker's page (/s/TOKEN): its QR codes would all be dead
			return "", newErr(ErrInvalidInput, "org.huburl.sticker", s)
		}
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	return strings.TrimRight(u.String(), "/"), nil
}

// checkLogo accepts a PNG of reasonable size: it is stored in the ledger
// and embedded in every document.
func checkLogo(b []byte) error {
	if len(b) > orgLogoMax {
		return newErr(ErrInvalidInput, "org.logo.size", len(b)>>10, orgLogoMax>>10)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return newErr(ErrInvalidInput, "org.logo.png")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > orgLogoPixels || cfg.Height > orgLogoPixels {
		return newErr(ErrInvalidInput, "org.logo.pixels", cfg.Width, cfg.Height, orgLogoPixels)
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		return newErr(ErrInvalidInput, "org.logo.png")
	}
	return nil
}

// stripPNG keeps the chunks a logo needs to be drawn (header, palette,
// transparency, image data, end) and drops the others: text, EXIF, ICC
// and time chunks carry what the tool that made the file wrote (an
// author's name and e-mail address, a phone's GPS position), and the logo
// is kept forever in the org.set event. Bytes that are not a well-formed
// chunk list are returned as they are, for checkLogo to refuse.
func stripPNG(b []byte) []byte {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(b) < len(sig) || string(b[:len(sig)]) != sig {
		return b
	}
	out := append(make([]byte, 0, len(b)), b[:len(sig)]...)
	for i := len(sig); i < len(b); {
		if len(b)-i < 12 {
			return b
		}
		n := binary.BigEndian.Uint32(b[i:])
		if uint64(n) > uint64(len(b)-i-12) {
			return b
		}
		end := i + 12 + int(n)
		switch string(b[i+4 : i+8]) {
		case "IHDR", "PLTE", "tRNS", "IDAT", "IEND":
			out = append(out, b[i:end]...)
		}
		i = end
	}
	return out
}

// StickerURL is what a unit's QR code holds: the hub's public page for its
// token when the association has a hub, the unit id otherwise.
func (o Org) StickerURL(unitID, token string) string {
	if o.HubURL == "" || token == "" {
		return unitID
	}
	return o.HubURL + "/s/" + token
}
