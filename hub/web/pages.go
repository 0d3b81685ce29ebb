package web

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// page is what every template receives.
type page struct {
	lang    i18n.Lang
	Lang    string
	Title   string
	Account *inventory.Account
	CSRF    string
	Error   string
	Notice  string

	Login   string // the login form's last login
	Query   string
	State   string
	States  []stateChoice
	Units   []unitView
	Unit    *unitView
	History []historyLine
	Sticker *unitView
	Users   []inventory.Account
}

type stateChoice struct {
	Value, Label string
	Selected     bool
}

// T translates in the page's language.
func (p *page) T(key string, args ...any) string { return p.lang.T(key, args...) }

type unitView struct {
	ID, Machine, State, StateName, Grade, Since, Sentence string
	StateText                                             string // the sentence without id and model
	CanHandover, CanReturn                                bool
}

type historyLine struct{ When, Text string }

func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.ParseFS(files, "templates/layout.html", n)
		if err != nil {
			return nil, err
		}
		out[base] = t
	}
	return out, nil
}

func (h *Handler) newPage(r *http.Request, s *session, title string) *page {
	l := langOf(r)
	p := &page{lang: l, Lang: string(l), Title: l.T(title)}
	if s != nil {
		p.Account, p.CSRF = &s.acc, s.csrf
	}
	return p
}

// render writes a whole page or, on a template failure, a bare 500.
func (h *Handler) render(w http.ResponseWriter, status int, name string, p *page) {
	var b bytes.Buffer
	if err := h.pages[name].ExecuteTemplate(&b, "layout", p); err != nil {
		h.o.Log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// notFound is the one answer for an unknown page, an unknown unit and a
// unit the account may not see.
func (h *Handler) notFound(w http.ResponseWriter, r *http.Request) {
	s, _ := h.session(r)
	h.hidden(w, r, s)
}

func (h *Handler) hidden(w http.ResponseWriter, r *http.Request, s *session) {
	h.render(w, http.StatusNotFound, "notfound", h.newPage(r, s, "web.notfound.title"))
}

func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	h.o.Log.Error("web", "path", r.URL.Path, "err", err)
	p := h.newPage(r, nil, "web.error")
	p.Error = p.T("web.error")
	h.render(w, http.StatusInternalServerError, "notfound", p)
}

// requireSession sends a visitor without a session to the login page.
func (h *Handler) requireSession(w http.ResponseWriter, r *http.Request) (*session, bool) {
	s, ok := h.session(r)
	if !ok {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return nil, false
	}
	return s, true
}

// checkCSRF refuses a form without the session's token.
func (h *Handler) checkCSRF(w http.ResponseWriter, r *http.Request, s *session) bool {
	if sameToken(r.PostFormValue("csrf"), s.csrf) {
		return true
	}
	p := h.newPage(r, s, "web.forbidden.title")
	p.Error = p.T("web.csrf")
	h.render(w, http.StatusForbidden, "notfound", p)
	return false
}

func (h *Handler) view(u inventory.Unit, acc *inventory.Account, l i18n.Lang) unitView {
	v := unitView{ID: u.ID, Machine: strings.TrimSpace(u.Vendor + " " + u.Model), State: u.State,
		StateName: l.T("state." + u.State), Grade: u.Grade, Since: l.Date(u.StateSince),
		Sentence: inventory.Status{Unit: u}.Sentence(l)}
	if v.Machine == "" {
		v.Machine = l.T("status.nomodel")
	}
	if v.Grade == "" {
		v.Grade = "—"
	}
	// The sentence is "ID — model — where"; a list shows id and model apart.
	v.StateText = strings.TrimPrefix(v.Sentence, u.ID+" — "+v.Machine+" — ")
	if acc != nil && mayAct(*acc) {
		v.CanHandover = u.State == string(inventory.Reserved)
		v.CanReturn = u.State == string(inventory.HandedOver)
	}
	return v
}

// home lists the units the account may see, filtered by state, or the one
// unit a search names.
func (h *Handler) home(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireSession(w, r)
	if !ok {
		return
	}
	p := h.newPage(r, s, "web.home.title")
	p.Query = strings.TrimSpace(r.URL.Query().Get("q"))
	p.State = r.URL.Query().Get("state")
	units, err := h.listFor(r, s.acc, p.Query, p.State)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, st := range statesFor(s.acc) {
		p.States = append(p.States, stateChoice{Value: st, Label: p.T("state." + st), Selected: st == p.State})
	}
	for _, u := range units {
		p.Units = append(p.Units, h.view(u, &s.acc, p.lang))
	}
	h.render(w, http.StatusOK, "home", p)
}

// statesFor are the states an account may filter by.
func statesFor(acc inventory.Account) []string {
	if acc.Role == inventory.RoleMDH {
		return []string{string(inventory.Reserved), string(inventory.HandedOver)}
	}
	out := make([]string, len(inventory.States))
	for i, s := range inventory.States {
		out[i] = string(s)
	}
	return out
}

// listLimit bounds a list for the roles that see every unit.
const listLimit = 200

func (h *Handler) listFor(r *http.Request, acc inventory.Account, q, state string) ([]inventory.Unit, error) {
	ctx := r.Context()
	valid := state == ""
	for _, st := range statesFor(acc) {
		valid = valid || st == state
	}
	if !valid {
		return nil, nil
	}
	if q != "" {
		u, err := h.findVisible(ctx, acc, q)
		if errors.Is(err, errHidden) || err == nil && state != "" && u.State != state {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return []inventory.Unit{u}, nil
	}
	if acc.Role != inventory.RoleMDH {
		return h.l.ListUnits(ctx, inventory.ListFilter{State: state, Limit: listLimit})
	}
	var out []inventory.Unit
	for _, st := range statesFor(acc) {
		if state != "" && st != state {
			continue
		}
		us, err := h.l.ListUnits(ctx, inventory.ListFilter{State: st, Site: acc.Site})
		if err != nil {
			return nil, err
		}
		out = append(out, us...)
	}
	return out, nil
}

// unitPage shows one unit with its history in plain words.
func (h *Handler) unitPage(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireSession(w, r)
	if !ok {
		return
	}
	notice := ""
	switch d := r.URL.Query().Get("done"); d {
	case "handover.done", "returned.done":
		notice = langOf(r).T("web." + d)
	}
	h.showUnit(w, r, s, http.StatusOK, "", notice)
}

func (h *Handler) showUnit(w http.ResponseWriter, r *http.Request, s *session, status int, errText, notice string) {
	ctx := r.Context()
	u, err := h.findVisible(ctx, s.acc, r.PathValue("id"))
	if errors.Is(err, errHidden) {
		h.hidden(w, r, s)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.newPage(r, s, "web.unit.title")
	p.Error, p.Notice = errText, notice
	d, err := h.l.Show(ctx, u.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := h.view(u, &s.acc, p.lang)
	p.Unit = &v
	for i := len(d.Events) - 1; i >= 0; i-- {
		e := d.Events[i]
		if text := plainEvent(e, &s.acc, p.lang); text != "" {
			p.History = append(p.History, historyLine{When: p.lang.DateTime(e.At), Text: text})
		}
	}
	h.render(w, status, "unit", p)
}

// handover records the handover of a reserved unit to a beneficiary
// reference, under the account's login.
func (h *Handler) handover(w http.ResponseWriter, r *http.Request) {
	h.act(w, r, func(s *session, u inventory.Unit) (inventory.Unit, error) {
		return h.doHandover(r, s.acc, u, r.PostFormValue("beneficiary"))
	}, "web.handover.done")
}

// returned records that a handed-over unit came back.
func (h *Handler) returned(w http.ResponseWriter, r *http.Request) {
	h.act(w, r, func(s *session, u inventory.Unit) (inventory.Unit, error) {
		if r.PostFormValue("confirm") != "yes" {
			return u, errUnconfirmed
		}
		return h.doReturn(r, s.acc, u)
	}, "web.returned.done")
}

func (h *Handler) doHandover(r *http.Request, acc inventory.Account, u inventory.Unit, ref string) (inventory.Unit, error) {
	if u.State != string(inventory.Reserved) {
		return u, errNotNow
	}
	site := u.Site
	if acc.Role == inventory.RoleMDH {
		site = acc.Site
	}
	return h.l.HandoverWith(r.Context(), inventory.Actor{Operator: acc.Login}, u.ID,
		inventory.MoveOptions{Site: site, Beneficiary: strings.TrimSpace(ref)})
}

func (h *Handler) doReturn(r *http.Request, acc inventory.Account, u inventory.Unit) (inventory.Unit, error) {
	if u.State != string(inventory.HandedOver) {
		return u, errNotNow
	}
	return h.l.Move(r.Context(), inventory.Actor{Operator: acc.Login}, u.ID, inventory.Returned, inventory.MoveOptions{})
}

// errNotNow: the act does not apply to the unit's state (a stale page).
var errNotNow = errors.New("not in this state")

// errUnconfirmed: the return form's box was not ticked.
var errUnconfirmed = errors.New("return not confirmed")

func (h *Handler) act(w http.ResponseWriter, r *http.Request, do func(*session, inventory.Unit) (inventory.Unit, error), done string) {
	s, ok := h.requireSession(w, r)
	if !ok || !h.checkCSRF(w, r, s) {
		return
	}
	u, err := h.findVisible(r.Context(), s.acc, r.PathValue("id"))
	if errors.Is(err, errHidden) || err == nil && !mayAct(s.acc) {
		h.hidden(w, r, s)
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := do(s, u); err != nil {
		l := langOf(r)
		msg := say(err, l)
		switch {
		case errors.Is(err, errNotNow):
			msg = l.T("web.notnow")
		case errors.Is(err, errUnconfirmed):
			msg = l.T("web.returned.unconfirmed")
		}
		h.showUnit(w, r, s, http.StatusUnprocessableEntity, msg, "")
		return
	}
	http.Redirect(w, r, "/u/"+u.ID+"?done="+strings.TrimPrefix(done, "web."), http.StatusSeeOther)
}

// sticker is the public page of a QR sticker: id, model, state; nothing
// about sites or people. Unknown, malformed and revoked tokens answer as
// any unknown page.
func (h *Handler) sticker(w http.ResponseWriter, r *http.Request) {
	u, err := h.o.Stickers.UnitByToken(r.Context(), r.PathValue("token"))
	if err != nil {
		h.hidden(w, r, nil)
		return
	}
	p := h.newPage(r, nil, "web.sticker.title")
	v := unitView{ID: u.ID, Machine: strings.TrimSpace(u.Vendor + " " + u.Model), State: u.State,
		Sentence: p.T("web.sticker."+u.State, p.lang.Date(u.StateSince))}
	if v.Machine == "" {
		v.Machine = p.T("status.nomodel")
	}
	p.Sticker = &v
	h.render(w, http.StatusOK, "sticker", p)
}

// requireAdmin is requireSession for the admins' pages: anyone else is
// told "not found", as for a page that is not theirs.
func (h *Handler) requireAdmin(w http.ResponseWriter, r *http.Request) (*session, bool) {
	s, ok := h.requireSession(w, r)
	if !ok {
		return nil, false
	}
	if s.acc.Role != inventory.RoleAdmin {
		h.hidden(w, r, s)
		return nil, false
	}
	return s, true
}

// accountsPage lists the accounts, for admins; anyone else sees "not found".
func (h *Handler) accountsPage(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireAdmin(w, r)
	if !ok {
		return
	}
	// The notice after an act names a login: only a well-formed one, so a
	// crafted link cannot make the page say anything else.
	notice := ""
	for _, done := range []string{"disabled", "enabled"} {
		if login, err := inventory.NormalizeLogin(r.URL.Query().Get(done)); err == nil {
			notice = langOf(r).T("web.account."+strings.TrimSuffix(done, "d")+".done", login)
		}
	}
	h.showAccounts(w, r, s, http.StatusOK, "", notice)
}

func (h *Handler) showAccounts(w http.ResponseWriter, r *http.Request, s *session, status int, errText, notice string) {
	p := h.newPage(r, s, "web.accounts.title")
	p.Error, p.Notice = errText, notice
	var err error
	if p.Users, err = h.l.Accounts(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, status, "accounts", p)
}

// accountAct disables or enables an account, for an admin: the same
// ledger events as the CLI, under the admin's login. An admin cannot
// disable itself (nobody would be left to enable it from a browser).
func (h *Handler) accountAct(w http.ResponseWriter, r *http.Request) {
	s, ok := h.requireAdmin(w, r)
	if !ok {
		return
	}
	if !h.checkCSRF(w, r, s) {
		return
	}
	login := strings.ToLower(r.PathValue("login"))
	a := inventory.Actor{Operator: s.acc.Login}
	var err error
	done := "enabled"
	switch {
	case strings.HasSuffix(r.URL.Path, "/disable") && login == s.acc.Login:
		h.showAccounts(w, r, s, http.StatusUnprocessableEntity, langOf(r).T("web.account.self"), "")
		return
	case strings.HasSuffix(r.URL.Path, "/disable"):
		err, done = h.l.DisableAccount(r.Context(), a, login), "disabled"
	default:
		err = h.l.EnableAccount(r.Context(), a, login)
	}
	if errors.Is(err, inventory.ErrInvalidInput) {
		h.showAccounts(w, r, s, http.StatusUnprocessableEntity, say(err, langOf(r)), "")
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/accounts?"+done+"="+url.QueryEscape(login), http.StatusSeeOther)
}
