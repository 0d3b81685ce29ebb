package i18n

// docUnitMessages are the units the documents (PDF certificates, receipts,
// reports) write after a number, with a no-break space so a number never
// leaves its unit at a line's end: the documents take them from here rather
// than from literals per language.
var docUnitMessages = Catalog{
	"doc.size.0":  {EN: "%s\u00a0B", FR: "%s\u00a0o"},
	"doc.size.1":  {EN: "%s\u00a0kB", FR: "%s\u00a0ko"},
	"doc.size.2":  {EN: "%s\u00a0MB", FR: "%s\u00a0Mo"},
	"doc.size.3":  {EN: "%s\u00a0GB", FR: "%s\u00a0Go"},
	"doc.size.4":  {EN: "%s\u00a0TB", FR: "%s\u00a0To"},
	"doc.size.5":  {EN: "%s\u00a0PB", FR: "%s\u00a0Po"},
	"doc.ram.M":   {EN: "%s\u00a0MB", FR: "%s\u00a0Mo"},
	"doc.ram.G":   {EN: "%s\u00a0GB", FR: "%s\u00a0Go"},
	"doc.percent": {EN: "%s%%", FR: "%s\u202f%%"},
}
