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
}

// StatusOf finds the unit and says where it stands, in lang.
func (l *Ledger) StatusOf(ctx context.Context, ref string, lang i18n.Lang) (Status, error) {
	u, err := l.FindUnit(ctx, ref)
	if err != nil {
		return Status{}, err
	}
	return Status{ID: u.ID, Machine: machine(u, lang), State: u.State, Site: u.Site, Since: u.StateSince,
		Sentence: StatusSentence(u, lang)}, nil
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
