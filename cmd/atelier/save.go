package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/probe"
	"github.com/pcsolidaire/atelier/workshop"
)

// saveTriage records a probe report (and the check verdict, when there is
// one) on its unit: probe --save and check --save both end here.
//
// The unit is --unit when given, else the unit whose serial is the
// machine's DMI serial. A machine the ledger does not know is registered as
// a walk-in donation only after a "yes" typed in a terminal; outside a
// terminal atelier refuses and says how to register it first (atelier
// intake add), so that a script never creates units by surprise.
//
// probe --save passes no verdict: the report is then checked against the
// profiles (built-in, or ATELIER_PROFILES) so the grade is recorded too.
//
// Every internal disk of the report is recorded against the unit (the
// ledger then refuses to let the unit leave before each one is erased),
// under blockdev.Identity, the key wipe uses too: a disk that reports no serial
// is recorded under a stand-in identity rather than left out. Removable and
// USB disks are left out, most likely the live USB stick the machine was
// booted from, and the output names them so that a donated external disk or
// an internal disk behind a USB bridge is not dropped unnoticed.
func saveTriage(ctx context.Context, g *globals, r *probe.Report, v *probe.Verdict, unitRef string) error {
	actor, err := g.actor()
	if err != nil {
		return err
	}
	if v == nil {
		// probe --save: a triaged unit is one checked against the targets,
		// so the verdict and grade are recorded with the report.
		set, err := probe.LoadProfiles(os.Getenv("ATELIER_PROFILES"))
		if err != nil {
			return profileErr(g, err)
		}
		checked := probe.Check(r, set)
		v = &checked
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		u, err := triageUnit(ctx, g, l, actor, r, unitRef)
		if err != nil {
			return err
		}
		report, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("save report: %w", err)
		}
		verdict, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("save verdict: %w", err)
		}
		grade := v.Grade
		disks, noSerial, skipped := diskRecords(g, r)
		if _, err := l.RecordProbe(ctx, actor, u.ID, report, verdict, grade, disks); err != nil {
			return err
		}
		now, err := l.FindUnit(ctx, u.ID)
		if err != nil {
			return err
		}
		// Keep stdout for the JSON document when --json is given.
		out := g.stdout
		if g.json {
			out = g.stderr
		}
		say := func(text string) { // wrapped like the rest of check's text
			fmt.Fprintln(out, unbreakable.Replace(strings.Join(probeWrap(text, termui.Width(out)-2), "\n  ")))
		}
		say(g.T("check.save.done", now.ID, g.T("state."+now.State), grade, len(disks)))
		for _, d := range noSerial {
			say(g.T("check.save.disk_noserial", d[0], d[1], now.ID))
		}
		if len(skipped) > 0 {
			say(g.T("check.save.disk_removable", strings.Join(skipped, ", "), now.ID))
		}
		// A disk moved from one donated PC to another stays recorded on
		// both: say so, since the first unit cannot leave until it is
		// erased or its record is corrected.
		for _, d := range disks {
			others, err := l.DiskOnOtherUnits(ctx, now.ID, d.Serial)
			if err != nil {
				return err
			}
			if len(others) > 0 {
				say(g.T("check.save.disk_elsewhere", d.Serial, strings.Join(others, ", ")))
			}
		}
		return nil
	})
}

// triageUnit finds the unit to record on, or registers a walk-in.
func triageUnit(ctx context.Context, g *globals, l *inventory.Ledger, a inventory.Actor, r *probe.Report, ref string) (inventory.Unit, error) {
	if ref != "" {
		return l.FindUnit(ctx, ref)
	}
	serial := strings.TrimSpace(r.System.Serial)
	if !usableSerial(serial) {
		return inventory.Unit{}, g.lang().Errorf("check.save.no_serial", serial)
	}
	u, found, err := l.FindUnitBySerial(ctx, serial)
	if err != nil || found {
		return u, err
	}
	if !g.interactive() {
		return inventory.Unit{}, g.lang().Errorf("check.save.walkin_refused", serial, serial)
	}
	machine := strings.TrimSpace(checkOrDash(r.System.Vendor) + " " + checkOrDash(r.System.Product))
	if !confirm(g.stdin, g.stderr, g.T("check.save.walkin_prompt", serial, machine)) {
		return inventory.Unit{}, g.lang().Errorf("check.save.walkin_declined")
	}
	return l.AddUnit(ctx, a, workshop.WalkIn(r, serial))
}

// confirm asks a yes/no question; only "y", "yes", "o", "oui" say yes.
func confirm(in io.Reader, out io.Writer, question string) bool {
	fmt.Fprint(out, question)
	line, _ := bufio.NewReader(in).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "o", "oui":
		return true
	}
	return false
}

// usableSerial and usableText: see workshop.UsableSerial, UsableText.
func usableSerial(s string) bool { return workshop.UsableSerial(s) }

func usableText(s string) bool { return workshop.UsableText(s) }

// diskRecords is workshop.DiskRecords with the left-out disks labelled.
func diskRecords(g *globals, r *probe.Report) (recs []inventory.DiskRecord, noSerial [][2]string, skipped []string) {
	recs, noSerial, left := workshop.DiskRecords(r)
	for _, d := range left {
		skipped = append(skipped, removableLabel(g, d))
	}
	return recs, noSerial, skipped
}

// removableLabel names a left-out disk the way the volunteer sees it:
// "sdb (Cruzer Blade, 32 GB)", with non-breaking spaces.
func removableLabel(g *globals, d probe.Disk) string {
	var parts []string
	if usableText(d.Model) {
		parts = append(parts, strings.TrimSpace(d.Model))
	}
	if d.SizeBytes > 0 {
		parts = append(parts, probeDiskSize(g, d.SizeBytes))
	}
	if len(parts) == 0 {
		return d.Name
	}
	// Non-breaking spaces keep one disk's label on one line when wrapped.
	label := d.Name + " (" + strings.Join(parts, ", ") + ")"
	return strings.ReplaceAll(label, " ", "\u00a0")
}
