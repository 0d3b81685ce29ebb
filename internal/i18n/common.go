package i18n

// commonMessages are shared by every command: flags, operator, ledger access.
var commonMessages = Catalog{
	"operator.missing": {
		EN: "no operator known: pass --operator NAME or set ATELIER_OPERATOR=NAME (who is doing this work is recorded with every event)",
		FR: "opérateur inconnu : indiquez --operator NOM ou définissez ATELIER_OPERATOR=NOM (chaque événement enregistre qui a fait le travail)",
	},
	"lang.invalid": {
		EN: "--lang %q: choose fr or en",
		FR: "--lang %q : choisissez fr ou en",
	},
	"yes":     {EN: "yes", FR: "oui"},
	"no":      {EN: "no", FR: "non"},
	"unknown": {EN: "unknown", FR: "inconnu"},
}
