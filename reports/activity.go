package reports

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"sort"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// The activity report tells a coordinator how the workshop runs: units in
// and out per month, how long units stay in each state (median, and the
// slowest ones, which are often stuck), and the yield (handed over per
// unit received). Each figure has its chart, drawn with gonum/plot.

// ActivityReport is the activity report's content.
type ActivityReport struct {
	From       time.Time    `json:"from,omitzero"`
	To         time.Time    `json:"to,omitzero"`
	Months     []MonthCount `json:"months"`
	States     []StateTime  `json:"states"`
	Received   int          `json:"received"`
	HandedOver int          `json:"handed_over"`
	Recycled   int          `json:"recycled"`
	Parts      int          `json:"parts"`
	// Yield is HandedOver / Received (0 when nothing was received).
	Yield float64 `json:"yield"`
	// Outcomes: what became of the units received in the period.
	Outcomes []StateCount `json:"outcomes"`
}

// MonthCount is one calendar month's flows.
type MonthCount struct {
	Month      string `json:"month"` // 2026-11
	In         int    `json:"in"`    // received
	HandedOver int    `json:"handed_over"`
	Recycled   int    `json:"recycled"`
	Parts      int    `json:"parts"`
}

// Out is what left the workshop that month.
func (m MonthCount) Out() int { return m.HandedOver + m.Recycled + m.Parts }

// StateTime is how long units stayed in one state.
type StateTime struct {
	State      string     `json:"state"`
	Stays      int        `json:"stays"` // periods spent in the state (a returned unit may pass twice)
	MedianDays float64    `json:"median_days"`
	Slowest    []SlowUnit `json:"slowest"`
}

// SlowUnit is one of the longest stays in a state.
type SlowUnit struct {
	UnitID  string  `json:"unit_id"`
	Days    float64 `json:"days"`
	Ongoing bool    `json:"ongoing"` // still in that state now
}

// activityStates are the states whose durations matter: the final ones
// (handed over, recycled) do not end.
var activityStates = []string{"received", "triaged", "wiped", "imaged", "ready", "reserved", "returned", "parts"}

// BuildActivity computes the report over the units' timelines; a stay
// counts in the period it began in; a stay still going on is measured up
// to now.
func BuildActivity(ts []inventory.Timeline, from, to, now time.Time, o DocOptions) ActivityReport {
	loc := o.location()
	start, end := dayStart(from, loc), dayEnd(to, loc)
	r := ActivityReport{From: from, To: to, Months: []MonthCount{}, States: []StateTime{}, Outcomes: []StateCount{}}
	months := map[string]*MonthCount{}
	month := func(t time.Time) *MonthCount {
		k := t.In(loc).Format("2006-01")
		if months[k] == nil {
			months[k] = &MonthCount{Month: k}
		}
		return months[k]
	}
	stays := map[string][]SlowUnit{}
	outcomes := map[string]int{}
	for _, t := range ts {
		for i, c := range t.Changes {
			if !inPeriod(c.At, start, end) {
				continue
			}
			switch c.State {
			case "received":
				month(c.At).In++
				r.Received++
				outcomes[t.State]++
			case "handed_over":
				month(c.At).HandedOver++
				r.HandedOver++
			case "recycled":
				month(c.At).Recycled++
				r.Recycled++
			case "parts":
				month(c.At).Parts++
				r.Parts++
			}
			until, ongoing := now, i == len(t.Changes)-1
			if !ongoing {
				until = t.Changes[i+1].At
			}
			// Benches whose clocks disagree can stamp a change before the
			// one it follows: that stay took no time, not negative days.
			stay := max(0, until.Sub(c.At))
			stays[c.State] = append(stays[c.State], SlowUnit{UnitID: t.UnitID, Days: stay.Hours() / 24, Ongoing: ongoing})
		}
	}
	for _, m := range months {
		r.Months = append(r.Months, *m)
	}
	sort.Slice(r.Months, func(i, j int) bool { return r.Months[i].Month < r.Months[j].Month })
	for _, s := range activityStates {
		list := stays[s]
		if len(list) == 0 {
			continue
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Days != list[j].Days {
				return list[i].Days > list[j].Days
			}
			return list[i].UnitID < list[j].UnitID
		})
		days := make([]float64, len(list))
		for i, u := range list {
			days[i] = u.Days
		}
		r.States = append(r.States, StateTime{State: s, Stays: len(list), MedianDays: median(days), Slowest: list[:min(3, len(list))]})
	}
	if r.Received > 0 {
		r.Yield = float64(r.HandedOver) / float64(r.Received)
	}
	for _, s := range stateOrder {
		if outcomes[s] > 0 {
			r.Outcomes = append(r.Outcomes, StateCount{State: s, Count: outcomes[s]})
		}
	}
	return r
}

// median of values sorted in any order.
func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// RenderActivityPDF lays the report out, one chart per figure.
func RenderActivityPDF(r ActivityReport, o DocOptions) ([]byte, error) {
	r, o = pdfClean(r), pdfClean(o)
	d := newDoc(o, o.T("activity.title"), o.T("activity.footer", o.orgName()))
	d.p.AddPage()
	d.orgHeader(o.T("activity.title"), o.T("impact.subtitle", periodText(o, r.From, r.To), o.DateTime(o.Now)))
	d.kv(o.T("impact.period"), periodText(o, r.From, r.To), 55)
	d.kv(o.T("activity.received"), o.Int(int64(r.Received)), 55)
	d.kv(o.T("activity.out"), o.T("activity.out.value", i18n.M("count.doc.handed", r.HandedOver), i18n.M("count.doc.recycled", r.Recycled),
		i18n.M("count.doc.parts", r.Parts)), 55)
	d.kv(o.T("activity.yield"), o.T("activity.yield.value", o.Percent(r.Yield, 0), i18n.M("count.doc.handed", r.HandedOver),
		i18n.M("count.doc.received", r.Received)), 55)

	d.heading(o.T("activity.flows"))
	if err := d.chart(flowChart(r, o), 62); err != nil {
		return nil, err
	}
	rows := [][]string{}
	for _, m := range r.Months {
		rows = append(rows, []string{monthName(o, m.Month), o.Int(int64(m.In)), o.Int(int64(m.HandedOver)),
			o.Int(int64(m.Recycled)), o.Int(int64(m.Parts))})
	}
	d.table([]column{{title: o.T("activity.col.month"), width: 40}, {title: o.T("activity.col.in"), width: 30, align: "R"},
		{title: o.T("activity.col.handed"), width: 30, align: "R"}, {title: o.T("activity.col.recycled"), width: 30, align: "R"},
		{title: o.T("activity.col.parts"), width: 30, align: "R"}}, rows, 8.5)

	d.heading(o.T("activity.times"))
	if err := d.chart(timeChart(r, o), 62); err != nil {
		return nil, err
	}
	rows = [][]string{}
	for _, s := range r.States {
		var slow []string
		for _, u := range s.Slowest {
			txt := o.T("activity.slow", u.UnitID, days(o, u.Days))
			if u.Ongoing {
				txt += " " + o.T("activity.ongoing")
			}
			slow = append(slow, txt)
		}
		rows = append(rows, []string{o.T("state." + s.State), o.Int(int64(s.Stays)), o.Num(s.MedianDays, 1), joinLines(slow)})
	}
	d.table([]column{{title: o.T("activity.col.state"), width: 32}, {title: o.T("activity.col.stays"), width: 22, align: "R"},
		{title: o.T("activity.col.median"), width: 30, align: "R"}, {title: o.T("activity.col.slowest"), width: 96}}, rows, 8.5)

	d.heading(o.T("activity.yieldtitle", o.Percent(r.Yield, 0)))
	if err := d.chart(yieldChart(r, o), 55); err != nil {
		return nil, err
	}
	d.para(o.T("activity.method"), 8.5)
	return d.bytes()
}

// days is a duration in days as a person says it.
func days(o DocOptions, d float64) string {
	switch n := math.Round(d); {
	case d < 1:
		return o.T("activity.lessday")
	case n == 1:
		return o.T("activity.oneday")
	default:
		return o.T("activity.days", o.Num(n, 0))
	}
}

func joinLines(s []string) string {
	var b bytes.Buffer
	for i, x := range s {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(x)
	}
	return b.String()
}

// monthName is "novembre 2026" for "2026-11".
func monthName(o DocOptions, m string) string {
	t, err := time.ParseInLocation("2006-01", m, o.location())
	if err != nil {
		return m
	}
	return o.Lang.MonthIn(t, o.location())
}

// shortMonth is "11/2026" or "2026-11": axis labels must stay short.
func shortMonth(o DocOptions, m string) string {
	if len(m) == 7 && o.Lang == "fr" {
		return m[5:] + "/" + m[:4]
	}
	return m
}

var (
	colorIn   = color.RGBA{R: 40, G: 90, B: 140, A: 255}
	colorOut  = color.RGBA{R: 28, G: 120, B: 56, A: 255}
	colorGrey = color.RGBA{R: 150, G: 150, B: 150, A: 255}
)

func flowChart(r ActivityReport, o DocOptions) *plot.Plot {
	p := newChart(o)
	p.Y.Label.Text = o.T("activity.chart.units")
	in, out := make(plotter.Values, len(r.Months)), make(plotter.Values, len(r.Months))
	names := make([]string, len(r.Months))
	for i, m := range r.Months {
		in[i], out[i], names[i] = float64(m.In), float64(m.Out()), shortMonth(o, m.Month)
	}
	if len(names) == 0 {
		in, out, names = plotter.Values{0}, plotter.Values{0}, []string{"—"}
	}
	w := vg.Points(min(18, 300/float64(len(names)+1)))
	bIn, _ := plotter.NewBarChart(in, w)
	bIn.Color, bIn.LineStyle.Width, bIn.Offset = colorIn, 0, -w/2
	bOut, _ := plotter.NewBarChart(out, w)
	bOut.Color, bOut.LineStyle.Width, bOut.Offset = colorOut, 0, w/2
	p.Add(bIn, bOut)
	p.Legend.Add(o.T("activity.col.in"), bIn)
	p.Legend.Add(o.T("activity.chart.out"), bOut)
	p.Legend.Top = true
	p.NominalX(names...)
	padBars(p, len(names))
	countAxis(p, o)
	return p
}

// padBars leaves half a slot on each side of n bars (or groups of bars):
// the last one no longer sits cut against the right edge of the chart.
func padBars(p *plot.Plot, n int) {
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
}

func timeChart(r ActivityReport, o DocOptions) *plot.Plot {
	states, days := make([]string, len(r.States)), make([]float64, len(r.States))
	for i, s := range r.States {
		states[i], days[i] = s.State, s.MedianDays
	}
	p := stateBars(o, "activity.chart.days", states, days, colorIn)
	p.Y.Min, p.Y.Max = 0, math.Max(p.Y.Max, 1)
	p.Y.Tick.Marker = numberTicks(o, false)
	return p
}

func yieldChart(r ActivityReport, o DocOptions) *plot.Plot {
	states, counts := make([]string, len(r.Outcomes)), make([]float64, len(r.Outcomes))
	for i, s := range r.Outcomes {
		states[i], counts[i] = s.State, float64(s.Count)
	}
	p := stateBars(o, "activity.chart.units", states, counts, colorGrey)
	countAxis(p, o)
	return p
}

// stateBars is a chart of one bar per lifecycle state, named in o's
// language (a lone "—" bar at 0 when there is none), its Y axis labelled
// with the yLabel key.
func stateBars(o DocOptions, yLabel string, states []string, values []float64, c color.Color) *plot.Plot {
	p := newChart(o)
	p.Y.Label.Text = o.T(yLabel)
	v, names := plotter.Values(values), make([]string, len(states))
	for i, s := range states {
		names[i] = o.T("state." + s)
	}
	if len(names) == 0 {
		v, names = plotter.Values{0}, []string{"—"}
	}
	b, _ := plotter.NewBarChart(v, vg.Points(22))
	b.Color, b.LineStyle.Width = c, 0
	p.Add(b)
	p.NominalX(names...)
	padBars(p, len(names))
	return p
}

// newChart is a plot in DejaVu Sans, the documents' typeface, without a
// title (the section heading above it says what it shows).
func newChart(o DocOptions) *plot.Plot {
	p := plot.New()
	otf, err := opentype.Parse(fontRegular)
	if err != nil {
		return p // gonum's default font then
	}
	h := text.Plain{Fonts: font.NewCache(font.Collection{{Font: font.Font{Typeface: "DejaVu"}, Face: otf}})}
	face := func(size vg.Length) font.Font { return font.Font{Typeface: "DejaVu", Size: size} }
	p.TextHandler = h
	p.Title.TextStyle.Handler, p.Title.TextStyle.Font = h, face(11)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Handler, a.Label.TextStyle.Font = h, face(10)
		a.Tick.Label.Handler, a.Tick.Label.Font = h, face(9)
	}
	p.Legend.TextStyle.Handler, p.Legend.TextStyle.Font = h, face(9)
	return p
}

// countAxis: counts start at 0, reach at least 1, and tick on whole units.
func countAxis(p *plot.Plot, o DocOptions) {
	p.Y.Min, p.Y.Max = 0, math.Max(p.Y.Max, 1)
	p.Y.Tick.Marker = numberTicks(o, true)
}

// numberTicks labels ticks in the document's number format; whole keeps
// only whole numbers (unit counts).
func numberTicks(o DocOptions, whole bool) plot.Ticker {
	return plot.TickerFunc(func(min, max float64) []plot.Tick {
		var out []plot.Tick
		dec := 0
		for _, t := range (plot.DefaultTicks{}).Ticks(min, max) {
			if !whole && t.Label != "" && t.Value != math.Trunc(t.Value) {
				dec = 1
			}
		}
		for _, t := range (plot.DefaultTicks{}).Ticks(min, max) {
			if whole && t.Value != math.Trunc(t.Value) {
				continue
			}
			if t.Label != "" {
				t.Label = o.Num(t.Value, dec)
			}
			out = append(out, t)
		}
		if whole && len(out) < 2 {
			out = []plot.Tick{{Value: 0, Label: "0"}, {Value: math.Ceil(max), Label: o.Num(math.Ceil(max), 0)}}
		}
		return out
	})
}

// chartDPI is sharp enough on paper and keeps the PDF small.
const chartDPI = 200

// chart draws p as a PNG of the usable width and h millimetres high.
func (d *doc) chart(p *plot.Plot, h float64) error {
	w := d.usable()
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(w)*vg.Millimeter, vg.Length(h)*vg.Millimeter), vgimg.UseDPI(chartDPI))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	d.seq++
	name := fmt.Sprintf("chart-%d", d.seq)
	d.ensure(h + 2)
	d.p.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	d.p.ImageOptions(name, docMargin, d.p.GetY(), w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	d.p.SetY(d.p.GetY() + h + 2)
	return d.p.Error()
}
