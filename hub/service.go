// Package hub is `atelier serve`: the sync API through which benches merge
// their ledgers into the association's one, and (subpackage web) the pages
// of the community centres.
//
// Decisions, in short (DESIGN.md of the project has the why of the ledger):
//   - One wire format for everything that moves chains: the bundle of
//     package inventory (NDJSON, a line per event, signed at the end). A
//     push body, a pull response and a file on a USB stick are the same
//     bytes, checked by the same code (inventory.Ledger.Import).
//   - Every request but /healthz and the challenge is signed with the
//     bench's ed25519 key over a one-time challenge (auth.go): no password,
//     no token, no clock.
//   - A push body is spooled to a temporary file while it is hashed: the
//     hub's memory does not grow with the push, and the digest the bench
//     signed is compared before a byte of it is merged.
//   - The storage is the Store interface: the SQLite ledger today, the
//     PostgreSQL one next (issue 11) without touching the handlers.
package hub

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// API paths (version 1).
const (
	HeadsPath  = "/api/sync/v1/heads"
	PushPath   = "/api/sync/v1/push"
	EventsPath = "/api/sync/v1/events"
	HealthPath = "/healthz"
	// DigestHeader carries the hex sha256 of a push body, the digest the
	// bench signed: the hub authenticates before reading the body.
	DigestHeader = "X-Atelier-Content-SHA256"
)

// Store is what the hub needs of a ledger. *inventory.Ledger provides it
// through LedgerStore; a PostgreSQL ledger will too.
type Store interface {
	BenchKeys
	Heads(ctx context.Context) ([]inventory.ChainHead, error)
	Import(ctx context.Context, r io.ReadSeeker, opts inventory.ImportOptions) (inventory.MergeResult, error)
	Export(ctx context.Context, w io.Writer, after map[string]int64, key ed25519.PrivateKey) (inventory.ExportResult, error)
}

// LedgerStore serves a ledger (the SQLite file) to the hub.
type LedgerStore struct{ *inventory.Ledger }

// BenchKey is the enrolled key of a bench allowed to sync.
func (s LedgerStore) BenchKey(ctx context.Context, bench string) (ed25519.PublicKey, error) {
	b, err := s.FindBench(ctx, bench)
	if err != nil {
		return nil, err
	}
	switch {
	case b == nil:
		return nil, ErrUnknownBench
	case b.Revoked():
		return nil, ErrRevokedBench
	}
	return b.Key(), nil
}

// Service is the hub: the store, the challenges it issued and its own key
// (which signs the bundles benches pull).
type Service struct {
	Store      Store
	Challenges Challenges
	Key        ed25519.PrivateKey
	// SpoolDir holds push bodies while they are checked (os.TempDir when
	// empty); MaxPush bounds one push (8 GiB when 0).
	SpoolDir string
	MaxPush  int64
	Log      *slog.Logger
	Now      func() time.Time

	perAddress addressLimit
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// Handler routes the API. Other handlers (the web pages) mount beside it
// on the mux the caller passes, or a new one when nil.
func (s *Service) Handler(mux *http.ServeMux) http.Handler {
	if mux == nil {
		mux = http.NewServeMux()
	}
	mux.HandleFunc("GET "+HealthPath, s.health)
	mux.HandleFunc("POST "+ChallengePath, s.challenge)
	mux.HandleFunc("GET "+HeadsPath, s.heads)
	mux.HandleFunc("POST "+PushPath, s.push)
	mux.HandleFunc("GET "+EventsPath, s.events)
	return mux
}

func (s *Service) health(w http.ResponseWriter, r *http.Request) {
	if _, err := s.Store.Heads(r.Context()); err != nil {
		s.refuse(w, http.StatusServiceUnavailable, "unavailable", "ledger unavailable")
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "ok\n")
}

func (s *Service) challenge(w http.ResponseWriter, r *http.Request) {
	if !s.perAddress.allow(r, s.now()) {
		w.Header().Set("Retry-After", "60")
		s.refuse(w, http.StatusTooManyRequests, "busy", "too many challenges asked from this address; try again in a minute")
		return
	}
	c, err := s.Challenges.Issue(r.Context(), s.now())
	if errors.Is(err, ErrTooManyChallenges) {
		w.Header().Set("Retry-After", "10")
		s.refuse(w, http.StatusServiceUnavailable, "busy", err.Error())
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"challenge": c})
}

// emptySHA256 is the digest a request without a body signs.
var emptySHA256 = SHA256(nil)

func (s *Service) heads(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.authenticate(w, r, emptySHA256); !ok {
		return
	}
	hs, err := s.Store.Heads(r.Context())
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, hs)
}

// push merges a bench's bundle: authenticated on the digest the bench
// signed, spooled while hashed, merged whole or not at all.
func (s *Service) push(w http.ResponseWriter, r *http.Request) {
	digest, err := hex.DecodeString(r.Header.Get(DigestHeader))
	if err != nil || len(digest) != sha256.Size {
		s.refuse(w, http.StatusBadRequest, "no_digest", DigestHeader+" missing or not a hex sha256")
		return
	}
	bench, ok := s.authenticate(w, r, digest)
	if !ok {
		return
	}
	spool, err := s.spool(r, digest)
	if spool != nil {
		defer spool.Close()
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			s.refuse(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("push larger than %d bytes", tooBig.Limit))
		case errors.Is(err, ErrBodyMismatch):
			s.refuse(w, http.StatusBadRequest, "body_mismatch", err.Error())
		default:
			s.internal(w, r, err)
		}
		return
	}
	res, err := s.Store.Import(r.Context(), spool, inventory.ImportOptions{Sender: bench})
	if err != nil {
		s.ledgerRefusal(w, r, err)
		return
	}
	s.log().Info("push", "bench", bench, "events", res.Events, "known", res.Known)
	writeJSON(w, http.StatusOK, res)
}

// spool copies the body to a temporary file, checking its digest.
func (s *Service) spool(r *http.Request, digest []byte) (*os.File, error) {
	max := s.MaxPush
	if max <= 0 {
		max = 8 << 30
	}
	f, err := unlinkedTemp(s.SpoolDir, "atelier-push-*.ndjson")
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	body := http.MaxBytesReader(nil, r.Body, max)
	if _, err := io.Copy(io.MultiWriter(f, h), body); err != nil {
		return f, err
	}
	if !equalBytes(h.Sum(nil), digest) {
		return f, ErrBodyMismatch
	}
	_, err = f.Seek(0, io.SeekStart)
	return f, err
}

func equalBytes(a, b []byte) bool { return string(a) == string(b) }

// events streams a bundle of what the bench lacks: after=BENCH:SEQ,...
// names what it holds.
func (s *Service) events(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.authenticate(w, r, emptySHA256); !ok {
		return
	}
	after, err := ParseAfter(r.URL.Query().Get("after"))
	if err != nil {
		s.refuse(w, http.StatusBadRequest, "bad_after", err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	// Once streaming has begun the status is sent: a failure cuts the
	// bundle before its end line, and the bench refuses it whole.
	if _, err := s.Store.Export(r.Context(), w, after, s.Key); err != nil {
		s.log().Error("events", "err", err)
	}
}

// ParseAfter reads "bench:seq,bench:seq" (bench names never hold ':' nor ',').
func ParseAfter(v string) (map[string]int64, error) {
	out := map[string]int64{}
	if v == "" {
		return out, nil
	}
	for _, part := range strings.Split(v, ",") {
		b, n, ok := strings.Cut(part, ":")
		seq, err := strconv.ParseInt(n, 10, 64)
		if !ok || b == "" || err != nil || seq < 0 {
			return nil, fmt.Errorf("after=%q: want bench:number,...", v)
		}
		out[b] = seq
	}
	return out, nil
}

// FormatAfter writes heads as ParseAfter reads them.
func FormatAfter(heads []inventory.ChainHead) string {
	parts := make([]string, 0, len(heads))
	for _, h := range heads {
		parts = append(parts, h.Bench+":"+strconv.FormatInt(h.Seq, 10))
	}
	return strings.Join(parts, ",")
}

// authenticate answers the refusal itself and returns false when the
// request is not a valid bench request.
func (s *Service) authenticate(w http.ResponseWriter, r *http.Request, digest []byte) (string, bool) {
	bench, err := Authenticate(r.Context(), r, digest, s.Store, s.Challenges, s.now())
	if err == nil {
		return bench, true
	}
	code, status := "unauthenticated", http.StatusUnauthorized
	switch {
	case errors.Is(err, ErrRevokedBench):
		code, status = "revoked", http.StatusForbidden
	case errors.Is(err, ErrUnknownBench):
		code, status = "unknown_bench", http.StatusForbidden
	case errors.Is(err, ErrBadChallenge):
		code = "bad_challenge"
	case errors.Is(err, ErrBadSignature):
		code = "bad_signature"
	case errors.Is(err, ErrNoAuth), errors.Is(err, ErrBadAuth):
	default:
		s.internal(w, r, err)
		return "", false
	}
	s.log().Warn("refused", "path", r.URL.Path, "code", code, "remote", r.RemoteAddr)
	s.refuse(w, status, code, requestLang(r).T("hub.auth."+code, err.Error()))
	return "", false
}

// ledgerRefusal turns a merge refusal into a one-line answer.
func (s *Service) ledgerRefusal(w http.ResponseWriter, r *http.Request, err error) {
	var e *inventory.Error
	if !errors.As(err, &e) {
		s.internal(w, r, err)
		return
	}
	code, status := "refused", http.StatusUnprocessableEntity
	switch {
	case errors.Is(err, inventory.ErrChainBroken):
		code = "chain_broken"
	case errors.Is(err, inventory.ErrInvalidInput):
		code, status = "invalid", http.StatusBadRequest
	case errors.Is(err, inventory.ErrRefused):
		code, status = "refused", http.StatusForbidden
	}
	s.log().Warn("push refused", "code", code, "err", e.Error())
	s.refuse(w, status, code, e.In(requestLang(r)))
}

func (s *Service) internal(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client left, or the hub is stopping
	}
	s.log().Error("internal", "path", r.URL.Path, "err", err)
	s.refuse(w, http.StatusInternalServerError, "internal", "internal error; see the hub's log")
}

// Refusal is the body of every error answer.
type Refusal struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

func (s *Service) refuse(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, Refusal{Error: firstLine(msg), Code: code})
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// requestLang is the language a bench asked its answers in: the bench's
// operator reads the refusal.
func requestLang(r *http.Request) i18n.Lang {
	return i18n.Parse(r.Header.Get("Accept-Language"))
}

// unlinkedTemp is a temporary file already unlinked: it lives as long as it is
// open, so a hub or bench killed mid-sync (kill -9 included) leaves no
// spool behind.
func unlinkedTemp(dir, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
