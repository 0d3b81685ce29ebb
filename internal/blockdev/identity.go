package blockdev

import (
	"fmt"
	"strings"
)

// NoSerialPrefix starts the stand-in identity of a disk that reports no
// serial number.
const NoSerialPrefix = "noserial:"

// Identity is the one key the ledger files a disk under, the same for
// probe --save, wipe and deploy because all three compute it here from the
// same Facts:
//   - its serial number when the disk reports one;
//   - "loop:<backing file>" for a loop device (test benches have no serials);
//   - otherwise "noserial:<model>:<bytes>", a stand-in that still lets the
//     ledger refuse a handover until that disk is erased. Two identical
//     serial-less disks in one PC share it: erasing one then shows as
//     erasing both, which is why wipe warns when it falls back to it.
func Identity(f Facts) string {
	if s := strings.TrimSpace(f.Serial); usable(s) {
		return s
	}
	if f.BackingFile != "" {
		return "loop:" + f.BackingFile
	}
	m := strings.Join(strings.Fields(strings.ToLower(f.Model)), "_")
	if !usable(m) {
		m = "unknown-model"
	}
	return fmt.Sprintf("%s%s:%d", NoSerialPrefix, m, f.SizeBytes)
}

// HasSerial tells whether Identity is the disk's own serial rather than a
// stand-in.
func HasSerial(f Facts) bool { return usable(strings.TrimSpace(f.Serial)) }

// usable rejects the empty text and the "unknown" a report writes for a
// fact it could not read.
func usable(s string) bool { return s != "" && s != "unknown" }
