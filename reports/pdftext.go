package reports

import (
	"reflect"
	"strings"
)

// fpdf's UTF-8 fonts cover the Basic Multilingual Plane only: a character
// beyond U+FFFF (an emoji typed into GLPI, an odd DMI string) made it panic
// while drawing labels, and refuse a whole batch's PDF. Every string that
// goes into a PDF is first given U+FFFD (the replacement character, in
// DejaVu) in place of such characters. The ledger keeps the text as typed;
// the CSV and JSON exports are untouched.

// pdfClean returns a copy of v whose strings, in exported fields, slices,
// maps and pointed-to values, hold no character beyond U+FFFF. The caller's
// value is never changed (slices, maps and pointers are copied).
func pdfClean[T any](v T) T {
	cleanValue(reflect.ValueOf(&v).Elem())
	return v
}

func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); v.CanSet() && beyondBMP(s) {
			v.SetString(replaceBeyondBMP(s))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				cleanValue(f)
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			cleanValue(v.Index(i))
		}
	case reflect.Slice:
		if v.IsNil() || !v.CanSet() || v.Type().Elem().Kind() == reflect.Uint8 {
			return // a logo's bytes are no text
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		v.Set(c)
		for i := range c.Len() {
			cleanValue(c.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() || !v.CanSet() {
			return
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(v.Elem())
		v.Set(n)
		cleanValue(n.Elem())
	case reflect.Map:
		if v.IsNil() || !v.CanSet() {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			k := reflect.New(v.Type().Key()).Elem()
			k.Set(it.Key())
			cleanValue(k)
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(it.Value())
			cleanValue(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	}
}

func beyondBMP(s string) bool {
	for _, r := range s {
		if r > 0xFFFF {
			return true
		}
	}
	return false
}

func replaceBeyondBMP(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, s)
}
