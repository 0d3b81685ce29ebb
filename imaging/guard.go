package imaging

import (
	"fmt"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Refusal is nil when atelier may write d, else a keyed error (English
// inside; the command says it in the reader's language) naming every
// reason it may not. No flag overrides it: writing the wrong disk is the
// one mistake the bench cannot undo.
func (d BlockDevice) Refusal() error {
	if len(d.Reasons) == 0 && !d.Protected {
		return nil
	}
	return i18n.Keyed("guard.refused", d.Path, reasonList(d))
}

// reasonList is every reason a disk is protected, said in the reader's
// language when the refusal is.
type reasonList BlockDevice

func (r reasonList) In(l i18n.Lang) string {
	return strings.Join(BlockDevice(r).ReasonTexts(l), "; ")
}

// ConfirmOptions say how the operator agreed (or can agree) to write.
type ConfirmOptions struct {
	Yes, DryRun, Interactive bool
}

// Confirmation is what a person must be asked before d is written: the
// disk to show and the code to type. The command asks, in the reader's
// language; Check judges the answer.
type Confirmation struct {
	Device BlockDevice
	// Code is what must be typed: the last four characters of the serial,
	// or the device name when the disk has none (BySerial false).
	Code     string
	BySerial bool
}

// Consent decides whether d may be written now. Protected disks are refused
// whatever the flags; a dry run writes nothing so it needs no consent;
// --yes consents; otherwise a person at a terminal must type the last four
// characters of the serial (the device name when it has none), which they
// can only do by reading the label of the disk they mean: Consent returns
// that Confirmation. Errors are keyed.
func Consent(d BlockDevice, o ConfirmOptions) (*Confirmation, error) {
	if err := d.Refusal(); err != nil {
		return nil, err
	}
	if o.DryRun || o.Yes {
		return nil, nil
	}
	if !o.Interactive {
		return nil, i18n.Keyed("guard.needyes", d.Path)
	}
	return &Confirmation{Device: d, Code: ConfirmCode(d), BySerial: strings.TrimSpace(d.Serial) != ""}, nil
}

// Check judges what the person typed (answered false: nothing could be
// read). Case and surrounding spaces do not matter.
func (c Confirmation) Check(typed string, answered bool) error {
	if !answered && strings.TrimSpace(typed) == "" {
		return i18n.Keyed("guard.noanswer", c.Device.Path)
	}
	if !strings.EqualFold(strings.TrimSpace(typed), c.Code) {
		return i18n.Keyed("guard.mismatch", c.Device.Path)
	}
	return nil
}

// ConfirmCode is what the operator must type for d.
func ConfirmCode(d BlockDevice) string {
	s := strings.TrimSpace(d.Serial)
	if s == "" {
		return d.Name
	}
	if len(s) <= 4 {
		return s
	}
	return s[len(s)-4:]
}

// HumanBytes writes a size the way disk labels do (decimal units).
func HumanBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
