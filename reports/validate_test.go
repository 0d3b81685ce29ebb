package reports_test

import (
	"math"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// valid is a certificate Validate accepts, as Sign would fill it.
func valid() reports.Certificate {
	c := reports.Canonical(reportstest.Sample())
	c.Schema = reports.Schema
	c.ID = fixedID
	c.BenchKey = "SHA256:0P5olqwBFYBZV2PwoERl2yUOk2O6gpFttDjUpqYRGfE"
	return c
}

// Each refusal of Validate, with the precise reason it gives: a
// certificate never claims more than was done, and never says nothing.
func TestValidateRefusesEachInconsistency(t *testing.T) {
	if err := reports.Validate(valid()); err != nil {
		t.Fatalf("the base certificate must be valid: %v", err)
	}
	failed := func(c *reports.Certificate) {
		c.Status = reports.StatusFailed
		c.Verification.Result = reports.ResultFailed
	}
	cases := []struct {
		name   string
		change func(c *reports.Certificate)
		want   string
	}{
		{"another schema", func(c *reports.Certificate) { c.Schema = "atelier.certificate/v0" }, "cert.schema"},
		{"id not a ULID", func(c *reports.Certificate) { c.ID = "cert-1" }, "cert.id"},
		{"id in lower case", func(c *reports.Certificate) { c.ID = "01kaq7zc0n6m5v4h0s3g3y9t2b" }, "cert.id"},
		{"unknown status", func(c *reports.Certificate) { c.Status = "ok" }, "cert.status"},
		{"negative capacity", func(c *reports.Certificate) { c.Disk.CapacityBytes = -1 }, "cert.disk.negative"},
		{"negative HPA sectors", func(c *reports.Certificate) { c.Disk.Hidden.HPASectors = -8 }, "cert.disk.negative"},
		{"negative DCO sectors", func(c *reports.Certificate) { c.Disk.Hidden.DCOSectors = -8 }, "cert.disk.negative"},
		{"disk without serial or device", func(c *reports.Certificate) { c.Disk.Serial, c.Disk.Device = " ", "" }, "cert.disk.unnamed"},
		{"unknown technique", func(c *reports.Certificate) { c.Sanitization.Technique = "degauss" }, "cert.technique"},
		{"overwrite claimed as Purge", func(c *reports.Certificate) { c.Sanitization.NIST = reports.NISTPurge }, "cert.nist.overstated"},
		{"ATA secure erase on an SSD as Purge", func(c *reports.Certificate) {
			c.Sanitization.Technique, c.Sanitization.NIST = reports.TechniqueATASecureEraseEnhanced, reports.NISTPurge
		}, "cert.nist.overstated"},
		{"passed claiming no category", func(c *reports.Certificate) { c.Sanitization.NIST = reports.NISTNone }, "cert.nist.none.passed"},
		{"unknown category", func(c *reports.Certificate) { c.Sanitization.NIST = "Destroy" }, "cert.nist"},
		{"negative passes", func(c *reports.Certificate) { c.Sanitization.Passes = -1 }, "cert.passes"},
		{"passed overwrite of zero passes", func(c *reports.Certificate) { c.Sanitization.Passes = 0 }, "cert.passes"},
		{"unknown firmware outcome", func(c *reports.Certificate) { c.Sanitization.Firmware[0].Outcome = "maybe" }, "cert.firmware.outcome"},
		{"no tool", func(c *reports.Certificate) { c.Sanitization.Tool.Name = "  " }, "cert.tool"},
		{"full verification without result", func(c *reports.Certificate) { c.Verification.Result = reports.ResultSkipped }, "cert.verify.result"},
		{"no verification claiming a result", func(c *reports.Certificate) {
			c.Verification.Method, c.Verification.Result = reports.VerifyNone, reports.ResultPassed
		}, "cert.verify.result"},
		{"unknown verification method", func(c *reports.Certificate) { c.Verification.Method = "glance" }, "cert.verify.method"},
		{"negative bytes verified", func(c *reports.Certificate) { c.Verification.BytesVerified = -1 }, "cert.verify.bytes"},
		{"verified beyond the disk", func(c *reports.Certificate) { c.Verification.BytesVerified = c.Disk.CapacityBytes + 1 }, "cert.verify.bytes"},
		{"verified beyond the opened hidden areas", func(c *reports.Certificate) {
			c.Disk.Hidden = reports.HiddenAreas{Checked: true, HPA: true, HPASectors: 16, Removed: true}
			c.Verification.BytesVerified = c.Disk.CapacityBytes + 16*4096 + 1
		}, "cert.verify.bytes"},
		{"passed with a failed verification", func(c *reports.Certificate) { c.Verification.Result = reports.ResultFailed }, "cert.verify.failed.passed"},
		{"error of unknown kind", func(c *reports.Certificate) {
			failed(c)
			c.Errors = []reports.ErrorRange{{Op: "smart", Message: "x"}}
		}, "cert.error.op"},
		{"error at a negative offset", func(c *reports.Certificate) {
			failed(c)
			c.Errors = []reports.ErrorRange{{Op: "read", Offset: -512, Length: 512, Message: "x"}}
		}, "cert.error.range"},
		{"error of negative length", func(c *reports.Certificate) {
			failed(c)
			c.Errors = []reports.ErrorRange{{Op: "read", Offset: 512, Length: -1, Message: "x"}}
		}, "cert.error.range"},
		{"passed with an error", func(c *reports.Certificate) {
			c.Errors = []reports.ErrorRange{{Op: "write", Offset: 0, Length: 4096, Message: "EIO"}}
		}, "cert.passed.errors"},
		{"no start time", func(c *reports.Certificate) { c.Times.Started = time.Time{} }, "cert.times.missing"},
		{"no end time", func(c *reports.Certificate) { c.Times.Finished = time.Time{} }, "cert.times.missing"},
		{"ends before it starts", func(c *reports.Certificate) { c.Times.Finished = c.Times.Started.Add(-time.Second) }, "cert.times.order"},
		{"negative duration", func(c *reports.Certificate) { c.Times.DurationSeconds = -1 }, "cert.times.duration"},
		{"duration not a number", func(c *reports.Certificate) { c.Times.DurationSeconds = math.NaN() }, "cert.times.duration"},
		{"duration that does not match the times", func(c *reports.Certificate) { c.Times.DurationSeconds += 1.5 }, "cert.times.duration"},
		{"no operator", func(c *reports.Certificate) { c.Operator = "\t" }, "cert.operator"},
		{"no bench", func(c *reports.Certificate) { c.Bench = "" }, "cert.bench"},
		{"bench key not a fingerprint", func(c *reports.Certificate) { c.BenchKey = "MD5:abc" }, "cert.benchkey"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := valid()
			tc.change(&c)
			if got := problemKey(t, reports.Validate(c)); got != tc.want {
				t.Errorf("reason %q, want %q", got, tc.want)
			}
		})
	}
}

// What Validate must accept: the honest edge cases next to the refusals.
func TestValidateAcceptsHonestEdgeCases(t *testing.T) {
	cases := map[string]func(c *reports.Certificate){
		"failed with no category and errors": func(c *reports.Certificate) {
			c.Status, c.Verification.Result, c.Sanitization.NIST = reports.StatusFailed, reports.ResultFailed, reports.NISTNone
			c.Errors = []reports.ErrorRange{{Op: "firmware", Message: "sanitize aborted"}}
		},
		"verified up to the opened hidden areas": func(c *reports.Certificate) {
			c.Disk.Hidden = reports.HiddenAreas{Checked: true, HPA: true, HPASectors: 16, DCO: true, DCOSectors: 8, Removed: true}
			c.Verification.BytesVerified = c.Disk.CapacityBytes + 24*4096
		},
		"disk named by its device only": func(c *reports.Certificate) { c.Disk.Serial = "" },
		"duration a second over the times": func(c *reports.Certificate) {
			c.Times.DurationSeconds = c.Times.Finished.Sub(c.Times.Started).Seconds() + 0.999
		},
		"firmware erase verified by markers":  func(c *reports.Certificate) { c.Verification.Method = reports.VerifyFirmwareMarker },
		"unknown capacity, bytes verified":    func(c *reports.Certificate) { c.Disk.CapacityBytes = 0 },
		"buffered read-back said in detail":   func(c *reports.Certificate) { c.Verification.Detail = reports.DetailBufferedReadBack },
		"purge technique claiming only Clear": func(c *reports.Certificate) { c.Sanitization.Technique = reports.TechniqueNVMeSanitizeCrypto },
	}
	for name, change := range cases {
		c := valid()
		change(&c)
		if err := reports.Validate(c); err != nil {
			t.Errorf("%s: refused: %v", name, err)
		}
	}
}
