package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/pcsolidaire/atelier/internal/browsertest"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// The community centres' pages in a real browser against a real `atelier
// serve` process (this test binary run as atelier, on 127.0.0.1 with a
// free port), over a ledger made only through the CLI: sites, units wiped
// and deployed on loop devices of the test's own, reserved, an MDH account
// and an admin. Screenshots of every page, on a phone and on a desktop,
// are saved as artifacts ($ATELIER_ARTIFACTS/web).

const e2ePassword = "correct-horse-battery"

// runIn is run with stdin.
func (x *e2e) runIn(stdin string, name string, args ...string) string {
	x.t.Helper()
	c := x.cmd(name, args...)
	c.Stdin = strings.NewReader(stdin)
	out, err := c.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		x.t.Fatalf("atelier %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

// reservedUnit takes a new unit the honest way to reserved for site: its
// disk (a loop device of this test) wiped with a certificate, the image
// deployed and verified, then ready and reserved.
func (x *e2e) reservedUnit(name, serial, vendor, model, site string) string {
	x.t.Helper()
	var u struct{ ID string }
	out := x.run(0, name, "intake", "add", "--serial", serial, "--vendor", vendor, "--model", model, "--json")
	if err := json.Unmarshal([]byte(out), &u); err != nil || u.ID == "" {
		x.t.Fatalf("intake add: %v: %s", err, out)
	}
	x.run(0, name, "unit", "move", u.ID, "triaged")
	dev := looptest.Attach(x.t, 8<<20)
	x.run(0, name, "wipe", dev, "--unit", u.ID, "--method", "zero", "--yes")
	x.run(0, name, "deploy", "--image", "master", dev, "--unit", u.ID, "--yes")
	x.run(0, name, "unit", "move", u.ID, "ready")
	x.run(0, name, "unit", "move", u.ID, "reserved", "--site", site)
	return u.ID
}

// webLedger is the hub's ledger of the web tests: two sites, a unit
// reserved for each, a ready one, the accounts.
func (x *e2e) webLedger() (v2, ess, ready string) {
	x.t.Helper()
	x.run(0, "hub", "init", "--bench", "hub", "--letter", "H")
	x.run(0, "hub", "site", "add", "MDH Village 2")
	x.run(0, "hub", "site", "add", "MDH Essarts")
	img := make([]byte, 4<<20)
	img[510], img[511] = 0x55, 0xaa
	master := filepath.Join(x.dir, "master.img")
	if err := os.WriteFile(master, img, 0o644); err != nil {
		x.t.Fatal(err)
	}
	x.run(0, "hub", "image", "add", master, "--os", "zorin", "--version", "18.1")
	v2 = x.reservedUnit("hub", "SA1", "Dell", "Latitude E6410", "MDH Village 2")
	ess = x.reservedUnit("hub", "SB1", "HP", "EliteBook 840", "MDH Essarts")
	var u struct{ ID string }
	if err := json.Unmarshal([]byte(x.run(0, "hub", "intake", "add", "--serial", "SC1", "--vendor", "Lenovo", "--model", "ThinkPad T440", "--json")), &u); err != nil {
		x.t.Fatal(err)
	}
	ready = u.ID
	x.runIn(e2ePassword+"\n", "hub", "account", "add", "mdh-v2", "--site", "MDH Village 2", "--password-stdin")
	x.runIn(e2ePassword+"\n", "hub", "account", "add", "admin", "--role", "admin", "--password-stdin")
	return v2, ess, ready
}

// stickerPath issues the unit's sticker token through atelier label and
// returns /s/TOKEN, the path its QR code opens.
func (x *e2e) stickerPath(id string) string {
	x.t.Helper()
	x.run(0, "hub", "org", "set", "--name", "PC Solidaire", "--address", "Échirolles", "--hub-url", "https://hub.example.org")
	var labels []struct{ QR string }
	out := x.run(0, "hub", "label", id, "--format", "avery-l7163", "--out", filepath.Join(x.dir, "labels.pdf"), "--json")
	if err := json.Unmarshal([]byte(out), &labels); err != nil || len(labels) != 1 {
		x.t.Fatalf("label --json: %v: %s", err, out)
	}
	u, err := url.Parse(labels[0].QR)
	if err != nil || !strings.HasPrefix(u.Path, "/s/") {
		x.t.Fatalf("QR %q", labels[0].QR)
	}
	return u.Path
}

func TestWebInBrowserAgainstServe(t *testing.T) {
	looptest.Require(t)
	browsertest.Chromium(t)
	x := newE2E(t)
	v2, ess, ready := x.webLedger()
	sticker := x.stickerPath(ready)
	hub := x.startHub("hub", "127.0.0.1:0")
	ctx := browsertest.New(t, browsertest.Phone)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		browsertest.Do(t, ctx, what, steps...)
	}
	text := func(sel string) string { t.Helper(); return browsertest.Text(t, ctx, sel) }
	shot := func(name string) { t.Helper(); browsertest.Screenshot(t, ctx, name+"-phone") }
	send := func(what string, typing, next chromedp.Action[chromedp.Void]) {
		t.Helper()
		browsertest.Send(t, ctx, what, typing, next)
	}

	// An MDH staff member on a phone, keyboard only.
	do("open the login page", chromedp.Navigate(hub.url+"/login"), chromedp.WaitVisible(chromedp.ID("login")))
	shot("login")
	send("log in with the keyboard", chromedp.KeyEvent("\t\tmdh-v2\t"+e2ePassword), chromedp.WaitVisible(chromedp.ID("q")))
	if got := text(".units"); !strings.Contains(got, v2) || strings.Contains(got, ess) || strings.Contains(got, ready) {
		t.Fatalf("home lists %q: want %s only", got, v2)
	}
	shot("home")
	do("type a serial", chromedp.SendKeys(chromedp.ID("q"), "SA1"))
	browsertest.Enter(t, ctx, "search by serial")
	browsertest.WaitURL(t, ctx, "q=SA1")
	do("search result", chromedp.WaitVisible(chromedp.CSS(".unit a")))
	do("open the unit", chromedp.Click(chromedp.CSS(".unit a")), chromedp.WaitVisible(chromedp.ID("beneficiary")))
	if got := text("#sentence"); !strings.Contains(got, "réservé pour MDH Village 2") {
		t.Fatalf("before: %q", got)
	}
	shot("unit")
	send("refused reference", chromedp.SendKeys(chromedp.ID("beneficiary"), "06 12 34 56 78"), chromedp.WaitVisible(chromedp.ID("error")))
	if got := text("#error"); !strings.Contains(got, "téléphone") {
		t.Fatalf("refusal: %q", got)
	}
	shot("unit-refused")
	send("record the handover", chromedp.SendKeys(chromedp.ID("beneficiary"), "MDH-V2-2026-017"), chromedp.WaitVisible(chromedp.ID("notice")))
	if got := text("#sentence"); !strings.Contains(got, "remis par MDH Village 2") {
		t.Fatalf("after: %q", got)
	}
	shot("handover-done")
	// The ledger says so too, to the CLI, while the hub runs.
	if out := x.run(0, "hub", "status", v2); !strings.Contains(out, "handed over by MDH Village 2") {
		t.Fatalf("status after the handover: %s", out)
	}
	// Another site's unit is nowhere.
	do("another site's unit", chromedp.Navigate(hub.url+"/u/"+ess), chromedp.WaitVisible(chromedp.CSS("main")))
	if got := text("main"); strings.Contains(got, ess) || !strings.Contains(got, "Il n'y a rien ici") {
		t.Fatalf("another site's unit shows %q", got)
	}
	shot("notfound")
	do("back home", chromedp.Navigate(hub.url+"/"), chromedp.WaitVisible(chromedp.CSS(".logout button")))
	do("log out", chromedp.Click(chromedp.CSS(".logout button")), chromedp.WaitVisible(chromedp.ID("password")))
	browsertest.WaitURL(t, ctx, "/login")
	do("home after logout", chromedp.Navigate(hub.url+"/"), chromedp.WaitVisible(chromedp.ID("password")))

	// The sticker's public page: the unit and its state, nothing else.
	do("sticker page", chromedp.Navigate(hub.url+sticker), chromedp.WaitVisible(chromedp.CSS("main")))
	if got := text("main"); !strings.Contains(got, ready) || strings.Contains(got, "MDH") {
		t.Fatalf("sticker page: %q", got)
	}
	shot("sticker")

	// Every page again on a desktop screen, as the admin.
	if err := browsertest.Show(ctx, browsertest.Desktop); err != nil {
		t.Fatal(err)
	}
	desk := func(name, path, ready string) {
		t.Helper()
		do(name, chromedp.Navigate(hub.url+path), chromedp.WaitVisible(chromedp.CSS(ready)))
		browsertest.Screenshot(t, ctx, name+"-desktop")
	}
	desk("sticker", sticker, "main")
	desk("login", "/login", "#login")
	do("admin types the login", chromedp.SendKeys(chromedp.ID("login"), "admin"))
	send("admin logs in", chromedp.SendKeys(chromedp.ID("password"), e2ePassword), chromedp.WaitVisible(chromedp.ID("q")))
	desk("home", "/", "#q")
	desk("unit", "/u/"+ess, "#sentence")
	desk("handover-done", "/u/"+v2+"?done=handover.done", "#notice")
	desk("accounts", "/accounts", "table")
	desk("notfound", "/u/PCS-99-9999", "main")
}

// The login throttle behind a reverse proxy: every request comes from
// 127.0.0.1. Without --trust-proxy, X-Forwarded-For is anyone's claim and
// ignored, so one client's failures make everyone wait; with it, each
// client address the proxy forwards is counted apart.
func TestServeTrustProxyThrottle(t *testing.T) {
	x := newE2E(t)
	x.run(0, "hub", "init", "--bench", "hub", "--letter", "H")
	x.runIn(e2ePassword+"\n", "hub", "account", "add", "benevole", "--role", "volunteer", "--password-stdin")
	for _, trust := range []bool{false, true} {
		t.Run(fmt.Sprintf("trust-proxy=%v", trust), func(t *testing.T) {
			var flags []string
			if trust {
				flags = []string{"--trust-proxy"}
			}
			hub := x.startHub("hub", "127.0.0.1:0", flags...)
			defer hub.stop()
			// Each run's addresses are new to the throttle table.
			attacker, staff := "192.0.2.10", "198.51.100.20"
			if trust {
				attacker, staff = "192.0.2.11", "198.51.100.21"
			}
			for i := 0; i < 10; i++ {
				if code := webLogin(t, hub.url, attacker, fmt.Sprintf("guess-%v-%d", trust, i), "wrong password!"); code != http.StatusUnauthorized {
					t.Fatalf("failure %d: %d", i, code)
				}
			}
			if code := webLogin(t, hub.url, attacker, "benevole", e2ePassword); code != http.StatusTooManyRequests {
				t.Errorf("the failing client: %d, want 429", code)
			}
			want := http.StatusTooManyRequests // everyone is 127.0.0.1
			if trust {
				want = http.StatusSeeOther
			}
			if code := webLogin(t, hub.url, staff, "benevole", e2ePassword); code != want {
				t.Errorf("another client behind the proxy: %d, want %d", code, want)
			}
		})
	}
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// webLogin posts the login form as a client the proxy names in
// X-Forwarded-For, and returns the answer's status.
func webLogin(t *testing.T, base, client, login, pw string) int {
	t.Helper()
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	page.ReadFrom(resp.Body)
	resp.Body.Close()
	m := csrfInput.FindStringSubmatch(page.String())
	if m == nil {
		t.Fatalf("no csrf token on /login")
	}
	form := url.Values{"csrf": {m[1]}, "login": {login}, "password": {pw}}
	req, _ := http.NewRequest("POST", base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", client)
	for _, c := range resp.Cookies() {
		req.AddCookie(c)
	}
	r, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	return r.StatusCode
}
