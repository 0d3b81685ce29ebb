package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/vocab"
)

// wipeFlags are the options of atelier wipe.
type wipeFlags struct {
	method      vocab.Method       // parsed and checked by the flag itself
	verify      vocab.Verification // "" lets the engine choose
	unit, out   string
	reissue     string // write the certificate(s) the ledger holds for this reference
	yes, dryRun bool
	moveDisk    bool // file a disk of a handed-over unit under --unit
}

// newWipeCmd erases disks with a certificate per disk.
func newWipeCmd(g *globals) *cobra.Command {
	var f wipeFlags
	cmd := &cobra.Command{
		Use:   "wipe DISK... | wipe --reissue UNIT|DISK|CERT-ID",
		Short: i18n.EN.T("wipe.help.short"),
		Long:  i18n.EN.T("wipe.help.long"),
		Example: "  atelier wipe --dry-run /dev/sdb\n" +
			"  atelier wipe /dev/sdb /dev/sdc\n" +
			"  atelier wipe --method zero --verify full --unit PCS-26-0042 --yes /dev/sdb\n" +
			"  atelier wipe --json --yes /dev/nvme0n1\n" +
			"  atelier wipe --reissue PCS-26-0042",
		Args: func(cmd *cobra.Command, args []string) error {
			if f.reissue != "" {
				return noArgs(cmd, args)
			}
			return minArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.reissue != "" {
				return runReissue(cmd.Context(), g, f)
			}
			return runWipe(cmd.Context(), g, f, args)
		},
	}
	fl := cmd.Flags()
	f.method = vocab.MethodAuto
	fl.Var(&f.method, "method", fmt.Sprintf("technique: %s", vocab.MethodList("|")))
	fl.Var(&f.verify, "verify", i18n.EN.T("wipe.help.flag.verify"))
	fl.StringVar(&f.unit, "unit", "", i18n.EN.T("wipe.help.flag.unit"))
	fl.StringVar(&f.out, "out", "", i18n.EN.T("wipe.help.flag.out"))
	fl.BoolVar(&f.yes, "yes", false, i18n.EN.T("wipe.help.flag.yes"))
	fl.BoolVar(&f.dryRun, "dry-run", false, i18n.EN.T("wipe.help.flag.dry-run"))
	fl.StringVar(&f.reissue, "reissue", "", i18n.EN.T("wipe.help.flag.reissue"))
	fl.BoolVar(&f.moveDisk, "move-disk", false, i18n.EN.T("wipe.help.flag.move-disk"))
	localHelp(g, cmd, "wipe.help")
	return cmd
}
