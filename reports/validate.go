package reports

import (
	"math"
	"strings"

	"github.com/oklog/ulid/v2"
)

// Validate checks that a certificate's content is consistent: it never
// claims more than was done. Issue calls it before signing, Verify after
// checking the signature. It returns the first Problem found.
func Validate(c Certificate) error {
	if c.Schema != Schema {
		return problem("cert.schema", c.Schema, Schema)
	}
	if id, err := ulid.ParseStrict(c.ID); err != nil || id.String() != c.ID {
		return problem("cert.id", c.ID)
	}
	if c.Status != StatusPassed && c.Status != StatusFailed {
		return problem("cert.status", c.Status)
	}
	if err := validateDisk(c.Disk); err != nil {
		return err
	}
	if err := validateSanitization(c); err != nil {
		return err
	}
	if err := validateVerification(c); err != nil {
		return err
	}
	for _, e := range c.Errors {
		switch e.Op {
		case "write", "read", "verify", "firmware":
		default:
			return problem("cert.error.op", e.Op)
		}
		if e.Offset < 0 || e.Length < 0 {
			return problem("cert.error.range", e.Offset, e.Length)
		}
	}
	if c.Status == StatusPassed && len(c.Errors) > 0 {
		return problem("cert.passed.errors", len(c.Errors))
	}
	if err := validateTimes(c.Times); err != nil {
		return err
	}
	if strings.TrimSpace(c.Operator) == "" {
		return problem("cert.operator")
	}
	if strings.TrimSpace(c.Bench) == "" {
		return problem("cert.bench")
	}
	if !strings.HasPrefix(c.BenchKey, fingerprintPrefix) {
		return problem("cert.benchkey", c.BenchKey)
	}
	return nil
}

func validateDisk(d Disk) error {
	if d.CapacityBytes < 0 || d.Hidden.HPASectors < 0 || d.Hidden.DCOSectors < 0 {
		return problem("cert.disk.negative")
	}
	if strings.TrimSpace(d.Serial) == "" && strings.TrimSpace(d.Device) == "" {
		return problem("cert.disk.unnamed")
	}
	return nil
}

func validateSanitization(c Certificate) error {
	s := c.Sanitization
	if !KnownTechnique(s.Technique) {
		return problem("cert.technique", s.Technique)
	}
	switch s.NIST {
	case NISTClear, NISTPurge:
		earned := NISTCategory(s.Technique, c.Disk.Medium)
		if s.NIST == NISTPurge && earned != NISTPurge {
			return problem("cert.nist.overstated", s.Technique, c.Disk.Medium, earned)
		}
	case NISTNone:
		if c.Status == StatusPassed {
			return problem("cert.nist.none.passed")
		}
	default:
		return problem("cert.nist", s.NIST)
	}
	if s.Passes < 0 {
		return problem("cert.passes", s.Passes)
	}
	if c.Status == StatusPassed && NISTCategory(s.Technique, "") == NISTClear &&
		strings.HasPrefix(s.Technique, "overwrite-") && s.Passes < 1 {
		return problem("cert.passes", s.Passes)
	}
	for _, f := range s.Firmware {
		switch f.Outcome {
		case "ok", "unsupported", "frozen", "failed":
		default:
			return problem("cert.firmware.outcome", f.Command, f.Outcome)
		}
	}
	if strings.TrimSpace(s.Tool.Name) == "" {
		return problem("cert.tool")
	}
	return nil
}

func validateVerification(c Certificate) error {
	v := c.Verification
	switch v.Method {
	case VerifyFull, VerifySample, VerifyFirmwareMarker:
		if v.Result != ResultPassed && v.Result != ResultFailed {
			return problem("cert.verify.result", v.Method, v.Result)
		}
	case VerifyNone:
		if v.Result != ResultSkipped {
			return problem("cert.verify.result", v.Method, v.Result)
		}
	default:
		return problem("cert.verify.method", v.Method)
	}
	// Opening an HPA/DCO before the wipe makes more of the disk visible
	// than the capacity first read; allow for it (4 KiB sectors at most).
	visible := c.Disk.CapacityBytes
	if c.Disk.Hidden.Removed {
		visible += (c.Disk.Hidden.HPASectors + c.Disk.Hidden.DCOSectors) * 4096
	}
	if v.BytesVerified < 0 || (c.Disk.CapacityBytes > 0 && v.BytesVerified > visible) {
		return problem("cert.verify.bytes", v.BytesVerified, c.Disk.CapacityBytes)
	}
	if v.Result == ResultFailed && c.Status == StatusPassed {
		return problem("cert.verify.failed.passed")
	}
	return nil
}

func validateTimes(t Times) error {
	if t.Started.IsZero() || t.Finished.IsZero() {
		return problem("cert.times.missing")
	}
	if t.Finished.Before(t.Started) {
		return problem("cert.times.order", t.Started.Format("2006-01-02T15:04:05Z07:00"), t.Finished.Format("2006-01-02T15:04:05Z07:00"))
	}
	if t.DurationSeconds < 0 || math.IsNaN(t.DurationSeconds) {
		return problem("cert.times.duration", t.DurationSeconds)
	}
	// Both ends are truncated to the second, so the measured duration may
	// exceed their difference by up to one second, never more.
	span := t.Finished.Sub(t.Started).Seconds()
	if math.Abs(t.DurationSeconds-span) > 1.0 {
		return problem("cert.times.duration", t.DurationSeconds)
	}
	return nil
}
