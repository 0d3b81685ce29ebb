package workshop

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"strings"
	"unicode"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/probe"
)

// TriageLedger is what recording a triage asks of the ledger;
// *inventory.Ledger has it, workflow tests pass a fake.
type TriageLedger interface {
	FindUnit(ctx context.Context, ref string) (inventory.Unit, error)
	FindUnitBySerial(ctx context.Context, serial string) (inventory.Unit, bool, error)
	FindUnitByDiskSerial(ctx context.Context, serial string) (inventory.Unit, bool, error)
	AddUnit(ctx context.Context, a inventory.Actor, nu inventory.NewUnit) (inventory.Unit, error)
	RecordProbe(ctx context.Context, a inventory.Actor, unitID string, report, verdict json.RawMessage, grade string, disks []inventory.DiskRecord) (inventory.Unit, error)
	DiskOnOtherUnits(ctx context.Context, unitID, serial string) ([]string, error)
}

// Triage records a probe report and its verdict on a unit: probe --save
// and check --save both end here.
type Triage struct {
	Ledger TriageLedger
	Prompt Prompt
	Actor  inventory.Actor
}

// How a triage found its unit.
const (
	ByRef    = "unit"   // --unit
	BySerial = "serial" // the machine's DMI serial
	ByDisk   = "disk"   // no serial: a disk of it is recorded on the unit
	ByWalkIn = "walkin" // registered now, as a walk-in donation
)

// Triaged is what a triage recorded, for the command to say.
type Triaged struct {
	Unit    inventory.Unit // as it is after the record
	FoundBy string
	// StandIn is the serial a walk-in machine without one is filed under
	// (see MachineStandIn); Disk the disk whose identity found or filed
	// a machine without a serial.
	StandIn, Disk string
	Grade         string
	Disks         []inventory.DiskRecord
	NoSerial      [][2]string  // internal disks filed under a stand-in: (name, identity)
	Skipped       []probe.Disk // removable or USB disks left out
	Elsewhere     [][2]string  // (disk identity, other units it is recorded on)
}

// Save finds the unit (ref, else the machine's serial, else for a machine
// without one a disk of it already recorded on a unit), registering a
// walk-in only after a "yes" typed in a terminal (outside a terminal it is
// refused with how to register it first: a script never creates units by
// surprise), then records the report, the verdict and every internal disk
// (the ledger then refuses to let the unit leave before each one is
// erased), under the identity wipe uses too.
func (t *Triage) Save(ctx context.Context, r *probe.Report, v probe.Verdict, ref string) (Triaged, error) {
	out, err := t.unit(ctx, r, ref)
	if err != nil {
		return out, err
	}
	report, err := json.Marshal(r)
	if err != nil {
		return out, fmt.Errorf("save report: %w", err)
	}
	verdict, err := json.Marshal(v)
	if err != nil {
		return out, fmt.Errorf("save verdict: %w", err)
	}
	out.Grade = v.Grade
	out.Disks, out.NoSerial, out.Skipped = DiskRecords(r)
	if _, err := t.Ledger.RecordProbe(ctx, t.Actor, out.Unit.ID, report, verdict, v.Grade, out.Disks); err != nil {
		return out, err
	}
	if out.Unit, err = t.Ledger.FindUnit(ctx, out.Unit.ID); err != nil {
		return out, err
	}
	// A disk moved from one donated PC to another stays recorded on both:
	// said, since the first unit cannot leave until it is erased or its
	// record is corrected.
	for _, d := range out.Disks {
		others, err := t.Ledger.DiskOnOtherUnits(ctx, out.Unit.ID, d.Serial)
		if err != nil {
			return out, err
		}
		if len(others) > 0 {
			out.Elsewhere = append(out.Elsewhere, [2]string{d.Serial, strings.Join(others, ", ")})
		}
	}
	return out, nil
}

// unit finds (or registers) the unit a triage is recorded on.
func (t *Triage) unit(ctx context.Context, r *probe.Report, ref string) (Triaged, error) {
	if ref != "" {
		u, err := t.Ledger.FindUnit(ctx, ref)
		return Triaged{Unit: u, FoundBy: ByRef}, err
	}
	machine := strings.TrimSpace(orDash(r.System.Vendor) + " " + orDash(r.System.Product))
	serial := strings.TrimSpace(r.System.Serial)
	if UsableSerial(serial) {
		u, found, err := t.Ledger.FindUnitBySerial(ctx, serial)
		if err != nil || found {
			return Triaged{Unit: u, FoundBy: BySerial}, err
		}
		if !t.Prompt.Interactive() {
			return Triaged{}, refuse(i18n.M("check.save.walkin_refused", serial, serial))
		}
		if !t.Prompt.YesNo(i18n.M("check.save.walkin_prompt", serial, machine)) {
			return Triaged{}, refuse(i18n.M("check.save.walkin_declined"))
		}
		u, err = t.Ledger.AddUnit(ctx, t.Actor, WalkIn(r, serial))
		return Triaged{Unit: u, FoundBy: ByWalkIn}, err
	}
	return t.unitWithoutSerial(ctx, r, serial, machine)
}

// unitWithoutSerial: a machine whose firmware gives no usable serial (a
// replaced motherboard, a white box, a virtual machine) is known by its
// internal disks. A disk of it already recorded on a unit finds that unit;
// otherwise it is registered (after a "yes" in a terminal) under a
// stand-in serial built from its first disk, which the next --save finds
// again. A machine without any disk serial has nothing stable to be found
// by: --unit is the only way.
func (t *Triage) unitWithoutSerial(ctx context.Context, r *probe.Report, serial, machine string) (Triaged, error) {
	standIn, disk := MachineStandIn(r)
	if standIn == "" {
		return Triaged{}, refuse(i18n.M("check.save.noserial.nodisk", serial))
	}
	if u, found, err := t.Ledger.FindUnitBySerial(ctx, standIn); err != nil || found {
		return Triaged{Unit: u, FoundBy: BySerial, StandIn: standIn, Disk: disk}, err
	}
	units := map[string]inventory.Unit{}
	var ids []string
	recs, _, _ := DiskRecords(r)
	for _, d := range recs {
		if strings.HasPrefix(d.Serial, "noserial:") {
			continue // shared by identical disks: it cannot tell machines apart
		}
		u, found, err := t.Ledger.FindUnitByDiskSerial(ctx, d.Serial)
		if err != nil {
			return Triaged{}, err
		}
		if found {
			if _, seen := units[u.ID]; !seen {
				ids = append(ids, u.ID)
			}
			units[u.ID], disk = u, d.Serial
		}
	}
	switch len(ids) {
	case 1:
		return Triaged{Unit: units[ids[0]], FoundBy: ByDisk, Disk: disk}, nil
	case 0:
	default:
		return Triaged{}, refuse(i18n.M("check.save.noserial.ambiguous", strings.Join(ids, ", ")))
	}
	if !t.Prompt.Interactive() {
		return Triaged{}, refuse(i18n.M("check.save.noserial.refused", serial, disk))
	}
	if !t.Prompt.YesNo(i18n.M("check.save.noserial.prompt", machine, standIn)) {
		return Triaged{}, refuse(i18n.M("check.save.walkin_declined"))
	}
	u, err := t.Ledger.AddUnit(ctx, t.Actor, WalkIn(r, standIn))
	return Triaged{Unit: u, FoundBy: ByWalkIn, StandIn: standIn, Disk: disk}, err
}

// MachineStandIn is the serial a machine without one is registered under:
// "noserial:" and its first internal disk's serial (the disk identity
// wipe and deploy use), with the machine's model when known, e.g.
// "noserial:thinkcentre-m700:WD-WX41A123". It is "" when no internal disk
// has a serial of its own. disk is that disk's identity.
func MachineStandIn(r *probe.Report) (standIn, disk string) {
	recs, _, _ := DiskRecords(r)
	for _, d := range recs {
		if strings.HasPrefix(d.Serial, "noserial:") {
			continue
		}
		model := slug(r.System.Product)
		if model == "" {
			return "noserial:" + d.Serial, d.Serial
		}
		return "noserial:" + model + ":" + d.Serial, d.Serial
	}
	return "", ""
}

// slug is a model name in lower case with dashes, "" when unknown.
func slug(s string) string {
	if !UsableText(s) {
		return ""
	}
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(strings.TrimSpace(s)) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

func orDash(s string) string {
	if !UsableText(s) {
		return "?"
	}
	return strings.TrimSpace(s)
}
