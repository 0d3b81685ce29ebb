package inventory

import "testing"

// Texts tried in the audit of issue 8 that the table above did not hold:
// a French number written with slashes ("06/12/34/56/78", as many paper
// forms print it) went into the ledger; dates written with slashes must
// still pass.
func TestPersonalDataAuditVariants(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"rappeler Mme D. au 06/12/34/56/78", pdPhone},
		{"06/12/34/56/78", pdPhone},
		{"fixe 04/76/12/34/56 le soir", pdPhone},
		{"NIR 2 69 02 2A 341 732 14", pdNIR},
		{"1 85 05 2B 341 732 34", pdNIR},
		{"livré le 06/11/2026 à 08:15", ""},
		{"contrôlé le 12/03/26, revu le 13/03/26", ""},
		{"lot 2026/11/03/17", ""},
		{"écran 15 pouces, 2 touches usées", ""},
	} {
		if got := personalData(c.text); got != c.want {
			t.Errorf("%q: found %q, want %q", c.text, got, c.want)
		}
	}
}
