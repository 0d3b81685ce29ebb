package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// intakeShown is how many rows an import prints as a table; a DSI batch of
// thousands is summed up, and --json or `unit list --batch` gives them all.
const intakeShown = 30

func newIntakeCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "intake",
		Short: "Register donated computers: a DSI batch (GLPI or OCS CSV export) or a walk-in",
		Example: "  atelier intake import parc-rebut.csv --donor \"DSI Échirolles\"\n" +
			"  atelier intake add --serial 5CG7281XYZ --vendor Dell --model \"Latitude E6410\" --type laptop",
	}
	cmd.AddCommand(newIntakeImportCmd(g), newIntakeAddCmd(g), newIntakeCheckCmd(g))
	return cmd
}

func newIntakeImportCmd(g *globals) *cobra.Command {
	var o inventory.IntakeOptions
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Register a DSI batch from a GLPI 10/11 or OCS Inventory computer list (CSV)",
		Long: `Reads a computer list exported by GLPI (10 or 11, French or English headers)
or OCS Inventory (export.csv), or saved by a spreadsheet: UTF-8 with or without
BOM, or Windows-1252; ';', ',' or tab; quoted fields; CRLF or LF. Columns are
found by their header (serial number, inventory number or name, manufacturer,
model, type). FILE "-" reads standard input.

The batch is all or nothing: if any row is bad (no serial, a serial twice, a
broken quote, unreadable bytes...), every bad row is listed by line and
nothing is written. Computers whose serial is already in the ledger are
listed and skipped, never registered twice.

--dry-run writes nothing; where there is no ledger yet (a DSI checking its
export before sending it) it checks the file on its own.`,
		Example: "  atelier intake import parc-rebut.csv --donor \"DSI Échirolles\" --batch DSI-2026-11\n" +
			"  atelier intake import export.csv --donor \"DSI Échirolles\" --dry-run\n" +
			"  atelier intake import export.csv --donor \"DSI Échirolles\" --json",
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var a inventory.Actor
			if !o.DryRun { // a dry run writes nothing, so needs nobody to sign it
				var err error
				if a, err = g.actor(); err != nil {
					return err
				}
			}
			r, name, closeFile, err := g.intakeOpen(args[0])
			if err != nil {
				return err
			}
			defer closeFile()
			// The shared opening path: the same refusals, bench keys and
			// test hooks (the shifted clock) as every other command.
			l, err := g.openLedgerRaw(cmd.Context())
			// A DSI checking its export before sending it has no ledger: a
			// dry run then checks the file on its own.
			noLedger := o.DryRun && (errors.Is(err, inventory.ErrNoLedger) || errors.Is(err, inventory.ErrFolderMissing))
			switch {
			case err == nil:
				defer l.Close()
			case !noLedger:
				return g.ledgerErr(err)
			}
			rep, err := inventory.ImportComputerList(cmd.Context(), l, a, r, name, o)
			if err != nil {
				return g.intakeFailure(g.ledgerErr(err))
			}
			if g.json {
				return writeIntakeJSON(g.stdout, rep)
			}
			if noLedger {
				fmt.Fprintln(g.stdout, g.T("intake.import.no_ledger"))
			}
			return g.renderIntake(rep)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Donor, "donor", "", "who gave the computers (required), e.g. \"DSI Échirolles\"")
	f.StringVar(&o.Batch, "batch", "", "batch reference (default: the file name and today's date)")
	f.BoolVar(&o.DryRun, "dry-run", false, "check the file and show what would be imported; write nothing")
	_ = cmd.MarkFlagRequired("donor")
	return cmd
}

// intakeOpen reads FILE, or standard input for "-", whole and bounded: an
// ordinary file (a pipe or a device is refused, never waited on) of at most
// inventory.MaxIntakeBytes.
func (g *globals) intakeOpen(path string) (io.Reader, string, func(), error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "stdin"
		data, err = fsread.ReadAll(g.stdin, name, inventory.MaxIntakeBytes)
	} else {
		data, err = fsread.ReadFile(path, inventory.MaxIntakeBytes)
	}
	if err != nil {
		if fsread.IsRefusal(err) {
			return nil, "", nil, fail(1, fsread.Text(err, g.lang()))
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, "", nil, fail(1, g.T("intake.file.open", path, err))
	}
	return bytes.NewReader(data), name, func() {}, nil
}

// intakeFailure prints every bad row of a refused file (stderr, or JSON on
// stdout) and exits with the one-line summary.
func (g *globals) intakeFailure(err error) error {
	var ie *inventory.IntakeError
	if !errors.As(err, &ie) {
		return err
	}
	l := g.lang()
	if g.json {
		type badRow struct {
			Line   int    `json:"line"`
			Reason string `json:"reason"`
		}
		out := struct {
			Error    string   `json:"error"`
			File     string   `json:"file"`
			BadRows  []badRow `json:"bad_rows"`
			BadTotal int      `json:"bad_total"`
		}{Error: ie.Summary(l), File: ie.File, BadRows: []badRow{}, BadTotal: ie.Total}
		for i := range ie.Rows {
			out.BadRows = append(out.BadRows, badRow{Line: ie.Rows[i].Line, Reason: ie.Rows[i].Text(l)})
		}
		if err := g.printJSON(out); err != nil {
			return err
		}
	} else {
		for _, line := range ie.RowLines(l) {
			fmt.Fprintln(g.stderr, termui.Escape(line))
		}
	}
	return fail(1, ie.Summary(l))
}

func (g *globals) renderIntake(rep inventory.IntakeReport) error {
	w := g.stdout
	if rep.DryRun {
		fmt.Fprintln(w, g.T("intake.import.dry", len(rep.WouldImport), rep.Batch, rep.Donor, rep.File, len(rep.Skipped)))
		var rows [][]string
		for _, u := range rep.WouldImport[:min(len(rep.WouldImport), intakeShown)] {
			rows = append(rows, []string{fmt.Sprint(u.SourceLine), u.Serial, u.AssetTag, intakeMachine(u.Vendor, u.Model), i18n.Word{Family: "probe.chassis", Value: u.Type}.In(g.lang())})
		}
		if len(rows) > 0 {
			if err := termui.Table(w, []string{g.T("intake.col.line"), g.T("intake.col.serial"), g.T("intake.col.tag"),
				g.T("intake.col.machine"), g.T("intake.col.type")}, rows); err != nil {
				return err
			}
		}
		if more := len(rep.WouldImport) - intakeShown; more > 0 {
			fmt.Fprintln(w, g.T("intake.import.more_dry", more))
		}
	} else {
		fmt.Fprintln(w, g.T("intake.import.done", len(rep.Imported), rep.Batch, rep.Donor, rep.File, len(rep.Skipped)))
		var rows [][]string
		for _, u := range rep.Imported[:min(len(rep.Imported), intakeShown)] {
			rows = append(rows, []string{u.ID, u.Serial, u.AssetTag, intakeMachine(u.Vendor, u.Model), i18n.Word{Family: "probe.chassis", Value: u.Type}.In(g.lang())})
		}
		if len(rows) > 0 {
			if err := termui.Table(w, []string{g.T("intake.col.id"), g.T("intake.col.serial"), g.T("intake.col.tag"),
				g.T("intake.col.machine"), g.T("intake.col.type")}, rows); err != nil {
				return err
			}
		}
		if more := len(rep.Imported) - intakeShown; more > 0 {
			fmt.Fprintln(w, g.T("intake.import.more", more, rep.Batch))
		}
	}
	lang := g.lang()
	for i, wn := range rep.Warnings {
		if i == intakeShown {
			fmt.Fprintln(g.stderr, g.T("intake.import.more_dry", len(rep.Warnings)-intakeShown))
			break
		}
		fmt.Fprintln(g.stderr, termui.Escape(wn.Text(lang)))
	}
	if len(rep.Skipped) == 0 {
		return nil
	}
	fmt.Fprintln(w, g.T("intake.import.skipped"))
	var rows [][]string
	for _, s := range rep.Skipped[:min(len(rep.Skipped), intakeShown)] {
		rows = append(rows, []string{fmt.Sprint(s.Line), s.Serial, s.ExistingID})
	}
	if err := termui.Table(w, []string{g.T("intake.col.line"), g.T("intake.col.serial"), g.T("intake.col.existing")}, rows); err != nil {
		return err
	}
	if more := len(rep.Skipped) - intakeShown; more > 0 {
		fmt.Fprintln(w, g.T("intake.import.more_dry", more))
	}
	return nil
}

// intakeMachine is "Dell Inc. Latitude E6410", without repeating a vendor
// the model already names ("HP" + "HP EliteDesk 800", "Hewlett-Packard" +
// "HP Compaq 8200").
func intakeMachine(vendor, model string) string {
	if vendor == "" || model == "" {
		return strings.TrimSpace(vendor + " " + model)
	}
	m := strings.ToLower(model)
	for _, short := range []string{strings.ToLower(strings.Fields(vendor)[0]), intakeVendorShort[strings.ToLower(vendor)]} {
		if short != "" && strings.HasPrefix(m, short+" ") {
			return model
		}
	}
	return vendor + " " + model
}

// intakeVendorShort are the names models carry for vendors whose inventory
// name is longer.
var intakeVendorShort = map[string]string{"hewlett-packard": "hp", "hewlett packard": "hp", "hp inc.": "hp"}

func newIntakeAddCmd(g *globals) *cobra.Command {
	var u inventory.NewUnit
	cmd := &cobra.Command{
		Use:   "add",
		Short: "Register one walk-in donation",
		Long: `Registers one computer given by hand (not in a DSI export). The serial is the
one on the label or in the BIOS; --type is laptop, desktop, all-in-one, mini,
tablet, server or other (French words such as portable or tour work too).
Prints the new unit's id, to write on the machine.`,
		Example: "  atelier intake add --serial 5CG7281XYZ --vendor Dell --model \"Latitude E6410\" --type laptop\n" +
			"  atelier intake add --serial CZC4150KQ2 --vendor HP --model \"EliteDesk 800 G1\" --donor \"Mme Martin\" --json",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := g.actor()
			if err != nil {
				return err
			}
			var unit inventory.Unit
			err = g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				var err error
				unit, err = inventory.AddWalkIn(cmd.Context(), l, a, u)
				return err
			})
			if err != nil {
				return err
			}
			if g.json {
				return g.printJSON(unit)
			}
			if m := intakeMachine(unit.Vendor, unit.Model); m != "" {
				_, err = fmt.Fprintln(g.stdout, g.T("intake.add.done", unit.ID, m, unit.Serial))
			} else {
				_, err = fmt.Fprintln(g.stdout, g.T("intake.add.done_nomodel", unit.ID, unit.Serial))
			}
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&u.Serial, "serial", "", "serial number (required)")
	f.StringVar(&u.Vendor, "vendor", "", "manufacturer, e.g. Dell")
	f.StringVar(&u.Model, "model", "", "model, e.g. \"Latitude E6410\"")
	f.StringVar(&u.Type, "type", "", "laptop, desktop, all-in-one, mini, tablet, server or other")
	f.StringVar(&u.AssetTag, "asset-tag", "", "the donor's inventory number, if the machine has one")
	f.StringVar(&u.Donor, "donor", "", "who gave it")
	return cmd
}

// writeIntakeJSON writes rep exactly as printJSON would, but renders the
// imported units itself: indenting 10,000 units through encoding/json took
// a sixth of an import's time.
func writeIntakeJSON(w io.Writer, rep inventory.IntakeReport) error {
	units := rep.Imported
	rep.Imported = []inventory.Unit{}
	var head bytes.Buffer
	if err := termui.WriteJSON(&head, rep); err != nil {
		return err
	}
	const empty = "\n  \"imported\": [],\n"
	i := bytes.Index(head.Bytes(), []byte(empty))
	if len(units) == 0 || i < 0 {
		rep.Imported = units
		return termui.WriteJSON(w, rep)
	}
	out := make([]byte, 0, head.Len()+len(units)*400)
	out = append(out, head.Bytes()[:i]...)
	out = append(out, "\n  \"imported\": ["...)
	for n, u := range units {
		if n > 0 {
			out = append(out, ',')
		}
		out = append(out, "\n    {"...)
		for k, f := range [...]struct{ name, v string }{{"id", u.ID}, {"serial", u.Serial}, {"asset_tag", u.AssetTag},
			{"vendor", u.Vendor}, {"model", u.Model}, {"type", u.Type}, {"state", u.State}, {"site", u.Site},
			{"batch", u.Batch}, {"donor", u.Donor}, {"grade", u.Grade}} {
			if k > 0 {
				out = append(out, ',')
			}
			out = append(out, "\n      \""...)
			out = append(out, f.name...)
			out = append(out, "\": "...)
			out = appendJSONString(out, f.v)
		}
		for _, f := range [...]struct {
			name string
			v    interface{ MarshalJSON() ([]byte, error) }
		}{{"received_at", u.ReceivedAt}, {"state_since", u.StateSince}} {
			b, err := f.v.MarshalJSON()
			if err != nil {
				return fmt.Errorf("json: %w", err)
			}
			out = append(out, ",\n      \""...)
			out = append(out, f.name...)
			out = append(out, "\": "...)
			out = append(out, b...)
		}
		out = append(out, "\n    }"...)
	}
	out = append(out, "\n  ],\n"...)
	out = append(out, head.Bytes()[i+len(empty):]...)
	_, err := w.Write(termui.EscapeJSON(out))
	return err
}

// appendJSONString quotes s as encoding/json does without HTML escaping;
// anything but plain printable ASCII is left to encoding/json itself.
func appendJSONString(out []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(s); err != nil {
				break
			}
			return append(out, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
		}
	}
	out = append(out, '"')
	out = append(out, s...)
	return append(out, '"')
}
