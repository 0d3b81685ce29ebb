package inventory

import (
	"context"
	"fmt"
	"testing"
)

// walkSite is where walkUnits reserves and hands units over.
const walkSite = "MDH Synthetic"

// walkUnits records n units down the lifecycle through the same calls the
// commands use (so every rule is checked), unit i stopping at the i%10th
// stop of a workshop that has run a while: received, triaged, wiped,
// imaged, ready, reserved, three handed over, recycled. Every projection
// table gets rows. scripts/synthledger builds the large benchmark ledgers
// the same way, with certificates.
func walkUnits(t testing.TB, l *Ledger, n int) {
	t.Helper()
	ctx := context.Background()
	if _, err := l.AddSite(ctx, cam, walkSite); err != nil {
		t.Fatal(err)
	}
	if err := l.AddImage(ctx, cam, Image{Name: "zorin-18-core", SHA256: "00", SizeBytes: 9 << 30}); err != nil {
		t.Fatal(err)
	}
	const chunk = 1000
	for first := 0; first < n; first += chunk {
		rows := make([]NewUnit, min(chunk, n-first))
		for k := range rows {
			rows[k] = NewUnit{Serial: fmt.Sprintf("SYN%08d", first+k), AssetTag: fmt.Sprintf("INV-%07d", first+k),
				Vendor: "Dell", Model: "Latitude E6410", Type: "laptop", SourceLine: k + 2}
		}
		res, err := l.ImportBatch(ctx, cam, BatchInfo{Donor: "DSI Synthetic", Batch: fmt.Sprintf("B%03d", first/chunk), File: "synthetic.csv"}, rows)
		if err != nil {
			t.Fatal(err)
		}
		err = l.Batch(ctx, cam, func(bctx context.Context) error {
			for k, u := range res.Imported {
				if err := walkUnit(bctx, l, first+k, u.ID); err != nil {
					return fmt.Errorf("unit %s: %w", u.ID, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func walkUnit(ctx context.Context, l *Ledger, i int, id string) error {
	stop := []State{Received, Triaged, Wiped, Imaged, Ready, Reserved, HandedOver, HandedOver, HandedOver, Recycled}[i%10]
	disk := DiskRecord{Serial: fmt.Sprintf("D-SYN%08d", i), Vendor: "WDC", Model: "WD5000", Medium: "hdd", SizeBytes: 500107862016}
	path := []State{Received, Triaged, Wiped, Imaged, Ready, Reserved, HandedOver}
	last := stop
	if stop == Recycled { // recycled once wiped
		last = Wiped
	}
	reach := func(s State) bool {
		for _, st := range path {
			if st == s {
				return true
			}
			if st == last {
				return false
			}
		}
		return false
	}
	steps := []func() error{func() error { _, err := l.Note(ctx, cam, id, "synthetic unit"); return err }}
	if stop != Received {
		steps = append(steps, func() error {
			_, err := l.RecordProbe(ctx, cam, id, []byte(`{"schema":1,"synthetic":true}`), nil, "B", []DiskRecord{disk})
			return err
		})
	}
	if reach(Wiped) {
		steps = append(steps, func() error {
			start, err := l.WipeStarted(ctx, cam, id, WipeStart{Disk: disk, Device: "/dev/fake-synth", Method: "zero"})
			if err != nil {
				return err
			}
			_, err = l.WipeFinished(ctx, cam, id, WipeOutcome{StartEvent: start, Status: ErasurePassed,
				Technique: "overwrite-zero", NIST: "Clear", Pattern: "zero", Bytes: disk.SizeBytes})
			return err
		})
	}
	if reach(Imaged) {
		steps = append(steps, func() error {
			start, err := l.DeployStarted(ctx, cam, id, DeployStart{Image: "zorin-18-core", Device: "/dev/fake-synth", DiskSerial: disk.Serial})
			if err != nil {
				return err
			}
			_, err = l.RecordDeploy(ctx, cam, id, DeployOutcome{StartEvent: start, Image: "zorin-18-core", DiskSerial: disk.Serial,
				Status: ErasurePassed, Verification: "read-back"})
			return err
		})
	}
	move := func(to State, o MoveOptions) func() error {
		return func() error { _, err := l.Move(ctx, cam, id, to, o); return err }
	}
	if reach(Ready) {
		steps = append(steps, move(Ready, MoveOptions{}))
	}
	if reach(Reserved) {
		steps = append(steps, move(Reserved, MoveOptions{Site: walkSite}))
	}
	if reach(HandedOver) {
		steps = append(steps, func() error {
			_, err := l.Handover(ctx, cam, id, walkSite, fmt.Sprintf("MDH-SYN-%06d", i))
			return err
		})
	}
	if stop == Recycled {
		steps = append(steps, move(Recycled, MoveOptions{}))
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	// About ten events per unit, as in a workshop's ledger: received and one
	// per step above, plus what a step records beyond its first event (the
	// probe's move to triaged; a wipe's and a deploy's start and move), then
	// volunteers' notes.
	events := 1 + len(steps)
	for s, more := range map[State]int{Triaged: 1, Wiped: 2, Imaged: 2} {
		if reach(s) {
			events += more
		}
	}
	for ; events < 10; events++ {
		if _, err := l.Note(ctx, cam, id, "synthetic unit"); err != nil {
			return err
		}
	}
	return nil
}
