package i18n

// precheckMessages are the texts of `atelier intake check`: judging a DSI
// batch against Zorin OS editions from its GLPI or OCS export alone,
// before the machines reach the bench.
var precheckMessages = Catalog{
	"precheck.help.short": {
		EN: "Tell, from a GLPI or OCS export, which PCs of a batch can run Zorin OS",
		FR: "Dire, d'après un export GLPI ou OCS, quels PC d'un lot peuvent faire tourner Zorin OS",
	},
	"precheck.help.long": {
		EN: "Reads the computer list a DSI exports from GLPI (10 or 11) or OCS Inventory, the same file\n" +
			"`atelier intake import` takes, and says for each PC whether it can run the target\n" +
			"(default zorin-18-core): yes, with warnings, no, or cannot tell. It judges only what the\n" +
			"export holds: the processor model (64-bit or not), its speed, the RAM and the disk size\n" +
			"when there are such columns. Cores, disk type and health, screen, graphics, Wi-Fi and\n" +
			"battery are checked on the bench with `atelier check`. When no line of the export has\n" +
			"the processor, the RAM or the disk (GLPI's default view has no memory or disk column),\n" +
			"it says once which columns to add to the export, under GLPI's own names.\n\n" +
			"It writes nothing and needs no ledger. A file import would refuse is refused with the\n" +
			"same messages, one line per bad row.",
		FR: "Lit la liste d'ordinateurs qu'une DSI exporte de GLPI (10 ou 11) ou d'OCS Inventory, le\n" +
			"fichier même que prend `atelier intake import`, et dit pour chaque PC s'il peut faire\n" +
			"tourner la cible (par défaut zorin-18-core)\u202f: oui, avec réserves, non, ou on ne sait pas.\n" +
			"Il ne juge que ce que l'export contient\u202f: le modèle du processeur (64 bits ou non), sa\n" +
			"fréquence, la RAM et la taille du disque quand ces colonnes existent. Cœurs, type et état\n" +
			"du disque, écran, carte graphique, Wi-Fi et batterie se vérifient à l'atelier avec\n" +
			"`atelier check`. Quand aucune ligne de l'export ne donne le processeur, la RAM ou le\n" +
			"disque (la vue par défaut de GLPI n'a pas de colonne mémoire ni disque), il dit une fois\n" +
			"quelles colonnes ajouter à l'export, sous les noms mêmes de GLPI.\n\n" +
			"Il n'écrit rien et n'a besoin d'aucun registre. Un fichier que l'import refuserait est\n" +
			"refusé avec les mêmes messages, une ligne par ligne fautive.",
	},
	"precheck.help.flag.target": {
		EN: "judge against this target (repeatable); default zorin-18-core",
		FR: "juger pour cette cible (répétable)\u202f; par défaut zorin-18-core",
	},
	"precheck.help.flag.profiles": {
		EN: "folder (or file) of the association's profiles and policy (env ATELIER_PROFILES)",
		FR: "dossier (ou fichier) des profils et de la règle de l'association (variable ATELIER_PROFILES)",
	},

	// Reasons.
	"precheck.cpu.none": {
		EN: "the export names no processor: cannot tell whether it is 64-bit",
		FR: "l'export ne nomme aucun processeur\u202f: impossible de savoir s'il est 64 bits",
	},
	"precheck.cpu.unknown": {
		EN: "processor %q not recognised: cannot tell whether it is 64-bit (check it on the bench)",
		FR: "processeur «\u00a0%s\u00a0» non reconnu\u202f: impossible de savoir s'il est 64 bits (à vérifier à l'atelier)",
	},

	// Output.
	"precheck.heading": {Count: 2,
		EN: "%s: %d PCs of %s, judged from the export only", ENOne: "%s: %d PC of %s, judged from the export only",
		FR: "%s\u202f: %d PC de %s, jugés d'après l'export seulement", FROne: "%s\u202f: %d PC de %s, jugé d'après l'export seulement"},
	"precheck.col.line":    {EN: "line", FR: "ligne"},
	"precheck.col.serial":  {EN: "serial", FR: "n° de série"},
	"precheck.col.model":   {EN: "model", FR: "modèle"},
	"precheck.col.cpu":     {EN: "processor", FR: "processeur"},
	"precheck.col.ram":     {EN: "RAM", FR: "RAM"},
	"precheck.col.verdict": {EN: "fits", FR: "convient"},
	"precheck.reason": {
		EN: "line %d (%s): %s",
		FR: "ligne %d (%s)\u202f: %s",
	},

	"precheck.fits.yes":         {EN: "yes", FR: "oui"},
	"precheck.fits.warn":        {EN: "with warnings", FR: "avec réserves"},
	"precheck.fits.no":          {EN: "no", FR: "non"},
	"precheck.fits.cannot_tell": {EN: "cannot tell", FR: "on ne sait pas"},

	"precheck.counts": {
		EN: "%d fit, %d with warnings or an upgrade, %d do not, %d cannot tell",
		FR: "conviennent\u202f: %d\u202f; avec réserves ou une mise à niveau\u202f: %d\u202f; ne conviennent pas\u202f: %d\u202f; on ne sait pas\u202f: %d",
	},
	// Once per export: what no line of it holds, and how to get it.
	"precheck.fact.cpu":   {EN: "the processor", FR: "le processeur"},
	"precheck.fact.ram":   {EN: "the RAM", FR: "la RAM"},
	"precheck.fact.disk":  {EN: "the disk size", FR: "la taille du disque"},
	"precheck.hint.and":   {EN: " and ", FR: " et "},
	"precheck.hint.quote": {EN: "\"%s\"", FR: "«\u00a0%s\u00a0»"},
	"precheck.hint.glpi_absent.one": {
		EN: "This GLPI export has no %[1]s column: without it, atelier does not know %[2]s of any PC. In GLPI (%[3]s), open the choice of columns above the list (%[4]s), add %[1]s from the %[5]s group, then export the list again.",
		FR: "Cet export GLPI n'a pas de colonne %[1]s\u202f: sans elle, atelier ne connaît %[2]s d'aucun PC. Dans GLPI (%[3]s), ouvrez le choix des colonnes au-dessus de la liste (%[4]s), ajoutez %[1]s depuis le groupe %[5]s, puis exportez de nouveau la liste.",
	},
	"precheck.hint.glpi_absent.many": {
		EN: "This GLPI export has no %[1]s columns: without them, atelier does not know %[2]s of any PC. In GLPI (%[3]s), open the choice of columns above the list (%[4]s), add %[1]s from the %[5]s group, then export the list again.",
		FR: "Cet export GLPI n'a pas les colonnes %[1]s\u202f: sans elles, atelier ne connaît %[2]s d'aucun PC. Dans GLPI (%[3]s), ouvrez le choix des colonnes au-dessus de la liste (%[4]s), ajoutez %[1]s depuis le groupe %[5]s, puis exportez de nouveau la liste.",
	},
	"precheck.hint.other_absent": {
		EN: "This export says nothing of %s for any PC: add a column for it before exporting (atelier reads headers such as %s).",
		FR: "Cet export ne dit rien sur %s pour aucun PC\u202f: ajoutez-y une colonne avant d'exporter (atelier lit des en-têtes comme %s).",
	},
	"precheck.hint.empty.one": {
		EN: "The %s column of this export is empty on every line: the inventory holds no value for these PCs (no inventory agent ran on them, or nobody filled it in); the bench will judge them with atelier check.",
		FR: "La colonne %s de cet export est vide sur chaque ligne\u202f: l'inventaire n'a aucune valeur pour ces PC (aucun agent d'inventaire n'y est passé, ou personne ne l'a remplie)\u202f; l'atelier les jugera avec atelier check.",
	},
	"precheck.hint.empty.many": {
		EN: "The %s columns of this export are empty on every line: the inventory holds no value for these PCs (no inventory agent ran on them, or nobody filled them in); the bench will judge them with atelier check.",
		FR: "Les colonnes %s de cet export sont vides sur chaque ligne\u202f: l'inventaire n'a aucune valeur pour ces PC (aucun agent d'inventaire n'y est passé, ou personne ne les a remplies)\u202f; l'atelier les jugera avec atelier check.",
	},
	"precheck.note": {
		EN: "Cores, disk type and health, screen, graphics, Wi-Fi and battery are not in the export: `atelier check` judges them on the bench.",
		FR: "Cœurs, type et état du disque, écran, carte graphique, Wi-Fi et batterie ne sont pas dans l'export\u202f: `atelier check` les juge à l'atelier.",
	},
}
