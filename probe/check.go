package probe

import (
	"slices"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Fits values: the target runs well, runs with reservations, or does not run.
const (
	FitsYes  = "yes"
	FitsWarn = "warn"
	FitsNo   = "no"
)

// Essentials without which Check recommends nothing (Verdict.CannotTell).
const (
	EssentialRAM   = "ram"
	EssentialCPU64 = "cpu64"
)

// Verdict is what Check says of a machine: a grade, the best target that
// fits and, per target, whether it fits, why, and what to do.
type Verdict struct {
	Grade        string     `json:"grade"`
	GradeMeaning Text       `json:"grade_meaning"`
	GradeReasons []i18n.Msg `json:"grade_reasons,omitempty"` // what the next better grade needs
	Recommended  string     `json:"recommended"`             // "" when nothing fits or CannotTell is set
	// CannotTell lists the essentials the report lacks ("ram", "cpu64"):
	// without them no target is recommended, whatever the fits say.
	CannotTell []string        `json:"cannot_tell,omitempty"`
	Targets    []TargetVerdict `json:"targets"`
	// Advice is the recommended target's advice, or, when nothing fits,
	// every target's advice once.
	Advice   []i18n.Msg `json:"advice"`
	Profiles string     `json:"profiles"` // where the profiles came from
}

// TargetVerdict is the verdict for one target.
type TargetVerdict struct {
	Target  string     `json:"target"`
	Name    string     `json:"name"`
	Fits    string     `json:"fits"` // yes, warn, no
	Reasons []i18n.Msg `json:"reasons"`
	Advice  []i18n.Msg `json:"advice"`
}

// AnyFits reports whether at least one target fits, with or without
// warnings.
func (v Verdict) AnyFits() bool {
	return slices.ContainsFunc(v.Targets, func(t TargetVerdict) bool { return t.Fits != FitsNo })
}

// Check judges r against every target of set, in set's order of
// preference. Facts the Report lacks give warnings, never a crash and never
// a "does not fit" on their own. Reasons and advice are keyed messages
// (i18n.Msg): the caller says them in the reader's language.
func Check(r *Report, set ProfileSet) Verdict {
	if r == nil {
		r = &Report{}
	}
	f := gatherFacts(r)
	v := Verdict{Profiles: set.Origin, Targets: []TargetVerdict{}, Advice: []i18n.Msg{}}
	for _, p := range set.Profiles {
		j := judge{f: f, p: p, pol: set.Policy}
		j.run()
		v.Targets = append(v.Targets, j.verdict())
	}
	if f.ramBytes == 0 {
		v.CannotTell = append(v.CannotTell, EssentialRAM)
	}
	if f.cpu64 == triUnknown {
		v.CannotTell = append(v.CannotTell, EssentialCPU64)
	}
	// The best target is the first that fits plainly, else the first that
	// fits with warnings among editions confirmed as published, else any.
	// None when an essential is unknown: "fits with warnings" there only
	// means "nothing was seen against it".
	for _, ok := range []func(i int) bool{
		func(i int) bool { return v.Targets[i].Fits == FitsYes },
		func(i int) bool { return v.Targets[i].Fits == FitsWarn && set.Profiles[i].EditionConfirmed.Value },
		func(i int) bool { return v.Targets[i].Fits == FitsWarn },
	} {
		if len(v.CannotTell) > 0 {
			break
		}
		if i := slices.IndexFunc(indexes(len(v.Targets)), ok); i >= 0 {
			v.Recommended = v.Targets[i].Target
			v.Advice = append(v.Advice, v.Targets[i].Advice...)
			break
		}
	}
	if v.Recommended == "" {
		for _, t := range v.Targets {
			v.Advice = appendNewMsg(v.Advice, t.Advice...)
		}
	}
	v.Grade, v.GradeMeaning, v.GradeReasons = grade(f, set.Grades)
	return v
}

func appendNew(list []string, items ...string) []string {
	for _, s := range items {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// RecommendedVerdict is the verdict of the recommended target, if any.
func (v Verdict) RecommendedVerdict() (TargetVerdict, bool) {
	i := slices.IndexFunc(v.Targets, func(t TargetVerdict) bool { return t.Target == v.Recommended })
	if v.Recommended == "" || i < 0 {
		return TargetVerdict{}, false
	}
	return v.Targets[i], true
}

// Lead is the target a short view speaks of: the recommended one, else the
// first in the order of preference (the edition the association would
// install, and why it cannot).
func (v Verdict) Lead() (TargetVerdict, bool) {
	if t, ok := v.RecommendedVerdict(); ok {
		return t, true
	}
	if len(v.Targets) == 0 {
		return TargetVerdict{}, false
	}
	return v.Targets[0], true
}
