package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// The unit subcommands of the paper trail: a unit's certificates and its
// sticker token.

type unitCertificatesOptions struct {
	unit, out string
}

func newUnitCertificatesCmd(g *globals) *cobra.Command {
	var o unitCertificatesOptions
	cmd := &cobra.Command{
		Use:   "certificates UNIT [--out DIR]",
		Short: "List a unit's erasure certificates, or copy them into a folder",
		Long: `certificates lists every erasure certificate of the unit's disks (the
current one and older ones), with where its files are. With --out, it writes
each certificate's JSON, signature and PDF (with the association's identity)
into DIR, taking them from the ledger when the certificates folder lost them.`,
		Example: "  atelier unit certificates PCS-26-0042\n  atelier unit certificates PCS-26-0042 --out certificats-PCS-26-0042",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.unit = args[0]
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				return runUnitCertificates(cmd.Context(), g, l, o)
			})
		},
	}
	cmd.Flags().StringVar(&o.out, "out", "", "copy the certificates (JSON, signature, PDF) into this folder")
	return cmd
}

// unitCertificate is one line of `unit certificates`.
type unitCertificate struct {
	ID       string    `json:"id"`
	Disk     string    `json:"disk"`
	Status   string    `json:"status"`
	Current  bool      `json:"current"` // the disk's standing erasure
	Finished time.Time `json:"finished"`
	JSON     string    `json:"json"`
	Sig      string    `json:"sig,omitempty"`
	PDF      string    `json:"pdf,omitempty"`
}

func runUnitCertificates(ctx context.Context, g *globals, l *inventory.Ledger, o unitCertificatesOptions) error {
	ds, err := l.Dossiers(ctx, inventory.DossierFilter{Units: []string{o.unit}})
	if err != nil {
		return err
	}
	doc, err := g.docOptions(ctx, l)
	if err != nil {
		return err
	}
	src := reports.CertSource{Dir: reports.CertificatesDir(l.Dir())}
	if o.out != "" {
		if src.Key, err = reports.LoadBenchKey(l.Dir()); err != nil {
			return g.reportErr(err)
		}
	}
	list := []unitCertificate{}
	for _, k := range ds[0].Disks {
		for _, w := range k.History {
			if w.CertificateID == "" {
				continue
			}
			c := unitCertificate{ID: w.CertificateID, Disk: k.Serial, Status: w.Status, Finished: w.Finished,
				Current: k.Wipe != nil && k.Wipe.FinishEvent == w.FinishEvent,
				JSON:    filepath.Join(src.Dir, w.CertificateID+".json"), PDF: filepath.Join(src.Dir, w.CertificateID+".pdf")}
			if o.out != "" {
				ex, err := reports.ExportCertificate(w, src, o.out, doc)
				if err != nil {
					return g.reportErr(err)
				}
				c.JSON, c.Sig, c.PDF = ex.JSON, ex.Sig, ex.PDF
			}
			list = append(list, c)
		}
	}
	if g.json {
		return g.printJSON(list)
	}
	if len(list) == 0 {
		fmt.Fprintln(g.stdout, g.T("unitcert.none", ds[0].ID))
		return nil
	}
	rows := [][]string{}
	for _, c := range list {
		status := g.T("erasure." + c.Status)
		if !c.Current {
			status += " " + g.T("unitcert.old")
		}
		rows = append(rows, []string{c.ID, c.Disk, status, g.lang().DateTime(c.Finished)})
	}
	if err := termui.Table(g.stdout, []string{g.T("audit.col.cert"), g.T("col.disk"), g.T("col.erasure"), g.T("col.when")}, rows); err != nil {
		return err
	}
	fmt.Fprintln(g.stdout, g.T("unitcert.where", filepath.Dir(list[0].JSON)))
	return nil
}

type unitStickerOptions struct {
	unit, reason  string
	renew, revoke bool
}

func newUnitStickerCmd(g *globals) *cobra.Command {
	var o unitStickerOptions
	cmd := &cobra.Command{
		Use:   "sticker UNIT [--renew | --revoke] [--reason TEXT]",
		Short: "Show, issue, renew or revoke a unit's sticker token (its QR code's hub page)",
		Long: `sticker shows the unit's sticker token and the address its QR code opens,
issuing one if it has none. --renew revokes it and issues another (a lost or
damaged sticker: print a new label); --revoke makes it answer as unknown
without issuing another.`,
		Example: "  atelier unit sticker PCS-26-0042\n  atelier unit sticker PCS-26-0042 --renew --reason \"sticker torn\"",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.unit = args[0]
			return runUnitSticker(cmd.Context(), g, o)
		},
	}
	cmd.Flags().BoolVar(&o.renew, "renew", false, "revoke the token and issue a new one")
	cmd.Flags().BoolVar(&o.revoke, "revoke", false, "revoke the token")
	cmd.Flags().StringVar(&o.reason, "reason", "", "why (kept in the timeline)")
	cmd.MarkFlagsMutuallyExclusive("renew", "revoke")
	return cmd
}

func runUnitSticker(ctx context.Context, g *globals, o unitStickerOptions) error {
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		org, _, err := l.Org(ctx)
		if err != nil {
			return err
		}
		a, aerr := g.actor()
		var s inventory.Sticker
		switch {
		case o.revoke:
			if aerr != nil {
				return aerr
			}
			u, err := l.RevokeSticker(ctx, a, o.unit, o.reason)
			if err != nil {
				return err
			}
			if g.json {
				return g.printJSON(map[string]any{"unit_id": u.ID, "revoked": true})
			}
			fmt.Fprintln(g.stdout, g.T("sticker.revoked", u.ID))
			return nil
		case o.renew:
			if aerr != nil {
				return aerr
			}
			if s, err = l.RenewSticker(ctx, a, o.unit, o.reason); err != nil {
				return err
			}
		default:
			u, err := l.FindUnit(ctx, o.unit)
			if err != nil {
				return err
			}
			ss, err := l.EnsureStickers(ctx, a, []string{u.ID})
			if err != nil {
				return err
			}
			s = ss[0]
		}
		url := org.StickerURL(s.UnitID, s.Token)
		if org.HubURL == "" {
			url = s.Token // no hub yet: the token alone, labels show the id
		}
		if g.json {
			return g.printJSON(struct {
				inventory.Sticker
				URL string `json:"url"`
			}{s, url})
		}
		if s.New {
			fmt.Fprintln(g.stdout, g.T("sticker.issued", s.UnitID, url))
		} else {
			fmt.Fprintln(g.stdout, g.T("sticker.show", s.UnitID, url, g.lang().Date(s.IssuedAt)))
		}
		if org.HubURL == "" {
			fmt.Fprintln(g.stdout, g.T("sticker.nohub"))
		}
		return nil
	})
}

// writeUnitsCSV is `unit list --csv`: the same units, for a spreadsheet,
// column names in the user's language.
func writeUnitsCSV(ctx context.Context, g *globals, l *inventory.Ledger, f inventory.ListFilter) error {
	units, err := l.ListUnits(ctx, f)
	if err != nil {
		return err
	}
	return reports.WriteUnitsCSV(g.stdout, units, reports.DocOptions{Lang: g.lang()})
}
