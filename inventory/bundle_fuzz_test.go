package inventory

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// FuzzImportBundle feeds arbitrary bytes to a merge, as a stick or a push
// could. Whatever the input: no panic; a refusal is a keyed *Error and
// writes nothing; what is accepted leaves a ledger that verifies.
func FuzzImportBundle(f *testing.F) {
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	var seeds [][]byte
	b := newSite(f, "atelier-2", "B", now)
	u, err := b.l.AddUnit(context.Background(), cam, NewUnit{Serial: "SN1", Model: "x"})
	if err != nil {
		f.Fatal(err)
	}
	if _, err := b.l.Move(context.Background(), cam, u.ID, Triaged, MoveOptions{}); err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := b.l.Export(context.Background(), &buf, nil, b.key); err != nil {
		f.Fatal(err)
	}
	good := buf.String()
	seeds = append(seeds, []byte(good), []byte(strings.Replace(good, "SN1", "SN2", 1)),
		[]byte(good[:len(good)/2]), []byte(`{"bundle":{"format":"atelier-bundle","version":1}}`+"\n"), nil)
	for _, s := range seeds {
		f.Add(s)
	}
	h := newSite(f, "audit", "", now)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		before := bundleEventCount(t, h.l)
		_, err := h.l.Import(ctx, bytes.NewReader(data), ImportOptions{})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("unkeyed refusal %T: %v", err, err)
			}
			if after := bundleEventCount(t, h.l); after != before {
				t.Fatalf("a refused bundle wrote %d events", after-before)
			}
			return
		}
		if _, err := h.l.Verify(ctx); err != nil {
			t.Fatalf("accepted bundle left a ledger that does not verify: %v", err)
		}
	})
}

func bundleEventCount(t testing.TB, l *Ledger) int {
	t.Helper()
	var n int
	if err := l.db.QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
