package main

import (
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/vocab"
	"github.com/pcsolidaire/atelier/inventory"
)

// typedKeyFamilies are the run-time keys whose values come from the
// domain's typed lists and constants, so that a state, a field, a status or
// a method added there is checked here without anyone editing a list of
// words. (keyFamilies keeps the families with no typed list.)
func typedKeyFamilies() map[string][]string {
	states := words(inventory.States)
	statuses := words([]vocab.Status{vocab.StatusPassed, vocab.StatusFailed, vocab.StatusInterrupted,
		vocab.StatusUnverified, vocab.StatusUncertified})
	erasures := []string{inventory.ErasureNone, inventory.ErasurePassed, inventory.ErasureFailed,
		inventory.ErasureInterrupted, inventory.ErasureDestroyed, inventory.ErasureUnverified,
		inventory.ErasureUncertified}
	return map[string][]string{
		"state.":       states,
		"status.":      states, // inventory.Status.Sentence
		"cannot.":      states, // inventory.cannot: any state a move can aim at
		"web.sticker.": states, // the QR sticker's public page
		"field.": words([]inventory.Field{inventory.FieldNote, inventory.FieldReason, inventory.FieldSite,
			inventory.FieldDonor, inventory.FieldBatch, inventory.FieldOperator, inventory.FieldVendor,
			inventory.FieldModel, inventory.FieldType, inventory.FieldSerial, inventory.FieldAssetTag,
			inventory.FieldFile, inventory.FieldBeneficiary, inventory.FieldDiskSerial, inventory.FieldImage,
			inventory.FieldGrade, inventory.FieldBench, inventory.FieldOrgName, inventory.FieldOrgAddress,
			inventory.FieldDSIName, inventory.FieldLogin, inventory.FieldHostname}),
		"erasure.":       erasures,
		"wipe.status.":   statuses,
		"deploy.status.": []string{string(vocab.StatusPassed), string(vocab.StatusFailed), string(vocab.StatusInterrupted)},
		"ev.status.":     []string{string(vocab.StatusPassed), string(vocab.StatusFailed), string(vocab.StatusInterrupted)},
		"wipe.method.":   words(vocab.Methods),
		"wipe.verify.":   words(vocab.Verifications),
		"cert.tech.": words([]vocab.Technique{vocab.TechniqueOverwriteZero, vocab.TechniqueOverwriteRandom,
			vocab.TechniqueATASecureErase, vocab.TechniqueATASecureEraseEnhanced, vocab.TechniqueATASanitizeBlock,
			vocab.TechniqueATASanitizeCrypto, vocab.TechniqueATASanitizeOverwrite, vocab.TechniqueNVMeSanitizeBlock,
			vocab.TechniqueNVMeSanitizeCrypto, vocab.TechniqueNVMeSanitizeOverwrite, vocab.TechniqueNVMeFormatUserData,
			vocab.TechniqueNVMeFormatCrypto, vocab.TechniqueATASanitize, vocab.TechniqueNVMeSanitize,
			vocab.TechniqueNVMeFormat}),
		"ev.": {inventory.KindUnitMerged, inventory.KindUnitAbsorbed},
		// inventory's conflict detection flags these kinds of event
		// (conflicts.go), and printConflict names the kind and the reason.
		"conflicts.kind.": {inventory.KindMoved, inventory.KindProbed, inventory.KindWipeStarted,
			inventory.KindWipeFinished, inventory.KindMoveUndone, inventory.KindUnitMerged,
			inventory.KindUnitAbsorbed, inventory.KindDiskDestroyed, inventory.KindWipeCertified,
			inventory.KindReceived},
		"conflicts.": {inventory.ConflictDiverged, inventory.ConflictNotErased, inventory.ConflictAfterLeave,
			inventory.ConflictSerial, inventory.ConflictUndoLate, inventory.ConflictMerged},
		// Families whose values are literals at one place in the code.
		"deploy.phase.":    {"write", "verify"},                                                               // imaging/deploy Phase calls
		"deploy.recorded.": {"passed", "other"},                                                               // cmd_deploy
		"hub.auth.":        {"unauthenticated", "revoked", "unknown_bench", "bad_challenge", "bad_signature"}, // hub.authenticate
		"reason.":          {"rewipenotpassed", "erasedafterdeploy", "erasedafterdeploy.reserved", "wipedafterdeploy", "wipedafterdeploy.reserved"},
		"web.h.":           {"wipe.finished.passed", "wipe.finished.failed", "deployed.passed", "deployed.failed"},
		"check.others.":    {"yes", "yes.one", "warn", "warn.one", "no", "no.one"},
		"guard.via.":       {"below", "above", "shared"},
		// audit refuses a disk whose erasure did not pass, naming why.
		"audit.notpassed.": without(erasures, inventory.ErasurePassed),
	}
}

func words[T ~string](ws []T) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w)
	}
	return out
}

func without(ws []string, drop string) []string {
	var out []string
	for _, w := range ws {
		if w != drop {
			out = append(out, w)
		}
	}
	return out
}

// TestEveryTypedKeyFamilyIsComplete fails when a key built at run time from
// a domain value is missing, or lacks a language: the volunteer would read
// "state.returned" or an English word in French.
func TestEveryTypedKeyFamilyIsComplete(t *testing.T) {
	for _, fams := range []map[string][]string{typedKeyFamilies(), keyFamilies()} {
		for prefix, values := range fams {
			for _, v := range values {
				m, ok := i18n.Lookup(prefix + v)
				switch {
				case !ok:
					t.Errorf("key %q is in no catalogue", prefix+v)
				case m.EN == "" || m.FR == "":
					t.Errorf("key %q lacks a language (EN %q, FR %q)", prefix+v, m.EN, m.FR)
				}
			}
		}
	}
}
