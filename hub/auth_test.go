package hub

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

type keyMap map[string]ed25519.PublicKey

func (k keyMap) BenchKey(_ context.Context, name string) (ed25519.PublicKey, error) {
	if name == "revoked" {
		return nil, ErrRevokedBench
	}
	p, ok := k[name]
	if !ok {
		return nil, ErrUnknownBench
	}
	return p, nil
}

func newKey(t *testing.T) (ed25519.PublicKey, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

// A correctly signed request passes once; the same request again (a
// replay) is refused, as are a changed body, another bench's key, a
// revoked or unknown bench, an expired challenge and a malformed header.
func TestAuthenticate(t *testing.T) {
	ctx := context.Background()
	pubA, privA := newKey(t)
	_, privB := newKey(t)
	keys := keyMap{"bench-a": pubA}
	now := time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC)
	ch := NewMemoryChallenges()
	body := []byte(`{"events":[]}`)

	signed := func(bench string, key ed25519.PrivateKey, body []byte) (*http.Request, string) {
		c, err := ch.Issue(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("POST", "/api/sync/v1/push?x=1", bytes.NewReader(body))
		SignRequest(r, bench, key, c, SHA256(body))
		return r, c
	}

	r, _ := signed("bench-a", privA, body)
	got, err := Authenticate(ctx, r, SHA256(body), keys, ch, now)
	if err != nil || got != "bench-a" {
		t.Fatalf("good request: %q, %v", got, err)
	}
	if _, err := Authenticate(ctx, r, SHA256(body), keys, ch, now); !errors.Is(err, ErrBadChallenge) {
		t.Fatalf("replayed request: want ErrBadChallenge, got %v", err)
	}

	cases := []struct {
		name string
		make func() (*http.Request, []byte, time.Time)
		want error
	}{
		{"body changed after signing", func() (*http.Request, []byte, time.Time) {
			r, _ := signed("bench-a", privA, body)
			return r, SHA256([]byte(`{"events":[1]}`)), now
		}, ErrBadSignature},
		{"signed with another key", func() (*http.Request, []byte, time.Time) {
			r, _ := signed("bench-a", privB, body)
			return r, SHA256(body), now
		}, ErrBadSignature},
		{"unknown bench", func() (*http.Request, []byte, time.Time) {
			r, _ := signed("bench-z", privA, body)
			return r, SHA256(body), now
		}, ErrUnknownBench},
		{"revoked bench", func() (*http.Request, []byte, time.Time) {
			r, _ := signed("revoked", privA, body)
			return r, SHA256(body), now
		}, ErrRevokedBench},
		{"challenge expired", func() (*http.Request, []byte, time.Time) {
			r, _ := signed("bench-a", privA, body)
			return r, SHA256(body), now.Add(challengeTTL + time.Second)
		}, ErrBadChallenge},
		{"challenge never issued", func() (*http.Request, []byte, time.Time) {
			r := httptest.NewRequest("GET", "/api/sync/v1/heads", nil)
			SignRequest(r, "bench-a", privA, "made-up", SHA256(nil))
			return r, SHA256(nil), now
		}, ErrBadChallenge},
		{"path changed after signing", func() (*http.Request, []byte, time.Time) {
			r, _ := signed("bench-a", privA, body)
			r.URL.RawQuery = "x=2"
			return r, SHA256(body), now
		}, ErrBadSignature},
		{"no header", func() (*http.Request, []byte, time.Time) {
			return httptest.NewRequest("GET", "/api/sync/v1/heads", nil), SHA256(nil), now
		}, ErrNoAuth},
		{"bearer token instead", func() (*http.Request, []byte, time.Time) {
			r := httptest.NewRequest("GET", "/api/sync/v1/heads", nil)
			r.Header.Set("Authorization", "Bearer abc")
			return r, SHA256(nil), now
		}, ErrBadAuth},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, digest, at := c.make()
			if _, err := Authenticate(ctx, r, digest, keys, ch, at); !errors.Is(err, c.want) {
				t.Fatalf("want %v, got %v", c.want, err)
			}
		})
	}
}

// A wrong signature still uses the challenge up: an attacker cannot try
// signatures against one challenge.
func TestChallengeUsedUpByFailedAttempt(t *testing.T) {
	ctx := context.Background()
	pub, priv := newKey(t)
	_, other := newKey(t)
	now := time.Now()
	ch := NewMemoryChallenges()
	c, _ := ch.Issue(ctx, now)
	r := httptest.NewRequest("GET", "/api/sync/v1/heads", nil)
	SignRequest(r, "b", other, c, SHA256(nil))
	if _, err := Authenticate(ctx, r, SHA256(nil), keyMap{"b": pub}, ch, now); !errors.Is(err, ErrBadSignature) {
		t.Fatal(err)
	}
	r2 := httptest.NewRequest("GET", "/api/sync/v1/heads", nil)
	SignRequest(r2, "b", priv, c, SHA256(nil))
	if _, err := Authenticate(ctx, r2, SHA256(nil), keyMap{"b": pub}, ch, now); !errors.Is(err, ErrBadChallenge) {
		t.Fatalf("challenge reused after a failed attempt: %v", err)
	}
}

func TestParseAuthorizationRefusesJunk(t *testing.T) {
	for _, h := range []string{
		"Atelier-Ed25519",
		`Atelier-Ed25519 bench="a"`,
		`Atelier-Ed25519 bench="a", challenge="c", signature="!!!"`,
		`Atelier-Ed25519 bench="a", challenge="c", signature="AAAA"`,
		`Atelier-Ed25519 bench="a", challenge="` + strings.Repeat("c", 100) + `", signature="` + strings.Repeat("A", 86) + `=="`,
		`Atelier-Ed25519 bench=a, challenge=c, signature=s`,
		`Atelier-Ed25519 bench="a", extra="1", challenge="c", signature="s"`,
	} {
		if _, err := ParseAuthorization(h); !errors.Is(err, ErrBadAuth) {
			t.Errorf("%q: want ErrBadAuth, got %v", h, err)
		}
	}
}

func FuzzParseAuthorization(f *testing.F) {
	f.Add(`Atelier-Ed25519 bench="a", challenge="c", signature="` + strings.Repeat("A", 86) + `=="`)
	f.Add("Bearer x")
	f.Fuzz(func(t *testing.T, h string) {
		c, err := ParseAuthorization(h)
		if err == nil && (c.Bench == "" || c.Challenge == "" || len(c.Signature) != ed25519.SignatureSize) {
			t.Fatalf("accepted incomplete credentials from %q", h)
		}
	})
}
