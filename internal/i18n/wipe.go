package i18n

// wipeMessages are the texts of the disks and wipe commands and of the
// safety guard that deploy shares.
var wipeMessages = Catalog{
	// guard
	"guard.reason.root": {
		EN: "holds the running system (/)",
		FR: "contient le système en cours d'exécution (/)",
	},
	"guard.reason.self": {
		EN: "holds the medium atelier runs from (%s)",
		FR: "contient le support d'où atelier s'exécute (%s)",
	},
	"guard.reason.mounted": {
		EN: "has a mounted filesystem (%s)",
		FR: "contient un système de fichiers monté (%s)",
	},
	"guard.reason.swap": {
		EN: "is used as swap (%s)",
		FR: "sert de swap (%s)",
	},
	"guard.reason.holder": {
		EN: "is part of an active RAID/LVM/dm stack (%s)",
		FR: "fait partie d'une grappe RAID/LVM/dm active (%s)",
	},
	"guard.reason.readonly": {
		EN: "is read-only",
		FR: "est en lecture seule",
	},
	"guard.reason.source": {
		EN: "is the source image (%s)",
		FR: "est l'image source (%s)",
	},
	"guard.refused": {
		EN: "refusing to write %s: it %s",
		FR: "écriture sur %s refusée\u202f: ce disque %s",
	},
	"guard.notblock": {
		EN: "%s is not a block device (name a disk that atelier disks lists)",
		FR: "%s n'est pas un périphérique bloc (indiquez un disque que liste atelier disks)",
	},
	"guard.partition": {
		EN: "%s is a partition: atelier writes whole disks only (did you mean %s?)",
		FR: "%s est une partition\u202f: atelier n'écrit que des disques entiers (vouliez-vous dire %s\u202f?)",
	},
	"guard.nomedium": {
		EN: "%s has no medium (size 0)",
		FR: "%s n'a pas de support (taille 0)",
	},
	"guard.needyes": {
		EN: "%s: not a terminal, so nobody can confirm; pass --yes to write it (or --dry-run to see the plan)",
		FR: "%s\u202f: pas de terminal, personne ne peut confirmer\u202f; ajoutez --yes pour l'écrire (ou --dry-run pour voir le plan)",
	},
	"guard.show": {
		EN: "Disk %s: %s, serial %s, %s. Everything on it will be lost.",
		FR: "Disque %s\u202f: %s, n° de série %s, %s. Tout son contenu sera perdu.",
	},
	"guard.ask.serial": {
		EN: "Type the last 4 characters of its serial number to go on: ",
		FR: "Tapez les 4 derniers caractères de son numéro de série pour continuer\u202f: ",
	},
	"guard.ask.name": {
		EN: "It has no serial number: type its name (%s) to go on: ",
		FR: "Il n'a pas de numéro de série\u202f: tapez son nom (%s) pour continuer\u202f: ",
	},
	"size.bytes":  {EN: "%d B", FR: "%d\u202fo"},
	"size.unit.k": {EN: "%s kB", FR: "%s\u202fko"},
	"size.unit.M": {EN: "%s MB", FR: "%s\u202fMo"},
	"size.unit.G": {EN: "%s GB", FR: "%s\u202fGo"},
	"size.unit.T": {EN: "%s TB", FR: "%s\u202fTo"},
	"size.unit.P": {EN: "%s PB", FR: "%s\u202fPo"},
	"size.unit.E": {EN: "%s EB", FR: "%s\u202fEo"},
	"guard.noanswer": {
		EN: "%s: no answer, nothing written",
		FR: "%s\u202f: pas de réponse, rien n'a été écrit",
	},
	"guard.mismatch": {
		EN: "%s: what was typed does not match; nothing written",
		FR: "%s\u202f: ce qui a été tapé ne correspond pas\u202f; rien n'a été écrit",
	},
}

// wipeWhyMessages are wipeWhy as messages, keyed "wipe.why:" + English.
// They are listed in catalogs like every other catalogue: a catalogue
// filled by a side effect was filled after the counted messages were built
// (package variables initialise in dependency order), and wipe's counted
// messages printed their key.
var wipeWhyMessages = whyCatalog()

func whyCatalog() Catalog {
	c := Catalog{}
	for en, fr := range wipeWhy {
		c["wipe.why:"+en] = Message{EN: en, FR: fr}
	}
	return c
}

// wipeWhy translates the wipe engine's reasons for not using a firmware
// erase (imaging/wipe plan.go), keyed by their English text, which the
// certificate and --json keep as they are.
var wipeWhy = map[string]string{
	"enhanced security erase not supported":                                             "effacement sécurisé renforcé non pris en charge",
	"no ATA identify data (hdparm -I)":                                                  "pas de données d'identification ATA (hdparm -I)",
	"ATA sanitize (block erase or crypto scramble) not supported":                       "ATA sanitize (effacement de blocs ou brouillage cryptographique) non pris en charge",
	"ATA security not supported":                                                        "sécurité ATA non prise en charge",
	"drive is frozen (suspend and resume the PC, or hot-plug the disk, to unfreeze it)": "le disque est gelé (mettez le PC en veille puis réveillez-le, ou rebranchez le disque à chaud, pour le dégeler)",
	"drive is locked by a password":                                                     "le disque est verrouillé par un mot de passe",
	"a security password is already set":                                                "un mot de passe de sécurité est déjà défini",
	"no NVMe controller data (nvme id-ctrl)":                                            "pas de données du contrôleur NVMe (nvme id-ctrl)",
	"NVMe sanitize (block or crypto erase) not supported":                               "NVMe sanitize (effacement de blocs ou cryptographique) non pris en charge",
	"NVMe Format NVM not supported":                                                     "NVMe Format NVM non pris en charge",
}

var wipeCommandMessages = Catalog{
	"disks.protected":         {EN: "%s: %s", FR: "%s\u202f: %s"},
	"disks.none":              {EN: "No disks found.", FR: "Aucun disque trouvé."},
	"disks.col.path":          {EN: "Device", FR: "Périphérique"},
	"disks.col.model":         {EN: "Model", FR: "Modèle"},
	"disks.col.serial":        {EN: "Serial", FR: "N° de série"},
	"disks.col.size":          {EN: "Size", FR: "Taille"},
	"disks.col.medium":        {EN: "Medium", FR: "Support"},
	"disks.col.protected":     {EN: "Protected", FR: "Protégé"},
	"wipe.badmethod":          {EN: "--method %q: choose one of %s", FR: "--method %q\u202f: choisissez parmi %s"},
	"wipe.badverify":          {EN: "--verify %q: choose full, sample or none", FR: "--verify %q\u202f: choisissez full, sample ou none"},
	"wipe.twice":              {EN: "%s and %s are the same disk", FR: "%s et %s sont le même disque"},
	"wipe.nokey":              {EN: "no bench key to sign certificates (run atelier init): %v", FR: "pas de clé de poste pour signer les certificats (lancez atelier init)\u202f: %v"},
	"wipe.note.nounit":        {EN: "not recorded in the ledger: no unit has this disk (use --unit ID, or atelier probe --save first); the certificate is still issued", FR: "non enregistré dans le registre\u202f: aucune unité n'a ce disque (utilisez --unit ID, ou d'abord atelier probe --save)\u202f; le certificat est quand même émis"},
	"wipe.warn.noserial":      {EN: "%s reports no serial number: the ledger files it as %s (two identical serial-less disks would share that record)", FR: "%s n'indique aucun numéro de série\u202f: le registre le classe sous %s (deux disques identiques sans numéro partageraient cette fiche)"},
	"wipe.warning":            {EN: "warning: %s", FR: "attention\u202f: %s"},
	"wipe.note.certfailed":    {EN: "certificate not issued: %v", FR: "certificat non émis\u202f: %v"},
	"wipe.note.ledgerfailed":  {EN: "the ledger could not record the end of the wipe: %s", FR: "le registre n'a pas pu enregistrer la fin de l'effacement\u202f: %s"},
	"wipe.starting":           {EN: "wiping %s: %s, verification %s", FR: "effacement de %s\u202f: %s, vérification %s"},
	"wipe.dryrun.head":        {EN: "Plan (dry run):", FR: "Plan (simulation)\u202f:"},
	"wipe.dryrun.fallback":    {EN: "else %s", FR: "sinon %s"},
	"wipe.dryrun.why":         {EN: "%s: no firmware erase: %s", FR: "%s\u202f: pas d'effacement par le micrologiciel\u202f: %s"},
	"wipe.dryrun.hidden":      {EN: "%s: %d sectors are hidden (HPA/DCO); an overwrite cannot reach them", FR: "%s\u202f: %d secteurs sont cachés (HPA/DCO)\u202f; un écrasement ne peut pas les atteindre"},
	"wipe.dryrun.nothing":     {EN: "Dry run: nothing was written.", FR: "Simulation\u202f: rien n'a été écrit."},
	"wipe.col.disk":           {EN: "Disk", FR: "Disque"},
	"wipe.col.technique":      {EN: "Technique", FR: "Technique"},
	"wipe.col.verify":         {EN: "Verify", FR: "Vérif."},
	"wipe.col.duration":       {EN: "Duration", FR: "Durée"},
	"wipe.col.status":         {EN: "Result", FR: "Résultat"},
	"wipe.col.bytes":          {EN: "Written", FR: "Écrit"},
	"wipe.col.errors":         {EN: "Errors", FR: "Erreurs"},
	"wipe.col.unit":           {EN: "Unit", FR: "Unité"},
	"wipe.col.certificate":    {EN: "Certificate", FR: "Certificat"},
	"wipe.status.passed":      {EN: "passed", FR: "réussi"},
	"wipe.status.failed":      {EN: "FAILED", FR: "ÉCHEC"},
	"wipe.status.interrupted": {EN: "interrupted", FR: "interrompu"},
	"wipe.status.unverified":  {EN: "UNVERIFIED", FR: "NON VÉRIFIÉ"},
	"wipe.note.unverified":    {EN: "written, not verified: no certificate; run again with --verify sample or full", FR: "écrit, non vérifié\u202f: pas de certificat\u202f; relancez avec --verify sample ou full"},
	"wipe.unverified": {EN: "%d of %d disks written but not verified (--verify none): no certificate, not an erasure; run again with --verify sample or full", FR: "%d disques sur %d écrits mais non vérifiés (--verify none)\u202f: pas de certificat, ce n'est pas un effacement\u202f; relancez avec --verify sample ou full",
		Count: 1, ENOne: "%d of %d disks written but not verified (--verify none): no certificate, not an erasure; run again with --verify sample or full",
		FROne: "%d disque sur %d écrit mais non vérifié (--verify none)\u202f: pas de certificat, ce n'est pas un effacement\u202f; relancez avec --verify sample ou full"},
	"wipe.busy":              {EN: "%s: disk busy: another program (another wipe or deploy?) has it open; nothing written or recorded", FR: "%s\u202f: disque occupé\u202f: un autre programme (un autre effacement ou déploiement\u202f?) l'a ouvert\u202f; rien n'a été écrit ni enregistré"},
	"wipe.open":              {EN: "%s: cannot open the disk for writing: %v", FR: "%s\u202f: impossible d'ouvrir le disque en écriture\u202f: %v"},
	"wipe.phase.erasing":     {EN: "erasing (firmware)", FR: "effacement (micrologiciel)"},
	"wipe.phase.writing":     {EN: "writing", FR: "écriture"},
	"wipe.phase.verifying":   {EN: "verifying", FR: "vérification"},
	"wipe.progress.phase":    {EN: "%s: %s…", FR: "%s\u202f: %s…"},
	"wipe.progress.line":     {EN: "%s: %s %d%%, %s", FR: "%s\u202f: %s %d\u202f%%, %s"},
	"wipe.progress.rate":     {EN: "%s MB/s", FR: "%s\u202fMo/s"},
	"wipe.progress.eta":      {EN: "%s left", FR: "reste %s"},
	"wipe.line":              {EN: "%s: %s", FR: "%s\u202f: %s"},
	"wipe.verify.full":       {EN: "full", FR: "complète"},
	"wipe.verify.sample":     {EN: "sample", FR: "échantillon"},
	"wipe.verify.none":       {EN: "none", FR: "aucune"},
	"wipe.nist.none":         {EN: "none", FR: "aucune"},
	"wipe.dryrun.unverified": {EN: "--verify none: the disk will be written but not read back, so it gets no certificate and does not count as erased", FR: "--verify none\u202f: le disque sera écrit mais pas relu, il n'aura donc pas de certificat et ne comptera pas comme effacé"},
	"wipe.certfiles":         {EN: "certificate %s (PDF %s)", FR: "certificat %s (PDF %s)"},
	"wipe.interrupted": {Count: 1,
		EN: "wipe interrupted on %d of %d disks: no certificate for them, the ledger records the interruption", ENOne: "wipe interrupted on %d of %d disks: no certificate for it, the ledger records the interruption",
		FR: "effacement interrompu sur %d disques sur %d\u202f: pas de certificat pour eux, le registre enregistre l'interruption", FROne: "effacement interrompu sur %d disque sur %d\u202f: pas de certificat pour lui, le registre enregistre l'interruption"},
	"wipe.failed": {Count: 1,
		EN: "wipe FAILED on %d of %d disks (see the errors above); do not hand them over", ENOne: "wipe FAILED on %d of %d disks (see the errors above); do not hand it over",
		FR: "effacement en ÉCHEC sur %d disques sur %d (voir les erreurs ci-dessus)\u202f; ne les remettez pas", FROne: "effacement en ÉCHEC sur %d disque sur %d (voir les erreurs ci-dessus)\u202f; ne le remettez pas"},
	"wipe.status.uncertified": {EN: "NO CERTIFICATE", FR: "SANS CERTIFICAT"},
	"wipe.out.unwritable": {
		EN: "certificates cannot be written to %s (%v): nothing wiped; choose another folder with --out",
		FR: "impossible d'écrire les certificats dans %s (%v)\u202f: rien n'a été effacé\u202f; choisissez un autre dossier avec --out",
	},
	"wipe.note.reissue": {
		EN: "the ledger keeps the signed certificate: once the folder is writable, run atelier wipe --reissue %s (no need to wipe again)",
		FR: "le registre garde le certificat signé\u202f: une fois le dossier accessible en écriture, lancez atelier wipe --reissue %s (inutile d'effacer à nouveau)",
	},
	"wipe.note.certlost": {
		EN: "no unit records this disk, so the ledger cannot keep its certificate: wipe it again once the folder is writable",
		FR: "aucune unité n'a ce disque, le registre ne peut donc pas garder son certificat\u202f: effacez-le à nouveau une fois le dossier accessible en écriture",
	},
	"wipe.uncertified": {
		EN:    "%d of %d disks erased but their certificate could not be written: they do NOT count as erased until it is (atelier wipe --reissue)",
		FR:    "%d disques sur %d effacés mais leur certificat n'a pas pu être écrit\u202f: ils ne comptent PAS comme effacés tant qu'il ne l'est pas (atelier wipe --reissue)",
		Count: 1, ENOne: "%d of %d disks erased but their certificate could not be written: they do NOT count as erased until it is (atelier wipe --reissue)",
		FROne: "%d disque sur %d effacé mais son certificat n'a pas pu être écrit\u202f: il ne compte PAS comme effacé tant qu'il ne l'est pas (atelier wipe --reissue)",
	},
	"wipe.reissue.failed": {
		EN: "certificate %s not written: %s",
		FR: "certificat %s non écrit\u202f: %s",
	},
	"wipe.reissue.ledger": {
		EN: "%s was written but the ledger could not record it: %v; run the same command again",
		FR: "%s a été écrit mais le registre n'a pas pu l'enregistrer\u202f: %v\u202f; relancez la même commande",
	},
	"wipe.reissue.written": {
		EN: "certificate %s of disk %s written: %s (PDF %s)",
		FR: "certificat %s du disque %s écrit\u202f: %s (PDF %s)",
	},
	"wipe.reissue.kept": {
		EN: "certificate %s of disk %s is already there, identical to the ledger's: %s",
		FR: "le certificat %s du disque %s est déjà là, identique à celui du registre\u202f: %s",
	},
	"wipe.reissue.certified": {
		EN: "disk %s now counts as erased; unit %s: %s",
		FR: "le disque %s compte désormais comme effacé\u202f; unité %s\u202f: %s",
	},
}

// helpMessages are the --help texts of wipe and disks (localHelp shows the
// French ones when the user reads French).
var helpMessages = Catalog{
	"wipe.help.short": {EN: "Erase disks (firmware erase or verified overwrite) and issue a signed certificate per disk",
		FR: "Effacer des disques (par le micrologiciel ou par écrasement vérifié) avec un certificat signé par disque"},
	"wipe.help.long": {EN: `Erase one or more whole disks, each in parallel with its own progress line,
and issue a signed erasure certificate (JSON, signature, PDF) for each disk
that passed or failed. The ledger records the start and the end of each wipe
against the unit: --unit, or the unit this disk is recorded on (by probe
--save or an earlier wipe; a disk without a serial is told so).
A disk that belongs to no unit is still wiped and certified, and atelier says
the wipe was not recorded against a unit.

--method auto picks per medium (NIST SP 800-88): NVMe sanitize or format;
on a SATA SSD, ATA sanitize or secure erase; on a hard disk, ATA secure
erase enhanced; otherwise, or when the firmware command is missing, frozen
or fails, one overwrite with zeros and a full read-back. The certificate's
NIST category (Clear or Purge) is that of what was actually done.

atelier refuses, whatever the flags, a disk that holds the running system
or atelier itself, has a mounted filesystem, is swap, is part of a RAID/LVM
stack, holds the ledger or the bench key, or is read-only, directly or
through any layer under or above it (a loop device over a disk, a partition
or a file; LVM, dm-crypt, RAID). In a terminal it asks you to type the last four
characters of each disk's serial; in scripts pass --yes. --dry-run prints
the plan (technique, NIST category, expected duration) and writes nothing.
Ctrl-C stops every disk: the ledger records "interrupted" and no
certificate is issued.

--verify none writes without reading back. NIST SP 800-88 makes the
verification part of sanitization, so such a disk ends "unverified": no
certificate, the ledger records it as not erased; run again with
--verify sample or full.

A disk counts as erased only once its certificate is written and its hash
recorded in the ledger. The certificate folder is checked before wiping;
if the certificate still cannot be written at the end (disk full), the wipe
is recorded as "uncertified" with the signed certificate, the unit does not
move, and the command exits 1: free space, then run
atelier wipe --reissue UNIT (or DISK, or the certificate id), which writes
the recorded certificate byte for byte without wiping again. --reissue of a
certificate id also writes again a certificate whose files were lost; a
file already there with other content is refused.

Exit codes: 0 every disk passed; 1 refused (nothing written), a wipe
failed, or a certificate could not be written; 3 written but not verified
(--verify none); 130 interrupted.`,
		FR: `Efface un ou plusieurs disques entiers, chacun en parallèle avec sa propre
ligne de progression, et émet un certificat d'effacement signé (JSON,
signature, PDF) pour chaque disque réussi ou en échec. Le registre enregistre
le début et la fin de chaque effacement pour l'unité : --unit, ou l'unité à
laquelle ce disque est rattaché (par probe --save ou un effacement
précédent ; un disque sans numéro de série est signalé). Un disque qui
n'appartient à aucune unité est quand même effacé et certifié, et atelier
indique que l'effacement n'a pas été enregistré pour une unité.

--method auto choisit selon le support (NIST SP 800-88) : NVMe sanitize ou
format ; sur un SSD SATA, ATA sanitize ou secure erase ; sur un disque dur,
ATA secure erase renforcé ; sinon, ou si la commande du micrologiciel
manque, est gelée ou échoue, un écrasement par des zéros puis une relecture
complète. La catégorie NIST du certificat (Clear ou Purge) est celle de ce
qui a réellement été fait.

atelier refuse, quelles que soient les options, un disque qui contient le
système en cours ou atelier lui-même, a un système de fichiers monté, sert
de swap, fait partie d'une grappe RAID/LVM, contient le registre ou la clé
du poste, ou est en lecture seule, directement ou par une couche en dessous
ou au-dessus (un périphérique loop sur un disque, une partition ou un
fichier ; LVM, dm-crypt, RAID). Dans un
terminal, il demande de taper les quatre derniers caractères du numéro de
série de chaque disque ; dans un script, ajoutez --yes. --dry-run affiche le
plan (technique, catégorie NIST, durée prévue) et n'écrit rien. Ctrl-C
arrête tous les disques : le registre enregistre « interrompu » et aucun
certificat n'est émis.

--verify none écrit sans relire. NIST SP 800-88 fait de la vérification une
partie de l'effacement : un tel disque finit « non vérifié » : pas de
certificat, le registre le compte comme non effacé ; relancez avec
--verify sample ou full.

Un disque ne compte comme effacé qu'une fois son certificat écrit et son
empreinte enregistrée dans le registre. Le dossier des certificats est
vérifié avant d'effacer ; si le certificat ne peut toujours pas être écrit à
la fin (disque plein), l'effacement est enregistré « sans certificat » avec
le certificat signé, l'unité ne change pas d'état et la commande sort avec
le code 1 : libérez de la place, puis lancez atelier wipe --reissue UNITÉ
(ou DISQUE, ou l'identifiant du certificat), qui écrit le certificat
enregistré à l'identique sans effacer à nouveau. --reissue avec un
identifiant de certificat réécrit aussi un certificat dont les fichiers ont
été perdus ; un fichier déjà présent au contenu différent est refusé.

Codes de sortie : 0 tous les disques réussis ; 1 refusé (rien d'écrit), un
effacement en échec ou un certificat non écrit ; 3 écrit mais non vérifié
(--verify none) ; 130 interrompu.`},
	"wipe.help.flag.verify":  {EN: "read-back: full|sample|none (default: full after an overwrite, sample after a firmware erase; none: no certificate, exit 3)", FR: "relecture\u202f: full (complète), sample (échantillon) ou none (aucune)\u202f; par défaut complète après un écrasement, échantillon après un effacement par le micrologiciel\u202f; none\u202f: pas de certificat, code de sortie 3"},
	"wipe.help.flag.unit":    {EN: "unit the disks belong to (default: the unit the disk is recorded on)", FR: "unité à laquelle appartiennent les disques (par défaut\u202f: celle où le disque est enregistré)"},
	"wipe.help.flag.out":     {EN: "folder for certificates (default: certificates/ next to the ledger)", FR: "dossier des certificats (par défaut\u202f: certificates/ à côté du registre)"},
	"wipe.help.flag.yes":     {EN: "do not ask to type the serial (required when not in a terminal)", FR: "ne pas demander de taper le numéro de série (obligatoire hors d'un terminal)"},
	"wipe.help.flag.dry-run": {EN: "print the plan and write nothing", FR: "afficher le plan sans rien écrire"},
	"wipe.help.flag.reissue": {EN: "write the certificate the ledger holds for a unit, disk or certificate id, without wiping (after a full disk or read-only --out)", FR: "écrire le certificat que le registre garde pour une unité, un disque ou un identifiant de certificat, sans effacer (après un disque plein ou un --out en lecture seule)"},
	"disks.help.short": {EN: "List disks with vendor, model, serial, size, medium and whether atelier refuses to write them",
		FR: "Lister les disques\u202f: fabricant, modèle, numéro de série, taille, support, et si atelier refuse d'y écrire"},
	"disks.help.long": {EN: `List every disk of this machine (attached loop devices included) with its
vendor, model, serial, size, medium (hdd, ssd, nvme, usb, mmc, loop) and
transport. A disk is "protected" when atelier will refuse to wipe or deploy
to it, and the reason says why: it holds the running system or atelier
itself, has a mounted filesystem, is used as swap, is part of a RAID/LVM/dm
stack, holds the ledger or the bench key, or is read-only; directly or
through a layer under or above it (a loop device over it, or under it),
which the reason then names.`,
		FR: `Liste tous les disques de cette machine (périphériques loop attachés
compris) avec fabricant, modèle, numéro de série, taille, support (hdd, ssd,
nvme, usb, mmc, loop) et interface. Un disque est « protégé » quand atelier
refusera de l'effacer ou d'y déployer, et la raison dit pourquoi : il
contient le système en cours ou atelier lui-même, a un système de fichiers
monté, sert de swap, fait partie d'une grappe RAID/LVM/dm, contient le
registre ou la clé du poste, ou est en lecture seule ; directement ou par une
couche en dessous ou au-dessus (un périphérique loop sur lui, ou sous lui),
que la raison nomme alors.`},

	"wipe.help.flag.move-disk": {
		EN: "file under --unit a disk recorded on a unit handed over to a beneficiary (asked in a terminal)",
		FR: "rattacher à --unit un disque enregistré sur une unité remise à un bénéficiaire (demandé dans un terminal)",
	},
	"wipe.movedisk.prompt": {
		EN: "%s (disk %s) is recorded on %s, handed over to a beneficiary. File it under %s now? [y/N] ",
		FR: "%s (disque %s) est enregistré sur %s, remis à un bénéficiaire. Le rattacher maintenant à %s\u202f? [o/N] ",
	},
	"wipe.movedisk.declined": {
		EN: "%s not wiped: the disk stays recorded on the unit it was handed over with",
		FR: "%s non effacé\u202f: le disque reste enregistré sur l'unité avec laquelle il a été remis",
	},
	"wipe.note.movedisk": {
		EN: "disk recorded on %s (handed over), now filed under %s as well",
		FR: "disque enregistré sur %s (remis), désormais rattaché aussi à %s",
	},

	// The progress display wipe and deploy share (cmd/atelier/progress.go).
	"progress.done":      {EN: "done in %s", FR: "terminé en %s"},
	"progress.done.rate": {EN: "done in %s, %s MB/s", FR: "terminé en %s, %s\u202fMo/s"},
	"progress.finished":  {EN: "%s: %s", FR: "%s\u202f: %s"},

	// Estimated durations: under a minute, minutes, hours and minutes.
	"unit.duration.s":  {EN: "%d s", FR: "%d\u202fs"},
	"unit.duration.m":  {EN: "%d min", FR: "%d\u202fmin"},
	"unit.duration.hm": {EN: "%d h %02d min", FR: "%d\u202fh\u202f%02d"},
}
