package reports

// Techniques a certificate may record as actually done. The wipe engine
// uses these names so that Verify can check the claimed NIST category.
const (
	TechniqueOverwriteZero   = "overwrite-zero"
	TechniqueOverwriteRandom = "overwrite-random"

	TechniqueATASecureErase         = "ata-secure-erase"
	TechniqueATASecureEraseEnhanced = "ata-secure-erase-enhanced"
	TechniqueATASanitizeBlock       = "ata-sanitize-block"
	TechniqueATASanitizeCrypto      = "ata-sanitize-crypto"
	TechniqueATASanitizeOverwrite   = "ata-sanitize-overwrite"

	TechniqueNVMeSanitizeBlock     = "nvme-sanitize-block"
	TechniqueNVMeSanitizeCrypto    = "nvme-sanitize-crypto"
	TechniqueNVMeSanitizeOverwrite = "nvme-sanitize-overwrite"
	TechniqueNVMeFormatUserData    = "nvme-format-user-data" // nvme format --ses=1
	TechniqueNVMeFormatCrypto      = "nvme-format-crypto"    // nvme format --ses=2
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
