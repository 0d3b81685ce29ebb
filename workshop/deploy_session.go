package workshop

import (
	"context"
	"fmt"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"os"
	"path/filepath"

	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/inventory"
)

// DeploySessionLedger is what a deploy session asks of the ledger;
// *inventory.Ledger has it, workflow tests pass a fake.
type DeploySessionLedger interface {
	DeployLedger
	FindImage(ctx context.Context, name string) (inventory.Image, error)
	Images(ctx context.Context) ([]inventory.Image, error)
	CheckDeployUnit(ctx context.Context, ref string) (inventory.Unit, error)
	DeployStarted(ctx context.Context, a inventory.Actor, unitID string, d inventory.DeployStart) (string, error)
	RecordDeploy(ctx context.Context, a inventory.Actor, unitID string, o inventory.DeployOutcome) (inventory.Unit, error)
}

// Imager is the deploy engine (imaging/deploy at the edge): it plans a
// deploy onto a disk, checks the disk again just before writing, and
// writes, verifies and personalises.
type Imager interface {
	Prepare(ctx context.Context, r deploy.Request) (*deploy.Plan, error)
	Recheck(ctx context.Context, p *deploy.Plan) error
	Run(ctx context.Context, p *deploy.Plan, prog deploy.Progress) (deploy.Result, error)
}

// Engine is the real deploy engine.
type Engine struct{}

func (Engine) Prepare(ctx context.Context, r deploy.Request) (*deploy.Plan, error) {
	return deploy.Prepare(ctx, r)
}
func (Engine) Recheck(ctx context.Context, p *deploy.Plan) error { return p.Recheck(ctx) }
func (Engine) Run(ctx context.Context, p *deploy.Plan, prog deploy.Progress) (deploy.Result, error) {
	return p.Run(ctx, prog)
}

// DeploySession is one deploy: the image to write (from the catalogue or
// a bare file), the unit whose disk receives it (--unit, or the unit the
// ledger files the target disk under), and its record.
type DeploySession struct {
	Ledger DeploySessionLedger // nil: no ledger, the deploy goes on unrecorded
	Imager Imager
	// Actor is who records the deploy, asked only when there is a unit.
	Actor func() (inventory.Actor, error)
	// Clock times the deploy: its recorded duration (nil: the system clock).
	Clock Clock

	// The image, found by Source.
	Name, Path, Bmap string
	ImageBytes       int64
	ImageSHA256      string
	FileSHA256       string
	// Unit is the unit the deploy is recorded on (nil: not recorded); Disk
	// the target's identity in the ledger (blockdev.Identity).
	Unit  *inventory.Unit
	Disk  string
	actor inventory.Actor
	start string // the deploy.started event, once recorded
}

// Source finds the image (catalogue name first, then a file, whose
// catalogue entry is used when it has one) and, with unitRef, checks the
// unit may be imaged at all (inventory.CheckDeployUnit), all before
// anything is opened or written.
func (s *DeploySession) Source(ctx context.Context, image, unitRef string) error {
	s.Name = image
	if s.Ledger == nil && unitRef != "" {
		return fmt.Errorf("deploy --unit %s: no ledger", unitRef) // the command opens one for --unit
	}
	var im *inventory.Image
	if s.Ledger != nil {
		if found, err := s.Ledger.FindImage(ctx, image); err == nil {
			im = &found
		}
	}
	if im == nil {
		st, err := os.Stat(image)
		if err != nil || !st.Mode().IsRegular() {
			return refuse(i18n.M("deploy.image.unknown", image))
		}
		abs, _ := filepath.Abs(image)
		s.Path = abs
		if s.Ledger != nil { // a file that is in the catalogue brings its hashes
			imgs, _ := s.Ledger.Images(ctx)
			for i := range imgs {
				if imgs[i].Path == abs {
					im = &imgs[i]
				}
			}
		}
	}
	if im != nil {
		s.Name, s.Path, s.Bmap = im.Name, im.Path, im.BmapPath
		s.ImageBytes, s.ImageSHA256, s.FileSHA256 = im.ImageBytes, im.ImageSHA256, im.SHA256
	}
	if unitRef == "" {
		return nil
	}
	u, err := s.Ledger.CheckDeployUnit(ctx, unitRef)
	if err != nil {
		return err
	}
	return s.setUnit(u)
}

func (s *DeploySession) setUnit(u inventory.Unit) error {
	a, err := s.Actor()
	if err != nil {
		return err
	}
	s.actor, s.Unit = a, &u
	return nil
}

// Plan prepares the deploy of req onto its target, settles the target's
// identity and unit (DeployTarget: a refusal comes before anything is
// written), names the copy after the unit, and decides whether the
// image's zero blocks may be skipped.
func (s *DeploySession) Plan(ctx context.Context, req deploy.Request) (*deploy.Plan, error) {
	req.Image, req.ImageBytes, req.ImageSHA256, req.FileSHA256 = s.Path, s.ImageBytes, s.ImageSHA256, s.FileSHA256
	if req.Bmap == "" && !req.NoBmap {
		req.Bmap = s.Bmap
	}
	p, err := s.Imager.Prepare(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := s.target(ctx, p); err != nil {
		return nil, err
	}
	if p.Hostname == "" && s.Unit != nil {
		p.Hostname = deploy.HostnameFor(s.Unit.ID)
	}
	// Decided before the start is recorded: that record is itself a
	// "written since the wipe".
	p.SkipZeros = s.Ledger != nil && ZeroWiped(ctx, s.Ledger, s.UnitID(), s.Disk)
	return p, nil
}

func (s *DeploySession) target(ctx context.Context, p *deploy.Plan) error {
	if s.Ledger == nil {
		s.Disk = p.Device.Identity() // no ledger: nothing to find, nothing recorded
		return nil
	}
	disk, u, found, err := DeployTarget(ctx, s.Ledger, s.Unit, p.Device)
	s.Disk = disk
	if found {
		if err := s.setUnit(*u); err != nil {
			return err
		}
	}
	if err != nil {
		return refuse(i18n.M("deploy.target.refused", p.Device.Path, err))
	}
	return nil
}

// UnitID is the unit's id, "" when the deploy is not recorded.
func (s *DeploySession) UnitID() string {
	if s.Unit == nil {
		return ""
	}
	return s.Unit.ID
}

// Begin checks the disk again and tells the ledger before the first
// write: a deploy killed with -9 then still leaves its trace on the unit,
// and the next one will not trust the zero wipe.
func (s *DeploySession) Begin(ctx context.Context, p *deploy.Plan) error {
	if err := s.Imager.Recheck(ctx, p); err != nil {
		return err
	}
	if s.Unit == nil {
		return nil
	}
	id, err := s.Ledger.DeployStarted(ctx, s.actor, s.Unit.ID, inventory.DeployStart{Image: s.Name,
		ImageSHA256: s.ImageSHA256, Device: p.Device.Path, DiskSerial: s.Disk})
	if err != nil {
		return refuse(i18n.M("deploy.target.refused", p.Device.Path, err))
	}
	s.start = id
	return nil
}

// Write writes, verifies and personalises, then records how the deploy
// ended, failed and interrupted included: the ledger must know that disk
// is unusable. recErr is the record's failure, apart from the deploy's.
func (s *DeploySession) Write(ctx context.Context, p *deploy.Plan, prog deploy.Progress) (res deploy.Result, runErr, recErr error) {
	start := s.Clock.now()
	res, runErr = s.Imager.Run(ctx, p, prog)
	res.Seconds = s.Clock.now().Sub(start).Seconds()
	return res, runErr, s.record(context.WithoutCancel(ctx), p, res)
}

func (s *DeploySession) record(ctx context.Context, p *deploy.Plan, res deploy.Result) error {
	if s.Unit == nil {
		return nil
	}
	sum := s.ImageSHA256
	if sum == "" {
		sum = res.ImageSHA256
	}
	var steps []string
	for _, st := range res.Steps {
		steps = append(steps, fmt.Sprintf("%s: %s: %s", st.Name, st.Status, st.Detail))
	}
	_, err := s.Ledger.RecordDeploy(ctx, s.actor, s.Unit.ID, inventory.DeployOutcome{StartEvent: s.start,
		Image: s.Name, ImageSHA256: sum, Device: p.Device.Path, DiskSerial: s.Disk,
		Status: res.Status, Verification: res.Verification, Seconds: res.Seconds,
		Bytes: res.WrittenBytes, Steps: steps,
	})
	return err
}
