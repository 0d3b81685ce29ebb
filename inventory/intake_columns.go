package inventory

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The columns atelier keeps from a computer list, and the header names GLPI
// (10 and 11, French and English), OCS Inventory and hand-made spreadsheets
// give them. Names are compared after intakeFold (lower case, no accents,
// punctuation as spaces), so "Numéro de série", "NUMERO DE SERIE" and
// "numero_de_serie" are one name. Earlier names win when a file has several
// candidate columns (GLPI's serial before OCS's BIOS serial).
var (
	intakeSerialNames = []string{
		"Numéro de série", "N° de série", "No de série", "N° série", "Numéro série", "Num série", "Série",
		"Serial number", "Serial", "Serial no", "Serialnumber", "S/N", "SN",
		"BIOS Serial number", "BIOS serial", "SSN", "Numéro de série BIOS",
	}
	intakeTagNames = []string{
		"Numéro d'inventaire", "N° d'inventaire", "No d'inventaire", "Inventaire",
		"Inventory number", "Inventory", "Otherserial", "Asset tag", "Asset",
		"Étiquette", "Numéro d'immobilisation", "Immobilisation",
	}
	// OCS's TAG is the agent's administrative tag, usually a department
	// ("COMPTA", "NA"), shared by many machines: used only when the file
	// names no machine at all.
	intakeOCSTagNames = []string{"TAG"}
	// The machine's name: the asset's reference when no inventory number
	// is given (GLPI "Nom"/"Name", OCS "Computer").
	intakeNameNames   = []string{"Nom", "Name", "Computer", "Nom de l'ordinateur", "Computer name", "Hostname", "Nom d'hôte"}
	intakeVendorNames = []string{"Fabricant", "Manufacturer", "Constructeur", "Marque", "Vendor", "Brand", "System manufacturer"}
	intakeModelNames  = []string{"Modèle", "Model", "Modèle d'ordinateur", "Computer model", "Product", "Produit", "System model", "Product name"}
	intakeTypeNames   = []string{"Type", "Type d'ordinateur", "Computer type", "Chassis", "Chassis type", "Type de châssis"}
)

// intakeFolder removes accents: é -> e, ç -> c.
var intakeFolder = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// intakeFold is the form header names and type values are compared in.
func intakeFold(s string) string {
	if !intakeASCII(s) { // the accent transform is the costly part: most values are ASCII
		if f, _, err := transform.String(intakeFolder, s); err == nil {
			s = f
		}
	}
	s = strings.ToLower(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

func intakeASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// intakeColumns are the indexes of the kept columns in a header (-1: absent).
type intakeColumns struct {
	serial, tag, ocsTag, name, vendor, model, typ int
	// serialTwin is a second column with the serial column's very name
	// (-1: none): which one holds the machine's serial cannot be told.
	serialTwin int
}

// intakeHeaderFinder returns a function giving the index of the first
// header (-1: none) matching one of names, in the order of names, with
// accents, case and punctuation ignored and GLPI's item-type prefix dropped;
// and the headers so folded.
func intakeHeaderFinder(header []string) (find func(names []string) int, folded []string) {
	folded = make([]string, len(header))
	for i, h := range header {
		f := intakeFold(h)
		for _, p := range []string{"ordinateur ", "ordinateurs ", "computer ", "computers "} {
			if strings.HasPrefix(f, p) && strings.Contains(h, "-") {
				f = strings.TrimPrefix(f, p)
			}
		}
		folded[i] = f
	}
	return func(names []string) int {
		for _, n := range names {
			want := intakeFold(n)
			for i, f := range folded {
				if f == want {
					return i
				}
			}
		}
		return -1
	}, folded
}

// intakeFindColumns matches header names. GLPI may prefix a computer's own
// fields with the item type ("Ordinateur - Numéro de série"): that prefix is
// ignored; other prefixes ("Système d'exploitation - Nom") name another
// object's field and are not the computer's.
func intakeFindColumns(header []string) intakeColumns {
	find, folded := intakeHeaderFinder(header)
	serial := find(intakeSerialNames)
	twin := -1
	if serial >= 0 {
		for i := serial + 1; i < len(folded); i++ {
			if folded[i] == folded[serial] {
				twin = i
				break
			}
		}
	}
	return intakeColumns{
		serial: serial, serialTwin: twin,
		tag:    find(intakeTagNames),
		ocsTag: find(intakeOCSTagNames),
		name:   find(intakeNameNames),
		vendor: find(intakeVendorNames),
		model:  find(intakeModelNames),
		typ:    find(intakeTypeNames),
	}
}

// intakeUnitTypes maps the words inventories use for a chassis to the few
// types the workshop sorts machines by. DMI chassis names (SMBIOS) are
// included since OCS and GLPI agents copy them.
var intakeUnitTypes = map[string]string{
	"laptop": "laptop", "portable": "laptop", "notebook": "laptop", "ordinateur portable": "laptop",
	"pc portable": "laptop", "sub notebook": "laptop", "netbook": "laptop", "convertible": "laptop",
	"ultraportable": "laptop", "portatif": "laptop",
	"desktop": "desktop", "tour": "desktop", "tower": "desktop", "ordinateur de bureau": "desktop",
	"pc de bureau": "desktop", "bureau": "desktop", "fixe": "desktop", "pc fixe": "desktop",
	"unite centrale": "desktop", "mini tower": "desktop", "mini tour": "desktop",
	"low profile desktop": "desktop", "space saving": "desktop", "small form factor": "desktop",
	"sff": "desktop", "poste de travail": "desktop", "workstation": "desktop", "station de travail": "desktop",
	"all in one": "all-in-one", "tout en un": "all-in-one", "aio": "all-in-one",
	"mini": "mini", "mini pc": "mini", "nuc": "mini", "ultra small form factor": "mini", "usff": "mini",
	"tiny": "mini", "thin client": "mini", "client leger": "mini",
	"tablet": "tablet", "tablette": "tablet", "detachable": "tablet",
	"server": "server", "serveur": "server", "rack mount chassis": "server", "rack": "server",
	"other": "other", "autre": "other",
}

// NormalizeUnitType turns an inventory's type ("Portable", "Ordinateur de
// bureau", "Notebook") into atelier's: laptop, desktop, all-in-one, mini,
// tablet, server or other. An empty value stays empty; ok is false for a
// word atelier does not know (the caller decides: import keeps "other",
// a walk-in typed by hand is refused so the volunteer can fix it).
func NormalizeUnitType(s string) (t string, ok bool) {
	f := intakeFold(s)
	if f == "" {
		return "", true
	}
	if t, ok := intakeUnitTypes[f]; ok {
		return t, true
	}
	return "other", false
}

// intakePlaceholderSerials are what BIOSes and inventories put where the
// maker left no serial: importing them would merge unrelated machines.
var intakePlaceholderSerials = map[string]bool{
	"to be filled by o e m": true, "default string": true, "system serial number": true,
	"none": true, "n a": true, "na": true, "0": true, "00000000": true, "0123456789": true,
	"123456789": true, "not specified": true, "not applicable": true, "chassis serial number": true,
	"serial number": true, "invalid": true, "unknown": true, "inconnu": true, "xxxxxxxx": true,
}

func intakePlaceholderSerial(s string) bool { return intakePlaceholderSerials[intakeFold(s)] }

// intakeSpreadsheetMangled spots a serial a spreadsheet turned into a
// number in scientific notation ("1.23457E+11"): the real serial is lost,
// the file must be exported again without going through the spreadsheet.
func intakeSpreadsheetMangled(s string) bool {
	mant, exp, ok := strings.Cut(strings.ToUpper(s), "E+")
	if !ok || mant == "" || exp == "" {
		return false
	}
	for _, r := range strings.Replace(strings.Replace(mant, ",", "", 1), ".", "", 1) + exp {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
