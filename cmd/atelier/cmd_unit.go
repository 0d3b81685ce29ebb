package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
)

// newUnitCmd browses and updates units in the ledger.
func newUnitCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "unit",
		Short:   "Browse and update units: list, show, note, move, destroy-disk",
		Example: "  atelier unit list --state ready\n  atelier unit show PCS-26-0042\n  atelier unit move PCS-26-0042 ready --reason \"QA ok\"",
	}
	cmd.AddCommand(newUnitListCmd(g), newUnitShowCmd(g), newUnitNoteCmd(g), newUnitMoveCmd(g), newUnitDestroyDiskCmd(g))
	cmd.AddCommand(newUnitCertificatesCmd(g), newUnitStickerCmd(g))
	cmd.AddCommand(newUnitUndoCmd(g))
	cmd.AddCommand(newUnitMergeCmd(g))
	return cmd
}

func newUnitListCmd(g *globals) *cobra.Command {
	var f inventory.ListFilter
	var csv bool
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List units, optionally filtered by state, site, batch or donor",
		Example: "  atelier unit list\n  atelier unit list --state ready --json\n  atelier unit list --site \"MDH Village 2\"\n  atelier unit list --batch 2026-11 --csv > lot.csv\n  atelier unit list --search latitude",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				if csv {
					return writeUnitsCSV(cmd.Context(), g, l, f)
				}
				if g.json {
					jw := termui.NewJSONWriter(g.stdout)
					if _, err := l.WriteUnitsJSON(cmd.Context(), f, jw); err != nil {
						return err
					}
					return jw.Close()
				}
				units, err := l.ListUnits(cmd.Context(), f)
				if err != nil {
					return err
				}
				return renderUnitList(g, units)
			})
		},
	}
	cmd.Flags().StringVar(&f.State, "state", "", "only units in this state (received, triaged, wiped, imaged, ready, reserved, handed_over, returned, parts, recycled)")
	cmd.Flags().StringVar(&f.Site, "site", "", "only units reserved for or handed over at this site")
	cmd.Flags().StringVar(&f.Batch, "batch", "", "only units of this DSI batch")
	cmd.Flags().StringVar(&f.Donor, "donor", "", "only units from this donor")
	cmd.Flags().BoolVar(&csv, "csv", false, "print CSV for a spreadsheet (UTF-8 with BOM, ';', formulas neutralised)")
	cmd.Flags().StringVar(&f.Search, "search", "", "only units whose model, vendor, donor, batch, site, serial, asset tag or DSI name contains this text (case and accents ignored)")
	return cmd
}

func renderUnitList(g *globals, units []inventory.Unit) error {
	if len(units) == 0 {
		fmt.Fprintln(g.stdout, g.T("list.none"))
		return nil
	}
	rows := make([][]string, 0, len(units))
	for _, u := range units {
		rows = append(rows, []string{u.ID, u.Serial, strings.TrimSpace(u.Vendor + " " + u.Model), g.T("state." + u.State), u.Site})
	}
	if err := termui.Table(g.stdout, []string{g.T("col.id"), g.T("col.serial"), g.T("col.machine"), g.T("col.state"), g.T("col.site")}, rows); err != nil {
		return err
	}
	fmt.Fprintln(g.stdout, g.T("list.count", len(units)))
	return nil
}

func newUnitShowCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "show UNIT",
		Short:   "Show a unit's facts, disks and timeline (by id, serial or asset tag)",
		Example: "  atelier unit show PCS-26-0042\n  atelier unit show CN0ABC123 --json",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withLedger(cmd.Context(), func(l *inventory.Ledger) error {
				d, err := l.Show(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				if g.json {
					return g.printJSON(shownUnitOf(d, g.lang()))
				}
				return renderUnitShow(g, d)
			})
		},
	}
}

func renderUnitShow(g *globals, d inventory.UnitDetail) error {
	w := g.stdout
	lang := g.lang()
	title := d.ID
	if machine := strings.TrimSpace(d.Vendor + " " + d.Model); machine != "" {
		title += " — " + machine
	}
	fmt.Fprintln(w, termui.Heading(w, title))
	pairs := [][2]string{
		{g.T("col.state"), g.T("fact.statesince", g.T("state."+d.State), lang.Date(d.StateSince))},
		{g.T("col.serial"), d.Serial},
	}
	for _, p := range [][2]string{{g.T("col.asset"), d.AssetTag}, {g.T("fact.dsiname"), d.Name}, {g.T("fact.type"), i18n.Word{Family: "probe.chassis", Value: d.Type}.In(lang)}, {g.T("col.site"), d.Site},
		{g.T("fact.donor"), d.Donor}, {g.T("fact.batch"), d.Batch}, {g.T("fact.grade"), d.Grade}} {
		if p[1] != "" {
			pairs = append(pairs, p)
		}
	}
	pairs = append(pairs, [2]string{g.T("fact.received"), lang.DateTime(d.ReceivedAt)})
	if d.MergedInto != "" {
		pairs = append(pairs, [2]string{g.T("fact.mergedinto"), d.MergedInto})
	}
	if err := g.keyValues(w, pairs); err != nil {
		return err
	}
	if len(d.Disks) > 0 {
		fmt.Fprintln(w, "\n"+termui.Heading(w, g.T("show.disks")))
		rows := [][]string{}
		for _, k := range d.Disks {
			meaning := "bad"
			switch k.Erasure {
			case inventory.ErasurePassed, inventory.ErasureDestroyed:
				meaning = "good"
			case inventory.ErasureUnverified:
				meaning = "warn"
			}
			rows = append(rows, []string{k.Serial, strings.TrimSpace(k.Vendor + " " + k.Model + " " + i18n.Word{Family: "medium", Value: k.Medium}.In(lang)),
				unitDiskSize(lang, k.SizeBytes), termui.Status(w, g.T("erasure."+k.Erasure), meaning)})
		}
		if err := termui.Table(w, []string{g.T("col.disk"), g.T("col.model"), g.T("col.size"), g.T("col.erasure")}, rows); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\n"+termui.Heading(w, g.T("show.timeline")))
	rows := [][]string{}
	for _, e := range d.Events {
		what := e.Text(lang)
		if e.Unfinished {
			what = termui.Status(w, what, "warn")
		}
		rows = append(rows, []string{g.lang().Stamp(e.At), what, e.Operator})
	}
	return termui.Table(w, []string{g.T("col.when"), g.T("col.what"), g.T("col.who")}, rows)
}

// shownUnit is `unit show --json`: the unit's detail with each event's
// summary in the reader's language.
type shownUnit struct {
	inventory.UnitDetail
	Events []shownEvent `json:"events"` // shadows UnitDetail.Events, same place in the output
}

type shownEvent struct {
	inventory.Event
	Summary    string `json:"summary"`
	Unfinished bool   `json:"unfinished,omitempty"`
}

func shownUnitOf(d inventory.UnitDetail, l i18n.Lang) shownUnit {
	j := shownUnit{UnitDetail: d, Events: make([]shownEvent, 0, len(d.Events))}
	for _, e := range d.Events {
		j.Events = append(j.Events, shownEvent{Event: e.Event, Summary: e.Text(l), Unfinished: e.Unfinished})
	}
	return j
}

func unitDiskSize(l i18n.Lang, n int64) string {
	if n <= 0 {
		return ""
	}
	return i18n.Size(n).In(l)
}

func newUnitNoteCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "note UNIT TEXT",
		Short: "Add a note to a unit's timeline",
		Long: `note adds free text to the unit's timeline. Events are kept forever, so a
note that looks like it holds an e-mail address, a phone number, a social
security number (NIR) or an IBAN is refused, and so is a control character.`,
		Example: "  atelier unit note PCS-26-0042 \"keyboard: missing Q key\"",
		Args:    minArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				e, err := l.Note(cmd.Context(), a, args[0], strings.Join(args[1:], " "))
				if err != nil {
					return err
				}
				return g.jsonOr(e, g.T("note.added", e.Unit))
			})
		},
	}
}

func newUnitMoveCmd(g *globals) *cobra.Command {
	var o inventory.MoveOptions
	cmd := &cobra.Command{
		Use:   "move UNIT STATE",
		Short: "Move a unit to another state, if the lifecycle allows it",
		Long: `move records a change of state. The lifecycle is:
  received -> triaged | recycled        triaged -> wiped | parts | recycled
  wiped -> imaged | parts | recycled    imaged -> ready | parts | recycled
  ready -> reserved | recycled          reserved -> handed_over | ready
  handed_over -> returned               returned -> triaged
  parts -> recycled
No unit is handed over, sent to parts or recycled while one of its disks
lacks a passed erasure certificate or a recorded destruction, nor while no
disk at all is recorded for it (probe it first, or say --no-disk if it came
without one).`,
		Example: "  atelier unit move PCS-26-0042 ready --reason \"QA ok\"\n  atelier unit move PCS-26-0042 reserved --site \"MDH Village 2\"\n  atelier unit move PCS-26-0043 parts --no-disk --reason \"came without its disk\"",
		Args:    exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			to, err := inventory.ParseState(args[1])
			if err != nil {
				return g.ledgerErr(err)
			}
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				before, err := l.FindUnit(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				u, err := l.Move(cmd.Context(), a, before.ID, to, o)
				if err != nil {
					return err
				}
				return g.jsonOr(u, g.T("moved", u.ID, g.T("state."+before.State), g.T("state."+u.State)))
			})
		},
	}
	cmd.Flags().StringVar(&o.Reason, "reason", "", "why (kept in the timeline)")
	cmd.Flags().StringVar(&o.Site, "site", "", "site the unit is reserved for (with reserved)")
	cmd.Flags().StringVar(&o.Beneficiary, "beneficiary", "", "opaque MDH reference (with handed_over; see atelier handover)")
	cmd.Flags().BoolVar(&o.NoDisk, "no-disk", false, "the unit came without any disk (parts, recycled, handed_over with no disk recorded)")
	return cmd
}

func newUnitDestroyDiskCmd(g *globals) *cobra.Command {
	var reason string
	var newDisk bool
	cmd := &cobra.Command{
		Use:     "destroy-disk UNIT DISK-SERIAL --reason TEXT",
		Short:   "Record the physical destruction of one of a unit's disks",
		Example: "  atelier unit destroy-disk PCS-26-0042 WD-WX41A123 --reason \"drilled, faulty disk\"\n  atelier unit destroy-disk PCS-26-0043 S3Z9NB0K --new --reason \"shredded, found loose in the case\"",
		Args:    exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				u, err := l.DestroyDisk(cmd.Context(), a, args[0], args[1], reason, newDisk)
				if err != nil {
					return err
				}
				return g.jsonOr(map[string]any{"id": u.ID, "disk": args[1], "erasure": inventory.ErasureDestroyed, "reason": reason},
					g.T("disk.destroyed", u.ID, args[1]))
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "how it was destroyed (required)")
	cmd.Flags().BoolVar(&newDisk, "new", false, "the disk was never recorded for the unit (not probed): record it now, destroyed")
	return cmd
}

func newUnitUndoCmd(g *globals) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "undo UNIT --reason TEXT",
		Short: "Undo a unit's last move, when nothing happened since",
		Long: `Reverses the unit's last move (a mistaken "ready", reservation or
handover), recorded as a correction: the move stays in the timeline, the
undo beside it with its reason. Refused when something other than a note
happened since (a wipe, a probe, a deploy, another move), when the move
came with a wipe, a deploy or a probe (a fact, not a move), for a return
(its disks must be erased again) and for an undo (make the move again).`,
		Example: "  atelier unit undo PCS-26-0042 --reason \"marked ready by mistake, the keyboard is not tested\"",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.recordAs(cmd.Context(), func(l *inventory.Ledger, a inventory.Actor) error {
				u, undone, err := l.Undo(cmd.Context(), a, args[0], reason)
				if err != nil {
					return err
				}
				return g.jsonOr(map[string]any{"unit": u, "undone": undone},
					g.T("undo.done", u.ID, g.T("state."+string(undone.From)), g.T("state."+string(undone.To))))
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why the move was a mistake (required, kept in the timeline)")
	return cmd
}
