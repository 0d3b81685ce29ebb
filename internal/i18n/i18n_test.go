package i18n

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestEveryMessageHasBothLanguages(t *testing.T) {
	for _, c := range catalogs {
		for k, m := range c {
			if m.EN == "" || m.FR == "" {
				t.Errorf("message %q lacks a language: %+v", k, m)
			}
			if strings.Count(m.EN, "%") != strings.Count(m.FR, "%") {
				t.Errorf("message %q: English and French take different arguments", k)
			}
		}
	}
}

func TestFrenchDate(t *testing.T) {
	d := time.Date(2026, 11, 3, 12, 0, 0, 0, time.Local)
	if got := FR.Date(d); got != "3 novembre 2026" {
		t.Fatalf("FR.Date = %q", got)
	}
	if got := EN.Date(d); got != "3 November 2026" {
		t.Fatalf("EN.Date = %q", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"fr_FR.UTF-8": FR, "fr": FR, "en_US.UTF-8": EN, "C": EN, "": EN} {
		if got := Parse(in); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCountedMessagesFollowEachLanguagesRule(t *testing.T) {
	// French takes the singular for 0 and 1, English only for 1.
	for _, c := range []struct {
		l    Lang
		n    int
		want string
	}{
		{FR, 0, "attend 0 argument, en a reçu 3"},
		{FR, 1, "attend 1 argument, en a reçu 3"},
		{FR, 2, "attend 2 arguments, en a reçu 3"},
		{EN, 0, "expects 0 arguments, got 3"},
		{EN, 1, "expects 1 argument, got 3"},
	} {
		if got := c.l.T("usage.exact", c.n, 3); got != c.want {
			t.Errorf("%s %d: got %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

func TestSizesAndDecimalsAreWrittenTheLanguagesWay(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		v    Localized
		want string
	}{
		{FR, Size(2_147_483_648), "2,1\u202fGo"},
		{EN, Size(2_147_483_648), "2.1 GB"},
		{FR, Size(275_000_000_000), "275\u202fGo"},
		{EN, Size(999), "999 B"},
		{FR, Size(999_990_000), "1,0\u202fGo"},
		{FR, Decimal{V: 1.5, Prec: 1}, "1,5"},
		{FR, Decimal{V: 2, Prec: 1, Trim: true}, "2"},
		{FR, Seconds(900 * time.Millisecond), "0,9\u202fs"},
		{EN, Seconds(900 * time.Millisecond), "0.9 s"},
		{EN, Clock(3725 * time.Second), "1:02:05"},
	} {
		if got := c.v.In(c.l); got != c.want {
			t.Errorf("%s %#v: got %q, want %q", c.l, c.v, got, c.want)
		}
	}
}

func TestFrenchTypography(t *testing.T) {
	for _, c := range catalogs {
		for k, m := range c {
			for _, fr := range []string{m.FR, m.FROne} {
				for _, what := range FrenchTypographyFaults(fr) {
					if strings.HasPrefix(k, "cmd.") && what == StraightQuotes {
						continue // command lines in examples quote for the shell
					}
					t.Errorf("%s: %s in %q", k, what, fr)
				}
			}
		}
	}
}

func TestFrenchQuotesKeepTheEscaping(t *testing.T) {
	got := FR.T("lang.invalid", "d\x1b[31me")
	want := "--lang «\u00a0d\\x1b[31me\u00a0»\u202f: choisissez fr ou en"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := EN.T("lang.invalid", "de"); got != `--lang "de": choose fr or en` {
		t.Errorf("English keeps %%q: %q", got)
	}
}

func TestFrenchDecimalsTakeAComma(t *testing.T) {
	// The deploy summary takes its numbers already written (the edge's
	// duration and rate, shared with the progress line): the units keep
	// the one French rule, a narrow no-break space after the number.
	got := FR.T("deploy.done", "zorin", "/dev/fakedisk1", Size(2_100_000_000).In(FR), Seconds(900*time.Millisecond).In(FR), Decimal{V: 0.7, Prec: 1}.In(FR), "ok")
	for _, want := range []string{"2,1\u202fGo", "0,9\u202fs", "(0,7\u202fMo/s)"} {
		if !strings.Contains(got, want) {
			t.Errorf("French deploy summary %q lacks %q", got, want)
		}
	}
	if en := EN.T("deploy.done", "zorin", "/dev/fakedisk1", Size(2_100_000_000).In(EN), Seconds(900*time.Millisecond).In(EN), "0.7", "ok"); !strings.Contains(en, "2.1 GB written in 0.9 s (0.7 MB/s)") {
		t.Errorf("English deploy summary: %q", en)
	}
}

// TestNoPluralTricks fails on "%d disque(s)": a number's noun takes its
// plural from the count (Count, or a count.* noun as argument), in each
// language's rule.
func TestNoPluralTricks(t *testing.T) {
	trick := regexp.MustCompile(`%(\[\d+\])?d [^%]*\(s\)`)
	for _, c := range catalogs {
		for k, m := range c {
			for _, s := range []string{m.EN, m.FR, m.ENOne, m.FROne} {
				if trick.MatchString(s) {
					t.Errorf("%s: a counted noun with (s) in %q", k, s)
				}
			}
		}
	}
}

func TestCountedNounsAsArguments(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		n    int
		want string
	}{
		{FR, 0, "chaîne intacte\u202f: 0 événement sur 1 poste"},
		{FR, 2, "chaîne intacte\u202f: 2 événements sur 1 poste"},
		{EN, 1, "chain intact: 1 event on 1 bench"},
		{EN, 0, "chain intact: 0 events on 1 bench"},
	} {
		if got := c.l.T("verify.ok", M("count.events", c.n), M("count.benches", 1)); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
}

// TestEveryCountedMessageIsFound: a counted message missing from x/text's
// catalogue prints its key ("atelier: wipe.failed"), which happened to
// every counted message of a catalogue filled by a side effect.
func TestEveryCountedMessageIsFound(t *testing.T) {
	args := []any{2, 2, 2, 2, 2, 2}
	for _, c := range catalogs {
		for k, m := range c {
			if m.Count == 0 {
				continue
			}
			for _, l := range []Lang{EN, FR} {
				if got := l.T(k, args[:strings.Count(m.EN, "%")]...); strings.HasPrefix(got, k) {
					t.Errorf("%s in %s: %q", k, l, got)
				}
			}
		}
	}
}

// TestKeysAreUnique: a key in two catalogues would say whichever comes
// first.
func TestKeysAreUnique(t *testing.T) {
	seen := map[string]int{}
	for i, c := range catalogs {
		for k := range c {
			if j, ok := seen[k]; ok {
				t.Errorf("%s in catalogues %d and %d", k, j, i)
			}
			seen[k] = i
		}
	}
}

// A keyed error is English until the command says it in the reader's
// language; one the command already said keeps its text (issue 9.4).
func TestKeyedErrorIn(t *testing.T) {
	inner := Keyed("guard.nopath", "/dev/fakedisk0")
	outer := Keyed("deploy.target.refused", "/dev/fakedisk0", inner)
	e := outer.(*Error)
	if e.Key != "deploy.target.refused" || !strings.Contains(e.Error(), "/dev/fakedisk0 does not exist") {
		t.Errorf("English: %q (key %q)", e.Error(), e.Key)
	}
	if fr := e.In(FR); !strings.Contains(fr, "/dev/fakedisk0 n'existe pas") {
		t.Errorf("French, inner error too: %q", fr)
	}
	said := &Error{Key: "guard.nopath", Text: "déjà dit"}
	if said.In(EN) != "déjà dit" {
		t.Errorf("a hand-built error is said again: %q", said.In(EN))
	}
}
