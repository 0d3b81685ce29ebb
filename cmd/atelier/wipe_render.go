package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/workshop"
)

// planJSON is one disk of a dry run.
type planJSON struct {
	Disk            string  `json:"disk"`
	Serial          string  `json:"serial"`
	Model           string  `json:"model"`
	SizeBytes       int64   `json:"size_bytes"`
	Medium          string  `json:"medium"`
	Method          string  `json:"method"`
	Technique       string  `json:"technique"`
	Fallback        string  `json:"fallback,omitempty"`
	Verify          string  `json:"verify"`
	NIST            string  `json:"nist"`
	EstimateSeconds float64 `json:"estimate_seconds"`
	Why             string  `json:"why,omitempty"`
	HiddenSectors   int64   `json:"hidden_sectors"`
}

func renderPlans(g *globals, targets []*workshop.WipeTarget) error {
	if g.json {
		out := []planJSON{}
		for _, t := range targets {
			p := t.Plan
			var hidden int64
			if p.Facts.HPA != nil {
				hidden = p.Facts.HPA.HiddenSectors()
			}
			out = append(out, planJSON{Disk: t.Dev.Path, Serial: t.Dev.Serial, Model: t.Dev.Model, SizeBytes: t.Dev.SizeBytes,
				Medium: t.Dev.Medium, Method: p.Method, Technique: p.Technique, Fallback: p.Fallback, Verify: p.Verify,
				NIST: p.NIST, EstimateSeconds: p.Estimate.Seconds(), Why: p.Why, HiddenSectors: hidden})
		}
		return g.printJSON(out)
	}
	fmt.Fprintln(g.stdout, g.T("wipe.dryrun.head"))
	var rows [][]string
	for _, t := range targets {
		p := t.Plan
		tech := methodWord(g.lang(), p.Technique)
		if p.Fallback != "" {
			tech += " (" + g.T("wipe.dryrun.fallback", methodWord(g.lang(), p.Fallback)) + ")"
		}
		rows = append(rows, []string{t.Dev.Path, strings.TrimSpace(t.Dev.Model + " " + t.Dev.Serial),
			i18n.Size(t.Dev.SizeBytes).In(g.lang()), tech, verifyWord(g, p.Verify), nistWord(g, p.NIST), roundDuration(g.lang(), p.Estimate)})
	}
	if err := termui.TableKeeping(g.stdout, []string{g.T("disks.col.path"), g.T("wipe.col.disk"), g.T("disks.col.size"),
		g.T("wipe.col.technique"), g.T("wipe.col.verify"), "NIST", g.T("wipe.col.duration")}, rows, 0); err != nil {
		return err
	}
	for _, t := range targets {
		if t.Plan.Why != "" {
			fmt.Fprintln(g.stdout, g.T("wipe.dryrun.why", t.Dev.Path, whyText(g, t.Plan.Why)))
		}
		if h := t.Plan.Facts.HPA; h != nil && h.HiddenSectors() > 0 {
			fmt.Fprintln(g.stdout, g.T("wipe.dryrun.hidden", t.Dev.Path, h.HiddenSectors()))
		}
	}
	for _, t := range targets {
		if t.Plan.Verify == wipe.VerifyNone && !wipe.IsFirmware(t.Plan.Technique) {
			fmt.Fprintln(g.stdout, g.T("wipe.line", t.Dev.Path, g.T("wipe.dryrun.unverified")))
		}
	}
	fmt.Fprintln(g.stdout, g.T("wipe.dryrun.nothing"))
	return nil
}

// roundDuration is an estimate as a person reads it: "40 s", "12 min",
// "2 h 05 min" ("2 h 05" in French), never Go's "2h5m0s".
func roundDuration(l i18n.Lang, d time.Duration) string {
	switch {
	case d < time.Minute:
		return l.T("unit.duration.s", int(d.Round(time.Second)/time.Second))
	case d < time.Hour:
		return l.T("unit.duration.m", int(d.Round(time.Minute)/time.Minute))
	default:
		m := int(d.Round(time.Minute) / time.Minute)
		return l.T("unit.duration.hm", m/60, m%60)
	}
}

// methodWord is a wipe method (the plan's first choice or fallback) in the
// reader's words: "zéros" rather than zero.
func methodWord(l i18n.Lang, m string) string {
	return i18n.Word{Family: "wipe.method", Value: m}.In(l)
}

// techniqueWord is what was done to a disk, as its certificate names it:
// "réécriture par des zéros" rather than overwrite-zero.
func techniqueWord(l i18n.Lang, t string) string {
	return i18n.Word{Family: "cert.tech", Value: t}.In(l)
}

// resultJSON is one disk of atelier wipe --json.
type resultJSON struct {
	Disk         string         `json:"disk"`
	Serial       string         `json:"serial"`
	Status       string         `json:"status"`
	Technique    string         `json:"technique"`
	NIST         string         `json:"nist"`
	Bytes        int64          `json:"bytes"`
	Errors       []string       `json:"errors"`
	Certificate  *string        `json:"certificate"`
	Unit         string         `json:"unit,omitempty"`
	Recorded     bool           `json:"recorded"`
	Verification string         `json:"verification"`
	Verified     string         `json:"verification_result"`
	Seconds      float64        `json:"seconds"`
	Tried        []wipe.Attempt `json:"tried"`
	Notes        []string       `json:"notes,omitempty"`
}

// Exit codes of atelier wipe besides 0 (all passed) and 1 (refused, or a
// wipe failed): the run did what was asked but earns no certificate, or
// was stopped.
const (
	exitUnverified  = 3
	exitInterrupted = 130
)

// renderWipeResults prints the summary and turns anything but "all
// passed" into a non-zero exit: 130 when interrupted, 1 when failed or
// when a passed wipe's certificate could not be written, 3 when written
// but not verified.
func renderWipeResults(g *globals, targets []*workshop.WipeTarget) error {
	failed, interrupted, unverified, uncertified := 0, 0, 0, 0
	for _, t := range targets {
		switch t.Status() {
		case inventory.ErasureUncertified:
			uncertified++
		case wipe.StatusFailed:
			failed++
		case wipe.StatusInterrupted:
			interrupted++
		case wipe.StatusUnverified:
			unverified++
		}
	}
	if g.json {
		out := []resultJSON{}
		for _, t := range targets {
			var notes []string
			for _, n := range t.Notes {
				notes = append(notes, g.say(n))
			}
			r := resultJSON{Disk: t.Dev.Path, Serial: t.Dev.Serial, Status: t.Status(), Technique: t.Res.Technique,
				NIST: t.Res.NIST, Bytes: t.Res.Bytes, Errors: t.Res.ErrorStrings(), Verification: t.Res.Verification,
				Verified: t.Res.VerificationResult, Seconds: t.Res.End.Sub(t.Res.Start).Seconds(), Tried: t.Res.Tried, Notes: notes}
			if t.Cert != nil {
				r.Certificate = &t.Cert.JSONPath
			}
			if t.Unit != nil {
				r.Unit, r.Recorded = t.Unit.ID, true
			}
			out = append(out, r)
		}
		if err := g.printJSON(out); err != nil {
			return err
		}
	} else {
		var rows [][]string
		for _, t := range targets {
			word := map[string]string{wipe.StatusPassed: "good", wipe.StatusFailed: "bad", wipe.StatusInterrupted: "warn",
				wipe.StatusUnverified: "warn", inventory.ErasureUncertified: "bad"}[t.Status()]
			unit := "-"
			if t.Unit != nil {
				unit = t.Unit.ID
			}
			rows = append(rows, []string{t.Dev.Path, termui.Status(g.stdout, g.T("wipe.status."+t.Status()), word),
				techniqueWord(g.lang(), t.Res.Technique), nistWord(g, t.Res.NIST), fmt.Sprint(len(t.Res.Errors)), unit})
		}
		// Certificates' paths are too long for the table: they follow it.
		if err := termui.Table(g.stdout, []string{g.T("disks.col.path"), g.T("wipe.col.status"), g.T("wipe.col.technique"),
			"NIST", g.T("wipe.col.errors"), g.T("wipe.col.unit")}, rows); err != nil {
			return err
		}
		for _, t := range targets {
			for _, e := range t.Res.ErrorStrings() {
				fmt.Fprintln(g.stdout, "  "+g.T("wipe.line", t.Dev.Path, e))
			}
			for _, n := range t.Notes {
				fmt.Fprintln(g.stdout, "  "+g.T("wipe.line", t.Dev.Path, g.say(n)))
			}
			if t.Cert != nil {
				fmt.Fprintln(g.stdout, "  "+g.T("wipe.line", t.Dev.Path, g.T("wipe.certfiles", t.Cert.JSONPath, t.Cert.PDFPath)))
			}
		}
	}
	switch {
	case interrupted > 0:
		return fail(exitInterrupted, g.T("wipe.interrupted", interrupted, len(targets)))
	case failed > 0:
		return fail(1, g.T("wipe.failed", failed, len(targets)))
	case uncertified > 0:
		return fail(1, g.T("wipe.uncertified", uncertified, len(targets)))
	case unverified > 0:
		return fail(exitUnverified, g.T("wipe.unverified", unverified, len(targets)))
	}
	return nil
}

// verifyWord is a --verify value in the user's language.
func verifyWord(g *globals, v string) string {
	switch v {
	case wipe.VerifyFull, wipe.VerifySample, wipe.VerifyNone:
		return g.T("wipe.verify." + v)
	}
	return v
}

// nistWord is a NIST category; "none" is translated, Clear and Purge are
// the standard's own names.
func nistWord(g *globals, n string) string {
	if n == wipe.NISTNone {
		return g.T("wipe.nist.none")
	}
	return n
}

// whyText is the engine's reason for skipping a firmware erase in the
// user's language (the engine, the certificate and --json keep English).
func whyText(g *globals, why string) string {
	if _, ok := i18n.Lookup("wipe.why:" + why); ok {
		return g.T("wipe.why:" + why)
	}
	return why
}

// stepWord is the name of one step of deploy's report in the reader's
// words ("relecture" for read-back).
func stepWord(l i18n.Lang, name string) string {
	return i18n.Word{Family: "deploy.stepname", Value: name}.In(l)
}
