package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// loginPage shows the form with a fresh pre-login CSRF token, set as a
// cookie too (double submit: another site can neither read the cookie nor
// send it, SameSite=Strict).
func (h *Handler) loginPage(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.session(r); ok {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	h.showLogin(w, r, http.StatusOK, "", "")
}

func (h *Handler) showLogin(w http.ResponseWriter, r *http.Request, status int, login, errText string) {
	tok, err := newToken()
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.setCookie(w, preCSRFCookie, tok, 3600)
	p := h.newPage(r, nil, "web.login.title")
	p.CSRF, p.Login, p.Error = tok, login, errText
	h.render(w, status, "login", p)
}

// login checks the throttle (per login, per address), then the password.
func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	l := langOf(r)
	c, err := r.Cookie(preCSRFCookie)
	if err != nil || !sameToken(r.PostFormValue("csrf"), c.Value) {
		h.showLogin(w, r, http.StatusForbidden, "", l.T("web.csrf"))
		return
	}
	login := strings.ToLower(strings.TrimSpace(r.PostFormValue("login")))
	if len(login) > 64 {
		login = login[:64]
	}
	keys := []string{"login:" + login, "addr:" + h.clientAddr(r)}
	now := h.o.Now()
	wait, err := h.o.Sessions.ThrottleWait(ctx, now, keys...)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if wait > 0 {
		h.o.Log.Warn("login throttled", "login", login, "addr", h.clientAddr(r))
		w.Header().Set("Retry-After", itoa(int(wait.Seconds())+1))
		h.showLogin(w, r, http.StatusTooManyRequests, login, l.T("web.throttled", int((wait+time.Minute-1)/time.Minute)))
		return
	}
	acc, err := h.l.CheckLogin(ctx, login, r.PostFormValue("password"))
	if errors.Is(err, inventory.ErrBadLogin) {
		if err := h.o.Sessions.ThrottleFail(ctx, now, keys...); err != nil {
			h.fail(w, r, err)
			return
		}
		h.o.Log.Info("login refused", "login", login, "addr", h.clientAddr(r))
		h.showLogin(w, r, http.StatusUnauthorized, login, l.T("account.badlogin"))
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.o.Sessions.ThrottleReset(ctx, keys[0]); err != nil {
		h.fail(w, r, err)
		return
	}
	id, _, err := h.o.Sessions.NewSession(ctx, acc.Login, now, h.o.SessionTTL)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.setCookie(w, preCSRFCookie, "", -1)
	h.setCookie(w, sessionCookie, id, int(h.o.SessionTTL.Seconds()))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// logout ends the session (CSRF-checked: another site cannot log one out).
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireSession(w, r)
	if !ok || !h.checkCSRF(w, r, s) {
		return
	}
	if err := h.o.Sessions.EndSession(r.Context(), s.id, h.o.Now()); err != nil {
		h.fail(w, r, err)
		return
	}
	h.setCookie(w, sessionCookie, "", -1)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
