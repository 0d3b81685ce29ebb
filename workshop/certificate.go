// Package workshop holds the sessions that span the domains (wipe: guard,
// engine, certificate, ledger; deploy; triage), between the commands and
// the domains. It starts with the certificate a wipe earns.
package workshop

import (
	"strings"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// Wipe is one disk's wipe as its certificate sees it: the disk, the plan,
// what the engine did, and the unit it belongs to (nil: a loose disk).
type Wipe struct {
	Device imaging.BlockDevice
	Plan   wipe.Plan
	Result wipe.Result
	Unit   *inventory.Unit
}

// Certificate turns a wipe result into the certificate's NIST fields.
// It copies what the engine did; reports.Issue refuses anything that claims
// more.
func Certificate(t Wipe, operator, bench, toolVersion string) reports.Certificate {
	r, d := t.Result, t.Device
	c := reports.Certificate{Status: r.Status, Operator: operator, Bench: bench}
	c.Disk = reports.Disk{Vendor: d.Vendor, Model: d.Model, Serial: d.Serial, CapacityBytes: d.SizeBytes,
		Medium: d.Medium, Transport: d.Transport, Device: d.Path}
	if h := t.Plan.Facts.HPA; h != nil {
		c.Disk.Hidden.Checked = true
		c.Disk.Hidden.HPA = h.Enabled
		if h.NativeSectors > h.CurrentSectors {
			c.Disk.Hidden.HPASectors = h.NativeSectors - h.CurrentSectors
		}
		if h.DCOSectors > h.NativeSectors {
			c.Disk.Hidden.DCO = true
			c.Disk.Hidden.DCOSectors = h.DCOSectors - h.NativeSectors
		}
	}
	if t.Unit != nil {
		c.Source = reports.Source{UnitID: t.Unit.ID, AssetTag: t.Unit.AssetTag, Donor: t.Unit.Donor, Batch: t.Unit.Batch}
	}
	s := reports.Sanitization{MethodRequested: t.Plan.Method, Technique: r.Technique, NIST: r.NIST, Passes: r.Passes,
		Tool: reports.Tool{Name: "atelier", Version: toolVersion}, Firmware: []reports.FirmwareAttempt{}}
	switch r.Pattern {
	case wipe.PatternZero:
		s.Pattern = "zeros"
	case wipe.PatternRandom:
		s.Pattern = "random (seeded AES-128-CTR stream)"
	default:
		s.Pattern = "firmware"
	}
	for _, a := range r.Tried {
		if !wipe.IsFirmware(a.Technique) && a.Outcome != "unavailable" {
			continue
		}
		cmd := strings.Join(a.Commands, "; ")
		if cmd == "" {
			cmd = a.Technique
		}
		outcome := map[string]string{"done": "ok", "unavailable": "unsupported", "failed": "failed"}[a.Outcome]
		if a.Frozen {
			outcome = "frozen"
		}
		if outcome == "" {
			outcome = "failed"
		}
		s.Firmware = append(s.Firmware, reports.FirmwareAttempt{Command: cmd, Outcome: outcome, Detail: firstNonEmptyStr(a.Error, a.Detail)})
		if a.Outcome != "done" && s.Fallback == "" {
			s.Fallback = a.Technique + ": " + firstNonEmptyStr(a.Error, a.Outcome)
		}
	}
	c.Sanitization = s

	v := reports.Verification{Method: r.Verification, Result: r.VerificationResult, BytesVerified: r.VerifiedBytes}
	switch {
	case v.Method == wipe.VerifyNone:
		v.Result = reports.ResultSkipped
	case v.Method == "markers":
		v.Method = reports.VerifyFirmwareMarker
	}
	if v.Method == "" {
		v.Method = t.Plan.Verify
	}
	if v.Method != wipe.VerifyNone && v.Result != reports.ResultPassed && v.Result != reports.ResultFailed {
		// Only a failed wipe gets here (it stopped before verifying).
		v.Result, v.Detail = reports.ResultFailed, "not completed"
	}
	if r.CacheDropped {
		// Said in the certificate: the read-back did not use direct I/O.
		v.Detail = strings.TrimPrefix(v.Detail+"; "+reports.DetailBufferedReadBack, "; ")
	}
	c.Verification = v

	c.Errors = []reports.ErrorRange{}
	for _, e := range r.Errors {
		op := e.Op
		switch op {
		case "write", "read", "verify", "firmware":
		default:
			op = "write"
		}
		c.Errors = append(c.Errors, reports.ErrorRange{Op: op, Offset: e.Start, Length: max(0, e.End-e.Start), Message: e.Err})
	}
	c.Times = reports.Times{Started: r.Start, Finished: r.End, DurationSeconds: r.End.Sub(r.Start).Seconds()}
	return c
}

func firstNonEmptyStr(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
