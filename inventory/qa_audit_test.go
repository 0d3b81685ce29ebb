package inventory

import (
	"context"
	"math/rand/v2"
	"testing"
)

// The wiper typed "Élodie" at the bench; at the audit, on a keyboard
// without accents, "elodie" is still her: second-person verification
// must refuse her, as it refuses "ÉLODIE" or " Élodie ".
func TestAuditRefusesTheWiperWrittenWithoutAccents(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	erasedBy(t, l, "U1", "DISK01", "Élodie Müller")
	for _, who := range []string{"elodie muller", "ELODIE  MULLER", " Élodie Müller "} {
		if _, err := l.RecordAudit(ctx, Actor{Operator: who}, AuditTarget{Disk: "DISK01"}, "passed", ""); errKey(err) != "audit.self" {
			t.Errorf("%q audits her own disk: %v", who, err)
		}
	}
	s, err := l.AuditSample(ctx, 100, "elodie muller", rand.New(rand.NewPCG(1, 2)))
	if err == nil && len(s.Picked) != 0 {
		t.Errorf("the wiper's own disk is in her sample: %+v", s.Picked)
	}
}
