// Package vocab is the one vocabulary of erasures shared by the wipe engine,
// the certificates, the ledger and the commands: how a wipe or a deploy
// ended (Status), what the operator asked for (Method, Verification) and
// what was actually done (Technique). Each word is defined here once, as a
// type; the flags parse into these types (pflag.Value), so that a word no
// one defined is refused where it is typed, not deep in a run.
package vocab

import (
	"fmt"
	"slices"
	"strings"
)

// Status is how a wipe (or a deploy) ended.
type Status string

const (
	StatusPassed      Status = "passed"
	StatusFailed      Status = "failed"
	StatusInterrupted Status = "interrupted"
	// StatusUnverified: written, never read back (no sanitization).
	StatusUnverified Status = "unverified"
	// StatusUncertified: passed, but its certificate could not be written.
	StatusUncertified Status = "uncertified"
)

// Method is what the operator asks wipe for (--method).
type Method string

const (
	MethodAuto           Method = "auto"
	MethodZero           Method = "zero"
	MethodRandom         Method = "random"
	MethodATASecureErase Method = "ata-secure-erase"
	MethodATASanitize    Method = "ata-sanitize"
	MethodNVMeSanitize   Method = "nvme-sanitize"
	MethodNVMeFormat     Method = "nvme-format"
)

// Methods lists every method, in the order help shows them.
var Methods = []Method{MethodAuto, MethodZero, MethodRandom, MethodATASecureErase,
	MethodATASanitize, MethodNVMeSanitize, MethodNVMeFormat}

// Firmware tells whether m asks the drive's firmware to erase itself.
func (m Method) Firmware() bool {
	switch m {
	case MethodATASecureErase, MethodATASanitize, MethodNVMeSanitize, MethodNVMeFormat:
		return true
	}
	return false
}

// MethodList is every method, joined by sep (", " in messages, "|" in
// help).
func MethodList(sep string) string { return strings.ReplaceAll(join(Methods), ", ", sep) }

func (m *Method) String() string { return string(*m) }
func (m *Method) Type() string   { return "method" }

// Set is the --method flag's parser: an unknown method is refused there.
func (m *Method) Set(s string) error {
	v := Method(strings.TrimSpace(s))
	if !slices.Contains(Methods, v) {
		return &UnknownWordError{Flag: "method", Value: s, Choices: join(Methods)}
	}
	*m = v
	return nil
}

// Verification is how a wipe is read back (--verify); "" lets the engine
// choose (full after an overwrite, a sample after a firmware erase).
type Verification string

const (
	VerifyFull   Verification = "full"
	VerifySample Verification = "sample"
	VerifyNone   Verification = "none"
)

// Verifications lists the values --verify accepts.
var Verifications = []Verification{VerifyFull, VerifySample, VerifyNone}

func (v *Verification) String() string { return string(*v) }
func (v *Verification) Type() string   { return "verification" }

// Set is the --verify flag's parser.
func (v *Verification) Set(s string) error {
	w := Verification(strings.TrimSpace(s))
	if w != "" && !slices.Contains(Verifications, w) {
		return &UnknownWordError{Flag: "verify", Value: s, Choices: join(Verifications)}
	}
	*v = w
	return nil
}

// Technique is what was actually done to a disk, as a certificate records
// it; reports.NISTCategory says which NIST category each one earns.
type Technique string

const (
	TechniqueOverwriteZero   Technique = "overwrite-zero"
	TechniqueOverwriteRandom Technique = "overwrite-random"

	TechniqueATASecureErase         Technique = "ata-secure-erase"
	TechniqueATASecureEraseEnhanced Technique = "ata-secure-erase-enhanced"
	TechniqueATASanitizeBlock       Technique = "ata-sanitize-block"
	TechniqueATASanitizeCrypto      Technique = "ata-sanitize-crypto"
	TechniqueATASanitizeOverwrite   Technique = "ata-sanitize-overwrite"

	TechniqueNVMeSanitizeBlock     Technique = "nvme-sanitize-block"
	TechniqueNVMeSanitizeCrypto    Technique = "nvme-sanitize-crypto"
	TechniqueNVMeSanitizeOverwrite Technique = "nvme-sanitize-overwrite"
	TechniqueNVMeFormatUserData    Technique = "nvme-format-user-data" // nvme format --ses=1
	TechniqueNVMeFormatCrypto      Technique = "nvme-format-crypto"    // nvme format --ses=2

	// When the engine does not record which action the firmware ran.
	TechniqueATASanitize  Technique = "ata-sanitize"
	TechniqueNVMeSanitize Technique = "nvme-sanitize"
	TechniqueNVMeFormat   Technique = "nvme-format"
)

// UnknownWordError is a flag value outside the vocabulary.
type UnknownWordError struct {
	Flag, Value, Choices string
}

func (e *UnknownWordError) Error() string {
	return fmt.Sprintf("--%s %q: choose one of %s", e.Flag, e.Value, e.Choices)
}

func join[T ~string](ws []T) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = string(w)
	}
	return strings.Join(s, ", ")
}
