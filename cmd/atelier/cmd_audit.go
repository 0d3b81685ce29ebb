package main

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newAuditCmd: second-person verification of erasures (R2v3 practice).
func newAuditCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Second-person checks of erasures: draw a sample, record a result",
		Long: `audit organises the re-checking of erasures by someone who did not do them
(R2v3 practice: at least 5 % of the disks erased by software). audit sample
draws the disks to check; audit record records the result. A failed check
marks the disk as not erased and flags every erasure of the same bench since
its last passed check, to be checked again.`,
		Example: "  atelier audit sample\n  atelier audit record S3YJNB0K512345A --result passed",
		Args:    noArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newAuditSampleCmd(g), newAuditRecordCmd(g))
	return cmd
}

func newAuditSampleCmd(g *globals) *cobra.Command {
	var percent float64
	cmd := &cobra.Command{
		Use:   "sample [--percent 5]",
		Short: "Draw at random the erased disks to re-check",
		Long: `sample draws, among the disks whose erasure passed and was not checked yet,
enough to bring the checked share to --percent of all erased disks, plus
every disk flagged by a failed check. Disks the operator asking wiped are
left out: someone else must check them.`,
		Example: "  atelier audit sample\n  atelier audit sample --percent 10 --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAuditSample(cmd.Context(), g, percent)
		},
	}
	cmd.Flags().Float64Var(&percent, "percent", 5, "share of erased disks to have checked")
	return cmd
}

func runAuditSample(ctx context.Context, g *globals, percent float64) error {
	op, _ := g.operatorName()
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		s, err := l.AuditSample(ctx, percent, op, rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())))
		if err != nil {
			return err
		}
		if g.json {
			return g.printJSON(s)
		}
		fmt.Fprintln(g.stdout, g.T("audit.sample.head", i18n.M("count.disks.erased", s.Population),
			i18n.M("count.checked", s.Audited), i18n.Decimal{V: s.Percent, Prec: 1, Trim: true}, i18n.M("count.checks", s.Target)))
		rows := [][]string{}
		for _, c := range append(append([]inventory.AuditCandidate{}, s.Flagged...), s.Picked...) {
			why := g.T("audit.why.random")
			if len(rows) < len(s.Flagged) {
				why = g.T("audit.why.flagged")
			}
			rows = append(rows, []string{c.DiskSerial, c.UnitID, c.CertificateID, c.WipedBy, c.Bench, g.lang().Date(c.WipedAt), why})
		}
		if len(rows) == 0 {
			fmt.Fprintln(g.stdout, g.T("audit.sample.none"))
		} else if err := termui.Table(g.stdout, []string{g.T("col.disk"), g.T("col.id"), g.T("audit.col.cert"),
			g.T("audit.col.wipedby"), g.T("audit.col.bench"), g.T("col.when"), g.T("audit.col.why")}, rows); err != nil {
			return err
		}
		if s.ExcludedOwn > 0 {
			fmt.Fprintln(g.stdout, g.T("audit.sample.own", s.ExcludedOwn, op))
		}
		return nil
	})
}

type auditRecordOptions struct {
	disk, unit, result, note string
}

func newAuditRecordCmd(g *globals) *cobra.Command {
	var o auditRecordOptions
	cmd := &cobra.Command{
		Use:   "record DISK --result passed|failed [--unit UNIT] [--note TEXT]",
		Short: "Record a second person's check of a disk's erasure",
		Long: `record records that you re-checked the erasure of a disk (named by its
serial number or its certificate number). You may not check a disk you wiped.
A failed check marks the disk as not erased (wipe it again) and flags every
erasure of the same bench since its last passed check.`,
		Example: "  atelier audit record S3YJNB0K512345A --result passed\n" +
			"  atelier audit record 01KAQ7ZC0N6M5V4H0S3G3Y9T2B --result failed --note \"data found at 2 GiB\"",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.disk = args[0]
			return runAuditRecord(cmd.Context(), g, o)
		},
	}
	cmd.Flags().StringVar(&o.result, "result", "", "passed or failed (required)")
	cmd.Flags().StringVar(&o.unit, "unit", "", "the unit, when the disk's serial is on several")
	cmd.Flags().StringVar(&o.note, "note", "", "what was checked or found (kept forever: nothing personal)")
	cmd.MarkFlagRequired("result")
	return cmd
}

func runAuditRecord(ctx context.Context, g *globals, o auditRecordOptions) error {
	a, err := g.actor()
	if err != nil {
		return err
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		rec, err := l.RecordAudit(ctx, a, inventory.AuditTarget{Disk: o.disk, Unit: o.unit}, o.result, o.note)
		if err != nil {
			return err
		}
		if g.json {
			return g.printJSON(rec)
		}
		if rec.Result == inventory.AuditPassed {
			fmt.Fprintln(g.stdout, g.T("audit.recorded.passed", rec.DiskSerial, rec.UnitID))
			return nil
		}
		fmt.Fprintln(g.stdout, g.T("audit.recorded.failed", rec.DiskSerial, rec.UnitID, len(rec.Flagged), rec.WipeBench))
		for _, f := range rec.Flagged {
			fmt.Fprintln(g.stdout, "  "+f.UnitID+"  "+f.DiskSerial)
		}
		return nil
	})
}
