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
		Args: cobra.ExactArgs(1),
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
			list, err := inventory.ParseHardwareList(r, name)
			if err != nil {
				return g.intakeFailure(err)
			}
			out := make([]intakeCheckRow, 0, len(list)*len(set.Profiles))
			for _, h := range list {
				rep := probe.ReportFromInventory(h.Vendor, h.Model, h.CPU, h.CPUMHz, h.RAMBytes, h.DiskBytes)
				for _, p := range probe.PrecheckReport(rep, set, l) {
					out = append(out, intakeCheckRow{Line: h.Line, Serial: h.Serial, AssetTag: h.AssetTag,
						Vendor: h.Vendor, Model: h.Model, CPU: h.CPU, CPUMHz: h.CPUMHz, RAMBytes: h.RAMBytes,
						DiskBytes: h.DiskBytes, Target: p.Target, Fits: p.Fits, CannotTell: p.CannotTell,
						Reasons: p.Reasons, Advice: p.Advice})
				}
			}
			if g.json {
				return g.printJSON(out)
			}
			return renderIntakeCheck(g, name, set, out)
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
func renderIntakeCheck(g *globals, file string, set probe.ProfileSet, rows []intakeCheckRow) error {
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
	fmt.Fprintln(w, g.T("precheck.note"))
	return nil
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
