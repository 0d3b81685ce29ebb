package inventory

import (
	"context"
	"encoding/json"
	"strings"
)

// The lifecycle rules, checked again on replay. A hash chain and a signed
// head prove who wrote a history, not that atelier's commands wrote it: a
// script holding the file (or the bench key) can append a handover of a unit
// whose disk was never erased. `ledger rebuild` replays every event through
// checkReplay and refuses, naming the event, a history no command could
// have written.

// replayState is what the rules know before an event: the projection built
// from the earlier events, and the little it does not keep.
type replayState struct {
	p    *proj
	last map[string]lastEvent // unit id -> its previous event
	undo undoTracks           // unit id -> its last move, for ruleUndo
	// firstBench and shared say which benches acted on a unit: only a unit
	// that more than one bench acted on can see a conflict (conflicts.go);
	// on a unit of one bench, a move from the wrong state is a forgery.
	firstBench map[string]string
	shared     map[string]bool
}

// lastEvent is a unit's previous event, as far as the rules care.
type lastEvent struct {
	kind   string
	passed bool // a deploy or wipe that passed
}

func newReplayState(p *proj) *replayState {
	return &replayState{p: p, last: map[string]lastEvent{}, firstBench: map[string]string{}, shared: map[string]bool{}}
}

// replayRule says why e (its payload decoded, nil for kinds the projection
// does not use) could not follow the state st; nil when it may.
type replayRule func(ctx context.Context, st *replayState, e Event, dec any) error

// replayRules are checked in order, for every event. One more rule (the
// personal-data checks of free text, say) is one more line here.
var replayRules = []replayRule{
	ruleUnitKnown,
	ruleMove,
	ruleImagedAfterDeploy,
	ruleDeployOnWiped,
	ruleWipeFinished,
	rulePrivacy,
	ruleUndo,
}

// checkReplay is the single entry point: nil when e may follow st, else an
// error naming e and the rule it breaks.
func checkReplay(ctx context.Context, st *replayState, e Event, dec any) error {
	for _, rule := range replayRules {
		if err := rule(ctx, st, e, dec); err != nil {
			return newErr(ErrRefused, "replay.refused", e.ID, e.Kind, e.Bench, e.Seq, err)
		}
	}
	return nil
}

// after records what the rules need to remember of e once it is applied.
func (st *replayState) after(e Event) {
	if e.Unit == "" {
		return
	}
	le := lastEvent{kind: e.Kind}
	switch e.Kind {
	case KindDeployed:
		var d DeployOutcome
		le.passed = json.Unmarshal(e.Payload, &d) == nil && d.Status == ErasurePassed
	case KindWipeFinished:
		var o WipeOutcome
		le.passed = json.Unmarshal(e.Payload, &o) == nil && o.Status == ErasurePassed
	}
	st.last[e.Unit] = le
	st.saw(e)
}

// saw notes which bench acted on e's unit.
func (st *replayState) saw(e Event) {
	if first, ok := st.firstBench[e.Unit]; !ok {
		st.firstBench[e.Unit] = e.Bench
	} else if first != e.Bench {
		st.shared[e.Unit] = true
	}
}

// conflict reports whether e is a conflict between benches (listed, not
// applied) rather than a history no command writes: the lifecycle refuses
// it at its place, and another bench acted on the unit before it.
func (st *replayState) conflict(ctx context.Context, e Event, dec any) (bool, error) {
	if e.Unit == "" {
		return false, nil
	}
	first, ok := st.firstBench[e.Unit]
	if !ok || (first == e.Bench && !st.shared[e.Unit]) {
		return false, nil
	}
	reason, _, _, err := st.p.conflictOf(ctx, e, dec)
	return reason != "", err
}

// ruleUnitKnown: a unit is received once, and nothing happens to a unit
// before it is received.
func ruleUnitKnown(_ context.Context, st *replayState, e Event, _ any) error {
	switch e.Kind {
	case KindSiteAdded, KindImageAdded:
		return nil
	case KindReceived:
		if e.Unit == "" {
			return newErr(ErrInvalidInput, "replay.nounit")
		}
		if st.p.units[e.Unit] != nil {
			return newErr(ErrDuplicate, "replay.twice", e.Unit)
		}
		return nil
	}
	if e.Unit != "" && st.p.units[e.Unit] == nil {
		return newErr(ErrUnknownUnit, "replay.unknown", e.Unit)
	}
	return nil
}

// afterWipeMove is an automatic move of a unit whose disk was wiped (or
// its wipe certified) after its deploy, or of a wiped unit whose new wipe
// did not pass (see writer.afterWipe): outside the transition table.
func afterWipeMove(from, to State) bool {
	return (from == Imaged || from == Ready || from == Reserved) && (to == Wiped || to == Triaged) ||
		from == Wiped && to == Triaged
}

// ruleMove: a move starts from the unit's state and is one the commands
// allow, with the same checks (transition table, site, beneficiary, every
// disk erased before it leaves).
func ruleMove(ctx context.Context, st *replayState, e Event, dec any) error {
	if e.Kind != KindMoved {
		return nil
	}
	pl := dec.(*movedPayload)
	u := st.p.units[e.Unit]
	if State(u.State) != pl.From {
		return newErr(ErrRefused, "replay.from", e.Unit, pl.From, State(u.State))
	}
	last := st.last[e.Unit]
	// Only a wipe that proves nothing takes a wiped unit back to triaged.
	dropBack := pl.From == Wiped && !last.passed
	if pl.Auto && afterWipeMove(pl.From, pl.To) && (pl.From != Wiped || dropBack) &&
		(last.kind == KindWipeFinished || last.kind == KindWipeCertified) {
		if pl.To == Wiped {
			return erasedDisks(ctx, st, u, Wiped)
		}
		return nil
	}
	o := MoveOptions{Site: pl.Site, Beneficiary: pl.Beneficiary, NoDisk: pl.NoDisk}
	return (&writer{p: st.p}).checkMove(ctx, u, pl.To, &o)
}

// erasedDisks refuses a move to `to` while a disk of u lacks an erasure.
func erasedDisks(ctx context.Context, st *replayState, u *unitRow, to State) error {
	disks, err := st.p.unitDisks(ctx, u.ID)
	if err != nil {
		return err
	}
	for _, d := range sortedDisks(disks) {
		if d.Erasure != ErasurePassed && d.Erasure != ErasureDestroyed {
			return newErr(ErrRefused, "refuse.diskwipe", cannot{u.ID, to}, d.Serial)
		}
	}
	return nil
}

// ruleImagedAfterDeploy: only a passed deploy makes a unit imaged, in the
// same transaction (its previous event).
func ruleImagedAfterDeploy(_ context.Context, st *replayState, e Event, dec any) error {
	if e.Kind != KindMoved || dec.(*movedPayload).To != Imaged {
		return nil
	}
	if last := st.last[e.Unit]; last.kind != KindDeployed || !last.passed {
		return newErr(ErrRefused, "replay.nodeploy", e.Unit)
	}
	return nil
}

// ruleDeployOnWiped: no deploy before a wipe (invariant 2), and a deploy
// names a disk of the unit whose erasure passed, as the deploy command
// checks before its first byte.
func ruleDeployOnWiped(_ context.Context, st *replayState, e Event, _ any) error {
	var serial string
	switch e.Kind {
	case KindDeployStarted:
		var d DeployStart
		if err := json.Unmarshal(e.Payload, &d); err != nil {
			return err
		}
		serial = d.DiskSerial
	case KindDeployed:
		var d DeployOutcome
		if err := json.Unmarshal(e.Payload, &d); err != nil {
			return err
		}
		if d.Status != ErasurePassed || strings.TrimSpace(d.DiskSerial) == "" {
			// A failed deploy changes nothing; a passed one from before
			// deploys named their disk is judged on the unit's state.
			u := st.p.units[e.Unit]
			if State(u.State) != Wiped {
				return newErr(ErrRefused, "refuse.deploy", cannot{u.ID, Imaged}, State(u.State))
			}
			return nil
		}
		serial = d.DiskSerial
	default:
		return nil
	}
	u := st.p.units[e.Unit]
	return checkDeployTarget(u, st.p.disks[e.Unit], serial)
}

// ruleWipeFinished: a wipe ends with a known outcome, and only a wipe that
// started on that unit.
func ruleWipeFinished(_ context.Context, st *replayState, e Event, dec any) error {
	if e.Kind != KindWipeFinished {
		return nil
	}
	o := dec.(*WipeOutcome)
	switch o.Status {
	case ErasurePassed, ErasureFailed, ErasureInterrupted, ErasureUnverified, ErasureUncertified:
	default:
		return newErr(ErrInvalidInput, "wipe.status", o.Status)
	}
	if o.StartEvent != "" {
		if w := st.p.wipes[o.StartEvent]; w == nil || w.UnitID != e.Unit {
			return newErr(ErrInvalidInput, "wipe.unknownstart", o.StartEvent, e.Unit)
		}
	} else if strings.TrimSpace(o.DiskSerial) == "" {
		return newErr(ErrInvalidInput, "disk.noserial")
	}
	return nil
}

// rulePrivacy: what the commands refuse to write (personal data in free
// text, a beneficiary that is not an opaque reference, invisible
// characters) is refused on replay too, so a forged note cannot smuggle a
// phone number into a rebuilt view.
func rulePrivacy(_ context.Context, _ *replayState, e Event, _ any) error {
	return CheckEvent(e)
}
