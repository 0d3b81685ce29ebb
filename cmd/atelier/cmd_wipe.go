package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/vocab"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/workshop"
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

// runWipe hands the disks to a workshop.WipeSession with this machine's
// guard, tools, disks, terminal and ledger, then renders what it did.
func runWipe(ctx context.Context, g *globals, f wipeFlags, args []string) error {
	s := &workshop.WipeSession{Guard: guard{g}, Runner: wipe.ExecRunner{}, Disks: localDisks{},
		Prompt: prompt{g: g, yes: f.yes}, Warn: g.warnNow, Method: string(f.method), Verify: string(f.verify),
		Unit: f.unit, MoveDisk: f.moveDisk, ToolVersion: version}
	targets, err := s.Plan(ctx, args)
	if err != nil {
		return g.sessionErr(err)
	}
	if f.dryRun {
		return renderPlans(g, targets)
	}
	if s.Actor, err = g.actor(); err != nil {
		return err
	}
	l, err := g.openLedger(ctx)
	if err != nil {
		return err
	}
	defer l.Close()
	s.Ledger = l
	if s.Certs, err = wipeCerts(ctx, g, l, f.out); err != nil {
		return err
	}
	ui := &wipeDisplay{g: g}
	s.Progress = ui
	err = s.Run(ctx, targets)
	ui.wait()
	if err != nil {
		return g.sessionErr(err)
	}
	return renderWipeResults(g, targets)
}

// wipeCerts finds the bench key and the certificates' folder, and checks
// now, not after hours of wiping, that certificates can be written there.
func wipeCerts(ctx context.Context, g *globals, l *inventory.Ledger, out string) (workshop.Certs, error) {
	key, err := reports.LoadBenchKey(l.Dir())
	if err != nil {
		return workshop.Certs{}, g.lang().Errorf("wipe.nokey", err)
	}
	if out == "" {
		out = reports.CertificatesDir(l.Dir())
	}
	if err := reports.CheckWritable(out); err != nil {
		return workshop.Certs{}, g.lang().Errorf("wipe.out.unwritable", out, err)
	}
	return workshop.Certs{Key: key, Dir: out, Doc: certDoc(ctx, g, l)}, nil
}

// certLang is the PDF's language. Certificates are handed to the DSI, so
// they are in French unless the operator asks for English with --lang en
// (DESIGN.md: documents are in French by default), whatever the locale.
func certLang(g *globals) i18n.Lang {
	if i18n.Parse(g.langFlag) == i18n.EN && g.langFlag != "" {
		return i18n.EN
	}
	return i18n.FR
}
