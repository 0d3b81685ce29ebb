package inventory

import (
	"encoding/json"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// paperText says what a paper-trail event did in a unit's timeline;
// any other kind reads as "other event".
func (e Event) paperText(lang i18n.Lang) string {
	switch e.Kind {
	case KindOrgSet:
		var p orgPayload
		json.Unmarshal(e.Payload, &p)
		return lang.T("ev.org", p.Name)
	case KindStickerIssued:
		return lang.T("ev.sticker.issued")
	case KindStickerRevoked:
		var p stickerPayload
		json.Unmarshal(e.Payload, &p)
		if p.Reason != "" {
			return lang.T("ev.sticker.revoked.why", p.Reason)
		}
		return lang.T("ev.sticker.revoked")
	case KindAuditRecorded:
		var p auditPayload
		json.Unmarshal(e.Payload, &p)
		if p.Result == AuditFailed {
			return lang.T("ev.audit.failed", p.DiskSerial, p.WipedBy, len(p.Flagged))
		}
		return lang.T("ev.audit.passed", p.DiskSerial, p.WipedBy)
	}
	return lang.T("ev.other", e.Kind)
}
