package i18n

// ledgerMessages are the texts of the ledger commands: init, unit, site,
// handover, status, ledger rebuild/verify.
var ledgerMessages = Catalog{
	// Opening the ledger.
	"ledger.nofolder": {
		EN: "ledger folder %s does not exist: run atelier init, or pass --ledger PATH",
		FR: "le dossier du registre %s n'existe pas\u202f: lancez atelier init, ou indiquez --ledger CHEMIN",
	},
	"ledger.missing": {
		EN: "no ledger at %s: run atelier init first",
		FR: "aucun registre dans %s\u202f: lancez d'abord atelier init",
	},
	"ledger.notsqlite": {
		EN: "%s is not an atelier ledger (not a SQLite database); nothing was changed",
		FR: "%s n'est pas un registre atelier (pas une base SQLite)\u202f; rien n'a été modifié",
	},
	"ledger.notfile": {
		EN: "%s is not a file (a pipe, a device or a socket): the ledger must be an ordinary file; pass --ledger PATH; nothing was changed",
		FR: "%s n'est pas un fichier (un tube, un périphérique ou une socket) : le registre doit être un fichier ordinaire ; indiquez --ledger CHEMIN ; rien n'a été modifié",
	},
	"ledger.foreign": {
		EN: "%s is a SQLite database of another program, not an atelier ledger; nothing was changed",
		FR: "%s est une base SQLite d'un autre programme, pas un registre atelier\u202f; rien n'a été modifié",
	},
	"ledger.newer": {
		EN: "ledger %s was written by a newer atelier (schema %d, this atelier knows up to %d): upgrade atelier; nothing was changed",
		FR: "le registre %s a été écrit par un atelier plus récent (schéma %d, cet atelier connaît jusqu'au %d)\u202f: mettez atelier à jour\u202f; rien n'a été modifié",
	},
	"ledger.notwritable": {
		EN: "ledger folder %s is not writable (the ledger writes its journal there): fix its permissions or pass --ledger PATH",
		FR: "le dossier du registre %s n'est pas accessible en écriture (le registre y écrit son journal)\u202f: corrigez ses droits ou indiquez --ledger CHEMIN",
	},
	"ledger.readonly": {
		EN: "ledger %s is read-only: fix its permissions",
		FR: "le registre %s est en lecture seule\u202f: corrigez ses droits",
	},
	"ledger.mkdir": {
		EN: "cannot create the ledger folder %s: %s",
		FR: "impossible de créer le dossier du registre %s\u202f: %s",
	},
	"ledger.create": {
		EN: "cannot create the ledger %s: %s",
		FR: "impossible de créer le registre %s\u202f: %s",
	},
	"init.prefix": {
		EN: "unit id prefix %q: use 1 to 8 letters or digits, starting with a letter (e.g. PCS)",
		FR: "préfixe d'identifiant %q\u202f: 1 à 8 lettres ou chiffres, commençant par une lettre (ex. PCS)",
	},
	"init.created": {
		EN: "ledger created: %s (units will be numbered %s-YY-NNNN, bench %s)",
		FR: "registre créé\u202f: %s (les unités seront numérotées %s-AA-NNNN, poste %s)",
	},
	"init.exists": {
		EN: "ledger already there: %s (prefix %s, bench %s); nothing changed",
		FR: "registre déjà présent\u202f: %s (préfixe %s, poste %s)\u202f; rien n'a changé",
	},
	"init.key": {
		EN: "bench signing key: %s",
		FR: "clé de signature du poste\u202f: %s",
	},

	// States.
	"state.received":    {EN: "received", FR: "reçu"},
	"state.triaged":     {EN: "triaged", FR: "trié"},
	"state.wiped":       {EN: "wiped", FR: "effacé"},
	"state.imaged":      {EN: "imaged", FR: "installé"},
	"state.ready":       {EN: "ready", FR: "prêt"},
	"state.reserved":    {EN: "reserved", FR: "réservé"},
	"state.handed_over": {EN: "handed over", FR: "remis"},
	"state.returned":    {EN: "returned", FR: "revenu"},
	"state.parts":       {EN: "parts", FR: "pièces"},
	"state.recycled":    {EN: "recycled", FR: "recyclé"},
	"state.none":        {EN: "nothing (final state)", FR: "rien (état final)"},
	"state.unknown": {
		EN: "unknown state %q; the states are: %s",
		FR: "état inconnu %q\u202f; les états sont\u202f: %s",
	},

	// Refused moves: "<unit> cannot ...".
	"cannot.received":    {EN: "%s cannot go back to received", FR: "%s ne peut pas revenir à «\u00a0reçu\u00a0»"},
	"cannot.triaged":     {EN: "%s cannot be triaged", FR: "%s ne peut pas passer en tri"},
	"cannot.wiped":       {EN: "%s cannot be marked wiped", FR: "%s ne peut pas être marqué effacé"},
	"cannot.imaged":      {EN: "%s cannot be marked imaged", FR: "%s ne peut pas être marqué installé"},
	"cannot.ready":       {EN: "%s cannot be marked ready", FR: "%s ne peut pas être marqué prêt"},
	"cannot.reserved":    {EN: "%s cannot be reserved", FR: "%s ne peut pas être réservé"},
	"cannot.handed_over": {EN: "%s cannot be handed over", FR: "%s ne peut pas être remis"},
	"cannot.returned":    {EN: "%s cannot be marked returned", FR: "%s ne peut pas être marqué revenu"},
	"cannot.parts":       {EN: "%s cannot go to parts", FR: "%s ne peut pas partir en pièces"},
	"cannot.recycled":    {EN: "%s cannot be recycled", FR: "%s ne peut pas être recyclé"},
	"refuse.same": {
		EN: "%s is already %s",
		FR: "%s est déjà dans l'état «\u00a0%s\u00a0»",
	},
	"refuse.transition": {
		EN: "%s: it is %s, and from there it can only go to: %s",
		FR: "%s\u202f: il est «\u00a0%s\u00a0», et de là il ne peut aller que vers\u202f: %s",
	},
	"refuse.nosite": {
		EN: "%s without a site: add --site NAME (see atelier site list)",
		FR: "%s sans lieu\u202f: ajoutez --site NOM (voir atelier site list)",
	},
	"refuse.othersite": {
		EN: "%s here: it is reserved for %s (move it back to ready first to change site)",
		FR: "%s ici\u202f: il est réservé pour %s (remettez-le d'abord en «\u00a0prêt\u00a0» pour changer de lieu)",
	},
	"refuse.beneficiaryonly": {
		EN: "--beneficiary goes only with a handover",
		FR: "--beneficiary ne s'emploie que pour une remise",
	},
	"refuse.nodisk": {
		EN: "%s: no disk is recorded for it; record them with atelier probe --save --unit %s, then wipe them with atelier wipe",
		FR: "%s\u202f: aucun disque n'est enregistré pour lui\u202f; enregistrez-les avec atelier probe --save --unit %s, puis effacez-les avec atelier wipe",
	},
	"refuse.nodiskleave": {
		EN: "%s: no disk is recorded for %s: probe it (atelier probe --save --unit %s) or, if it came without a disk, say so with --no-disk",
		FR: "%s\u202f: aucun disque n'est enregistré pour %s\u202f: examinez-le (atelier probe --save --unit %s) ou, s'il est arrivé sans disque, dites-le avec --no-disk",
	},
	"refuse.siteonly": {
		EN: "--site goes only with reserved or handed_over",
		FR: "--site ne s'emploie que pour «\u00a0réservé\u00a0» ou «\u00a0remis\u00a0»",
	},
	"ev.nodisk": {EN: "%s (came without a disk)", FR: "%s (arrivé sans disque)"},
	"refuse.diskwipe": {
		EN: "%s: disk %s has no passed erasure certificate; wipe it with atelier wipe",
		FR: "%s\u202f: le disque %s n'a pas de certificat d'effacement réussi\u202f; effacez-le avec atelier wipe",
	},
	"refuse.disk": {
		EN: "%s: disk %s has no passed erasure certificate (wipe it with atelier wipe, or record its destruction: atelier unit destroy-disk %s %s --reason ...)",
		FR: "%s\u202f: le disque %s n'a pas de certificat d'effacement réussi (effacez-le avec atelier wipe, ou enregistrez sa destruction\u202f: atelier unit destroy-disk %s %s --reason ...)",
	},
	"refuse.deploy": {
		EN: "%s: it is %s; only a wiped unit can receive an image (wipe its disks first)",
		FR: "%s\u202f: il est «\u00a0%s\u00a0»\u202f; seule une unité effacée peut recevoir une image (effacez d'abord ses disques)",
	},

	"refuse.deploydisk": {
		EN: "%s: disk %s is not one of its disks with a passed erasure: wipe it for this unit first (atelier wipe --unit ID)",
		FR: "%s\u202f: le disque %s n'est pas l'un de ses disques effacés avec succès\u202f: effacez-le d'abord pour cette unité (atelier wipe --unit ID)",
	},
	"refuse.imagedbyhand": {
		EN: "%s by hand: only a deploy records an image, once it is written and verified (atelier deploy --image NAME --unit %s DISK)",
		FR: "%s à la main\u202f: seul un déploiement enregistre une image, une fois écrite et vérifiée (atelier deploy --image NOM --unit %s DISQUE)",
	},

	// Units.
	"unit.unknown": {
		EN: "no unit %q in the ledger (give its id, serial number or asset tag)",
		FR: "aucune unité %q dans le registre (donnez son identifiant, son numéro de série ou son numéro d'inventaire)",
	},
	"unit.ambiguous": {
		EN: "%s matches %d units: %s; use the id",
		FR: "%s correspond à %d unités\u202f: %s\u202f; utilisez l'identifiant",
	},
	"unit.noserial": {
		EN: "a unit needs a serial number",
		FR: "une unité doit avoir un numéro de série",
	},
	"unit.serialexists": {
		EN: "serial %s is already in the ledger as %s",
		FR: "le numéro de série %s est déjà dans le registre\u202f: %s",
	},
	"import.noserial": {
		EN: "%s line %d: no serial number",
		FR: "%s ligne %d\u202f: pas de numéro de série",
	},
	"note.empty": {
		EN: "the note is empty",
		FR: "la note est vide",
	},
	"note.added": {
		EN: "note added to %s",
		FR: "note ajoutée à %s",
	},
	"moved": {
		EN: "%s: %s -> %s",
		FR: "%s\u202f: %s -> %s",
	},
	"disk.noserial": {
		EN: "give the serial number of the destroyed disk",
		FR: "indiquez le numéro de série du disque détruit",
	},
	"disk.noreason": {
		EN: "say how the disk was destroyed: --reason \"shredded by ...\"",
		FR: "indiquez comment le disque a été détruit\u202f: --reason «\u00a0broyé par ...\u00a0»",
	},
	"disk.notrecorded": {
		EN: "%s: no disk %s is recorded for it (its disks: %s); check the serial, or add --new if this disk was never recorded",
		FR: "%s\u202f: aucun disque %s n'est enregistré pour lui (ses disques\u202f: %s)\u202f; vérifiez le numéro de série, ou ajoutez --new si ce disque n'a jamais été enregistré",
	},
	"init.prefixkept": {
		EN: "the prefix stays %s: it is chosen once, when the ledger is created (--prefix %s not applied)",
		FR: "le préfixe reste %s\u202f: il est choisi une fois, à la création du registre (--prefix %s non appliqué)",
	},
	"init.benchkept": {
		EN: "the bench name stays %s: it is chosen once, when the ledger is created (--bench %s not applied)",
		FR: "le nom du poste reste %s\u202f: il est choisi une fois, à la création du registre (--bench %s non appliqué)",
	},
	"ledger.notfolder": {
		EN: "%s is a file, not a folder: the ledger goes in a folder; pass --ledger FOLDER/ledger.db",
		FR: "%s est un fichier, pas un dossier\u202f: le registre se range dans un dossier\u202f; indiquez --ledger DOSSIER/ledger.db",
	},
	"disk.destroyed": {
		EN: "%s: destruction of disk %s recorded",
		FR: "%s\u202f: destruction du disque %s enregistrée",
	},
	"disk.unknown": {
		EN: "no disk %q recorded for %s",
		FR: "aucun disque %q enregistré pour %s",
	},
	"list.none": {
		EN: "no unit matches",
		FR: "aucune unité ne correspond",
	},
	"list.count": {Count: 1,
		EN: "%d units", ENOne: "%d unit",
		FR: "%d unités", FROne: "%d unité"},

	// Table headers and facts.
	"col.id":              {EN: "ID", FR: "ID"},
	"col.serial":          {EN: "Serial", FR: "N° de série"},
	"col.asset":           {EN: "Asset tag", FR: "N° d'inventaire"},
	"col.machine":         {EN: "Machine", FR: "Machine"},
	"col.state":           {EN: "State", FR: "État"},
	"col.site":            {EN: "Site", FR: "Lieu"},
	"col.when":            {EN: "When", FR: "Quand"},
	"col.what":            {EN: "What", FR: "Quoi"},
	"col.who":             {EN: "Who", FR: "Qui"},
	"col.name":            {EN: "Name", FR: "Nom"},
	"col.added":           {EN: "Added", FR: "Ajouté"},
	"col.disk":            {EN: "Disk", FR: "Disque"},
	"col.size":            {EN: "Size", FR: "Taille"},
	"col.erasure":         {EN: "Erasure", FR: "Effacement"},
	"fact.type":           {EN: "Type", FR: "Type"},
	"fact.dsiname":        {EN: "DSI name", FR: "Nom (DSI)"},
	"fact.donor":          {EN: "Donor", FR: "Donateur"},
	"fact.batch":          {EN: "Batch", FR: "Lot"},
	"fact.grade":          {EN: "Grade", FR: "Note"},
	"fact.received":       {EN: "Received", FR: "Reçu le"},
	"fact.since":          {EN: "Since", FR: "Depuis le"},
	"show.disks":          {EN: "Disks", FR: "Disques"},
	"show.timeline":       {EN: "Timeline", FR: "Historique"},
	"erasure.none":        {EN: "not erased", FR: "non effacé"},
	"erasure.passed":      {EN: "erased (passed)", FR: "effacé (réussi)"},
	"erasure.failed":      {EN: "erasure FAILED", FR: "effacement ÉCHOUÉ"},
	"erasure.interrupted": {EN: "erasure interrupted", FR: "effacement interrompu"},
	"erasure.destroyed":   {EN: "physically destroyed", FR: "détruit physiquement"},
	"erasure.unverified":  {EN: "erased, not verified", FR: "effacé, non vérifié"},
	"erasure.uncertified": {EN: "erased, certificate NOT WRITTEN", FR: "effacé, certificat NON ÉCRIT"},

	"fact.statesince": {EN: "%s since %s", FR: "%s depuis le %s"},
	"col.model":       {EN: "Model", FR: "Modèle"},

	// Timeline lines.
	"ev.received":      {EN: "received (%s)", FR: "reçu (%s)"},
	"ev.moved":         {EN: "%s -> %s", FR: "%s -> %s"},
	"ev.moved.reason":  {EN: "%s -> %s: %s", FR: "%s -> %s\u202f: %s"},
	"ev.moved.auto":    {EN: "%s -> %s (automatic)", FR: "%s -> %s (automatique)"},
	"ev.moved.autowhy": {EN: "%s -> %s (automatic: %s)", FR: "%s -> %s (automatique\u202f: %s)"},
	"reason.erasedafterdeploy": {
		EN: "its disk was erased after the deploy%.0s",
		FR: "son disque a été effacé après l'installation%.0s",
	},
	"reason.erasedafterdeploy.reserved": {
		EN: "its disk was erased after the deploy; reservation for %s dropped",
		FR: "son disque a été effacé après l'installation\u202f; réservation pour %s annulée",
	},
	"reason.wipedafterdeploy": {
		EN: "a wipe that proves no erasure overwrote its disk after the deploy%.0s",
		FR: "un effacement qui ne prouve rien a réécrit son disque après l'installation%.0s",
	},
	"reason.wipedafterdeploy.reserved": {
		EN: "a wipe that proves no erasure overwrote its disk after the deploy; reservation for %s dropped",
		FR: "un effacement qui ne prouve rien a réécrit son disque après l'installation\u202f; réservation pour %s annulée",
	},
	"ev.moved.site": {EN: "%s -> %s (%s)", FR: "%s -> %s (%s)"},
	"ev.handover":   {EN: "handed over at %s, reference %s", FR: "remis à %s, référence %s"},
	"ev.note":       {EN: "note: %s", FR: "note\u202f: %s"},
	"ev.probed": {Count: 2,
		EN: "probed, grade %s, %d disks", ENOne: "probed, grade %s, %d disk",
		FR: "examiné, note %s, %d disques", FROne: "examiné, note %s, %d disque"},
	"ev.destroyed":          {EN: "disk %s destroyed: %s", FR: "disque %s détruit\u202f: %s"},
	"ev.wipe.started":       {EN: "wipe of disk %s started (%s)", FR: "effacement du disque %s commencé (%s)"},
	"ev.wipe.unfinished":    {EN: "wipe of disk %s started (%s), never finished", FR: "effacement du disque %s commencé (%s), jamais terminé"},
	"ev.wipe.finished":      {EN: "wipe of disk %s: %s", FR: "effacement du disque %s\u202f: %s"},
	"ev.deployed":           {EN: "image %s deployed: %s", FR: "image %s installée\u202f: %s"},
	"ev.deploy.started":     {EN: "deploy of image %s onto disk %s started", FR: "installation de l'image %s sur le disque %s commencée"},
	"ev.deploy.unfinished":  {EN: "deploy of image %s onto disk %s started, never finished", FR: "installation de l'image %s sur le disque %s commencée, jamais terminée"},
	"ev.status.passed":      {EN: "passed", FR: "réussie"},
	"ev.status.failed":      {EN: "FAILED", FR: "ÉCHOUÉE"},
	"ev.status.interrupted": {EN: "interrupted", FR: "interrompue"},
	"ev.other":              {EN: "%s", FR: "%s"},

	// Sites.
	"site.unknown": {
		EN: "unknown site %q: add it with atelier site add",
		FR: "lieu inconnu %q\u202f: ajoutez-le avec atelier site add",
	},
	"site.exists": {
		EN: "site %q already exists",
		FR: "le lieu %q existe déjà",
	},
	"site.noname": {
		EN: "give the site's name, e.g. atelier site add \"MDH Village 2\"",
		FR: "donnez le nom du lieu, ex. atelier site add «\u00a0MDH Village 2\u00a0»",
	},
	"site.added": {
		EN: "site added: %s",
		FR: "lieu ajouté\u202f: %s",
	},
	"site.none": {
		EN: "no site yet: add one with atelier site add NAME",
		FR: "aucun lieu pour l'instant\u202f: ajoutez-en un avec atelier site add NOM",
	},

	// Handover.
	"beneficiary.missing": {
		EN: "give the beneficiary reference issued by the MDH: --beneficiary REF (e.g. MDH-VILLAGE2-2026-017)",
		FR: "indiquez la référence du bénéficiaire donnée par la MDH\u202f: --beneficiary REF (ex. MDH-VILLAGE2-2026-017)",
	},
	"beneficiary.email": {
		EN: "the beneficiary reference looks like an e-mail address: give the MDH's opaque reference instead (e.g. MDH-VILLAGE2-2026-017); personal data is never recorded",
		FR: "la référence du bénéficiaire ressemble à une adresse e-mail\u202f: donnez plutôt la référence opaque de la MDH (ex. MDH-VILLAGE2-2026-017)\u202f; aucune donnée personnelle n'est enregistrée",
	},
	"beneficiary.phone": {
		EN: "the beneficiary reference looks like a phone number: give the MDH's opaque reference instead (e.g. MDH-VILLAGE2-2026-017); personal data is never recorded",
		FR: "la référence du bénéficiaire ressemble à un numéro de téléphone\u202f: donnez plutôt la référence opaque de la MDH (ex. MDH-VILLAGE2-2026-017)\u202f; aucune donnée personnelle n'est enregistrée",
	},
	"beneficiary.name": {
		EN: "the beneficiary reference has no digit and may be a name: give the MDH's opaque reference instead (e.g. MDH-VILLAGE2-2026-017); names are never recorded",
		FR: "la référence du bénéficiaire ne contient aucun chiffre et pourrait être un nom\u202f: donnez plutôt la référence opaque de la MDH (ex. MDH-VILLAGE2-2026-017)\u202f; aucun nom n'est enregistré",
	},
	"handover.done": {
		EN: "%s handed over at %s (reference %s)",
		FR: "%s remis à %s (référence %s)",
	},

	// Status sentences: "<id> — <machine> — <where it stands>".
	"status.received":    {EN: "received on %s, not examined yet", FR: "reçu le %s, pas encore examiné"},
	"status.triaged":     {EN: "examined since %s, waiting for its disks to be wiped", FR: "examiné depuis le %s, en attente d'effacement des disques"},
	"status.wiped":       {EN: "disks wiped since %s, waiting for the system to be installed", FR: "disques effacés depuis le %s, en attente d'installation du système"},
	"status.imaged":      {EN: "system installed since %s, waiting for its quality check", FR: "système installé depuis le %s, en attente du contrôle qualité"},
	"status.ready":       {EN: "ready since %s, not reserved", FR: "prêt depuis le %s, pas encore réservé"},
	"status.reserved":    {EN: "ready, reserved for %s since %s", FR: "prêt, réservé pour %s depuis le %s"},
	"status.handed_over": {EN: "handed over by %s on %s", FR: "remis par %s le %s"},
	"status.returned":    {EN: "came back on %s, to be examined again", FR: "revenu le %s, à examiner de nouveau"},
	"status.parts":       {EN: "kept for spare parts since %s", FR: "gardé pour pièces depuis le %s"},
	"status.recycled":    {EN: "sent to recycling on %s", FR: "envoyé au recyclage le %s"},
	"status.diskwarn":    {EN: "WARNING: disk %s %s", FR: "ATTENTION\u202f: disque %s %s"},
	"status.nomodel":     {EN: "unknown model", FR: "modèle inconnu"},

	// Images.
	"image.unknown": {
		EN: "unknown image %q: see atelier image list",
		FR: "image inconnue %q\u202f: voir atelier image list",
	},
	"image.exists": {
		EN: "an image named %q is already in the catalogue",
		FR: "une image nommée %q est déjà dans le catalogue",
	},
	"image.noname": {
		EN: "an image needs a name",
		FR: "une image doit avoir un nom",
	},
	"wipe.unknownstart": {
		EN: "no started wipe %s for %s",
		FR: "aucun effacement commencé %s pour %s",
	},
	"wipe.status": {
		EN: "status %q: passed, failed, interrupted or (wipe only) unverified or uncertified",
		FR: "statut %q\u202f: passed, failed, interrupted ou (effacement seulement) unverified ou uncertified",
	},

	// Rebuild and verify.
	"rebuild.done": {
		EN: "projections rebuilt from %s: %s",
		FR: "vues reconstruites à partir de %s\u202f: %s",
	},
	"verify.ok": {
		EN: "chain intact: %s on %s",
		FR: "chaîne intacte\u202f: %s sur %s",
	},
	"verify.altered": {
		EN: "event %s (bench %s, #%d) was altered: its hash does not match its content",
		FR: "l'événement %s (poste %s, n°%d) a été modifié\u202f: son empreinte ne correspond pas à son contenu",
	},
	"verify.unlinked": {
		EN: "event %s (bench %s, #%d) does not follow the bench's previous event: an event was removed or inserted before it",
		FR: "l'événement %s (poste %s, n°%d) ne suit pas l'événement précédent du poste\u202f: un événement a été supprimé ou inséré avant lui",
	},
	"verify.truncated": {
		EN: "bench %s's last recorded event is #%d but its chain stops at #%d: the newest events were removed",
		FR: "le dernier événement enregistré du poste %s est le n°%d mais sa chaîne s'arrête au n°%d\u202f: les événements les plus récents ont été supprimés",
	},
	"verify.nohead": {
		EN: "bench %s has events up to #%d but no recorded last event: the ledger was edited behind atelier's back",
		FR: "le poste %s a des événements jusqu'au n°%d mais aucun dernier événement enregistré\u202f: le registre a été modifié en dehors d'atelier",
	},
	"verify.notrigger": {
		EN: "the ledger's protection %s was removed: the events may have been rewritten behind atelier's back",
		FR: "la protection %s du registre a été supprimée\u202f: les événements ont pu être réécrits en dehors d'atelier",
	},
	"rebuild.broken": {
		EN: "the event chain is broken (%s): rebuilding would make the views agree with a tampered history; run atelier ledger verify, and use --force to rebuild anyway",
		FR: "la chaîne d'événements est rompue (%s)\u202f: reconstruire alignerait les vues sur un historique altéré\u202f; lancez atelier ledger verify, et --force pour reconstruire malgré tout",
	},
	"verify.gap": {
		EN: "event %s (bench %s) has number %d where %d was expected: an event was removed",
		FR: "l'événement %s (poste %s) porte le n°%d au lieu du n°%d\u202f: un événement a été supprimé",
	},

	// A wipe whose certificate could not be written, and wipe --reissue.
	"ev.wipe.certified": {EN: "certificate %[2]s of disk %[1]s written: erased (passed)", FR: "certificat %[2]s du disque %[1]s écrit\u202f: effacé (réussi)"},
	"wipe.reissue.unknown": {
		EN: "%s is neither a certificate id recorded in the ledger, a unit, nor a disk recorded on a unit",
		FR: "%s n'est ni un identifiant de certificat enregistré dans le registre, ni une unité, ni un disque enregistré sur une unité",
	},
	"wipe.reissue.none": {
		EN: "no wipe of %s is waiting for its certificate (to write again the certificate of a wipe, give its certificate id)",
		FR: "aucun effacement de %s n'attend son certificat (pour réécrire le certificat d'un effacement, donnez l'identifiant du certificat)",
	},
	"wipe.certify.stale": {
		EN: "certificate %s is not the pending certificate of a disk of %s (already written, or the disk was wiped or returned since)",
		FR: "le certificat %s n'est pas le certificat en attente d'un disque de %s (déjà écrit, ou le disque a été effacé ou rendu depuis)",
	},

	// Damaged, truncated, empty and read-only ledgers (issue 8.7, 8.11).
	"ledger.empty": {
		EN: "ledger %s is empty (0 bytes): its contents were lost (a full disk, an interrupted copy?); restore it from a backup. atelier init will not start a new chain over it: move the file away first if you really mean to start a new ledger",
		FR: "le registre %s est vide (0 octet)\u202f: son contenu a été perdu (disque plein, copie interrompue\u202f?)\u202f; restaurez-le depuis une sauvegarde. atelier init ne démarrera pas une nouvelle chaîne par-dessus\u202f: déplacez d'abord ce fichier si vous voulez vraiment un nouveau registre",
	},
	"ledger.truncated": {
		EN: "ledger %s is truncated: the file has %d bytes where its header says %d (a copy cut short, or a full disk); restore it from a backup; nothing was changed",
		FR: "le registre %s est tronqué\u202f: le fichier fait %d octets alors que son en-tête en annonce %d (copie interrompue ou disque plein)\u202f; restaurez-le depuis une sauvegarde\u202f; rien n'a été modifié",
	},
	"ledger.damaged": {
		EN: "ledger %s is damaged (SQLite finds a malformed page): run atelier ledger verify to see where; atelier ledger rebuild repairs damaged views, damaged events need a backup",
		FR: "le registre %s est endommagé (SQLite y trouve une page malformée)\u202f: lancez atelier ledger verify pour savoir où\u202f; atelier ledger rebuild répare des vues endommagées, des événements endommagés demandent une sauvegarde",
	},
	"ledger.readonlyold": {
		EN: "ledger %s is read-only and was written by an older atelier (schema %d, this one reads %d): open it once where it can be written, to upgrade it",
		FR: "le registre %s est en lecture seule et a été écrit par un atelier plus ancien (schéma %d, celui-ci lit le %d)\u202f: ouvrez-le une fois là où il peut être écrit, pour le mettre à jour",
	},

	// Signed chain heads (issue 8.6).
	"ledger.nokey": {
		EN: "bench %s signs every change to its ledger, and its signing key cannot be used: %s",
		FR: "le poste %s signe chaque modification de son registre, et sa clé de signature est inutilisable\u202f: %s",
	},
	"ledger.otherkey": {
		EN: "this ledger knows bench %s's key as %s, but bench.key is %s: writing with another key would break the signed chain; put the bench's own bench.key back",
		FR: "ce registre connaît la clé du poste %s sous l'empreinte %s, mais bench.key est %s\u202f: écrire avec une autre clé romprait la chaîne signée\u202f; remettez la clé bench.key du poste",
	},
	"seal.broken": {
		EN: "bench %s's chain was not signed, it is broken: %s",
		FR: "la chaîne du poste %s n'a pas été signée, elle est rompue\u202f: %s",
	},
	"ledger.rojournal": {
		EN: "ledger %s has changes waiting in its journal (-wal file) and its folder cannot be written, so they cannot be read: open it once where its folder can be written",
		FR: "le registre %s a des modifications en attente dans son journal (fichier -wal) et son dossier n'est pas accessible en écriture, elles ne peuvent donc pas être lues\u202f: ouvrez-le une fois là où son dossier peut être écrit",
	},
	"ledger.noviews": {
		EN: "ledger %s has lost its views (a rebuild cut short?); its events are untouched: atelier ledger rebuild recreates the views",
		FR: "le registre %s a perdu ses vues (une reconstruction interrompue\u202f?)\u202f; ses événements sont intacts\u202f: atelier ledger rebuild recrée les vues",
	},
	"init.sealed": {
		EN: "ledger upgraded: bench %s's chain is now signed (%s)",
		FR: "registre mis à jour\u202f: la chaîne du poste %s est maintenant signée (%s)",
	},
	"verify.reordered": {
		EN: "events of bench %s are out of order: #%d (event %s) comes before #%d in time order: the events were reordered (their ids rewritten)",
		FR: "les événements du poste %s sont dans le désordre\u202f: le n°%d (événement %s) vient avant le n°%d dans l'ordre du temps\u202f: les événements ont été réordonnés (leurs identifiants réécrits)",
	},
	"verify.beyondhead": {
		EN: "bench %s's last recorded event is #%d but its chain goes on to #%d: events were added behind atelier's back",
		FR: "le dernier événement enregistré du poste %s est le n°%d mais sa chaîne continue jusqu'au n°%d\u202f: des événements ont été ajoutés en dehors d'atelier",
	},
	"verify.headhash": {
		EN: "bench %s's event #%d is not the one recorded as its last: the chain was rewritten",
		FR: "l'événement n°%[2]d du poste %[1]s n'est pas celui enregistré comme son dernier\u202f: la chaîne a été réécrite",
	},
	"verify.keymismatch": {
		EN: "the ledger knows bench %s's key as %s, but %s is %s: one of the two was replaced",
		FR: "le registre connaît la clé du poste %s sous l'empreinte %s, mais %s est %s\u202f: l'une des deux a été remplacée",
	},
	"verify.nokey": {
		EN: "bench %s's last event #%d carries a signature but the ledger holds no key for that bench: the ledger was edited behind atelier's back",
		FR: "le dernier événement n°%[2]d du poste %[1]s porte une signature mais le registre n'a aucune clé pour ce poste\u202f: le registre a été modifié en dehors d'atelier",
	},
	"verify.unsignedhead": {
		EN: "bench %s's last event #%d is not signed although the bench signs with key %s: the chain was extended or rewritten without the bench key",
		FR: "le dernier événement n°%[2]d du poste %[1]s n'est pas signé alors que le poste signe avec la clé %[3]s\u202f: la chaîne a été prolongée ou réécrite sans la clé du poste",
	},
	"verify.badsig": {
		EN: "bench %s's last event #%d does not carry a valid signature of its key %s: the chain was extended or rewritten without the bench key",
		FR: "le dernier événement n°%[2]d du poste %[1]s ne porte pas de signature valide de sa clé %[3]s\u202f: la chaîne a été prolongée ou réécrite sans la clé du poste",
	},
	"verify.unsigned": {
		EN: "chain consistent but not signed for bench(es) %s (a ledger from before atelier signed its chains): anyone holding the file could have written it; run atelier init on that bench to sign it",
		FR: "chaîne cohérente mais non signée pour le(s) poste(s) %s (un registre d'avant la signature des chaînes)\u202f: quiconque détient le fichier aurait pu l'écrire\u202f; lancez atelier init sur ce poste pour la signer",
	},
	"verify.signed": {
		EN: "bench %s: last event #%d signed by %s",
		FR: "poste %s\u202f: dernier événement n°%d signé par %s",
	},
	"verify.damaged": {
		EN: "the ledger file is damaged beyond its views (%s): its events can be neither trusted nor rebuilt from; restore the ledger from a backup",
		FR: "le fichier du registre est endommagé au-delà de ses vues (%s)\u202f: ses événements ne sont ni fiables ni utilisables pour reconstruire\u202f; restaurez le registre depuis une sauvegarde",
	},
	"verify.views": {
		EN: "the ledger's views are damaged (%s), its events are intact: atelier ledger rebuild recreates the views",
		FR: "les vues du registre sont endommagées (%s), ses événements sont intacts\u202f: atelier ledger rebuild recrée les vues",
	},
	"rebuild.damaged": {
		EN: "the ledger file is damaged beyond its views (%s): views rebuilt from damaged events would tell a made-up history; restore the ledger from a backup; nothing was changed",
		FR: "le fichier du registre est endommagé au-delà de ses vues (%s)\u202f: des vues reconstruites à partir d'événements endommagés raconteraient une histoire inventée\u202f; restaurez le registre depuis une sauvegarde\u202f; rien n'a été modifié",
	},
	"rebuild.repaired": {
		EN: "damage found and repaired: %s",
		FR: "dommages trouvés et réparés\u202f: %s",
	},
	"rebuild.unsigned": {
		EN: "warning: bench(es) %s: chain not signed yet; run atelier init on that bench to sign it",
		FR: "attention\u202f: poste(s) %s\u202f: chaîne pas encore signée\u202f; lancez atelier init sur ce poste pour la signer",
	},
	"replay.refused": {
		EN: "event %s (%s, bench %s, #%d) is not one atelier could have written: %s; the history was edited behind atelier's back, nothing was rebuilt (atelier ledger rebuild --force applies it anyway)",
		FR: "l'événement %s (%s, poste %s, n°%d) n'a pas pu être écrit par atelier\u202f: %s\u202f; l'historique a été modifié en dehors d'atelier, rien n'a été reconstruit (atelier ledger rebuild --force l'applique malgré tout)",
	},
	"replay.nounit": {
		EN: "a unit is received without an id",
		FR: "une unité est reçue sans identifiant",
	},
	"replay.twice": {
		EN: "unit %s is received a second time",
		FR: "l'unité %s est reçue une deuxième fois",
	},
	"replay.unknown": {
		EN: "unit %s was never received",
		FR: "l'unité %s n'a jamais été reçue",
	},
	"replay.from": {
		EN: "it moves %s from %s, but the unit was %s",
		FR: "il fait passer %s de «\u00a0%s\u00a0», mais l'unité était «\u00a0%s\u00a0»",
	},
	"replay.nodeploy": {
		EN: "%s becomes imaged without a passed deploy just before",
		FR: "%s devient installé sans déploiement réussi juste avant",
	},
	"wipe.disk_handed_over": {
		EN: "disk %s is recorded on %s, handed over to a beneficiary: to file it under %s now, confirm in a terminal or pass --move-disk",
		FR: "le disque %s est enregistré sur %s, remis à un bénéficiaire\u202f: pour le rattacher maintenant à %s, confirmez dans un terminal ou passez --move-disk",
	},
	"reason.rewipenotpassed": {
		EN: "a new wipe of its disk proves no erasure: erased again only after a passed wipe%.0s",
		FR: "un nouvel effacement de son disque ne prouve rien\u202f: de nouveau effacé seulement après un effacement réussi%.0s",
	},
}
