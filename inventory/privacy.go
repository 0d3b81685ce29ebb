package inventory

// What may be written into the ledger. Its events are kept forever and
// cannot be edited (DESIGN.md, invariant 3), so a beneficiary's phone
// number typed into a note, or an escape sequence pasted into a site name,
// would stay there for good. Every entry path normalises and checks here,
// before anything is written; writer.appendAt checks every payload again
// (checkPayload), and CheckEvent lets a replay refuse an event no command
// could have written.
//
// Three rules:
//   - identifiers (serials, asset tags, DSI names, site names, batches, disk
//     serials) have one form: NFC, every Unicode space a plain space, runs
//     of spaces one, trimmed. "É" composed or decomposed, with a
//     no-break space or two spaces, is one unit, not two.
//   - nothing invisible: control characters (C0, DEL, C1), format
//     characters (bidi overrides, zero-width spaces, soft hyphens), line
//     and paragraph separators, private-use and other default-ignorable
//     characters are refused, naming the field and the character's code
//     point: they let two serials that look the same differ, and an escape
//     sequence (OSC 52) can write a terminal's clipboard when printed.
//   - no personal data in free text: e-mail addresses (also written
//     "(at)", "[at]", " at ", "arobase", with a full-width ＠, "@@" or
//     letter by letter), phone numbers (French and international, any
//     spacing or grouping, "33 6..." without its "+"), French
//     social security numbers (NIR, key checked when present) and IBANs
//     (mod-97 checked) are refused, saying which field and which kind of
//     data, never echoing it. A beneficiary is an opaque MDH code of a
//     fixed shape (CheckBeneficiary). An asset tag of bare digits is a
//     DSI's inventory number and is not checked (normalizeAssetTag).
//
// What hardware or an engine reports (a disk's model, a device path, an
// I/O error) is stored as reported, never refused, and escaped when
// printed (internal/termui): a wipe's outcome must be recorded whatever
// its error text says.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Field names the part of an event a refusal is about; its text ("the
// note", "le motif") is the i18n message "field.<name>".
type Field string

// The fields a refusal can name.
const (
	FieldNote        Field = "note"
	FieldReason      Field = "reason"
	FieldSite        Field = "site"
	FieldDonor       Field = "donor"
	FieldBatch       Field = "batch"
	FieldOperator    Field = "operator"
	FieldVendor      Field = "vendor"
	FieldModel       Field = "model"
	FieldType        Field = "type"
	FieldSerial      Field = "serial"
	FieldAssetTag    Field = "asset_tag"
	FieldFile        Field = "file"
	FieldBeneficiary Field = "beneficiary"
	FieldDiskSerial  Field = "disk_serial"
	FieldImage       Field = "image"
	FieldGrade       Field = "grade"
	FieldBench       Field = "bench"
	FieldOrgName     Field = "org_name"
	FieldOrgAddress  Field = "org_address"
	FieldDSIName     Field = "dsi_name" // GLPI "Nom": may name a person
	FieldLogin       Field = "login"    // a hub web account's login
	FieldHostname    Field = "hostname" // deploy --hostname, kept in the deployed event's steps
)

// arg is the field as an error argument, said in the reader's language.
func (f Field) arg() *Error { return &Error{Key: "field." + string(f)} }

// Kinds of personal data, as in the message keys "privacy.<kind>".
const (
	pdEmail = "email"
	pdPhone = "phone"
	pdNIR   = "nir"
	pdIBAN  = "iban"
)

// NormalizeIdentifier is the one form of every identifier, checked: NFC,
// every Unicode space a plain space, runs of spaces one, trimmed; an
// invisible or control character is refused (ErrInvalidInput naming f).
func NormalizeIdentifier(f Field, s string) (string, error) {
	s = norm.NFC.String(s)
	if err := checkVisible(f, s); err != nil {
		return "", err
	}
	s = collapseSpaces(s)
	if utf8.RuneCountInString(s) > MaxIdentifier {
		return "", newErr(ErrInvalidInput, "ident.toolong", f.arg(), MaxIdentifier)
	}
	return s, nil
}

// MaxIdentifier is the longest identifier, in characters: GLPI's own
// columns stop at 255, and a longer value is a pasted paragraph, not a
// serial or a model. Both engines refuse it alike (PostgreSQL's indexes
// would refuse a few kilobytes with an error nobody could act on).
const MaxIdentifier = 255

// normalizeName is an identifier a person types or a DSI export carries
// that could also hold personal data: a site, donor, batch, operator,
// vendor or model.
func normalizeName(f Field, s string) (string, error) {
	s, err := NormalizeIdentifier(f, s)
	if err != nil {
		return "", err
	}
	return s, checkPersonalData(f, s)
}

// normalizeAssetTag is an asset tag: an identifier, checked for personal
// data like a name, except when it is digits only. DSIs number machines
// with bare digit strings ("0000123456", the GLPI corpus's "0000000000",
// even a 10-digit number starting 06) and such a string is their
// inventory number; a number written the way a phone number is written
// ("+33 6 12 34 56 78", "06 12 34 56 78", "06.12.34.56.78") and an e-mail
// address are refused.
func normalizeAssetTag(f Field, s string) (string, error) {
	s, err := NormalizeIdentifier(f, s)
	if err != nil || s == "" || strings.Trim(s, "0123456789") == "" {
		return s, err
	}
	return s, checkPersonalData(f, s)
}

// CheckText normalises and checks free text (a note, a reason): NFC and
// trimmed, its inner spacing kept; refused when it holds an invisible or
// control character or looks like it holds personal data.
func CheckText(f Field, s string) (string, error) {
	s = strings.TrimSpace(norm.NFC.String(s))
	if err := checkVisible(f, s); err != nil {
		return "", err
	}
	return s, checkPersonalData(f, s)
}

// cleanText is text typed by hand that cannot be about a person (an image's
// OS, version and edition): only the invisible characters are refused.
func cleanText(f Field, s string) (string, error) {
	s = strings.TrimSpace(norm.NFC.String(s))
	return s, checkVisible(f, s)
}

// identKey is an identifier's form for lookups and projection keys: the
// normal form without the checks, so that a reference typed in another
// normalisation (or an old event's value) still finds its unit.
func identKey(s string) string { return collapseSpaces(norm.NFC.String(s)) }

// collapseSpaces turns every Unicode space into a plain one, keeps one of
// each run and trims the ends. Plain ASCII with single spaces, nearly
// every serial, is returned as is.
func collapseSpaces(s string) string {
	clean := len(s) == 0 || (s[0] != ' ' && s[len(s)-1] != ' ')
	for i := 0; clean && i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			clean = s[i+1] != ' ' // s[i+1] exists: s does not end in a space
		case c >= utf8.RuneSelf:
			r, _ := utf8.DecodeRuneInString(s[i:])
			clean = !isSpace(r)
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// isSpace is a space a person cannot tell from another (Zs); tabs and line
// breaks are control characters, refused rather than folded.
func isSpace(r rune) bool { return r == ' ' || unicode.Is(unicode.Zs, r) }

// invisible reports whether r must never be stored: C0, DEL, C1, format
// characters (bidi controls, zero-width, soft hyphen, BOM), line and
// paragraph separators, private use, noncharacters, variation selectors
// and the other default-ignorable code points (Hangul fillers...).
func invisible(r rune) bool {
	if r < utf8.RuneSelf {
		return r < 0x20 || r == 0x7f
	}
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Co,
		unicode.Noncharacter_Code_Point, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// checkVisible refuses the first invisible character or invalid UTF-8
// byte of s, naming the field, the code point and its position (counted
// in characters from 1): the message never echoes the text itself.
func checkVisible(f Field, s string) error {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return nil
	}
	n := 0
	for i, r := range s {
		n++
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return newErr(ErrInvalidInput, "text.control", f.arg(), fmt.Sprintf("0x%02X (not UTF-8)", s[i]), n)
			}
		}
		if invisible(r) {
			return newErr(ErrInvalidInput, "text.control", f.arg(), describeRune(r), n)
		}
	}
	return nil
}

// runeNames are the invisible characters a volunteer is most likely to
// meet, named as Unicode does: "U+202E RIGHT-TO-LEFT OVERRIDE" says more
// than a code point alone.
var runeNames = map[rune]string{
	0x07: "BELL", 0x08: "BACKSPACE", 0x09: "TAB", 0x0a: "LINE FEED", 0x0d: "CARRIAGE RETURN",
	0x1b: "ESCAPE", 0x7f: "DELETE", 0x85: "NEXT LINE", 0x9b: "CONTROL SEQUENCE INTRODUCER",
	0x9d: "OPERATING SYSTEM COMMAND", 0xad: "SOFT HYPHEN", 0x061c: "ARABIC LETTER MARK",
	0x200b: "ZERO WIDTH SPACE", 0x200c: "ZERO WIDTH NON-JOINER", 0x200d: "ZERO WIDTH JOINER",
	0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK", 0x2028: "LINE SEPARATOR",
	0x2029: "PARAGRAPH SEPARATOR", 0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING",
	0x202c: "POP DIRECTIONAL FORMATTING", 0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE",
	0x2060: "WORD JOINER", 0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
}

func describeRune(r rune) string {
	if name, ok := runeNames[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}

// checkPersonalData refuses s when it looks like it holds personal data.
func checkPersonalData(f Field, s string) error {
	if kind := personalData(s); kind != "" {
		return newErr(ErrInvalidInput, "privacy."+kind, f.arg())
	}
	return nil
}

// personalData says which kind of personal data s looks like it holds
// (pdEmail, pdPhone, pdNIR, pdIBAN), or "". Cheap tests first, since every
// field of a 10,000-row import goes through here: most text has no "@",
// no word "at", no long run of digits and no "FR76"-like word.
func personalData(s string) string {
	p := pdFold(s)
	if mayHoldEmail(p) && holdsEmail(p) {
		return pdEmail
	}
	// the most precise first: an IBAN's digits can pass for a phone number
	if mayHoldIBAN(p) && holdsIBAN(p) {
		return pdIBAN
	}
	if longestDigitRun(p) < 9 { // a phone number has 9 digits or more, a NIR 13
		return ""
	}
	switch {
	case holdsNIR(p):
		return pdNIR
	case holdsPhone(p):
		return pdPhone
	}
	return ""
}

// longestDigitRun is the most digits in one run of p, a run going on
// across at most two separators in a row (" ", ".", "-", "/", brackets):
// "+33 (0)6 12 34 56 78" is one run of 12.
func longestDigitRun(p string) int {
	best, n, seps := 0, 0, 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c >= '0' && c <= '9':
			n++
			seps = 0
			best = max(best, n)
		case (c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')' || c == '+') && n > 0 && seps < 2:
			seps++
		case (c == 'a' || c == 'b') && i > 0 && p[i-1] == '2': // Corsica's 2A and 2B in a NIR
			n++
		default:
			n, seps = 0, 0
		}
	}
	return best
}

// pdFold is the form personal data is looked for in: compatibility
// characters folded (full-width ＠ and digits become @ and 0-9), lower
// case, every space a plain space, every dash a hyphen-minus, invisible
// characters dropped (a zero-width space must not hide an address).
func pdFold(s string) string {
	ascii, plain := true, true
	for i := 0; i < len(s) && ascii; i++ {
		c := s[i]
		ascii = c < utf8.RuneSelf
		plain = plain && !(c >= 'A' && c <= 'Z') && c >= ' '
	}
	if ascii && plain {
		return s // nothing to fold, the common case
	}
	if ascii {
		b := []byte(s)
		for i, c := range b {
			switch {
			case c >= 'A' && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case c == '\t' || c == '\n' || c == '\r':
				b[i] = ' '
			}
		}
		return string(b) // other controls stay: nothing matches them
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || (r >= utf8.RuneSelf && unicode.Is(unicode.Zs, r)):
			b.WriteByte(' ')
		case r >= utf8.RuneSelf && (unicode.Is(unicode.Pd, r) || r == '\u2212'):
			b.WriteByte('-')
		case invisible(r):
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// E-mail addresses, plain or obfuscated. The at sign may be "@" (spaced
// or not), "(at)", "[at]", "{at}", "<at>", "arobase", or the word "at";
// the dots "." or "(dot)", "[point]", " dot ", " point ". With the bare
// word "at" (an English word) the address must end in a common domain
// ending, so "meet at the office. ok" stays a note.
var (
	emailLocal = `[a-z0-9_%+\-]+(?:\.[a-z0-9_%+\-]+)*`
	emailLabel = `[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?`
	emailDot   = `(?:\.|\s*[(\[{<]\s*(?:dot|point|\.)\s*[)\]}>]\s*|\s+(?:dot|point)\s+)`
	emailAtSym = `(?:(?:\s*@)+\s*|\s*[(\[{<]\s*(?:at|arobase)\s*[)\]}>]\s*|\s+arobase\s+)`
	emailTLDs  = `(?:fr|com|org|net|eu|be|ch|de|uk|es|it|lu|ca|us|io|info|biz|me|re|gp|mq|gf|yt|nc|pf|pm)`
	webmails   = `(?:gmail|googlemail|hotmail|outlook|msn|yahoo|ymail|orange|wanadoo|free|sfr|neuf|laposte|icloud|gmx|aol|protonmail|proton|bbox|numericable)`

	emailRE = regexp.MustCompile(`\b` + emailLocal + `(?:` +
		emailAtSym + emailLabel + `(?:` + emailDot + emailLabel + `)*` + emailDot + `[a-z]{2,24}\b` +
		`|\s+at\s+` + emailLabel + `(?:` + emailDot + emailLabel + `)*` + emailDot + emailTLDs + `\b` +
		`|` + emailAtSym + webmails + `\b)`)
	// "jean.dupont at gmail": the word "at" then a webmail's name, after a
	// local part that looks like one (a dot, an underscore or a digit).
	emailWordWebmailRE = regexp.MustCompile(`\b[a-z0-9]+[._][a-z0-9._]*\s+at\s+` + webmails + `\b|\b[a-z]+[0-9]+\s+at\s+` + webmails + `\b`)
)

// mayHoldEmail: an at sign, "arobase", or "at" standing as a word.
func mayHoldEmail(p string) bool {
	if strings.Contains(p, "@") || strings.Contains(p, "arobase") {
		return true
	}
	for i := strings.Index(p, "at"); i >= 0; {
		if (i == 0 || !isAlnum(p[i-1])) && (i+2 == len(p) || !isAlnum(p[i+2])) {
			return true
		}
		j := strings.Index(p[i+2:], "at")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

func holdsEmail(p string) bool {
	if emailRE.MatchString(p) || emailWordWebmailRE.MatchString(p) {
		return true
	}
	if q := joinLetterSpaced(p); q != p {
		return emailRE.MatchString(q) || emailWordWebmailRE.MatchString(q)
	}
	return false
}

// joinLetterSpaced glues back a word typed one character at a time: in a
// run of three or more one-character words, the spaces go, so that
// "j e a n . d u p o n t @ g m a i l . c o m" is read as the address it
// is. Ordinary words are left alone: "a b c @ d e f" becomes "abc@def",
// still no address (no domain ending).
func joinLetterSpaced(p string) string {
	words := strings.Split(p, " ")
	var b strings.Builder
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && len(words[j]) == 1 {
			j++
		}
		if j-i >= 3 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(words[i:j], ""))
			i = j
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i])
		i++
	}
	return b.String()
}

// French phone numbers: 0 then 1-9, then four pairs of digits, written
// together or with one kind of separator ("06 12 34 56 78",
// "06.12.34.56.78", "06-12-34-56-78", "06/12/34/56/78" as paper forms
// print it). One kind only, and five pairs: "06/11/2026 08:15" is a date,
// not a number.
var frPhoneRE = regexp.MustCompile(`(?:^|[^0-9a-z+])0[1-9](?:[0-9]{8}|(?: [0-9]{2}){4}|(?:\.[0-9]{2}){4}|(?:-[0-9]{2}){4}|(?:/[0-9]{2}){4})(?:$|[^0-9])`)

// International numbers start with "+" or "00" and a country code.
var intlPhoneRE = regexp.MustCompile(`(?:^|[^0-9a-z+])(?:\+|00)\s?[1-9]`)

func holdsPhone(p string) bool {
	if frPhoneRE.MatchString(p) || holdsGroupedPhone(p) {
		return true
	}
	for _, m := range intlPhoneRE.FindAllStringIndex(p, -1) {
		if p[m[0]] == '-' || p[m[0]] == '.' {
			continue // "-0042-3510-...": a group of a UUID or a part number
		}
		if intlPhoneAt(p, m[1]-1) {
			return true
		}
	}
	return false
}

// holdsGroupedPhone finds a phone number written in groups of any size
// split by one kind of separator (a space, a dot or a dash), or in one
// piece: a French number of 10 digits, 0 then 1-9 ("0 6 1 2 3 4 5 6 7 8",
// "0612 345 678", "06 123 456 78"), or the same dialled from abroad
// without its "+" or "00", 33 then 1-9 and 11 digits in all
// ("33 6 12 34 56 78", "33612345678", "(33) 6 12..."). The digits must
// stand alone: glued to a letter or a "+", or followed by a time
// ("06 11 2026 08:15"), a slash or a decimal part, they are something else.
// In groups, a group has at most four digits: "SIRET 123 456 789 00012"
// is a company, not a person.
func holdsGroupedPhone(p string) bool {
	for i := 0; i < len(p); {
		if !isDigit(p[i]) || !standsAlone(p, i) {
			i++
			continue
		}
		digits, j := readGroups(p, i)
		// "touches 0 1 2 3 4 5 6 7 8 9 mortes" lists a keyboard's top row.
		if isPhoneDigits(digits) && !(digits == "0123456789" && j-i == 19) {
			return true
		}
		i = j
	}
	return false
}

// standsAlone: the digit at p[i] starts a number, not the middle of a
// word, of an international number ("+33") or of a dotted or dashed code.
func standsAlone(p string, i int) bool {
	if i == 0 {
		return true
	}
	c := p[i-1]
	switch {
	case isAlnum(c) || c == '+':
		return false
	case c == '.' || c == '-' || c == '/' || c == ',' || c == ':':
		return i < 2 || !isAlnum(p[i-2])
	}
	return true
}

// readGroups reads the digit groups from p[i], split by one kind of
// separator, and returns their digits and where the reading stopped.
// Digits that run on into something else ("08:15", "2,4", "12/03") are
// returned as "" so they never count as a number.
func readGroups(p string, i int) (string, int) {
	var d strings.Builder
	var sep byte
	groups, longest := 0, 0
	for {
		start := i
		for i < len(p) && isDigit(p[i]) {
			d.WriteByte(p[i])
			i++
		}
		groups++
		longest = max(longest, i-start)
		// "(33) 6 12 34 56 78": the bracketed first group then a space.
		if groups == 1 && i+2 < len(p) && p[i] == ')' && p[i+1] == ' ' && isDigit(p[i+2]) && start > 0 && p[start-1] == '(' {
			sep, i = ' ', i+2
			continue
		}
		if i+1 < len(p) && (p[i] == ' ' || p[i] == '.' || p[i] == '-') && isDigit(p[i+1]) && (sep == 0 || sep == p[i]) {
			sep = p[i]
			i++
			continue
		}
		break
	}
	if i < len(p) {
		c := p[i]
		if isAlnum(c) || (strings.IndexByte(".-/,:", c) >= 0 && i+1 < len(p) && isDigit(p[i+1])) {
			return "", i
		}
	}
	if groups > 1 && longest > 4 {
		return "", i
	}
	return d.String(), i
}

// isPhoneDigits: 0 then 1-9, 10 digits (French); 33 then 1-9, 11 digits
// (French, country code without its "+").
func isPhoneDigits(d string) bool {
	switch len(d) {
	case 10:
		return d[0] == '0' && d[1] != '0'
	case 11:
		return d[:2] == "33" && d[2] != '0'
	}
	return false
}

// intlPhoneAt reads the number whose country code starts at p[i]: digits
// in groups split by spaces, dots, dashes or brackets (at most two
// separators in a row, "+33 (0)6"), the trunk "(0)" not counted. 9 to 15
// digits in all (E.164 allows 15) make it a phone number: "+44 20 7946
// 0958", "0033612345678", "+1 (555) 123-4567".
func intlPhoneAt(p string, i int) bool {
	digits, seps := 0, 0
	for ; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= '0' && c <= '9':
			if c == '0' && i > 0 && p[i-1] == '(' && i+1 < len(p) && p[i+1] == ')' {
				seps = 0 // "(0)": the national trunk prefix, not dialled from abroad
				continue
			}
			digits++
			seps = 0
		case c == ' ' || c == '.' || c == '-' || c == '(' || c == ')':
			if seps++; seps > 2 {
				return digits >= 9 && digits <= 15
			}
		default:
			if c >= 'a' && c <= 'z' && (seps == 0 || p[i-1] == '-' || p[i-1] == '.') {
				return false // glued to a word: a part number, not a phone
			}
			return digits >= 9 && digits <= 15
		}
	}
	return digits >= 9 && digits <= 15
}

// A French social security number (NIR): sex (1, 2; 7 or 8 for a
// temporary number), year, month, département (2A and 2B for Corsica),
// commune, order, and the two-digit key, written together or in its
// groups ("1 85 05 78 006 084 36").
var nirRE = regexp.MustCompile(`(?:^|[^0-9a-z])([1278])[ .\-]?([0-9]{2})[ .\-]?([0-9]{2})[ .\-]?([0-9]{2}|2[ab])[ .\-]?([0-9]{3})[ .\-]?([0-9]{3})(?:[ .\-]?([0-9]{2}))?(?:$|[^0-9a-z])`)

// holdsNIR checks the key when it is written (97 minus the number modulo
// 97, 2A counting as 19 and 2B as 18); without a key, the month must be a
// real one (or 20, unknown) and the département one that exists, so that
// other 13-digit numbers pass.
func holdsNIR(p string) bool {
	for _, m := range nirRE.FindAllStringSubmatch(p, -1) {
		sex, year, month, dept, commune, order, key := m[1], m[2], m[3], m[4], m[5], m[6], m[7]
		if key != "" {
			n := sex + year + month + strings.NewReplacer("2a", "19", "2b", "18").Replace(dept) + commune + order
			if 97-mod97(n) == atoi(key) {
				return true
			}
			continue
		}
		mm, dd := atoi(month), atoi(dept)
		okMonth := (mm >= 1 && mm <= 12) || mm == 20
		okDept := dept == "2a" || dept == "2b" || (dd >= 1 && dd <= 95) || (dd >= 97 && dd <= 99)
		if okMonth && okDept {
			return true
		}
	}
	return false
}

// ibanLengths is each IBAN country's length (SWIFT IBAN registry). A
// country not listed is not looked for: a random "XX12 ..." passes the
// mod-97 check once in 97, the exact length makes that negligible.
var ibanLengths = map[string]int{
	"ad": 24, "ae": 23, "al": 28, "at": 20, "az": 28, "ba": 20, "be": 16, "bg": 22, "bh": 22, "br": 29,
	"by": 28, "ch": 21, "cr": 22, "cy": 28, "cz": 24, "de": 22, "dk": 18, "do": 28, "ee": 20, "eg": 29,
	"es": 24, "fi": 18, "fo": 18, "fr": 27, "gb": 22, "ge": 22, "gi": 23, "gl": 18, "gr": 27, "gt": 28,
	"hr": 21, "hu": 28, "ie": 22, "il": 23, "iq": 23, "is": 26, "it": 27, "jo": 30, "kw": 30, "kz": 20,
	"lb": 28, "lc": 32, "li": 21, "lt": 20, "lu": 20, "lv": 21, "mc": 27, "md": 24, "me": 22, "mk": 19,
	"mr": 27, "mt": 31, "mu": 30, "nl": 18, "no": 15, "pk": 24, "pl": 28, "ps": 29, "pt": 25, "qa": 29,
	"ro": 24, "rs": 22, "sa": 24, "sc": 31, "se": 24, "si": 19, "sk": 24, "sm": 27, "st": 25, "sv": 28,
	"tl": 23, "tn": 24, "tr": 26, "ua": 29, "va": 22, "vg": 24, "xk": 20,
}

// mayHoldIBAN: a word starting with two letters and two digits.
func mayHoldIBAN(p string) bool {
	for i := 0; i+3 < len(p); i++ {
		if ibanStart(p, i) {
			return true
		}
	}
	return false
}

func ibanStart(p string, i int) bool {
	return (i == 0 || !isAlnum(p[i-1])) && isLower(p[i]) && isLower(p[i+1]) && isDigit(p[i+2]) && isDigit(p[i+3])
}

// holdsIBAN finds an IBAN of its country's exact length, written together
// or in groups split by single spaces, ending where a word ends, whose
// mod-97 check holds.
func holdsIBAN(p string) bool {
	for start := 0; start+3 < len(p); start++ {
		if !ibanStart(p, start) {
			continue
		}
		want, ok := ibanLengths[p[start:start+2]]
		if !ok {
			continue
		}
		var b strings.Builder
		i := start
	scan:
		for ; i < len(p) && b.Len() < want; i++ {
			switch c := p[i]; {
			case isAlnum(c):
				b.WriteByte(c)
			case c == ' ' && b.Len() >= 4 && i+1 < len(p) && isAlnum(p[i+1]):
			default:
				break scan
			}
		}
		if b.Len() != want || (i < len(p) && isAlnum(p[i])) {
			continue
		}
		s := b.String()
		if mod97(s[4:]+s[:4]) == 1 {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isAlnum(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' }

// mod97 is the number written by s modulo 97, letters counting 10 (a) to
// 35 (z), as ISO 13616 and the NIR key compute it.
func mod97(s string) int {
	r := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			r = (r*10 + int(c-'0')) % 97
		case c >= 'a' && c <= 'z':
			r = (r*100 + int(c-'a') + 10) % 97
		}
	}
	return r
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// The shape of a beneficiary reference: the opaque code the MDH issues,
// letters, digits and dashes, no spaces, 3 to 40 characters.
const (
	beneficiaryMin = 3
	beneficiaryMax = 40
)

var beneficiaryRE = regexp.MustCompile(`^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$`)

// CheckBeneficiary accepts only an opaque reference issued by the MDH, of
// the documented shape (3 to 40 ASCII letters, digits and single dashes,
// at least one digit, e.g. MDH-VILLAGE2-2026-017): never an e-mail
// address, a phone number, a NIR, an IBAN, a name or an address.
func CheckBeneficiary(ref string) error {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return newErr(ErrInvalidInput, "beneficiary.missing")
	}
	if err := checkVisible(FieldBeneficiary, ref); err != nil {
		return err
	}
	if kind := personalData(ref); kind != "" {
		return newErr(ErrInvalidInput, "beneficiary."+kind)
	}
	hasDigit := strings.ContainsAny(ref, "0123456789")
	if !hasDigit && !strings.ContainsAny(ref, "@+") {
		return newErr(ErrInvalidInput, "beneficiary.name")
	}
	if n := len(ref); n < beneficiaryMin || n > beneficiaryMax || !beneficiaryRE.MatchString(ref) || !hasDigit {
		return newErr(ErrInvalidInput, "beneficiary.shape", beneficiaryMin, beneficiaryMax)
	}
	return nil
}

// normalizeNewUnit puts a unit to register in normal form, or says which
// field is refused: the serial is an identifier; the asset tag one that
// may not hold personal data unless it is bare digits (normalizeAssetTag);
// vendor, model, donor and batch identifiers that may not hold any.
func normalizeNewUnit(nu *NewUnit) error {
	var err error
	for _, f := range []struct {
		field Field
		v     *string
		rule  func(Field, string) (string, error)
	}{
		// The DSI's name before the asset tag: an import takes the tag from
		// the name when it has none, and the refusal names the column read.
		{FieldSerial, &nu.Serial, NormalizeIdentifier}, {FieldDSIName, &nu.Name, normalizeName},
		{FieldAssetTag, &nu.AssetTag, normalizeAssetTag}, {FieldType, &nu.Type, NormalizeIdentifier},
		{FieldVendor, &nu.Vendor, normalizeName}, {FieldModel, &nu.Model, normalizeName},
		{FieldDonor, &nu.Donor, normalizeName}, {FieldBatch, &nu.Batch, normalizeName},
	} {
		if *f.v, err = f.rule(f.field, *f.v); err != nil {
			return err
		}
	}
	return nil
}

// checkOperator is the operator as recorded with every event: a name,
// not an address or a number.
func checkOperator(op string) (string, error) {
	op, err := normalizeName(FieldOperator, op)
	if err != nil {
		return "", err
	}
	if op == "" {
		return "", newErr(ErrInvalidInput, "operator.missing")
	}
	return op, nil
}

// CheckEvent checks an event already written (a replay, an imported
// bundle) against the rules every command applies before writing: its
// operator and bench, then its payload (CheckEventPrivacy). A refusal is
// ErrInvalidInput naming the field; the caller names the event.
func CheckEvent(e Event) error {
	if _, err := checkOperator(e.Operator); err != nil {
		return err
	}
	if err := checkVisible(FieldBench, e.Bench); err != nil {
		return err
	}
	return CheckEventPrivacy(e.Kind, e.Payload)
}

// CheckEventPrivacy checks the payload of an event of this kind as the
// commands check what they write: no invisible character anywhere a
// person or a device put text, no personal data in free text, a
// beneficiary of the documented shape. Kinds this version does not know
// pass (a newer atelier's events are its own business). A payload that is
// not the kind's JSON is refused.
func CheckEventPrivacy(kind string, payload []byte) error {
	var v any
	switch kind {
	case KindReceived:
		v = new(receivedPayload)
	case KindMoved:
		v = new(movedPayload)
	case KindMoveUndone:
		v = new(Undone)
	case KindNote:
		v = new(notePayload)
	case KindProbed:
		v = new(probedPayload)
	case KindDiskDestroyed:
		v = new(destroyedPayload)
	case KindWipeStarted:
		v = new(WipeStart)
	case KindWipeFinished:
		v = new(WipeOutcome)
	case KindDeployStarted:
		v = new(DeployStart)
	case KindDeployed:
		v = new(DeployOutcome)
	case KindSiteAdded:
		v = new(sitePayload)
	case KindImageAdded:
		v = new(Image)
	case KindOrgSet:
		v = new(orgPayload)
	case KindStickerIssued, KindStickerRevoked:
		v = new(stickerPayload)
	case KindAuditRecorded:
		v = new(auditPayload)
	case KindAccountAdded, KindAccountDisabled, KindAccountEnabled, KindAccountPassword:
		v = new(accountPayload)
	case KindConflictFound, KindConflictResolved:
		v = new(conflictPayload)
	case KindBenchEnrolled:
		v = new(benchEnrolledPayload)
	case KindBenchRevoked:
		v = new(benchRevokedPayload)
	case KindUnitMerged, KindUnitAbsorbed:
		v = new(unitMergePayload)
	default:
		return nil
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return newErr(ErrInvalidInput, "privacy.payload", kind, err.Error())
	}
	return checkPayload(v)
}

// checkPayload is the check of CheckEventPrivacy on a payload value, run
// by writer.appendAt on every event before it is written: whatever entry
// path a value came through, it is refused there at the latest. What
// hardware or an engine reports (a disk's model, a device path, an I/O
// error, a deploy step) is not refused: a wipe's outcome must be recorded
// whatever its error text says, and human output escapes it anyway.
func checkPayload(payload any) error {
	// Writers pass a payload by value or by pointer: one case serves both.
	if v := reflect.ValueOf(payload); v.Kind() == reflect.Pointer && !v.IsNil() {
		payload = v.Elem().Interface()
	}
	switch p := payload.(type) {
	case receivedPayload:
		nu := p.NewUnit
		if err := normalizeNewUnit(&nu); err != nil {
			return err
		}
		return checkAll(FieldFile, CheckText, p.File)
	case movedPayload:
		return checkMoveText(p.Beneficiary, p.Reason, p.Site)
	case Undone:
		return checkMoveText(p.Beneficiary, p.Reason, p.Site)
	case unitMergePayload:
		return checkAll(FieldReason, CheckText, p.Reason)
	case notePayload:
		return checkAll(FieldNote, CheckText, p.Text)
	case probedPayload:
		if err := checkAll(FieldGrade, NormalizeIdentifier, p.Grade); err != nil {
			return err
		}
		for _, d := range p.Disks {
			if err := checkAll(FieldDiskSerial, NormalizeIdentifier, d.Serial); err != nil {
				return err
			}
		}
		return nil
	case destroyedPayload:
		if err := checkAll(FieldDiskSerial, NormalizeIdentifier, p.Serial); err != nil {
			return err
		}
		return checkAll(FieldReason, CheckText, p.Reason)
	case WipeStart:
		return checkAll(FieldDiskSerial, NormalizeIdentifier, p.Disk.Serial)
	case WipeOutcome:
		return checkAll(FieldDiskSerial, NormalizeIdentifier, p.DiskSerial)
	case DeployStart:
		return checkAll(FieldDiskSerial, NormalizeIdentifier, p.DiskSerial)
	case DeployOutcome:
		return checkAll(FieldDiskSerial, NormalizeIdentifier, p.DiskSerial)
	case sitePayload:
		return checkAll(FieldSite, normalizeName, p.Name)
	case accountPayload:
		if _, err := NormalizeLogin(p.Login); err != nil {
			return err
		}
		return checkAll(FieldSite, normalizeName, p.Site)
	case Image:
		if err := checkAll(FieldImage, normalizeName, p.Name); err != nil {
			return err
		}
		return checkAll(FieldImage, cleanText, p.OS, p.Version, p.Edition)
	case orgPayload:
		// The association's own name and address are printed on every
		// document: no one's e-mail or phone number belongs there either.
		if err := checkAll(FieldOrgName, CheckText, p.Name); err != nil {
			return err
		}
		return checkAll(FieldOrgAddress, CheckText, strings.Split(p.Address, "\n")...)
	case stickerPayload:
		return checkAll(FieldReason, CheckText, p.Reason)
	case auditPayload:
		return checkAll(FieldNote, CheckText, p.Note)
	case conflictPayload:
		// A resolution's note is free text a person types on the hub.
		return checkAll(FieldNote, CheckText, p.Note)
	case benchEnrolledPayload:
		return checkBenchName(p.Name)
	case benchRevokedPayload:
		return checkBenchName(p.Name)
	}
	return nil
}

// checkMoveText checks what a move (or its undoing) carries as text.
func checkMoveText(beneficiary, reason, site string) error {
	if beneficiary != "" {
		if err := CheckBeneficiary(beneficiary); err != nil {
			return err
		}
	}
	if err := checkAll(FieldReason, CheckText, reason); err != nil {
		return err
	}
	return checkAll(FieldSite, normalizeName, site)
}

// checkBenchName holds a registry event that came from elsewhere (a
// bundle, a pull) to the names EnrolBench accepts: it is shown in lists,
// headers and file names.
func checkBenchName(name string) error {
	if !benchNameRE.MatchString(name) {
		return newErr(ErrInvalidInput, "bench.badname", name)
	}
	return nil
}

// checkAll runs one rule on every value of a field.
func checkAll(f Field, rule func(Field, string) (string, error), values ...string) error {
	for _, v := range values {
		if _, err := rule(f, v); err != nil {
			return err
		}
	}
	return nil
}

// normalize puts a move's free text in normal form before anything is
// written: the reason, and the site named (looked up in that form).
func (o *MoveOptions) normalize() error {
	var err error
	if o.Reason, err = CheckText(FieldReason, o.Reason); err != nil {
		return err
	}
	o.Site, err = normalizeName(FieldSite, o.Site)
	return err
}

// normalizeBatch puts a batch to import in normal form, refusing it whole
// when a row or the batch's own donor, reference or file name is refused.
// The caller's rows are left as they were.
func normalizeBatch(b *BatchInfo, rows []NewUnit) ([]NewUnit, error) {
	var err error
	if b.Donor, err = normalizeName(FieldDonor, b.Donor); err != nil {
		return nil, err
	}
	if b.Batch, err = normalizeName(FieldBatch, b.Batch); err != nil {
		return nil, err
	}
	if b.File, err = CheckText(FieldFile, b.File); err != nil {
		return nil, err
	}
	out := make([]NewUnit, len(rows))
	for i, nu := range rows {
		if err := normalizeNewUnit(&nu); err != nil {
			return nil, newErr(ErrInvalidInput, "import.row", b.File, nu.SourceLine, err)
		}
		out[i] = nu
	}
	return out, nil
}
