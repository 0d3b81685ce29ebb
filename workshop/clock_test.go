package workshop

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// ticking is a fixed clock that moves by step at each reading.
func ticking(start time.Time, step time.Duration) Clock {
	var mu sync.Mutex
	now := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t := now
		now = now.Add(step)
		return t
	}
}

// The sessions read the time from their clock: a wipe's certificate (as
// the ledger records it) carries the clock's start and end and their
// duration, a deploy's record the clock's duration.
func TestSessionsTakeTheirTimeFromTheClock(t *testing.T) {
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	b := newBench(t)
	b.s.Clock = ticking(start, 90*time.Second)
	if _, err := b.wipe(t, "/dev/fakea"); err != nil {
		t.Fatal(err)
	}
	o, ok := b.ledger.finished["PCS-26-0001"]
	if !ok {
		t.Fatal("the wipe was not recorded")
	}
	c, err := reports.Parse(o.Certificate)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	if !c.Times.Started.Equal(want) || !c.Times.Finished.Equal(want.Add(90*time.Second)) || c.Times.DurationSeconds != 90 {
		t.Fatalf("recorded certificate times %+v, want %s + 90 s", c.Times, want)
	}
	if c.Times.Started.Location() != time.UTC {
		t.Errorf("certificate time not in UTC: %s", c.Times.Started)
	}

	ctx := context.Background()
	l := openLedger(t)
	u, dev := wipedUnit(t, l)
	rec := &recordingLedger{Ledger: l}
	im := &fakeImager{dev: dev, result: deploy.Result{Status: "passed", Verification: "full", WrittenBytes: 1 << 20, Seconds: 0.001}}
	s := deploySession(rec, im)
	s.Clock = ticking(start, 10*time.Minute)
	if err := s.Source(ctx, imageFile(t), u.ID); err != nil {
		t.Fatal(err)
	}
	p, err := s.Plan(ctx, deploy.Request{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Begin(ctx, p); err != nil {
		t.Fatal(err)
	}
	res, runErr, recErr := s.Write(ctx, p, nil)
	if runErr != nil || recErr != nil {
		t.Fatal(runErr, recErr)
	}
	if res.Seconds != 600 || rec.deploy.Seconds != 600 {
		t.Fatalf("deploy took %v s, recorded %v s; the clock says 600", res.Seconds, rec.deploy.Seconds)
	}
}

// recordingLedger is the real ledger, keeping the last deploy it recorded.
type recordingLedger struct {
	*inventory.Ledger
	deploy inventory.DeployOutcome
}

func (r *recordingLedger) RecordDeploy(ctx context.Context, a inventory.Actor, unitID string, o inventory.DeployOutcome) (inventory.Unit, error) {
	r.deploy = o
	return r.Ledger.RecordDeploy(ctx, a, unitID, o)
}
