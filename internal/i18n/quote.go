package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// frenchFormat adapts a French format and its arguments to French
// typography before fmt runs:
//   - each %q becomes « %s » with its argument escaped the way %q escapes
//     it (control characters and invisible runes shown as \x.. or \u....),
//     so French text gets guillemets without losing what %q protects
//     against;
//   - each floating-point verb (%.1f...) is written with a decimal comma
//     ("0,9 s", "536,9 Mo"), by golang.org/x/text's French number format.
//
// Formats with explicit argument indexes are left as they are.
func frenchFormat(format string, args []any) (string, []any) {
	if !strings.ContainsAny(format, "%") || strings.Contains(format, "%[") {
		return format, args
	}
	var b strings.Builder
	out := append([]any(nil), args...)
	arg := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			b.WriteString(format[i:])
			break
		}
		verb := format[j]
		switch {
		case verb == '%':
			b.WriteString("%%")
		case verb == 'q' && j == i+1 && arg < len(out):
			b.WriteString("«\u00a0%s\u00a0»")
			out[arg] = quoteInner(out[arg])
			arg++
		case strings.IndexByte("fFgeE", verb) >= 0 && !strings.Contains(format[i:j], "*") && arg < len(out) && isFloat(out[arg]):
			b.WriteString("%s")
			out[arg] = FR.printer().Sprintf(format[i:j+1], out[arg])
			arg++
		default:
			b.WriteString(format[i : j+1])
			arg += 1 + strings.Count(format[i:j], "*")
		}
		i = j
	}
	return b.String(), out
}

// quoteInner is %q's escaping of v without the surrounding quotes.
func quoteInner(v any) string {
	s, ok := v.(string)
	if !ok {
		s = fmt.Sprint(v)
	}
	q := strconv.Quote(s)
	return strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
}

func isFloat(v any) bool {
	switch v.(type) {
	case float64, float32:
		return true
	}
	return false
}
