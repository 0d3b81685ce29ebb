package i18n

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Counted messages say "1 disque" and "2 disques", and in French "0 disque"
// (CLDR: French takes the singular for 0 and 1, English only for 1). Their
// Message sets Count, the 1-based argument that holds the number, and the
// singular forms ENOne and FROne; EN and FR are the plural forms. They are
// rendered by golang.org/x/text's message printer, which also writes
// numbers the language's way ("12 345", "12,345").
var counted = buildCounted()

func buildCounted() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, c := range catalogs {
		for k, m := range c {
			if m.Count == 0 {
				continue
			}
			must(b.Set(language.English, k, plural.Selectf(m.Count, "%d", "one", m.ENOne, "other", m.EN)))
			must(b.Set(language.French, k, plural.Selectf(m.Count, "%d", "one", m.FROne, "other", m.FR)))
		}
	}
	return b
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// tag is the language's BCP 47 tag, for golang.org/x/text.
func (l Lang) tag() language.Tag {
	if l == FR {
		return language.French
	}
	return language.English
}

// printer formats numbers and counted messages in l.
func (l Lang) printer() *message.Printer {
	return message.NewPrinter(l.tag(), message.Catalog(counted))
}
