package web

import (
	"encoding/json"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// plainEvent says what an event did in the words of a community centre,
// not the workshop's ("prêt -> réservé"). For an MDH account, a
// reservation or handover at another site is told without the site or the
// beneficiary reference: a unit returned and reserved again carries the
// history of its previous centre.
//
// The workshop's own steps are told without disk serials, device paths or
// certificate ids (a loop device's path once overflowed a phone's screen):
// a step's start is not told at all (""), its outcome in a few words.
func plainEvent(e inventory.TimelineEntry, acc *inventory.Account, l i18n.Lang) string {
	switch e.Kind {
	case inventory.KindWipeStarted, inventory.KindDeployStarted, inventory.KindStickerIssued, inventory.KindStickerRevoked:
		return ""
	case inventory.KindWipeFinished, inventory.KindDeployed:
		var p struct{ Status string }
		if json.Unmarshal(e.Payload, &p) != nil {
			return ""
		}
		outcome := "failed"
		if p.Status == inventory.ErasurePassed {
			outcome = "passed"
		}
		return l.T("web.h." + e.Kind + "." + outcome)
	case inventory.KindProbed:
		return l.T("web.h.probed")
	case inventory.KindDiskDestroyed:
		return l.T("web.h.disk.destroyed")
	case inventory.KindWipeCertified:
		return l.T("web.h.wipe.certified")
	case inventory.KindAuditRecorded:
		return l.T("web.h.audit")
	case inventory.KindReceived:
		return l.T("web.h.received")
	case inventory.KindMoved:
		var p struct {
			From, To, Site, Beneficiary string
		}
		if json.Unmarshal(e.Payload, &p) != nil {
			return e.Text(l)
		}
		own := acc == nil || acc.Role != inventory.RoleMDH || strings.EqualFold(p.Site, acc.Site)
		switch inventory.State(p.To) {
		case inventory.Reserved:
			if own {
				return l.T("web.h.reserved", p.Site)
			}
			return l.T("web.h.reserved.other")
		case inventory.HandedOver:
			if own {
				return l.T("web.h.handed_over", p.Beneficiary)
			}
			return l.T("web.h.handed_over.other")
		case inventory.Ready:
			if p.From == string(inventory.Reserved) {
				return l.T("web.h.unreserved")
			}
		}
		if _, ok := i18n.Lookup("web.h." + p.To); ok {
			return l.T("web.h." + p.To)
		}
	}
	return e.Text(l)
}
