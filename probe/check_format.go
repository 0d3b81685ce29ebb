package probe

import (
	"math"
	"strconv"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// sizeGB writes a size in GB the way a person reads it: "2 GB", "1.5 GB",
// "250 GB" (French: "1,5 Go").
func sizeGB(l i18n.Lang, v float64) string {
	var s string
	if v >= 10 {
		s = strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	} else {
		s = strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	}
	return l.T("check.unit.gb", decimal(l, s))
}

// percent writes a whole percentage number ("41").
func percent(v float64) string { return strconv.FormatFloat(math.Round(v), 'f', 0, 64) }

// decimal uses the language's decimal separator.
func decimal(l i18n.Lang, s string) string {
	if l == i18n.FR {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}
