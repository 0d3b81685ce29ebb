package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
)

// newDisksCmd lists the block devices and whether atelier would write them.
func newDisksCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "disks",
		Short:   i18n.EN.T("disks.help.short"),
		Long:    i18n.EN.T("disks.help.long"),
		Example: "  atelier disks\n  atelier disks --json | jq '.[] | select(.protected == false) | .path'",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			disks, err := imaging.ListDisks(cmd.Context(), imaging.ListOptions{Lang: g.lang()})
			if err != nil {
				return err
			}
			if g.json {
				if disks == nil {
					disks = []imaging.BlockDevice{}
				}
				return g.printJSON(disks)
			}
			return renderDisks(g, disks)
		},
	}
	localHelp(g, cmd, "disks.help")
	return cmd
}

func renderDisks(g *globals, disks []imaging.BlockDevice) error {
	if len(disks) == 0 {
		_, err := g.stdout.Write([]byte(g.T("disks.none") + "\n"))
		return err
	}
	headers := []string{g.T("disks.col.path"), g.T("disks.col.model"), g.T("disks.col.serial"), g.T("disks.col.size"),
		g.T("disks.col.medium"), g.T("disks.col.protected")}
	var rows [][]string
	for _, d := range disks {
		prot := g.T("no")
		if d.Protected {
			// Every reason: the operator must know all that stands in the
			// way, not just the first.
			prot = g.T("disks.protected", termui.Status(g.stdout, g.T("yes"), "bad"), strings.Join(d.ProtectedReasons, "; "))
		}
		model := strings.TrimSpace(d.Vendor + " " + d.Model)
		medium := d.Medium
		if d.Transport != "" && d.Transport != d.Medium {
			medium += " (" + d.Transport + ")"
		}
		rows = append(rows, []string{d.Path, model, d.Serial, imaging.HumanBytesIn(g.lang(), d.SizeBytes), medium, prot})
	}
	// The serial is what the operator types back to confirm a wipe: it is
	// never split over two lines (nor the device and size); the model and
	// the reasons wrap instead.
	return termui.TableKeeping(g.stdout, headers, rows, 0, 2, 3)
}
