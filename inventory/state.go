package inventory

import (
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// State is where a unit is on its path (DESIGN.md §2).
type State string

const (
	Received   State = "received"
	Triaged    State = "triaged"
	Wiped      State = "wiped"
	Imaged     State = "imaged"
	Ready      State = "ready"
	Reserved   State = "reserved"
	HandedOver State = "handed_over"
	Returned   State = "returned"
	Parts      State = "parts"
	Recycled   State = "recycled"
)

// States lists every state in the order of the path.
var States = []State{Received, Triaged, Wiped, Imaged, Ready, Reserved, HandedOver, Returned, Parts, Recycled}

// transitions is the lifecycle: the only moves the ledger accepts. imaged may
// still go to parts or recycling when the quality check fails for good.
var transitions = map[State][]State{
	Received:   {Triaged, Recycled},
	Triaged:    {Wiped, Parts, Recycled},
	Wiped:      {Imaged, Parts, Recycled},
	Imaged:     {Ready, Parts, Recycled},
	Ready:      {Reserved, Recycled},
	Reserved:   {HandedOver, Ready},
	HandedOver: {Returned},
	Returned:   {Triaged},
	Parts:      {Recycled},
	Recycled:   nil,
}

// Next lists the states a unit in s may move to.
func (s State) Next() []State { return transitions[s] }

// CanMove reports whether the lifecycle allows from -> to.
func CanMove(from, to State) bool {
	for _, n := range transitions[from] {
		if n == to {
			return true
		}
	}
	return false
}

// leaves reports whether a unit in state s has left the workshop for good
// or with someone: invariant 1 (every disk erased or destroyed) guards them.
func (s State) leaves() bool { return s == HandedOver || s == Parts || s == Recycled }

// ParseState reads a state name, case-insensitively, accepting "handed-over"
// and the French names as well.
func ParseState(s string) (State, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer("-", "_", " ", "_").Replace(k)
	for _, st := range States {
		if k == string(st) || k == strings.ToLower(i18n.FR.T("state."+string(st))) {
			return st, nil
		}
	}
	return "", newErr(ErrUnknownState, "state.unknown", s, stateNames(States))
}

// stateNames are the states as typed on the command line.
type stateNames []State

func (l stateNames) String() string {
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = string(s)
	}
	return strings.Join(parts, ", ")
}

// stateList is a list of states, said in the user's language (the French
// names are accepted by ParseState as well).
type stateList []State

func (l stateList) in(lang i18n.Lang) string {
	if len(l) == 0 {
		return lang.T("state.none")
	}
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = lang.T("state." + string(s))
	}
	return strings.Join(parts, ", ")
}
