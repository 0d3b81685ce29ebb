package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// newReportCmd: documents for the DSI, beneficiaries and coordinators.
func newReportCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Documents: batch proof pack, handover receipt, impact and activity reports",
		Example: "  atelier report batch 2026-11 --out preuves-2026-11\n  atelier report receipt PCS-26-0042 --out attestation.pdf\n" +
			"  atelier report impact --from 2026-01-01 --to 2026-12-31 --out impact-2026.pdf\n  atelier report activity --json",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newReportBatchCmd(g), newReportReceiptCmd(g), newReportImpactCmd(g), newReportActivityCmd(g))
	return cmd
}

type reportBatchOptions struct {
	batch, out string
}

func newReportBatchCmd(g *globals) *cobra.Command {
	var o reportBatchOptions
	cmd := &cobra.Command{
		Use:   "batch BATCH --out DIR",
		Short: "Write a DSI batch's proof pack: PDF, CSV, every certificate, signed manifest",
		Long: `batch writes into DIR (new or empty) the proof pack of a DSI batch: batch.pdf
(summary and one line per unit: asset tag, serial, model, each disk's erasure
and certificate, where the unit went — a site, never a person), the same as
batch.csv (for a French spreadsheet) and batch.json, every certificate of the
batch's disks (certificates/ID.json, .json.sig, .pdf), bench.pub, and
manifest.json listing every file with its SHA-256, signed by the bench key.
Units not finished yet are listed with their state. Check a pack with
atelier verify DIR/manifest.json.`,
		Example: "  atelier report batch 2026-11 --out preuves-2026-11\n  atelier report batch 2026-11 --out pack --lang en --json",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.batch = args[0]
			return runReportBatch(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "folder to write the pack into (new or empty; required)")
	cmd.MarkFlagRequired("out")
	return cmd
}

func runReportBatch(ctx context.Context, g *globals, o reportBatchOptions) error {
	if strings.TrimSpace(o.out) == "" { // "" would mean the current folder
		return fail(2, g.T("paper.out.emptydir"))
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		ds, err := l.Dossiers(ctx, inventory.DossierFilter{Batch: o.batch})
		if err != nil {
			return err
		}
		if len(ds) == 0 {
			return g.lang().Errorf("batch.empty", o.batch)
		}
		doc, err := g.docOptions(ctx, l)
		if err != nil {
			return err
		}
		key, err := reports.LoadBenchKey(l.Dir())
		if err != nil {
			return g.reportErr(err)
		}
		pub, err := readPackPub(g, l.Dir())
		if err != nil {
			return err
		}
		r := reports.BuildBatchReport(strings.TrimSpace(ds[0].Batch), ds, doc.Now)
		res, err := reports.WriteBatchPack(o.out, r, ds, reports.PackOptions{Doc: doc, Bench: l.BenchName(), BenchPub: pub,
			Certs: reports.CertSource{Dir: reports.CertificatesDir(l.Dir()), Key: key}})
		if err != nil {
			return g.reportErr(err)
		}
		if g.json {
			return g.printJSON(struct {
				Pack   reports.PackResult  `json:"pack"`
				Report reports.BatchReport `json:"report"`
			}{res, r})
		}
		fmt.Fprintln(g.stdout, g.T("batch.written", r.Batch, o.out, i18n.M("count.doc.units", r.Units), i18n.M("count.doc.certs", len(res.Certificates))))
		for _, id := range res.Unsigned {
			fmt.Fprintln(g.stderr, g.T("batch.unsigned", id))
		}
		return nil
	})
}

// readPackPub reads bench.pub for the pack (none when missing), bounded:
// a pipe there hung the command, deaf to Ctrl-C, and a link to /dev/zero
// filled the memory.
func readPackPub(g *globals, dir string) ([]byte, error) {
	path := filepath.Join(dir, reports.PubFile)
	pub, err := fsread.ReadFile(path, maxPubBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, g.lang().Errorf("paper.read", path, fsread.Text(err, g.lang()))
	}
	return pub, nil
}

// maxPubBytes bounds bench.pub: an ed25519 public key in PEM is about 110
// bytes.
const maxPubBytes = 64 << 10
