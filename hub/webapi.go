package hub

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
)

// The community centres' JSON API (hub/web, under /api/units) takes a
// bench's signed request as well as a web session: a script on a bench
// (a label printer, an inventory export) signs with the bench key it
// already has, over a one-time challenge, exactly as sync does. No API
// password to hand out, nothing to replay, and revoking the bench stops
// its scripts too.

// maxWebAPIBody bounds the body a signed API call may send: the API's
// writes are a beneficiary reference in a small JSON object.
const maxWebAPIBody = 64 << 10

// errWebAPIBody: a signed API body larger than maxWebAPIBody.
var errWebAPIBody = errors.New("API body too large")

// WebAPIAuth is hub/web's Options.APIAuth: the enrolled, unrevoked bench
// that signed r over a fresh challenge, and the digest of its body. The
// body is read here (it is small) and handed back to the handler intact.
// Any refusal is logged with its reason and answered by the caller alike.
func (s *Service) WebAPIAuth(r *http.Request) (string, bool) {
	if r.Header.Get("Authorization") == "" {
		return "", false
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxWebAPIBody+1))
	if err == nil && len(body) > maxWebAPIBody {
		err = errWebAPIBody
	}
	if err != nil {
		s.log().Warn("web API refused", "path", r.URL.Path, "err", err, "remote", r.RemoteAddr)
		return "", false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	bench, err := Authenticate(r.Context(), r, SHA256(body), s.Store, s.Challenges, s.now())
	if err != nil {
		s.log().Warn("web API refused", "path", r.URL.Path, "err", err, "remote", r.RemoteAddr)
		return "", false
	}
	return bench, true
}

// SignedRequest is a request to the hub's path (with its query) signed by
// the client's bench over a fresh challenge: for the web API (/api/units).
func (c *Client) SignedRequest(ctx context.Context, method, path, query string, body []byte) (*http.Request, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := c.signed(ctx, method, path, query, rd, SHA256(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}
