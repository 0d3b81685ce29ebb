package inventory

import (
	"context"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Status is the plain answer an MDH needs about one unit.
type Status struct {
	ID       string    `json:"id"`
	Machine  string    `json:"machine"`
	State    string    `json:"state"`
	Site     string    `json:"site,omitempty"`
	Since    time.Time `json:"since"`
	Sentence string    `json:"sentence"`
	Warnings []string  `json:"warnings,omitempty"`
}

// StatusOf finds the unit and says where it stands, in lang.
func (l *Ledger) StatusOf(ctx context.Context, ref string, lang i18n.Lang) (Status, error) {
	u, err := l.FindUnit(ctx, ref)
	if err != nil {
		return Status{}, err
	}
	st := Status{ID: u.ID, Machine: machine(u, lang), State: u.State, Site: u.Site, Since: u.StateSince,
		Sentence: StatusSentence(u, lang)}
	// A unit past the wipe whose disk is not (or no longer) erased, e.g. a
	// disk recorded later or wiped without verification: say it, the state
	// alone would read as "safe to hand over".
	switch State(u.State) {
	case Wiped, Imaged, Ready, Reserved:
		disks, err := l.UnitDisks(ctx, u.ID)
		if err != nil {
			return st, err
		}
		for _, d := range disks {
			if d.Erasure != ErasurePassed && d.Erasure != ErasureDestroyed {
				w := lang.T("status.diskwarn", d.Serial, lang.T("erasure."+d.Erasure))
				st.Warnings = append(st.Warnings, w)
				st.Sentence += " — " + w
			}
		}
	}
	return st, nil
}

func machine(u Unit, lang i18n.Lang) string {
	m := strings.TrimSpace(u.Vendor + " " + u.Model)
	if m == "" {
		return lang.T("status.nomodel")
	}
	return m
}

// StatusSentence: "PCS-26-0042 — Dell Latitude E6410 — prêt, réservé pour
// MDH Village 2 depuis le 3 novembre 2026".
func StatusSentence(u Unit, lang i18n.Lang) string {
	since := lang.Date(u.StateSince)
	var where string
	switch State(u.State) {
	case Reserved, HandedOver:
		where = lang.T("status."+u.State, u.Site, since)
	default:
		where = lang.T("status."+u.State, since)
	}
	return u.ID + " — " + machine(u, lang) + " — " + where
}
