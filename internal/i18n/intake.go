package i18n

// intakeMessages are the texts of the intake commands: reading a GLPI or OCS
// computer list, importing it as a donation batch, and walk-in donations.
var intakeMessages = Catalog{
	// The file as a whole.
	"intake.file.empty": {
		EN: "the file is empty",
		FR: "le fichier est vide",
	},
	"intake.file.binary": {
		EN: "unreadable encoding: binary data, not a CSV text export (export the computer list from GLPI or OCS as CSV)",
		FR: "encodage illisible\u202f: données binaires, pas un export CSV texte (exportez la liste des ordinateurs de GLPI ou OCS en CSV)",
	},
	"intake.file.encoding": {
		EN: "unreadable encoding in the header line: neither UTF-8 nor Windows-1252 text",
		FR: "encodage illisible dans la ligne d'en-tête\u202f: ni UTF-8 ni Windows-1252",
	},
	"intake.warn.tag_file": {
		EN: "warning: line %d: asset tag %s is also on line %d; find these units by id or serial",
		FR: "attention\u202f: ligne %d\u202f: le numéro d'inventaire %s figure aussi ligne %d\u202f; retrouvez ces unités par leur identifiant ou leur numéro de série",
	},
	"intake.warn.tag_ledger": {
		EN: "warning: line %d: asset tag %s is already the tag of %s; find these units by id or serial",
		FR: "attention\u202f: ligne %d\u202f: le numéro d'inventaire %s est déjà celui de %s\u202f; retrouvez ces unités par leur identifiant ou leur numéro de série",
	},
	"intake.file.serial_twice": {
		EN: "two columns are named like the serial number: column %d (%q) and column %d (%q); remove or rename one so that it is clear which holds the computer's serial",
		FR: "deux colonnes portent le nom du numéro de série\u202f: colonne %d (%q) et colonne %d (%q)\u202f; supprimez ou renommez l'une d'elles pour qu'on sache laquelle porte le numéro de série de l'ordinateur",
	},
	"intake.file.no_serial": {
		EN: "no serial number column (looked for: %s...); columns found: %s",
		FR: "aucune colonne de numéro de série (recherché\u202f: %s...)\u202f; colonnes trouvées\u202f: %s",
	},
	"intake.file.no_rows": {
		EN: "no computers in the file (only a header line)",
		FR: "aucun ordinateur dans le fichier (seulement la ligne d'en-tête)",
	},
	"intake.file.too_many_rows": {
		EN: "more than %d rows: this is not one donation batch (split the export)",
		FR: "plus de %d lignes\u202f: ce n'est pas un seul lot de dons (découpez l'export)",
	},
	"intake.file.bad_row": {
		EN: "%s: 1 bad row, nothing imported (fix it and import the file again)",
		FR: "%s\u202f: 1 ligne en erreur, rien n'a été importé (corrigez-la et importez de nouveau le fichier)",
	},
	"intake.file.bad_rows": {
		EN: "%s: %d bad rows, nothing imported (fix them and import the file again)",
		FR: "%s\u202f: %d lignes en erreur, rien n'a été importé (corrigez-les et importez de nouveau le fichier)",
	},
	"intake.file.open": {
		EN: "cannot read %s: %s",
		FR: "impossible de lire %s\u202f: %s",
	},

	// One row.
	"intake.row.at": {
		EN: "%s line %d: %s",
		FR: "%s ligne %d\u202f: %s",
	},
	"intake.row.more": {
		EN: "and %d more",
		FR: "et %d de plus",
	},
	"intake.row.no_serial": {
		EN: "missing serial number",
		FR: "numéro de série manquant",
	},
	"intake.row.placeholder_serial": {
		EN: "serial number %q is a placeholder, not the machine's serial",
		FR: "le numéro de série %q est une valeur par défaut, pas celui de la machine",
	},
	"intake.row.mangled_serial": {
		EN: "serial number %q was turned into a number by a spreadsheet: export the list again and import it without opening it in a spreadsheet",
		FR: "le numéro de série %q a été converti en nombre par un tableur\u202f: exportez de nouveau la liste et importez-la sans l'ouvrir dans un tableur",
	},
	"intake.row.duplicate": {
		EN: "duplicate serial number %s (already on line %d)",
		FR: "numéro de série %s en double (déjà ligne %d)",
	},
	"intake.row.columns": {
		EN: "%d columns, the header has %d",
		FR: "%d colonnes, l'en-tête en a %d",
	},
	"intake.row.unterminated_quote": {
		EN: "unterminated quote: a quoted field opened on this line is never closed",
		FR: "guillemet non fermé\u202f: un champ entre guillemets ouvert sur cette ligne n'est jamais fermé",
	},
	"intake.row.bad_quote": {
		EN: "broken quoting: a quoted field on this line is not closed properly (a quote is missing or misplaced)",
		FR: "guillemets incorrects\u202f: un champ entre guillemets sur cette ligne n'est pas bien fermé (guillemet manquant ou mal placé)",
	},
	"intake.row.bare_quote": {
		EN: "stray quote inside a field that is not quoted",
		FR: "guillemet isolé dans un champ qui n'est pas entre guillemets",
	},
	"intake.row.too_long": {
		EN: "row longer than %d MiB: a quote opened here is never closed, or this is not a computer list",
		FR: "ligne de plus de %d Mio\u202f: un guillemet ouvert ici n'est jamais fermé, ou ce n'est pas une liste d'ordinateurs",
	},
	"intake.row.control": {
		EN: "unreadable encoding: control character 0x%02X (binary data)",
		FR: "encodage illisible\u202f: caractère de contrôle 0x%02X (données binaires)",
	},
	"intake.row.mixed_encoding": {
		EN: "unreadable encoding: byte 0x%02X is not UTF-8 while the rest of the file is",
		FR: "encodage illisible\u202f: l'octet 0x%02X n'est pas de l'UTF-8 alors que le reste du fichier l'est",
	},

	// The import command.
	"intake.donor.missing": {
		EN: "--donor is required: who gave these computers (e.g. --donor \"DSI Échirolles\")",
		FR: "--donor est obligatoire\u202f: qui a donné ces ordinateurs (par exemple --donor «\u00a0DSI Échirolles\u00a0»)",
	},
	"intake.import.done": {
		EN: "%d imported into batch %s (donor %s) from %s; %d already in the ledger, skipped",
		FR: "%d importés dans le lot %s (donateur %s) depuis %s\u202f; %d déjà dans le registre, ignorés",
	},
	"intake.import.dry": {
		EN: "Dry run, nothing written: %d would be imported into batch %s (donor %s) from %s; %d already in the ledger would be skipped",
		FR: "Simulation, rien n'a été écrit\u202f: %d seraient importés dans le lot %s (donateur %s) depuis %s\u202f; %d déjà dans le registre seraient ignorés",
	},
	"intake.import.no_ledger": {
		EN: "No ledger here: the file was checked on its own, serials not compared with registered units.",
		FR: "Pas de registre ici\u202f: le fichier a été vérifié seul, sans comparer les numéros de série aux unités enregistrées.",
	},
	"intake.import.more": {
		EN: "... and %d more (atelier unit list --batch %s)",
		FR: "... et %d de plus (atelier unit list --batch %s)",
	},
	"intake.import.more_dry": {
		EN: "... and %d more (--json lists them all)",
		FR: "... et %d de plus (--json les liste tous)",
	},
	"intake.import.skipped": {
		EN: "Already in the ledger (skipped):",
		FR: "Déjà dans le registre (ignorés)\u202f:",
	},
	"intake.col.id":       {EN: "Unit", FR: "Unité"},
	"intake.col.line":     {EN: "Line", FR: "Ligne"},
	"intake.col.serial":   {EN: "Serial", FR: "N° de série"},
	"intake.col.tag":      {EN: "Asset tag", FR: "N° d'inventaire"},
	"intake.col.machine":  {EN: "Machine", FR: "Machine"},
	"intake.col.type":     {EN: "Type", FR: "Type"},
	"intake.col.existing": {EN: "Already as", FR: "Déjà sous"},
	"intake.stdin":        {EN: "standard input", FR: "entrée standard"},

	// Walk-in donations.
	"intake.add.no_serial": {
		EN: "--serial is required: the serial number on the machine's label or in its BIOS",
		FR: "--serial est obligatoire\u202f: le numéro de série sur l'étiquette de la machine ou dans son BIOS",
	},
	"intake.add.placeholder": {
		EN: "serial number %q is a placeholder, not the machine's serial: read it on the label under the machine",
		FR: "le numéro de série %q est une valeur par défaut, pas celui de la machine\u202f: lisez-le sur l'étiquette sous la machine",
	},
	"intake.add.type": {
		EN: "unknown type %q: use laptop, desktop, all-in-one, mini, tablet, server or other",
		FR: "type %q inconnu\u202f: utilisez laptop, desktop, all-in-one, mini, tablet, server ou other",
	},
	"intake.add.done": {
		EN: "%s registered: %s, serial %s",
		FR: "%s enregistrée\u202f: %s, numéro de série %s",
	},
	"intake.add.done_nomodel": {
		EN: "%s registered: serial %s",
		FR: "%s enregistrée\u202f: numéro de série %s",
	},
}
