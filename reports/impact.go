package reports

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// The environmental impact report counts the units reused (handed over to
// a beneficiary) and turns the counts into avoided emissions and e-waste
// with factors from a data file, every number of which names its source.
// Nothing is computed without a sourced factor: a unit type with none is
// listed as not counted.

//go:embed factors/*.json
var factorFS embed.FS

// DefaultFactors is the embedded factors file.
const DefaultFactors = "factors/ademe-2022.json"

// FactorsSchema names the factors file format.
const FactorsSchema = "atelier.impact-factors/v1"

// MaxFactorsBytes bounds a factors file.
const MaxFactorsBytes = 1 << 20

// Factors is a factors file.
type Factors struct {
	Schema  string            `json:"schema"`
	Title   map[string]string `json:"title"`
	Sources []FactorSource    `json:"sources"`
	Devices []DeviceFactors   `json:"devices"`
}

// FactorSource is where numbers come from.
type FactorSource struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	URL  string `json:"url"`
}

// Sourced is a number and the id of its source.
type Sourced struct {
	Value  float64 `json:"value"`
	Source string  `json:"source"`
}

// DeviceFactors are one kind of device's numbers.
type DeviceFactors struct {
	ID            string            `json:"id"`
	UnitTypes     []string          `json:"unit_types"`
	Name          map[string]string `json:"name"`
	Manufacturing *Sourced          `json:"manufacturing_kg_co2e"`
	Distribution  *Sourced          `json:"distribution_kg_co2e"`
	AvoidedLow    *Sourced          `json:"avoided_share_low,omitempty"`
	AvoidedHigh   *Sourced          `json:"avoided_share_high,omitempty"`
	EwastePerYear *Sourced          `json:"ewaste_kg_per_year,omitempty"`
}

// LoadDefaultFactors reads the embedded factors file.
func LoadDefaultFactors() (Factors, error) {
	b, err := factorFS.ReadFile(DefaultFactors)
	if err != nil {
		return Factors{}, err
	}
	return ParseFactors(b)
}

// ReadFactors reads an association's own factors file (bounded).
func ReadFactors(r io.Reader) (Factors, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFactorsBytes+1))
	if err != nil {
		return Factors{}, err
	}
	if len(b) > MaxFactorsBytes {
		return Factors{}, problem("factors.toolarge", MaxFactorsBytes>>10)
	}
	return ParseFactors(b)
}

// ParseFactors reads a factors file strictly and refuses any number
// without a known source, a share outside 0–1, a negative amount, or a
// unit type claimed by two devices.
func ParseFactors(b []byte) (Factors, error) {
	var f Factors
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Factors{}, problem("factors.parse", oneLineErr(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Factors{}, problem("factors.parse", "extra data after the JSON object")
	}
	if f.Schema != FactorsSchema {
		return Factors{}, problem("factors.schema", f.Schema, FactorsSchema)
	}
	sources := map[string]bool{}
	for _, s := range f.Sources {
		if s.ID == "" || strings.TrimSpace(s.Text) == "" {
			return Factors{}, problem("factors.source.empty", s.ID)
		}
		if sources[s.ID] {
			return Factors{}, problem("factors.duplicate", s.ID)
		}
		sources[s.ID] = true
	}
	if len(f.Devices) == 0 {
		return Factors{}, problem("factors.nodevice")
	}
	ids, types := map[string]bool{}, map[string]string{}
	for _, d := range f.Devices {
		if d.ID == "" || ids[d.ID] {
			return Factors{}, problem("factors.duplicate", d.ID)
		}
		ids[d.ID] = true
		for _, t := range d.UnitTypes {
			if other, ok := types[t]; ok {
				return Factors{}, problem("factors.type", t, other, d.ID)
			}
			types[t] = d.ID
		}
		if err := checkDevice(d, sources); err != nil {
			return Factors{}, err
		}
	}
	return f, nil
}

// maxFactorKg bounds any amount of a factors file: a device's whole
// manufacturing is a few hundred kilograms of CO2e, a server's a few
// tonnes. A typo such as 1e308 would otherwise overflow the totals to
// infinity, which JSON cannot hold and the PDF printed as 0,0.
const maxFactorKg = 100_000

func checkDevice(d DeviceFactors, sources map[string]bool) error {
	if d.Manufacturing == nil || d.Distribution == nil {
		return problem("factors.missing", d.ID)
	}
	if (d.AvoidedLow == nil) != (d.AvoidedHigh == nil) {
		return problem("factors.range", d.ID)
	}
	for _, n := range []struct {
		name  string
		v     *Sourced
		share bool
	}{{"manufacturing_kg_co2e", d.Manufacturing, false}, {"distribution_kg_co2e", d.Distribution, false},
		{"avoided_share_low", d.AvoidedLow, true}, {"avoided_share_high", d.AvoidedHigh, true},
		{"ewaste_kg_per_year", d.EwastePerYear, false}} {
		if n.v == nil {
			continue
		}
		if !sources[n.v.Source] {
			return problem("factors.nosource", d.ID, n.name, n.v.Source)
		}
		if math.IsNaN(n.v.Value) || math.IsInf(n.v.Value, 0) || n.v.Value < 0 || (n.share && n.v.Value > 1) || n.v.Value > maxFactorKg {
			return problem("factors.value", d.ID, n.name)
		}
	}
	if d.AvoidedLow != nil && d.AvoidedLow.Value > d.AvoidedHigh.Value {
		return problem("factors.range", d.ID)
	}
	return nil
}

// name is the device's name in lang, else any.
func localized(m map[string]string, lang string) string {
	if s := m[lang]; s != "" {
		return s
	}
	for _, k := range []string{"en", "fr"} {
		if s := m[k]; s != "" {
			return s
		}
	}
	return ""
}

// ImpactFilter selects the handovers counted: From and To are days
// (inclusive, in the documents' time zone); zero means unbounded.
type ImpactFilter struct {
	From, To time.Time
	Donor    string
	Site     string
}

// ImpactReport is the impact report's content.
type ImpactReport struct {
	From      time.Time      `json:"from,omitzero"`
	To        time.Time      `json:"to,omitzero"`
	Donor     string         `json:"donor,omitempty"`
	Site      string         `json:"site,omitempty"`
	Factors   string         `json:"factors"`
	Reused    int            `json:"reused"` // units handed over for the first time in the period
	Rows      []ImpactRow    `json:"rows"`
	Uncounted []TypeCount    `json:"uncounted"` // reused units of a type with no factors
	Totals    ImpactTotals   `json:"totals"`
	Recycled  int            `json:"recycled"` // units sent to the e-waste channel in the period
	Sources   []FactorSource `json:"sources"`
}

// ImpactRow is one device kind's count and figures.
type ImpactRow struct {
	Device          string   `json:"device"`
	Name            string   `json:"name"`
	Units           int      `json:"units"`
	PerUnitKg       float64  `json:"per_unit_kg_co2e"`  // manufacturing + distribution
	FootprintKg     float64  `json:"footprint_kg_co2e"` // units × per unit
	AvoidedLowKg    *float64 `json:"avoided_low_kg_co2e,omitempty"`
	AvoidedHighKg   *float64 `json:"avoided_high_kg_co2e,omitempty"`
	EwastePerYearKg *float64 `json:"ewaste_kg_per_year,omitempty"`
	Factors         DeviceFactors
}

// TypeCount is a number of units of one type.
type TypeCount struct {
	Type  string `json:"type"`
	Units int    `json:"units"`
}

// ImpactTotals add the rows up.
type ImpactTotals struct {
	FootprintKg     float64 `json:"footprint_kg_co2e"`
	AvoidedLowKg    float64 `json:"avoided_low_kg_co2e"`
	AvoidedHighKg   float64 `json:"avoided_high_kg_co2e"`
	EwastePerYearKg float64 `json:"ewaste_kg_per_year"`
}

// BuildImpact counts the first handover of each unit within f and applies
// the factors. Counts come from the ledger, every other number from f.
func BuildImpact(ts []inventory.Timeline, fac Factors, f ImpactFilter, o DocOptions) ImpactReport {
	loc := o.location()
	from, to := dayStart(f.From, loc), dayEnd(f.To, loc)
	r := ImpactReport{From: f.From, To: f.To, Donor: f.Donor, Site: f.Site, Factors: localized(fac.Title, string(o.Lang)),
		Rows: []ImpactRow{}, Uncounted: []TypeCount{}, Sources: fac.Sources}
	byType := map[string]int{}
	for _, t := range ts {
		if f.Donor != "" && !sameName(t.Donor, f.Donor) {
			continue
		}
		if c, ok := firstChange(t, "handed_over"); ok && inPeriod(c.At, from, to) && (f.Site == "" || sameName(c.Site, f.Site)) {
			byType[t.Type]++
			r.Reused++
		}
		if c, ok := firstChange(t, "recycled"); ok && inPeriod(c.At, from, to) && f.Site == "" {
			r.Recycled++
		}
	}
	for _, d := range fac.Devices {
		row := ImpactRow{Device: d.ID, Name: localized(d.Name, string(o.Lang)), Factors: d}
		for _, t := range d.UnitTypes {
			row.Units += byType[t]
			delete(byType, t)
		}
		row.PerUnitKg = d.Manufacturing.Value + d.Distribution.Value
		row.FootprintKg = float64(row.Units) * row.PerUnitKg
		r.Totals.FootprintKg += row.FootprintKg
		if d.AvoidedLow != nil {
			lo, hi := row.FootprintKg*d.AvoidedLow.Value, row.FootprintKg*d.AvoidedHigh.Value
			row.AvoidedLowKg, row.AvoidedHighKg = &lo, &hi
			r.Totals.AvoidedLowKg += lo
			r.Totals.AvoidedHighKg += hi
		}
		if d.EwastePerYear != nil {
			e := float64(row.Units) * d.EwastePerYear.Value
			row.EwastePerYearKg = &e
			r.Totals.EwastePerYearKg += e
		}
		r.Rows = append(r.Rows, row)
	}
	for t, n := range byType {
		r.Uncounted = append(r.Uncounted, TypeCount{Type: t, Units: n})
	}
	sort.Slice(r.Uncounted, func(i, j int) bool { return r.Uncounted[i].Type < r.Uncounted[j].Type })
	return r
}

// CheckImpactFilter refuses a --site that names no known site and a
// --donor no unit came from: a typo would otherwise print an
// official-looking report of nothing. sites are the ledger's site names.
func CheckImpactFilter(ts []inventory.Timeline, sites []string, f ImpactFilter) error {
	if f.Site != "" && !slices.ContainsFunc(sites, func(s string) bool { return sameName(s, f.Site) }) {
		return problem("impact.site.unknown", f.Site)
	}
	if f.Donor != "" && !slices.ContainsFunc(ts, func(t inventory.Timeline) bool { return sameName(t.Donor, f.Donor) }) {
		return problem("impact.donor.unknown", f.Donor)
	}
	return nil
}

func firstChange(t inventory.Timeline, state string) (inventory.StateChange, bool) {
	for _, c := range t.Changes {
		if c.State == state {
			return c, true
		}
	}
	return inventory.StateChange{}, false
}

func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// dayStart is the start of t's day in loc (zero stays zero).
func dayStart(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// dayEnd is the start of the day after t's (zero stays zero).
func dayEnd(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return dayStart(t, loc).AddDate(0, 0, 1)
}

func inPeriod(at, from, to time.Time) bool {
	return (from.IsZero() || !at.Before(from)) && (to.IsZero() || at.Before(to))
}

// RenderImpactPDF lays the impact report out: the counts, the figures,
// the method and its limits, and every source.
func RenderImpactPDF(r ImpactReport, o DocOptions) ([]byte, error) {
	r, o = pdfClean(r), pdfClean(o)
	d := newDoc(o, o.T("impact.title"), o.T("impact.footer", o.orgName()))
	d.p.AddPage()
	d.orgHeader(o.T("impact.title"), o.T("impact.subtitle", periodText(o, r.From, r.To), o.DateTime(o.Now)))
	d.kv(o.T("impact.period"), periodText(o, r.From, r.To), 55)
	if r.Donor != "" {
		d.kv(o.T("impact.donor"), r.Donor, 55)
	}
	if r.Site != "" {
		d.kv(o.T("impact.site"), r.Site, 55)
	}
	d.kv(o.T("impact.reused"), o.Int(int64(r.Reused)), 55)
	if r.Site == "" {
		d.kv(o.T("impact.recycled"), o.Int(int64(r.Recycled)), 55)
	}
	d.kv(o.T("impact.factors"), r.Factors, 55)

	d.heading(o.T("impact.figures"))
	kg := func(x float64) string { return o.T("impact.kg", o.Num(x, 1)) }
	waste := func(x float64) string { return o.T("impact.kgwaste", o.Num(x, 2)) }
	rows := [][]string{}
	for _, row := range r.Rows {
		avoided, ewaste := o.T("impact.nofactor"), o.T("impact.nofactor")
		if row.AvoidedLowKg != nil {
			avoided = kg(*row.AvoidedLowKg) + " – " + kg(*row.AvoidedHighKg)
		}
		if row.EwastePerYearKg != nil {
			ewaste = waste(*row.EwastePerYearKg)
		}
		rows = append(rows, []string{row.Name, o.Int(int64(row.Units)), kg(row.PerUnitKg), kg(row.FootprintKg), avoided, ewaste})
	}
	rows = append(rows, []string{o.T("impact.total"), o.Int(int64(r.Reused - uncountedUnits(r))), "", kg(r.Totals.FootprintKg),
		kg(r.Totals.AvoidedLowKg) + " – " + kg(r.Totals.AvoidedHighKg), waste(r.Totals.EwastePerYearKg)})
	d.table([]column{
		{title: o.T("impact.col.device"), width: 40},
		{title: o.T("impact.col.units"), width: 17, align: "R"},
		{title: o.T("impact.col.perunit"), width: 27, align: "R"},
		{title: o.T("impact.col.footprint"), width: 30, align: "R"},
		{title: o.T("impact.col.avoided"), width: 42, align: "R"},
		{title: o.T("impact.col.ewaste"), width: 24, align: "R"},
	}, rows, 8.5)
	if len(r.Uncounted) > 0 {
		var parts []string
		for _, u := range r.Uncounted {
			parts = append(parts, o.T("impact.uncounted.one", o.Int(int64(u.Units)), o.UnitType(orUnknown(o, u.Type))))
		}
		d.callout(o.T("impact.uncounted", strings.Join(parts, ", ")), 9, 255, 244, 214)
	}
	d.heading(o.T("impact.method"))
	d.para(o.T("impact.method.text"), 9)
	d.heading(o.T("impact.limits"))
	d.para(o.T("impact.limits.text"), 9)
	d.heading(o.T("impact.sources"))
	for _, row := range r.Rows {
		d.para(factorLines(o, row.Name, row.Factors), 8.5)
	}
	for _, s := range r.Sources {
		d.para("["+s.ID+"] "+s.Text+"\n"+s.URL, 8)
	}
	return d.bytes()
}

func uncountedUnits(r ImpactReport) int {
	n := 0
	for _, u := range r.Uncounted {
		n += u.Units
	}
	return n
}

func orUnknown(o DocOptions, t string) string {
	if t == "" {
		return "unknown"
	}
	return t
}

// factorLines lists a device's numbers each with its source id.
func factorLines(o DocOptions, name string, d DeviceFactors) string {
	line := func(key string, s *Sourced, share bool) string {
		v := o.Num(s.Value, 1)
		if share {
			v = o.Percent(s.Value, 0)
		}
		return o.T(key, v, s.Source)
	}
	parts := []string{line("impact.f.manufacturing", d.Manufacturing, false), line("impact.f.distribution", d.Distribution, false)}
	if d.AvoidedLow != nil {
		parts = append(parts, line("impact.f.avoidedlow", d.AvoidedLow, true), line("impact.f.avoidedhigh", d.AvoidedHigh, true))
	}
	if d.EwastePerYear != nil {
		parts = append(parts, o.T("impact.f.ewaste", o.Num(d.EwastePerYear.Value, 3), d.EwastePerYear.Source))
	}
	return o.T("impact.f.line", name, strings.Join(parts, o.T("impact.f.sep")))
}

func periodText(o DocOptions, from, to time.Time) string {
	switch {
	case from.IsZero() && to.IsZero():
		return o.T("period.all")
	case from.IsZero():
		return o.T("period.until", o.Date(to))
	case to.IsZero():
		return o.T("period.since", o.Date(from))
	}
	return o.T("period.between", o.Date(from), o.Date(to))
}
