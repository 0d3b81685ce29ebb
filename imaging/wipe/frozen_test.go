package wipe

import (
	"context"
	"errors"
	"testing"
)

// A frozen drive is told apart by a typed error, not by the words of a
// message: the sanitize path returns ErrFrozen, and both the sanitize
// failure and the plan's "frozen" reason mark the attempt Frozen.
func TestFrozenIsATypedError(t *testing.T) {
	fr := &fakeRunner{t: t, answers: map[string][]string{
		"hdparm --sanitize-status": {string(sample(t, "hdparm-sanitize-status-frozen.txt"))}}}
	_, err := firmwareRun{r: fr, dev: "/dev/fake"}.run(context.Background(), MethodATASanitize)
	if !errors.Is(err, ErrFrozen) {
		t.Fatalf("sanitize of a frozen drive: %v, want ErrFrozen", err)
	}

	dev := fwDevice("hdd", "sata", 1<<20)
	facts := Gather(context.Background(), &fakeRunner{t: t, answers: map[string][]string{
		"hdparm -I": {string(sample(t, "hdparm-I-hdd-frozen.txt"))}}}, dev)
	p, err := MakePlan(dev, MethodATASecureErase, "", facts)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Frozen {
		t.Fatalf("plan for a frozen drive: %+v, want Frozen", p)
	}
	r, err := Run(context.Background(), Job{Device: dev, Plan: p, Runner: &fakeRunner{t: t}, Medium: newMemDisk(1<<20, 0xAB),
		Size: 1 << 20, Chunk: 1 << 16})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Tried) == 0 || !r.Tried[0].Frozen {
		t.Errorf("attempts %+v: the firmware erase is not marked frozen", r.Tried)
	}
}
