package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/imaging/wipe"
)

// wipeFlags are the options of atelier wipe.
type wipeFlags struct {
	method, verify, unit, out string
	yes, dryRun               bool
}

// newWipeCmd erases disks with a certificate per disk.
func newWipeCmd(g *globals) *cobra.Command {
	var f wipeFlags
	cmd := &cobra.Command{
		Use:   "wipe DISK...",
		Short: "Erase disks (firmware erase or verified overwrite) and issue a signed certificate per disk",
		Long: `Erase one or more whole disks, each in parallel with its own progress line,
and issue a signed erasure certificate (JSON, signature, PDF) for each disk
that passed or failed. The ledger records the start and the end of each wipe
against the unit: --unit, or the unit whose probe recorded this disk's serial.
A disk that belongs to no unit is still wiped and certified, and atelier says
the wipe was not recorded against a unit.

--method auto picks per medium (NIST SP 800-88): NVMe sanitize or format;
on a SATA SSD, ATA sanitize or secure erase; on a hard disk, ATA secure
erase enhanced; otherwise, or when the firmware command is missing, frozen
or fails, one overwrite with zeros and a full read-back. The certificate's
NIST category (Clear or Purge) is that of what was actually done.

atelier refuses, whatever the flags, a disk that holds the running system
or atelier itself, has a mounted filesystem, is swap, is part of a RAID/LVM
stack or is read-only. In a terminal it asks you to type the last four
characters of each disk's serial; in scripts pass --yes. --dry-run prints
the plan (technique, NIST category, expected duration) and writes nothing.
Ctrl-C stops every disk: the ledger records "interrupted" and no
certificate is issued.

--verify none writes without reading back. NIST SP 800-88 makes the
verification part of sanitization, so such a disk ends "unverified": no
certificate, the ledger records it as not erased; run again with
--verify sample or full.

Exit codes: 0 every disk passed; 1 refused (nothing written) or a wipe
failed; 3 written but not verified (--verify none); 130 interrupted.`,
		Example: "  atelier wipe --dry-run /dev/sdb\n" +
			"  atelier wipe /dev/sdb /dev/sdc\n" +
			"  atelier wipe --method zero --verify full --unit PCS-26-0042 --yes /dev/sdb\n" +
			"  atelier wipe --json --yes /dev/nvme0n1",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(wipe.Methods, f.method) {
				return g.lang().Errorf("wipe.badmethod", f.method, strings.Join(wipe.Methods, ", "))
			}
			switch f.verify {
			case "", wipe.VerifyFull, wipe.VerifySample, wipe.VerifyNone:
			default:
				return g.lang().Errorf("wipe.badverify", f.verify)
			}
			return runWipe(cmd.Context(), g, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.method, "method", wipe.MethodAuto, fmt.Sprintf("technique: %s", strings.Join(wipe.Methods, "|")))
	fl.StringVar(&f.verify, "verify", "", "read-back: full|sample|none (default: full after an overwrite, sample after a firmware erase; none: no certificate, exit 3)")
	fl.StringVar(&f.unit, "unit", "", "unit the disks belong to (default: found by the disk's serial)")
	fl.StringVar(&f.out, "out", "", "folder for certificates (default: certificates/ next to the ledger)")
	fl.BoolVar(&f.yes, "yes", false, "do not ask to type the serial (required when not in a terminal)")
	fl.BoolVar(&f.dryRun, "dry-run", false, "print the plan and write nothing")
	return cmd
}
