package inventory

import (
	"context"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Status is the plain answer an MDH needs about one unit, as values: the
// unit and the disks that make its state misleading. Sentence says it in
// the reader's language, at the edge.
type Status struct {
	Unit
	// Unerased: disks of a unit past the wipe that are not (or no longer)
	// erased, e.g. a disk recorded later or wiped without verification:
	// the state alone would read as "safe to hand over".
	Unerased []UnitDisk
}

// StatusOf finds the unit and says where it stands, whatever the reader's
// language.
func (l *Ledger) StatusOf(ctx context.Context, ref string) (Status, error) {
	u, err := l.FindUnit(ctx, ref)
	if err != nil {
		return Status{}, err
	}
	st := Status{Unit: u}
	switch State(u.State) {
	case Wiped, Imaged, Ready, Reserved:
		disks, err := l.UnitDisks(ctx, u.ID)
		if err != nil {
			return st, err
		}
		for _, d := range disks {
			if d.Erasure != ErasurePassed && d.Erasure != ErasureDestroyed {
				st.Unerased = append(st.Unerased, d)
			}
		}
	}
	return st, nil
}

// Machine is the unit's vendor and model, or "unknown model" in lang.
func (s Status) Machine(lang i18n.Lang) string {
	m := strings.TrimSpace(s.Vendor + " " + s.Model)
	if m == "" {
		return lang.T("status.nomodel")
	}
	return m
}

// Warnings say, one per disk, that a disk is not erased.
func (s Status) Warnings(lang i18n.Lang) []string {
	var ws []string
	for _, d := range s.Unerased {
		ws = append(ws, lang.T("status.diskwarn", d.Serial, lang.T("erasure."+d.Erasure)))
	}
	return ws
}

// Sentence: "PCS-26-0042 — Dell Latitude E6410 — prêt, réservé pour
// MDH Village 2 depuis le 3 novembre 2026", then any warning.
func (s Status) Sentence(lang i18n.Lang) string {
	since := lang.Date(s.StateSince)
	var where string
	switch State(s.State) {
	case Reserved, HandedOver:
		where = lang.T("status."+s.State, s.Site, since)
	default:
		where = lang.T("status."+s.State, since)
	}
	out := s.ID + " — " + s.Machine(lang) + " — " + where
	for _, w := range s.Warnings(lang) {
		out += " — " + w
	}
	return out
}
