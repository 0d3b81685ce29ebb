package i18n

// paperCmdMessages are what the paper trail's commands say on the terminal.
var paperCmdMessages = Catalog{
	"paper.day":     {EN: "%s %q: give a day as 2026-11-03", FR: "%s %q\u202f: donnez un jour comme 2026-11-03"},
	"paper.write":   {EN: "cannot write %s: %s", FR: "impossible d'écrire %s\u202f: %s"},
	"paper.written": {EN: "written: %s", FR: "écrit\u202f: %s"},
	"paper.read":    {EN: "cannot read %s: %s", FR: "impossible de lire %s\u202f: %s"},

	// Refusals of --out and of a period (QA).
	"paper.out.dir":      {EN: "--out %s is a folder: give a file name, such as %s", FR: "--out %s est un dossier\u202f: donnez un nom de fichier, par exemple %s"},
	"paper.out.empty":    {EN: "--out is empty: give the PDF file to write", FR: "--out est vide\u202f: donnez le fichier PDF à écrire"},
	"paper.out.emptydir": {EN: "--out is empty: give the folder to write the pack into", FR: "--out est vide\u202f: donnez le dossier où écrire le dossier de preuves"},
	"paper.period":       {EN: "--to %s comes before --from %s: swap them?", FR: "--to %s est avant --from %s\u202f: inversez-les\u202f?"},

	"batch.empty":    {EN: "no unit in batch %q (see atelier unit list --batch)", FR: "aucune unité dans le lot %q (voir atelier unit list --batch)"},
	"batch.written":  {EN: "proof pack of batch %s written to %s: %s, %s, signed manifest", FR: "dossier de preuves du lot %s écrit dans %s\u202f: %s, %s, manifeste signé"},
	"batch.unsigned": {EN: "certificate %s comes from another bench and its signature file is not here: add it from that bench's certificates folder", FR: "le certificat %s vient d'un autre poste et son fichier de signature n'est pas ici\u202f: ajoutez-le depuis le dossier de certificats de ce poste"},

	"receipt.written": {EN: "donation certificate of %s written to %s", FR: "attestation de don de %s écrite dans %s"},
	"receipt.after": {
		EN: "the handover of %s is recorded, but its receipt could not be written (%s): print it with atelier report receipt %s --out FILE.pdf",
		FR: "la remise de %s est enregistrée, mais l'attestation n'a pas pu être écrite (%s)\u202f: imprimez-la avec atelier report receipt %s --out FICHIER.pdf",
	},

	"impact.summary": {Count: 1,
		EN: "%d units reused: new equivalents weigh %s kg CO₂e; reuse avoids %s to %s kg CO₂e", ENOne: "%d unit reused: a new equivalent weighs %s kg CO₂e; reuse avoids %s to %s kg CO₂e",
		FR: "%d unités réemployées\u202f: leurs équivalents neufs pèsent %s kg CO₂e\u202f; le réemploi évite de %s à %s kg CO₂e", FROne: "%d unité réemployée\u202f: son équivalent neuf pèse %s kg CO₂e\u202f; le réemploi évite de %s à %s kg CO₂e"},
	"activity.summary": {EN: "units received: %d; handed over: %d; recycled or kept for parts: %d; yield %s", FR: "unités reçues\u202f: %d\u202f; remises\u202f: %d\u202f; recyclées ou gardées pour pièces\u202f: %d\u202f; rendement %s"},

	"label.none": {EN: "name the units to label, or --batch B", FR: "nommez les unités à étiqueter, ou --batch LOT"},
	"label.skip": {EN: "--skip %d: from 0 to 13, with avery-l7163 only", FR: "--skip %d\u202f: de 0 à 13, avec avery-l7163 seulement"},
	"label.written": {Count: 1,
		EN: "%d labels written to %s", ENOne: "%d label written to %s",
		FR: "%d étiquettes écrites dans %s", FROne: "%d étiquette écrite dans %s"},

	"audit.sample.head": {
		EN: "%s, %s; %s%% asks for %s",
		FR: "%s, %s\u202f; %[4]s pour %[3]s\u202f%%",
	},
	"audit.sample.none": {EN: "nothing to check now", FR: "rien à contrôler pour l'instant"},
	"audit.sample.own": {Count: 1,
		EN: "%d disks wiped by %s left out: someone else must check them", ENOne: "%d disk wiped by %s left out: someone else must check it",
		FR: "%d disques effacés par %s mis de côté\u202f: une autre personne doit les contrôler", FROne: "%d disque effacé par %s mis de côté\u202f: une autre personne doit le contrôler"},
	"audit.why.random":      {EN: "drawn at random", FR: "tiré au sort"},
	"audit.why.flagged":     {EN: "flagged by a failed check", FR: "signalé par un contrôle échoué"},
	"audit.col.cert":        {EN: "Certificate", FR: "Certificat"},
	"audit.col.wipedby":     {EN: "Wiped by", FR: "Effacé par"},
	"audit.col.bench":       {EN: "Bench", FR: "Poste"},
	"audit.col.why":         {EN: "Why", FR: "Pourquoi"},
	"audit.recorded.passed": {EN: "check of disk %s (%s) recorded: passed", FR: "contrôle du disque %s (%s) enregistré\u202f: réussi"},
	"audit.recorded.failed": {
		Count: 3,
		EN:    "check of disk %s (%s) recorded: FAILED; the disk must be wiped again, and %d other erasures of bench %s are flagged for checking:",
		ENOne: "check of disk %s (%s) recorded: FAILED; the disk must be wiped again, and %d other erasure of bench %s is flagged for checking:",
		FR:    "contrôle du disque %s (%s) enregistré\u202f: ÉCHEC\u202f; le disque doit être effacé à nouveau, et %d autres effacements du poste %s sont à revérifier\u202f:",
		FROne: "contrôle du disque %s (%s) enregistré\u202f: ÉCHEC\u202f; le disque doit être effacé à nouveau, et %d autre effacement du poste %s est à revérifier\u202f:",
	},

	"unitcert.none":  {EN: "%s has no erasure certificate yet", FR: "%s n'a pas encore de certificat d'effacement"},
	"unitcert.old":   {EN: "(superseded)", FR: "(remplacé)"},
	"unitcert.where": {EN: "files (ID.json, ID.json.sig, ID.pdf) in %s", FR: "fichiers (ID.json, ID.json.sig, ID.pdf) dans %s"},

	"manifest.cmd.valid": {
		EN: "valid: %d files unchanged since the pack of %s was signed on %s by bench %s",
		FR: "valide\u202f: %d fichiers inchangés depuis la signature du dossier %s le %s par le poste %s",
	},
	"manifest.cmd.certs": {
		EN: "; %d of its %d certificates checked with the same key",
		FR: "\u202f; %d de ses %d certificats vérifiés avec la même clé",
	},
	"manifest.cmd.invalid":  {EN: "invalid proof pack %s: %s", FR: "dossier de preuves invalide %s\u202f: %s"},
	"manifest.cmd.unlisted": {EN: "note: %s is in the folder but not covered by the manifest", FR: "remarque\u202f: %s est dans le dossier mais pas couvert par le manifeste"},
}
