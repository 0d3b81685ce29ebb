package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// globals are the flags every command shares, and the I/O streams, injected
// so tests can capture output.
type globals struct {
	ledgerFlag string
	json       bool
	operator   string
	langFlag   string

	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	// ledgerHook, nil in the shipped binary, lets the test binary adjust
	// each ledger it opens (the hub's end-to-end test shifts a bench's
	// clock: see clockshift_test.go).
	ledgerHook func(g *globals, l *inventory.Ledger) error
}

func newGlobals(stdin io.Reader, stdout, stderr io.Writer) *globals {
	return &globals{stdin: stdin, stdout: stdout, stderr: stderr}
}

func newRootCmd(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "atelier",
		Short: "Fleet tool for refurbishing donated PCs: ledger, probe, wipe, deploy",
		Long: `atelier records each donated PC's path (received, triaged, wiped, imaged,
ready, reserved, handed over) in a local ledger, tells whether a machine can
run Zorin OS, wipes its disks with signed certificates and deploys the image.`,
		Example:       "  atelier init\n  atelier intake import export-glpi.csv --donor \"DSI Échirolles\"\n  atelier status PCS-26-0042",
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if !i18n.Valid(g.langFlag) {
				return usageErr(cmd, "lang.invalid", g.langFlag)
			}
			return checkRequired(cmd)
		},
	}
	root.SetIn(g.stdin)
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	root.SetVersionTemplate("atelier {{.Version}}\n")
	localizeUsage(g, root)
	localizeHelp(g, root)

	f := root.PersistentFlags()
	f.StringVar(&g.ledgerFlag, "ledger", "", "ledger file or postgres://USER@HOST/DB URL (env ATELIER_LEDGER, default $XDG_DATA_HOME/atelier/ledger.db)")
	f.BoolVar(&g.json, "json", false, "print machine-readable JSON")
	f.StringVar(&g.operator, "operator", "", "who is doing the work, recorded with every event (env ATELIER_OPERATOR)")
	f.StringVar(&g.langFlag, "lang", "", "language of messages: fr or en (default from LANG)")

	root.AddCommand(
		newInitCmd(g),
		newIntakeCmd(g),
		newUnitCmd(g),
		newSiteCmd(g),
		newHandoverCmd(g),
		newStatusCmd(g),
		newLedgerCmd(g),
		newProbeCmd(g),
		newCheckCmd(g),
		newDisksCmd(g),
		newWipeCmd(g),
		newVerifyCmd(g),
		newImageCmd(g),
		newDeployCmd(g),
		newManCmd(g),
		newAccountCmd(g),
		newBenchCmd(g),
		newServeCmd(g),
		newSyncCmd(g),
	)
	root.AddCommand(newOrgCmd(g), newReportCmd(g), newLabelCmd(g), newAuditCmd(g))
	setupUsage(root)
	return root
}

// lang is the language of messages: --lang, else the locale.
func (g *globals) lang() i18n.Lang { return i18n.FromEnv(g.langFlag) }

// T translates a message key. Text arguments are escaped (termui.EscapeText):
// a message quoting a site name, a serial or a disk model must not carry
// that text's escape sequences to the terminal.
func (g *globals) T(key string, args ...any) string {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = termui.EscapeText(s)
		}
	}
	return g.lang().T(key, args...)
}

// ledgerPath resolves the ledger file: --ledger, ATELIER_LEDGER, then the
// XDG data folder.
func (g *globals) ledgerPath() (string, error) {
	if g.ledgerFlag != "" {
		return g.ledgerFlag, nil
	}
	if p := os.Getenv("ATELIER_LEDGER"); p != "" {
		return p, nil
	}
	return defaultLedgerPath()
}

func defaultLedgerPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("cannot find the default ledger: %w (use --ledger PATH)", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "atelier", "ledger.db"), nil
}

// operatorName is who does the work; commands that write call it and fail
// with a message saying how to set it when nobody is known.
func (g *globals) operatorName() (string, error) {
	if g.operator != "" {
		return g.operator, nil
	}
	if o := os.Getenv("ATELIER_OPERATOR"); o != "" {
		return o, nil
	}
	return "", g.lang().Errorf("operator.missing")
}

// printJSON writes v as indented JSON on stdout.
func (g *globals) printJSON(v any) error { return termui.WriteJSON(g.stdout, v) }

// interactive reports whether a person can answer a question on stdin.
func (g *globals) interactive() bool {
	return termui.IsTerminal(g.stdin) && termui.IsTerminal(g.stdout)
}

// fail returns an error that makes atelier exit with code after printing msg.
func fail(code int, msg string) error { return &exitError{code: code, msg: msg} }
