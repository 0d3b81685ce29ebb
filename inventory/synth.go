package inventory

import (
	"context"
	"fmt"
	"time"
)

// Synthesize fills the ledger with n synthetic units following realistic
// paths (about ten events each), in one transaction, for benchmarks. Units
// are spread over the lifecycle as in a workshop that has run for a while:
// most handed over or recycled, a tenth ready and waiting.
func (l *Ledger) Synthesize(ctx context.Context, a Actor, n int) (events int, err error) {
	const site = "MDH Synthetic"
	err = l.write(ctx, a, func(w *writer) error {
		at := l.now().Add(-365 * 24 * time.Hour)
		tick := func() time.Time { at = at.Add(7 * time.Millisecond); return at }
		add := func(unit, kind string, pl any) error {
			_, err := w.appendAt(ctx, tick(), unit, kind, pl)
			events++
			return err
		}
		if s, err := w.p.site(ctx, site); err != nil {
			return err
		} else if s == nil {
			if err := add("", KindSiteAdded, sitePayload{Name: site}); err != nil {
				return err
			}
		}
		for i := 0; i < n; i++ {
			if i%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			serial := fmt.Sprintf("SYN%08d", i)
			nu := NewUnit{Serial: serial, AssetTag: fmt.Sprintf("INV-%07d", i), Vendor: "Dell",
				Model: "Latitude E6410", Type: "laptop", Donor: "DSI Synthetic", Batch: fmt.Sprintf("B%03d", i/1000)}
			u, err := w.receiveAt(ctx, tick(), nu, "synthetic.csv")
			if err != nil {
				return err
			}
			events++
			disk := DiskRecord{Serial: "D" + serial, Vendor: "WDC", Model: "WD5000", Medium: "HDD", SizeBytes: 500107862016}
			stop := []State{Received, Triaged, Wiped, Imaged, Ready, Reserved, HandedOver, HandedOver, HandedOver, Recycled}[i%10]
			path := []func() error{
				func() error { return add(u.ID, KindNote, notePayload{Text: "synthetic unit"}) },
				func() error {
					return add(u.ID, KindMoved, movedPayload{From: Received, To: Triaged, Auto: true})
				},
				func() error {
					return add(u.ID, KindProbed, probedPayload{Grade: "B", Disks: []DiskRecord{disk}, Report: []byte(`{"schema":1,"synthetic":true}`)})
				},
			}
			var start string
			wipe := []func() error{
				func() error {
					e, err := w.appendAt(ctx, tick(), u.ID, KindWipeStarted, WipeStart{Disk: disk, Device: "/dev/sdb", Method: "overwrite"})
					start = e.ID
					events++
					return err
				},
				func() error {
					return add(u.ID, KindWipeFinished, WipeOutcome{StartEvent: start, DiskSerial: disk.Serial, Status: ErasurePassed,
						Technique: "overwrite", NIST: "Clear", Pattern: "zero", Bytes: disk.SizeBytes, CertificateID: "CERT-" + serial})
				},
				func() error { return add(u.ID, KindMoved, movedPayload{From: Triaged, To: Wiped, Auto: true}) },
			}
			deploy := []func() error{
				func() error {
					return add(u.ID, KindDeployed, DeployOutcome{Image: "zorin-17-core", Status: "passed", Verification: "read-back", Seconds: 300, Bytes: 9e9})
				},
				func() error { return add(u.ID, KindMoved, movedPayload{From: Wiped, To: Imaged, Auto: true}) },
			}
			steps := []func() error{path[0]}
			if stop != Received {
				steps = append(steps, path[1], path[2])
			}
			if stop != Received && stop != Triaged {
				steps = append(steps, wipe...)
			}
			switch stop {
			case Imaged, Ready, Reserved, HandedOver:
				steps = append(steps, deploy...)
			}
			move := func(from, to State, site, ref string) func() error {
				return func() error {
					return add(u.ID, KindMoved, movedPayload{From: from, To: to, Site: site, Beneficiary: ref})
				}
			}
			switch stop {
			case Ready:
				steps = append(steps, move(Imaged, Ready, "", ""))
			case Reserved:
				steps = append(steps, move(Imaged, Ready, "", ""), move(Ready, Reserved, site, ""))
			case HandedOver:
				steps = append(steps, move(Imaged, Ready, "", ""), move(Ready, Reserved, site, ""),
					move(Reserved, HandedOver, site, fmt.Sprintf("MDH-SYN-%06d", i)))
			case Parts:
				steps = append(steps, move(Wiped, Parts, "", ""))
			case Recycled:
				steps = append(steps, move(Wiped, Recycled, "", ""))
			}
			for len(steps) < 9 { // about ten events per unit, received included
				steps = append(steps, path[0])
			}
			for _, s := range steps {
				if err := s(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return events, err
}
