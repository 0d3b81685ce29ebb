package inventory

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
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

// A disk wiped before the bench's last passed check can still fail its
// own check: the bench was failing then, so every erasure it did after
// the last good check before that failure (and not checked since) is in
// doubt. DISK02, wiped between the failed DISK01 and the passed DISK03,
// must be flagged; DISK03, checked by a second person, need not be.
func TestFailedAuditOfAnOlderDiskFlagsWhatFollowedIt(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	dom := Actor{Operator: "Dominique"}
	erasedBy(t, l, "U0", "DISK00", "camille")
	erasedBy(t, l, "U1", "DISK01", "camille")
	erasedBy(t, l, "U2", "DISK02", "camille")
	erasedBy(t, l, "U3", "DISK03", "camille")
	for _, d := range []string{"DISK00", "DISK03"} {
		if _, err := l.RecordAudit(ctx, dom, AuditTarget{Disk: d}, "passed", ""); err != nil {
			t.Fatal(err)
		}
	}
	f, err := l.RecordAudit(ctx, dom, AuditTarget{Disk: "DISK01"}, "failed", "data found")
	if err != nil {
		t.Fatal(err)
	}
	var flagged []string
	for _, x := range f.Flagged {
		flagged = append(flagged, x.DiskSerial)
	}
	if strings.Join(flagged, ",") != "DISK02" {
		t.Fatalf("flagged %v, want DISK02 (wiped after DISK01's failure, never checked)", flagged)
	}
}

// Every disk state an audit can meet has words saying why it cannot be
// audited: an uncertified wipe (certificate not written yet) had none, and
// the refusal showed its bare key.
func TestAuditOfADiskNotErasedSaysWhyInWords(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	u := addUnit(t, l, "5CG1AUDIT1")
	disk := DiskRecord{Serial: "WD-WX41A999", Medium: "hdd"}
	if _, err := l.RecordProbe(ctx, cam, u.ID, []byte(`{}`), nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	uncertified(t, l, u.ID, disk, "01KAQ7ZC0N6M5V4H0S3G3Y9T2C")
	_, err := l.RecordAudit(ctx, Actor{Operator: "Dominique"}, AuditTarget{Disk: disk.Serial}, "passed", "")
	key := errKey(err)
	if !strings.HasPrefix(key, "audit.notpassed.") {
		t.Fatalf("audit of an uncertified disk: %v", err)
	}
	if _, ok := i18n.Lookup(key); !ok {
		t.Errorf("no words for %s", key)
	}
	for _, state := range []string{ErasureNone, ErasurePassed, ErasureFailed, ErasureInterrupted, ErasureDestroyed,
		ErasureUnverified, ErasureUncertified} {
		if _, ok := i18n.Lookup("audit.notpassed." + state); !ok {
			t.Errorf("no words for audit.notpassed.%s", state)
		}
	}
}
