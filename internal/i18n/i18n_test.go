package i18n

import (
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
