package reports

import (
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// The documents' units come from the catalogue (doc.size.*, doc.ram.*,
// doc.percent), with a no-break space before the unit.
func TestDocumentUnitsInEachLanguage(t *testing.T) {
	fr, en := DocOptions{Lang: i18n.FR}, DocOptions{Lang: i18n.EN}
	for _, c := range []struct{ got, want string }{
		{fr.Size(2_100_000_000), "2,1\u00a0Go"},
		{en.Size(2_100_000_000), "2.1\u00a0GB"},
		{fr.Size(250_000_000_000), "250\u00a0Go"},
		{fr.Size(999), "999\u00a0o"},
		{fr.RAM(4 << 30), "4\u00a0Go"},
		{en.RAM(512 << 20), "512\u00a0MB"},
		{fr.Percent(0.43, 0), "43\u202f%"},
		{en.Percent(0.43, 0), "43%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
