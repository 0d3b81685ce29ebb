package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/probe"
)

// probeOptions are the options of atelier probe.
type probeOptions struct {
	probe.Options
	save bool
	unit string // with save: the unit to record on
}

// newProbeCmd describes this machine (or a captured one) as a probe Report.
func newProbeCmd(g *globals) *cobra.Command {
	var o probeOptions
	cmd := &cobra.Command{
		Use:   "probe",
		Short: i18n.EN.T("probe.help.short"),
		Long:  i18n.EN.T("probe.help.long"),
		Example: `  sudo atelier probe
  sudo atelier probe --save
  atelier probe --json > report.json
  sudo atelier probe --capture pc-0042.tar.gz
  atelier probe --root pc-0042.tar.gz
  atelier probe --dmidecode dmidecode.txt --smartctl sda.json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runProbe(cmd.Context(), g, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.Root, "root", "", "read a captured tree (directory or .tar.gz) instead of this machine")
	f.StringVar(&o.DMIDecode, "dmidecode", "", "read a dmidecode text dump")
	f.StringArrayVar(&o.Smartctl, "smartctl", nil, "read a smartctl --json output (repeatable, one per disk)")
	f.StringVar(&o.Capture, "capture", "", "also write everything read to this .tar.gz, replayable with --root")
	f.BoolVar(&o.NoTools, "no-tools", false, "do not run dmidecode and smartctl")
	f.BoolVar(&o.save, "save", false, "record the report in the ledger, on the unit with the machine's serial")
	f.StringVar(&o.unit, "unit", "", "with --save: the unit to record on (id, serial or asset tag)")
	localHelp(g, cmd, "probe.help")
	return cmd
}

// runProbe gathers the report, records it with --save (the verdict is
// check's: probe records the report alone, graded), then shows it.
func runProbe(ctx context.Context, g *globals, o probeOptions) error {
	if o.unit != "" && !o.save {
		return g.lang().Errorf("probe.err.unit_without_save")
	}
	o.ToolVersion = version
	r, err := probe.Gather(ctx, o.Options)
	if err != nil {
		return g.lang().Errorf("probe.err.gather", g.localErr(err))
	}
	if o.save {
		if err := saveTriage(ctx, g, r, nil, o.unit); err != nil {
			return err
		}
	}
	if g.json {
		return g.printJSON(r)
	}
	return renderProbeReport(g, g.stdout, r)
}

// renderProbeReport writes the compact human view: one line per fact, a disk
// table, then the warnings.
func renderProbeReport(g *globals, w io.Writer, r *probe.Report) error {
	if termui.IsTerminal(w) {
		return writeProbeReport(g, w, r)
	}
	// Piped: the same layout, with plain spaces for grep and scripts
	// (see renderVerdict).
	var buf bytes.Buffer
	if err := writeProbeReport(g, &buf, r); err != nil {
		return err
	}
	_, err := unbreakable.WriteString(w, buf.String())
	return err
}

func writeProbeReport(g *globals, w io.Writer, r *probe.Report) error {
	T := g.T
	title := strings.TrimSpace(probeOrDash(r.System.Vendor) + " " + probeOrDash(r.System.Product))
	if r.System.Vendor == probe.Unknown && r.System.Product == probe.Unknown {
		title = T("probe.title.unidentified")
	}
	fmt.Fprintln(w, termui.Heading(w, fmt.Sprintf("%s (%s)", title, T("probe.chassis."+r.System.Chassis))))
	pairs := [][2]string{
		{T("probe.label.serial"), probeOrDash(r.System.Serial)},
		{T("probe.label.firmware"), probeFirmwareLine(g, r.Firmware)},
		{T("probe.label.cpu"), probeCPULine(g, r.CPU)},
		{T("probe.label.memory"), probeMemoryLine(g, r.Memory)},
	}
	if r.Display.Width > 0 {
		pairs = append(pairs, [2]string{T("probe.label.display"), fmt.Sprintf("%s %dx%d", r.Display.Connector, r.Display.Width, r.Display.Height)})
	}
	for _, gpu := range r.GPUs {
		line := "[" + gpu.PCIID + "] " + gpu.Vendor + " " + gpu.Product
		if gpu.Generation != "" && gpu.Generation != probe.Unknown {
			line += " — " + gpu.Generation
		}
		pairs = append(pairs, [2]string{T("probe.label.gpu"), line})
	}
	for _, n := range r.Network {
		line := T("probe.net."+n.Kind) + " [" + probeText(g, n.ID) + "] " + probeText(g, n.Vendor) + " " + probeText(g, n.Product)
		if n.Broadcom {
			line += " " + termui.Status(w, T("probe.net.broadcom"), "warn")
		}
		pairs = append(pairs, [2]string{T("probe.label.network"), line})
	}
	for _, b := range r.Batteries {
		pairs = append(pairs, [2]string{T("probe.label.battery"), probeBatteryLine(g, w, b)})
	}
	virt := r.Virtualization
	switch virt {
	case probe.Unknown, "none":
		virt = T("probe.virt." + virt)
	}
	pairs = append(pairs, [2]string{T("probe.label.virt"), virt})
	for i := range pairs {
		pairs[i][0] = colonLabel(g, pairs[i][0])
	}
	if err := termui.KeyValues(w, probeWrapPairs(pairs, termui.Width(w))); err != nil {
		return err
	}
	if len(r.Disks) > 0 {
		fmt.Fprintln(w)
		rows := make([][]string, 0, len(r.Disks))
		for _, d := range r.Disks {
			rows = append(rows, []string{d.Name, probeShorten(probeText(g, d.Model), 28), probeDiskSize(g, d.SizeBytes), probeText(g, i18n.Word{Family: "medium", Value: d.Medium}.In(g.lang())), probeHealthCell(g, w, d.Health)})
		}
		if err := termui.Table(w, []string{T("probe.col.disk"), T("probe.col.model"), T("probe.col.size"), T("probe.col.medium"), T("probe.col.health")}, rows); err != nil {
			return err
		}
		// why a disk is worn or failing, in plain words
		for _, d := range r.Disks {
			if d.Health == nil || d.Health.Verdict == "good" || len(d.Health.Reasons) == 0 {
				continue
			}
			text := d.Name + T("probe.sep.colon") + strings.Join(probe.NoteTexts(g.lang(), d.Health.Reasons), T("probe.sep.list"))
			fmt.Fprintln(w, strings.Join(probeWrap(text, termui.Width(w)-2), "\n  "))
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, termui.Heading(w, T("probe.label.warnings")))
		for _, warn := range r.Warnings {
			fmt.Fprintln(w, "  - "+strings.Join(probeWrap(warn.In(g.lang()), termui.Width(w)-4), "\n    "))
		}
	}
	return nil
}

func probeFirmwareLine(g *globals, f probe.Firmware) string {
	mode := strings.ToUpper(f.BootMode)
	if f.BootMode == probe.Unknown {
		mode = g.T("probe.unknown")
	}
	if f.UEFIBits > 0 {
		mode += " " + g.T("probe.uefi.bits", f.UEFIBits)
	}
	parts := []string{mode}
	if f.BootMode == "uefi" {
		parts = append(parts, g.T("probe.secureboot."+f.SecureBoot))
	}
	if f.BIOSVersion != probe.Unknown {
		parts = append(parts, "BIOS "+strings.TrimSpace(f.BIOSVersion)+" ("+biosDate(g.lang(), f.BIOSDate)+")")
	}
	return strings.Join(parts, ", ")
}

// biosDate is SMBIOS's release date (MM/DD/YYYY, a calendar date without a
// time zone) written the reader's way: "03/21/2011" reads as the 3rd of a
// 21st month in French. A date SMBIOS wrote otherwise is shown as it is.
func biosDate(l i18n.Lang, s string) string {
	t, err := time.Parse("01/02/2006", strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return l.DateIn(t, time.UTC)
}

func probeCPULine(g *globals, c probe.CPU) string {
	if c.Model == probe.Unknown {
		return g.T("probe.unknown")
	}
	line := c.Model
	var facts []string
	if c.Cores > 0 {
		facts = append(facts, g.T("probe.cpu.cores", c.Cores, c.Threads))
	}
	if c.MaxMHz > 0 {
		facts = append(facts, fmt.Sprintf("%d\u00a0MHz", c.MaxMHz)) // no break inside
	}
	if c.Is64Bit {
		facts = append(facts, g.T("probe.cpu.64"))
	} else {
		facts = append(facts, g.T("probe.cpu.no64"))
	}
	return line + " — " + strings.Join(facts, ", ")
}

func probeMemoryLine(g *globals, m probe.Memory) string {
	if m.TotalBytes == 0 {
		return g.T("probe.unknown")
	}
	line := probeMemSize(g, m.TotalBytes)
	if m.SlotsTotal > 0 {
		line += " — " + g.T("probe.mem.slots", m.SlotsUsed, m.SlotsTotal)
		if m.MaxBytes > 0 {
			line += ", max " + probeMemSize(g, m.MaxBytes)
		}
	}
	if len(m.Modules) > 0 {
		mod := m.Modules[0]
		line += fmt.Sprintf(" — %s\u00a0%s", mod.Type, mod.FormFactor)
		if mod.SpeedMTs > 0 {
			line += fmt.Sprintf(" %d\u00a0MT/s", mod.SpeedMTs)
		}
	}
	return line
}

func probeBatteryLine(g *globals, w io.Writer, b probe.Battery) string {
	if b.HealthPercent == 0 {
		line := b.Name + g.T("probe.sep.colon") + g.T("probe.battery.unknown")
		if b.DesignWh > 0 {
			line += " (" + g.T("probe.battery.design") + " " + probeDecimal(g, fmt.Sprintf("%.1f", b.DesignWh)) + "\u00a0Wh)"
		}
		return line
	}
	meaning := "good"
	if b.HealthPercent < 60 {
		meaning = "warn"
	}
	pct := g.T("probe.battery.percent", fmt.Sprintf("%.0f", b.HealthPercent))
	line := b.Name + g.T("probe.sep.colon") + termui.Status(w, pct, meaning) +
		" (" + probeDecimal(g, fmt.Sprintf("%.1f", b.FullWh)) + " / " + probeDecimal(g, fmt.Sprintf("%.1f", b.DesignWh)) + "\u00a0Wh"
	if b.Cycles > 0 {
		line += ", " + g.T("probe.battery.cycles", b.Cycles)
	}
	return line + ")"
}

func probeHealthCell(g *globals, w io.Writer, h *probe.Health) string {
	if h == nil {
		return g.T("probe.health.unknown")
	}
	meaning := map[string]string{"good": "good", "worn": "warn", "failing": "bad"}[h.Verdict]
	cell := termui.Status(w, g.T("probe.health."+h.Verdict), meaning)
	if h.PowerOnHours > 0 {
		cell += fmt.Sprintf(" %d h", h.PowerOnHours)
	}
	return cell
}

func probeOrDash(s string) string {
	if s == "" || s == probe.Unknown {
		return "?"
	}
	return s
}

func probeShorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// probeDiskSize shows a disk size the way disks are sold (decimal units),
// in the user's units (GB, or Go in French).
func probeDiskSize(g *globals, n int64) string {
	switch {
	case n <= 0:
		return "?"
	case n >= 1e12:
		return probeDecimal(g, fmt.Sprintf("%.1f", float64(n)/1e12)) + "\u00a0" + g.T("probe.unit.tb")
	default:
		return fmt.Sprintf("%.0f\u00a0%s", float64(n)/1e9, g.T("probe.unit.gb"))
	}
}

// probeMemSize shows a memory size the way RAM is sold (binary gigabytes).
func probeMemSize(g *globals, n int64) string {
	gib := float64(n) / (1 << 30)
	if gib >= 10 || gib == float64(int64(gib)) {
		return fmt.Sprintf("%.0f\u00a0%s", gib, g.T("probe.unit.gb"))
	}
	return probeDecimal(g, fmt.Sprintf("%.1f", gib)) + "\u00a0" + g.T("probe.unit.gb")
}

// probeDecimal writes a decimal number with the language's separator
// ("7,5" in French).
func probeDecimal(g *globals, s string) string {
	if g.lang() == i18n.FR {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// probeText is a fact as read, or "unknown" in the user's language.
func probeText(g *globals, s string) string {
	if strings.TrimSpace(s) == "" || s == probe.Unknown {
		return g.T("probe.unknown")
	}
	return s
}

// probeWrapPairs wraps long values so that "key: value" lines fit the
// width; continuation lines are indented under the value.
func probeWrapPairs(pairs [][2]string, width int) [][2]string {
	keyWidth := 0
	for _, p := range pairs {
		if n := len([]rune(p[0])); n > keyWidth {
			keyWidth = n
		}
	}
	indent := "\n" + strings.Repeat(" ", keyWidth+2)
	out := make([][2]string, len(pairs))
	for i, p := range pairs {
		out[i] = [2]string{p[0], strings.Join(probeWrap(p[1], width-keyWidth-2), indent)}
	}
	return out
}

// probeWrap breaks text at spaces into lines of at most width runes (a
// longer word stays whole). Non-breaking spaces hold "2800 MHz" together.
// The text is escaped first: it quotes what a machine or a capture reports.
func probeWrap(text string, width int) []string {
	text = termui.EscapeText(text)
	if width < 20 {
		return []string{text}
	}
	var lines []string
	line := ""
	for _, word := range strings.Split(text, " ") {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}
