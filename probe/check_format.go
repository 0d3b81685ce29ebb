package probe

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// gbSize is a size in GB the way a person reads it: "2 GB", "1.5 GB",
// "250 GB" (French: "1,5 Go"). The judge returns it as a value; the reader's
// language is chosen where the message is shown.
type gbSize float64

func (v gbSize) In(l i18n.Lang) string {
	if v >= 10 {
		return l.T("check.unit.gb", i18n.Decimal{V: math.Round(float64(v))}.In(l))
	}
	return l.T("check.unit.gb", i18n.Decimal{V: float64(v), Prec: 1, Trim: math.Round(float64(v)*10) == math.Round(float64(v))*10}.In(l))
}

// percent writes a whole percentage number ("41").
func percent(v float64) string { return strconv.FormatFloat(math.Round(v), 'f', 0, 64) }

// msgList is messages said one after the other, separated by commas.
type msgList []i18n.Msg

func (m msgList) In(l i18n.Lang) string { return strings.Join(i18n.Texts(l, m), ", ") }

// appendNewMsg appends the messages list does not hold yet.
func appendNewMsg(list []i18n.Msg, items ...i18n.Msg) []i18n.Msg {
	for _, m := range items {
		if !slices.ContainsFunc(list, func(o i18n.Msg) bool { return sameMsg(o, m) }) {
			list = append(list, m)
		}
	}
	return list
}

// sameMsg reports whether a and b say the same thing.
func sameMsg(a, b i18n.Msg) bool { return msgID(a) == msgID(b) }

// msgID identifies a message by its key and arguments, whatever language
// it is later said in.
func msgID(m i18n.Msg) string { return m.Key + "\x00" + fmt.Sprint(m.Args...) }
