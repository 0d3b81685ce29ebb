// Package reportstest makes realistic certificates for tests of packages
// that handle them (reports itself, the verify command), without a disk.
package reportstest

import (
	"time"

	"github.com/pcsolidaire/atelier/reports"
)

// Sample is a passed certificate of an SSD whose firmware sanitize was
// refused (frozen) and that was overwritten with zeros and fully verified
// instead: the fallback story atelier sees most often. Change fields to
// make other cases; Issue fills the id, schema and key fingerprint.
func Sample() reports.Certificate {
	start := time.Date(2026, 11, 3, 14, 2, 7, 0, time.UTC)
	return reports.Certificate{
		Status: reports.StatusPassed,
		Disk: reports.Disk{
			Vendor:        "Samsung",
			Model:         "SSD 860 EVO 250GB",
			Serial:        "S3YJNB0K512345A",
			CapacityBytes: 250059350016,
			Medium:        "ssd",
			Transport:     "sata",
			Device:        "/dev/fake",
			Hidden:        reports.HiddenAreas{Checked: true},
		},
		Source: reports.Source{
			UnitID:   "PCS-26-0042",
			AssetTag: "ECH-PC-004217",
			Donor:    "DSI Échirolles",
			Batch:    "2026-11",
		},
		Sanitization: reports.Sanitization{
			MethodRequested: "auto",
			Technique:       reports.TechniqueOverwriteZero,
			NIST:            reports.NISTClear,
			Passes:          1,
			Pattern:         "zeros",
			Tool:            reports.Tool{Name: "atelier", Version: "0.1.0-test"},
			Firmware: []reports.FirmwareAttempt{{
				Command: "hdparm --sanitize-block-erase /dev/fake",
				Outcome: "frozen",
				Detail:  "drive is frozen (security state)",
			}},
			Fallback: "firmware sanitize refused (frozen): overwrite with full verification",
		},
		Verification: reports.Verification{
			Method:        reports.VerifyFull,
			Result:        reports.ResultPassed,
			BytesVerified: 250059350016,
		},
		Times: reports.Times{
			Started:         start,
			Finished:        start.Add(41*time.Minute + 12*time.Second),
			DurationSeconds: 2472.418,
		},
		Operator: "Camille",
		Bench:    "etabli-1",
	}
}
