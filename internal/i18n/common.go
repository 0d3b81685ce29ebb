package i18n

// commonMessages are shared by every command: flags, operator, ledger access.
var commonMessages = Catalog{
	"operator.missing": {
		EN: "no operator known: pass --operator NAME or set ATELIER_OPERATOR=NAME (who is doing this work is recorded with every event)",
		FR: "opérateur inconnu\u202f: indiquez --operator NOM ou définissez ATELIER_OPERATOR=NOM (chaque événement enregistre qui a fait le travail)",
	},
	"lang.invalid": {
		EN: "--lang %q: choose fr or en",
		FR: "--lang %q\u202f: choisissez fr ou en",
	},
	// Usage mistakes (exit 2). Argument counts are counted messages.
	"usage.exact": {Count: 1,
		EN: "expects %d arguments, got %d", ENOne: "expects %d argument, got %d",
		FR: "attend %d arguments, en a reçu %d", FROne: "attend %d argument, en a reçu %d"},
	"usage.min": {Count: 1,
		EN: "expects at least %d arguments, got %d", ENOne: "expects at least %d argument, got %d",
		FR: "attend au moins %d arguments, en a reçu %d", FROne: "attend au moins %d argument, en a reçu %d"},
	"usage.max": {Count: 1,
		EN: "expects at most %d arguments, got %d", ENOne: "expects at most %d argument, got %d",
		FR: "attend au plus %d arguments, en a reçu %d", FROne: "attend au plus %d argument, en a reçu %d"},
	"usage.command": {EN: "unknown command \"%s\" for \"%s\"", FR: "commande «\u00a0%s\u00a0» inconnue pour «\u00a0%s\u00a0»"},
	"usage.flag":    {EN: "unknown option %s", FR: "option %s inconnue"},
	"usage.flagarg": {EN: "option %s needs a value", FR: "l'option %s attend une valeur"},
	"usage.required": {Count: 1,
		EN: "missing required options %[2]s", ENOne: "missing required option %[2]s",
		FR: "options obligatoires manquantes\u202f: %[2]s", FROne: "option obligatoire manquante\u202f: %[2]s"},
	"usage.invalid":               {EN: "invalid value \"%s\" for option %s: %s", FR: "valeur «\u00a0%s\u00a0» invalide pour l'option %s\u202f: %s"},
	"usage.syntax":                {EN: "malformed option %s", FR: "option mal formée\u202f: %s"},
	"usage.help":                  {EN: "(see %s --help)", FR: "(voir «\u00a0%s --help\u00a0»)"},
	"help.Usage":                  {EN: "Usage:", FR: "Utilisation\u202f:"},
	"help.Aliases":                {EN: "Aliases:", FR: "Alias\u202f:"},
	"help.Examples":               {EN: "Examples:", FR: "Exemples\u202f:"},
	"help.Available Commands":     {EN: "Available Commands:", FR: "Commandes\u202f:"},
	"help.Additional Commands":    {EN: "Additional Commands:", FR: "Autres commandes\u202f:"},
	"help.Flags":                  {EN: "Flags:", FR: "Options\u202f:"},
	"help.Global Flags":           {EN: "Global Flags:", FR: "Options communes\u202f:"},
	"help.Additional help topics": {EN: "Additional help topics:", FR: "Autres sujets d'aide\u202f:"},
	"help.more":                   {EN: "For more about a command, type", FR: "Pour en savoir plus sur une commande\u202f:"},
	"flag.json":                   {EN: "print machine-readable JSON", FR: "écrire du JSON pour les scripts"},
	"flag.lang":                   {EN: "language of messages: fr or en (default from LANG)", FR: "langue des messages\u202f: fr ou en (par défaut selon LANG)"},
	"flag.ledger":                 {EN: "ledger file (env ATELIER_LEDGER, default $XDG_DATA_HOME/atelier/ledger.db)", FR: "fichier du registre (variable ATELIER_LEDGER, par défaut $XDG_DATA_HOME/atelier/ledger.db)"},
	"flag.operator":               {EN: "who is doing the work, recorded with every event (env ATELIER_OPERATOR)", FR: "qui fait le travail, enregistré avec chaque événement (variable ATELIER_OPERATOR)"},
	"flag.version":                {EN: "version for atelier", FR: "version d'atelier"},
	"flag.help":                   {EN: "help for %s", FR: "aide d'%s"},
	"yes":                         {EN: "yes", FR: "oui"},
	"no":                          {EN: "no", FR: "non"},
	"unknown":                     {EN: "unknown", FR: "inconnu"},
}

// unitMessages are the units numbers are said in.
var unitMessages = Catalog{
	"unit.seconds": {EN: "%s s", FR: "%s\u202fs"},
}

var usageMessages = Catalog{
	"usage.command.suggest": {EN: "%s; did you mean \"%s\"?", FR: "%s\u202f; vouliez-vous dire «\u00a0%s\u00a0»\u202f?"},
}

// helpTemplateMessages are the words of --help that cobra's template holds.
var helpTemplateMessages = Catalog{
	"help.flags":            {EN: "flags", FR: "options"},
	"help.command":          {EN: "command", FR: "commande"},
	"help.lquote":           {EN: "\"", FR: "«\u00a0"},
	"help.rquote":           {EN: "\"", FR: "\u00a0»"},
	"help.default":          {EN: "(default %q)", FR: "(par défaut\u202f: «\u00a0%s\u00a0»)"},
	"help.type.string":      {EN: "string", FR: "texte"},
	"help.type.stringArray": {EN: "stringArray", FR: "texte"},
	"help.type.stringSlice": {EN: "strings", FR: "textes"},
	"help.type.int":         {EN: "int", FR: "nombre"},
	"help.type.int64":       {EN: "int", FR: "nombre"},
	"help.type.uint":        {EN: "uint", FR: "nombre"},
	"help.type.float64":     {EN: "float", FR: "nombre"},
	"help.type.duration":    {EN: "duration", FR: "durée"},
}

// valueMessages name the values of closed vocabularies where a person
// reads them (i18n.Word): the disk's medium, the wipe method. Chassis
// types are probe.chassis.*, techniques cert.tech.*, verifications
// wipe.verify.*.
var valueMessages = Catalog{
	"medium.hdd":                   {EN: "hdd", FR: "disque dur"},
	"medium.ssd":                   {EN: "ssd", FR: "SSD"},
	"medium.nvme":                  {EN: "nvme", FR: "NVMe"},
	"medium.usb":                   {EN: "usb", FR: "USB"},
	"medium.mmc":                   {EN: "mmc", FR: "carte MMC"},
	"medium.loop":                  {EN: "loop", FR: "boucle"},
	"medium.unknown":               {EN: "unknown", FR: "inconnu"},
	"wipe.method.auto":             {EN: "automatic", FR: "automatique"},
	"wipe.method.zero":             {EN: "overwrite with zeros", FR: "écrasement par des zéros"},
	"wipe.method.random":           {EN: "overwrite with random data", FR: "écrasement aléatoire"},
	"wipe.method.ata-secure-erase": {EN: "ATA secure erase", FR: "effacement sécurisé ATA"},
	"wipe.method.ata-sanitize":     {EN: "ATA sanitize", FR: "assainissement ATA"},
	"wipe.method.nvme-sanitize":    {EN: "NVMe sanitize", FR: "assainissement NVMe"},
	"wipe.method.nvme-format":      {EN: "NVMe format", FR: "formatage NVMe"},
	"wipe.verify.firmware-marker":  {EN: "firmware markers", FR: "marqueurs du micrologiciel"},
}
