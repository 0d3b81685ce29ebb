package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// frenchQuotes rewrites each %q verb of a French format as « %s » with its
// argument escaped the way %q escapes it (control characters and invisible
// runes shown as \x.. or \u....), so French text gets guillemets without
// losing what %q protects against. Formats with explicit argument indexes
// are left as they are.
func frenchQuotes(format string, args []any) (string, []any) {
	if !strings.Contains(format, "%q") || strings.Contains(format, "%[") {
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
