package reports

import (
	"io"
	"sort"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// The batch proof pack is what a DSI files to show, PC by PC, that the data
// of the batch it gave away was destroyed and where each PC went (a site,
// never a person). Units not finished yet are listed as such, never left
// out: the counts per state add up to the batch's unit count.

// BatchReport is the content of a proof pack, in data.
type BatchReport struct {
	Batch    string          `json:"batch"`
	Donors   []string        `json:"donors"`
	Made     time.Time       `json:"made"`
	Units    int             `json:"units"`
	Finished int             `json:"finished"` // handed over, sent to parts or recycled
	ByState  []StateCount    `json:"by_state"` // every state with units, in path order; sums to Units
	Disks    BatchDiskCounts `json:"disks"`
	Audits   BatchAudits     `json:"audits"`
	Lines    []BatchLine     `json:"lines"`
}

// StateCount is how many units are in a state.
type StateCount struct {
	State string `json:"state"`
	Count int    `json:"count"`
}

// BatchDiskCounts says how the batch's disks stand.
type BatchDiskCounts struct {
	Total     int `json:"total"`
	Erased    int `json:"erased"`     // a passed, standing erasure certificate
	Destroyed int `json:"destroyed"`  // physical destruction recorded
	NotProven int `json:"not_proven"` // neither (yet)
	Flagged   int `json:"flagged"`    // erased, but put in doubt by a failed audit
}

// BatchAudits counts the second-person checks of the batch's disks.
type BatchAudits struct {
	Audited int `json:"audited"`
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
}

// BatchLine is one unit of the batch.
type BatchLine struct {
	ID       string      `json:"id"`
	AssetTag string      `json:"asset_tag"`
	Serial   string      `json:"serial"`
	Vendor   string      `json:"vendor"`
	Model    string      `json:"model"`
	Type     string      `json:"type"`
	Donor    string      `json:"donor"`
	State    string      `json:"state"`
	Since    time.Time   `json:"since"`
	Finished bool        `json:"finished"`
	Site     string      `json:"site,omitempty"` // where it went (reserved, handed over): a site, never a person
	Disks    []BatchDisk `json:"disks"`
}

// BatchDisk is one disk of a unit and its proof.
type BatchDisk struct {
	Serial            string    `json:"serial"`
	Erasure           string    `json:"erasure"` // none, passed, failed, interrupted, unverified, destroyed
	Technique         string    `json:"technique,omitempty"`
	NIST              string    `json:"nist,omitempty"`
	CertificateID     string    `json:"certificate_id,omitempty"`
	CertificateStatus string    `json:"certificate_status,omitempty"`
	WipedAt           time.Time `json:"wiped_at,omitzero"`
	Operator          string    `json:"operator,omitempty"`
	Bench             string    `json:"bench,omitempty"`
	Destruction       string    `json:"destruction,omitempty"`
	Audit             string    `json:"audit,omitempty"` // last audit's result
	AuditedBy         string    `json:"audited_by,omitempty"`
	Flagged           bool      `json:"flagged,omitempty"`
}

// stateOrder is the order states are counted in.
var stateOrder = []string{"received", "triaged", "wiped", "imaged", "ready", "reserved", "handed_over", "returned", "parts", "recycled"}

// finishedState: the unit has left the association's hands for good (a
// beneficiary, spare parts, the e-waste channel).
func finishedState(s string) bool { return s == "handed_over" || s == "parts" || s == "recycled" }

// BuildBatchReport turns the batch's dossiers into the pack's content.
func BuildBatchReport(batch string, ds []inventory.Dossier, made time.Time) BatchReport {
	r := BatchReport{Batch: batch, Made: made, Units: len(ds), Donors: []string{}, ByState: []StateCount{}, Lines: []BatchLine{}}
	counts := map[string]int{}
	donors := map[string]bool{}
	for _, d := range ds {
		counts[d.State]++
		if d.Donor != "" && !donors[d.Donor] {
			donors[d.Donor] = true
			r.Donors = append(r.Donors, d.Donor)
		}
		line := BatchLine{ID: d.ID, AssetTag: d.AssetTag, Serial: d.Serial, Vendor: d.Vendor, Model: d.Model, Type: d.Type,
			Donor: d.Donor, State: d.State, Since: d.StateSince, Finished: finishedState(d.State), Disks: []BatchDisk{}}
		if d.State == "reserved" || d.State == "handed_over" {
			line.Site = d.Site
		}
		if line.Finished {
			r.Finished++
		}
		for _, k := range d.Disks {
			bd := batchDisk(k)
			line.Disks = append(line.Disks, bd)
			r.Disks.add(bd)
			for _, a := range k.Audits {
				r.Audits.Audited++
				if a.Result == inventory.AuditFailed {
					r.Audits.Failed++
				} else {
					r.Audits.Passed++
				}
			}
		}
		r.Lines = append(r.Lines, line)
	}
	sort.Strings(r.Donors)
	for _, s := range stateOrder {
		if counts[s] > 0 {
			r.ByState = append(r.ByState, StateCount{State: s, Count: counts[s]})
			delete(counts, s)
		}
	}
	for s, n := range counts { // a state this atelier does not know: still counted
		r.ByState = append(r.ByState, StateCount{State: s, Count: n})
	}
	return r
}

func batchDisk(k inventory.DiskDossier) BatchDisk {
	bd := BatchDisk{Serial: k.Serial, Erasure: k.Erasure, Flagged: k.Flagged}
	if w := k.Wipe; w != nil {
		bd.Technique, bd.NIST, bd.CertificateID = w.Technique, w.NIST, w.CertificateID
		bd.WipedAt, bd.Operator, bd.Bench = w.Finished, w.Operator, w.Bench
		if w.CertificateID != "" {
			bd.CertificateStatus = w.Status
		}
	}
	if k.Destruction != nil {
		bd.Destruction = k.Destruction.Reason
	}
	if n := len(k.Audits); n > 0 {
		bd.Audit, bd.AuditedBy = k.Audits[n-1].Result, k.Audits[n-1].Operator
	}
	return bd
}

func (c *BatchDiskCounts) add(d BatchDisk) {
	c.Total++
	switch {
	case d.Erasure == inventory.ErasureDestroyed:
		c.Destroyed++
	case d.Erasure == inventory.ErasurePassed:
		c.Erased++
		if d.Flagged {
			c.Flagged++
		}
	default:
		c.NotProven++
	}
}

// RenderBatchPDF lays the pack's summary and its unit-by-unit table out on
// A4 landscape pages.
func RenderBatchPDF(r BatchReport, o DocOptions) ([]byte, error) {
	r, o = pdfClean(r), pdfClean(o)
	d := newLandscapeDoc(o, o.T("batch.title", r.Batch), o.T("batch.footer", r.Batch, o.orgName()))
	d.p.AddPage()
	d.orgHeader(o.T("batch.title", r.Batch), o.T("batch.subtitle", strings.Join(r.Donors, ", "), o.DateTime(r.Made)))
	batchSummary(d, r)
	batchTable(d, r)
	// The heading, its text and the commands read as one: keep them on
	// one page rather than leave the heading alone at the bottom.
	d.ensure(45)
	d.heading(o.T("batch.verify.title"))
	d.para(o.T("batch.verify.text"), 8.5)
	d.code("atelier verify manifest.json --key bench.pub\nbase64 -d manifest.json.sig > manifest.sig.bin\n" +
		"openssl pkeyutl -verify -pubin -inkey bench.pub -rawin -in manifest.json -sigfile manifest.sig.bin\n" +
		"sha256sum batch.pdf batch.csv batch.json certificates/*")
	return d.bytes()
}

func batchSummary(d *doc, r BatchReport) {
	o := d.o
	d.heading(o.T("batch.summary"))
	d.kv(o.T("batch.donor"), strings.Join(r.Donors, ", "), 60)
	d.kv(o.T("batch.batch"), r.Batch, 60)
	d.kv(o.T("batch.units"), o.T("batch.units.value", i18n.M("count.doc.units", r.Units), i18n.M("count.doc.finished", r.Finished),
		r.Units-r.Finished), 60)
	d.kv(o.T("batch.disks"), o.T("batch.disks.value", i18n.M("count.doc.disks", r.Disks.Total), i18n.M("count.doc.erased", r.Disks.Erased),
		i18n.M("count.doc.destroyed", r.Disks.Destroyed), i18n.M("count.doc.notproven", r.Disks.NotProven)), 60)
	audits := o.T("batch.audits.none")
	if r.Audits.Audited > 0 {
		audits = o.T("batch.audits.value", i18n.M("count.doc.checked", r.Audits.Audited), i18n.M("count.doc.passed", r.Audits.Passed),
			i18n.M("count.doc.failed", r.Audits.Failed))
	}
	if r.Disks.Flagged > 0 {
		audits += " — " + o.T("batch.audits.flagged", r.Disks.Flagged)
	}
	d.kv(o.T("batch.audits"), audits, 60)
	d.p.Ln(2)
	rows := make([][]string, 0, len(r.ByState)+1)
	for _, s := range r.ByState {
		rows = append(rows, []string{o.T("state." + s.State), o.Int(int64(s.Count))})
	}
	rows = append(rows, []string{o.T("batch.total"), o.Int(int64(r.Units))})
	d.table([]column{{title: o.T("batch.col.state"), width: 60}, {title: o.T("batch.col.count"), width: 25, align: "R"}}, rows, 9)
	if r.Units > r.Finished {
		d.callout(o.T("batch.unfinished", r.Units-r.Finished), 9, 255, 244, 214)
	}
}

func batchTable(d *doc, r BatchReport) {
	o := d.o
	d.heading(o.T("batch.lines"))
	cols := []column{
		{title: o.T("batch.col.id"), width: 25},
		{title: o.T("batch.col.asset"), width: 26},
		{title: o.T("batch.col.serial"), width: 30, mono: true},
		{title: o.T("batch.col.model"), width: 38},
		{title: o.T("batch.col.disks"), width: 108},
		{title: o.T("batch.col.where"), width: 40},
	}
	rows := make([][]string, 0, len(r.Lines))
	for _, l := range r.Lines {
		rows = append(rows, []string{l.ID, l.AssetTag, l.Serial, strings.TrimSpace(l.Vendor + " " + l.Model),
			batchDisksCell(o, l.Disks), batchWhere(o, l)})
	}
	d.table(cols, rows, 8)
}

// batchDisksCell says, per disk, how it was erased and with which proof.
func batchDisksCell(o DocOptions, disks []BatchDisk) string {
	if len(disks) == 0 {
		return o.T("batch.nodisk")
	}
	var lines []string
	for _, k := range disks {
		var s string
		switch {
		case k.Erasure == inventory.ErasureDestroyed:
			s = o.T("batch.disk.destroyed", k.Serial, k.Destruction)
		case k.CertificateID != "":
			tech := o.Word("cert.tech.", k.Technique)
			nist := k.NIST
			if nist == "" || nist == "none" {
				nist = "—"
			}
			s = o.T("batch.disk.cert", k.Serial, tech, nist, k.CertificateID, o.T("erasure."+k.Erasure), o.ShortDate(k.WipedAt))
		default:
			s = o.T("batch.disk.none", k.Serial, o.T("erasure."+k.Erasure))
		}
		if k.Audit != "" {
			s += " — " + o.T("batch.disk.audit."+k.Audit, k.AuditedBy)
		}
		if k.Flagged {
			s += " — " + o.T("batch.disk.flagged")
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

func batchWhere(o DocOptions, l BatchLine) string {
	st := o.T("state." + l.State)
	switch {
	case l.State == "handed_over":
		return o.T("batch.where.handed", l.Site, o.ShortDate(l.Since))
	case l.State == "reserved":
		return o.T("batch.where.reserved", l.Site)
	case l.Finished:
		return st + " (" + o.ShortDate(l.Since) + ")"
	}
	return o.T("batch.where.unfinished", st)
}

// WriteBatchCSV writes one row per disk (one per unit without a disk), for
// a spreadsheet.
func WriteBatchCSV(w io.Writer, r BatchReport, o DocOptions) error {
	c, err := NewCSVWriter(w)
	if err != nil {
		return err
	}
	keys := []string{"csv.id", "csv.asset", "csv.serial", "csv.vendor", "csv.model", "csv.type", "csv.donor", "csv.batch",
		"csv.state", "csv.since", "csv.finished", "csv.site", "csv.disk", "csv.erasure", "csv.technique", "csv.nist",
		"csv.certificate", "csv.certstatus", "csv.wiped", "csv.operator", "csv.bench", "csv.destruction", "csv.audit", "csv.flagged"}
	head := make([]string, len(keys))
	for i, k := range keys {
		head[i] = o.T(k)
	}
	if err := c.Write(head...); err != nil {
		return err
	}
	yes := func(b bool) string {
		if b {
			return o.T("yes")
		}
		return o.T("no")
	}
	for _, l := range r.Lines {
		unit := []string{l.ID, l.AssetTag, l.Serial, l.Vendor, l.Model, o.UnitType(l.Type), l.Donor, r.Batch,
			o.T("state." + l.State), o.ShortDate(l.Since), yes(l.Finished), l.Site}
		if len(l.Disks) == 0 {
			if err := c.Write(append(unit, make([]string, 12)...)...); err != nil {
				return err
			}
			continue
		}
		for _, k := range l.Disks {
			audit := ""
			if k.Audit != "" {
				audit = o.T("csv.audit."+k.Audit, k.AuditedBy)
			}
			disk := []string{k.Serial, o.T("erasure." + k.Erasure), o.Word("cert.tech.", k.Technique), k.NIST, k.CertificateID, o.Word("wipe.status.", k.CertificateStatus),
				o.ShortDate(k.WipedAt), k.Operator, k.Bench, k.Destruction, audit, yes(k.Flagged)}
			if err := c.Write(append(append([]string{}, unit...), disk...)...); err != nil {
				return err
			}
		}
	}
	return c.Flush()
}
