package web

import (
	"net/http"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// Accept-Language is read from any browser: whatever it says, the page
// is in French or English and nothing panics.
func FuzzAcceptLanguage(f *testing.F) {
	for _, s := range []string{"", "fr", "en-GB,en;q=0.9,fr;q=0.5", "de;q=1,en;q=x", ";;,,q=", "EN;q=0.1, fr;q=0.01", "*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := &http.Request{Header: http.Header{"Accept-Language": {s}}}
		if l := langOf(r); l != i18n.FR && l != i18n.EN {
			t.Fatalf("%q gave %q", s, l)
		}
	})
}

// A login typed by anyone: accepted ones are in the documented shape.
func FuzzLogin(f *testing.F) {
	for _, s := range []string{"mdh-village2", "jean.dupont@example.org", "0612345678", "a", "Admin", " x.y_z "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := inventory.NormalizeLogin(s)
		if err != nil {
			return
		}
		if len(got) < 2 || len(got) > 40 {
			t.Fatalf("%q accepted as %q", s, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
				t.Fatalf("%q accepted as %q", s, got)
			}
		}
	})
}
