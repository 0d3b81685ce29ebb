package reports

import "github.com/pcsolidaire/atelier/internal/vocab"

// Techniques a certificate may record as actually done. The words are
// vocab's, defined once for the wipe engine and the certificate, so that
// Verify checks the claimed NIST category against what the engine names.
const (
	TechniqueOverwriteZero          = string(vocab.TechniqueOverwriteZero)
	TechniqueOverwriteRandom        = string(vocab.TechniqueOverwriteRandom)
	TechniqueATASecureErase         = string(vocab.TechniqueATASecureErase)
	TechniqueATASecureEraseEnhanced = string(vocab.TechniqueATASecureEraseEnhanced)
	TechniqueATASanitizeBlock       = string(vocab.TechniqueATASanitizeBlock)
	TechniqueATASanitizeCrypto      = string(vocab.TechniqueATASanitizeCrypto)
	TechniqueATASanitizeOverwrite   = string(vocab.TechniqueATASanitizeOverwrite)
	TechniqueNVMeSanitizeBlock      = string(vocab.TechniqueNVMeSanitizeBlock)
	TechniqueNVMeSanitizeCrypto     = string(vocab.TechniqueNVMeSanitizeCrypto)
	TechniqueNVMeSanitizeOverwrite  = string(vocab.TechniqueNVMeSanitizeOverwrite)
	TechniqueNVMeFormatUserData     = string(vocab.TechniqueNVMeFormatUserData)
	TechniqueNVMeFormatCrypto       = string(vocab.TechniqueNVMeFormatCrypto)
	TechniqueATASanitize            = string(vocab.TechniqueATASanitize)
	TechniqueNVMeSanitize           = string(vocab.TechniqueNVMeSanitize)
	TechniqueNVMeFormat             = string(vocab.TechniqueNVMeFormat)
)

// techniqueKinds groups techniques by what NIST SP 800-88 Rev. 1 (Table A-1
// onwards, and DESIGN.md "Wipe") lets them claim.
var techniqueKinds = map[string]string{
	TechniqueOverwriteZero:          "overwrite",
	TechniqueOverwriteRandom:        "overwrite",
	TechniqueATASecureErase:         "ata-secure-erase",
	TechniqueATASecureEraseEnhanced: "ata-secure-erase",
	TechniqueATASanitizeBlock:       "firmware-purge",
	TechniqueATASanitizeCrypto:      "firmware-purge",
	TechniqueATASanitizeOverwrite:   "firmware-purge",
	TechniqueNVMeSanitizeBlock:      "firmware-purge",
	TechniqueNVMeSanitizeCrypto:     "firmware-purge",
	TechniqueNVMeSanitizeOverwrite:  "firmware-purge",
	TechniqueNVMeFormatUserData:     "firmware-purge",
	TechniqueNVMeFormatCrypto:       "firmware-purge",
	TechniqueATASanitize:            "firmware-purge",
	TechniqueNVMeSanitize:           "firmware-purge",
	TechniqueNVMeFormat:             "firmware-purge",
}

// aliases maps the wipe engine's --method names and words to the
// certificate's vocabulary, so Issue accepts either; a signed certificate
// only ever holds the canonical words.
var aliases = map[string]map[string]string{
	"technique": {"zero": TechniqueOverwriteZero, "random": TechniqueOverwriteRandom},
	"verify":    {"markers": VerifyFirmwareMarker, "marker": VerifyFirmwareMarker},
	"result":    {"not done": ResultSkipped, "": ResultSkipped},
	"outcome":   {"done": "ok", "unavailable": "unsupported"},
}

// normalizeVocabulary rewrites known aliases (see aliases).
func normalizeVocabulary(c Certificate) Certificate {
	alias := func(kind, v string) string {
		if w, ok := aliases[kind][v]; ok {
			return w
		}
		return v
	}
	c.Sanitization.Technique = alias("technique", c.Sanitization.Technique)
	if c.Status == StatusFailed && c.Sanitization.NIST == "" {
		c.Sanitization.NIST = NISTNone // a failed erasure claims nothing
	}
	c.Verification.Method = alias("verify", c.Verification.Method)
	if c.Verification.Method == VerifyNone || c.Verification.Result == "not done" {
		c.Verification.Result = alias("result", c.Verification.Result)
	}
	if c.Sanitization.Firmware != nil {
		fw := make([]FirmwareAttempt, len(c.Sanitization.Firmware))
		for i, f := range c.Sanitization.Firmware {
			f.Outcome = alias("outcome", f.Outcome)
			fw[i] = f
		}
		c.Sanitization.Firmware = fw
	}
	return c
}

// KnownTechnique reports whether t is one of the Technique* names.
func KnownTechnique(t string) bool {
	_, ok := techniqueKinds[t]
	return ok
}

// IsFlash reports whether a medium is flash storage, where ATA Secure Erase
// may leave data in spare blocks (so it only earns Clear).
func IsFlash(medium string) bool {
	switch medium {
	case "ssd", "nvme", "usb", "mmc":
		return true
	}
	return false
}

// NISTCategory is the strongest category technique earns on medium: the
// wipe engine must use it rather than the category of the method asked for.
// It returns "" for an unknown technique.
//
//   - overwrite (zeros or random): Clear, on any medium;
//   - ATA Security Erase (normal or enhanced): Purge on a hard disk, Clear on
//     flash (and on an unknown medium, to never overstate);
//   - ATA/NVMe sanitize and NVMe format with secure erase: Purge.
func NISTCategory(technique, medium string) string {
	switch techniqueKinds[technique] {
	case "overwrite":
		return NISTClear
	case "ata-secure-erase":
		if medium == "hdd" {
			return NISTPurge
		}
		return NISTClear
	case "firmware-purge":
		return NISTPurge
	}
	return ""
}
