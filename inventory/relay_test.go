package inventory

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// A bench that imported another bench's bundle relays its chain to the
// hub: accepted when that bench is enrolled (its chain checked against its
// own enrolled key), refused whole, naming it and what to do, when not.
func TestRelayedChainsAtTheHub(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	a := newSite(t, "atelier-a", "A", now)
	c := newSite(t, "atelier-c", "C", now.Add(time.Minute))
	addUnit(t, c.l, "OFFLINE-C1")
	a.merge(t, c.bundle(t, nil)) // a stick from C, which has no network
	mustMove(t, a.l, "PCS-26-C0001", Triaged, MoveOptions{})
	addUnit(t, a.l, "A-1")

	// C is not enrolled: the push is refused whole, naming C.
	lonely := newHub(t, a)
	_, err := lonely.l.Import(ctx, bytes.NewReader(a.bundle(t, lonely)), ImportOptions{Sender: "atelier-a"})
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "atelier-c") || !strings.Contains(err.Error(), "bench enrol") {
		t.Fatalf("relay of a bench not enrolled: %v", err)
	}
	if n := countEvents(t, lonely.l); n != 1 {
		t.Fatalf("the refused push wrote: %d events", n)
	}

	// Enrolled: taken, C's chain checked against C's enrolled key.
	h := newHub(t, a, c)
	res, err := h.l.Import(ctx, bytes.NewReader(a.bundle(t, h)), ImportOptions{Sender: "atelier-a"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Events != 3 || len(res.Chains) != 2 {
		t.Fatalf("relayed push = %+v", res)
	}
	u, err := h.l.FindUnit(ctx, "PCS-26-C0001")
	if err != nil || u.State != string(Triaged) {
		t.Fatalf("C's unit on the hub: %+v, %v", u, err)
	}
	checkHub(t, h.l)
	// C syncing later itself moves nothing new for its own events.
	if res := h.merge(t, c.bundle(t, h)); res.Events != 0 {
		t.Fatalf("C's own push after the relay = %+v", res)
	}

	// Enrolled with another key than the one its chain is signed with:
	// refused, naming C.
	other := newSite(t, "atelier-c", "C", now)
	h2 := newHub(t, a, other)
	_, err = h2.l.Import(ctx, bytes.NewReader(a.bundle(t, h2)), ImportOptions{Sender: "atelier-a"})
	if err == nil || !strings.Contains(err.Error(), "atelier-c") {
		t.Fatalf("relayed chain with a key not enrolled: %v", err)
	}
}
