package i18n

// privacyMessages: what the ledger refuses to store (personal data,
// invisible characters) and the fields a refusal names.
var privacyMessages = Catalog{
	"field.note":        {EN: "the note", FR: "la note"},
	"field.reason":      {EN: "the reason", FR: "le motif"},
	"field.site":        {EN: "the site name", FR: "le nom du lieu"},
	"field.donor":       {EN: "the donor", FR: "le donateur"},
	"field.batch":       {EN: "the batch reference", FR: "la référence du lot"},
	"field.operator":    {EN: "the operator name", FR: "le nom de l'opérateur"},
	"field.vendor":      {EN: "the manufacturer", FR: "le fabricant"},
	"field.model":       {EN: "the model", FR: "le modèle"},
	"field.type":        {EN: "the type", FR: "le type"},
	"field.serial":      {EN: "the serial number", FR: "le numéro de série"},
	"field.asset_tag":   {EN: "the asset tag", FR: "le numéro d'inventaire"},
	"field.file":        {EN: "the file name", FR: "le nom du fichier"},
	"field.beneficiary": {EN: "the beneficiary reference", FR: "la référence du bénéficiaire"},
	"field.disk_serial": {EN: "the disk's serial number", FR: "le numéro de série du disque"},
	"field.image":       {EN: "the image's name or description", FR: "le nom ou la description de l'image"},
	"field.grade":       {EN: "the grade", FR: "le grade"},
	"field.bench":       {EN: "the bench name", FR: "le nom du poste"},
	"field.org_name":    {EN: "the association's name", FR: "le nom de l'association"},
	"field.org_address": {EN: "the association's address", FR: "l'adresse de l'association"},
	"field.dsi_name":    {EN: "the DSI's name for the computer", FR: "le nom de l'ordinateur à la DSI"},
	"field.login":       {EN: "the login", FR: "l'identifiant"},
	"field.hostname":    {EN: "the hostname", FR: "le nom d'hôte"},
	"bundle.refused": {
		EN: "event %s (bench %s, #%d) holds what atelier refuses to record: %s; nothing was written",
		FR: "l'événement %s (établi %s, n°%d) contient ce qu'atelier refuse d'enregistrer\u202f: %s\u202f; rien n'a été écrit",
	},

	"text.control": {
		EN: "%s holds an invisible or control character (%s, character %d): type the text again without it",
		FR: "%s contient un caractère invisible ou de contrôle (%s, caractère n° %d)\u202f: ressaisissez le texte sans ce caractère",
	},
	"ident.toolong": {
		EN: "%s is too long (at most %d characters): keep the identifier alone, put remarks in a note",
		FR: "%s est trop long (%d caractères au plus)\u202f: gardez l'identifiant seul, mettez les remarques dans une note",
	},
	"privacy.email": {
		EN: "%s looks like it holds an e-mail address: every event is kept forever and must hold no personal data; remove it",
		FR: "%s semble contenir une adresse e-mail\u202f: chaque événement est conservé pour toujours et ne doit contenir aucune donnée personnelle\u202f; retirez-la",
	},
	"privacy.phone": {
		EN: "%s looks like it holds a phone number: every event is kept forever and must hold no personal data; remove it",
		FR: "%s semble contenir un numéro de téléphone\u202f: chaque événement est conservé pour toujours et ne doit contenir aucune donnée personnelle\u202f; retirez-le",
	},
	"privacy.nir": {
		EN: "%s looks like it holds a French social security number (NIR): every event is kept forever and must hold no personal data; remove it",
		FR: "%s semble contenir un numéro de sécurité sociale (NIR)\u202f: chaque événement est conservé pour toujours et ne doit contenir aucune donnée personnelle\u202f; retirez-le",
	},
	"privacy.iban": {
		EN: "%s looks like it holds a bank account number (IBAN): every event is kept forever and must hold no personal data; remove it",
		FR: "%s semble contenir un numéro de compte bancaire (IBAN)\u202f: chaque événement est conservé pour toujours et ne doit contenir aucune donnée personnelle\u202f; retirez-le",
	},
	"privacy.payload": {
		EN: "%s event: its content is not the JSON this kind of event holds (%s)",
		FR: "événement %s\u202f: son contenu n'est pas le JSON de ce type d'événement (%s)",
	},
	"beneficiary.nir": {
		EN: "the beneficiary reference looks like a social security number (NIR): give the MDH's opaque reference instead (e.g. MDH-VILLAGE2-2026-017); personal data is never recorded",
		FR: "la référence du bénéficiaire ressemble à un numéro de sécurité sociale (NIR)\u202f: donnez plutôt la référence opaque de la MDH (ex. MDH-VILLAGE2-2026-017)\u202f; aucune donnée personnelle n'est enregistrée",
	},
	"beneficiary.iban": {
		EN: "the beneficiary reference looks like a bank account number (IBAN): give the MDH's opaque reference instead (e.g. MDH-VILLAGE2-2026-017); personal data is never recorded",
		FR: "la référence du bénéficiaire ressemble à un numéro de compte bancaire (IBAN)\u202f: donnez plutôt la référence opaque de la MDH (ex. MDH-VILLAGE2-2026-017)\u202f; aucune donnée personnelle n'est enregistrée",
	},
	"beneficiary.shape": {
		EN: "the beneficiary reference must be the MDH's opaque code: %d to %d letters (A-Z), digits and dashes, at least one digit, no spaces (e.g. MDH-VILLAGE2-2026-017); names, addresses and phone numbers are never recorded",
		FR: "la référence du bénéficiaire doit être le code opaque de la MDH\u202f: %d à %d lettres (A-Z), chiffres et tirets, dont au moins un chiffre, sans espace (ex. MDH-VILLAGE2-2026-017)\u202f; noms, adresses et numéros de téléphone ne sont jamais enregistrés",
	},
	"intake.row.invalid": {EN: "%s", FR: "%s"},
	"import.row":         {EN: "%s line %d: %s", FR: "%s ligne %d\u202f: %s"},
}
