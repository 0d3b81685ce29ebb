package inventory

import (
	"context"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// MoveOptions go with a manual move.
type MoveOptions struct {
	Reason      string
	Site        string // required to reserve
	Beneficiary string // handed_over only: an opaque MDH reference
	// NoDisk says the unit came without any disk: needed to let a unit with
	// no recorded disk leave (parts, recycled, handed over), and kept in
	// the event. Without it, "no disk recorded" means "not probed yet".
	NoDisk bool
}

// Move changes a unit's state by hand, if the lifecycle and its invariants
// allow it; otherwise nothing is written and the error says why.
func (l *Ledger) Move(ctx context.Context, a Actor, ref string, to State, o MoveOptions) (Unit, error) {
	if err := o.normalize(); err != nil {
		return Unit{}, err
	}
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, ref)
		if err != nil {
			return err
		}
		if to == Imaged {
			// Invariant 2: only a deploy, which wrote and verified the
			// image, records it; a hand move would open ready to a unit
			// nobody deployed.
			return newErr(ErrRefused, "refuse.imagedbyhand", cannot{u.ID, to}, u.ID)
		}
		if err := w.move(ctx, u, to, o, false); err != nil {
			return err
		}
		out = u.Unit
		return nil
	})
	return out, err
}

// findUnit looks a unit up inside the write transaction and keeps it in the
// projection so later events update the same row.
func (w *writer) findUnit(ctx context.Context, ref string) (*unitRow, error) {
	r, err := findUnit(ctx, w.tx, ref)
	if err != nil {
		return nil, err
	}
	if r.MergedInto != "" {
		return nil, newErr(ErrRefused, "merge.gone", r.ID, r.MergedInto)
	}
	return w.p.unit(ctx, r.ID)
}

// move checks then records one move.
func (w *writer) move(ctx context.Context, u *unitRow, to State, o MoveOptions, auto bool) error {
	if err := w.checkMove(ctx, u, to, &o); err != nil {
		return err
	}
	_, err := w.append(ctx, u.ID, KindMoved, movedPayload{From: State(u.State), To: to,
		Reason: strings.TrimSpace(o.Reason), Site: o.Site, Beneficiary: o.Beneficiary, Auto: auto,
		NoDisk: o.NoDisk && to.leaves()})
	return err
}

// checkMove enforces the transition table and the invariants.
func (w *writer) checkMove(ctx context.Context, u *unitRow, to State, o *MoveOptions) error {
	from := State(u.State)
	if from == to {
		return newErr(ErrRefused, "refuse.same", u.ID, to)
	}
	if !CanMove(from, to) {
		return newErr(ErrRefused, "refuse.transition", cannot{u.ID, to}, from, stateList(from.Next()))
	}
	switch to {
	case Reserved, HandedOver:
		if strings.TrimSpace(o.Site) == "" {
			return newErr(ErrInvalidInput, "refuse.nosite", cannot{u.ID, to})
		}
		s, err := w.p.site(ctx, o.Site)
		if err != nil {
			return err
		}
		if s == nil {
			return newErr(ErrUnknownSite, "site.unknown", o.Site)
		}
		o.Site = s.Name
	}
	if to == HandedOver {
		if err := CheckBeneficiary(o.Beneficiary); err != nil {
			return err
		}
		o.Beneficiary = strings.TrimSpace(o.Beneficiary)
		if u.Site != "" && key(u.Site) != key(o.Site) {
			return newErr(ErrRefused, "refuse.othersite", cannot{u.ID, to}, u.Site)
		}
	} else if o.Beneficiary != "" {
		return newErr(ErrInvalidInput, "refuse.beneficiaryonly")
	}
	if to != Reserved && to != HandedOver && strings.TrimSpace(o.Site) != "" {
		return newErr(ErrInvalidInput, "refuse.siteonly")
	}
	if to == Wiped || to.leaves() {
		disks, err := w.p.unitDisks(ctx, u.ID)
		if err != nil {
			return err
		}
		if to == Wiped && len(disks) == 0 {
			return newErr(ErrRefused, "refuse.nodisk", cannot{u.ID, to}, u.ID)
		}
		if to.leaves() && len(disks) == 0 && !o.NoDisk {
			return newErr(ErrRefused, "refuse.nodiskleave", cannot{u.ID, to}, u.ID, u.ID)
		}
		for _, d := range sortedDisks(disks) {
			if d.Erasure == ErasurePassed || d.Erasure == ErasureDestroyed {
				continue
			}
			if to == Wiped {
				return newErr(ErrRefused, "refuse.diskwipe", cannot{u.ID, to}, d.Serial)
			}
			return newErr(ErrRefused, "refuse.disk", cannot{u.ID, to}, d.Serial, u.ID, d.Serial)
		}
	}
	return nil
}

// cannot is "PCS-26-0042 cannot be handed over", said in the user's language.
type cannot struct {
	unit string
	to   State
}

func (c cannot) in(l i18n.Lang) string { return l.T("cannot."+string(c.to), c.unit) }

// Handover records that a unit was given to a beneficiary at a site. A
// unit still "ready" is reserved for that site in the same transaction.
func (l *Ledger) Handover(ctx context.Context, a Actor, ref, site, beneficiary string) (Unit, error) {
	return l.HandoverWith(ctx, a, ref, MoveOptions{Site: site, Beneficiary: beneficiary})
}

// HandoverWith is Handover with every move option (NoDisk).
func (l *Ledger) HandoverWith(ctx context.Context, a Actor, ref string, o MoveOptions) (Unit, error) {
	if err := CheckBeneficiary(o.Beneficiary); err != nil {
		return Unit{}, err
	}
	if err := o.normalize(); err != nil {
		return Unit{}, err
	}
	site, beneficiary := o.Site, o.Beneficiary
	var out Unit
	err := l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, ref)
		if err != nil {
			return err
		}
		if State(u.State) == Ready {
			// Check the final move first: a refusal must write nothing.
			if err := w.move(ctx, u, Reserved, MoveOptions{Site: site, Reason: "handover"}, true); err != nil {
				return err
			}
		}
		if err := w.move(ctx, u, HandedOver, MoveOptions{Site: site, Beneficiary: beneficiary, NoDisk: o.NoDisk, Reason: o.Reason}, false); err != nil {
			return err
		}
		out = u.Unit
		return nil
	})
	return out, err
}

// Note adds a free-text note to a unit's timeline.
func (l *Ledger) Note(ctx context.Context, a Actor, ref, text string) (Event, error) {
	text, err := CheckText(FieldNote, text)
	if err != nil {
		return Event{}, err
	}
	if text == "" {
		return Event{}, newErr(ErrInvalidInput, "note.empty")
	}
	var out Event
	err = l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, ref)
		if err != nil {
			return err
		}
		out, err = w.append(ctx, u.ID, KindNote, notePayload{Text: text})
		return err
	})
	return out, err
}

// DestroyDisk records that a disk of the unit was physically destroyed
// (shredded, drilled): it then counts as erased for invariant 1. The disk
// must be one recorded for the unit unless newDisk: a mistyped serial would
// otherwise add a phantom destroyed disk and leave the real one unerased.
func (l *Ledger) DestroyDisk(ctx context.Context, a Actor, ref, serial, reason string, newDisk bool) (Unit, error) {
	serial, err := NormalizeIdentifier(FieldDiskSerial, serial)
	if err != nil {
		return Unit{}, err
	}
	if reason, err = CheckText(FieldReason, reason); err != nil {
		return Unit{}, err
	}
	if serial == "" {
		return Unit{}, newErr(ErrInvalidInput, "disk.noserial")
	}
	if reason == "" {
		return Unit{}, newErr(ErrInvalidInput, "disk.noreason")
	}
	var out Unit
	err = l.write(ctx, a, func(w *writer) error {
		u, err := w.findUnit(ctx, ref)
		if err != nil {
			return err
		}
		if !newDisk {
			disks, err := w.p.unitDisks(ctx, u.ID)
			if err != nil {
				return err
			}
			if _, ok := disks[key(serial)]; !ok {
				var known []string
				for _, d := range sortedDisks(disks) {
					known = append(known, d.Serial)
				}
				list := strings.Join(known, ", ")
				if list == "" {
					list = "-"
				}
				return newErr(ErrRefused, "disk.notrecorded", u.ID, serial, list)
			}
		}
		if _, err := w.append(ctx, u.ID, KindDiskDestroyed, destroyedPayload{Serial: serial, Reason: reason}); err != nil {
			return err
		}
		out = u.Unit
		return nil
	})
	return out, err
}
