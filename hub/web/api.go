package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

func itoa(n int) string { return strconv.Itoa(n) }

// apiUnitJSON is a unit as the API shows it: what the pages show.
type apiUnitJSON struct {
	ID       string       `json:"id"`
	Machine  string       `json:"machine"`
	State    string       `json:"state"`
	Grade    string       `json:"grade,omitempty"`
	Since    time.Time    `json:"since"`
	Sentence string       `json:"sentence"`
	History  []apiHistory `json:"history,omitempty"`
}

type apiHistory struct {
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

// apiCaller is the account of an API call: a session, or a bench key with
// the volunteer's rights. write says whether the call changes something:
// a session must then send its CSRF token in X-CSRF-Token.
func (h *Handler) apiCaller(w http.ResponseWriter, r *http.Request, write bool) (inventory.Account, bool) {
	if s, ok := h.session(r); ok {
		if write && !sameToken(r.Header.Get("X-CSRF-Token"), s.csrf) {
			apiError(w, http.StatusForbidden, langOf(r).T("web.csrf"))
			return inventory.Account{}, false
		}
		return s.acc, true
	}
	if h.o.APIAuth != nil {
		if name, ok := h.o.APIAuth(r); ok {
			return inventory.Account{Login: name, Role: inventory.RoleVolunteer}, true
		}
	}
	apiError(w, http.StatusUnauthorized, langOf(r).T("account.nosession"))
	return inventory.Account{}, false
}

func apiError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func (h *Handler) apiView(r *http.Request, u inventory.Unit) apiUnitJSON {
	v := h.view(u, nil, langOf(r))
	return apiUnitJSON{ID: u.ID, Machine: v.Machine, State: u.State, Grade: u.Grade, Since: u.StateSince, Sentence: v.Sentence}
}

func (h *Handler) apiList(w http.ResponseWriter, r *http.Request) {
	acc, ok := h.apiCaller(w, r, false)
	if !ok {
		return
	}
	q := r.URL.Query()
	units, err := h.listFor(r, acc, strings.TrimSpace(q.Get("q")), q.Get("state"))
	if err != nil {
		h.o.Log.Error("api", "err", err)
		apiError(w, http.StatusInternalServerError, langOf(r).T("web.error"))
		return
	}
	out := make([]apiUnitJSON, 0, len(units))
	for _, u := range units {
		out = append(out, h.apiView(r, u))
	}
	writeJSON(w, http.StatusOK, map[string]any{"units": out})
}

func (h *Handler) apiFind(w http.ResponseWriter, r *http.Request, acc inventory.Account) (inventory.Unit, bool) {
	u, err := h.findVisible(r.Context(), acc, r.PathValue("id"))
	if errors.Is(err, errHidden) {
		apiError(w, http.StatusNotFound, langOf(r).T("web.notfound"))
		return u, false
	}
	if err != nil {
		h.o.Log.Error("api", "err", err)
		apiError(w, http.StatusInternalServerError, langOf(r).T("web.error"))
		return u, false
	}
	return u, true
}

func (h *Handler) apiUnit(w http.ResponseWriter, r *http.Request) {
	acc, ok := h.apiCaller(w, r, false)
	if !ok {
		return
	}
	u, ok := h.apiFind(w, r, acc)
	if !ok {
		return
	}
	d, err := h.l.Show(r.Context(), u.ID)
	if err != nil {
		h.o.Log.Error("api", "err", err)
		apiError(w, http.StatusInternalServerError, langOf(r).T("web.error"))
		return
	}
	v := h.apiView(r, u)
	for _, e := range d.Events {
		if text := plainEvent(e, &acc, langOf(r)); text != "" {
			v.History = append(v.History, apiHistory{At: e.At, Text: text})
		}
	}
	writeJSON(w, http.StatusOK, v)
}

func (h *Handler) apiHandover(w http.ResponseWriter, r *http.Request) {
	h.apiAct(w, r, func(acc inventory.Account, u inventory.Unit, body apiActBody) (inventory.Unit, error) {
		return h.doHandover(r, acc, u, body.Beneficiary)
	})
}

func (h *Handler) apiReturned(w http.ResponseWriter, r *http.Request) {
	h.apiAct(w, r, func(acc inventory.Account, u inventory.Unit, _ apiActBody) (inventory.Unit, error) {
		return h.doReturn(r, acc, u)
	})
}

type apiActBody struct {
	Beneficiary string `json:"beneficiary"`
}

func (h *Handler) apiAct(w http.ResponseWriter, r *http.Request, do func(inventory.Account, inventory.Unit, apiActBody) (inventory.Unit, error)) {
	acc, ok := h.apiCaller(w, r, true)
	if !ok {
		return
	}
	var body apiActBody
	b, err := io.ReadAll(io.LimitReader(r.Body, 4096))
	if err == nil && len(b) > 0 {
		err = json.Unmarshal(b, &body)
	}
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	u, ok := h.apiFind(w, r, acc)
	if !ok {
		return
	}
	if !mayAct(acc) {
		apiError(w, http.StatusNotFound, langOf(r).T("web.notfound"))
		return
	}
	nu, err := do(acc, u, body)
	if err != nil {
		msg := say(err, langOf(r))
		if errors.Is(err, errNotNow) {
			msg = langOf(r).T("web.notnow")
		}
		apiError(w, http.StatusUnprocessableEntity, msg)
		return
	}
	writeJSON(w, http.StatusOK, h.apiView(r, nu))
}
