package main

import (
	"cmp"
	"slices"
	"strconv"
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
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			disks, err := imaging.ListDisks(cmd.Context(), g.guardOptions())
			if err != nil {
				return err
			}
			slices.SortStableFunc(disks, func(a, b imaging.BlockDevice) int { return naturalCompare(a.Name, b.Name) })
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
			prot = g.T("disks.protected", termui.Status(g.stdout, g.T("yes"), "bad"), strings.Join(d.ReasonTexts(g.lang()), "; "))
		}
		model := strings.TrimSpace(d.Vendor + " " + d.Model)
		medium := i18n.Word{Family: "medium", Value: d.Medium}.In(g.lang())
		if d.Transport != "" && d.Transport != d.Medium {
			medium += " (" + d.Transport + ")"
		}
		rows = append(rows, []string{d.Path, model, d.Serial, i18n.Size(d.SizeBytes).In(g.lang()), medium, prot})
	}
	// The serial is what the operator types back to confirm a wipe: it is
	// never split over two lines (nor the device and size); the model and
	// the reasons wrap instead.
	return termui.TableKeeping(g.stdout, headers, rows, 0, 2, 3)
}

// naturalCompare orders device names the way a person counts: loop2
// before loop10, nvme2n1 before nvme10n1, sda before sdb. Runs of digits
// compare as numbers, the rest as text.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		ra, rb := leadingRun(a), leadingRun(b)
		if c := compareRuns(ra, rb); c != 0 {
			return c
		}
		a, b = a[len(ra):], b[len(rb):]
	}
	return cmp.Compare(len(a), len(b))
}

// leadingRun is s's first run of digits, or of non-digits.
func leadingRun(s string) string {
	digit := isDigit(s[0])
	i := 1
	for i < len(s) && isDigit(s[i]) == digit {
		i++
	}
	return s[:i]
}

func compareRuns(a, b string) int {
	if isDigit(a[0]) && isDigit(b[0]) {
		na, errA := strconv.ParseUint(a, 10, 64)
		nb, errB := strconv.ParseUint(b, 10, 64)
		if errA == nil && errB == nil && na != nb {
			return cmp.Compare(na, nb)
		}
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
