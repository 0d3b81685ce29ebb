package inventory

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"
)

// Web accounts of the hub (issue 12). The account's creation and its
// disabling are events (who created whom, when); the password hash, the
// sessions and the login throttle live in tables of their own so that
// they never travel to the benches with the events.

// Account event kinds.
const (
	KindAccountAdded    = "account.added"
	KindAccountDisabled = "account.disabled"
	KindAccountEnabled  = "account.enabled"
	// KindAccountPassword records that a password was changed, and by
	// whom; the hash itself stays in the accounts table.
	KindAccountPassword = "account.password_changed"
)

// Roles of a web account.
const (
	RoleMDH       = "mdh"       // one site's staff: its units only
	RoleVolunteer = "volunteer" // every unit, the bench acts
	RoleAdmin     = "admin"     // manages accounts
)

// Sentinels of the web accounts.
var (
	ErrBadLogin  = errors.New("wrong login or password")
	ErrNoSession = errors.New("no valid session")
)

// Account is a web login. It holds no personal data beyond the login.
type Account struct {
	Login     string    `json:"login"`
	Site      string    `json:"site,omitempty"`
	Role      string    `json:"role"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
}

type accountPayload struct {
	Login string `json:"login"`
	Site  string `json:"site,omitempty"`
	Role  string `json:"role,omitempty"`
}

// NormalizeLogin checks a login: 2 to 40 of a-z, 0-9, '.', '_', '-' (case
// folded), not e-mail shaped, and no personal data as for an operator.
func NormalizeLogin(login string) (string, error) {
	s := strings.ToLower(strings.TrimSpace(login))
	if strings.Contains(s, "@") {
		return "", newErr(ErrInvalidInput, "account.email", login)
	}
	if len(s) < 2 || len(s) > 40 {
		return "", newErr(ErrInvalidInput, "account.login", login)
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return "", newErr(ErrInvalidInput, "account.login", login)
		}
	}
	if err := checkPersonalData(FieldLogin, s); err != nil {
		return "", err
	}
	return s, nil
}

// argon2id parameters (RFC 9106's second recommendation scaled to a small
// hub: 19 MiB, 2 passes). They are stored with each hash, so raising them
// later leaves old hashes readable.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns a PHC string: $argon2id$v=19$m=..,t=..,p=..$salt$hash.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	k := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(k)), nil
}

// checkPassword compares pw with a PHC string from HashPassword.
func checkPassword(phc, pw string) bool {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || p == 0 || t == 0 {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is compared against when the login is unknown, so that an
// unknown login takes as long as a wrong password. Made on first use, not
// at start: an argon2id hash costs 20 MB and tens of milliseconds, which
// every command (unit list, status...) paid for nothing.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("atelier-dummy")
	return h
})

// AddAccount creates an account; the creation is an event under a's name.
func (l *Ledger) AddAccount(ctx context.Context, a Actor, login, site, role, password string) (Account, error) {
	login, err := NormalizeLogin(login)
	if err != nil {
		return Account{}, err
	}
	switch role {
	case "":
		role = RoleMDH
	case RoleMDH, RoleVolunteer, RoleAdmin:
	default:
		return Account{}, newErr(ErrInvalidInput, "account.role", role)
	}
	if len(password) < 10 {
		return Account{}, newErr(ErrInvalidInput, "account.password")
	}
	if site, err = normalizeName(FieldSite, site); err != nil {
		return Account{}, err
	}
	if role == RoleMDH && site == "" {
		return Account{}, newErr(ErrInvalidInput, "account.nosite")
	}
	hash, err := HashPassword(password)
	if err != nil {
		return Account{}, err
	}
	var out Account
	err = l.write(ctx, a, func(w *writer) error {
		if site != "" {
			s, err := w.p.site(ctx, site)
			if err != nil {
				return err
			}
			if s == nil {
				return newErr(ErrUnknownSite, "site.unknown", site)
			}
			site = s.Name
		}
		var n int
		if err := w.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM accounts WHERE login_key = ?`, login).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return newErr(ErrDuplicate, "account.exists", login)
		}
		e, err := w.append(ctx, "", KindAccountAdded, accountPayload{Login: login, Site: site, Role: role})
		if err != nil {
			return err
		}
		_, err = w.tx.ExecContext(ctx, `INSERT INTO accounts (login_key, login, site, role, hash, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, login, login, site, role, hash, formatTime(e.At), w.operator)
		out = Account{Login: login, Site: site, Role: role, CreatedAt: e.At, CreatedBy: w.operator}
		return err
	})
	return out, err
}

// DisableAccount disables an account and ends its sessions at once.
func (l *Ledger) DisableAccount(ctx context.Context, a Actor, login string) error {
	k := strings.ToLower(strings.TrimSpace(login))
	return l.write(ctx, a, func(w *writer) error {
		var disabled bool
		err := w.tx.QueryRowContext(ctx, `SELECT disabled FROM accounts WHERE login_key = ?`, k).Scan(&disabled)
		if errors.Is(err, sql.ErrNoRows) {
			return newErr(ErrInvalidInput, "account.unknown", login)
		}
		if err != nil {
			return err
		}
		if disabled {
			return nil
		}
		if _, err := w.append(ctx, "", KindAccountDisabled, accountPayload{Login: k}); err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(ctx, `UPDATE accounts SET disabled = 1 WHERE login_key = ?`, k); err != nil {
			return err
		}
		_, err = w.tx.ExecContext(ctx, `DELETE FROM web_sessions WHERE login_key = ?`, k)
		return err
	})
}

// EnableAccount lets a disabled account log in again (its old sessions
// stay closed). Enabling an active account changes nothing.
func (l *Ledger) EnableAccount(ctx context.Context, a Actor, login string) error {
	k := strings.ToLower(strings.TrimSpace(login))
	return l.write(ctx, a, func(w *writer) error {
		disabled, err := w.accountDisabled(ctx, k, login)
		if err != nil || !disabled {
			return err
		}
		if _, err := w.append(ctx, "", KindAccountEnabled, accountPayload{Login: k}); err != nil {
			return err
		}
		_, err = w.tx.ExecContext(ctx, `UPDATE accounts SET disabled = 0 WHERE login_key = ?`, k)
		return err
	})
}

// SetPassword replaces an account's password. Its sessions are closed
// (whoever knew the old password may hold one) and its login's failed
// attempts forgotten, so that the new password works at once.
func (l *Ledger) SetPassword(ctx context.Context, a Actor, login, password string) error {
	k := strings.ToLower(strings.TrimSpace(login))
	if len(password) < 10 {
		return newErr(ErrInvalidInput, "account.password")
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return l.write(ctx, a, func(w *writer) error {
		if _, err := w.accountDisabled(ctx, k, login); err != nil {
			return err
		}
		if _, err := w.append(ctx, "", KindAccountPassword, accountPayload{Login: k}); err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(ctx, `UPDATE accounts SET hash = ? WHERE login_key = ?`, hash, k); err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM web_sessions WHERE login_key = ?`, k); err != nil {
			return err
		}
		_, err := w.tx.ExecContext(ctx, `DELETE FROM web_throttle WHERE key = ?`, "login:"+k)
		return err
	})
}

// accountDisabled says whether the account k exists disabled; an unknown
// one is an error naming login as typed.
func (w *writer) accountDisabled(ctx context.Context, k, login string) (bool, error) {
	var disabled bool
	err := w.tx.QueryRowContext(ctx, `SELECT disabled FROM accounts WHERE login_key = ?`, k).Scan(&disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return false, newErr(ErrInvalidInput, "account.unknown", login)
	}
	return disabled, err
}

const accountCols = `login, site, role, disabled, created_at, created_by`

func scanAccount(s interface{ Scan(...any) error }) (Account, error) {
	var a Account
	var at string
	err := s.Scan(&a.Login, &a.Site, &a.Role, &a.Disabled, &at, &a.CreatedBy)
	a.CreatedAt = parseTime(at)
	return a, err
}

// Accounts lists the accounts by login.
func (l *Ledger) Accounts(ctx context.Context) ([]Account, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT `+accountCols+` FROM accounts ORDER BY login_key`)
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	defer rows.Close()
	out := []Account{}
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CheckLogin returns the enabled account whose password is pw. Unknown
// login, wrong password and disabled account all give ErrBadLogin, after
// the same hashing work.
func (l *Ledger) CheckLogin(ctx context.Context, login, pw string) (Account, error) {
	k := strings.ToLower(strings.TrimSpace(login))
	var hash string
	row := l.db.QueryRowContext(ctx, `SELECT `+accountCols+`, hash FROM accounts WHERE login_key = ?`, k)
	var a Account
	var at string
	err := row.Scan(&a.Login, &a.Site, &a.Role, &a.Disabled, &at, &a.CreatedBy, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		checkPassword(dummyHash(), pw)
		return Account{}, newErr(ErrBadLogin, "account.badlogin")
	}
	if err != nil {
		return Account{}, fmt.Errorf("accounts: %w", err)
	}
	a.CreatedAt = parseTime(at)
	if !checkPassword(hash, pw) || a.Disabled {
		return Account{}, newErr(ErrBadLogin, "account.badlogin")
	}
	return a, nil
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func sessionKey(id string) string {
	s := sha256.Sum256([]byte(id))
	return hex.EncodeToString(s[:])
}

// NewSession opens a session for an account until now+ttl: the cookie
// value (32 random bytes) and the session's CSRF token. Only the cookie's
// sha256 is stored.
func (l *Ledger) NewSession(ctx context.Context, login string, now time.Time, ttl time.Duration) (id, csrf string, err error) {
	if id, err = randomHex(32); err != nil {
		return "", "", err
	}
	if csrf, err = randomHex(32); err != nil {
		return "", "", err
	}
	_, err = l.db.ExecContext(ctx, `INSERT INTO web_sessions (id_hash, login_key, csrf, expires_at) VALUES (?, ?, ?, ?)`,
		sessionKey(id), strings.ToLower(login), csrf, formatTime(now.Add(ttl)))
	if err != nil {
		return "", "", fmt.Errorf("session: %w", err)
	}
	return id, csrf, nil
}

// Session returns the account of a live session and its CSRF token. An
// unknown or expired session, or one of a disabled account, is ErrNoSession.
func (l *Ledger) Session(ctx context.Context, id string, now time.Time) (Account, string, error) {
	if id == "" {
		return Account{}, "", newErr(ErrNoSession, "account.nosession")
	}
	row := l.db.QueryRowContext(ctx, `SELECT a.login, a.site, a.role, a.disabled, a.created_at, a.created_by, s.csrf, s.expires_at
		FROM web_sessions s JOIN accounts a ON a.login_key = s.login_key WHERE s.id_hash = ?`, sessionKey(id))
	var a Account
	var at, csrf, exp string
	err := row.Scan(&a.Login, &a.Site, &a.Role, &a.Disabled, &at, &a.CreatedBy, &csrf, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return Account{}, "", newErr(ErrNoSession, "account.nosession")
	}
	if err != nil {
		return Account{}, "", fmt.Errorf("session: %w", err)
	}
	if a.Disabled || !now.Before(parseTime(exp)) {
		return Account{}, "", newErr(ErrNoSession, "account.nosession")
	}
	a.CreatedAt = parseTime(at)
	return a, csrf, nil
}

// EndSession forgets a session (logout), and any expired one with it.
func (l *Ledger) EndSession(ctx context.Context, id string, now time.Time) error {
	_, err := l.db.ExecContext(ctx, `DELETE FROM web_sessions WHERE id_hash = ? OR expires_at < ?`, sessionKey(id), formatTime(now))
	return err
}

// Throttle of failed logins: after ThrottleFailures failures of one key (a
// login, an address) within ThrottleWindow, that key waits until the
// window after its last failure has passed.
const (
	ThrottleFailures = 10
	ThrottleWindow   = 15 * time.Minute
)

// ThrottleWait says how long any of keys must still wait (0: may try).
func (l *Ledger) ThrottleWait(ctx context.Context, now time.Time, keys ...string) (time.Duration, error) {
	var wait time.Duration
	for _, k := range keys {
		var n int
		var last string
		err := l.db.QueryRowContext(ctx, `SELECT failures, last_at FROM web_throttle WHERE key = ?`, k).Scan(&n, &last)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("throttle: %w", err)
		}
		if until := parseTime(last).Add(ThrottleWindow); n >= ThrottleFailures && now.Before(until) {
			wait = max(wait, until.Sub(now))
		}
	}
	return wait, nil
}

// ThrottleFail counts one failure for each key; a failure after a quiet
// window starts the count again.
func (l *Ledger) ThrottleFail(ctx context.Context, now time.Time, keys ...string) error {
	for _, k := range keys {
		_, err := l.db.ExecContext(ctx, `INSERT INTO web_throttle (key, failures, last_at) VALUES (?, 1, ?)
			ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN last_at < ? THEN 1 ELSE failures + 1 END, last_at = excluded.last_at`,
			k, formatTime(now), formatTime(now.Add(-ThrottleWindow)))
		if err != nil {
			return fmt.Errorf("throttle: %w", err)
		}
	}
	return nil
}

// ThrottleReset forgets a key's failures (a successful login).
func (l *Ledger) ThrottleReset(ctx context.Context, key string) error {
	_, err := l.db.ExecContext(ctx, `DELETE FROM web_throttle WHERE key = ?`, key)
	return err
}
