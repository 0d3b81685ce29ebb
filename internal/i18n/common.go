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
	"usage.exact":    {EN: "expects %s argument(s), got %s", FR: "attend %s argument(s), en a reçu %s"},
	"usage.min":      {EN: "expects at least %s argument(s), got %s", FR: "attend au moins %s argument(s), en a reçu %s"},
	"usage.max":      {EN: "expects at most %s argument(s), got %s", FR: "attend au plus %s argument(s), en a reçu %s"},
	"usage.range":    {EN: "expects between %s and %s arguments, got %s", FR: "attend entre %s et %s arguments, en a reçu %s"},
	"usage.command":  {EN: "unknown command %q for %q", FR: "commande %q inconnue pour %q"},
	"usage.flag":     {EN: "unknown option %s", FR: "option %s inconnue"},
	"usage.flagarg":  {EN: "option %s needs a value", FR: "l'option %s attend une valeur"},
	"usage.required": {EN: "missing option(s) %s", FR: "option(s) obligatoire(s) manquante(s) : %s"},
	"usage.invalid":  {EN: "invalid value %q for option %s", FR: "valeur %q invalide pour l'option %s"},
	"usage.help":     {EN: "(see %s --help)", FR: "(voir %s --help)"},
	"yes":            {EN: "yes", FR: "oui"},
	"no":             {EN: "no", FR: "non"},
	"unknown":        {EN: "unknown", FR: "inconnu"},
}
