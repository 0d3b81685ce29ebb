package reports

import (
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/inventory"
)

// The handover receipt ("attestation de don") is the beneficiary's paper
// saying the PC is theirs. It names the beneficiary only by the MDH's
// opaque reference: a name, if wanted, is written by hand on the paper and
// never stored.

// Receipt is the content of a handover receipt.
type Receipt struct {
	UnitID      string    `json:"unit_id"`
	Vendor      string    `json:"vendor"`
	Model       string    `json:"model"`
	Serial      string    `json:"serial"`
	Type        string    `json:"type"`
	Site        string    `json:"site"`
	Beneficiary string    `json:"beneficiary"`
	HandedAt    time.Time `json:"handed_at"`
	CPU         string    `json:"cpu,omitempty"`
	RAMBytes    int64     `json:"ram_bytes,omitempty"`
	Storage     []string  `json:"storage"` // "SSD 250 GB", in the receipt's language
	System      string    `json:"system,omitempty"`
	Disks       []string  `json:"disks"` // per disk: erased, certificate no. …, or destroyed
}

// BuildReceipt reads a handed-over unit's dossier (with hardware and
// deploy facts) into its receipt.
func BuildReceipt(d inventory.Dossier, o DocOptions) (Receipt, error) {
	if d.State != "handed_over" || d.Handover == nil {
		return Receipt{}, problem("receipt.nothanded", d.ID, o.T("state."+d.State))
	}
	r := Receipt{UnitID: d.ID, Vendor: d.Vendor, Model: d.Model, Serial: d.Serial, Type: d.Type, Site: d.Handover.Site,
		Beneficiary: d.Handover.Beneficiary, HandedAt: d.Handover.At, Storage: []string{}, Disks: []string{}}
	if h := d.Hardware; h != nil {
		r.CPU, r.RAMBytes = h.CPU, h.RAMBytes
		for _, k := range h.Disks {
			r.Storage = append(r.Storage, strings.TrimSpace(o.Word("cert.val.medium.", k.Medium)+" "+o.Size(k.SizeBytes)))
		}
		if r.Vendor == "" {
			r.Vendor = h.Vendor
		}
		if r.Model == "" {
			r.Model = h.Product
		}
	}
	if len(r.Storage) == 0 {
		for _, k := range d.Disks {
			if k.SizeBytes > 0 {
				r.Storage = append(r.Storage, strings.TrimSpace(o.Word("cert.val.medium.", k.Medium)+" "+o.Size(k.SizeBytes)))
			}
		}
	}
	if dep := d.Deploy; dep != nil {
		r.System = strings.TrimSpace(strings.Join([]string{dep.OS, dep.Version, dep.Edition}, " "))
		if r.System == "" {
			r.System = dep.Image
		}
	}
	for _, k := range d.Disks {
		switch {
		case k.Erasure == inventory.ErasureDestroyed:
			r.Disks = append(r.Disks, o.T("receipt.disk.destroyed", k.Serial))
		case k.Erasure == inventory.ErasurePassed && k.CertificateID != "":
			r.Disks = append(r.Disks, o.T("receipt.disk.erased", k.Serial, k.CertificateID))
		default:
			r.Disks = append(r.Disks, o.T("receipt.disk.other", k.Serial, o.T("erasure."+k.Erasure)))
		}
	}
	return r, nil
}

// RenderReceiptPDF lays the receipt out on one A4 page.
func RenderReceiptPDF(r Receipt, o DocOptions) ([]byte, error) {
	r, o = pdfClean(r), pdfClean(o)
	if o.Now.IsZero() {
		o.Now = r.HandedAt
	}
	d := newDoc(o, o.T("receipt.title")+" "+r.UnitID, o.T("receipt.footer", r.UnitID, r.Beneficiary))
	d.p.AddPage()
	d.orgHeader(o.T("receipt.title"), o.T("receipt.subtitle", r.UnitID))
	name := o.Org.Name
	if name == "" {
		name = o.T("receipt.theassociation")
	}
	d.para(o.T("receipt.intro", name, r.Site, o.Date(r.HandedAt)), 10.5)
	d.heading(o.T("receipt.beneficiary"))
	d.kv(o.T("receipt.reference"), r.Beneficiary, 55)
	d.kv(o.T("receipt.site"), r.Site, 55)
	d.kv(o.T("receipt.date"), o.DateTime(r.HandedAt), 55)
	d.heading(o.T("receipt.computer"))
	d.kv(o.T("receipt.unit"), r.UnitID, 55)
	machine := strings.TrimSpace(r.Vendor + " " + r.Model)
	if t := o.UnitType(r.Type); t != "" {
		machine = strings.TrimSpace(machine + " (" + t + ")")
	}
	d.kv(o.T("receipt.model"), machine, 55)
	d.kv(o.T("receipt.serial"), r.Serial, 55)
	d.kv(o.T("receipt.cpu"), r.CPU, 55)
	ram := ""
	if r.RAMBytes > 0 {
		ram = o.RAM(r.RAMBytes)
	}
	d.kv(o.T("receipt.ram"), ram, 55)
	d.kv(o.T("receipt.storage"), strings.Join(r.Storage, ", "), 55)
	d.kv(o.T("receipt.system"), r.System, 55)
	d.kv(o.T("receipt.disks"), strings.Join(r.Disks, "\n"), 55)
	d.p.Ln(3)
	d.callout(o.T("receipt.rule"), 9.5, 255, 244, 214)
	d.para(o.T("receipt.privacy"), 8.5)
	d.signatureBoxes([]string{o.T("receipt.sign.org", r.Site), o.T("receipt.sign.beneficiary")}, 34)
	d.para(o.T("receipt.copies"), 8)
	return d.bytes()
}
