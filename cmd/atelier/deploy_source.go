package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/inventory"
)

// deploySource is the image to deploy (from the catalogue or a bare file)
// and, with --unit, the unit whose disk receives it.
type deploySource struct {
	name, path, bmap string
	imageBytes       int64
	imageSHA256      string
	fileSHA256       string
	ledger           *inventory.Ledger
	unit             *inventory.Unit
	actor            inventory.Actor
}

// resolveDeploySource finds the image (catalogue name first, then a file,
// whose catalogue entry is used when it has one) and checks the unit may
// be imaged, all before anything is written.
func resolveDeploySource(ctx context.Context, g *globals, f deployFlags) (*deploySource, error) {
	s := &deploySource{name: f.image}
	l, lerr := g.openLedger(ctx)
	if lerr != nil && f.unit != "" {
		return nil, lerr
	}
	if lerr == nil {
		s.ledger = l
	}
	var im *inventory.Image
	if l != nil {
		if found, err := l.FindImage(ctx, f.image); err == nil {
			im = &found
		}
	}
	if im == nil {
		st, err := os.Stat(f.image)
		if err != nil || !st.Mode().IsRegular() {
			s.close()
			return nil, g.lang().Errorf("deploy.image.unknown", f.image)
		}
		abs, _ := filepath.Abs(f.image)
		s.path = abs
		if l != nil { // a file that is in the catalogue brings its hashes
			imgs, _ := l.Images(ctx)
			for i := range imgs {
				if imgs[i].Path == abs {
					im = &imgs[i]
				}
			}
		}
	}
	if im != nil {
		s.name, s.path, s.bmap = im.Name, im.Path, im.BmapPath
		s.imageBytes, s.imageSHA256, s.fileSHA256 = im.ImageBytes, im.ImageSHA256, im.SHA256
	}
	if f.unit != "" {
		a, err := g.actor()
		if err != nil {
			s.close()
			return nil, err
		}
		s.actor = a
		u, err := l.FindUnit(ctx, f.unit)
		if err != nil {
			s.close()
			return nil, g.ledgerErr(err)
		}
		if u.State != "wiped" {
			s.close()
			return nil, g.lang().Errorf("deploy.unit.notwiped", u.ID, u.State)
		}
		s.unit = &u
	}
	return s, nil
}

func (s *deploySource) close() {
	if s.ledger != nil {
		s.ledger.Close()
	}
}

func (s *deploySource) unitID() string {
	if s.unit == nil {
		return ""
	}
	return s.unit.ID
}

// zeroWiped says whether the ledger proves the disk holds only zeros: its
// last wipe passed with the zero pattern and no deploy touched it since.
func (s *deploySource) zeroWiped(ctx context.Context, d imaging.BlockDevice) bool {
	serial := ledgerDiskSerial(d)
	if s.unit == nil || serial == "" {
		return false
	}
	w, ok, err := s.ledger.LastWipe(ctx, s.unit.ID, serial)
	if err != nil || !ok || w.Status != "passed" || w.Pattern != wipe.PatternZero {
		return false
	}
	events, err := s.ledger.UnitEvents(ctx, s.unit.ID)
	if err != nil {
		return false
	}
	afterWipe := false
	for _, e := range events {
		switch e.Kind {
		case inventory.KindWipeFinished:
			var o inventory.WipeOutcome
			if json.Unmarshal(e.Payload, &o) == nil && o.DiskSerial == serial {
				afterWipe = true
			}
		case inventory.KindDeployed:
			var d inventory.DeployOutcome
			if json.Unmarshal(e.Payload, &d) == nil && d.DiskSerial == serial && afterWipe {
				return false
			}
		}
	}
	return afterWipe
}

// ledgerDiskSerial is the identity the ledger keys a disk by, the same as
// wipe records: the serial, or for a loop device (no serial) its backing
// file.
func ledgerDiskSerial(d imaging.BlockDevice) string {
	if d.Serial == "" && d.BackingFile != "" {
		return "loop:" + d.BackingFile
	}
	return d.Serial
}

// record writes the deploy on the unit (failed and interrupted ones too:
// the ledger must know that disk is unusable).
func (s *deploySource) record(ctx context.Context, g *globals, p *deploy.Plan, res deploy.Result) error {
	if s.unit == nil {
		return nil
	}
	sum := s.imageSHA256
	if sum == "" {
		sum = res.ImageSHA256
	}
	var steps []string
	for _, st := range res.Steps {
		steps = append(steps, fmt.Sprintf("%s: %s: %s", st.Name, st.Status, st.Detail))
	}
	_, err := s.ledger.RecordDeploy(ctx, s.actor, s.unit.ID, inventory.DeployOutcome{
		Image: s.name, ImageSHA256: sum, Device: p.Device.Path, DiskSerial: ledgerDiskSerial(p.Device),
		Status: res.Status, Verification: res.Verification, Seconds: res.Seconds,
		Bytes: res.WrittenBytes, Steps: steps,
	})
	return g.ledgerErr(err)
}
