package main

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/internal/vocab"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/workshop"
)

// deployFlags are the options of atelier deploy.
type deployFlags struct {
	image, unit, hostname, verify, bmap string
	noPersonalise, noBmap, yes, dryRun  bool
}

// newDeployCmd writes an image onto a disk, verifies and personalises it.
func newDeployCmd(g *globals) *cobra.Command {
	var f deployFlags
	cmd := &cobra.Command{
		Use:   "deploy --image NAME|FILE DISK",
		Short: "Write an OS image onto a wiped disk, verify it and personalise the copy",
		Long: `deploy writes a catalogue image (or an image file) onto DISK: raw, .zst, .xz
or .gz, decompressed while writing. With a bmap only the mapped ranges are
written and each is checked against its checksum as it streams; without one
the whole image is checked against its catalogue sha256 (and, on a disk that
atelier just wiped with zeros, zero blocks are skipped). Everything written is
then read back and compared (--verify none to skip). Then the copy is made
this machine's own: GPT backup at the disk's end and a new disk GUID, last
partition and its ext4 grown, machine-id emptied, SSH host keys and saved
Wi-Fi removed, hostname set (from the unit id by default), OEM first-boot
set-up enabled when the image has it.

The safety guard refuses the system disk, mounted or held disks and the disk
holding the image; a disk smaller than the image is refused before writing.
The deploy is recorded on a unit: --unit, or else the unit the ledger has
this disk on. The disk must then be one of that unit's disks with a passed
erasure and the unit wiped, or nothing is written; the start is recorded
before the first write, and a passed deploy moves the unit to imaged. A disk
no unit has, without --unit, is written but not recorded (it says so).
Exit status: 0 passed, 1 refused or failed, 130 interrupted.`,
		Example: "  atelier deploy --image zorin-18.1-core /dev/sdb --unit PCS-26-0042\n  atelier deploy --image ./zorin.img.zst /dev/sdc --yes --no-personalise\n  atelier deploy --image zorin-18.1-core /dev/sdb --dry-run",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.image == "" {
				return fmt.Errorf("%s", g.T("deploy.noimage"))
			}
			return runDeploy(cmd.Context(), g, f, args[0])
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.image, "image", "", "catalogue name or image file (required)")
	fl.StringVar(&f.unit, "unit", "", "unit the disk belongs to (id, serial or asset tag): the deploy is recorded on it")
	fl.StringVar(&f.hostname, "hostname", "", "hostname of the copy (default: the unit id in lower case, e.g. pcs-26-0042)")
	fl.BoolVar(&f.noPersonalise, "no-personalise", false, "write and verify only: no GPT, partition, hostname or identity changes")
	fl.StringVar(&f.verify, "verify", "full", "read-back verification: full or none")
	fl.StringVar(&f.bmap, "bmap", "", "bmap file (default: the catalogue's, or found next to the image)")
	fl.BoolVar(&f.noBmap, "no-bmap", false, "ignore any bmap and write the whole image")
	fl.BoolVar(&f.yes, "yes", false, "do not ask for confirmation (needed when not at a terminal)")
	fl.BoolVar(&f.dryRun, "dry-run", false, "check everything and say what would be written, write nothing")
	return cmd
}

// runDeploy hands the image and the disk to a workshop.DeploySession with
// this machine's deploy engine and ledger, asks, then renders.
func runDeploy(ctx context.Context, g *globals, f deployFlags, disk string) error {
	// The hostname goes into the deployed event's steps, kept forever: a
	// "jean-0612345678" is refused like any text a person types.
	if _, err := inventory.CheckText(inventory.FieldHostname, f.hostname); err != nil {
		return g.ledgerErr(err)
	}
	s := &workshop.DeploySession{Imager: workshop.Engine{}, Actor: g.actor}
	// Without --unit a deploy goes on without a ledger (a bare disk at a
	// bench that has none): it is then not recorded.
	l, err := g.openLedger(ctx)
	if err != nil && f.unit != "" {
		return err
	}
	if err == nil {
		defer l.Close()
		s.Ledger = l
	}
	if err := s.Source(ctx, f.image, f.unit); err != nil {
		return g.sessionErr(err)
	}
	plan, err := s.Plan(ctx, deploy.Request{Bmap: f.bmap, NoBmap: f.noBmap, Target: disk, Verify: f.verify,
		Personalise: !f.noPersonalise, Hostname: f.hostname, Keep: g.guardOptions().Keep})
	if err != nil {
		return g.sessionErr(err)
	}
	if err := g.diskConfirm().confirm(plan.Device, imaging.ConfirmOptions{Yes: f.yes, DryRun: f.dryRun,
		Interactive: g.interactive()}); err != nil {
		return err
	}
	if f.dryRun {
		return renderDeployPlan(g, plan, s)
	}
	if err := s.Begin(ctx, plan); err != nil {
		return g.sessionErr(err)
	}
	if s.Unit == nil {
		fmt.Fprintln(g.stderr, g.T("deploy.nounit", s.Disk))
	}

	ui := newProgress(g) // the display wipe uses: disk, step, speed, time left, then "done in"
	bar := newDeployBar(g, ui, plan.Device.Path)
	res, runErr, recErr := s.Write(ctx, plan, bar)
	// The line ends on the numbers the summary below says, not on its own
	// clock and its count of bytes read back too.
	bar.bar.finishWith(res.Status == string(vocab.StatusPassed), doneIn(g.lang(), deployTime(res), res.WrittenBytes))
	ui.wait()
	recErr = g.ledgerErr(recErr)
	return renderDeployEnd(g, s, plan, res, runErr, recErr)
}

// renderDeployEnd says how the deploy ended and where it was recorded, and
// turns anything but a pass into the exit status.
func renderDeployEnd(g *globals, s *workshop.DeploySession, plan *deploy.Plan, res deploy.Result, runErr, recErr error) error {
	if g.json {
		if err := g.printJSON(deployJSON{Result: res, Unit: s.UnitID(), Disk: s.Disk,
			Recorded: recErr == nil && s.Unit != nil, SkippedZeros: plan.SkipZeros, Image: s.Name}); err != nil {
			return err
		}
	} else {
		shown := res // the engine's error is English (--json, ledger); the operator reads it in their language
		if runErr != nil {
			shown.Error = g.localErr(runErr)
		}
		renderDeployResult(g, shown, s)
		if recErr == nil && s.Unit != nil {
			fmt.Fprintln(g.stdout, g.T("deploy.recorded."+map[bool]string{true: "passed", false: "other"}[res.Status == string(vocab.StatusPassed)],
				s.Unit.ID, s.Disk, g.T("state.imaged"), g.T("state.wiped")))
		}
	}
	if runErr != nil {
		if res.Status == "interrupted" { // like wipe: 130 tells a script the operator stopped it
			return fail(130, oneLine(g.localErr(runErr)))
		}
		return fail(1, g.T("deploy.failed", g.T("deploy.status."+res.Status), oneLine(g.localErr(runErr))))
	}
	return recErr
}

type deployJSON struct {
	deploy.Result
	Image        string `json:"image"`
	Unit         string `json:"unit,omitempty"`
	Disk         string `json:"disk"` // the disk's identity in the ledger
	Recorded     bool   `json:"recorded"`
	SkippedZeros bool   `json:"skipped_zeros"`
}

func renderDeployPlan(g *globals, p *deploy.Plan, src *workshop.DeploySession) error {
	bmap := g.T("image.nobmap")
	if p.BmapPath != "" {
		bmap = p.BmapPath
	}
	if g.json {
		return g.printJSON(map[string]any{"dry_run": true, "image": src.Name, "file": p.Image, "format": p.Format,
			"bmap": p.BmapPath, "device": p.Device, "image_bytes": p.ImageSize, "write_bytes": p.WriteBytes,
			"skip_zeros": p.SkipZeros, "verify": p.Verify, "unit": src.UnitID(), "disk": src.Disk, "personalise": p.Personalise, "hostname": p.Hostname})
	}
	fmt.Fprintln(g.stdout, g.T("deploy.dryrun"))
	return g.keyValues(g.stdout, [][2]string{
		{g.T("image.h.name"), src.Name},
		{g.T("image.h.path"), p.Image + " (" + string(p.Format) + ")"},
		{g.T("image.h.bmap"), bmap},
		{g.T("deploy.h.disk"), fmt.Sprintf("%s %s %s (%s)", p.Device.Path, p.Device.Vendor, p.Device.Model, i18n.Size(p.Device.SizeBytes).In(g.lang()))},
		{g.T("deploy.h.unit"), planUnit(g, src)},
		{g.T("deploy.h.write"), fmt.Sprintf("%s / %s", i18n.Size(p.WriteBytes).In(g.lang()), i18n.Size(p.ImageSize).In(g.lang()))},
		{g.T("deploy.h.verify"), verifyWord(g, p.Verify)},
		{g.T("deploy.h.hostname"), planHostname(g, p)},
	})
}

func renderDeployResult(g *globals, res deploy.Result, src *workshop.DeploySession) {
	lang := g.lang()
	statusW, nameW := 0, 10
	for _, s := range res.Steps {
		statusW = max(statusW, runeLen(stepStatus(g, s.Status)))
		nameW = max(nameW, runeLen(stepWord(lang, s.Name)))
	}
	for _, s := range res.Steps {
		meaning := map[string]string{"ok": "good", "warn": "warn", "failed": "bad"}[s.Status]
		label := stepStatus(g, s.Status)
		// Pad outside the colour codes, by characters: "[attention]" and
		// "écriture" are wider than "[ok]" and bytes would misalign them.
		fmt.Fprintf(g.stdout, "%s%s %s %s\n", termui.Status(g.stdout, label, meaning), pad(label, statusW),
			stepWord(lang, s.Name), pad(stepWord(lang, s.Name), nameW)+s.In(lang))
	}
	status := g.T("deploy.status." + res.Status)
	d := deployTime(res)
	took, size := duration(lang, d), i18n.Size(res.WrittenBytes).In(lang)
	var line string
	if res.Status == string(vocab.StatusPassed) {
		rate := "0"
		if d > 0 {
			rate = mbps(lang, float64(res.WrittenBytes)/d.Seconds())
		}
		line = termui.Status(g.stdout, g.T("deploy.done", status, res.Device, size,
			took, rate, deploy.VerificationText(lang, res.Verification)), "good")
	} else if res.Status == "interrupted" {
		line = termui.Status(g.stdout, g.T("deploy.done.interrupted", res.Device, size, took), "warn")
	} else {
		line = termui.Status(g.stdout, g.T("deploy.done.failed", status, res.Device, oneLine(res.Error), size, took), "bad")
	}
	fmt.Fprintln(g.stdout, line)
	if src.Unit == nil {
		fmt.Fprintln(g.stdout, g.T("deploy.notrecorded", src.Disk))
	}
}

// deployTime is the run's length as the engine measured it: the one time
// the summary and the progress line both divide by.
func deployTime(res deploy.Result) time.Duration {
	return time.Duration(res.Seconds * float64(time.Second))
}

func stepStatus(g *globals, status string) string {
	return "[" + g.T("deploy.status."+status) + "]"
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// pad is the spaces that bring s to width characters.
func pad(s string, width int) string { return strings.Repeat(" ", max(width-runeLen(s), 0)) }

// planUnit says where the deploy will be recorded.
func planUnit(g *globals, src *workshop.DeploySession) string {
	if src.Unit == nil {
		return g.T("deploy.h.nounit", src.Disk)
	}
	return g.T("deploy.h.unitdisk", src.Unit.ID, src.Disk)
}

func planHostname(g *globals, p *deploy.Plan) string {
	switch {
	case !p.Personalise:
		return g.T("deploy.h.nopersonalise")
	case p.Hostname == "":
		return g.T("deploy.h.keptname")
	}
	return p.Hostname
}
