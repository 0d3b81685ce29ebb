package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newOrgCmd: the association's identity, printed on every document.
func newOrgCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "org",
		Short:   "The association's identity, printed on every document",
		Example: "  atelier org set --name \"PC Solidaire\" --address \"12 avenue des Résistants, 38130 Échirolles\"\n  atelier org show",
		Args:    noArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newOrgSetCmd(g), newOrgShowCmd(g))
	return cmd
}

// orgSetOptions are `org set`'s flags; set tells which were given (an
// empty --siret removes it, an absent one keeps it).
type orgSetOptions struct {
	name, address, siret, hubURL, logo string
	set                                func(flag string) bool
}

func newOrgSetCmd(g *globals) *cobra.Command {
	var o orgSetOptions
	cmd := &cobra.Command{
		Use:   "set --name NAME --address TEXT [--siret N] [--logo FILE.png] [--hub-url URL]",
		Short: "Record the association's name, address, SIRET, logo and hub address",
		Long: `set records the association's identity as a ledger event: every document
(certificates, proof packs, receipts, labels, reports) carries it. Options not
given keep their value; an empty value removes an optional one (--siret "").
The address may hold several lines ("\n" or a line break). With --hub-url,
labels' QR codes open the hub's page for the unit (HUB/s/TOKEN).`,
		Example: "  atelier org set --name \"PC Solidaire Échirolles\" --address \"12 avenue des Résistants\n38130 Échirolles\" --siret \"732 829 320 00074\"\n" +
			"  atelier org set --logo logo.png --hub-url https://hub.pcsolidaire.org",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.set = cmd.Flags().Changed
			return runOrgSet(cmd.Context(), g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.name, "name", "", "the association's name")
	f.StringVar(&o.address, "address", "", "its postal address (lines separated by \\n)")
	f.StringVar(&o.siret, "siret", "", "its SIRET number (14 digits)")
	f.StringVar(&o.logo, "logo", "", "a PNG logo (at most 512 KiB)")
	f.StringVar(&o.hubURL, "hub-url", "", "the hub's address, e.g. https://hub.example.org")
	return cmd
}

func runOrgSet(ctx context.Context, g *globals, o orgSetOptions) error {
	var ch inventory.OrgChange
	for _, f := range []struct {
		flag string
		val  string
		dst  **string
	}{{"name", o.name, &ch.Name}, {"address", strings.ReplaceAll(o.address, `\n`, "\n"), &ch.Address},
		{"siret", o.siret, &ch.SIRET}, {"hub-url", o.hubURL, &ch.HubURL}} {
		if o.set(f.flag) {
			v := f.val
			*f.dst = &v
		}
	}
	if o.set("logo") {
		logo, err := readLogo(o.logo)
		if err != nil {
			return g.lang().Errorf("org.logo.read", o.logo, fsread.Text(err, g.lang()))
		}
		ch.Logo = &logo
	}
	a, err := g.actor()
	if err != nil {
		return err
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error {
		org, changed, err := l.SetOrg(ctx, a, ch)
		if err != nil {
			return err
		}
		if g.json {
			return g.printJSON(org)
		}
		key := "org.set"
		if !changed {
			key = "org.unchanged"
		}
		fmt.Fprintln(g.stdout, g.T(key, org.Name))
		return nil
	})
}

// maxLogoFile bounds the logo file read: well above what the ledger
// accepts, so that its own check says how large the logo is and the limit.
const maxLogoFile = 4 << 20

// readLogo reads a logo file (an ordinary file, bounded).
func readLogo(path string) ([]byte, error) {
	if path == "" {
		return []byte{}, nil // --logo "": remove it
	}
	return fsread.ReadFile(path, maxLogoFile)
}

func newOrgShowCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "show",
		Short:   "Show the association's identity",
		Example: "  atelier org show\n  atelier org show --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				org, ok, err := l.Org(cmd.Context())
				if err != nil {
					return err
				}
				if g.json {
					if !ok {
						return g.printJSON(nil)
					}
					return g.printJSON(org)
				}
				if !ok {
					fmt.Fprintln(g.stdout, g.T("org.none"))
					return nil
				}
				return renderOrg(g, org)
			})
		},
	}
}

func renderOrg(g *globals, org inventory.Org) error {
	logo := ""
	if len(org.Logo) > 0 {
		logo = g.T("org.logo.yes", (len(org.Logo)+1023)>>10)
	}
	hub := org.HubURL
	if hub == "" {
		hub = g.T("sticker.nohub")
	}
	return termui.KeyValues(g.stdout, [][2]string{
		{g.T("org.field.name"), org.Name},
		{g.T("org.field.address"), strings.ReplaceAll(org.Address, "\n", ", ")},
		{g.T("org.field.siret"), org.SIRET},
		{g.T("org.field.hub"), hub},
		{g.T("org.field.logo"), logo},
		{g.T("org.field.updated"), g.lang().DateTime(org.UpdatedAt)},
	})
}
