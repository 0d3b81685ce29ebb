package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

type reportImpactOptions struct {
	from, to, donor, site, factors, out string
}

func newReportImpactCmd(g *globals) *cobra.Command {
	var o reportImpactOptions
	cmd := &cobra.Command{
		Use:   "impact [--from DAY --to DAY] [--donor D] [--site S] [--out FILE.pdf]",
		Short: "Units reused, and the emissions and e-waste that avoids, every figure with its source",
		Long: `impact counts the units handed over to a beneficiary in the period (each
unit once, at its first handover), by type, and turns the counts into the
footprint of equivalent new devices and the emissions and e-waste avoided,
with the factors of a data file whose every number cites its source (ADEME
2022 by default; --factors FILE for the association's own, same format, see
reports/factors/README.md). The PDF states the method and its limits.`,
		Example: "  atelier report impact --from 2026-01-01 --to 2026-12-31 --out impact-2026.pdf\n  atelier report impact --donor \"DSI Échirolles\" --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReportImpact(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.from, "from", "", "first day counted (2026-01-01)")
	f.StringVar(&o.to, "to", "", "last day counted (2026-12-31)")
	f.StringVar(&o.donor, "donor", "", "only units from this donor")
	f.StringVar(&o.site, "site", "", "only units handed over at this site")
	f.StringVar(&o.factors, "factors", "", "factors file (default: ADEME 2022, embedded)")
	f.StringVar(&o.out, "out", "", "write the report as a PDF to this file")
	return cmd
}

func runReportImpact(ctx context.Context, g *globals, o reportImpactOptions) error {
	if o.out != "" {
		if err := checkDocOut(g, o.out, "impact.pdf"); err != nil {
			return err
		}
	}
	from, err := g.parseDay("--from", o.from)
	if err != nil {
		return err
	}
	to, err := g.parseDay("--to", o.to)
	if err != nil {
		return err
	}
	if err := g.checkPeriod(from, to, o.from, o.to); err != nil {
		return err
	}
	fac, err := loadFactors(o.factors)
	if fsread.IsRefusal(err) {
		return g.lang().Errorf("paper.read", o.factors, fsread.Text(err, g.lang()))
	}
	if err != nil {
		return g.reportErr(err)
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		ts, err := l.Timelines(ctx)
		if err != nil {
			return err
		}
		doc, err := g.docOptions(ctx, l)
		if err != nil {
			return err
		}
		filter := reports.ImpactFilter{From: from, To: to, Donor: o.donor, Site: o.site}
		if err := checkImpactNames(ctx, l, ts, filter); err != nil {
			return g.reportErr(err)
		}
		r := reports.BuildImpact(ts, fac, filter, doc)
		if o.out != "" {
			pdf, err := reports.RenderImpactPDF(r, doc)
			if err != nil {
				return err
			}
			if err := writeDocument(o.out, pdf); err != nil {
				return g.lang().Errorf("paper.write", o.out, err)
			}
		}
		if g.json {
			return g.printJSON(r)
		}
		term := reports.DocOptions{Lang: g.lang()}
		fmt.Fprintln(g.stdout, g.T("impact.summary", r.Reused, term.Num(r.Totals.FootprintKg, 0),
			term.Num(r.Totals.AvoidedLowKg, 0), term.Num(r.Totals.AvoidedHighKg, 0)))
		if o.out != "" {
			fmt.Fprintln(g.stdout, g.T("paper.written", o.out))
		}
		return nil
	})
}

// checkImpactNames refuses a --site or --donor that names nothing.
func checkImpactNames(ctx context.Context, l *inventory.Ledger, ts []inventory.Timeline, f reports.ImpactFilter) error {
	var names []string
	if f.Site != "" {
		sites, err := l.Sites(ctx)
		if err != nil {
			return err
		}
		for _, s := range sites {
			names = append(names, s.Name)
		}
	}
	return reports.CheckImpactFilter(ts, names, f)
}

// loadFactors reads --factors, or the embedded ADEME figures.
func loadFactors(path string) (reports.Factors, error) {
	if path == "" {
		return reports.LoadDefaultFactors()
	}
	b, err := fsread.ReadFile(path, reports.MaxFactorsBytes)
	if err != nil {
		return reports.Factors{}, err
	}
	return reports.ParseFactors(b)
}

type reportActivityOptions struct {
	from, to, out string
}

func newReportActivityCmd(g *globals) *cobra.Command {
	var o reportActivityOptions
	cmd := &cobra.Command{
		Use:     "activity [--from DAY --to DAY] [--out FILE.pdf]",
		Short:   "Units in and out per month, time spent in each state, yield, with charts",
		Example: "  atelier report activity --from 2026-01-01 --out activite-2026.pdf\n  atelier report activity --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReportActivity(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.from, "from", "", "first day counted (2026-01-01)")
	cmd.Flags().StringVar(&o.to, "to", "", "last day counted (2026-12-31)")
	cmd.Flags().StringVar(&o.out, "out", "", "write the report as a PDF to this file")
	return cmd
}

func runReportActivity(ctx context.Context, g *globals, o reportActivityOptions) error {
	if o.out != "" {
		if err := checkDocOut(g, o.out, "activity.pdf"); err != nil {
			return err
		}
	}
	from, err := g.parseDay("--from", o.from)
	if err != nil {
		return err
	}
	to, err := g.parseDay("--to", o.to)
	if err != nil {
		return err
	}
	if err := g.checkPeriod(from, to, o.from, o.to); err != nil {
		return err
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		ts, err := l.Timelines(ctx)
		if err != nil {
			return err
		}
		doc, err := g.docOptions(ctx, l)
		if err != nil {
			return err
		}
		r := reports.BuildActivity(ts, from, to, doc.Now, doc)
		if o.out != "" {
			pdf, err := reports.RenderActivityPDF(r, doc)
			if err != nil {
				return err
			}
			if err := writeDocument(o.out, pdf); err != nil {
				return g.lang().Errorf("paper.write", o.out, err)
			}
		}
		if g.json {
			return g.printJSON(r)
		}
		term := reports.DocOptions{Lang: g.lang()}
		fmt.Fprintln(g.stdout, g.T("activity.summary", r.Received, r.HandedOver, r.Recycled+r.Parts, term.Percent(r.Yield, 0)))
		if o.out != "" {
			fmt.Fprintln(g.stdout, g.T("paper.written", o.out))
		}
		return nil
	})
}
