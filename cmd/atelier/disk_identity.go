package main

import (
	"fmt"
	"strings"
)

// diskIdentity is the one key the ledger files a disk under, used alike by
// probe/check --save, wipe and deploy so that the three name the same disk
// the same way:
//   - its serial number when the disk reports one;
//   - "loop:<backing file>" for a loop device (test benches have no serials);
//   - otherwise "noserial:<model>:<bytes>", a stand-in that still lets the
//     ledger refuse a handover until that disk is erased. Two identical
//     serial-less disks in one PC share it: erasing one then shows as
//     erasing both, which is why wipe warns when it falls back to it.
func diskIdentity(serial, backingFile, model string, sizeBytes int64) string {
	if s := strings.TrimSpace(serial); s != "" && usableText(s) {
		return s
	}
	if backingFile != "" {
		return "loop:" + backingFile
	}
	m := strings.Join(strings.Fields(strings.ToLower(model)), "_")
	if m == "" || m == "unknown" {
		m = "unknown-model"
	}
	return fmt.Sprintf("noserial:%s:%d", m, sizeBytes)
}
