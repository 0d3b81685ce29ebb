package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/probe"
)

// exitNothingFits is check's exit code when no target fits the machine, so
// that a script can tell "judged: not worth it" (3) from "could not judge" (1).
const exitNothingFits = 3

// newCheckCmd judges a machine against the requirement profiles and the
// house policy.
func newCheckCmd(g *globals) *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check",
		Short: i18n.EN.T("check.help.short"),
		Long:  i18n.EN.T("check.help.long"),
		Example: `  sudo atelier check
  sudo atelier check --all
  atelier check --report pc-0042.json --target zorin-18-core
  atelier check --report pc-0042.json --json
  sudo atelier check --save
  atelier check --report report.json --save --unit PCS-26-0042
  atelier check --dmidecode dmidecode.txt --smartctl sda.json --profiles ./our-profiles`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(cmd.Context(), g, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.reportFile, "report", "", "judge a saved probe report (JSON) instead of probing")
	f.StringArrayVar(&o.targets, "target", nil, "judge only this target (repeatable), e.g. zorin-18-core")
	f.StringVar(&o.profiles, "profiles", "", "folder (or file) of the association's profiles, policy and grades (env ATELIER_PROFILES)")
	f.StringVar(&o.Root, "root", "", "read a captured tree (directory or .tar.gz) instead of this machine")
	f.StringVar(&o.DMIDecode, "dmidecode", "", "read a dmidecode text dump")
	f.StringArrayVar(&o.Smartctl, "smartctl", nil, "read a smartctl --json output (repeatable, one per disk)")
	f.StringVar(&o.Capture, "capture", "", "also write everything read to this .tar.gz, replayable with --root")
	f.BoolVar(&o.NoTools, "no-tools", false, "do not run dmidecode and smartctl")
	f.BoolVar(&o.all, "all", false, "also list every target in a table, each with its own reasons")
	f.BoolVar(&o.save, "save", false, "record the report and verdict in the ledger, on the unit with the machine's serial")
	f.StringVar(&o.unit, "unit", "", "with --save: the unit to record on (id, serial or asset tag)")
	localHelp(g, cmd, "check.help")
	return cmd
}

// checkOptions are the options of atelier check.
type checkOptions struct {
	probe.Options
	reportFile, profiles string
	targets              []string
	all                  bool
	save                 bool
	unit                 string // with save: the unit to record on
}

// runCheck judges the machine (or a saved report), shows the verdict and,
// with --save, records it.
func runCheck(ctx context.Context, g *globals, o checkOptions) error {
	l := g.lang()
	if o.unit != "" && !o.save {
		return l.Errorf("check.err.unit_without_save")
	}
	if o.reportFile != "" && (o.Root != "" || o.DMIDecode != "" || len(o.Smartctl) > 0 || o.Capture != "") {
		return l.Errorf("check.err.report_and_sources")
	}
	if o.profiles == "" {
		o.profiles = os.Getenv("ATELIER_PROFILES")
	}
	set, err := probe.LoadProfiles(o.profiles)
	if err == nil {
		set, err = set.Only(o.targets)
	}
	if err != nil {
		return profileErr(g, err)
	}
	var r *probe.Report
	if o.reportFile != "" {
		r, err = readReport(g, o.reportFile)
	} else {
		o.ToolVersion = version
		r, err = probe.Gather(ctx, o.Options)
		if err != nil {
			err = l.Errorf("check.err.gather", g.localErr(err))
		}
	}
	if err != nil {
		return err
	}
	v := probe.Check(r, set)
	if g.json {
		err = g.printJSON(verdictJSON(g, v))
	} else {
		err = renderVerdict(g, g.stdout, r, v, o.all)
	}
	if err != nil {
		return err
	}
	// Saved after the verdict is shown: a volunteer whose save is
	// refused (unknown serial) still reads the verdict.
	if o.save {
		if !g.json {
			fmt.Fprintln(g.stdout)
		}
		if err := saveTriage(ctx, g, r, &v, o.unit); err != nil {
			// A machine without a serial that nothing finds, outside
			// a terminal: the verdict stands and the warning says how
			// to record it. Not a failure: the check itself was made.
			var ie *i18n.Error
			if !errors.As(err, &ie) || !strings.HasPrefix(ie.Key, "check.save.noserial.") {
				return err
			}
			fmt.Fprintln(g.stderr, g.T("check.save.notrecorded", ie.Text))
		}
	}
	if !v.AnyFits() {
		return fail(exitNothingFits, g.T("check.nothing_fits"))
	}
	return nil
}

// profileErr says a profile problem in the user's language.
func profileErr(g *globals, err error) error {
	var pe *probe.ProfileError
	if errors.As(err, &pe) {
		return fail(1, pe.Text(g.lang()))
	}
	return err
}

// readReport reads a probe report written by atelier probe --json. Unknown
// fields are accepted (a newer atelier may add some); another schema is not.
func readReport(g *globals, path string) (*probe.Report, error) {
	data, err := fsread.ReadFile(path, maxReportBytes)
	if err != nil {
		return nil, g.lang().Errorf("check.err.report_read", path, checkErrText(g, err))
	}
	var r probe.Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, g.lang().Errorf("check.err.report_json", path, err.Error())
	}
	// A report without a schema is some other JSON (a GLPI inventory, "{}"):
	// judging it would recommend an edition for a machine nobody probed.
	if r.Schema == "" {
		return nil, g.lang().Errorf("check.err.report_noschema", path, probe.Schema)
	}
	if !probe.KnownSchema(r.Schema) {
		return nil, g.lang().Errorf("check.err.report_schema", path, r.Schema, probe.Schema)
	}
	return &r, nil
}

// maxReportBytes bounds check --report: a probe report of a machine with
// a dozen disks is under 20 KiB.
const maxReportBytes = 4 << 20

func checkErrText(g *globals, err error) string {
	if fsread.IsRefusal(err) {
		return fsread.Text(err, g.lang())
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// renderVerdict writes the human view: what matters first (the
// recommended target, the grade, why and what to do), then, with all, one
// table row per target. Lines of free text are wrapped to the terminal's
// width.
func renderVerdict(g *globals, w io.Writer, r *probe.Report, v probe.Verdict, all bool) error {
	if termui.IsTerminal(w) {
		return writeVerdict(g, w, r, v, all)
	}
	// Piped: laid out the same (80 columns), then the non-breaking
	// characters that held "2 GB" and "64-bit" together turn back into
	// plain ones, so that grep and scripts find the words they expect.
	var buf bytes.Buffer
	if err := writeVerdict(g, &buf, r, v, all); err != nil {
		return err
	}
	_, err := unbreakable.WriteString(w, buf.String())
	return err
}

// unbreakable undoes keepTogether.
var unbreakable = strings.NewReplacer("\u00a0", " ", "\u2011", "-")

func writeVerdict(g *globals, w io.Writer, r *probe.Report, v probe.Verdict, all bool) error {
	T := g.T
	width := termui.Width(w)
	fmt.Fprintln(w, termui.Heading(w, machineTitle(g, r)))
	fmt.Fprintln(w)
	lead, hasLead := v.Lead()
	grade := v.Grade
	if m := v.GradeMeaning.In(g.lang()); m != "" {
		grade += " — " + m
	}
	if err := keyValuesWrapped(g, w, [][2]string{{T("check.label.recommended"), recommendation(g, v)}, {T("check.label.grade"), grade}}); err != nil {
		return err
	}
	checkBullets(w, g.texts(v.GradeReasons), width)
	if hasLead && len(lead.Reasons) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, termui.Heading(w, T(leadHeading(v, lead), lead.Name)))
		checkBullets(w, g.texts(lead.Reasons), width)
	}
	if len(v.Advice) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, termui.Heading(w, T("check.label.advice")))
		checkBullets(w, g.texts(v.Advice), width)
	}
	if all {
		fmt.Fprintln(w)
		return writeTargetTable(g, w, v)
	}
	if others := otherTargets(g, v, lead); others != "" {
		fmt.Fprintln(w)
		for _, line := range probeWrap(others, width) {
			fmt.Fprintln(w, line)
		}
	}
	return nil
}

// recommendation names the recommended target and how well it fits, or
// says why there is none.
func recommendation(g *globals, v probe.Verdict) string {
	if t, ok := v.RecommendedVerdict(); ok {
		return g.T("check.recommended."+t.Fits, t.Name, t.Target)
	}
	if len(v.CannotTell) > 0 && v.AnyFits() {
		return g.T("check.cannot_recommend." + strings.Join(v.CannotTell, "+"))
	}
	return g.T("check.none_fits")
}

// leadHeading is the heading of the lead target's reasons: reservations
// about the recommended target, or why the preferred one does not fit.
func leadHeading(v probe.Verdict, lead probe.TargetVerdict) string {
	switch {
	case lead.Target == v.Recommended:
		return "check.label.reservations"
	case lead.Fits == probe.FitsNo:
		return "check.label.why_not"
	}
	return "check.label.why_unsure"
}

// otherTargets sums up, in one line, the targets the default view does not
// detail, and how to see them.
func otherTargets(g *globals, v probe.Verdict, lead probe.TargetVerdict) string {
	counts := map[string]int{}
	for _, t := range v.Targets {
		if t.Target != lead.Target {
			counts[t.Fits]++
		}
	}
	if len(counts) == 0 {
		return ""
	}
	var parts []string
	for _, fits := range []string{probe.FitsYes, probe.FitsWarn, probe.FitsNo} {
		switch c := counts[fits]; c {
		case 0:
		case 1:
			parts = append(parts, g.T("check.others."+fits+".one"))
		default:
			parts = append(parts, g.T("check.others."+fits, c))
		}
	}
	return g.T("check.others", strings.Join(parts, ", "))
}

// writeTargetTable is --all: one row per target. Reasons every target
// gives are said once, above the table, so that a row lists only its own.
func writeTargetTable(g *globals, w io.Writer, v probe.Verdict) error {
	T := g.T
	common := g.texts(commonReasons(v.Targets))
	if len(common) > 0 {
		fmt.Fprintln(w, termui.Heading(w, T("check.label.every_target")))
		checkBullets(w, common, termui.Width(w))
	}
	rows := make([][]string, 0, len(v.Targets))
	for _, t := range v.Targets {
		var own []string
		for _, why := range g.texts(t.Reasons) {
			if !slices.Contains(common, why) {
				own = append(own, "- "+keepTogether(why))
			}
		}
		rows = append(rows, []string{t.Target, fitsCell(g, w, t.Fits), strings.Join(own, "\n")})
	}
	return termui.Table(w, []string{T("check.col.target"), T("check.col.fits"), T("check.col.reasons")}, rows)
}

// checkBullets writes "  - text" lines, wrapped to width with the
// continuation lines indented under the text.
func checkBullets(w io.Writer, items []string, width int) {
	for _, it := range items {
		fmt.Fprintln(w, "  - "+strings.Join(probeWrap(keepTogether(it), width-4), "\n    "))
	}
}

// keyValuesWrapped is termui.KeyValues with long values wrapped and, in
// French, the space French typography puts before the colon.
func keyValuesWrapped(g *globals, w io.Writer, pairs [][2]string) error {
	out := make([][2]string, len(pairs))
	for i, p := range pairs {
		out[i] = [2]string{colonLabel(g, p[0]), keepTogether(p[1])}
	}
	return termui.KeyValues(w, probeWrapPairs(out, termui.Width(w)))
}

// colonLabel is a label termui.KeyValues follows with ":"; French puts a
// narrow no-break space before it.
func colonLabel(g *globals, label string) string {
	if g.lang() == i18n.FR {
		return label + "\u202f"
	}
	return label
}

// keyValues is termui.KeyValues with the labels' colons in the user's
// typography ("État\u202f:" in French).
func (g *globals) keyValues(w io.Writer, pairs [][2]string) error {
	out := make([][2]string, len(pairs))
	for i, p := range pairs {
		out[i] = [2]string{colonLabel(g, p[0]), p[1]}
	}
	return termui.KeyValues(w, out)
}

// unitAfterNumber and hyphenInWord find the places where a table cell or a
// wrapped line must not break: "15 GB", "2 Go", "64-bit", "SO-DIMM".
var (
	unitAfterNumber = regexp.MustCompile(`(\d) (GB|Go|TB|To|MB|Mo|MHz|Wh|h|%|bits?|cœurs?|cores?)\b`)
	hyphenInWord    = regexp.MustCompile(`\b(\d+|SO|Wi)-(bits?|DIMM|Fi)\b`)
)

// keepTogether binds a number to its unit with a non-breaking space and
// joins "64-bit", "SO-DIMM", "Wi-Fi" with a non-breaking hyphen, so that
// neither a table cell nor a wrapped line splits them. Names a user may
// copy into a command (zorin-18-core) keep their plain hyphens.
func keepTogether(s string) string {
	s = unitAfterNumber.ReplaceAllString(s, "${1}\u00a0${2}")
	return hyphenInWord.ReplaceAllString(s, "${1}\u2011${2}")
}

// machineTitle names the machine the way probe does: vendor and model, or
// "Unidentified machine" when neither is known; the serial when there is one.
func machineTitle(g *globals, r *probe.Report) string {
	name := strings.TrimSpace(checkOrDash(r.System.Vendor) + " " + checkOrDash(r.System.Product))
	if !usableText(r.System.Vendor) && !usableText(r.System.Product) {
		name = g.T("probe.title.unidentified")
	}
	if !usableText(r.System.Serial) {
		return name
	}
	return g.T("check.title", name, r.System.Serial)
}

func fitsCell(g *globals, w io.Writer, fits string) string {
	meaning := map[string]string{probe.FitsYes: "good", probe.FitsWarn: "warn", probe.FitsNo: "bad"}[fits]
	return termui.Status(w, g.T("check.fits."+fits), meaning)
}

// commonReasons are the reasons every target gives (house policy, battery,
// unknown facts): said once rather than on every row. With one target there
// is nothing to factor.
func commonReasons(ts []probe.TargetVerdict) []i18n.Msg {
	if len(ts) < 2 {
		return nil
	}
	var out []i18n.Msg
	for _, why := range ts[0].Reasons {
		if !slices.ContainsFunc(ts[1:], func(t probe.TargetVerdict) bool {
			return !slices.ContainsFunc(t.Reasons, func(m i18n.Msg) bool { return reflect.DeepEqual(m, why) })
		}) {
			out = append(out, why)
		}
	}
	return out
}

// texts says keyed messages in the user's language, their text arguments
// escaped as g.T does.
func (g *globals) texts(ms []i18n.Msg) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, g.T(m.Key, m.Args...))
	}
	return out
}

// checkVerdictJSON is check --json: the verdict with every message said in
// the user's language (and the language named), as scripts read it.
type checkVerdictJSON struct {
	Grade        string            `json:"grade"`
	GradeMeaning string            `json:"grade_meaning,omitempty"`
	GradeReasons []string          `json:"grade_reasons,omitempty"`
	Recommended  string            `json:"recommended"`
	CannotTell   []string          `json:"cannot_tell,omitempty"`
	Targets      []checkTargetJSON `json:"targets"`
	Advice       []string          `json:"advice"`
	Lang         string            `json:"lang"`
	Profiles     string            `json:"profiles"`
}

type checkTargetJSON struct {
	Target  string   `json:"target"`
	Name    string   `json:"name"`
	Fits    string   `json:"fits"`
	Reasons []string `json:"reasons"`
	Advice  []string `json:"advice"`
}

func verdictJSON(g *globals, v probe.Verdict) checkVerdictJSON {
	l := g.lang()
	out := checkVerdictJSON{Grade: v.Grade, GradeMeaning: v.GradeMeaning.In(l), Recommended: v.Recommended,
		CannotTell: v.CannotTell, Targets: []checkTargetJSON{}, Advice: i18n.Texts(l, v.Advice), Lang: string(l), Profiles: v.Profiles}
	if len(v.GradeReasons) > 0 {
		out.GradeReasons = i18n.Texts(l, v.GradeReasons)
	}
	for _, t := range v.Targets {
		out.Targets = append(out.Targets, checkTargetJSON{Target: t.Target, Name: t.Name, Fits: t.Fits,
			Reasons: i18n.Texts(l, t.Reasons), Advice: i18n.Texts(l, t.Advice)})
	}
	return out
}

func checkOrDash(s string) string {
	if strings.TrimSpace(s) == "" || s == probe.Unknown {
		return "?"
	}
	return s
}
