package imaging

import (
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Sizes read like probe's: no decimal from 10 up, French comma and octets.
func TestHumanBytesIn(t *testing.T) {
	cases := []struct {
		n      int64
		en, fr string
	}{
		{512, "512 B", "512 o"},
		{16 << 20, "17 MB", "17 Mo"},
		{2_147_483_648, "2.1 GB", "2,1 Go"},
		{274_877_906_944, "275 GB", "275 Go"},
		{1_000_204_886_016, "1.0 TB", "1,0 To"},
		{9_990_000_000, "10 GB", "10 Go"},
	}
	for _, c := range cases {
		if got := HumanBytesIn(i18n.EN, c.n); got != c.en {
			t.Errorf("EN %d: %q, want %q", c.n, got, c.en)
		}
		if got := HumanBytesIn(i18n.FR, c.n); got != c.fr {
			t.Errorf("FR %d: %q, want %q", c.n, got, c.fr)
		}
	}
}
