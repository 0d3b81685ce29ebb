package inventory

import (
	"strings"
	"testing"
)

// FuzzPrivacyRules feeds arbitrary text to the entry rules. Whatever the
// input: no panic; an accepted identifier is in its normal form (normalising
// it again changes nothing, its key is the input's key) and holds nothing
// invisible; accepted free text holds nothing invisible and no personal
// data; a refusal never repeats the input.
func FuzzPrivacyRules(f *testing.F) {
	for _, c := range privacyCases {
		f.Add(c.text)
	}
	for _, s := range []string{"E\u0301CH-42", "MDH\u00a0Village  2", "a\x1b]52;c;aGk=\x07", "\u202e", "\xe9", "  ", "MDH-VILLAGE2-2026-017"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := NormalizeIdentifier(FieldSerial, s)
		if err == nil {
			if again, err2 := NormalizeIdentifier(FieldSerial, id); err2 != nil || again != id {
				t.Fatalf("%q: normal form %q not stable: %q, %v", s, id, again, err2)
			}
			if key(id) != key(s) {
				t.Fatalf("%q: key %q differs from its normal form's %q", s, key(s), key(id))
			}
			if strings.HasPrefix(id, " ") || strings.HasSuffix(id, " ") || strings.Contains(id, "  ") {
				t.Fatalf("%q: spaces left in %q", s, id)
			}
		} else if len(s) > 3 && strings.Contains(err.Error(), s) {
			t.Fatalf("refusal repeats the input: %v", err)
		}
		text, err := CheckText(FieldNote, s)
		if err == nil {
			if checkVisible(FieldNote, text) != nil || personalData(text) != "" {
				t.Fatalf("%q accepted as %q", s, text)
			}
		} else if len(s) > 3 && strings.Contains(err.Error(), s) {
			t.Fatalf("refusal repeats the input: %v", err)
		}
		if tag, err := normalizeAssetTag(FieldAssetTag, s); err == nil && strings.Trim(tag, "0123456789") != "" && personalData(tag) != "" {
			t.Fatalf("asset tag %q accepted with personal data", s)
		}
		if CheckBeneficiary(s) == nil && !beneficiaryRE.MatchString(strings.TrimSpace(s)) {
			t.Fatalf("beneficiary %q accepted outside the shape", s)
		}
	})
}
