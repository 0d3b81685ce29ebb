package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// A unit whose every field is as long as allowed, in a script of 3-byte
// characters, is recorded, found and searched alike on both engines
// (PostgreSQL refused it: its B-tree on the folded search text took no
// entry over ~2,700 bytes), and one character more is refused alike.
func TestLongestIdentifiersOnBothEngines(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	// Characters that do not repeat: PostgreSQL compresses a repetitive
	// index entry under its limit.
	seed := 0
	long := func(first string) string {
		var b strings.Builder
		b.WriteString(first)
		for i := 1; i < MaxIdentifier; i++ {
			seed++
			b.WriteRune(rune(0x4E00 + seed*7919%20000))
		}
		return b.String()
	}
	nu := NewUnit{Serial: long("S"), AssetTag: long("I"), Vendor: long("V"), Model: long("M"),
		Donor: long("D"), Batch: long("B"), Name: long("N")}
	u, err := AddWalkIn(ctx, l, cam, nu)
	if err != nil {
		t.Fatalf("a unit of %d-character fields: %v", MaxIdentifier, err)
	}
	if got, err := l.FindUnit(ctx, nu.Serial); err != nil || got.ID != u.ID {
		t.Errorf("found by its serial: %+v %v", got, err)
	}
	units, err := l.ListUnits(ctx, ListFilter{Search: nu.Model[:7]})
	if err != nil || len(units) != 1 || units[0].ID != u.ID {
		t.Errorf("searched by its model: %d units, %v", len(units), err)
	}

	tooLong := nu
	tooLong.Serial = "T" + nu.Serial
	_, err = AddWalkIn(ctx, l, cam, tooLong)
	var e *Error
	if !errors.Is(err, ErrInvalidInput) || !errors.As(err, &e) || e.Key != "ident.toolong" {
		t.Fatalf("a %d-character serial: %v", MaxIdentifier+1, err)
	}
	if got := e.In(i18n.EN); got != "the serial number is too long (at most 255 characters): keep the identifier alone, put remarks in a note" {
		t.Errorf("message: %q", got)
	}
	_, err = ParseComputerList(strings.NewReader("Serial number;Model\nS1;ok\nS2;"+strings.Repeat("x", 300)+"\n"), "lot.csv")
	var ie *IntakeError
	if !errors.As(err, &ie) || !strings.HasPrefix(strings.Join(ie.RowLines(i18n.EN), "\n"), "lot.csv line 3: the model is too long") {
		t.Errorf("import of a 300-character model: %v", err)
	}
}
