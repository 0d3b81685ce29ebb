package hub

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// A bench proves who it is on every request with its ed25519 key, the same
// key that signs its certificates and its chain head. There is no password
// to share and no token to leak into a URL or a log:
//
//	Authorization: Atelier-Ed25519 bench="NAME", challenge="C", signature="S"
//
// S is the standard base64 ed25519 signature of signedText(method, target,
// C, sha256(body)). C is a one-time challenge the hub issued a moment ago
// (POST /api/sync/v1/challenge): a captured request cannot be replayed, and
// the bench's clock plays no part, so a bench whose clock is years wrong
// still syncs (its events keep the times it recorded).
const (
	AuthScheme      = "Atelier-Ed25519"
	ChallengePath   = "/api/sync/v1/challenge"
	challengeTTL    = 2 * time.Minute
	challengeBytes  = 24
	maxChallengeLen = 64
	// maxPendingChallenges bounds the challenges issued and not yet used
	// (each lives two minutes): far more than benches ever ask for.
	maxPendingChallenges = 10000
)

// Sentinel errors of authentication; each refusal is one line a bench
// operator can act on.
var (
	ErrNoAuth         = errors.New("request not signed by a bench")
	ErrBadAuth        = errors.New("malformed Authorization header")
	ErrUnknownBench   = errors.New("bench not enrolled on this hub")
	ErrRevokedBench   = errors.New("bench revoked on this hub")
	ErrBadChallenge   = errors.New("challenge unknown, used or expired")
	ErrBadSignature   = errors.New("signature does not match the enrolled key")
	ErrBodyMismatch   = errors.New("body does not match its signed digest")
	errChallengeStore = errors.New("challenge store")
	// ErrTooManyChallenges: too many challenges pending; try again shortly.
	ErrTooManyChallenges = errors.New("too many challenges pending; try again in a moment")
)

// signedText is what a bench signs: the request it makes, the challenge it
// answers and the digest of what it sends, each on its own line.
func signedText(method, target, challenge string, bodySHA256 []byte) []byte {
	return []byte("atelier-sync-v1\n" + method + "\n" + target + "\n" + challenge + "\n" + hex.EncodeToString(bodySHA256) + "\n")
}

// SignRequest adds the Authorization header to req for the bench name,
// answering challenge, for a body whose sha256 is bodySHA256.
func SignRequest(req *http.Request, bench string, key ed25519.PrivateKey, challenge string, bodySHA256 []byte) {
	sig := ed25519.Sign(key, signedText(req.Method, req.URL.RequestURI(), challenge, bodySHA256))
	req.Header.Set("Authorization", fmt.Sprintf(`%s bench=%q, challenge=%q, signature=%q`,
		AuthScheme, bench, challenge, base64.StdEncoding.EncodeToString(sig)))
}

// Credentials are the parsed Authorization header of a bench request.
type Credentials struct {
	Bench     string
	Challenge string
	Signature []byte
}

// ParseAuthorization reads the header; it never echoes the signature back
// in an error.
func ParseAuthorization(h string) (Credentials, error) {
	if h == "" {
		return Credentials{}, ErrNoAuth
	}
	scheme, rest, ok := strings.Cut(h, " ")
	if !ok || scheme != AuthScheme {
		return Credentials{}, ErrBadAuth
	}
	var c Credentials
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
			return Credentials{}, ErrBadAuth
		}
		v = v[1 : len(v)-1]
		switch k {
		case "bench":
			c.Bench = v
		case "challenge":
			c.Challenge = v
		case "signature":
			sig, err := base64.StdEncoding.DecodeString(v)
			if err != nil || len(sig) != ed25519.SignatureSize {
				return Credentials{}, ErrBadAuth
			}
			c.Signature = sig
		default:
			return Credentials{}, ErrBadAuth
		}
	}
	if c.Bench == "" || c.Challenge == "" || len(c.Challenge) > maxChallengeLen || c.Signature == nil {
		return Credentials{}, ErrBadAuth
	}
	return c, nil
}

// BenchKeys finds an enrolled bench's public key. It returns ErrUnknownBench
// or ErrRevokedBench (wrapped or not) when the bench may not sync.
type BenchKeys interface {
	BenchKey(ctx context.Context, bench string) (ed25519.PublicKey, error)
}

// Challenges issues one-time challenges and consumes them. One hub process
// keeps them in memory; several processes on one database share a store
// in it, so that a challenge issued by one is honoured by the other.
type Challenges interface {
	Issue(ctx context.Context, now time.Time) (string, error)
	// Consume accepts a challenge once, if it is known and not expired.
	Consume(ctx context.Context, challenge string, now time.Time) error
}

// Authenticate checks a bench request whose body digest is bodySHA256:
// enrolled and not revoked, a fresh challenge, a valid signature. It
// returns the bench's name. The challenge is used up even when the
// signature is wrong: a guess costs the guesser a round trip.
func Authenticate(ctx context.Context, r *http.Request, bodySHA256 []byte, keys BenchKeys, ch Challenges, now time.Time) (string, error) {
	c, err := ParseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		return "", err
	}
	pub, err := keys.BenchKey(ctx, c.Bench)
	if err != nil {
		return "", err
	}
	if err := ch.Consume(ctx, c.Challenge, now); err != nil {
		return "", err
	}
	if !ed25519.Verify(pub, signedText(r.Method, r.URL.RequestURI(), c.Challenge, bodySHA256), c.Signature) {
		return "", ErrBadSignature
	}
	return c.Bench, nil
}

// MemoryChallenges keeps challenges in one process's memory.
type MemoryChallenges struct {
	mu      sync.Mutex
	pending map[string]time.Time // challenge -> expiry
}

// NewMemoryChallenges returns an empty store.
func NewMemoryChallenges() *MemoryChallenges {
	return &MemoryChallenges{pending: map[string]time.Time{}}
}

// Issue returns a fresh random challenge valid for two minutes.
func (m *MemoryChallenges) Issue(_ context.Context, now time.Time) (string, error) {
	c, err := NewChallenge()
	if err != nil {
		return "", err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, exp := range m.pending { // expired ones go; the map stays small
		if now.After(exp) {
			delete(m.pending, k)
		}
	}
	if len(m.pending) >= maxPendingChallenges {
		// Anyone may ask for a challenge: a flood must not grow the hub.
		return "", ErrTooManyChallenges
	}
	m.pending[c] = now.Add(challengeTTL)
	return c, nil
}

// Consume accepts c once.
func (m *MemoryChallenges) Consume(_ context.Context, c string, now time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	exp, ok := m.pending[c]
	if !ok {
		return ErrBadChallenge
	}
	delete(m.pending, c)
	if now.After(exp) {
		return ErrBadChallenge
	}
	return nil
}

// NewChallenge is 24 random bytes in URL-safe base64.
func NewChallenge() (string, error) {
	b := make([]byte, challengeBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("%w: %v", errChallengeStore, err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// SHA256 is a helper for callers that sign a small body held in memory.
func SHA256(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}
