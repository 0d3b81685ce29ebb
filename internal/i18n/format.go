package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Localized is a value a message argument can hold that reads differently
// per language: a size, a decimal number, a technique's name. Domain
// packages put such values (or Msg) in their keyed messages; T renders them
// in the reader's language, so the domain never picks one.
type Localized interface {
	In(l Lang) string
}

// Msg is a keyed message with its arguments: what domain code returns
// instead of text. Arguments may themselves be Localized (another Msg, a
// Size...).
type Msg struct {
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"`
}

// M builds a Msg.
func M(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

// In says the message in l.
func (m Msg) In(l Lang) string { return l.T(m.Key, m.Args...) }

// Texts says every message of list in l.
func Texts(l Lang, list []Msg) []string {
	out := make([]string, 0, len(list))
	for _, m := range list {
		out = append(out, m.In(l))
	}
	return out
}

// Size is a number of bytes, written in decimal units the way disks are
// sold: no decimal from 10 up ("275 GB"), one below ("2.1 GB"); in French
// with a decimal comma and octets ("2,1 Go").
type Size int64

func (s Size) In(l Lang) string {
	const unit = 1000
	n := int64(s)
	if n < unit {
		return l.T("size.bytes", n)
	}
	v, exp := float64(n)/unit, 0
	for v >= unit-0.05 && exp < 5 {
		v /= unit
		exp++
	}
	prec := 1
	if v >= 9.95 {
		prec = 0
	}
	return l.T("size.unit."+string("kMGTPE"[exp]), Decimal{V: v, Prec: prec}.In(l))
}

// Decimal is a number written with Prec decimals (a trailing ",0" dropped
// when Trim is set) and the language's separators: "1,5" and "12 345" in
// French, "1.5" and "12,345" in English.
type Decimal struct {
	V    float64
	Prec int
	Trim bool
}

func (d Decimal) In(l Lang) string {
	v := d.V
	prec := d.Prec
	if d.Trim && v == math.Trunc(v) {
		prec = 0
	}
	return l.printer().Sprintf("%.*f", prec, v)
}

// Seconds is a duration said in seconds with one decimal: "0.9 s", "0,9 s".
type Seconds time.Duration

func (s Seconds) In(l Lang) string {
	return l.T("unit.seconds", Decimal{V: time.Duration(s).Seconds(), Prec: 1}.In(l))
}

// Clock is a duration as h:mm:ss or m:ss (the same in both languages).
type Clock time.Duration

func (c Clock) In(Lang) string {
	s := int(time.Duration(c).Round(time.Second).Seconds())
	var b strings.Builder
	if s >= 3600 {
		b.WriteString(itoa(s / 3600))
		b.WriteString(":")
		b.WriteString(pad2(s / 60 % 60))
	} else {
		b.WriteString(itoa(s / 60))
	}
	b.WriteString(":")
	b.WriteString(pad2(s % 60))
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// Word is a value of a closed vocabulary (a technique, a medium, a chassis
// type) shown to a person: Family.Value in the catalogue ("technique.
// overwrite-zero"), or the value itself when the catalogue does not know it
// (a newer firmware's word stays readable).
type Word struct {
	Family string
	Value  string
}

func (w Word) In(l Lang) string {
	if w.Value == "" {
		return ""
	}
	key := w.Family + "." + w.Value
	if _, ok := Lookup(key); ok {
		return l.T(key)
	}
	return w.Value
}
