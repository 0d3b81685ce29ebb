package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

type reportReceiptOptions struct {
	unit, out string
}

func newReportReceiptCmd(g *globals) *cobra.Command {
	var o reportReceiptOptions
	cmd := &cobra.Command{
		Use:   "receipt UNIT --out FILE.pdf",
		Short: "Print the donation certificate of a unit handed over",
		Long: `receipt writes the "attestation de don" of a unit handed over: the
association, the site, the date, the computer (model, processor, memory,
storage, system installed), its erased disks and their certificates, the
beneficiary's opaque reference, the rule that a donated PC is not resold,
and two signature boxes. Nothing personal is stored; a name may be written
by hand on the paper.`,
		Example: "  atelier report receipt PCS-26-0042 --out attestation-PCS-26-0042.pdf",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.unit = args[0]
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				return runReportReceipt(cmd.Context(), g, l, o)
			})
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "PDF file to write (required)")
	cmd.MarkFlagRequired("out")
	return cmd
}

func runReportReceipt(ctx context.Context, g *globals, l *inventory.Ledger, o reportReceiptOptions) error {
	if err := checkDocOut(g, o.out, "receipt.pdf"); err != nil {
		return err
	}
	r, err := writeReceipt(ctx, g, l, o)
	if err != nil {
		return err
	}
	if g.json {
		return g.printJSON(struct {
			File    string          `json:"file"`
			Receipt reports.Receipt `json:"receipt"`
		}{o.out, r})
	}
	fmt.Fprintln(g.stdout, g.T("receipt.written", r.UnitID, o.out))
	return nil
}

// writeReceipt writes the receipt of a unit already handed over; the
// handover command calls it too (--receipt).
func writeReceipt(ctx context.Context, g *globals, l *inventory.Ledger, o reportReceiptOptions) (reports.Receipt, error) {
	ds, err := l.Dossiers(ctx, inventory.DossierFilter{Units: []string{o.unit}, Hardware: true, Deploy: true})
	if err != nil {
		return reports.Receipt{}, err
	}
	if d := ds[0]; d.State != string(inventory.HandedOver) {
		return reports.Receipt{}, g.lang().Errorf("receipt.nothanded", d.ID, g.T("state."+d.State))
	}
	doc, err := g.docOptions(ctx, l)
	if err != nil {
		return reports.Receipt{}, err
	}
	r, err := reports.BuildReceipt(ds[0], doc)
	if err != nil {
		return r, g.reportErr(err)
	}
	doc.Now = r.HandedAt
	pdf, err := reports.RenderReceiptPDF(r, doc)
	if err != nil {
		return r, err
	}
	if err := writeDocument(o.out, pdf); err != nil {
		return r, g.lang().Errorf("paper.write", o.out, err)
	}
	return r, nil
}

// handoverReceipt writes the receipt right after a handover (--receipt);
// the handover stands even if the file cannot be written, and the error
// says how to print it again.
func handoverReceipt(ctx context.Context, g *globals, l *inventory.Ledger, unit, out string) error {
	if out == "" {
		return nil
	}
	if _, err := writeReceipt(ctx, g, l, reportReceiptOptions{unit: unit, out: out}); err != nil {
		return g.lang().Errorf("receipt.after", unit, err, unit)
	}
	if !g.json {
		fmt.Fprintln(g.stdout, g.T("receipt.written", unit, out))
	}
	return nil
}

// checkWritable refuses, before anything is recorded, a document path
// whose folder cannot be written.
func checkWritable(g *globals, path string) error {
	if path == "" {
		return nil
	}
	if err := checkDocOut(g, path, "receipt.pdf"); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return g.lang().Errorf("paper.write", path, err)
	}
	f, err := os.CreateTemp(dir, ".atelier-check-*")
	if err != nil {
		return g.lang().Errorf("paper.write", path, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// checkDocOut refuses, before any work, an --out that names nothing or a
// folder (a volunteer's "--out usb/"): the document would otherwise be
// rendered, then fail on a rename error. example names a file to suggest.
func checkDocOut(g *globals, path, example string) error {
	if strings.TrimSpace(path) == "" {
		return fail(2, g.T("paper.out.empty"))
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fail(2, g.T("paper.out.dir", path, filepath.Join(path, example)))
	}
	// The document replaces the file by a rename: never a device node,
	// a pipe or a link (as root, --out /dev/full became a PDF).
	if err := fsread.CheckReplace(path); err != nil {
		return fail(2, fsread.Text(err, g.lang()))
	}
	return nil
}
