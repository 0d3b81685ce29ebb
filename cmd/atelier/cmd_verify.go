package main

import (
	"cmp"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// newVerifyCmd checks an erasure certificate: signature by the bench key,
// strict canonical form, consistent content. It reads key files only, never
// the ledger, so a DSI technician can verify with just bench.pub.
func newVerifyCmd(g *globals) *cobra.Command {
	var keyPath string
	cmd := &cobra.Command{
		Use:   "verify CERT.json|CERT.pdf",
		Short: "Check an erasure certificate's signature and content",
		Long: `verify checks that an erasure certificate was signed by the bench key and
not changed since (one changed byte fails), that it is in canonical form, and
that its content is consistent (e.g. an overwrite never claims Purge).

The PDF is the printable copy and is not signed: given ID.pdf, verify checks
the certificate ID.json next to it, then that the PDF is byte for byte the
one atelier renders for that certificate (a PDF edited, or taken from
another certificate, is refused). A PDF issued by another atelier version
may not render the same: verify then says so, and the JSON is what counts.
Given ID.json.sig, it checks ID.json with that signature.

The public key is bench.pub in the ledger's folder, or the file given with
--key: hand bench.pub to whoever must verify certificates.

Exit code: 0 valid and the erasure passed; 1 invalid (the reason is printed);
2 authentic, but the certificate records a FAILED erasure.

Given a proof pack's manifest.json (or its folder), verify checks the
manifest's signature, then that every file it lists is there, unchanged.`,
		Example: "  atelier verify ~/.local/share/atelier/certificates/01KAQ7ZC0N6M5V4H0S3G3Y9T2B.json\n" +
			"  atelier verify --key bench.pub 01KAQ7ZC0N6M5V4H0S3G3Y9T2B.json --json",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if m, ok := manifestPath(args[0]); ok {
				return runVerifyManifest(g, m, keyPath)
			}
			return runVerify(g, args[0], keyPath)
		},
	}
	cmd.Flags().StringVar(&keyPath, "key", "", "bench public key file (default: bench.pub next to the ledger)")
	return cmd
}

// verifyResult is the --json output.
type verifyResult struct {
	Certificate string     `json:"certificate"`
	PDF         string     `json:"pdf,omitempty"` // the PDF checked against the certificate
	Valid       bool       `json:"valid"`
	Reason      string     `json:"reason,omitempty"`
	Key         string     `json:"key"`
	ID          string     `json:"id,omitempty"`
	Status      string     `json:"status,omitempty"`
	Serial      string     `json:"serial,omitempty"`
	Technique   string     `json:"technique,omitempty"`
	NIST        string     `json:"nist,omitempty"`
	Finished    *time.Time `json:"finished,omitempty"`
	Bench       string     `json:"bench,omitempty"`
	Operator    string     `json:"operator,omitempty"`
	Unit        string     `json:"unit,omitempty"`
}

func runVerify(g *globals, certPath, keyPath string) error {
	l := g.lang()
	pdfPath := ""
	if strings.HasSuffix(certPath, ".pdf") {
		pdfPath = certPath
	}
	certPath = certificateJSONPath(certPath)
	res := verifyResult{Certificate: certPath, PDF: pdfPath}
	refuse := func(err error) error {
		res.Reason = reports.Message(err, l)
		msg := l.T("cert.cmd.invalid", cmp.Or(pdfPath, certPath), res.Reason)
		if g.json {
			if err := g.printJSON(res); err != nil {
				return err
			}
		}
		return fail(1, msg)
	}

	if keyPath == "" {
		ledger, err := g.ledgerPath()
		if err != nil {
			return refuse(err)
		}
		keyPath = filepath.Join(inventory.KeyDirFor(ledger), reports.PubFile)
	}
	pub, err := reports.ReadPublicKey(keyPath)
	if err != nil {
		return refuse(err)
	}
	res.Key = reports.Fingerprint(pub)
	var c reports.Certificate
	if pdfPath != "" {
		c, err = reports.VerifyPDF(pdfPath, pub, version)
	} else {
		c, err = reports.Verify(certPath, pub)
	}
	if err != nil {
		return refuse(err)
	}
	fillVerifyResult(&res, c)

	date := l.Date(c.Times.Finished)
	serial := certDiskName(c)
	if c.Status != reports.StatusPassed {
		if g.json {
			if err := g.printJSON(res); err != nil {
				return err
			}
		}
		return fail(2, l.T("cert.cmd.failedcert", serial, date, c.Bench))
	}
	if g.json {
		return g.printJSON(res)
	}
	msg := l.T("cert.cmd.valid", serial, c.Sanitization.NIST, date, c.Bench, c.Operator)
	if pdfPath != "" {
		msg += "\n" + l.T("cert.cmd.pdfmatches", pdfPath, certPath)
	}
	_, err = g.stdout.Write([]byte(msg + "\n"))
	return err
}

func fillVerifyResult(res *verifyResult, c reports.Certificate) {
	finished := c.Times.Finished
	res.Valid = true
	res.ID = c.ID
	res.Status = c.Status
	res.Serial = c.Disk.Serial
	res.Technique = c.Sanitization.Technique
	res.NIST = c.Sanitization.NIST
	res.Finished = &finished
	res.Bench = c.Bench
	res.Operator = c.Operator
	res.Unit = c.Source.UnitID
}

// certDiskName is the serial, or the device for a disk that reports none.
func certDiskName(c reports.Certificate) string {
	if c.Disk.Serial != "" {
		return c.Disk.Serial
	}
	return c.Disk.Device
}

// certificateJSONPath lets people name the PDF or the signature they were
// handed: the signed JSON next to it is what gets verified (and the PDF is
// then checked against it).
func certificateJSONPath(path string) string {
	switch {
	case strings.HasSuffix(path, ".json"+reports.SigSuffix):
		return strings.TrimSuffix(path, reports.SigSuffix)
	case strings.HasSuffix(path, ".pdf"):
		return strings.TrimSuffix(path, ".pdf") + ".json"
	}
	return path
}
