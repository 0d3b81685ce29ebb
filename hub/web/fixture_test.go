package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

const testPassword = "correct-horse-battery"

// fixture is a ledger with two sites, their units and one account per
// role, served by the handler on a loopback test server.
type fixture struct {
	t     *testing.T
	path  string
	l     *inventory.Ledger
	h     *Handler
	srv   *httptest.Server
	clock *testClock
	// units by name: v2 reserved for MDH Village 2, ess reserved for MDH
	// Essarts, ready not reserved, given handed over at MDH Village 2.
	ids map[string]string
}

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type fakeStickers map[string]inventory.Unit

func (f fakeStickers) UnitByToken(_ context.Context, tok string) (inventory.Unit, error) {
	u, ok := f[tok]
	if !ok {
		return u, inventory.ErrUnknownUnit
	}
	return u, nil
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, err := inventory.Init(ctx, path, inventory.InitOptions{Bench: "hub"}); err != nil {
		t.Fatal(err)
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	f := &fixture{t: t, path: path, l: l, clock: &testClock{t: time.Now()}, ids: map[string]string{}}
	a := inventory.Actor{Operator: "camille"}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"MDH Village 2", "MDH Essarts"} {
		_, err := l.AddSite(ctx, a, s)
		must(err)
	}
	mk := func(name, serial, model string, to ...inventory.State) {
		u, err := l.AddUnit(ctx, a, inventory.NewUnit{Serial: serial, AssetTag: "INV-" + serial, Vendor: "Dell", Model: model})
		must(err)
		f.ids[name] = u.ID
		must(f.prepare(u.ID, "D"+serial, true))
		for _, st := range to {
			switch st {
			case inventory.Reserved:
				_, err = l.Move(ctx, a, u.ID, st, inventory.MoveOptions{Site: model2site(model)})
			case inventory.HandedOver:
				_, err = l.Handover(ctx, a, u.ID, model2site(model), "MDH-V2-2026-001")
			}
			must(err)
		}
	}
	mk("v2", "SA1", "Latitude E6410", inventory.Reserved)
	mk("ess", "SB1", "Latitude E5510", inventory.Reserved)
	mk("ready", "SC1", "Latitude E6410")
	mk("given", "SD1", "Latitude E6410", inventory.Reserved, inventory.HandedOver)
	for _, acc := range [][3]string{{"mdh-v2", "MDH Village 2", "mdh"}, {"mdh-ess", "MDH Essarts", "mdh"},
		{"benevole", "", "volunteer"}, {"admin", "", "admin"}} {
		_, err := l.AddAccount(ctx, a, acc[0], acc[1], acc[2], testPassword)
		must(err)
	}
	f.serve(nil)
	return f
}

// prepare brings a received (probe) or triaged unit to ready the way the
// bench does: its disk wiped (passed), the image deployed, then ready.
func (f *fixture) prepare(id, disk string, probe bool) error {
	ctx := context.Background()
	a := inventory.Actor{Operator: "camille"}
	d := inventory.DiskRecord{Serial: disk}
	if probe {
		rep := []byte(`{"schema":"atelier.probe/v1","cpu":{"model":"Intel Core i5-520M"},"memory":{"total_bytes":4294967296},"disks":[{"model":"WD","size_bytes":250000000000,"medium":"hdd"}]}`)
		if _, err := f.l.RecordProbe(ctx, a, id, rep, nil, "B", []inventory.DiskRecord{d}); err != nil {
			return err
		}
	}
	s, err := f.l.WipeStarted(ctx, a, id, inventory.WipeStart{Disk: d, Method: "zero"})
	if err != nil {
		return err
	}
	if _, err := f.l.WipeFinished(ctx, a, id, inventory.WipeOutcome{StartEvent: s, Status: inventory.ErasurePassed,
		CertificateID: "01KAQ7ZC0N6M5V4H0S3G3Y9T2B", Technique: "overwrite-zero", NIST: "Clear"}); err != nil {
		return err
	}
	if _, err := f.l.RecordDeploy(ctx, a, id, inventory.DeployOutcome{Image: "zorin-18", DiskSerial: disk, Status: inventory.ErasurePassed}); err != nil {
		return err
	}
	_, err = f.l.Move(ctx, a, id, inventory.Ready, inventory.MoveOptions{})
	return err
}

// model2site: the E5510 units go to Essarts, the others to Village 2.
func model2site(model string) string {
	if model == "Latitude E5510" {
		return "MDH Essarts"
	}
	return "MDH Village 2"
}

// serve (re)starts the handler, as a restart of the hub would.
func (f *fixture) serve(st Stickers) {
	if f.srv != nil {
		f.srv.Close()
	}
	h, err := New(f.l, Options{Now: f.clock.Now, Stickers: st, APIAuth: func(r *http.Request) (string, bool) {
		return "bench-1", r.Header.Get("X-Test-Bench") == "bench-1"
	}})
	if err != nil {
		f.t.Fatal(err)
	}
	f.h = h
	f.srv = httptest.NewServer(h)
	f.t.Cleanup(f.srv.Close)
}

// browser is a cookie-keeping client that does not follow redirects.
type browser struct {
	t    *testing.T
	f    *fixture
	c    *http.Client
	lang string
}

func (f *fixture) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: f.t, f: f, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type resp struct {
	*http.Response
	body string
}

func (b *browser) do(method, path string, form url.Values, hdr map[string]string) resp {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, b.f.srv.URL+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	r, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	data, _ := io.ReadAll(r.Body)
	return resp{r, string(data)}
}

func (b *browser) get(path string) resp { b.t.Helper(); return b.do("GET", path, nil, nil) }
func (b *browser) post(path string, form url.Values) resp {
	b.t.Helper()
	return b.do("POST", path, form, nil)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf reads the form token of the page at path.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	m := csrfRE.FindStringSubmatch(b.get(path).body)
	if m == nil {
		b.t.Fatalf("no csrf token on %s", path)
	}
	return m[1]
}

func (b *browser) tryLogin(login, pw string) resp {
	b.t.Helper()
	return b.post("/login", url.Values{"csrf": {b.csrf("/login")}, "login": {login}, "password": {pw}})
}

func (f *fixture) loggedIn(login string) *browser {
	f.t.Helper()
	b := f.browser()
	if r := b.tryLogin(login, testPassword); r.StatusCode != http.StatusSeeOther {
		f.t.Fatalf("login %s: %d %s", login, r.StatusCode, r.body)
	}
	return b
}

func wantStatus(t *testing.T, r resp, code int) {
	t.Helper()
	if r.StatusCode != code {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, code, r.body)
	}
}

func (f *fixture) state(id string) string {
	f.t.Helper()
	u, err := f.l.FindUnit(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return u.State
}

func (b *browser) doRaw(method, path, body string, hdr map[string]string) resp {
	b.t.Helper()
	req, err := http.NewRequest(method, b.f.srv.URL+path, strings.NewReader(body))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	r, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	data, _ := io.ReadAll(r.Body)
	return resp{r, string(data)}
}
