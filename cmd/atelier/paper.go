package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// Helpers the paper-trail commands share: the document options (language,
// association, clock), writing a document, reading dates.

// docLang is the language of documents: French unless --lang en, whatever
// the locale, since they go to the DSI, the MDH and beneficiaries.
func (g *globals) docLang() i18n.Lang {
	if g.langFlag != "" && i18n.Parse(g.langFlag) == i18n.EN {
		return i18n.EN
	}
	return i18n.FR
}

// docOptions gathers what every document needs from the ledger.
func (g *globals) docOptions(ctx context.Context, l *inventory.Ledger) (reports.DocOptions, error) {
	org, _, err := l.Org(ctx)
	if err != nil {
		return reports.DocOptions{}, err
	}
	return reports.DocOptions{Lang: g.docLang(), Org: org, Now: time.Now()}, nil
}

// writeDocument writes a finished document whole or not at all, creating
// its folder.
func writeDocument(path string, data []byte) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return reports.WriteFile(path, data)
}

// parseDay reads --from/--to: 2026-11-03 (or 03/11/2026), a day in the
// documents' time zone; "" is no bound.
func (g *globals) parseDay(flag, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	loc, err := time.LoadLocation(reports.DocTimeZone)
	if err != nil {
		loc = time.Local
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fail(2, g.T("paper.day", flag, s))
}

// checkPeriod refuses --to before --from: a typo that would print an
// official-looking report of nothing.
func (g *globals) checkPeriod(from, to time.Time, fromText, toText string) error {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return fail(2, g.T("paper.period", strings.TrimSpace(toText), strings.TrimSpace(fromText)))
	}
	return nil
}

// reportErr says a reports problem or a ledger error in the user's
// language; other errors pass unchanged.
func (g *globals) reportErr(err error) error {
	var p *reports.Problem
	if errors.As(err, &p) {
		return &i18n.Error{Key: p.Key, Text: p.In(g.lang())}
	}
	return g.ledgerErr(err)
}

// certDoc is what a certificate's PDF needs at the wipe: its language and
// the association's identity. An unreadable identity must not cost the
// certificate: the PDF then goes without it.
func certDoc(ctx context.Context, g *globals, l *inventory.Ledger) reports.DocOptions {
	org, _, _ := l.Org(ctx)
	return reports.DocOptions{Lang: certLang(g), Org: org}
}
