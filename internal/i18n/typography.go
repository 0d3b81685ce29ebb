package i18n

import "regexp"

// frenchTypography are the rules of French typography the catalogues and
// every French page follow: a narrow no-break space (U+202F) before : ; ! ?
// and %, « guillemets » with no-break spaces inside rather than straight
// quotes, "d'atelier" rather than "de atelier".
var frenchTypography = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`[ \x{a0}][:;!?](\s|$|\))`), "ordinary or wide no-break space before : ; ! ?"},
	{regexp.MustCompile(`[\p{L}\d)»%]([:;!?])(\s|$)`), "no space before : ; ! ?"},
	{regexp.MustCompile(`[\d.fdsv)]\s?%%`), "no narrow no-break space before %"},
	{regexp.MustCompile(`"`), StraightQuotes},
	{regexp.MustCompile(`«[^\x{a0}]|[^\x{a0}]»`), "guillemets without a no-break space inside"},
	{regexp.MustCompile(`\x{202f}\x{202f}|\x{a0}\x{a0}`), "doubled space"},
	{regexp.MustCompile(`(^|\s)(de|que|le|la) (atelier)\b`), "no elision (d'atelier)"},
}

// StraightQuotes is the fault FrenchTypographyFaults names for a straight
// double quote (command lines may hold them for the shell).
const StraightQuotes = "straight quotes (use « »)"

// FrenchTypographyFaults names each place where the French text s breaks
// French typography (a message in a catalogue may hold %q: T writes its
// value between guillemets). Tests run it on catalogues and rendered pages.
func FrenchTypographyFaults(s string) []string {
	var out []string
	for _, rule := range frenchTypography {
		for range rule.re.FindAllStringIndex(s, -1) {
			out = append(out, rule.what)
		}
	}
	return out
}
