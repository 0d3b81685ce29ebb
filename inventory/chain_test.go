package inventory

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// dump renders every projection table as text, rows in key order.
func dump(t *testing.T, l *Ledger) string {
	t.Helper()
	var b strings.Builder
	for _, tbl := range []string{"units", "unit_disks", "wipes", "sites", "images", "handovers"} {
		rows, err := l.db.Query(`SELECT * FROM ` + tbl + ` ORDER BY 1, 2`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", tbl, vals)
		}
		rows.Close()
	}
	return b.String()
}

// busyLedger runs units through most of the lifecycle, by hand and by the
// recording API, so that every projection table has rows.
func busyLedger(t *testing.T) *Ledger {
	l := newLedger(t)
	ctx := context.Background()
	walkUnits(t, l, 30)
	u := addUnit(t, l, "HAND1")
	disks := []DiskRecord{{Serial: "D1", Medium: "SSD"}}
	if _, err := l.RecordProbe(ctx, cam, u.ID, []byte(`{"a":1}`), []byte(`{"grade":"A"}`), "A", disks); err != nil {
		t.Fatal(err)
	}
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disks[0], Device: "/dev/fake-nvme", Method: "sanitize"})
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: "passed"}); err != nil {
		t.Fatal(err)
	}
	if err := l.AddImage(ctx, cam, Image{Name: "zorin-17-core", SHA256: "abc", SizeBytes: 10}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin-17-core", DiskSerial: "D1", Status: "passed"}); err != nil {
		t.Fatal(err)
	}
	l.Move(ctx, cam, u.ID, Ready, MoveOptions{})
	if _, err := l.Handover(ctx, cam, u.ID, "MDH Synthetic", "MDH-SYN-X-1"); err != nil {
		t.Fatal(err)
	}
	l.Move(ctx, cam, u.ID, Returned, MoveOptions{Reason: "moved away"})
	v := addUnit(t, l, "HAND2")
	l.WipeStarted(ctx, cam, v.ID, WipeStart{Disk: DiskRecord{Serial: "D2"}, Device: "/dev/fake0"}) // never finished
	l.Note(ctx, cam, v.ID, "power supply missing")
	return l
}

func TestRebuildGivesTheSameTables(t *testing.T) {
	l := busyLedger(t)
	before := dump(t, l)
	if !strings.Contains(before, "handovers") || !strings.Contains(before, "images") {
		t.Fatalf("test ledger lacks rows:\n%s", before)
	}
	res, err := l.Rebuild(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Units != 32 {
		t.Errorf("rebuilt %d units, want 32", res.Units)
	}
	if after := dump(t, l); after != before {
		t.Errorf("rebuild changed the projections:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestVerifyDetectsTampering(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, sql, want string
	}{
		{"payload edited", `UPDATE events SET payload = replace(payload, 'power supply', 'all fine') WHERE kind = 'note' AND payload LIKE '%power supply%'`, "was altered"},
		{"operator edited", `UPDATE events SET operator = 'mallory' WHERE bench_seq = 5`, "#5) was altered"},
		{"event removed", `DELETE FROM events WHERE bench_seq = 7`, "number 8 where 7 was expected"},
		{"hash recomputed", `UPDATE events SET payload = '{}', hash = 'x' WHERE bench_seq = 3`, "#3) was altered"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := busyLedger(t)
			if r, err := l.Verify(ctx); err != nil || r.Benches != 1 || r.Events < 300 {
				t.Fatalf("intact ledger: %+v %v", r, err)
			}
			for _, q := range []string{dropTrigger(l, "events_no_update", "events"), dropTrigger(l, "events_no_delete", "events"), c.sql} {
				if _, err := l.db.Exec(q); err != nil {
					t.Fatal(q, err)
				}
			}
			_, err := l.Verify(ctx)
			if !errors.Is(err, ErrChainBroken) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Verify = %v, want %q", err, c.want)
			}
		})
	}
}

func TestChainLinksEveryEventOfTheBench(t *testing.T) {
	l := busyLedger(t)
	rows, err := l.db.Query(`SELECT ` + eventColumns + ` FROM events ORDER BY bench_seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	prev, lastID := "", ""
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			t.Fatal(err)
		}
		if e.PrevHash != prev || eventHash(e) != e.Hash {
			t.Fatalf("event %s: bad link", e.ID)
		}
		if e.ID <= lastID {
			t.Fatalf("event %s not after %s: ids must follow the chain order", e.ID, lastID)
		}
		prev, lastID = e.Hash, e.ID
	}
}

func TestShowTellsAnUnfinishedWipe(t *testing.T) {
	l := busyLedger(t)
	d, err := l.Show(context.Background(), "hand2")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range d.Events {
		if e.Unfinished && strings.Contains(e.Text(i18n.EN), "never finished") {
			found = true
		}
	}
	if !found {
		t.Errorf("timeline does not show the unfinished wipe: %+v", d.Events)
	}
}

func TestVerifyFollowsEachBenchsChain(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "S1")
	// A second bench's events in the same ledger (as after merging two
	// benches' ledgers), interleaved in time with the first bench's.
	other := &Ledger{db: l.db, path: l.path, prefix: l.prefix, bench: "bench-2", now: l.now, entropy: newEntropy()}
	other.SetBenchKeys(testKeys(t))
	for i := 0; i < 3; i++ {
		if _, err := other.Note(ctx, cam, u.ID, "from bench 2"); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Note(ctx, cam, u.ID, "from bench 1"); err != nil {
			t.Fatal(err)
		}
	}
	res, err := l.Verify(ctx)
	if err != nil || res.Benches != 2 || res.Events != 7 {
		t.Fatalf("Verify = %+v, %v", res, err)
	}
}

// Rebuild reads only projectedKinds: every kind apply uses must be listed.
func TestRebuildReadsEveryKindApplyUses(t *testing.T) {
	listed := map[string]bool{}
	for _, k := range projectedKinds {
		listed[k] = true
	}
	for _, k := range []string{KindReceived, KindMoved, KindNote, KindProbed, KindDiskDestroyed, KindWipeStarted,
		KindWipeFinished, KindDeployed, KindSiteAdded, KindImageAdded} {
		v, err := decodePayload(Event{Kind: k, Payload: []byte(`{}`)})
		if err != nil {
			t.Fatal(k, err)
		}
		if (v != nil) != listed[k] {
			t.Errorf("kind %s: decoded %v, listed %v", k, v != nil, listed[k])
		}
	}
}
