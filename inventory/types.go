package inventory

import (
	"encoding/json"
	"time"

	"github.com/pcsolidaire/atelier/internal/vocab"
)

// Unit is one donated machine as the projection sees it now.
type Unit struct {
	ID         string    `json:"id"`
	Serial     string    `json:"serial"`
	AssetTag   string    `json:"asset_tag"`
	Name       string    `json:"name,omitempty"` // the DSI's name for it (GLPI "Nom")
	Vendor     string    `json:"vendor"`
	Model      string    `json:"model"`
	Type       string    `json:"type"`
	State      string    `json:"state"`
	Site       string    `json:"site"`
	Batch      string    `json:"batch"`
	Donor      string    `json:"donor"`
	Grade      string    `json:"grade"`
	ReceivedAt time.Time `json:"received_at"`
	StateSince time.Time `json:"state_since"`
	// MergedInto: this unit was the same machine as another, registered at
	// another bench before they synced, and was merged into it.
	MergedInto string `json:"merged_into,omitempty"`
}

// NewUnit is a unit to register: one row of a DSI export or a walk-in.
type NewUnit struct {
	Serial     string `json:"serial"`
	AssetTag   string `json:"asset_tag,omitempty"`
	Name       string `json:"name,omitempty"` // GLPI "Nom", OCS "Computer"
	Vendor     string `json:"vendor,omitempty"`
	Model      string `json:"model,omitempty"`
	Type       string `json:"type,omitempty"`
	Donor      string `json:"donor,omitempty"`
	Batch      string `json:"batch,omitempty"`
	SourceLine int    `json:"line,omitempty"`
}

// BatchInfo describes a DSI batch being imported.
type BatchInfo struct{ Donor, Batch, File string }

// ImportResult says what an import did.
type ImportResult struct {
	Imported []Unit       `json:"imported"`
	Skipped  []SkippedRow `json:"skipped"`
}

// SkippedRow is a row whose serial is already in the ledger.
type SkippedRow struct {
	Line       int    `json:"line"`
	Serial     string `json:"serial"`
	ExistingID string `json:"existing_id"`
}

// DiskRecord is a disk that came with a unit.
type DiskRecord struct {
	Serial    string `json:"serial"`
	Vendor    string `json:"vendor,omitempty"`
	Model     string `json:"model,omitempty"`
	Medium    string `json:"medium,omitempty"`
	SizeBytes int64  `json:"size_bytes,omitempty"`
}

// UnitDisk is a recorded disk and where its erasure stands:
// none, passed, failed, interrupted or destroyed.
type UnitDisk struct {
	DiskRecord
	Erasure           string `json:"erasure"`
	CertificateID     string `json:"certificate_id,omitempty"`
	CertificateSHA256 string `json:"certificate_sha256,omitempty"`
}

// Erasure states of a disk.
const (
	ErasureNone        = "none"
	ErasurePassed      = string(vocab.StatusPassed)
	ErasureFailed      = string(vocab.StatusFailed)
	ErasureInterrupted = string(vocab.StatusInterrupted)
	ErasureDestroyed   = "destroyed"
	// ErasureUnverified: the disk was overwritten but nothing read it back
	// (wipe --verify none). It is not proof of erasure: for the invariant
	// it counts as not erased.
	ErasureUnverified = string(vocab.StatusUnverified)
	// ErasureUncertified: the wipe passed but its certificate could not be
	// written (full disk, read-only folder). The signed certificate is in
	// the wipe's outcome; until atelier wipe --reissue writes it (event
	// wipe.certified), the disk counts as not erased.
	ErasureUncertified = string(vocab.StatusUncertified)
)

// WipeStart is what a wipe records when it begins on a disk.
type WipeStart struct {
	Disk   DiskRecord `json:"disk"`
	Device string     `json:"device"`
	Method string     `json:"method"`
	// MoveDisk says the operator confirmed that a disk recorded on a unit
	// handed over to a beneficiary is now in this unit (see
	// ErrDiskHandedOver).
	MoveDisk bool `json:"move_disk,omitempty"`
}

// WipeOutcome is what a wipe records when it ends.
type WipeOutcome struct {
	StartEvent        string          `json:"start_event"`
	DiskSerial        string          `json:"disk_serial"`
	Status            string          `json:"status"` // passed|failed|interrupted
	Technique         string          `json:"technique,omitempty"`
	NIST              string          `json:"nist,omitempty"`
	Pattern           string          `json:"pattern,omitempty"`
	Bytes             int64           `json:"bytes,omitempty"`
	Errors            []string        `json:"errors,omitempty"`
	CertificateID     string          `json:"certificate_id,omitempty"`
	CertificateSHA256 string          `json:"certificate_sha256,omitempty"`
	Certificate       json.RawMessage `json:"certificate,omitempty"`
}

// WipeCertification is what wipe --reissue records once the certificate
// of an uncertified wipe is written: the disk is then erased (passed).
type WipeCertification struct {
	StartEvent        string `json:"start_event"`
	DiskSerial        string `json:"disk_serial"`
	CertificateID     string `json:"certificate_id"`
	CertificateSHA256 string `json:"certificate_sha256"`
}

// Image is an OS image of the catalogue.
type Image struct {
	Name        string    `json:"name"`
	Path        string    `json:"path"`
	OS          string    `json:"os"`
	Version     string    `json:"version"`
	Edition     string    `json:"edition"`
	BmapPath    string    `json:"bmap_path,omitempty"`
	SizeBytes   int64     `json:"size_bytes"`
	ImageBytes  int64     `json:"image_bytes"`
	SHA256      string    `json:"sha256"`
	ImageSHA256 string    `json:"image_sha256"`
	AddedAt     time.Time `json:"added_at"`
}

// DeployOutcome is what a deploy records.
type DeployOutcome struct {
	StartEvent   string   `json:"start_event,omitempty"` // the deploy.started event
	Image        string   `json:"image"`
	ImageSHA256  string   `json:"image_sha256"`
	Device       string   `json:"device"`
	DiskSerial   string   `json:"disk_serial"`
	Status       string   `json:"status"` // passed|failed|interrupted
	Verification string   `json:"verification"`
	Seconds      float64  `json:"seconds"`
	Bytes        int64    `json:"bytes"`
	Steps        []string `json:"steps,omitempty"`
}

// Site is a place units are reserved for and handed over at (an MDH).
type Site struct {
	Name    string    `json:"name"`
	AddedAt time.Time `json:"added_at"`
}

// Event payloads.
type receivedPayload struct {
	NewUnit
	File string `json:"file,omitempty"`
}

type movedPayload struct {
	From        State  `json:"from"`
	To          State  `json:"to"`
	Reason      string `json:"reason,omitempty"`
	ReasonKey   string `json:"reason_key,omitempty"` // an automatic move's reason, said in the reader's language
	Site        string `json:"site,omitempty"`
	Beneficiary string `json:"beneficiary,omitempty"`
	Auto        bool   `json:"auto,omitempty"`
	NoDisk      bool   `json:"no_disk,omitempty"` // the operator said the unit came without a disk
}

type notePayload struct {
	Text string `json:"text"`
}

type probedPayload struct {
	Grade   string          `json:"grade,omitempty"`
	Disks   []DiskRecord    `json:"disks,omitempty"`
	Report  json.RawMessage `json:"report,omitempty"`
	Verdict json.RawMessage `json:"verdict,omitempty"`
}

type destroyedPayload struct {
	Serial string `json:"serial"`
	Reason string `json:"reason"`
}

type sitePayload struct {
	Name string `json:"name"`
}
