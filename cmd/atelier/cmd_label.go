package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

type labelOptions struct {
	units       []string
	batch       string
	format, out string
	skip        int
}

// newLabelCmd prints QR stickers for units.
func newLabelCmd(g *globals) *cobra.Command {
	var o labelOptions
	cmd := &cobra.Command{
		Use:   "label UNIT... [--batch B] --format avery-l7163|brother-62 --out FILE.pdf",
		Short: "Print QR stickers: the unit id in large type, model, grade",
		Long: `label lays out one sticker per unit: a QR code, the id in large type, the
model and the grade. The QR code opens the hub's page for the unit
(HUB/s/TOKEN) when the association has a hub address (atelier org set
--hub-url), and holds the unit id otherwise. The token, opaque and
unguessable, is issued (a ledger event) the first time a unit's label is
printed; reprinting reuses it (atelier unit sticker renews or revokes it).
avery-l7163 is the A4 sheet of 14 labels of 99.1 × 38.1 mm (--skip N starts
after N labels already used on the sheet); brother-62 is 62 mm tape, one
label per page.`,
		Example: "  atelier label PCS-26-0042 PCS-26-0043 --format avery-l7163 --out etiquettes.pdf\n" +
			"  atelier label --batch 2026-11 --format brother-62 --out lot-2026-11.pdf",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.units = args
			return runLabel(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.batch, "batch", "", "every unit of this DSI batch")
	f.StringVar(&o.format, "format", reports.LabelAveryL7163, "avery-l7163 (A4 sheet of 14) or brother-62 (62 mm tape)")
	f.StringVar(&o.out, "out", "", "PDF file to write (required)")
	f.IntVar(&o.skip, "skip", 0, "labels already used on the first Avery sheet")
	cmd.MarkFlagRequired("out")
	return cmd
}

func runLabel(ctx context.Context, g *globals, o labelOptions) error {
	if len(o.units) == 0 && o.batch == "" {
		return fail(2, g.T("label.none"))
	}
	if err := checkDocOut(g, o.out, "labels.pdf"); err != nil {
		return err
	}
	if !validLabelFormat(o.format) {
		return fail(2, g.T("label.format", o.format, strings.Join(reports.LabelFormats, ", ")))
	}
	if o.skip < 0 || o.skip >= 14 || (o.skip > 0 && o.format != reports.LabelAveryL7163) {
		return fail(2, g.T("label.skip", o.skip))
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		units, err := labelUnits(ctx, g, l, o)
		if err != nil {
			return err
		}
		doc, err := g.docOptions(ctx, l)
		if err != nil {
			return err
		}
		labels, err := buildLabels(ctx, g, l, doc.Org, units)
		if err != nil {
			return err
		}
		pdf, err := reports.RenderLabelsAt(labels, o.format, o.skip, doc)
		if err != nil {
			return g.reportErr(err)
		}
		if err := writeDocument(o.out, pdf); err != nil {
			return g.lang().Errorf("paper.write", o.out, err)
		}
		if g.json {
			return g.printJSON(labels)
		}
		fmt.Fprintln(g.stdout, g.T("label.written", len(labels), o.out))
		if doc.Org.HubURL == "" {
			fmt.Fprintln(g.stdout, g.T("sticker.nohub"))
		}
		return nil
	})
}

func validLabelFormat(f string) bool {
	for _, v := range reports.LabelFormats {
		if f == v {
			return true
		}
	}
	return false
}

// labelUnits are the units named, then the batch's, each once.
func labelUnits(ctx context.Context, g *globals, l *inventory.Ledger, o labelOptions) ([]inventory.Unit, error) {
	var out []inventory.Unit
	seen := map[string]bool{}
	for _, ref := range o.units {
		u, err := l.FindUnit(ctx, ref)
		if err != nil {
			return nil, err
		}
		if !seen[u.ID] {
			seen[u.ID] = true
			out = append(out, u)
		}
	}
	if o.batch != "" {
		us, err := l.ListUnits(ctx, inventory.ListFilter{Batch: o.batch})
		if err != nil {
			return nil, err
		}
		if len(us) == 0 {
			return nil, g.lang().Errorf("batch.empty", o.batch)
		}
		for _, u := range us {
			if !seen[u.ID] {
				seen[u.ID] = true
				out = append(out, u)
			}
		}
	}
	return out, nil
}

// buildLabels gives each unit its QR content: with a hub, its sticker
// token (issued now when it has none, which needs an operator).
func buildLabels(ctx context.Context, g *globals, l *inventory.Ledger, org inventory.Org, units []inventory.Unit) ([]reports.Label, error) {
	tokens := make([]string, len(units))
	if org.HubURL != "" {
		ids := make([]string, len(units))
		for i, u := range units {
			ids[i] = u.ID
		}
		a, _ := g.actor()
		stickers, err := l.EnsureStickers(ctx, a, ids)
		if err != nil {
			return nil, err
		}
		for i, s := range stickers {
			tokens[i] = s.Token
		}
	}
	labels := make([]reports.Label, len(units))
	for i, u := range units {
		labels[i] = reports.Label{UnitID: u.ID, QR: org.StickerURL(u.ID, tokens[i]),
			Model: strings.TrimSpace(u.Vendor + " " + u.Model), Vendor: u.Vendor, Grade: u.Grade}
	}
	return labels, nil
}
