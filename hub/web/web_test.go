package web

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	for _, p := range []string{"/login", "/", "/u/x", "/s/x", "/static/style.css", "/api/units", "/nowhere"} {
		r := b.get(p)
		h := r.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", p, h)
		}
	}
	if body := b.get("/login").body; strings.Contains(body, "<script") || strings.Contains(body, "style=") {
		t.Error("a page carries inline script or style")
	}
}

func TestLoginSessionLogout(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	wantStatus(t, b.get("/"), http.StatusSeeOther)
	r := b.tryLogin("mdh-v2", "wrong password!")
	wantStatus(t, r, http.StatusUnauthorized)
	if !strings.Contains(r.body, "identifiant ou mot de passe incorrect") {
		t.Errorf("refusal not said in French:\n%s", r.body)
	}
	r = b.tryLogin("MDH-V2", testPassword)
	wantStatus(t, r, http.StatusSeeOther)
	var sc *http.Cookie
	for _, c := range r.Cookies() {
		if c.Name == sessionCookie {
			sc = c
		}
	}
	if sc == nil || !sc.HttpOnly || sc.SameSite != http.SameSiteStrictMode || len(sc.Value) < 64 {
		t.Fatalf("session cookie %+v", sc)
	}
	home := b.get("/")
	wantStatus(t, home, http.StatusOK)
	if !strings.Contains(home.body, f.ids["v2"]) || !strings.Contains(home.body, f.ids["given"]) {
		t.Errorf("home lacks the site's units:\n%s", home.body)
	}
	if strings.Contains(home.body, f.ids["ess"]) || strings.Contains(home.body, f.ids["ready"]) {
		t.Errorf("home shows another site's or an unreserved unit:\n%s", home.body)
	}
	// The session survives a restart of the hub (stored in the ledger).
	f.serve(nil)
	wantStatus(t, b.get("/"), http.StatusOK)
	// Logout wants the token.
	wantStatus(t, b.post("/logout", url.Values{}), http.StatusForbidden)
	wantStatus(t, b.get("/"), http.StatusOK)
	tok := b.csrf("/")
	r = b.post("/logout", url.Values{"csrf": {tok}})
	wantStatus(t, r, http.StatusSeeOther)
	wantStatus(t, b.get("/"), http.StatusSeeOther)
	// The old cookie is dead server-side too.
	b2 := f.browser()
	u, _ := url.Parse(f.srv.URL)
	b2.c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: sc.Value}})
	wantStatus(t, b2.get("/"), http.StatusSeeOther)
}

func TestLoginFormNeedsItsToken(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	r := b.post("/login", url.Values{"login": {"mdh-v2"}, "password": {testPassword}})
	wantStatus(t, r, http.StatusForbidden)
	wantStatus(t, b.get("/"), http.StatusSeeOther)
}

func TestHomeFilterAndSearch(t *testing.T) {
	f := newFixture(t)
	b := f.loggedIn("mdh-v2")
	r := b.get("/?state=handed_over")
	if !strings.Contains(r.body, f.ids["given"]) || strings.Contains(r.body, f.ids["v2"]+"<") {
		t.Errorf("filter handed_over:\n%s", r.body)
	}
	for _, q := range []string{"SA1", "INV-SA1", strings.ToLower(f.ids["v2"])} {
		r = b.get("/?q=" + url.QueryEscape(q))
		if !strings.Contains(r.body, f.ids["v2"]) || strings.Contains(r.body, f.ids["given"]) {
			t.Errorf("search %q:\n%s", q, r.body)
		}
	}
	// Another site's unit is not found by search either.
	r = b.get("/?q=SB1")
	if strings.Contains(r.body, f.ids["ess"]) || !strings.Contains(r.body, "Aucun ordinateur") {
		t.Errorf("search of another site's unit:\n%s", r.body)
	}
}

// Another site's unit answers exactly as a unit that does not exist.
func TestOtherSiteLooksLikeNothing(t *testing.T) {
	f := newFixture(t)
	b := f.loggedIn("mdh-v2")
	missing := b.get("/u/PCS-99-9999")
	wantStatus(t, missing, http.StatusNotFound)
	for _, ref := range []string{f.ids["ess"], "SB1", "INV-SB1", f.ids["ready"]} {
		r := b.get("/u/" + ref)
		if r.StatusCode != missing.StatusCode || r.body != missing.body {
			t.Errorf("/u/%s differs from an unknown unit: %d\n%s", ref, r.StatusCode, r.body)
		}
	}
	tok := b.csrf("/")
	for _, act := range []string{"handover", "returned"} {
		r := b.post("/u/"+f.ids["ess"]+"/"+act, url.Values{"csrf": {tok}, "beneficiary": {"MDH-ESS-2026-001"}})
		if r.StatusCode != missing.StatusCode || r.body != missing.body {
			t.Errorf("%s on another site's unit: %d\n%s", act, r.StatusCode, r.body)
		}
	}
	if f.state(f.ids["ess"]) != "reserved" {
		t.Error("another site's unit changed")
	}
	api := b.get("/api/units/" + f.ids["ess"])
	apiMissing := b.get("/api/units/PCS-99-9999")
	if api.StatusCode != http.StatusNotFound || api.body != apiMissing.body {
		t.Errorf("API: another site's unit %d %s vs %s", api.StatusCode, api.body, apiMissing.body)
	}
	// Timing comparable: both do one lookup. Medians of interleaved
	// requests, with a wide margin (the machine is shared).
	var other, unknown []time.Duration
	for i := 0; i < 41; i++ {
		for _, p := range []string{"/u/" + f.ids["ess"], "/u/PCS-99-9999"} {
			start := time.Now()
			b.get(p)
			if d := time.Since(start); strings.HasSuffix(p, "9999") {
				unknown = append(unknown, d)
			} else {
				other = append(other, d)
			}
		}
	}
	a, c := median(other), median(unknown)
	t.Logf("median: other site %v, unknown %v", a, c)
	if a > 3*c+2*time.Millisecond || c > 3*a+2*time.Millisecond {
		t.Errorf("timings differ: other site %v, unknown %v", a, c)
	}
}

func TestUnitPageHistoryInPlainWords(t *testing.T) {
	f := newFixture(t)
	b := f.loggedIn("mdh-v2")
	r := b.get("/u/" + f.ids["v2"])
	wantStatus(t, r, http.StatusOK)
	for _, want := range []string{"Dell Latitude E6410", "réservé pour MDH Village 2", "Historique", `for="beneficiary"`, "MDH-VILLAGE2-2026-017"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("unit page lacks %q:\n%s", want, r.body)
		}
	}
	for _, want := range []string{"un disque effacé, avec son certificat", "système copié et vérifié", "matériel contrôlé"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	// No disk serial, device, certificate id nor wipe method: the
	// workshop's words, not a community centre's.
	for _, jargon := range []string{"moved", "disk.destroyed", "received\"", "DSA1", "01KAQ7ZC0N6M5V4H0S3G3Y9T2B", "zero", "zorin-18", "commencé"} {
		if strings.Contains(r.body, jargon) {
			t.Errorf("unit page shows event jargon %q", jargon)
		}
	}
	b.lang = "en-GB,en;q=0.9,fr;q=0.5"
	if r := b.get("/u/" + f.ids["v2"]); !strings.Contains(r.body, "reserved for MDH Village 2") || !strings.Contains(r.body, `lang="en"`) {
		t.Errorf("English page:\n%s", r.body)
	}
}

func TestHandoverThenReturned(t *testing.T) {
	f := newFixture(t)
	b := f.loggedIn("mdh-v2")
	id := f.ids["v2"]
	tok := b.csrf("/u/" + id)
	// No token: refused, nothing written.
	wantStatus(t, b.post("/u/"+id+"/handover", url.Values{"beneficiary": {"MDH-V2-2026-017"}}), http.StatusForbidden)
	wantStatus(t, b.post("/u/"+id+"/handover", url.Values{"csrf": {flip(tok)}, "beneficiary": {"MDH-V2-2026-017"}}), http.StatusForbidden)
	// Personal data: refused with the rule, nothing written, not echoed.
	for _, pii := range []string{"06 12 34 56 78", "jean.dupont@example.org", "Jean Dupont"} {
		r := b.post("/u/"+id+"/handover", url.Values{"csrf": {tok}, "beneficiary": {pii}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.body, `role="alert"`) || strings.Contains(r.body, pii) {
			t.Errorf("refusal of %q:\n%s", pii, r.body)
		}
	}
	if f.state(id) != "reserved" {
		t.Fatal("a refused handover changed the unit")
	}
	r := b.post("/u/"+id+"/handover", url.Values{"csrf": {tok}, "beneficiary": {"MDH-V2-2026-017"}})
	wantStatus(t, r, http.StatusSeeOther)
	page := b.get(r.Header.Get("Location"))
	if !strings.Contains(page.body, "Remise enregistrée") || !strings.Contains(page.body, "remis par MDH Village 2") {
		t.Errorf("after handover:\n%s", page.body)
	}
	evs, err := f.l.UnitEvents(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	last := evs[len(evs)-1]
	if last.Kind != inventory.KindMoved || last.Operator != "mdh-v2" || !strings.Contains(string(last.Payload), "MDH-V2-2026-017") {
		t.Errorf("handover event %+v", last)
	}
	// Returned, the same way.
	wantStatus(t, b.post("/u/"+id+"/returned", url.Values{}), http.StatusForbidden)
	r = b.post("/u/"+id+"/returned", url.Values{"csrf": {tok}})
	wantStatus(t, r, http.StatusUnprocessableEntity) // the box not ticked
	if f.state(id) != "handed_over" {
		t.Fatal("an unconfirmed return was recorded")
	}
	r = b.post("/u/"+id+"/returned", url.Values{"csrf": {tok}, "confirm": {"yes"}})
	wantStatus(t, r, http.StatusSeeOther)
	if f.state(id) != "returned" {
		t.Errorf("state %s after returned", f.state(id))
	}
	// A returned unit is the workshop's again: the MDH no longer sees it.
	wantStatus(t, b.get("/u/"+id), http.StatusNotFound)
}

func TestDisabledAccount(t *testing.T) {
	f := newFixture(t)
	b := f.loggedIn("mdh-v2")
	if err := f.l.DisableAccount(context.Background(), inventory.Actor{Operator: "camille"}, "mdh-v2"); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, b.get("/"), http.StatusSeeOther)
	r := f.browser().tryLogin("mdh-v2", testPassword)
	wantStatus(t, r, http.StatusUnauthorized)
}

func TestLoginThrottledAcrossRestart(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	for i := 0; i < inventory.ThrottleFailures; i++ {
		wantStatus(t, b.tryLogin("mdh-v2", "wrong password!"), http.StatusUnauthorized)
	}
	r := b.tryLogin("mdh-v2", testPassword)
	wantStatus(t, r, http.StatusTooManyRequests)
	if r.Header.Get("Retry-After") == "" || !strings.Contains(r.body, "attendez 15 minutes") {
		t.Errorf("throttled answer:\n%s", r.body)
	}
	f.serve(nil) // a restart keeps the count
	wantStatus(t, f.browser().tryLogin("mdh-v2", testPassword), http.StatusTooManyRequests)
	f.clock.Add(inventory.ThrottleWindow + time.Second)
	wantStatus(t, f.browser().tryLogin("mdh-v2", testPassword), http.StatusSeeOther)
}

func TestLoginThrottledPerAddress(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	for i := 0; i < inventory.ThrottleFailures; i++ {
		wantStatus(t, b.tryLogin("guess"+string(rune('a'+i)), "wrong password!"), http.StatusUnauthorized)
	}
	// Same address, a real account: still waits.
	wantStatus(t, b.tryLogin("benevole", testPassword), http.StatusTooManyRequests)
}

func TestVolunteerAndAdmin(t *testing.T) {
	f := newFixture(t)
	v := f.loggedIn("benevole")
	r := v.get("/")
	for _, k := range []string{"v2", "ess", "ready", "given"} {
		if !strings.Contains(r.body, f.ids[k]) {
			t.Errorf("volunteer does not see %s", k)
		}
	}
	wantStatus(t, v.get("/u/"+f.ids["ready"]), http.StatusOK)
	wantStatus(t, v.get("/accounts"), http.StatusNotFound)
	a := f.loggedIn("admin")
	r = a.get("/accounts")
	wantStatus(t, r, http.StatusOK)
	if !strings.Contains(r.body, "mdh-ess") || strings.Contains(r.body, "argon2") {
		t.Errorf("accounts page:\n%s", r.body)
	}
	// Admins manage accounts; they do not hand units over.
	tok := a.csrf("/")
	wantStatus(t, a.post("/u/"+f.ids["v2"]+"/handover", url.Values{"csrf": {tok}, "beneficiary": {"MDH-V2-2026-017"}}), http.StatusNotFound)
	wantStatus(t, f.loggedIn("mdh-v2").get("/accounts"), http.StatusNotFound)
}

func TestStickerPage(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	unknown := b.get("/s/aaaaaaaaaaaaaaaaaaaaaaaaaa")
	wantStatus(t, unknown, http.StatusNotFound)
	u, err := f.l.FindUnit(context.Background(), f.ids["given"])
	if err != nil {
		t.Fatal(err)
	}
	f.serve(fakeStickers{"k7qzj3m4wxbd2p5r6y8t9n0v1c": u})
	r := b.get("/s/k7qzj3m4wxbd2p5r6y8t9n0v1c")
	wantStatus(t, r, http.StatusOK)
	if !strings.Contains(r.body, u.ID) || !strings.Contains(r.body, "Dell Latitude E6410") || !strings.Contains(r.body, "donné le") {
		t.Errorf("sticker page:\n%s", r.body)
	}
	for _, secret := range []string{"Village", "MDH-V2", "camille", "SD1"} {
		if strings.Contains(r.body, secret) {
			t.Errorf("sticker page tells %q", secret)
		}
	}
	for _, p := range []string{"/s/aaaaaaaaaaaaaaaaaaaaaaaaaa", "/s/x", "/s/" + u.ID, "/s/K7QZJ3M4WXBD2P5R6Y8T9N0V1D"} {
		if r := b.get(p); r.StatusCode != unknown.StatusCode || r.body != unknown.body {
			t.Errorf("%s answers differently from an unknown token", p)
		}
	}
}

func TestAPI(t *testing.T) {
	f := newFixture(t)
	anon := f.browser()
	wantStatus(t, anon.get("/api/units"), http.StatusUnauthorized)
	b := f.loggedIn("mdh-v2")
	r := b.get("/api/units")
	wantStatus(t, r, http.StatusOK)
	var list struct{ Units []apiUnitJSON }
	if err := json.Unmarshal([]byte(r.body), &list); err != nil || len(list.Units) != 2 {
		t.Fatalf("list: %v %s", err, r.body)
	}
	r = b.get("/api/units/" + f.ids["v2"])
	var one apiUnitJSON
	if err := json.Unmarshal([]byte(r.body), &one); err != nil || len(one.History) == 0 || one.State != "reserved" {
		t.Fatalf("unit: %v %s", err, r.body)
	}
	body := url.Values{}
	js := `{"beneficiary":"MDH-V2-2026-018"}`
	// A session's write needs X-CSRF-Token.
	r = b.do("POST", "/api/units/"+f.ids["v2"]+"/handover", body, nil)
	wantStatus(t, r, http.StatusForbidden)
	tok := b.csrf("/")
	r = b.do("POST", "/api/units/"+f.ids["v2"]+"/handover", nil, map[string]string{"X-CSRF-Token": tok})
	wantStatus(t, r, http.StatusUnprocessableEntity) // no beneficiary
	req := func(hdr map[string]string, id, payload string) resp {
		return b.doRaw("POST", "/api/units/"+id+"/handover", payload, hdr)
	}
	wantStatus(t, req(map[string]string{"X-CSRF-Token": tok}, f.ids["v2"], `{"beneficiary":"06 12 34 56 78"}`), http.StatusUnprocessableEntity)
	wantStatus(t, req(map[string]string{"X-CSRF-Token": tok}, f.ids["ess"], js), http.StatusNotFound)
	r = req(map[string]string{"X-CSRF-Token": tok}, f.ids["v2"], js)
	wantStatus(t, r, http.StatusOK)
	if f.state(f.ids["v2"]) != "handed_over" {
		t.Error("API handover not recorded")
	}
	// A bench key acts as a volunteer.
	bench := f.browser()
	r = bench.doRaw("POST", "/api/units/"+f.ids["ess"]+"/handover", `{"beneficiary":"MDH-ESS-2026-001"}`, map[string]string{"X-Test-Bench": "bench-1"})
	wantStatus(t, r, http.StatusOK)
	evs, _ := f.l.UnitEvents(context.Background(), f.ids["ess"])
	if op := evs[len(evs)-1].Operator; op != "bench-1" {
		t.Errorf("operator %q", op)
	}
}

// flip changes a token's last character.
func flip(tok string) string {
	if strings.HasSuffix(tok, "0") {
		return tok[:len(tok)-1] + "1"
	}
	return tok[:len(tok)-1] + "0"
}

func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// A unit given at another centre, returned, then reserved for this one:
// its history does not tell this centre the other's site nor reference.
func TestHistoryHidesAnotherCentre(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := inventory.Actor{Operator: "camille"}
	id := f.ids["ess"]
	steps := []func() error{
		func() error { _, err := f.l.Handover(ctx, a, id, "MDH Essarts", "MDH-ESS-2026-001"); return err },
		func() error { _, err := f.l.Move(ctx, a, id, inventory.Returned, inventory.MoveOptions{}); return err },
		func() error { _, err := f.l.Move(ctx, a, id, inventory.Triaged, inventory.MoveOptions{}); return err },
		func() error { return f.prepare(id, "DSB1", false) },
		func() error {
			_, err := f.l.Move(ctx, a, id, inventory.Reserved, inventory.MoveOptions{Site: "MDH Village 2"})
			return err
		},
	}
	for _, s := range steps {
		if err := s(); err != nil {
			t.Fatal(err)
		}
	}
	b := f.loggedIn("mdh-v2")
	for _, p := range []string{"/u/" + id, "/api/units/" + id} {
		r := b.get(p)
		wantStatus(t, r, http.StatusOK)
		if strings.Contains(r.body, "Essarts") || strings.Contains(r.body, "MDH-ESS") || !strings.Contains(r.body, "remis à un bénéficiaire") {
			t.Errorf("%s tells the other centre's handover:\n%s", p, r.body)
		}
	}
	// The volunteer sees the whole story.
	if r := f.loggedIn("benevole").get("/u/" + id); !strings.Contains(r.body, "MDH-ESS-2026-001") {
		t.Errorf("volunteer's history lacks the reference:\n%s", r.body)
	}
}

// The ledger's own sticker tokens: a valid one opens the page, the same
// token once revoked answers as one that never existed.
func TestStickerPageLedgerTokens(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := inventory.Actor{Operator: "camille"}
	st, err := f.l.EnsureStickers(ctx, a, []string{f.ids["ready"]})
	if err != nil {
		t.Fatal(err)
	}
	b := f.browser()
	unknown := b.get("/s/aaaaaaaaaaaaaaaaaaaaaaaaaa")
	r := b.get("/s/" + st[0].Token)
	wantStatus(t, r, http.StatusOK)
	if !strings.Contains(r.body, f.ids["ready"]) || !strings.Contains(r.body, "prêt à être donné") {
		t.Errorf("sticker page:\n%s", r.body)
	}
	wantStatus(t, b.get("/s/"+strings.ToUpper(st[0].Token)), http.StatusOK)
	if _, err := f.l.RevokeSticker(ctx, a, f.ids["ready"], "torn off"); err != nil {
		t.Fatal(err)
	}
	if r := b.get("/s/" + st[0].Token); r.StatusCode != unknown.StatusCode || r.body != unknown.body {
		t.Errorf("a revoked token answers differently from an unknown one: %d", r.StatusCode)
	}
}

// Behind a trusted proxy every peer is 127.0.0.1: the throttle counts the
// address the proxy forwards, so one client's failures do not lock out all.
func TestThrottleBehindProxy(t *testing.T) {
	f := newFixture(t)
	h, err := New(f.l, Options{TrustProxy: true})
	if err != nil {
		t.Fatal(err)
	}
	r := &http.Request{RemoteAddr: "127.0.0.1:5555", Header: http.Header{"X-Forwarded-For": {"6.6.6.6, 192.0.2.7"}}}
	if got := h.clientAddr(r); got != "192.0.2.7" {
		t.Errorf("behind the proxy: %q", got)
	}
	r.RemoteAddr = "198.51.100.1:5555" // not the proxy: the header is the client's claim
	if got := h.clientAddr(r); got != "198.51.100.1" {
		t.Errorf("direct peer: %q", got)
	}
	h2, _ := New(f.l, Options{})
	r.RemoteAddr = "127.0.0.1:5555"
	if got := h2.clientAddr(r); got != "127.0.0.1" {
		t.Errorf("untrusted proxy: %q", got)
	}
}

// A new password closes the sessions opened with the old one and lifts the
// login's wait; re-enabling lets the account in again, without reviving
// the sessions its disabling closed.
func TestPasswordChangedAndReEnabled(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	cam := inventory.Actor{Operator: "camille"}
	old := f.loggedIn("mdh-v2")
	now := f.clock.Now()
	if err := f.l.ThrottleFail(ctx, now, slices.Repeat([]string{"login:mdh-v2"}, inventory.ThrottleFailures)...); err != nil {
		t.Fatal(err)
	}
	const newPW = "battery-horse-staple"
	if err := f.l.SetPassword(ctx, cam, "MDH-V2", newPW); err != nil {
		t.Fatal(err)
	}
	if wait, err := f.l.ThrottleWait(ctx, now, "login:mdh-v2"); wait != 0 || err != nil {
		t.Errorf("the login still waits %v after a new password (%v)", wait, err)
	}
	wantStatus(t, old.get("/"), http.StatusSeeOther)
	wantStatus(t, f.browser().tryLogin("mdh-v2", testPassword), http.StatusUnauthorized)
	b := f.browser()
	wantStatus(t, b.tryLogin("mdh-v2", newPW), http.StatusSeeOther)
	wantStatus(t, b.get("/"), http.StatusOK)

	if err := f.l.DisableAccount(ctx, cam, "mdh-v2"); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, f.browser().tryLogin("mdh-v2", newPW), http.StatusUnauthorized)
	if err := f.l.EnableAccount(ctx, cam, "mdh-v2"); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, b.get("/"), http.StatusSeeOther) // closed when disabled
	wantStatus(t, f.browser().tryLogin("mdh-v2", newPW), http.StatusSeeOther)

	for _, err := range []error{
		f.l.SetPassword(ctx, cam, "nobody", newPW),
		f.l.EnableAccount(ctx, cam, "nobody"),
		f.l.SetPassword(ctx, cam, "mdh-v2", "short"),
	} {
		if !errors.Is(err, inventory.ErrInvalidInput) {
			t.Errorf("refusal = %v, want invalid input", err)
		}
	}
}

// An admin disables and re-enables an account from /accounts: the same
// events as the CLI, CSRF-checked, for admins only, never itself.
func TestAdminDisablesAndEnablesOnAccountsPage(t *testing.T) {
	f := newFixture(t)
	admin, mdh := f.loggedIn("admin"), f.loggedIn("mdh-v2")
	tok := admin.csrf("/accounts")
	wantStatus(t, admin.post("/accounts/mdh-v2/disable", url.Values{}), http.StatusForbidden)
	wantStatus(t, admin.post("/accounts/mdh-v2/disable", url.Values{"csrf": {otherToken(tok)}}), http.StatusForbidden)
	wantStatus(t, mdh.post("/accounts/mdh-ess/disable", url.Values{"csrf": {mdh.csrf("/")}}), http.StatusNotFound)
	vol := f.loggedIn("benevole")
	wantStatus(t, vol.post("/accounts/mdh-ess/disable", url.Values{"csrf": {vol.csrf("/")}}), http.StatusNotFound)
	wantStatus(t, mdh.get("/"), http.StatusOK)

	r := admin.post("/accounts/mdh-v2/disable", url.Values{"csrf": {tok}})
	wantStatus(t, r, http.StatusSeeOther)
	wantStatus(t, mdh.get("/"), http.StatusSeeOther) // its session is closed
	page := admin.get(r.Header.Get("Location"))
	if !strings.Contains(page.body, "compte mdh-v2 désactivé") || !strings.Contains(page.body, "Réactiver mdh-v2") {
		t.Errorf("after disabling:\n%s", page.body)
	}
	wantStatus(t, f.browser().tryLogin("mdh-v2", testPassword), http.StatusUnauthorized)
	wantStatus(t, admin.post("/accounts/mdh-v2/enable", url.Values{"csrf": {tok}}), http.StatusSeeOther)
	wantStatus(t, f.browser().tryLogin("mdh-v2", testPassword), http.StatusSeeOther)

	r = admin.post("/accounts/admin/disable", url.Values{"csrf": {tok}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	if !strings.Contains(r.body, "propre compte") {
		t.Errorf("self-disable refusal:\n%s", r.body)
	}
	wantStatus(t, admin.post("/accounts/nobody/disable", url.Values{"csrf": {tok}}), http.StatusUnprocessableEntity)
	if p := admin.get("/accounts?disabled=" + url.QueryEscape("Votre compte est bloqué, appelez le 06")); strings.Contains(p.body, "appelez") {
		t.Errorf("a crafted notice is shown:\n%s", p.body)
	}
	db, err := sql.Open("sqlite", "file:"+f.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM events WHERE kind IN ('account.disabled', 'account.enabled') AND operator = 'admin'`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d account events by admin (%v), want 2", n, err)
	}
}

// A hostile pass over the pages an MDH account can reach: another site's
// units through every door (search, filter, API writes), forms from
// another session, huge inputs, a disabled account's session still in a
// browser. Each answer is a refusal that tells nothing and writes nothing.
func TestHostileMDH(t *testing.T) {
	f := newFixture(t)
	b := f.loggedIn("mdh-v2")
	other := f.loggedIn("mdh-ess")
	tok := b.csrf("/")

	t.Run("another site through search and filters", func(t *testing.T) {
		for _, q := range []string{"SB1", "INV-SB1", f.ids["ess"], "SC1", f.ids["ready"]} {
			for _, st := range []string{"", "reserved", "ready"} {
				r := b.get("/?q=" + url.QueryEscape(q) + "&state=" + st)
				wantStatus(t, r, http.StatusOK)
				// The search box keeps what was typed; the list is empty.
				if strings.Contains(r.body, `href="/u/`) || !strings.Contains(r.body, "Aucun ordinateur ne correspond") {
					t.Errorf("q=%s state=%s shows another unit", q, st)
				}
				api := b.get("/api/units?q=" + url.QueryEscape(q) + "&state=" + st)
				if strings.Contains(api.body, f.ids["ess"]) || strings.Contains(api.body, f.ids["ready"]) {
					t.Errorf("API q=%s state=%s shows another unit: %s", q, st, api.body)
				}
			}
		}
		if r := b.get("/?state=ready"); strings.Contains(r.body, f.ids["ready"]) {
			t.Error("the ready filter shows the workshop's units")
		}
	})

	t.Run("another site through the API's writes", func(t *testing.T) {
		missing := b.doRaw("POST", "/api/units/PCS-99-9999/handover", `{"beneficiary":"MDH-ESS-2026-001"}`, map[string]string{"X-CSRF-Token": tok})
		wantStatus(t, missing, http.StatusNotFound)
		for _, act := range []string{"handover", "returned"} {
			r := b.doRaw("POST", "/api/units/"+f.ids["ess"]+"/"+act, `{"beneficiary":"MDH-ESS-2026-001"}`, map[string]string{"X-CSRF-Token": tok})
			if r.StatusCode != missing.StatusCode || r.body != missing.body {
				t.Errorf("API %s on another site's unit: %d %s", act, r.StatusCode, r.body)
			}
		}
		if f.state(f.ids["ess"]) != "reserved" {
			t.Fatal("another site's unit changed")
		}
	})

	t.Run("forms with another session's token, or none", func(t *testing.T) {
		otherTok := other.csrf("/")
		for _, form := range []url.Values{
			{"beneficiary": {"MDH-V2-2026-099"}},
			{"csrf": {""}, "beneficiary": {"MDH-V2-2026-099"}},
			{"csrf": {otherTok}, "beneficiary": {"MDH-V2-2026-099"}},
			{"csrf": {strings.ToUpper(tok)}, "beneficiary": {"MDH-V2-2026-099"}},
			{"csrf": {tok + "00"}, "beneficiary": {"MDH-V2-2026-099"}},
		} {
			wantStatus(t, b.post("/u/"+f.ids["v2"]+"/handover", form), http.StatusForbidden)
		}
		r := b.doRaw("POST", "/api/units/"+f.ids["v2"]+"/handover", `{"beneficiary":"MDH-V2-2026-099"}`, map[string]string{"X-CSRF-Token": otherTok})
		wantStatus(t, r, http.StatusForbidden)
		wantStatus(t, b.post("/logout", url.Values{"csrf": {otherTok}}), http.StatusForbidden)
		wantStatus(t, b.get("/"), http.StatusOK) // still logged in
		if f.state(f.ids["v2"]) != "reserved" {
			t.Fatal("a forged form was recorded")
		}
	})

	t.Run("personal data in the beneficiary field", func(t *testing.T) {
		for _, ref := range []string{"jean.dupont@example.org", "06 12 34 56 78", "Jean Dupont", "185057800608491", "FR7630006000011234567890189", "MDH-V2-<script>alert(1)</script>"} {
			r := b.post("/u/"+f.ids["v2"]+"/handover", url.Values{"csrf": {tok}, "beneficiary": {ref}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
			if strings.Contains(r.body, ref) || strings.Contains(r.body, "<script>alert") {
				t.Errorf("the refused reference %q is echoed back", ref)
			}
			api := b.doRaw("POST", "/api/units/"+f.ids["v2"]+"/handover", `{"beneficiary":`+strconvQuote(ref)+`}`, map[string]string{"X-CSRF-Token": tok})
			wantStatus(t, api, http.StatusUnprocessableEntity)
		}
		if f.state(f.ids["v2"]) != "reserved" {
			t.Fatal("a reference with personal data was recorded")
		}
	})

	t.Run("huge inputs", func(t *testing.T) {
		huge := strings.Repeat("A", 4<<20)
		// A form is a few hundred bytes: more is refused before it is
		// read (Go would parse up to 10 MB of it for every request).
		r := b.post("/u/"+f.ids["v2"]+"/handover", url.Values{"csrf": {tok}, "beneficiary": {"MDH-" + huge}})
		wantStatus(t, r, http.StatusRequestEntityTooLarge)
		api := b.doRaw("POST", "/api/units/"+f.ids["v2"]+"/handover", `{"beneficiary":"`+huge+`"}`, map[string]string{"X-CSRF-Token": tok})
		wantStatus(t, api, http.StatusRequestEntityTooLarge)
		if strings.Contains(r.body, huge[:1000]) {
			t.Error("the huge reference is echoed back")
		}
		wantStatus(t, b.get("/?q="+strings.Repeat("9", 100<<10)), http.StatusOK)
		anon := f.browser()
		lr := anon.post("/login", url.Values{"csrf": {anon.csrf("/login")}, "login": {huge}, "password": {huge}})
		wantStatus(t, lr, http.StatusRequestEntityTooLarge)
		if strings.Contains(lr.body, huge[:1000]) {
			t.Error("the huge login is echoed back")
		}
		wantStatus(t, b.get("/s/"+strings.Repeat("a", 100<<10)), http.StatusNotFound)
		if f.state(f.ids["v2"]) != "reserved" {
			t.Fatal("a huge reference was recorded")
		}
	})

	t.Run("a disabled account's session", func(t *testing.T) {
		if err := f.l.DisableAccount(context.Background(), inventory.Actor{Operator: "camille"}, "mdh-v2"); err != nil {
			t.Fatal(err)
		}
		r := b.post("/u/"+f.ids["v2"]+"/handover", url.Values{"csrf": {tok}, "beneficiary": {"MDH-V2-2026-099"}})
		wantStatus(t, r, http.StatusSeeOther)
		wantStatus(t, b.get("/api/units"), http.StatusUnauthorized)
		wantStatus(t, b.doRaw("POST", "/api/units/"+f.ids["v2"]+"/handover", `{"beneficiary":"MDH-V2-2026-099"}`, map[string]string{"X-CSRF-Token": tok}), http.StatusUnauthorized)
		if f.state(f.ids["v2"]) != "reserved" {
			t.Fatal("a disabled account's session recorded a handover")
		}
	})
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

// recordingSessions is a Sessions store of its own, as several serve
// processes on one database would plug in; it notes what was asked.
type recordingSessions struct {
	Sessions
	mu    sync.Mutex
	calls []string
}

func (s *recordingSessions) note(c string) { s.mu.Lock(); s.calls = append(s.calls, c); s.mu.Unlock() }
func (s *recordingSessions) NewSession(ctx context.Context, login string, now time.Time, ttl time.Duration) (string, string, error) {
	s.note("new")
	return s.Sessions.NewSession(ctx, login, now, ttl)
}
func (s *recordingSessions) ThrottleWait(ctx context.Context, now time.Time, keys ...string) (time.Duration, error) {
	s.note("wait")
	return s.Sessions.ThrottleWait(ctx, now, keys...)
}

func TestSessionsStoreIsPluggable(t *testing.T) {
	f := newFixture(t)
	st := &recordingSessions{Sessions: f.l}
	h, err := New(f.l, Options{Sessions: st})
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Config.Handler = h
	f.loggedIn("mdh-v2")
	if got := strings.Join(st.calls, ","); got != "wait,new" {
		t.Errorf("the handler asked its store %q, want wait,new", got)
	}
}

// otherToken is tok with its first character changed: "0"+tok[1:] was tok
// itself whenever tok began with 0 (a forged token "accepted" once in a
// few dozen runs).
func otherToken(tok string) string {
	if tok[0] == '0' {
		return "1" + tok[1:]
	}
	return "0" + tok[1:]
}
