// Package reports writes the documents atelier hands to others: erasure
// certificates first (canonical JSON, detached ed25519 signature by the
// bench key, and a PDF a person can read).
//
// A certificate follows the fields of NIST SP 800-88 Rev. 1, Appendix G
// ("Certificate of Sanitization"): what was sanitized, where it came from,
// how (technique, category, tool), how it was verified, who did it and when.
//
// It must never overstate: the NIST category is that of the technique
// actually performed (an overwrite is Clear, whatever was asked), and Issue
// refuses a certificate whose content contradicts itself.
package reports

import (
	"time"

	"github.com/pcsolidaire/atelier/internal/vocab"
)

// Schema names this certificate format; a change that breaks readers gets
// a new version.
const Schema = "atelier.certificate/v1"

// Status of the erasure a certificate records.
const (
	StatusPassed = string(vocab.StatusPassed)
	StatusFailed = string(vocab.StatusFailed)
)

// NIST SP 800-88 sanitization categories. NISTNone is only allowed on a
// failed certificate: nothing can be claimed.
const (
	NISTClear = "Clear"
	NISTPurge = "Purge"
	NISTNone  = "none"
)

// Verification methods and results.
const (
	VerifyFull           = "full"            // every byte read back and compared
	VerifySample         = "sample"          // >= 10 % spread over the disk, first and last MiB included
	VerifyNone           = "none"            // nothing read back (operator's choice)
	VerifyFirmwareMarker = "firmware-marker" // markers written before a firmware erase are gone

	ResultPassed  = "passed"
	ResultFailed  = "failed"
	ResultSkipped = "skipped" // only with VerifyNone
)

// Certificate is one disk's erasure record. Field order is the JSON order:
// it is part of the canonical form (see Canonical), so never reorder fields
// of a published schema version.
type Certificate struct {
	Schema string `json:"schema"` // Schema
	ID     string `json:"id"`     // ULID; also the file name
	Status string `json:"status"` // passed | failed

	Disk         Disk         `json:"disk"`
	Source       Source       `json:"source"`
	Sanitization Sanitization `json:"sanitization"`
	Verification Verification `json:"verification"`
	// Errors are the I/O or firmware errors met; any error makes the
	// status failed.
	Errors []ErrorRange `json:"errors"`
	Times  Times        `json:"times"`

	Operator string `json:"operator"` // volunteer who ran the wipe
	Bench    string `json:"bench"`    // bench name from the ledger
	// BenchKey is the fingerprint of the public key that signs this
	// certificate (see Fingerprint); Verify checks it matches.
	BenchKey string `json:"bench_key"`
}

// Disk is the sanitized medium (NIST: manufacturer, model, serial, media type).
type Disk struct {
	Vendor        string      `json:"vendor"`
	Model         string      `json:"model"`
	Serial        string      `json:"serial"`
	CapacityBytes int64       `json:"capacity_bytes"`
	Medium        string      `json:"medium"`    // hdd | ssd | nvme | usb | mmc | loop | unknown
	Transport     string      `json:"transport"` // sata | nvme | usb | ... ("" when unknown)
	Device        string      `json:"device"`    // e.g. /dev/sdb at the time of the wipe
	Hidden        HiddenAreas `json:"hidden_areas"`
}

// HiddenAreas is what was found about HPA and DCO (areas a plain overwrite
// cannot reach).
type HiddenAreas struct {
	// Checked is false when the disk could not be asked (NVMe, USB bridge,
	// loop device): the other fields then mean nothing.
	Checked    bool   `json:"checked"`
	HPA        bool   `json:"hpa"`         // a Host Protected Area was present
	HPASectors int64  `json:"hpa_sectors"` // sectors it hid
	DCO        bool   `json:"dco"`         // a Device Configuration Overlay was present
	DCOSectors int64  `json:"dco_sectors"`
	Removed    bool   `json:"removed"` // hidden areas were opened before the wipe
	Note       string `json:"note"`
}

// Source says where the disk came from (NIST: "source": organisation and
// asset).
type Source struct {
	UnitID   string `json:"unit_id"`   // ledger unit, e.g. PCS-26-0042
	AssetTag string `json:"asset_tag"` // DSI inventory tag
	Donor    string `json:"donor"`
	Batch    string `json:"batch"`
}

// Sanitization is what was asked and what was actually done.
type Sanitization struct {
	MethodRequested string `json:"method_requested"` // auto | zero | random | ata-secure-erase | ...
	Technique       string `json:"technique"`        // one of the Technique* constants: what was DONE
	NIST            string `json:"nist"`             // Clear | Purge (| none when failed)
	Passes          int    `json:"passes"`
	Pattern         string `json:"pattern"` // zeros | random (seeded stream) | firmware
	Tool            Tool   `json:"tool"`
	// Firmware lists every firmware command tried, in order, with its
	// outcome: the fallback story (e.g. "frozen" then overwrite).
	Firmware []FirmwareAttempt `json:"firmware"`
	Fallback string            `json:"fallback"` // why the technique differs from the request ("" when it doesn't)
}

// Tool names the software that did the work (NIST: tool used and version).
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// FirmwareAttempt is one firmware command and how it went.
type FirmwareAttempt struct {
	Command string `json:"command"` // the command line run, e.g. "hdparm --security-erase-enhanced ..."
	Outcome string `json:"outcome"` // ok | unsupported | frozen | failed
	Detail  string `json:"detail"`
}

// DetailBufferedReadBack is what Verification.Detail says when the disk
// refused direct I/O: the read-back went through the page cache, which was
// dropped first so that it read the disk (see reports/FORMAT.md).
const DetailBufferedReadBack = "buffered read-back: the device refused direct I/O (O_DIRECT); the page cache was dropped before reading (fsync, POSIX_FADV_DONTNEED, BLKFLSBUF)"

// Verification is how the result was checked (NIST: verification method).
type Verification struct {
	Method        string `json:"method"` // full | sample | none | firmware-marker
	Result        string `json:"result"` // passed | failed | skipped
	BytesVerified int64  `json:"bytes_verified"`
	Detail        string `json:"detail"`
}

// ErrorRange is one error with the byte range it concerns (Length 0 when
// the error is not about a range, e.g. a firmware command).
type ErrorRange struct {
	Op      string `json:"op"` // write | read | verify | firmware
	Offset  int64  `json:"offset"`
	Length  int64  `json:"length"`
	Message string `json:"message"`
}

// Times are UTC, to the second (RFC 3339 in JSON).
type Times struct {
	Started         time.Time `json:"started"`
	Finished        time.Time `json:"finished"`
	DurationSeconds float64   `json:"duration_seconds"` // measured, to the millisecond
}
