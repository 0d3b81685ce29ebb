package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
)

// newHandoverCmd records that a unit was given to a beneficiary, known only
// by the opaque reference the MDH issued.
func newHandoverCmd(g *globals) *cobra.Command {
	var site, ref, receipt string
	var noDisk bool
	cmd := &cobra.Command{
		Use:   "handover UNIT --site NAME --beneficiary REF",
		Short: "Record the handover of a unit to a beneficiary reference",
		Long: `handover records that the unit was given to a beneficiary at a site. The
beneficiary is named only by the opaque reference the MDH issued: 3 to 40
letters (A-Z), digits and dashes, at least one digit, no spaces (e.g.
MDH-VILLAGE2-2026-017). A name, an address, a phone number, an e-mail
address, a social security number or an IBAN is refused. A ready unit is
reserved for the site in the same step. --receipt also writes the donation
certificate to print and sign.`,
		Example: "  atelier handover PCS-26-0042 --site \"MDH Village 2\" --beneficiary MDH-VILLAGE2-2026-017\n" +
			"  atelier handover PCS-26-0042 --site \"MDH Village 2\" --beneficiary MDH-VILLAGE2-2026-017 --receipt attestation.pdf",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := g.actor()
			if err != nil {
				return err
			}
			if err := checkWritable(g, receipt); err != nil {
				return err
			}
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				u, err := l.HandoverWith(cmd.Context(), a, args[0], inventory.MoveOptions{Site: site, Beneficiary: ref, NoDisk: noDisk})
				if err != nil {
					return err
				}
				if err := handoverReceipt(cmd.Context(), g, l, u.ID, receipt); err != nil {
					return err
				}
				if g.json {
					// The unit as before, and the receipt written (when
					// asked) so a script knows where the PDF is.
					return g.printJSON(struct {
						inventory.Unit
						ReceiptFile string `json:"receipt_file,omitempty"`
					}{u, receipt})
				}
				fmt.Fprintln(g.stdout, g.T("handover.done", u.ID, u.Site, ref))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&site, "site", "", "site (MDH) where the unit is handed over")
	cmd.Flags().BoolVar(&noDisk, "no-disk", false, "the unit has no disk at all (none is recorded for it)")
	cmd.Flags().StringVar(&ref, "beneficiary", "", "opaque reference issued by the MDH, e.g. MDH-VILLAGE2-2026-017")
	cmd.Flags().StringVar(&receipt, "receipt", "", "also write the donation certificate (PDF) to this file")
	return cmd
}
