package workshop

import (
	"context"
	"testing"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/probe"
)

// machine is a probe report: a desktop with one internal disk and the
// live USB stick it was booted from.
func machine(serial string, disks ...probe.Disk) *probe.Report {
	r := &probe.Report{System: probe.System{Vendor: "LENOVO", Product: "ThinkCentre M700", Serial: serial, Chassis: "desktop"}}
	r.Disks = append(disks, probe.Disk{Name: "fakeusb1", Model: "Cruzer Blade", Serial: "4C53", Medium: "usb", Transport: "usb", Removable: true})
	return r
}

var wd = probe.Disk{Name: "fakesata0", Model: "WDC WD5000", Serial: "WD-WX41A123", SizeBytes: 500e9, Medium: "hdd"}

func triage(l *inventory.Ledger, p *fakePrompt) *Triage {
	return &Triage{Ledger: l, Prompt: p, Actor: camille}
}

func TestTriageFindsTheUnitBySerialOrRef(t *testing.T) {
	ctx := context.Background()
	l := openLedger(t)
	u, err := l.AddUnit(ctx, camille, inventory.NewUnit{Serial: "PF1ABCDE"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := triage(l, &fakePrompt{}).Save(ctx, machine("PF1ABCDE", wd), probe.Verdict{Grade: "B"}, "")
	if err != nil || got.Unit.ID != u.ID || got.FoundBy != BySerial || got.Unit.State != string(inventory.Triaged) {
		t.Fatalf("%+v %v", got, err)
	}
	if len(got.Disks) != 1 || got.Disks[0].Serial != "WD-WX41A123" || len(got.Skipped) != 1 || got.Grade != "B" {
		t.Fatalf("disks %+v skipped %+v", got.Disks, got.Skipped)
	}
	// The same disk in another machine, saved by --unit: said, on both.
	other, _ := l.AddUnit(ctx, camille, inventory.NewUnit{Serial: "PF1OTHER"})
	got, err = triage(l, &fakePrompt{}).Save(ctx, machine("whatever", wd), probe.Verdict{Grade: "C"}, other.ID)
	if err != nil || got.Unit.ID != other.ID || got.FoundBy != ByRef || len(got.Elsewhere) != 1 || got.Elsewhere[0] != [2]string{"WD-WX41A123", u.ID} {
		t.Fatalf("%+v %v", got, err)
	}
}

// A machine the ledger does not know becomes a walk-in only after a "yes"
// typed in a terminal; a script is refused, with nothing created.
func TestTriageWalkIn(t *testing.T) {
	ctx := context.Background()
	l := openLedger(t)
	if _, err := triage(l, &fakePrompt{}).Save(ctx, machine("PF1NEW", wd), probe.Verdict{}, ""); keyOf(err) != "check.save.walkin_refused" {
		t.Fatalf("outside a terminal: %v", err)
	}
	if _, err := triage(l, &fakePrompt{interactive: true}).Save(ctx, machine("PF1NEW", wd), probe.Verdict{}, ""); keyOf(err) != "check.save.walkin_declined" {
		t.Fatalf("answered no: %v", err)
	}
	if units, _ := l.ListUnits(ctx, inventory.ListFilter{}); len(units) != 0 {
		t.Fatalf("units created: %+v", units)
	}
	p := &fakePrompt{interactive: true, yes: true}
	got, err := triage(l, p).Save(ctx, machine("PF1NEW", wd), probe.Verdict{}, "")
	if err != nil || got.FoundBy != ByWalkIn || got.Unit.Serial != "PF1NEW" || got.Unit.Model != "ThinkCentre M700" || len(p.asked) != 1 {
		t.Fatalf("%+v %v", got, err)
	}
}

// Issue 14: a machine without a serial number. It is known by its disks:
// found by a disk recorded on a unit, else registered (in a terminal)
// under a stand-in serial made from its first disk, which finds it again.
func TestTriageMachineWithoutSerial(t *testing.T) {
	ctx := context.Background()
	l := openLedger(t)
	oem := "To be filled by O.E.M."

	// Outside a terminal, a machine nothing finds is refused, plainly.
	_, err := triage(l, &fakePrompt{}).Save(ctx, machine(oem, wd), probe.Verdict{}, "")
	if keyOf(err) != "check.save.noserial.refused" || err.(*Error).Args[1] != "WD-WX41A123" {
		t.Fatalf("outside a terminal: %v", err)
	}

	// In a terminal: asked, then filed under the stand-in serial.
	p := &fakePrompt{interactive: true, yes: true}
	got, err := triage(l, p).Save(ctx, machine(oem, wd), probe.Verdict{Grade: "B"}, "")
	want := "noserial:thinkcentre-m700:WD-WX41A123"
	if err != nil || got.FoundBy != ByWalkIn || got.StandIn != want || got.Unit.Serial != want || got.Disk != "WD-WX41A123" ||
		len(p.asked) != 1 || p.asked[0].Key != "check.save.noserial.prompt" {
		t.Fatalf("walk-in without serial: %+v %v (asked %v)", got, err, p.asked)
	}
	// The next save finds it, in a script too.
	again, err := triage(l, &fakePrompt{}).Save(ctx, machine("", wd), probe.Verdict{}, "")
	if err != nil || again.Unit.ID != got.Unit.ID || again.StandIn != want {
		t.Fatalf("second save: %+v %v", again, err)
	}

	// A unit registered by intake, whose disk a first --unit save
	// recorded: found by that disk.
	u, _ := l.AddUnit(ctx, camille, inventory.NewUnit{Serial: "DSI-0042"})
	other := probe.Disk{Name: "fakenvme0n1", Model: "SAMSUNG MZVLB256", Serial: "S4DXNF0M", SizeBytes: 256e9, Medium: "nvme"}
	if _, err := triage(l, &fakePrompt{}).Save(ctx, machine(oem, other), probe.Verdict{}, u.ID); err != nil {
		t.Fatal(err)
	}
	byDisk, err := triage(l, &fakePrompt{}).Save(ctx, machine(oem, other), probe.Verdict{}, "")
	if err != nil || byDisk.Unit.ID != u.ID || byDisk.FoundBy != ByDisk || byDisk.Disk != "S4DXNF0M" {
		t.Fatalf("found by its disk: %+v %v", byDisk, err)
	}

	// Disks recorded on two units: which one is the operator's call.
	if _, err := triage(l, &fakePrompt{}).Save(ctx, machine(oem, other, wd), probe.Verdict{}, ""); keyOf(err) != "check.save.noserial.ambiguous" {
		t.Fatalf("two units: %v", err)
	}

	// No disk with a serial either: nothing stable to find it by.
	bare := probe.Disk{Name: "fakesata0", Model: "Generic", Serial: "unknown", SizeBytes: 32e9, Medium: "ssd"}
	if _, err := triage(l, &fakePrompt{interactive: true, yes: true}).Save(ctx, machine(oem, bare), probe.Verdict{}, ""); keyOf(err) != "check.save.noserial.nodisk" {
		t.Fatalf("no serial at all: %v", err)
	}
}

func TestMachineStandIn(t *testing.T) {
	r := machine("", wd)
	r.System.Product = "unknown"
	if s, d := MachineStandIn(r); s != "noserial:WD-WX41A123" || d != "WD-WX41A123" {
		t.Fatalf("%q %q", s, d)
	}
	r.System.Product = "  HP ProDesk 400 G3 (SFF) "
	if s, _ := MachineStandIn(r); s != "noserial:hp-prodesk-400-g3-sff:WD-WX41A123" {
		t.Fatalf("%q", s)
	}
	if s, _ := MachineStandIn(machine("")); s != "" {
		t.Fatalf("a machine with only its USB stick: %q", s)
	}
}
