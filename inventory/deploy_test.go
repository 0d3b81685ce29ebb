package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// wipedUnit is a unit whose one disk D1 passed its wipe: it is "wiped".
func wipedUnit(t *testing.T, l *Ledger, serial, disk string) Unit {
	t.Helper()
	ctx := context.Background()
	u := addUnit(t, l, serial)
	d := DiskRecord{Serial: disk}
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "A", []DiskRecord{d}); err != nil {
		t.Fatal(err)
	}
	s, err := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: d, Method: "zero"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: ErasurePassed, Pattern: "zero"})
	if err != nil || got.State != string(Wiped) {
		t.Fatalf("wipe: %+v %v", got, err)
	}
	return got
}

func TestDeployOnlyOntoAWipedDiskOfTheUnit(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := wipedUnit(t, l, "SER1", "D1")
	if err := l.CheckDeployTarget(ctx, u.ID, "d1"); err != nil {
		t.Fatalf("the unit's wiped disk refused: %v", err)
	}
	err := l.CheckDeployTarget(ctx, u.ID, "OTHER-DISK")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "OTHER-DISK") || !strings.Contains(err.Error(), u.ID) {
		t.Fatalf("a disk that is not the unit's: %v", err)
	}
	var ie *Error
	if errors.As(err, &ie); ie == nil || !strings.Contains(ie.In(i18n.FR), "effacez-le") {
		t.Errorf("French refusal: %v", err)
	}
	before := countEvents(t, l)
	if _, err := l.DeployStarted(ctx, cam, u.ID, DeployStart{Image: "zorin", DiskSerial: "OTHER-DISK", Device: "/dev/fake0"}); !errors.Is(err, ErrRefused) {
		t.Fatalf("DeployStarted onto another disk: %v", err)
	}
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: "OTHER-DISK", Status: ErasurePassed}); !errors.Is(err, ErrRefused) {
		t.Fatalf("RecordDeploy passed onto another disk: %v", err)
	}
	if n := countEvents(t, l); n != before {
		t.Fatalf("refusals wrote %d events", n-before)
	}

	// A deploy started and never finished (kill -9) still counts as written.
	if w, err := l.WrittenSinceWipe(ctx, u.ID, "D1"); err != nil || w {
		t.Fatalf("WrittenSinceWipe before any deploy = %v %v", w, err)
	}
	start, err := l.DeployStarted(ctx, cam, u.ID, DeployStart{Image: "zorin", DiskSerial: "D1", Device: "/dev/fake0"})
	if err != nil || start == "" {
		t.Fatalf("DeployStarted: %q %v", start, err)
	}
	if w, err := l.WrittenSinceWipe(ctx, u.ID, "d1"); err != nil || !w {
		t.Fatalf("WrittenSinceWipe after a started deploy = %v %v", w, err)
	}
	det, _ := l.Show(ctx, u.ID)
	if last := det.Events[len(det.Events)-1]; !last.Unfinished || !strings.Contains(last.Text(i18n.EN), "never finished") {
		t.Errorf("a deploy with no outcome: %+v", last)
	}
	got, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{StartEvent: start, Image: "zorin", Status: ErasurePassed})
	if err != nil || got.State != string(Imaged) {
		t.Fatalf("RecordDeploy with the start event's disk: %+v %v", got, err)
	}
	if err := l.CheckDeployTarget(ctx, u.ID, "D1"); !errors.Is(err, ErrRefused) {
		t.Errorf("deploy onto an imaged unit: %v", err)
	}
}

func TestUnverifiedWipeIsNotAnErasure(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "SER1")
	d := DiskRecord{Serial: "D1"}
	l.RecordProbe(ctx, cam, u.ID, nil, nil, "A", []DiskRecord{d})
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: d, Method: "zero"})
	got, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: ErasureUnverified})
	if err != nil || got.State != string(Triaged) {
		t.Fatalf("unverified wipe: %+v %v", got, err)
	}
	disks, _ := l.UnitDisks(ctx, u.ID)
	if disks[0].Erasure != ErasureUnverified {
		t.Errorf("erasure %q", disks[0].Erasure)
	}
	if _, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Errorf("recycled with an unverified wipe: %v", err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Wiped, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Errorf("wiped by hand with an unverified wipe: %v", err)
	}
	det, _ := l.Show(ctx, u.ID)
	last := det.Events[len(det.Events)-1].Text(i18n.EN)
	if !strings.Contains(last, "erased, not verified") {
		t.Errorf("timeline: %q", last)
	}
}

func TestWipeAfterDeploySendsTheUnitBackToWiped(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	l.AddSite(ctx, cam, "MDH Village 2")
	wipeD1 := func(u Unit) Unit {
		t.Helper()
		s, err := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: DiskRecord{Serial: "D1-" + u.Serial}, Method: "zero"})
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: ErasurePassed})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	deploy := func(u Unit) {
		t.Helper()
		if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: "D1-" + u.Serial, Status: ErasurePassed}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		serial string
		moves  []State
		want   State
	}{
		{"A", nil, Wiped},
		{"B", []State{Ready}, Wiped},
		{"C", []State{Ready, Reserved}, Wiped},
		{"D", []State{Ready, Reserved, HandedOver}, HandedOver},
	} {
		u := wipedUnit(t, l, tc.serial, "D1-"+tc.serial)
		deploy(u)
		for _, m := range tc.moves {
			o := MoveOptions{}
			if m == Reserved || m == HandedOver {
				o.Site = "MDH Village 2"
			}
			if m == HandedOver {
				o.Beneficiary = "MDH-V2-2026-017"
			}
			if _, err := l.Move(ctx, cam, u.ID, m, o); err != nil {
				t.Fatal(tc.serial, m, err)
			}
		}
		got := wipeD1(u)
		if State(got.State) != tc.want {
			t.Errorf("%s: after a wipe the unit is %s, want %s", tc.serial, got.State, tc.want)
		}
		if tc.want == Wiped {
			if got.Site != "" {
				t.Errorf("%s: site %q kept after the move back", tc.serial, got.Site)
			}
			det, _ := l.Show(ctx, u.ID)
			last := det.Events[len(det.Events)-1].Text(i18n.EN)
			if !strings.Contains(last, "erased after the deploy") {
				t.Errorf("%s: last event %q does not say why", tc.serial, last)
			}
			if tc.serial == "C" && !strings.Contains(last, "reservation for MDH Village 2 dropped") {
				t.Errorf("reservation drop not said: %q", last)
			}
			if _, err := l.Move(ctx, cam, u.ID, Ready, MoveOptions{}); !errors.Is(err, ErrRefused) {
				t.Errorf("%s: ready without a new deploy: %v", tc.serial, err)
			}
		}
	}
	before := dump(t, l)
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, l); after != before {
		t.Errorf("rebuild disagrees with the live projection:\n%s\n---\n%s", before, after)
	}
}

func TestStatusWarnsAboutADiskNotErased(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := wipedUnit(t, l, "SER1", "D1")
	// A second disk found later, wiped without verification.
	d2 := DiskRecord{Serial: "D2"}
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: d2, Method: "zero"})
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: ErasureUnverified}); err != nil {
		t.Fatal(err)
	}
	// Issue 14.7: the unit is no longer erased (it used to stay "wiped"
	// with a warning): it waits for a passed wipe of D2.
	st, err := l.StatusOf(ctx, u.ID)
	if err != nil || st.State != string(Triaged) || !strings.HasSuffix(st.Sentence(i18n.EN), "waiting for its disks to be wiped") {
		t.Fatalf("status: %+v %v", st, err)
	}
}

func TestFailedWipeAfterDeploySendsTheUnitBackToTriaged(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := wipedUnit(t, l, "SER1", "D1")
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: "D1", Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Ready, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: DiskRecord{Serial: "D1"}, Method: "zero"})
	got, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: ErasureInterrupted})
	if err != nil || got.State != string(Triaged) {
		t.Fatalf("interrupted wipe of a ready unit: %+v %v", got, err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Wiped, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Errorf("wiped by hand after an interrupted wipe: %v", err)
	}
}
