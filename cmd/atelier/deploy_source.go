package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/workshop"
)

// deploySource is the image to deploy (from the catalogue or a bare file)
// and the unit whose disk receives it: --unit, or the unit the ledger
// files the target disk under.
type deploySource struct {
	name, path, bmap string
	imageBytes       int64
	imageSHA256      string
	fileSHA256       string
	ledger           *inventory.Ledger
	unit             *inventory.Unit
	actor            inventory.Actor
	// disk is the target's identity in the ledger (blockdev.Identity), set by
	// resolveTarget; startEvent is the deploy.started event, once recorded.
	disk, startEvent string
}

// resolveDeploySource finds the image (catalogue name first, then a file,
// whose catalogue entry is used when it has one) and, with --unit, checks
// the unit may be imaged at all, all before anything is written.
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
		// Said early, before the image is even opened; resolveTarget
		// then checks the disk itself.
		u, err := l.CheckDeployUnit(ctx, f.unit)
		if err != nil {
			s.close()
			return nil, g.ledgerErr(err)
		}
		if err := s.setUnit(g, u); err != nil {
			s.close()
			return nil, err
		}
	}
	return s, nil
}

func (s *deploySource) setUnit(g *globals, u inventory.Unit) error {
	a, err := g.actor()
	if err != nil {
		return err
	}
	s.actor, s.unit = a, &u
	return nil
}

// resolveTarget settles the target disk's identity and unit
// (workshop.DeployTarget): a refusal comes before anything is written.
func (s *deploySource) resolveTarget(ctx context.Context, g *globals, d imaging.BlockDevice) error {
	var l workshop.DeployLedger = s.ledger
	if s.ledger == nil {
		s.disk = d.Identity() // no ledger: nothing to find, nothing recorded
		return nil
	}
	disk, u, found, err := workshop.DeployTarget(ctx, l, s.unit, d)
	s.disk = disk
	if found {
		if err := s.setUnit(g, *u); err != nil {
			return err
		}
	}
	if err != nil {
		return g.lang().Errorf("deploy.target.refused", d.Path, g.ledgerErr(err))
	}
	return nil
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

// zeroWiped: see workshop.ZeroWiped.
func (s *deploySource) zeroWiped(ctx context.Context) bool {
	if s.ledger == nil {
		return false
	}
	return workshop.ZeroWiped(ctx, s.ledger, s.unitID(), s.disk)
}

// started tells the ledger, before the first write, that this disk is
// about to receive an image: a deploy killed with -9 then still leaves its
// trace on the unit, and the next one will not trust the zero wipe.
func (s *deploySource) started(ctx context.Context, g *globals, p *deploy.Plan) error {
	if s.unit == nil {
		return nil
	}
	id, err := s.ledger.DeployStarted(ctx, s.actor, s.unit.ID, inventory.DeployStart{Image: s.name,
		ImageSHA256: s.imageSHA256, Device: p.Device.Path, DiskSerial: s.disk})
	if err != nil {
		return g.lang().Errorf("deploy.target.refused", p.Device.Path, g.ledgerErr(err))
	}
	s.startEvent = id
	return nil
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
	_, err := s.ledger.RecordDeploy(ctx, s.actor, s.unit.ID, inventory.DeployOutcome{StartEvent: s.startEvent,
		Image: s.name, ImageSHA256: sum, Device: p.Device.Path, DiskSerial: s.disk,
		Status: res.Status, Verification: res.Verification, Seconds: res.Seconds,
		Bytes: res.WrittenBytes, Steps: steps,
	})
	return g.ledgerErr(err)
}
