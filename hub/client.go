package hub

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// Client is a bench talking to the hub.
type Client struct {
	URL   string // the hub, e.g. https://hub.example:8443
	Bench string
	Key   ed25519.PrivateKey
	HTTP  *http.Client
	Lang  string // the language refusals are answered in (fr, en)
}

// RefusedError is a refusal the hub answered with.
type RefusedError struct {
	Status int
	Refusal
}

func (e *RefusedError) Error() string { return e.Refusal.Error }

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return &http.Client{Timeout: 0}
}

// endpoint joins the hub's URL and path (with an optional query).
func (c *Client) endpoint(path, query string) (string, error) {
	u, err := url.Parse(strings.TrimRight(c.URL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("hub URL %q: want http(s)://host[:port]", c.URL)
	}
	u.Path = strings.TrimRight(u.Path, "/") + path
	u.RawQuery = query
	return u.String(), nil
}

func (c *Client) challenge(ctx context.Context) (string, error) {
	u, err := c.endpoint(ChallengePath, "")
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return "", err
	}
	var out struct{ Challenge string }
	if err := c.do(req, &out); err != nil {
		return "", err
	}
	return out.Challenge, nil
}

// signed makes a request signed over a fresh challenge.
func (c *Client) signed(ctx context.Context, method, path, query string, body io.Reader, digest []byte) (*http.Request, error) {
	ch, err := c.challenge(ctx)
	if err != nil {
		return nil, err
	}
	u, err := c.endpoint(path, query)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	SignRequest(req, c.Bench, c.Key, ch, digest)
	if c.Lang != "" {
		req.Header.Set("Accept-Language", c.Lang)
	}
	return req, nil
}

// do sends req and decodes a JSON answer into out, or the refusal.
func (c *Client) do(req *http.Request, out any) error {
	resp, err := c.http().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return decodeAnswer(resp, out)
}

func decodeAnswer(resp *http.Response, out any) error {
	body := io.LimitReader(resp.Body, 1<<20)
	if resp.StatusCode != http.StatusOK {
		var r Refusal
		b, _ := io.ReadAll(body)
		if json.Unmarshal(b, &r) != nil || r.Error == "" {
			r = Refusal{Error: fmt.Sprintf("%s: %s", resp.Status, strings.TrimSpace(string(bytes.ToValidUTF8(b[:min(len(b), 200)], nil)))), Code: "http"}
		}
		return &RefusedError{Status: resp.StatusCode, Refusal: r}
	}
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(body).Decode(out); err != nil {
		return fmt.Errorf("hub answer: %w", err)
	}
	return nil
}

// Heads is what the hub holds of each chain.
func (c *Client) Heads(ctx context.Context) ([]inventory.ChainHead, error) {
	req, err := c.signed(ctx, http.MethodGet, HeadsPath, "", nil, emptySHA256)
	if err != nil {
		return nil, err
	}
	var out []inventory.ChainHead
	return out, c.do(req, &out)
}

// Push sends a bundle file; the hub merges it whole or refuses it.
func (c *Client) Push(ctx context.Context, bundle *os.File) (inventory.MergeResult, error) {
	var res inventory.MergeResult
	h := sha256.New()
	if _, err := bundle.Seek(0, io.SeekStart); err != nil {
		return res, err
	}
	if _, err := io.Copy(h, bundle); err != nil {
		return res, err
	}
	if _, err := bundle.Seek(0, io.SeekStart); err != nil {
		return res, err
	}
	digest := h.Sum(nil)
	st, err := bundle.Stat()
	if err != nil {
		return res, err
	}
	req, err := c.signed(ctx, http.MethodPost, PushPath, "", io.NopCloser(bundle), digest)
	if err != nil {
		return res, err
	}
	req.ContentLength = st.Size()
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set(DigestHeader, hex.EncodeToString(digest))
	return res, c.do(req, &res)
}

// Pull writes to w the bundle of what the hub holds beyond heads.
func (c *Client) Pull(ctx context.Context, heads []inventory.ChainHead, w io.Writer) error {
	q := url.Values{"after": {FormatAfter(heads)}}.Encode()
	req, err := c.signed(ctx, http.MethodGet, EventsPath, q, nil, emptySHA256)
	if err != nil {
		return err
	}
	resp, err := c.http().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return decodeAnswer(resp, nil)
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

// Healthy waits until the hub answers /healthz, up to timeout.
func (c *Client) Healthy(ctx context.Context, timeout time.Duration) error {
	u, err := c.endpoint(HealthPath, "")
	if err != nil {
		return err
	}
	deadline := time.Now().Add(timeout)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := c.http().Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = errors.New(resp.Status)
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
