// Package i18n holds atelier's French and English messages.
//
// Volunteers and community-centre staff read French; DSI technicians and
// contributors elsewhere may read English. Every message a user can see goes
// through a Lang so that one switch (LANG or --lang) changes all of them.
package i18n

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// Lang is a user-facing language: "fr" or "en".
type Lang string

const (
	FR Lang = "fr"
	EN Lang = "en"
)

// Message is one text in both languages. Both are fmt format strings taking
// the same arguments in the same order.
type Message struct {
	EN string
	FR string
	// Count, when set, makes the message counted (see plural.go): the
	// 1-based argument holding the number, with the singular forms.
	Count int
	ENOne string
	FROne string
}

// Catalog maps a stable key (e.g. "unit.unknown") to its texts.
type Catalog map[string]Message

// catalogs lists every area's messages; each area owns one file of this
// package so that areas can grow without touching each other.
var catalogs = []Catalog{
	commonMessages,
	ledgerMessages,
	intakeMessages,
	probeMessages,
	checkMessages,
	wipeMessages,
	wipeCommandMessages,
	helpMessages,
	wipeWhyMessages,
	certMessages,
	deployMessages,
	precheckMessages,
	guardMessages,
	privacyMessages,
	inputMessages,
	paperMessages,
	paperDocMessages,
	paperCmdMessages,
	undoMessages,
	postgresMessages,
	unitMessages,
	usageMessages,
	commandHelp,
	helpTemplateMessages,
	valueMessages,
	webMessages,
	hubMessages,
	hubHelp,
	countMessages,
	docUnitMessages,
	sessionMessages,
}

// Lookup returns the message for key, or false when no catalog has it.
func Lookup(key string) (Message, bool) {
	for _, c := range catalogs {
		if m, ok := c[key]; ok {
			return m, true
		}
	}
	return Message{}, false
}

// Parse reads a --lang value or a locale such as fr_FR.UTF-8.
// Anything that is not French is English.
func Parse(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "fr") {
		return FR
	}
	return EN
}

// FromEnv picks the language: an explicit flag wins, then the POSIX locale
// variables in their order of precedence.
func FromEnv(flag string) Lang {
	if flag != "" {
		return Parse(flag)
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return Parse(s)
		}
	}
	return EN
}

// Valid reports whether s is a language atelier speaks (for --lang checks).
func Valid(s string) bool {
	switch strings.ToLower(s) {
	case "", "fr", "en":
		return true
	}
	return false
}

// T formats the message key in this language. An unknown key is shown as
// itself, so a missing translation is visible instead of silent.
//
// Arguments that are Localized (a Msg, a Size, a Word...) are rendered in l.
func (l Lang) T(key string, args ...any) string {
	args = l.localize(args)
	m, ok := Lookup(key)
	if !ok {
		if len(args) == 0 {
			return key
		}
		return key + " " + fmt.Sprint(args...)
	}
	f := m.EN
	if l == FR && m.FR != "" {
		f = m.FR
	}
	if m.Count > 0 {
		return l.printer().Sprintf(key, args...)
	}
	if len(args) == 0 {
		return f
	}
	if l == FR {
		f, args = frenchFormat(f, args)
	}
	return fmt.Sprintf(f, args...)
}

// localize renders the Localized arguments in l, leaving args untouched.
func (l Lang) localize(args []any) []any {
	var out []any
	for i, a := range args {
		v, ok := a.(Localized)
		if !ok {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = v.In(l)
	}
	if out == nil {
		return args
	}
	return out
}

// Errorf returns an error whose text is the translated message.
func (l Lang) Errorf(key string, args ...any) error {
	return &Error{Key: key, Args: args, Text: l.T(key, args...), lang: l}
}

// Keyed is the error a domain package returns: its key and arguments,
// with the English text (what --json and logs get); the command says it
// in the reader's language with In.
func Keyed(key string, args ...any) error { return EN.Errorf(key, args...) }

// Error is a user-facing error: a catalogue key, its arguments, and its
// text in the language it was made in.
type Error struct {
	Key  string
	Args []any
	Text string
	lang Lang // the language of Text; "" when built by hand
}

func (e *Error) Error() string { return e.Text }

// In says the error in l (its arguments too, when Localized or keyed
// errors). An Error built by hand (already said by the command) keeps
// its text.
func (e *Error) In(l Lang) string {
	if e.lang == "" || e.lang == l {
		return e.Text
	}
	return l.T(e.Key, e.Args...)
}

var frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// Date writes a calendar date the way a person says it: "3 novembre 2026"
// or "3 November 2026".
func (l Lang) Date(t time.Time) string {
	t = t.Local()
	if l == FR {
		d := fmt.Sprint(t.Day())
		if t.Day() == 1 {
			d = "1er"
		}
		return fmt.Sprintf("%s %s %d", d, frMonths[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
}

// Stamp is a date and time for a table column, short and sortable by eye:
// "03/11/2026 14:05" in French, "2026-11-03 14:05" in English, local time.
func (l Lang) Stamp(t time.Time) string {
	t = t.Local()
	if l == FR {
		return t.Format("02/01/2006 15:04")
	}
	return t.Format("2006-01-02 15:04")
}

// DateTime is Date plus the hour and minute.
func (l Lang) DateTime(t time.Time) string {
	t = t.Local()
	if l == FR {
		return fmt.Sprintf("%s à %02dh%02d", l.Date(t), t.Hour(), t.Minute())
	}
	return fmt.Sprintf("%s at %02d:%02d", l.Date(t), t.Hour(), t.Minute())
}
