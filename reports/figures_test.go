package reports_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

var paris, _ = time.LoadLocation("Europe/Paris")

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, paris)
	if err != nil {
		panic(err)
	}
	return t
}

// timelines: six units received in October and November 2026; three
// handed over (two laptops, one desktop), one of them returned and handed
// over again in December; one all-in-one handed over (no factor); one
// recycled; one still in triage.
func timelines() []inventory.Timeline {
	tl := func(id, typ, donor string, ch ...inventory.StateChange) inventory.Timeline {
		return inventory.Timeline{UnitID: id, Type: typ, Donor: donor, State: ch[len(ch)-1].State, Changes: ch}
	}
	c := func(state, at string, site ...string) inventory.StateChange {
		s := inventory.StateChange{State: state, At: day(at)}
		if len(site) > 0 {
			s.Site = site[0]
		}
		return s
	}
	return []inventory.Timeline{
		tl("U1", "laptop", "DSI Échirolles", c("received", "2026-10-01 09:00"), c("triaged", "2026-10-03 09:00"), c("wiped", "2026-10-04 09:00"),
			c("imaged", "2026-10-05 09:00"), c("ready", "2026-10-06 09:00"), c("handed_over", "2026-10-20 09:00", "MDH Village 2")),
		tl("U2", "laptop", "DSI Échirolles", c("received", "2026-10-01 09:00"), c("triaged", "2026-10-11 09:00"), c("handed_over", "2026-11-02 09:00", "MDH Essarts"),
			c("returned", "2026-11-20 09:00"), c("triaged", "2026-11-21 09:00"), c("handed_over", "2026-12-01 09:00", "MDH Village 2")),
		tl("U3", "desktop", "Mairie", c("received", "2026-11-01 00:30"), c("triaged", "2026-11-03 09:00"), c("handed_over", "2026-11-30 23:30", "MDH Village 2")),
		tl("U4", "all-in-one", "DSI Échirolles", c("received", "2026-11-05 09:00"), c("handed_over", "2026-11-25 09:00", "MDH Village 2")),
		tl("U5", "laptop", "DSI Échirolles", c("received", "2026-11-05 09:00"), c("recycled", "2026-11-07 09:00")),
		tl("U6", "desktop", "DSI Échirolles", c("received", "2026-11-10 09:00"), c("triaged", "2026-11-12 09:00")),
	}
}

func TestImpactIsFactorsTimesCounts(t *testing.T) {
	fac, err := reports.LoadDefaultFactors()
	if err != nil {
		t.Fatal(err)
	}
	o := reports.DocOptions{Lang: i18n.FR, Now: day("2026-12-15 10:00")}
	r := reports.BuildImpact(timelines(), fac, reports.ImpactFilter{}, o)
	// U2 counts once though handed over twice; U4 has no factor.
	if r.Reused != 4 || r.Recycled != 1 || len(r.Uncounted) != 1 || r.Uncounted[0].Type != "all-in-one" {
		t.Fatalf("reused %d, recycled %d, uncounted %+v", r.Reused, r.Recycled, r.Uncounted)
	}
	wantLaptop, wantDesktop := 2*(170.3+12.3), 1*(202.6+1.8)
	rows := map[string]reports.ImpactRow{}
	for _, row := range r.Rows {
		rows[row.Device] = row
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if rows["laptop"].Units != 2 || !near(rows["laptop"].FootprintKg, wantLaptop) || !near(*rows["laptop"].AvoidedLowKg, 0.43*wantLaptop) ||
		!near(*rows["laptop"].AvoidedHighKg, 0.97*wantLaptop) || !near(*rows["laptop"].EwastePerYearKg, 2*0.314) {
		t.Errorf("laptop row = %+v", rows["laptop"])
	}
	if rows["desktop"].Units != 1 || !near(rows["desktop"].FootprintKg, wantDesktop) || rows["desktop"].EwastePerYearKg != nil {
		t.Errorf("desktop row = %+v", rows["desktop"])
	}
	if !near(r.Totals.FootprintKg, wantLaptop+wantDesktop) || !near(r.Totals.AvoidedHighKg, 0.97*(wantLaptop+wantDesktop)) {
		t.Errorf("totals = %+v", r.Totals)
	}
	// A period in Paris time: U3's handover at 23:30 on 30 November counts
	// in November, U2's first handover (2 November) too, not its second.
	nov := reports.BuildImpact(timelines(), fac, reports.ImpactFilter{From: day("2026-11-01 00:00"), To: day("2026-11-30 00:00")}, o)
	if nov.Reused != 3 {
		t.Errorf("November: %d reused, want 3 (U2, U3, U4)", nov.Reused)
	}
	if s := reports.BuildImpact(timelines(), fac, reports.ImpactFilter{Site: "mdh village 2", Donor: "DSI ÉCHIROLLES"}, o); s.Reused != 2 {
		t.Errorf("site and donor filter: %d, want 2 (U1, U4)", s.Reused)
	}
	pdf, err := reports.RenderImpactPDF(r, docFR(t))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfBytesText(t, pdf)
	for _, want := range []string{"Impact environnemental", "Ordinateur portable 2 182,6 365,2", "157,0 – 354,2", "Total 3 569,6 244,9 – 552,5",
		"fabrication 170,3 kg CO₂e [ademe-arcep-2022]", "évité au moins 43 % [ademe-refurb-2022]", "Méthode", "Limites",
		"https://librairie.ademe.fr/consommer-autrement/5226", "https://negaoctet.org/", "1 tout-en-un"} {
		if !strings.Contains(text, want) {
			t.Errorf("impact PDF lacks %q; text:\n%s", want, text)
		}
	}
}

// Every number the PDF prints comes from the factors file or from counts:
// each factor value appears with its source id.
func TestEveryFactorIsPrintedWithItsSource(t *testing.T) {
	fac, _ := reports.LoadDefaultFactors()
	pdf, err := reports.RenderImpactPDF(reports.BuildImpact(nil, fac, reports.ImpactFilter{}, docFR(t)), docFR(t))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfBytesText(t, pdf)
	for _, d := range fac.Devices {
		for _, n := range []*reports.Sourced{d.Manufacturing, d.Distribution, d.EwastePerYear} {
			if n == nil {
				continue
			}
			v := strings.Replace(strconv.FormatFloat(n.Value, 'f', -1, 64), ".", ",", 1)
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(v) + ` kg (CO₂e |par année d'usage )\[` + regexp.QuoteMeta(n.Source) + `\]`)
			if !re.MatchString(text) {
				t.Errorf("%s: %v is not printed with its source %s", d.ID, n.Value, n.Source)
			}
		}
	}
	flat := strings.ReplaceAll(text, " ", "")
	for _, s := range fac.Sources {
		if !strings.Contains(text, "["+s.ID+"]") || !strings.Contains(flat, s.URL) {
			t.Errorf("source %s not printed with its address", s.ID)
		}
	}
}

func TestFactorsFileRefusesAFigureWithoutSource(t *testing.T) {
	base := `{"schema":"atelier.impact-factors/v1","title":{"fr":"t"},"sources":[{"id":"s","text":"a study","url":"u"}],"devices":[%s]}`
	dev := func(extra string) string {
		return strings.Replace(base, "%s", `{"id":"laptop","unit_types":["laptop"],"name":{"fr":"P"},"manufacturing_kg_co2e":{"value":1,"source":"s"},"distribution_kg_co2e":{"value":1,"source":"s"}`+extra+`}`, 1)
	}
	if _, err := reports.ParseFactors([]byte(dev(""))); err != nil {
		t.Fatalf("a valid file: %v", err)
	}
	for name, c := range map[string]struct{ doc, key string }{
		"unknown source":  {dev(`,"ewaste_kg_per_year":{"value":1,"source":"blog"}`), "factors.nosource"},
		"share above 1":   {dev(`,"avoided_share_low":{"value":0.4,"source":"s"},"avoided_share_high":{"value":1.2,"source":"s"}`), "factors.value"},
		"low above high":  {dev(`,"avoided_share_low":{"value":0.9,"source":"s"},"avoided_share_high":{"value":0.4,"source":"s"}`), "factors.range"},
		"half a range":    {dev(`,"avoided_share_low":{"value":0.4,"source":"s"}`), "factors.range"},
		"negative":        {strings.Replace(dev(""), `"value":1,`, `"value":-1,`, 1), "factors.value"},
		"absurdly large":  {strings.Replace(dev(""), `"value":1,`, `"value":1e308,`, 1), "factors.value"},
		"unknown field":   {dev(`,"price":3`), "factors.parse"},
		"other schema":    {strings.Replace(dev(""), "v1", "v9", 1), "factors.schema"},
		"no device":       {strings.Replace(base, "%s", "", 1), "factors.nodevice"},
		"missing numbers": {strings.Replace(base, "%s", `{"id":"x","unit_types":["x"],"name":{}}`, 1), "factors.missing"},
	} {
		if _, err := reports.ParseFactors([]byte(c.doc)); problemKey(t, err) != c.key {
			t.Errorf("%s: %v, want %s", name, err, c.key)
		}
	}
}

func FuzzParseFactors(f *testing.F) {
	def, _ := os.ReadFile(filepath.Join("factors", "ademe-2022.json"))
	f.Add(def)
	f.Add(bytes.Replace(def, []byte("170.3"), []byte("1e308"), 1)) // overflowed the totals to +Inf
	f.Add([]byte(`{"schema":"atelier.impact-factors/v1","sources":[],"devices":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fac, err := reports.ParseFactors(data)
		if err != nil {
			return
		}
		// Whatever is accepted computes finite, non-negative figures.
		r := reports.BuildImpact(timelines(), fac, reports.ImpactFilter{}, reports.DocOptions{Lang: i18n.EN})
		for _, x := range []float64{r.Totals.FootprintKg, r.Totals.AvoidedLowKg, r.Totals.AvoidedHighKg, r.Totals.EwastePerYearKg} {
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				t.Fatalf("figure %v from an accepted file", x)
			}
		}
	})
}

func TestActivityCountsMonthsStaysAndYield(t *testing.T) {
	o := reports.DocOptions{Lang: i18n.FR, Now: day("2026-12-15 10:00")}
	r := reports.BuildActivity(timelines(), time.Time{}, time.Time{}, o.Now, o)
	months := map[string]reports.MonthCount{}
	for _, m := range r.Months {
		months[m.Month] = m
	}
	if months["2026-10"].In != 2 || months["2026-10"].HandedOver != 1 || months["2026-11"].In != 4 ||
		months["2026-11"].HandedOver != 3 || months["2026-11"].Recycled != 1 || months["2026-12"].HandedOver != 1 {
		t.Fatalf("months = %+v", r.Months)
	}
	if r.Received != 6 || r.HandedOver != 5 || math.Abs(r.Yield-5.0/6) > 1e-9 {
		t.Errorf("received %d, handed over %d, yield %v", r.Received, r.HandedOver, r.Yield)
	}
	var triaged reports.StateTime
	for _, s := range r.States {
		if s.State == "triaged" {
			triaged = s
		}
	}
	// Stays in triaged: U1 1 day, U2 22 and 10, U3 27.6, U6 still there
	// (33.04); October's last Sunday adds an hour to stays across it.
	if triaged.Stays != 5 || math.Abs(triaged.MedianDays-22) > 0.05 || triaged.Slowest[0].UnitID != "U6" || !triaged.Slowest[0].Ongoing {
		t.Errorf("triaged = %+v", triaged)
	}
	noLogo := docFR(t)
	noLogo.Org.Logo = nil
	pdf, err := reports.RenderActivityPDF(r, noLogo)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfBytesText(t, pdf)
	for _, want := range []string{"Activité de l'atelier", "novembre 2026 4 3 1 0", "trié 5 22,0", "U6 : 33 jours (toujours)",
		"U1 : 1 jour", "Rendement 83 % (5 remises pour 6 reçues)"} {
		if !strings.Contains(text, want) {
			t.Errorf("activity PDF lacks %q; text:\n%s", want, text)
		}
	}
	if n := strings.Count(string(pdf), "/Subtype /Image"); n != 3 {
		t.Errorf("%d images in the activity PDF, want 3 charts", n)
	}
}

// Two benches whose clocks disagree (or an import stamped by a clock
// ahead) give a change an earlier time than the one before it: the stay
// between them is no time at all, never a negative number of days.
func TestActivityNeverCountsANegativeStay(t *testing.T) {
	o := reports.DocOptions{Lang: i18n.FR, Now: day("2026-12-15 10:00")}
	skewed := []inventory.Timeline{{UnitID: "U1", Type: "laptop", State: "triaged", Changes: []inventory.StateChange{
		{State: "received", At: day("2026-11-27 09:00")}, {State: "triaged", At: day("2026-11-16 09:00")}}},
		{UnitID: "U2", Type: "laptop", State: "received", Changes: []inventory.StateChange{{State: "received", At: day("2026-12-20 09:00")}}}}
	r := reports.BuildActivity(skewed, time.Time{}, time.Time{}, o.Now, o)
	for _, s := range r.States {
		if s.MedianDays < 0 {
			t.Errorf("%s: median %v days", s.State, s.MedianDays)
		}
		for _, u := range s.Slowest {
			if u.Days < 0 {
				t.Errorf("%s: %s stayed %v days", s.State, u.UnitID, u.Days)
			}
		}
	}
	pdf, err := reports.RenderActivityPDF(r, o)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfBytesText(t, pdf); strings.Contains(text, "-") && regexp.MustCompile(`-\d+,\d`).MatchString(text) {
		t.Errorf("a negative figure in the activity PDF:\n%s", text)
	}
}

// Every message key the documents use exists in both languages.
func TestEveryDocumentKeyIsTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`(?:\bT|problem)\("([a-z0-9_.-]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range re.FindAllSubmatch(src, -1) {
			k := string(m[1])
			if strings.HasSuffix(k, ".") {
				continue // a prefix completed at run time
			}
			if _, ok := i18n.Lookup(k); !ok {
				t.Errorf("%s: key %q has no message", f, k)
			}
		}
	}
}

// A site or donor that matches nothing is a typo: refused, rather than an
// official-looking report of 0 units. Names match as BuildImpact matches
// them (case and spacing aside).
func TestImpactFilterNamesMustExist(t *testing.T) {
	ts := timelines()
	sites := []string{"MDH Village 2", "MDH Essarts", "MDH Surieux"}
	for f, key := range map[reports.ImpactFilter]string{
		{Site: "MDH Nulle Part"}:             "impact.site.unknown",
		{Donor: "Mairie de Grenoble"}:        "impact.donor.unknown",
		{Site: "mdh  village 2"}:             "",
		{Site: "MDH Surieux"}:                "", // a site with no handover yet is no typo
		{Donor: "dsi échirolles", Site: ""}:  "",
		{Donor: "DSI Échirolles", Site: "x"}: "impact.site.unknown",
	} {
		err := reports.CheckImpactFilter(ts, sites, f)
		if key == "" && err != nil || key != "" && problemKey(t, err) != key {
			t.Errorf("%+v: %v, want %q", f, err, key)
		}
	}
}

// A document made before `org set` says so in its footer too, instead of
// an empty name between two dashes ("Impact environnemental —  — page 1").
func TestFooterWithoutTheAssociationSaysSo(t *testing.T) {
	o := reports.DocOptions{Lang: i18n.FR, Now: day("2026-12-15 10:00")}
	fac, _ := reports.LoadDefaultFactors()
	docs := map[string]func() ([]byte, error){
		"impact": func() ([]byte, error) {
			return reports.RenderImpactPDF(reports.BuildImpact(nil, fac, reports.ImpactFilter{}, o), o)
		},
		"activity": func() ([]byte, error) {
			return reports.RenderActivityPDF(reports.BuildActivity(nil, time.Time{}, time.Time{}, o.Now, o), o)
		},
		"batch": func() ([]byte, error) {
			return reports.RenderBatchPDF(reports.BuildBatchReport("2026-11", nil, o.Now), o)
		},
	}
	for name, render := range docs {
		pdf, err := render()
		if err != nil {
			t.Fatal(err)
		}
		text := pdfBytesText(t, pdf)
		if strings.Contains(text, "— — page") || !strings.Contains(text, "association non renseignée — page 1/") {
			t.Errorf("%s footer:\n%s", name, text)
		}
	}
}
