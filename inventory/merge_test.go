package inventory

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"
)

// site is a bench for the merge tests: a ledger and its key.
type site struct {
	l   *Ledger
	key ed25519.PrivateKey
}

func newSite(t testing.TB, bench, letter string, clock time.Time) *site {
	t.Helper()
	l := newLetterLedger(t, bench, letter)
	l.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	l.SetBenchKeys(BenchKeys{Signer: func() (crypto.Signer, error) { return key, nil }, Public: key.Public().(ed25519.PublicKey)})
	return &site{l: l, key: key}
}

func (s *site) pub() ed25519.PublicKey { return s.key.Public().(ed25519.PublicKey) }

// bundle exports what s holds beyond the heads of to (everything when to is nil).
func (s *site) bundle(t *testing.T, to *site) []byte {
	t.Helper()
	after := map[string]int64{}
	if to != nil {
		hs, err := to.l.Heads(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			after[h.Bench] = h.Seq
		}
	}
	var buf bytes.Buffer
	if _, err := s.l.Export(context.Background(), &buf, after, s.key); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (s *site) merge(t *testing.T, b []byte) MergeResult {
	t.Helper()
	res, err := s.l.Import(context.Background(), bytes.NewReader(b), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// state is what a user sees of a ledger: every unit as listed, and the
// event count.
func state(t *testing.T, l *Ledger) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := l.WriteUnitsJSON(context.Background(), ListFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	cs, err := l.Conflicts(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		fmt.Fprintf(&buf, "conflict %s %s %s %s %s->%s won by %s\n", c.Event, c.Unit, c.Bench, c.Reason, c.State, c.Wanted, c.Winner)
	}
	return buf.String() + "\nevents: " + itoa(countEvents(t, l))
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

func mustMove(t *testing.T, l *Ledger, ref string, to State, o MoveOptions) {
	t.Helper()
	if _, err := l.Move(context.Background(), cam, ref, to, o); err != nil {
		t.Fatal(err)
	}
}

func newHub(t *testing.T, benches ...*site) *site {
	t.Helper()
	h := newSite(t, "hub", "H", time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC))
	for i, b := range benches {
		if _, err := h.l.EnrolBench(context.Background(), cam, b.l.BenchName(), b.pub(), b.l.Letter()); err != nil {
			t.Fatal(i, err)
		}
	}
	return h
}

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	b := newSite(t, "atelier-2", "B", time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC))
	h := newHub(t, b)
	u := addUnit(t, b.l, "SN1")
	addUnit(t, b.l, "SN2")
	mustMove(t, b.l, u.ID, Triaged, MoveOptions{})

	res := h.merge(t, b.bundle(t, nil))
	if res.Events != 3 || res.From != "atelier-2" {
		t.Fatalf("first merge = %+v", res)
	}
	got, err := h.l.FindUnit(ctx, u.ID)
	if err != nil || got.State != string(Triaged) {
		t.Fatalf("hub sees %+v, %v", got, err)
	}
	// Idempotent: the same bundle again writes nothing.
	if res := h.merge(t, b.bundle(t, nil)); res.Events != 0 || res.Known != 3 {
		t.Fatalf("second merge = %+v", res)
	}
	// Incremental: only what the hub lacks.
	addUnit(t, b.l, "SN3")
	inc := b.bundle(t, h)
	if res := h.merge(t, inc); res.Events != 1 || res.Known != 0 {
		t.Fatalf("incremental merge = %+v", res)
	}
	if _, err := h.l.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	// The hub's views are those a rebuild gives.
	before := state(t, h.l)
	if _, err := h.l.CheckedRebuild(ctx, false); err != nil {
		t.Fatal(err)
	}
	if after := state(t, h.l); after != before {
		t.Fatalf("rebuild changed the views:\n%s\n---\n%s", before, after)
	}
	// The bench pulls the hub's own events (its registry) back.
	if res := b.merge(t, h.bundle(t, b)); res.Events != 1 {
		t.Fatalf("pull = %+v", res)
	}
}

// corrupt returns b with one line replaced by what edit makes of it.
func corrupt(t *testing.T, b []byte, match string, edit func(string) string) []byte {
	t.Helper()
	lines := strings.SplitAfter(string(b), "\n")
	for i, l := range lines {
		if strings.Contains(l, match) {
			lines[i] = edit(l)
			return []byte(strings.Join(lines, ""))
		}
	}
	t.Fatalf("no line with %q", match)
	return nil
}

func TestBrokenBundlesAreRefusedWhole(t *testing.T) {
	ctx := context.Background()
	b := newSite(t, "atelier-2", "B", time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC))
	c := newSite(t, "atelier-3", "C", time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC))
	h := newHub(t, b)
	addUnit(t, b.l, "SN1")
	u := addUnit(t, b.l, "SN2")
	mustMove(t, b.l, u.ID, Triaged, MoveOptions{})
	good := b.bundle(t, nil)
	evs, _ := b.l.UnitEvents(ctx, u.ID)
	moved := evs[len(evs)-1]
	before := state(t, h.l)

	lines := strings.SplitAfter(string(good), "\n")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"payload altered", corrupt(t, good, `"kind":"moved"`, func(l string) string {
			return strings.Replace(l, `triaged`, `recycled`, 1)
		}), "bundle.altered"},
		{"hash recomputed but end digest kept", corrupt(t, good, `"serial\":\"SN1`, func(l string) string {
			return strings.Replace(l, `SN1`, `SN9`, 1)
		}), "bundle.altered"},
		{"event removed", []byte(strings.Join(append(append([]string{}, lines[:3]...), lines[4:]...), "")), "bundle.unlinked"},
		{"cut short", []byte(strings.Join(lines[:len(lines)-2], "")), "bundle.truncated"},
		{"end digest altered", corrupt(t, good, `"end"`, func(l string) string {
			return strings.Replace(l, `"sha256":"`, `"sha256":"0`, 1)
		}), "bundle.endmismatch"},
		{"not a bundle", []byte("serial,model\nSN1,x\n"), "bundle.badline"},
		{"empty", nil, "bundle.notbundle"},
		{"another bench's key", c.bundle(t, nil), "bundle.notenrolled"},
		{"head signature stripped", corrupt(t, good, `"chain"`, func(l string) string {
			return regexp.MustCompile(`"sig":"[^"]*"`).ReplaceAllString(l, `"sig":""`)
		}), "bundle.unsignedchain"},
		{"head signed by another key", corrupt(t, good, `"chain"`, func(l string) string {
			h, _ := b.l.Heads(ctx)
			forged := base64.StdEncoding.EncodeToString(ed25519.Sign(c.key, HeadMessage(h[0].Bench, h[0].Seq, h[0].Hash)))
			return regexp.MustCompile(`"sig":"[^"]*"`).ReplaceAllString(l, `"sig":"`+forged+`"`)
		}), "bundle.badheadsig"},
		{"chain key swapped", corrupt(t, good, `"chain"`, func(l string) string {
			return regexp.MustCompile(`"public_key":"[^"]*"`).ReplaceAllString(l,
				`"public_key":"`+base64.StdEncoding.EncodeToString(c.pub())+`"`)
		}), "bundle.chainkey"},
	} {
		_, err := h.l.Import(ctx, bytes.NewReader(tc.data), ImportOptions{})
		var e *Error
		if !errors.As(err, &e) || e.Key != tc.want {
			t.Errorf("%s: Import = %v, want %s", tc.name, err, tc.want)
			continue
		}
		if tc.want == "bundle.altered" && tc.name == "payload altered" && !strings.Contains(err.Error(), moved.ID) {
			t.Errorf("%s: %v does not name event %s", tc.name, err, moved.ID)
		}
		if after := state(t, h.l); after != before {
			t.Errorf("%s: the refused bundle wrote something", tc.name)
		}
	}
	// A bundle re-signed by another key than the enrolled one.
	var buf bytes.Buffer
	if _, err := b.l.Export(ctx, &buf, nil, c.key); err != nil {
		t.Fatal(err)
	}
	if _, err := h.l.Import(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{}); err == nil || !strings.Contains(err.Error(), "not its enrolled key") {
		t.Errorf("re-signed bundle = %v", err)
	}
}

// syncVia merges from's bundle into to, as a sync or a stick does.
func syncVia(t *testing.T, from, to *site) { t.Helper(); to.merge(t, from.bundle(t, to)) }

// The merge is a function of the set of events: the same bundles merged
// in any order give the same hub, and the hub's views are those a rebuild
// gives. One bench's clock is two years behind.
func TestAnyOrderOfMergesGivesTheSameHub(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	b := newSite(t, "atelier-2", "B", now)
	c := newSite(t, "atelier-3", "C", now.Add(time.Hour))
	d := newSite(t, "atelier-4", "D", now.AddDate(-2, 0, 0)) // its clock is wrong
	relay := newHub(t, b, c, d)

	u := addUnit(t, b.l, "SN-B1")
	v := addUnit(t, b.l, "SN-B2")
	mustMove(t, b.l, u.ID, Triaged, MoveOptions{})
	mustMove(t, b.l, v.ID, Triaged, MoveOptions{})
	full1 := b.bundle(t, nil)
	syncVia(t, b, relay)
	syncVia(t, relay, c)
	syncVia(t, relay, d)
	// Apart: B recycles u while C sends it to parts; D, two years behind,
	// sends v to parts after pulling its intake.
	mustMove(t, b.l, u.ID, Recycled, MoveOptions{NoDisk: true})
	mustMove(t, c.l, u.ID, Parts, MoveOptions{NoDisk: true})
	mustMove(t, d.l, v.ID, Parts, MoveOptions{NoDisk: true})
	addUnit(t, c.l, "SN-C1")
	addUnit(t, d.l, "SN-D1")
	bundles := [][]byte{full1, b.bundle(t, nil), c.bundle(t, nil), d.bundle(t, nil)}

	var want string
	for round := 0; round < 12; round++ {
		// A plain ledger: the relay's chain comes along in C's and D's
		// bundles, and only a hub insists on enrolled benches.
		h := newSite(t, "audit", "", now)
		for _, i := range perm(t, len(bundles)) {
			h.merge(t, bundles[i])
		}
		got := state(t, h.l)
		if _, err := h.l.Verify(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := h.l.CheckedRebuild(ctx, false); err != nil {
			t.Fatal(err)
		}
		if rebuilt := state(t, h.l); rebuilt != got {
			t.Fatalf("round %d: views differ from a rebuild:\n%s\n---\n%s", round, got, rebuilt)
		}
		if round == 0 {
			want = got
			gv, err := h.l.FindUnit(ctx, v.ID)
			if err != nil || gv.State != string(Parts) {
				t.Fatalf("v on the hub = %+v, %v: the late clock's move was lost", gv, err)
			}
			// B recycled u while C sent it to parts: the later move (C's,
			// its clock an hour ahead) is the conflict; u stays recycled.
			cs, err := h.l.Conflicts(ctx, false)
			if err != nil || len(cs) != 1 || cs[0].Unit != u.ID || cs[0].Bench != "atelier-3" ||
				cs[0].Reason != ConflictDiverged || cs[0].State != Recycled || cs[0].Wanted != Parts {
				t.Fatalf("conflicts = %+v, %v", cs, err)
			}
			if gu, _ := h.l.FindUnit(ctx, u.ID); gu.State != string(Recycled) {
				t.Fatalf("u = %s, want recycled", gu.State)
			}
			continue
		}
		if got != want {
			t.Fatalf("round %d: another order gave another hub:\n%s\n---\n%s", round, want, got)
		}
	}
}

func perm(t *testing.T, n int) []int {
	t.Helper()
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			t.Fatal(err)
		}
		p[i], p[j.Int64()] = p[j.Int64()], p[i]
	}
	return p
}

// conflictAfterLeave makes a hub h that merged one open conflict: bench B
// sent unit u to parts while bench c, apart, probed a disk of it never
// erased. It returns the hub's open conflicts (one).
func conflictAfterLeave(t *testing.T) (h, c *site, u Unit, open []Conflict) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	b := newSite(t, "atelier-2", "B", now)
	c = newSite(t, "atelier-3", "C", now.Add(time.Minute))
	h = newHub(t, b, c)
	u = addUnit(t, b.l, "SN1")
	mustMove(t, b.l, u.ID, Triaged, MoveOptions{})
	if _, err := b.l.DestroyDisk(ctx, cam, u.ID, "DISK-1", "shredded", true); err != nil {
		t.Fatal(err)
	}
	syncVia(t, b, h)
	syncVia(t, h, c)
	mustMove(t, b.l, u.ID, Parts, MoveOptions{})
	if _, err := c.l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{{Serial: "DISK-2"}}); err != nil {
		t.Fatal(err)
	}
	syncVia(t, b, h)
	if res := h.merge(t, c.bundle(t, h)); res.Conflicts != 1 {
		t.Fatalf("merge = %+v, want 1 conflict", res)
	}
	open, _ = h.l.Conflicts(ctx, false)
	if len(open) != 1 {
		t.Fatalf("conflicts = %+v", open)
	}
	return h, c, u, open
}

// A hub records the conflicts a merge finds as events, benches pulling see
// them, and a resolution (an event too) closes them everywhere.
func TestConflictRecordedResolvedAndInvariantKept(t *testing.T) {
	ctx := context.Background()
	h, c, u, cs := conflictAfterLeave(t)
	if cs[0].Reason != ConflictAfterLeave || cs[0].Recorded == "" || cs[0].Bench != "atelier-3" {
		t.Fatalf("conflicts = %+v", cs)
	}
	// The invariant holds: the unit that left has no disk not erased.
	disks, err := h.l.UnitDisks(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range disks {
		if d.Erasure != ErasureDestroyed && d.Erasure != ErasurePassed {
			t.Fatalf("unit left with disk %+v", d)
		}
	}
	if _, err := h.l.ResolveConflict(ctx, cam, cs[0].Event, "disk 2 is the DVD drive"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.l.ResolveConflict(ctx, cam, cs[0].Event, "again"); err == nil {
		t.Fatal("resolved twice")
	}
	syncVia(t, h, c)
	for _, l := range []*Ledger{h.l, c.l} {
		if open, _ := l.Conflicts(ctx, false); len(open) != 0 {
			t.Fatalf("%s: open conflicts %+v", l.BenchName(), open)
		}
		all, _ := l.Conflicts(ctx, true)
		if len(all) != 1 || all[0].Note != "disk 2 is the DVD drive" {
			t.Fatalf("%s: conflicts %+v", l.BenchName(), all)
		}
		before := state(t, l)
		if _, err := l.CheckedRebuild(ctx, false); err != nil {
			t.Fatal(err)
		}
		if after := state(t, l); after != before {
			t.Fatalf("%s: rebuild changed\n%s\n---\n%s", l.BenchName(), before, after)
		}
	}
}

// The same machine registered at two benches before they synced: one
// conflict, on the later intake, whatever the order of the merges.
func TestSameSerialAtTwoBenches(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	b := newSite(t, "atelier-2", "B", now)
	c := newSite(t, "atelier-3", "C", now.Add(time.Minute))
	ub := addUnit(t, b.l, "SAME-1")
	uc := addUnit(t, c.l, "SAME-1")
	bb, cb := b.bundle(t, nil), c.bundle(t, nil)
	var want string
	for i, order := range [][][]byte{{bb, cb}, {cb, bb}} {
		h := newSite(t, "audit", "", now)
		for _, x := range order {
			h.merge(t, x)
		}
		cs, err := h.l.Conflicts(ctx, false)
		if err != nil || len(cs) != 1 || cs[0].Reason != ConflictSerial || cs[0].Unit != uc.ID || cs[0].Other != ub.ID {
			t.Fatalf("order %d: conflicts = %+v, %v", i, cs, err)
		}
		got := state(t, h.l)
		if _, err := h.l.CheckedRebuild(ctx, false); err != nil {
			t.Fatal(err)
		}
		if rebuilt := state(t, h.l); rebuilt != got {
			t.Fatalf("order %d: rebuild differs:\n%s\n---\n%s", i, got, rebuilt)
		}
		if i == 0 {
			want = got
		} else if got != want {
			t.Fatalf("orders differ:\n%s\n---\n%s", want, got)
		}
	}
}
