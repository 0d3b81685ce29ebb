package wipe

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/vocab"
)

// Methods an operator can ask for (the words are vocab's).
const (
	MethodAuto           = string(vocab.MethodAuto)
	MethodZero           = string(vocab.MethodZero)
	MethodRandom         = string(vocab.MethodRandom)
	MethodATASecureErase = string(vocab.MethodATASecureErase)
	MethodATASanitize    = string(vocab.MethodATASanitize)
	MethodNVMeSanitize   = string(vocab.MethodNVMeSanitize)
	MethodNVMeFormat     = string(vocab.MethodNVMeFormat)
)

// NIST SP 800-88 categories.
const (
	NISTClear = "Clear"
	NISTPurge = "Purge"
	NISTNone  = "none"
)

// Facts are what the drive's firmware says about itself, gathered before
// deciding. Any of them may be missing (USB bridges, virtual disks).
type Facts struct {
	ATA     *ATAInfo         `json:"ata,omitempty"`
	HPA     *HPA             `json:"hpa,omitempty"`
	NVMe    *NVMeController  `json:"nvme,omitempty"`
	NVMeLog *NVMeSanitizeLog `json:"-"`
	Notes   []string         `json:"notes,omitempty"` // why a tool gave nothing
}

// ataCapable: only disks behind a SATA/SCSI/USB path can answer ATA
// commands; loop, virtio and MMC devices are never asked.
func ataCapable(d imaging.BlockDevice) bool {
	switch d.Transport {
	case "sata", "scsi", "usb", "ata":
		return d.Medium == "hdd" || d.Medium == "ssd" || d.Medium == "usb"
	}
	return false
}

// Gather asks hdparm (ATA disks) or nvme-cli (NVMe) what the drive can do.
// It only reads: no command here changes the drive.
func Gather(ctx context.Context, r Runner, d imaging.BlockDevice) Facts {
	var f Facts
	switch {
	case d.Medium == "nvme":
		out, err := r.Run(ctx, "nvme", "id-ctrl", d.Path, "-o", "json")
		if err == nil {
			var c NVMeController
			if c, err = ParseNvmeIDCtrl(out); err == nil {
				f.NVMe = &c
			}
		}
		if err != nil {
			f.Notes = append(f.Notes, err.Error())
		}
		if out, err := r.Run(ctx, "nvme", "sanitize-log", d.Path, "-o", "json"); err == nil {
			if l, err := ParseNvmeSanitizeLog(out); err == nil {
				f.NVMeLog = &l
			}
		}
	case ataCapable(d):
		out, err := r.Run(ctx, "hdparm", "-I", d.Path)
		if err == nil {
			var a ATAInfo
			if a, err = ParseHdparmI(string(out)); err == nil {
				f.ATA = &a
			}
		}
		if err != nil {
			f.Notes = append(f.Notes, err.Error())
			return f
		}
		if out, err := r.Run(ctx, "hdparm", "-N", d.Path); err == nil {
			if h, err := ParseHdparmN(string(out)); err == nil {
				f.HPA = &h
			}
		}
		if f.HPA != nil {
			if out, err := r.Run(ctx, "hdparm", "--dco-identify", d.Path); err == nil {
				if n, err := ParseHdparmDCO(string(out)); err == nil {
					f.HPA.DCOSectors = n
				}
			}
		}
	}
	return f
}

// Plan is what a wipe will do, decided before anything is written; dry runs
// print it.
type Plan struct {
	Disk      string        `json:"disk"`
	Serial    string        `json:"serial"`
	Method    string        `json:"method"`    // as asked
	Technique string        `json:"technique"` // first choice
	Fallback  string        `json:"fallback,omitempty"`
	Pattern   string        `json:"pattern,omitempty"`
	Verify    string        `json:"verify"`
	NIST      string        `json:"nist"` // if the first choice succeeds
	Estimate  time.Duration `json:"estimate_ns"`
	Why       string        `json:"why,omitempty"` // why the first choice (or why not firmware)
	// Frozen: the firmware erase was ruled out because the drive is
	// frozen (ErrFrozen), which the certificate names as such.
	Frozen bool  `json:"frozen,omitempty"`
	Facts  Facts `json:"facts"`
}

// ErrFrozen marks a firmware erase the drive refused because its security
// or sanitize feature set is frozen (by the BIOS, at boot): errors.Is tells
// it from other failures, never the message's words.
var ErrFrozen = errors.New("frozen")

const whyFrozen = "drive is frozen (suspend and resume the PC, or hot-plug the disk, to unfreeze it)"

// IsFirmware tells firmware techniques from overwrites.
func IsFirmware(t string) bool { return vocab.Method(t).Firmware() }

// MakePlan chooses the technique per DESIGN.md's table: NVMe sanitize or
// format; on a SATA SSD, ATA Sanitize then Secure Erase; on a HDD, Secure
// Erase Enhanced; otherwise (or when the firmware cannot) one verified
// overwrite. verify "" means the default: sample after a firmware erase,
// full after an overwrite.
func MakePlan(d imaging.BlockDevice, method, verify string, f Facts) (Plan, error) {
	p := Plan{Disk: d.Path, Serial: d.Serial, Method: method, Facts: f}
	if method == "" {
		method, p.Method = MethodAuto, MethodAuto
	}
	switch verify {
	case "", VerifyFull, VerifySample, VerifyNone:
	default:
		return p, fmt.Errorf("--verify %q: choose full, sample or none", verify)
	}
	switch method {
	case MethodZero, MethodRandom:
		p.Technique, p.Pattern = method, method
	case MethodAuto:
		p.Technique, p.Why = autoTechnique(d, f)
	case MethodATASecureErase, MethodATASanitize, MethodNVMeSanitize, MethodNVMeFormat:
		p.Technique = method
		if why := unavailable(method, d, f); why != "" {
			p.Why = why
		}
	default:
		return p, &vocab.UnknownWordError{Flag: "method", Value: method, Choices: vocab.MethodList(", ")}
	}
	if IsFirmware(p.Technique) {
		p.Fallback = MethodZero
		if p.Why != "" { // asked for, but the drive cannot: plan the fallback
			p.Technique, p.Fallback = MethodZero, ""
		}
	}
	if p.Pattern == "" && !IsFirmware(p.Technique) {
		p.Pattern = PatternZero
	}
	p.Verify = verify
	if p.Verify == "" {
		p.Verify = VerifyFull
		if IsFirmware(p.Technique) {
			p.Verify = VerifySample
		}
	}
	p.Frozen = p.Why == whyFrozen
	p.NIST = nistFor(p.Technique, d, f, true)
	if p.Verify == VerifyNone && !IsFirmware(p.Technique) {
		// An overwrite nobody reads back is not a sanitization (NIST SP
		// 800-88 makes verification part of it): the run ends "unverified".
		p.NIST = NISTNone
	}
	p.Estimate = estimate(p, d, f)
	return p, nil
}

// autoTechnique returns the firmware technique the drive supports best, or
// zero with the reason none applies.
func autoTechnique(d imaging.BlockDevice, f Facts) (string, string) {
	order := []string{}
	switch {
	case d.Medium == "nvme":
		order = []string{MethodNVMeSanitize, MethodNVMeFormat}
	case d.Medium == "ssd":
		order = []string{MethodATASanitize, MethodATASecureErase}
	case d.Medium == "hdd":
		order = []string{MethodATASecureErase}
	default:
		return MethodZero, ""
	}
	var why string
	for _, t := range order {
		w := unavailable(t, d, f)
		if w == "" {
			// Normal (not enhanced) security erase on a HDD is no better
			// than our verified overwrite; keep the overwrite.
			if t == MethodATASecureErase && d.Medium == "hdd" && !f.ATA.Security.EnhancedErase {
				why = "enhanced security erase not supported"
				continue
			}
			return t, ""
		}
		if why == "" {
			why = w
		}
	}
	return MethodZero, why
}

// unavailable says why technique t cannot run on d ("" when it can).
func unavailable(t string, d imaging.BlockDevice, f Facts) string {
	switch t {
	case MethodATASecureErase, MethodATASanitize:
		if f.ATA == nil {
			return "no ATA identify data (hdparm -I)"
		}
		if t == MethodATASanitize {
			if !f.ATA.Sanitize.BlockErase && !f.ATA.Sanitize.CryptoScramble {
				return "ATA sanitize (block erase or crypto scramble) not supported"
			}
			return ""
		}
		s := f.ATA.Security
		switch {
		case !s.Supported:
			return "ATA security not supported"
		case s.Frozen:
			return whyFrozen
		case s.Locked:
			return "drive is locked by a password"
		case s.Enabled:
			return "a security password is already set"
		}
	case MethodNVMeSanitize:
		if f.NVMe == nil {
			return "no NVMe controller data (nvme id-ctrl)"
		}
		if !f.NVMe.SanitizeBlock() && !f.NVMe.SanitizeCrypto() {
			return "NVMe sanitize (block or crypto erase) not supported"
		}
	case MethodNVMeFormat:
		if f.NVMe == nil {
			return "no NVMe controller data (nvme id-ctrl)"
		}
		if !f.NVMe.FormatSupported() {
			return "NVMe Format NVM not supported"
		}
	}
	return ""
}

// nistFor is the category a technique reaches when it succeeds, per NIST
// SP 800-88 Rev. 1 table A: Secure Erase is Purge on magnetic media only.
func nistFor(t string, d imaging.BlockDevice, f Facts, enhanced bool) string {
	switch t {
	case MethodZero, MethodRandom:
		return NISTClear
	case MethodATASanitize, MethodNVMeSanitize, MethodNVMeFormat:
		return NISTPurge
	case MethodATASecureErase:
		flash := d.Medium != "hdd" || (f.ATA != nil && f.ATA.SolidState)
		if enhanced && !flash {
			return NISTPurge
		}
		return NISTClear
	}
	return NISTNone
}

// Throughput guesses (bytes/s) used only for the dry-run estimate.
var guessSpeed = map[string]float64{"hdd": 120e6, "ssd": 400e6, "nvme": 1500e6, "usb": 30e6, "mmc": 20e6, "loop": 1000e6}

func estimate(p Plan, d imaging.BlockDevice, f Facts) time.Duration {
	speed := guessSpeed[d.Medium]
	if speed == 0 {
		speed = 100e6
	}
	size := float64(d.SizeBytes)
	verifyFrac := map[string]float64{VerifyFull: 1, VerifySample: 0.1}[p.Verify]
	read := time.Duration(size * verifyFrac / speed * float64(time.Second))
	switch p.Technique {
	case MethodATASecureErase:
		if f.ATA != nil {
			m := f.ATA.Security.EnhancedEraseMinutes
			if !f.ATA.Security.EnhancedErase || m == 0 {
				m = f.ATA.Security.EraseMinutes
			}
			if m > 0 {
				return time.Duration(m)*time.Minute + read
			}
		}
	case MethodNVMeSanitize:
		if l := f.NVMeLog; l != nil {
			est := l.EstimateBlock
			if !f.NVMe.SanitizeBlock() {
				est = l.EstimateCrypt
			}
			if est > 0 && est != 0xffffffff {
				return time.Duration(est)*time.Second + read
			}
		}
		return 2*time.Minute + read
	case MethodNVMeFormat, MethodATASanitize:
		return 2*time.Minute + read
	}
	return time.Duration(size/speed*float64(time.Second)) + read
}
