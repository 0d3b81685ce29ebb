package probe

import "github.com/pcsolidaire/atelier/internal/i18n"

// The tests read verdicts as a volunteer does, said in one language:
// checkIn is Check with every keyed message rendered in l.

type verdictText struct {
	Grade        string
	GradeMeaning string
	GradeReasons []string
	Recommended  string
	CannotTell   []string
	Targets      []targetText
	Advice       []string
	Lang         string
	Profiles     string
}

type targetText struct {
	Target  string
	Name    string
	Fits    string
	Reasons []string
	Advice  []string
}

func (v verdictText) AnyFits() bool {
	for _, t := range v.Targets {
		if t.Fits != FitsNo {
			return true
		}
	}
	return false
}

func checkIn(r *Report, set ProfileSet, l i18n.Lang) verdictText {
	v := Check(r, set)
	out := verdictText{Grade: v.Grade, GradeMeaning: v.GradeMeaning.In(l), GradeReasons: i18n.Texts(l, v.GradeReasons),
		Recommended: v.Recommended, CannotTell: v.CannotTell, Advice: i18n.Texts(l, v.Advice), Lang: string(l), Profiles: v.Profiles}
	for _, t := range v.Targets {
		out.Targets = append(out.Targets, targetText{t.Target, t.Name, t.Fits, i18n.Texts(l, t.Reasons), i18n.Texts(l, t.Advice)})
	}
	return out
}

type precheckText struct {
	Target     string
	Name       string
	Fits       string
	CannotTell []string
	Reasons    []string
	Advice     []string
}

func precheckTextIn(p Precheck, l i18n.Lang) precheckText {
	return precheckText{p.Target, p.Name, p.Fits, p.CannotTell, i18n.Texts(l, p.Reasons), i18n.Texts(l, p.Advice)}
}
