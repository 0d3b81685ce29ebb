package inventory

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// UnitDetail is everything `unit show` tells about one unit.
type UnitDetail struct {
	Unit
	Disks  []UnitDisk      `json:"disks"`
	Wipes  []Wipe          `json:"wipes"`
	Events []TimelineEntry `json:"events"`
}

// TimelineEntry is an event as the timeline shows it; Text says it in the
// reader's language, at the edge.
type TimelineEntry struct {
	Event
	Unfinished bool `json:"unfinished,omitempty"` // a wipe or deploy started and never finished
}

// Show gathers a unit's facts, disks, wipes and timeline, as values: the
// same answer whatever the reader's language.
func (l *Ledger) Show(ctx context.Context, ref string) (UnitDetail, error) {
	u, err := l.FindUnit(ctx, ref)
	if err != nil {
		return UnitDetail{}, err
	}
	d := UnitDetail{Unit: u}
	if d.Disks, err = l.UnitDisks(ctx, u.ID); err != nil {
		return d, err
	}
	if d.Wipes, err = l.Wipes(ctx, u.ID); err != nil {
		return d, err
	}
	unfinished := map[string]bool{}
	for _, w := range d.Wipes {
		if w.Status == "unfinished" {
			unfinished[w.StartEvent] = true
		}
	}
	evs, err := l.UnitEvents(ctx, u.ID)
	if err != nil {
		return d, err
	}
	// A deploy started with no outcome after it was cut short (kill -9,
	// power cut): the disk holds part of an image.
	for i, e := range evs {
		if e.Kind != KindDeployStarted {
			continue
		}
		finished := false
		for _, f := range evs[i+1:] {
			if f.Kind != KindDeployed {
				continue
			}
			var o DeployOutcome
			json.Unmarshal(f.Payload, &o)
			if o.StartEvent == e.ID || o.StartEvent == "" {
				finished = true
				break
			}
		}
		if !finished {
			unfinished[e.ID] = true
		}
	}
	d.Events = make([]TimelineEntry, 0, len(evs))
	for _, e := range evs {
		d.Events = append(d.Events, TimelineEntry{Event: e, Unfinished: unfinished[e.ID]})
	}
	return d, nil
}

// Text says what the entry's event did, in one short line in lang.
func (t TimelineEntry) Text(lang i18n.Lang) string {
	e, unfinished := t.Event, t.Unfinished
	st := func(s State) string { return lang.T("state." + string(s)) }
	switch e.Kind {
	case KindReceived:
		var p receivedPayload
		json.Unmarshal(e.Payload, &p)
		from := p.Donor
		if p.Batch != "" {
			from = strings.TrimSpace(from + ", " + p.Batch)
		}
		if p.File != "" {
			from = strings.TrimSpace(from + ", " + p.File)
		}
		if from = strings.Trim(from, ", "); from == "" {
			return lang.T("state.received")
		}
		return lang.T("ev.received", from)
	case KindMoved:
		var p movedPayload
		json.Unmarshal(e.Payload, &p)
		if p.NoDisk {
			p.NoDisk = false
			q, _ := json.Marshal(p)
			e.Payload = q
			return lang.T("ev.nodisk", TimelineEntry{Event: e, Unfinished: unfinished}.Text(lang))
		}
		switch {
		case p.To == HandedOver:
			return lang.T("ev.handover", p.Site, p.Beneficiary)
		case p.Auto && p.ReasonKey != "":
			return lang.T("ev.moved.autowhy", st(p.From), st(p.To), lang.T("reason."+p.ReasonKey, p.Site))
		case p.Auto:
			return lang.T("ev.moved.auto", st(p.From), st(p.To))
		case p.Site != "":
			return lang.T("ev.moved.site", st(p.From), st(p.To), p.Site)
		case p.Reason != "":
			return lang.T("ev.moved.reason", st(p.From), st(p.To), p.Reason)
		}
		return lang.T("ev.moved", st(p.From), st(p.To))
	case KindNote:
		var p notePayload
		json.Unmarshal(e.Payload, &p)
		return lang.T("ev.note", p.Text)
	case KindMoveUndone:
		var p Undone
		json.Unmarshal(e.Payload, &p)
		return lang.T("ev.undone", st(p.From), st(p.To), p.Reason)
	case KindProbed:
		var p probedPayload
		json.Unmarshal(e.Payload, &p)
		g := p.Grade
		if g == "" {
			g = "?"
		}
		return lang.T("ev.probed", g, len(p.Disks))
	case KindDiskDestroyed:
		var p destroyedPayload
		json.Unmarshal(e.Payload, &p)
		return lang.T("ev.destroyed", p.Serial, p.Reason)
	case KindWipeStarted:
		var p WipeStart
		json.Unmarshal(e.Payload, &p)
		if unfinished {
			return lang.T("ev.wipe.unfinished", p.Disk.Serial, i18n.Word{Family: "wipe.method", Value: p.Method})
		}
		return lang.T("ev.wipe.started", p.Disk.Serial, i18n.Word{Family: "wipe.method", Value: p.Method})
	case KindWipeFinished:
		var p WipeOutcome
		json.Unmarshal(e.Payload, &p)
		res := lang.T("erasure." + p.Status)
		if p.CertificateID != "" {
			res += " (" + p.CertificateID + ")"
		}
		return lang.T("ev.wipe.finished", p.DiskSerial, res)
	case KindWipeCertified:
		var p WipeCertification
		json.Unmarshal(e.Payload, &p)
		return lang.T("ev.wipe.certified", p.DiskSerial, p.CertificateID)
	case KindDeployed:
		var p DeployOutcome
		json.Unmarshal(e.Payload, &p)
		return lang.T("ev.deployed", p.Image, lang.T("ev.status."+p.Status))
	case KindDeployStarted:
		var p DeployStart
		json.Unmarshal(e.Payload, &p)
		if unfinished {
			return lang.T("ev.deploy.unfinished", p.Image, p.DiskSerial)
		}
		return lang.T("ev.deploy.started", p.Image, p.DiskSerial)
	case KindUnitMerged, KindUnitAbsorbed:
		var p unitMergePayload
		json.Unmarshal(e.Payload, &p)
		return lang.T("ev."+e.Kind, p.Unit, p.Reason)
	}
	return e.paperText(lang)
}
