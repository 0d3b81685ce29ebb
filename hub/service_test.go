package hub

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

var cam = inventory.Actor{Operator: "camille"}

type testBench struct {
	l   *inventory.Ledger
	key ed25519.PrivateKey
}

func openLedger(t *testing.T, bench, letter string) *testBench {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, err := inventory.Init(ctx, path, inventory.InitOptions{Bench: bench, Letter: letter}); err != nil {
		t.Fatal(err)
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	_, key := newKey(t)
	l.SetBenchKeys(inventory.BenchKeys{Signer: func() (crypto.Signer, error) { return key, nil }, Public: key.Public().(ed25519.PublicKey)})
	return &testBench{l: l, key: key}
}

// newHubServer is a hub with benches enrolled, served by httptest.
func newHubServer(t *testing.T, benches ...*testBench) (*testBench, *httptest.Server) {
	t.Helper()
	h := openLedger(t, "hub", "H")
	for _, b := range benches {
		if _, err := h.l.EnrolBench(context.Background(), cam, b.l.BenchName(), b.key.Public().(ed25519.PublicKey), b.l.Letter()); err != nil {
			t.Fatal(err)
		}
	}
	svc := &Service{Store: LedgerStore{h.l}, Challenges: NewMemoryChallenges(), Key: h.key, SpoolDir: t.TempDir()}
	srv := httptest.NewServer(svc.Handler(nil))
	t.Cleanup(srv.Close)
	return h, srv
}

func (b *testBench) client(url string) *Client {
	return &Client{URL: url, Bench: b.l.BenchName(), Key: b.key}
}

func (b *testBench) add(t *testing.T, serial string) inventory.Unit {
	t.Helper()
	u, err := b.l.AddUnit(context.Background(), cam, inventory.NewUnit{Serial: serial, Model: "Latitude"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func refusal(t *testing.T, err error) *RefusedError {
	t.Helper()
	var r *RefusedError
	if !errors.As(err, &r) {
		t.Fatalf("want a refusal, got %v", err)
	}
	return r
}

func TestSyncThroughTheHub(t *testing.T) {
	ctx := context.Background()
	b, c := openLedger(t, "atelier-2", "B"), openLedger(t, "atelier-3", "C")
	hubL, srv := newHubServer(t, b, c)
	u := b.add(t, "SN1")
	res, err := Sync(ctx, b.l, b.client(srv.URL), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if res.Pushed != 1 || res.Pulled != 2 { // the unit; the hub's two enrolments
		t.Fatalf("first sync = %+v", res)
	}
	if res, err := Sync(ctx, b.l, b.client(srv.URL), t.TempDir()); err != nil || res.Pushed != 0 || res.Pulled != 0 {
		t.Fatalf("second sync = %+v, %v (want nothing moved)", res, err)
	}
	if _, err := Sync(ctx, c.l, c.client(srv.URL), t.TempDir()); err != nil {
		t.Fatal(err)
	}
	got, err := c.l.FindUnit(ctx, u.ID)
	if err != nil || got.Serial != "SN1" {
		t.Fatalf("bench C sees %+v, %v", got, err)
	}
	if url, _ := c.l.HubURL(ctx); url != srv.URL {
		t.Fatalf("hub not remembered: %q", url)
	}
	for _, l := range []*inventory.Ledger{hubL.l, b.l, c.l} {
		if _, err := l.Verify(ctx); err != nil {
			t.Fatalf("%s: %v", l.BenchName(), err)
		}
	}
}

func TestRefusals(t *testing.T) {
	ctx := context.Background()
	b, stranger := openLedger(t, "atelier-2", "B"), openLedger(t, "intruder", "Z")
	hubL, srv := newHubServer(t, b)
	b.add(t, "SN1")

	// No signature, and a stranger's: one JSON line each.
	resp, err := http.Get(srv.URL + HeadsPath)
	if err != nil {
		t.Fatal(err)
	}
	var r Refusal
	json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized || r.Code != "unauthenticated" || r.Error == "" {
		t.Fatalf("unsigned heads = %d %+v", resp.StatusCode, r)
	}
	_, err = stranger.client(srv.URL).Heads(ctx)
	if rf := refusal(t, err); rf.Status != http.StatusForbidden || rf.Code != "unknown_bench" {
		t.Fatalf("stranger = %+v", rf)
	}
	// A bench pushing under its own name a bundle signed by another key.
	impostor := &Client{URL: srv.URL, Bench: "atelier-2", Key: stranger.key}
	_, err = impostor.Heads(ctx)
	if rf := refusal(t, err); rf.Code != "bad_signature" {
		t.Fatalf("impostor = %+v", rf)
	}

	// A tampered bundle: refused whole, naming the event, hub unchanged.
	var buf bytes.Buffer
	if _, err := b.l.Export(ctx, &buf, nil, b.key); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(buf.String(), `SN1`, `SN9`, 1)
	f := tempFile(t, bad)
	_, err = b.client(srv.URL).Push(ctx, f)
	rf := refusal(t, err)
	if rf.Code != "chain_broken" || !strings.Contains(rf.Refusal.Error, "altered") {
		t.Fatalf("tampered push = %+v", rf)
	}
	if n, _ := hubL.l.ListUnits(ctx, inventory.ListFilter{}); len(n) != 0 {
		t.Fatal("the refused push wrote units")
	}

	// A body that is not the one signed.
	ch, _ := b.client(srv.URL).challenge(ctx)
	req, _ := http.NewRequest("POST", srv.URL+PushPath, strings.NewReader(buf.String()))
	SignRequest(req, "atelier-2", b.key, ch, SHA256([]byte("other")))
	req.Header.Set(DigestHeader, hex.EncodeToString(SHA256([]byte("other"))))
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "body_mismatch") {
		t.Fatalf("mismatched body = %d %s", resp.StatusCode, body)
	}

	// Revoked: refused from then on, what it sent before stays.
	if _, err := Sync(ctx, b.l, b.client(srv.URL), t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if _, err := hubL.l.RevokeBench(ctx, cam, "atelier-2"); err != nil {
		t.Fatal(err)
	}
	b.add(t, "SN2")
	_, err = Sync(ctx, b.l, b.client(srv.URL), t.TempDir())
	if rf := refusal(t, err); rf.Status != http.StatusForbidden || rf.Code != "revoked" {
		t.Fatalf("revoked = %+v", rf)
	}
	if n, _ := hubL.l.ListUnits(ctx, inventory.ListFilter{}); len(n) != 1 {
		t.Fatalf("hub has %d units, want the 1 sent before revocation", len(n))
	}

	// Health answers without a signature.
	resp, err = http.Get(srv.URL + HealthPath)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz = %v %v", resp, err)
	}
	resp.Body.Close()
}

func tempFile(t *testing.T, s string) *os.File {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "bundle")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestParseAfter(t *testing.T) {
	m, err := ParseAfter("a:3,b-2:0")
	if err != nil || m["a"] != 3 || m["b-2"] != 0 || len(m) != 2 {
		t.Fatalf("ParseAfter = %v, %v", m, err)
	}
	for _, bad := range []string{"a", "a:-1", ":3", "a:x"} {
		if _, err := ParseAfter(bad); err == nil {
			t.Errorf("ParseAfter(%q) accepted", bad)
		}
	}
	if got := FormatAfter([]inventory.ChainHead{{Bench: "a", Seq: 3}, {Bench: "b", Seq: 1}}); got != "a:3,b:1" {
		t.Fatalf("FormatAfter = %q", got)
	}
}

// Anyone may ask for a challenge; a flood is answered "busy", not stored.
func TestChallengeFloodIsBounded(t *testing.T) {
	ctx := context.Background()
	m := NewMemoryChallenges()
	now := time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC)
	for i := 0; i < maxPendingChallenges; i++ {
		if _, err := m.Issue(ctx, now); err != nil {
			t.Fatal(i, err)
		}
	}
	if _, err := m.Issue(ctx, now); !errors.Is(err, ErrTooManyChallenges) {
		t.Fatalf("challenge %d = %v", maxPendingChallenges+1, err)
	}
	// Once they expire, challenges are issued again.
	if _, err := m.Issue(ctx, now.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
}

// A bench's operator reads the hub's refusals in the bench's language.
func TestRefusalsInTheBenchLanguage(t *testing.T) {
	ctx := context.Background()
	b, stranger := openLedger(t, "atelier-2", "B"), openLedger(t, "intruder", "Z")
	_, srv := newHubServer(t, b)
	b.add(t, "SN1")
	var buf bytes.Buffer
	if _, err := b.l.Export(ctx, &buf, nil, b.key); err != nil {
		t.Fatal(err)
	}
	c := b.client(srv.URL)
	c.Lang = "fr"
	_, err := c.Push(ctx, tempFile(t, strings.Replace(buf.String(), "SN1", "SN9", 1)))
	if rf := refusal(t, err); !strings.Contains(rf.Refusal.Error, "a été modifié") {
		t.Fatalf("French refusal = %q", rf.Refusal.Error)
	}
	s := stranger.client(srv.URL)
	s.Lang = "fr"
	_, err = s.Heads(ctx)
	if rf := refusal(t, err); !strings.Contains(rf.Refusal.Error, "n'est pas inscrit sur le hub") {
		t.Fatalf("French refusal = %q", rf.Refusal.Error)
	}
}

// Asking for a challenge needs no key: one address asking in a loop is
// stopped at its own share, and an enrolled bench elsewhere still syncs.
func TestChallengeFloodFromOneAddressLeavesBenchesServed(t *testing.T) {
	b := openLedger(t, "atelier-2", "B")
	h, _ := newHubServer(t, b)
	svc := &Service{Store: LedgerStore{h.l}, Challenges: NewMemoryChallenges(), Key: h.key, SpoolDir: t.TempDir()}
	handler := svc.Handler(nil)
	ask := func(addr string) int {
		req := httptest.NewRequest("POST", ChallengePath, nil)
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := 0; i < maxChallengesPerAddress; i++ {
		if code := ask("192.0.2.66:40000"); code != http.StatusOK {
			t.Fatalf("challenge %d from one address = %d", i+1, code)
		}
	}
	for i := 0; i < 50; i++ {
		if code := ask("192.0.2.66:40001"); code != http.StatusTooManyRequests {
			t.Fatalf("challenge %d past the address's share = %d, want 429", maxChallengesPerAddress+i+1, code)
		}
	}
	if code := ask("198.51.100.7:5000"); code != http.StatusOK {
		t.Fatalf("another address after the flood = %d", code)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	if _, err := b.client(srv.URL).Heads(context.Background()); err != nil {
		t.Fatalf("enrolled bench after the flood: %v", err)
	}
}
