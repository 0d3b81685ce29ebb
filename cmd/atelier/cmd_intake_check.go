package main

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/probe"
)

// intakeCheckDefault is the target a DSI asks about when it names none: the
// edition the association installs.
const intakeCheckDefault = "zorin-18-core"

// intakeCheckRow is one PC judged for one target, as --json gives it.
type intakeCheckRow struct {
	Line       int      `json:"line"`
	Serial     string   `json:"serial"`
	AssetTag   string   `json:"asset_tag"`
	Vendor     string   `json:"vendor"`
	Model      string   `json:"model"`
	CPU        string   `json:"cpu"`
	CPUMHz     int      `json:"cpu_mhz"`
	RAMBytes   int64    `json:"ram_bytes"`
	DiskBytes  int64    `json:"disk_bytes"`
	Target     string   `json:"target"`
	Fits       string   `json:"fits"` // yes, warn, no, cannot_tell
	CannotTell []string `json:"cannot_tell"`
	Reasons    []string `json:"reasons"`
	Advice     []string `json:"advice"`
}

// newIntakeCheckCmd judges a DSI export, row by row, against Zorin OS
// editions, before the machines leave the DSI.
func newIntakeCheckCmd(g *globals) *cobra.Command {
	var targets []string
	var profiles string
	cmd := &cobra.Command{
		Use:   "check FILE",
		Short: i18n.EN.T("precheck.help.short"),
		Long:  i18n.EN.T("precheck.help.long"),
		Example: "  atelier intake check parc-rebut.csv\n" +
			"  atelier intake check export.csv --target zorin-18-core --target zorin-18-lite\n" +
			"  atelier intake check parc-rebut.csv --json",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := g.lang()
			if len(targets) == 0 {
				targets = []string{intakeCheckDefault}
			}
			if profiles == "" {
				profiles = os.Getenv("ATELIER_PROFILES")
			}
			set, err := probe.LoadProfiles(profiles)
			if err == nil {
				set, err = set.Only(targets)
			}
			if err != nil {
				return profileErr(g, err)
			}
			r, name, closeFile, err := g.intakeOpen(args[0])
			if err != nil {
				return err
			}
			defer closeFile()
			list, err := inventory.ParseHardwareExport(r, name)
			if err != nil {
				return g.intakeFailure(err)
			}
			reports := make([]*probe.Report, len(list.Rows))
			for i, h := range list.Rows {
				reports[i] = probe.ReportFromInventory(h.Vendor, h.Model, h.CPU, h.CPUMHz, h.RAMBytes, h.DiskBytes)
			}
			// Human view: what the whole export lacks is said once, under
			// the tables, rather than as every line's reason.
			gaps := probe.PrecheckGaps(reports)
			if g.json {
				gaps = nil
			}
			out := make([]intakeCheckRow, 0, len(list.Rows)*len(set.Profiles))
			for i, h := range list.Rows {
				for _, p := range probe.PrecheckReport(reports[i], set) {
					p = probe.PrecheckWithoutGaps(p, gaps)
					out = append(out, intakeCheckRow{Line: h.Line, Serial: h.Serial, AssetTag: h.AssetTag,
						Vendor: h.Vendor, Model: h.Model, CPU: h.CPU, CPUMHz: h.CPUMHz, RAMBytes: h.RAMBytes,
						DiskBytes: h.DiskBytes, Target: p.Target, Fits: p.Fits, CannotTell: p.CannotTell,
						Reasons: i18n.Texts(l, p.Reasons), Advice: i18n.Texts(l, p.Advice)})
				}
			}
			if g.json {
				return g.printJSON(out)
			}
			return renderIntakeCheck(g, name, set, out, exportHint(g.lang(), list, gaps))
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&targets, "target", nil, "judge against this target (repeatable); default zorin-18-core")
	f.StringVar(&profiles, "profiles", "", "folder (or file) of the association's profiles and policy (env ATELIER_PROFILES)")
	localHelp(g, cmd, "precheck.help")
	return cmd
}

// renderIntakeCheck prints, per target, a heading, one table row per PC,
// then each PC's main reason by line (a reason in the table would wrap it
// past reading on an 80-column terminal), and the counts.
func renderIntakeCheck(g *globals, file string, set probe.ProfileSet, rows []intakeCheckRow, hint []string) error {
	w := g.stdout
	for i, p := range set.Profiles {
		if i > 0 {
			fmt.Fprintln(w)
		}
		var table [][]string
		var reasons []string
		counts := map[string]int{}
		for _, r := range rows {
			if r.Target != p.Target {
				continue
			}
			counts[r.Fits]++
			table = append(table, []string{strconv.Itoa(r.Line), r.Serial, intakeCheckModel(r), shortCPU(r.CPU),
				intakeCheckRAM(g.lang(), r.RAMBytes), g.T("precheck.fits." + r.Fits)})
			if len(r.Reasons) > 0 {
				reasons = append(reasons, g.T("precheck.reason", r.Line, r.Serial, r.Reasons[0]))
			}
		}
		fmt.Fprintln(w, g.T("precheck.heading", p.Name, len(table), file))
		err := termui.TableKeeping(w, []string{g.T("precheck.col.line"), g.T("precheck.col.serial"), g.T("precheck.col.model"),
			g.T("precheck.col.cpu"), g.T("precheck.col.ram"), g.T("precheck.col.verdict")}, table, 1)
		if err != nil {
			return err
		}
		for _, s := range reasons {
			fmt.Fprintln(w, s)
		}
		fmt.Fprintln(w, g.T("precheck.counts", counts[probe.FitsYes], counts[probe.FitsWarn], counts[probe.FitsNo], counts[probe.FitsCannotTell]))
	}
	width := termui.Width(w)
	for _, h := range hint {
		fmt.Fprintln(w)
		fmt.Fprintln(w, unbreakable.Replace(strings.Join(probeWrap(h, width), "\n")))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, g.T("precheck.note"))
	return nil
}

// exportHint tells whoever made the export, once, which facts no line of
// it holds and how to get them: for GLPI, the columns to add to the
// computer list's view (named as the DSI's GLPI names them) or the column
// that is there but empty; for another export, what to add.
func exportHint(l i18n.Lang, list inventory.HardwareList, gaps []string) []string {
	var absent, empty []string // facts
	for _, gap := range gaps {
		if list.Has[gapFact[gap]] {
			empty = append(empty, gap)
		} else {
			absent = append(absent, gap)
		}
	}
	glpi := list.Kind == inventory.ExportGLPIFrench || list.Kind == inventory.ExportGLPIEnglish
	var out []string
	if len(absent) > 0 {
		switch {
		case glpi:
			// GLPI's own words are in the export's language: the DSI's
			// GLPI speaks it, whatever this terminal's locale.
			view := inventory.GLPIViewOf(list.Kind)
			out = append(out, l.T(oneOrMany("precheck.hint.glpi_absent", absent), glpiColumnList(l, list.Kind, absent),
				factList(l, absent), strings.ReplaceAll(view.Menu, " ", "\u00a0"), quoted(l, view.Button), view.Group))
		default:
			out = append(out, l.T("precheck.hint.other_absent", factList(l, absent), headerExamples(absent)))
		}
	}
	if len(empty) > 0 {
		cols := glpiColumnList(l, list.Kind, empty)
		if !glpi {
			cols = factList(l, empty)
		}
		out = append(out, l.T(oneOrMany("precheck.hint.empty", empty), cols))
	}
	return out
}

// gapFact maps a probe gap to the inventory fact whose column fills it.
var gapFact = map[string]string{probe.GapCPU: inventory.HardwareCPU, probe.GapRAM: inventory.HardwareRAM, probe.GapDisk: inventory.HardwareDisk}

func oneOrMany(key string, items []string) string {
	if len(items) == 1 {
		return key + ".one"
	}
	return key + ".many"
}

// glpiColumnList names GLPI's columns for the facts, quoted as the
// reader's language quotes: « Mémoire » et « Taille du disque dur ».
func glpiColumnList(l i18n.Lang, kind inventory.ExportKind, facts []string) string {
	names := make([]string, len(facts))
	for i, f := range facts {
		// A column's name stays whole on a wrapped line.
		names[i] = quoted(l, strings.ReplaceAll(inventory.GLPIColumn(kind, gapFact[f]), " ", "\u00a0"))
	}
	return andList(l, names)
}

// quoted puts s between the reader's language's quotation marks.
func quoted(l i18n.Lang, s string) string { return l.T("precheck.hint.quote", s) }

func factList(l i18n.Lang, facts []string) string {
	names := make([]string, len(facts))
	for i, f := range facts {
		names[i] = l.T("precheck.fact." + f)
	}
	return andList(l, names)
}

// headerExamples are header names atelier reads for the facts, GLPI's in
// both languages then OCS's or a spreadsheet's.
func headerExamples(facts []string) string {
	var names []string
	for _, f := range facts {
		for _, kind := range []inventory.ExportKind{inventory.ExportGLPIFrench, inventory.ExportGLPIEnglish} {
			names = append(names, inventory.GLPIColumn(kind, gapFact[f]))
		}
		names = append(names, map[string]string{probe.GapCPU: "CPU type", probe.GapRAM: "RAM (MB)", probe.GapDisk: "Disk (GB)"}[f])
	}
	return strings.Join(names, ", ")
}

// andList joins "a", "b" and "c" the way the language does.
func andList(l i18n.Lang, items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + l.T("precheck.hint.and") + items[len(items)-1]
}

// intakeCheckModel is the model, or the maker when the export has no model.
func intakeCheckModel(r intakeCheckRow) string {
	if r.Model != "" {
		return r.Model
	}
	return r.Vendor
}

// intakeCheckRAM writes RAM the way a label does: "4 GB", "512 MB", "?"
// when the export does not say.
func intakeCheckRAM(l i18n.Lang, b int64) string {
	if b <= 0 {
		return "?"
	}
	unit := map[i18n.Lang][2]string{i18n.FR: {"Go", "Mo"}}[l]
	if unit[0] == "" {
		unit = [2]string{"GB", "MB"}
	}
	if b < 1<<30 {
		return fmt.Sprintf("%d %s", b>>20, unit[1])
	}
	gb := float64(b) / (1 << 30)
	s := strconv.FormatFloat(gb, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if l == i18n.FR {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s + " " + unit[0]
}

// shortCPUNoise are the parts of a processor's brand string that do not
// tell one model from another, dropped to keep the table within 80
// columns: "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz" -> "Core i5-2520M".
var shortCPUNoise = regexp.MustCompile(`(?i)\((?:r|tm)\)|[®™]|\bintel\b|\bamd\b|\bcpu\b|\bprocessor\b|@.*$|\bwith radeon.*$|\d+(?:[.,]\d+)? ?ghz`)

func shortCPU(s string) string {
	if s == "" {
		return "?"
	}
	if short := strings.Join(strings.Fields(shortCPUNoise.ReplaceAllString(s, " ")), " "); short != "" {
		return short
	}
	return s
}
