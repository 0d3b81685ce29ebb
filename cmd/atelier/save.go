package main

import (
	"bufio"
	"context"
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
// one) on its unit through a workshop.Triage: probe --save and check
// --save both end here. probe --save passes no verdict: the report is then
// checked against the profiles (built-in, or ATELIER_PROFILES) so the
// grade is recorded too.
func saveTriage(ctx context.Context, g *globals, r *probe.Report, v *probe.Verdict, unitRef string) error {
	actor, err := g.actor()
	if err != nil {
		return err
	}
	if v == nil {
		set, err := probe.LoadProfiles(os.Getenv("ATELIER_PROFILES"))
		if err != nil {
			return profileErr(g, err)
		}
		checked := probe.Check(r, set)
		v = &checked
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		t := workshop.Triage{Ledger: l, Prompt: prompt{g: g}, Actor: actor}
		res, err := t.Save(ctx, r, *v, unitRef)
		if err != nil {
			return g.sessionErr(err)
		}
		renderTriaged(g, res)
		return nil
	})
}

// renderTriaged says what was recorded, wrapped like the rest of check's
// text; on stderr when stdout carries the JSON document.
func renderTriaged(g *globals, res workshop.Triaged) {
	out := g.stdout
	if g.json {
		out = g.stderr
	}
	say := func(text string) {
		fmt.Fprintln(out, unbreakable.Replace(strings.Join(probeWrap(text, termui.Width(out)-2), "\n  ")))
	}
	u := res.Unit
	say(g.T("check.save.done", u.ID, g.T("state."+u.State), res.Grade, len(res.Disks)))
	switch {
	case res.StandIn != "" && res.FoundBy == workshop.ByWalkIn:
		say(g.T("check.save.noserial.filed", u.ID, res.StandIn, res.Disk, u.ID))
	case res.FoundBy == workshop.ByDisk || res.StandIn != "":
		say(g.T("check.save.noserial.found", u.ID, res.Disk))
	}
	for _, d := range res.NoSerial {
		say(g.T("check.save.disk_noserial", d[0], d[1], u.ID))
	}
	if len(res.Skipped) > 0 {
		var names []string
		for _, d := range res.Skipped {
			names = append(names, removableLabel(g, d))
		}
		say(g.T("check.save.disk_removable", strings.Join(names, ", "), u.ID))
	}
	for _, e := range res.Elsewhere {
		say(g.T("check.save.disk_elsewhere", e[0], e[1]))
	}
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
