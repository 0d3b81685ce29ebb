package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Invariant 2 (no ready before a deploy) holds only if nothing but a deploy
// makes a unit imaged: a hand move to imaged is refused, even on a wiped
// unit, says to run atelier deploy, and writes nothing; the deploy still
// moves the unit.
func TestOnlyADeployMakesAUnitImaged(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "SER1")
	disk := DiskRecord{Serial: "WD-1", Medium: "hdd"}
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	start, err := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "zero"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: start, Status: ErasurePassed}); err != nil || got.State != "wiped" {
		t.Fatalf("wipe: %+v %v", got, err)
	}
	n := countEvents(t, l)
	_, err = l.Move(ctx, cam, u.ID, Imaged, MoveOptions{Reason: "image copied by hand"})
	var e *Error
	if !errors.Is(err, ErrRefused) || !errors.As(err, &e) {
		t.Fatalf("wiped -> imaged by hand: %v, want a refusal", err)
	}
	for lang, want := range map[i18n.Lang]string{
		i18n.EN: "PCS-26-0001 cannot be marked imaged by hand: only a deploy records an image",
		i18n.FR: "PCS-26-0001 ne peut pas être marqué installé à la main\u202f: seul un déploiement enregistre une image",
	} {
		if got := e.In(lang); !strings.HasPrefix(got, want) || !strings.Contains(got, "atelier deploy") {
			t.Errorf("%s: %q, want %q... naming atelier deploy", lang, got, want)
		}
	}
	if countEvents(t, l) != n {
		t.Error("the refused move wrote an event")
	}
	if _, err := l.Move(ctx, cam, u.ID, Ready, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Errorf("wiped -> ready: %v, want a refusal", err)
	}
	got, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin-18", DiskSerial: "WD-1", Status: ErasurePassed})
	if err != nil || got.State != "imaged" {
		t.Fatalf("deploy: %+v %v", got, err)
	}
}
