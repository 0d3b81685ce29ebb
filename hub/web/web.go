// Package web is the hub's pages for the community centres (issue 12):
// MDH staff log in, see the units reserved for their site and those they
// handed over, record a handover or a return; a QR sticker opens a public
// page about one unit. Plain server-rendered HTML (html/template, embedded,
// no script at all), French first.
//
// Decisions, in short:
//   - An MDH account sees its own site's units only; any other unit answers
//     exactly as a unit that does not exist (same status, same body).
//   - Sessions are random 256-bit ids in an HttpOnly, SameSite=Strict cookie
//     (Secure under TLS), stored server-side by their sha256 in the ledger
//     file: a restart keeps them until they expire (12 hours); disabling an
//     account closes them at once.
//   - Every form carries a CSRF token (the session's; before login, a
//     double-submit cookie). The JSON API wants the token in X-CSRF-Token
//     for a write, or a bench key (Options.APIAuth).
//   - Failed logins are counted per login and per address in the ledger
//     file (10 failures → 15 minutes of wait), so a restart keeps them.
package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

//go:embed templates/*.html static/*
var files embed.FS

// Stickers finds the unit a sticker token belongs to; a malformed, unknown
// or revoked token is an error (any error: they all answer alike).
// *inventory.Ledger provides it (the default).
type Stickers interface {
	UnitByToken(ctx context.Context, token string) (inventory.Unit, error)
}

// Sessions keeps the web sessions and the login throttle. *inventory.Ledger
// provides it (tables of the ledger file, so a restart keeps both); several
// serve processes on one PostgreSQL ledger share them through the same
// methods. The handler touches sessions and the throttle only through it.
type Sessions interface {
	NewSession(ctx context.Context, login string, now time.Time, ttl time.Duration) (id, csrf string, err error)
	// Session is the live session's account and CSRF token; an unknown,
	// expired or disabled account's session is inventory.ErrNoSession.
	Session(ctx context.Context, id string, now time.Time) (inventory.Account, string, error)
	EndSession(ctx context.Context, id string, now time.Time) error
	ThrottleWait(ctx context.Context, now time.Time, keys ...string) (time.Duration, error)
	ThrottleFail(ctx context.Context, now time.Time, keys ...string) error
	ThrottleReset(ctx context.Context, key string) error
}

// Options tune the handler.
type Options struct {
	// Sessions stores sessions and the throttle; nil is the ledger's.
	Sessions Sessions
	// Stickers resolves /s/TOKEN; nil is the ledger's own tokens.
	Stickers Stickers
	// Secure marks the cookies Secure (the hub serves TLS).
	Secure bool
	// APIAuth authenticates a script by a bench key (hub.Authenticate); ok
	// gives it the volunteer's rights under the returned name. Nil: the API
	// takes sessions only.
	APIAuth func(r *http.Request) (name string, ok bool)
	// TrustProxy: the hub sits behind a reverse proxy on the same machine
	// (TLS ends there), so the peer address is the proxy's; a login is then
	// throttled by the client address the proxy appends to X-Forwarded-For.
	TrustProxy bool
	// Now is the clock (tests); nil is time.Now.
	Now func() time.Time
	// SessionTTL is how long a session lives; 0 is 12 hours.
	SessionTTL time.Duration
	// Log receives one line per refusal worth knowing (never a password).
	Log *slog.Logger
}

// Handler serves the pages and the JSON API.
type Handler struct {
	l     *inventory.Ledger
	o     Options
	pages map[string]*template.Template
	mux   *http.ServeMux
}

const (
	sessionCookie = "atelier_session"
	preCSRFCookie = "atelier_login_csrf"
)

// New returns the handler the hub mounts at "/".
func New(l *inventory.Ledger, o Options) (*Handler, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Stickers == nil {
		o.Stickers = l
	}
	if o.Sessions == nil {
		o.Sessions = l
	}
	if o.SessionTTL == 0 {
		o.SessionTTL = 12 * time.Hour
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	h := &Handler{l: l, o: o, pages: pages, mux: http.NewServeMux()}
	h.routes()
	return h, nil
}

func (h *Handler) routes() {
	m := h.mux
	m.Handle("GET /static/", http.FileServerFS(files))
	m.HandleFunc("GET /login", h.loginPage)
	m.HandleFunc("POST /login", h.login)
	m.HandleFunc("POST /logout", h.logout)
	m.HandleFunc("GET /{$}", h.home)
	m.HandleFunc("GET /u/{id}", h.unitPage)
	m.HandleFunc("POST /u/{id}/handover", h.handover)
	m.HandleFunc("POST /u/{id}/returned", h.returned)
	m.HandleFunc("GET /s/{token}", h.sticker)
	m.HandleFunc("GET /accounts", h.accountsPage)
	m.HandleFunc("POST /accounts/{login}/disable", h.accountAct)
	m.HandleFunc("POST /accounts/{login}/enable", h.accountAct)
	m.HandleFunc("GET /api/units", h.apiList)
	m.HandleFunc("GET /api/units/{id}", h.apiUnit)
	m.HandleFunc("POST /api/units/{id}/handover", h.apiHandover)
	m.HandleFunc("POST /api/units/{id}/returned", h.apiReturned)
	m.HandleFunc("/", h.notFound)
}

// ServeHTTP sets the security headers on every answer.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Cache-Control", "no-store")
	if h.o.Secure {
		hd.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if r.Body != nil && r.Method != http.MethodGet && r.Method != http.MethodHead {
		// Every form and API body here is a few hundred bytes; Go would
		// otherwise parse up to 10 MB of a form on every request.
		if r.ContentLength > maxBody {
			h.tooLarge(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	}
	h.mux.ServeHTTP(w, r)
}

// maxBody bounds a request body (a form, an API call).
const maxBody = 64 << 10

func (h *Handler) tooLarge(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Connection", "close")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		apiError(w, http.StatusRequestEntityTooLarge, langOf(r).T("web.toolarge"))
		return
	}
	p := h.newPage(r, nil, "web.forbidden.title")
	p.Error = p.T("web.toolarge")
	h.render(w, http.StatusRequestEntityTooLarge, "notfound", p)
}

// langOf reads Accept-Language: the first of fr or en the browser names
// (in its order of preference), French otherwise.
func langOf(r *http.Request) i18n.Lang {
	best, bestQ := i18n.FR, -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		tag = strings.ToLower(tag)
		var l i18n.Lang
		switch {
		case tag == "fr" || strings.HasPrefix(tag, "fr-"):
			l = i18n.FR
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			l = i18n.EN
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// session is the logged-in account of a request, if any.
type session struct {
	acc  inventory.Account
	csrf string
	id   string
}

func (h *Handler) session(r *http.Request) (*session, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil, false
	}
	acc, csrf, err := h.o.Sessions.Session(r.Context(), c.Value, h.o.Now())
	if err != nil {
		if !errors.Is(err, inventory.ErrNoSession) {
			h.o.Log.Error("session", "err", err)
		}
		return nil, false
	}
	return &session{acc: acc, csrf: csrf, id: c.Value}, true
}

func (h *Handler) setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: h.o.Secure, SameSite: http.SameSiteStrictMode})
}

func sameToken(a, b string) bool {
	return a != "" && len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// clientAddr is the address a login is throttled by: the peer's IP, or
// behind a trusted proxy on loopback the last address the proxy added to
// X-Forwarded-For (the ones before it are the client's own claims).
func (h *Handler) clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip := net.ParseIP(host); h.o.TrustProxy && ip != nil && ip.IsLoopback() {
		fwd := r.Header.Values("X-Forwarded-For")
		if len(fwd) > 0 {
			parts := strings.Split(fwd[len(fwd)-1], ",")
			if last := strings.TrimSpace(parts[len(parts)-1]); net.ParseIP(last) != nil {
				return last
			}
		}
	}
	return host
}

// sees says whether acc may see u: an MDH account, its site's reserved and
// handed-over units only; the others, every unit.
func sees(acc inventory.Account, u inventory.Unit) bool {
	if acc.Role != inventory.RoleMDH {
		return true
	}
	if !strings.EqualFold(u.Site, acc.Site) || u.Site == "" {
		return false
	}
	return u.State == string(inventory.Reserved) || u.State == string(inventory.HandedOver)
}

// mayAct says whether acc may record handovers and returns.
func mayAct(acc inventory.Account) bool {
	return acc.Role == inventory.RoleMDH || acc.Role == inventory.RoleVolunteer
}

// findVisible finds a unit acc may see; anything else (unknown, another
// site's, ambiguous) is errHidden, answered as "no such unit".
func (h *Handler) findVisible(ctx context.Context, acc inventory.Account, ref string) (inventory.Unit, error) {
	u, err := h.l.FindUnit(ctx, ref)
	if err != nil {
		if errors.Is(err, inventory.ErrUnknownUnit) || errors.Is(err, inventory.ErrAmbiguous) || errors.Is(err, inventory.ErrInvalidInput) {
			return inventory.Unit{}, errHidden
		}
		return inventory.Unit{}, err
	}
	if !sees(acc, u) {
		return inventory.Unit{}, errHidden
	}
	return u, nil
}

var errHidden = errors.New("no such unit")

// say is an error in the user's language.
func say(err error, l i18n.Lang) string {
	var e *inventory.Error
	if errors.As(err, &e) {
		return e.In(l)
	}
	return l.T("web.error")
}

// newToken is 32 random bytes in hex.
func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
