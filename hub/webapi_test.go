package hub

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/hub/web"
)

// newWebHub is a hub serving the sync API and the web pages on one mux,
// as atelier serve does, with the web API taking signed bench requests.
func newWebHub(t *testing.T, benches ...*testBench) (*testBench, *httptest.Server) {
	t.Helper()
	h := openLedger(t, "hub", "H")
	for _, b := range benches {
		if _, err := h.l.EnrolBench(context.Background(), cam, b.l.BenchName(), b.key.Public().(ed25519.PublicKey), b.l.Letter()); err != nil {
			t.Fatal(err)
		}
	}
	svc := &Service{Store: LedgerStore{h.l}, Challenges: NewMemoryChallenges(), Key: h.key, SpoolDir: t.TempDir()}
	pages, err := web.New(h.l, web.Options{APIAuth: svc.WebAPIAuth})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", pages)
	srv := httptest.NewServer(svc.Handler(mux))
	t.Cleanup(srv.Close)
	return h, srv
}

func send(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// clone is req sent again, byte for byte (a captured request replayed).
func clone(t *testing.T, req *http.Request, body string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(req.Method, req.URL.String(), strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header = req.Header.Clone()
	return r
}

func TestWebAPIBySignedBench(t *testing.T) {
	ctx := context.Background()
	b, stranger := openLedger(t, "atelier-2", "B"), openLedger(t, "intruder", "Z")
	hubL, srv := newWebHub(t, b)
	u := hubL.add(t, "SN1")
	c := b.client(srv.URL)
	path := "/api/units/" + u.ID

	// A signed read: the unit, with the volunteer's view.
	req, err := c.SignedRequest(ctx, "GET", path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	code, body := send(t, req)
	var got struct{ ID, State string }
	if code != http.StatusOK || json.Unmarshal([]byte(body), &got) != nil || got.ID != u.ID {
		t.Fatalf("signed GET = %d %s", code, body)
	}
	// The same request again: its challenge is used up.
	if code, body := send(t, clone(t, req, "")); code != http.StatusUnauthorized {
		t.Fatalf("replayed GET = %d %s", code, body)
	}

	// A signed write reaches the handler with its body intact (a return
	// of a unit not handed over: refused by the lifecycle, not by auth).
	payload := `{"beneficiary":""}`
	req, err = c.SignedRequest(ctx, "POST", path+"/returned", "", []byte(payload))
	if err != nil {
		t.Fatal(err)
	}
	if code, body := send(t, req); code != http.StatusUnprocessableEntity {
		t.Fatalf("signed POST = %d %s", code, body)
	}

	refused := map[string]func() *http.Request{
		"unsigned": func() *http.Request {
			r, _ := http.NewRequest("GET", srv.URL+path, nil)
			return r
		},
		"unknown bench": func() *http.Request {
			r, err := stranger.client(srv.URL).SignedRequest(ctx, "GET", path, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			return r
		},
		"another bench's name": func() *http.Request {
			r, err := (&Client{URL: srv.URL, Bench: "atelier-2", Key: stranger.key}).SignedRequest(ctx, "GET", path, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			return r
		},
		"body not the one signed": func() *http.Request {
			r, err := c.SignedRequest(ctx, "POST", path+"/returned", "", []byte(payload))
			if err != nil {
				t.Fatal(err)
			}
			return clone(t, r, `{"beneficiary":"X-1"}`)
		},
		"another path than signed": func() *http.Request {
			r, err := c.SignedRequest(ctx, "GET", path, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			r.URL.Path = "/api/units"
			return r
		},
		"huge body": func() *http.Request {
			big := []byte(`{"beneficiary":"` + strings.Repeat("A", 70<<10) + `"}`)
			r, err := c.SignedRequest(ctx, "POST", path+"/returned", "", big)
			if err != nil {
				t.Fatal(err)
			}
			return r
		},
	}
	for name, mk := range refused {
		want := http.StatusUnauthorized
		if name == "huge body" {
			want = http.StatusRequestEntityTooLarge // the pages' cap, before any check
		}
		if code, body := send(t, mk()); code != want || strings.Contains(body, u.ID) {
			t.Errorf("%s: %d %s, want %d without the unit", name, code, body, want)
		}
	}

	// Revoked: its scripts stop with it.
	if _, err := hubL.l.RevokeBench(ctx, cam, "atelier-2"); err != nil {
		t.Fatal(err)
	}
	req, err = c.SignedRequest(ctx, "GET", path, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := send(t, req); code != http.StatusUnauthorized {
		t.Fatalf("revoked bench = %d %s", code, body)
	}
}
