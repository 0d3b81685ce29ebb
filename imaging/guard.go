package imaging

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Refusal is nil when atelier may write d, else an error naming every reason
// it may not. No flag overrides it: writing the wrong disk is the one
// mistake the bench cannot undo.
func (d BlockDevice) Refusal(lang i18n.Lang) error {
	if len(d.Reasons) == 0 && !d.Protected {
		return nil
	}
	return lang.Errorf("guard.refused", d.Path, reasonList(d))
}

// reasonList is every reason a disk is protected, said in the reader's
// language when the refusal is (the command may say an English refusal
// again in French).
type reasonList BlockDevice

func (r reasonList) In(l i18n.Lang) string {
	return strings.Join(BlockDevice(r).ReasonTexts(l), "; ")
}

// ConfirmOptions say how the operator agreed (or can agree) to write.
type ConfirmOptions struct {
	Yes, DryRun, Interactive bool
	In                       io.Reader
	Out                      io.Writer
	Lang                     i18n.Lang
}

// Confirm decides whether d may be written now. Protected disks are refused
// whatever the flags; a dry run writes nothing so it needs no consent;
// --yes consents; otherwise a person at a terminal types the last four
// characters of the serial (the device name when it has none), which they
// can only do by reading the label of the disk they mean.
func Confirm(d BlockDevice, o ConfirmOptions) error {
	lang := o.Lang
	if lang == "" {
		lang = i18n.EN
	}
	if err := d.Refusal(lang); err != nil {
		return err
	}
	if o.DryRun || o.Yes {
		return nil
	}
	if !o.Interactive || o.In == nil || o.Out == nil {
		return lang.Errorf("guard.needyes", d.Path)
	}
	want := ConfirmCode(d)
	fmt.Fprintln(o.Out, lang.T("guard.show", d.Path, firstNonEmpty(strings.TrimSpace(d.Vendor+" "+d.Model), "?"),
		firstNonEmpty(d.Serial, "?"), HumanBytesIn(lang, d.SizeBytes)))
	if d.Serial == "" {
		fmt.Fprint(o.Out, lang.T("guard.ask.name", want))
	} else {
		fmt.Fprint(o.Out, lang.T("guard.ask.serial"))
	}
	got, err := readLine(o.In)
	if err != nil && got == "" {
		return lang.Errorf("guard.noanswer", d.Path)
	}
	if !strings.EqualFold(strings.TrimSpace(got), want) {
		return lang.Errorf("guard.mismatch", d.Path)
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

// readLine reads up to a newline one byte at a time so that several
// confirmations can share one stdin without a buffer eating the next answer.
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	one := make([]byte, 1)
	for {
		n, err := r.Read(one)
		if n == 1 {
			if one[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(one[0])
		}
		if err != nil {
			return b.String(), err
		}
	}
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

// HumanBytesIn writes a size in decimal units the way probe shows disks: no
// decimal from 10 up ("275 GB"), one below ("2.1 GB"); in French with a
// decimal comma and octets ("2,1 Go").
func HumanBytesIn(lang i18n.Lang, n int64) string {
	const unit = 1000
	if n < unit {
		return lang.T("size.bytes", n)
	}
	v, exp := float64(n)/unit, 0
	for v >= unit && exp < 5 {
		v /= unit
		exp++
	}
	num := strconv.FormatFloat(v, 'f', 1, 64)
	if v >= 9.95 {
		num = strconv.FormatFloat(v, 'f', 0, 64)
	}
	if lang == i18n.FR {
		num = strings.Replace(num, ".", ",", 1)
	}
	return lang.T("size.unit."+string("kMGTPE"[exp]), num)
}
