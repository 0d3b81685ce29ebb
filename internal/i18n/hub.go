package i18n

// hubMessages are the texts of the hub: bench enrolment, sync, bundles and
// `atelier serve`.
var hubMessages = Catalog{
	"bench.badletter": {
		EN: "bench letter %q: use one or two letters A to Z (B gives ids such as PCS-26-B0042)",
		FR: "lettre d'établi %q\u202f: utilisez une ou deux lettres de A à Z (B donne des numéros comme PCS-26-B0042)",
	},
	"bench.badname": {
		EN: "bench name %q: use letters, digits, '.', '_' or '-' (at most 63)",
		FR: "nom d'établi %q\u202f: utilisez des lettres, des chiffres, «\u00a0.\u00a0», «\u00a0_\u00a0» ou «\u00a0-\u00a0» (63 au plus)",
	},
	"bench.badkey": {
		EN: "bench %s: the key is not an ed25519 public key (give the bench's bench.pub)",
		FR: "établi %s\u202f: la clé n'est pas une clé publique ed25519 (donnez le bench.pub de l'établi)",
	},
	"bench.self": {
		EN: "bench %s is this ledger's own bench: enrol the other benches",
		FR: "l'établi %s est celui de ce registre\u202f: inscrivez les autres établis",
	},
	"bench.exists": {
		EN: "bench %s is already enrolled (a revoked bench stays revoked: enrol it under a new name with a new key)",
		FR: "l'établi %s est déjà inscrit (un établi révoqué le reste\u202f: inscrivez-le sous un autre nom avec une nouvelle clé)",
	},
	"bench.keyexists": {
		EN: "key %s is already enrolled as bench %s",
		FR: "la clé %s est déjà inscrite pour l'établi %s",
	},
	"bench.lettertaken": {
		EN: "letter %s is already taken by bench %s: unit ids would collide; choose another with --letter",
		FR: "la lettre %s est déjà prise par l'établi %s\u202f: les numéros d'unités se confondraient\u202f; choisissez-en une autre avec --letter",
	},
	"bench.unknown": {
		EN: "no bench %s enrolled on this ledger: see atelier bench list",
		FR: "aucun établi %s inscrit dans ce registre\u202f: voyez atelier bench list",
	},
	"bench.alreadyrevoked": {
		EN: "bench %s was already revoked on %s",
		FR: "l'établi %s a déjà été révoqué le %s",
	},
	"bench.enrolled": {
		EN: "bench %s enrolled (key %s, unit ids with letter %s)",
		FR: "établi %s inscrit (clé %s, numéros d'unités avec la lettre %s)",
	},
	"bench.revoked": {
		EN: "bench %s revoked: its requests are refused from now on; what it sent before stays",
		FR: "établi %s révoqué\u202f: ses requêtes sont refusées désormais\u202f; ce qu'il a envoyé avant reste",
	},
	"bench.none": {
		EN: "no bench enrolled yet: enrol one with atelier bench enrol NAME --key bench.pub",
		FR: "aucun établi inscrit\u202f: inscrivez-en un avec atelier bench enrol NOM --key bench.pub",
	},
	"bench.nokeyflag": {
		EN: "give the bench's public key: --key bench.pub (atelier init wrote it next to the bench's ledger)",
		FR: "donnez la clé publique de l'établi\u202f: --key bench.pub (atelier init l'a écrite à côté du registre de l'établi)",
	},
	"col.bench":    {EN: "Bench", FR: "Établi"},
	"col.letter":   {EN: "Letter", FR: "Lettre"},
	"col.key":      {EN: "Key", FR: "Clé"},
	"col.enrolled": {EN: "Enrolled", FR: "Inscrit"},
	"col.revoked":  {EN: "Revoked", FR: "Révoqué"},
	"init.letter": {
		EN: "unit ids of this bench carry the letter %s (%s)",
		FR: "les numéros d'unités de cet établi portent la lettre %s (%s)",
	},
	"init.letterkept": {
		EN: "this ledger's letter stays %s (--letter %s not applied: a letter is chosen once)",
		FR: "la lettre de ce registre reste %s (--letter %s non appliqué\u202f: une lettre se choisit une fois)",
	},
	// Bundles: what a merge refuses, always naming the first bad line or event.
	"bundle.toolong": {
		EN: "bundle line %d is longer than %d MiB: not an atelier bundle; nothing was written",
		FR: "la ligne %d du paquet dépasse %d Mio\u202f: ce n'est pas un paquet atelier\u202f; rien n'a été écrit",
	},
	"bundle.badline": {
		EN: "bundle line %d cannot be read (%s); nothing was written",
		FR: "la ligne %d du paquet est illisible (%s)\u202f; rien n'a été écrit",
	},
	"bundle.notbundle": {
		EN: "not an atelier bundle (its first line must name the format); nothing was written",
		FR: "ce n'est pas un paquet atelier (sa première ligne doit nommer le format)\u202f; rien n'a été écrit",
	},
	"bundle.version": {
		EN: "bundle format %q version %d: this atelier reads version %d; nothing was written",
		FR: "paquet au format %q version %d\u202f: cet atelier lit la version %d\u202f; rien n'a été écrit",
	},
	"bundle.truncated": {
		EN: "the bundle stops at line %d before its end line (a copy cut short?); nothing was written",
		FR: "le paquet s'arrête à la ligne %d avant sa ligne de fin (copie interrompue\u202f?)\u202f; rien n'a été écrit",
	},
	"bundle.nokey": {
		EN: "the bundle of bench %s carries no valid public key; nothing was written",
		FR: "le paquet de l'établi %s ne porte pas de clé publique valable\u202f; rien n'a été écrit",
	},
	"bundle.notsender": {
		EN: "the bundle is from bench %s but was sent by bench %s; nothing was written",
		FR: "le paquet vient de l'établi %s mais a été envoyé par l'établi %s\u202f; rien n'a été écrit",
	},
	"bundle.senderkey": {
		EN: "the bundle of bench %s is signed with key %s, not its enrolled key %s; nothing was written",
		FR: "le paquet de l'établi %s est signé avec la clé %s, pas avec sa clé inscrite %s\u202f; rien n'a été écrit",
	},
	"bundle.senderrevoked": {
		EN: "bench %s is revoked on this hub: its bundles are refused; nothing was written",
		FR: "l'établi %s est révoqué sur ce hub\u202f: ses paquets sont refusés\u202f; rien n'a été écrit",
	},
	"bundle.notenrolled": {
		EN: "bench %s is not enrolled on this hub (atelier bench enrol %[1]s --key bench.pub); nothing was written",
		FR: "l'établi %s n'est pas inscrit sur ce hub (atelier bench enrol %[1]s --key bench.pub)\u202f; rien n'a été écrit",
	},
	"bundle.endmismatch": {
		EN: "the bundle's end line announces %d chains and %d events, %d and %d were read, or its digest differs: altered or cut; nothing was written",
		FR: "la ligne de fin du paquet annonce %d chaînes et %d événements, %d et %d ont été lus, ou son empreinte diffère\u202f: modifié ou tronqué\u202f; rien n'a été écrit",
	},
	"bundle.badsig": {
		EN: "the bundle's signature does not match the key of bench %s (%s): altered; nothing was written",
		FR: "la signature du paquet ne correspond pas à la clé de l'établi %s (%s)\u202f: modifié\u202f; rien n'a été écrit",
	},
	"bundle.afterend": {
		EN: "the bundle goes on after its end line (line %d); nothing was written",
		FR: "le paquet continue après sa ligne de fin (ligne %d)\u202f; rien n'a été écrit",
	},
	"bundle.badchain": {
		EN: "chain line of bench %q (after %d, up to %d) is invalid or repeated; nothing was written",
		FR: "la ligne de chaîne de l'établi %q (après %d, jusqu'à %d) est invalide ou répétée\u202f; rien n'a été écrit",
	},
	"bundle.gap": {
		EN: "the chain of bench %s starts after its event %d, but this ledger holds only up to %d: sync or import the events in between first; nothing was written",
		FR: "la chaîne de l'établi %s commence après son événement %d, mais ce registre n'a que jusqu'au %d\u202f: synchronisez ou importez d'abord ceux d'entre les deux\u202f; rien n'a été écrit",
	},
	"bundle.headmismatch": {
		EN: "the chain of bench %s ends at event %d, not at the head it announces (%d): cut or altered; nothing was written",
		FR: "la chaîne de l'établi %s s'arrête à l'événement %d, pas à la tête qu'elle annonce (%d)\u202f: tronquée ou modifiée\u202f; rien n'a été écrit",
	},
	"bundle.otherbench": {
		EN: "event %s of bench %s sits in the chain of bench %s; nothing was written",
		FR: "l'événement %s de l'établi %s se trouve dans la chaîne de l'établi %s\u202f; rien n'a été écrit",
	},
	"bundle.unlinked": {
		EN: "event %s (bench %s, #%d) does not follow event #%d of its chain: missing or reordered events; nothing was written",
		FR: "l'événement %s (établi %s, n°%d) ne suit pas l'événement n°%d de sa chaîne\u202f: événements manquants ou déplacés\u202f; rien n'a été écrit",
	},
	"bundle.altered": {
		EN: "event %s (bench %s, #%d) was altered: its hash does not match its content; nothing was written",
		FR: "l'événement %s (établi %s, n°%d) a été modifié\u202f: son empreinte ne correspond pas à son contenu\u202f; rien n'a été écrit",
	},
	"bundle.badid": {
		EN: "event %s (bench %s, #%d) has an id out of its chain's order; nothing was written",
		FR: "l'événement %s (établi %s, n°%d) a un identifiant hors de l'ordre de sa chaîne\u202f; rien n'a été écrit",
	},
	"bundle.fork": {
		EN: "event %s (bench %s, #%d) differs from the event #%[3]d this ledger holds: the bench's history was rewritten; nothing was written",
		FR: "l'événement %s (établi %s, n°%d) diffère de l'événement n°%[3]d de ce registre\u202f: l'historique de l'établi a été réécrit\u202f; rien n'a été écrit",
	},
	"bundle.ownchain": {
		EN: "event %s claims to be of bench %s, this ledger's own, which never wrote it; nothing was written",
		FR: "l'événement %s se dit de l'établi %s, celui de ce registre, qui ne l'a jamais écrit\u202f; rien n'a été écrit",
	},
	"bundle.revoked": {
		EN: "event %s is of bench %s, revoked on %s: its new events are refused; nothing was written",
		FR: "l'événement %s est de l'établi %s, révoqué le %s\u202f: ses nouveaux événements sont refusés\u202f; rien n'a été écrit",
	},
	"bundle.chainnotenrolled": {
		EN: "event %s is of bench %s, not enrolled on this hub, whose events came in another bench's bundle: enrol it first (atelier bench enrol %[2]s --key its bench.pub), then sync again; nothing was written",
		FR: "l'événement %s est de l'établi %s, qui n'est pas inscrit sur ce hub, et dont les événements sont venus dans le paquet d'un autre établi\u202f: inscrivez-le d'abord (atelier bench enrol %[2]s --key son bench.pub), puis synchronisez de nouveau\u202f; rien n'a été écrit",
	},
	"bundle.letter": {
		EN: "event %s of bench %s registers unit %s, but the bench is enrolled with letter %s: ids would collide; nothing was written",
		FR: "l'événement %s de l'établi %s enregistre l'unité %s, mais l'établi est inscrit avec la lettre %s\u202f: les numéros se confondraient\u202f; rien n'a été écrit",
	},
	"bundle.insert": {
		EN: "event %s (bench %s, #%d) cannot be written (%s); nothing was written",
		FR: "l'événement %s (établi %s, n°%d) ne peut pas être écrit (%s)\u202f; rien n'a été écrit",
	},
	// serve and sync.
	"serve.ready": {
		EN: "hub listening on %s (ledger %s); Ctrl-C stops it",
		FR: "hub à l'écoute sur %s (registre %s)\u202f; Ctrl-C l'arrête",
	},
	"serve.stopped": {
		EN: "hub stopped",
		FR: "hub arrêté",
	},
	"serve.plainhttp": {
		EN: "--listen %s: plain HTTP only on a loopback address (give --tls-cert and --tls-key, or --insecure on a private network)",
		FR: "--listen %s\u202f: HTTP en clair seulement sur une adresse locale (donnez --tls-cert et --tls-key, ou --insecure sur un réseau privé)",
	},
	"serve.halftls": {
		EN: "give both --tls-cert and --tls-key",
		FR: "donnez à la fois --tls-cert et --tls-key",
	},
	"sync.onemode": {
		EN: "choose one of --hub, --export and --import",
		FR: "choisissez une seule option parmi --hub, --export et --import",
	},
	"sync.nohub": {
		EN: "which hub? give --hub URL (or set ATELIER_HUB); it is remembered after the first sync",
		FR: "quel hub\u202f? donnez --hub URL (ou ATELIER_HUB)\u202f; il est retenu après la première synchronisation",
	},
	"sync.write": {
		EN: "cannot write the bundle %s: %s",
		FR: "impossible d'écrire le paquet %s\u202f: %s",
	},
	"sync.read": {
		EN: "cannot read the bundle %s: %s",
		FR: "impossible de lire le paquet %s\u202f: %s",
	},
	"sync.refusedfile": {
		EN: "bundle %s refused: %s",
		FR: "paquet %s refusé\u202f: %s",
	},
	"sync.exported": {
		EN: "bundle %s written: %d events in %d chains",
		FR: "paquet %s écrit\u202f: %d événements en %d chaînes",
	},
	"sync.imported": {
		EN: "bundle %s (from bench %s) merged: %d new events, %d already here",
		FR: "paquet %s (de l'établi %s) fusionné\u202f: %d nouveaux événements, %d déjà présents",
	},
	"sync.chain": {
		EN: "bench %s: %d events (#%d to #%d)",
		FR: "établi %s\u202f: %d événements (n°%d à n°%d)",
	},
	"sync.refused": {
		EN: "hub %s refused: %s",
		FR: "le hub %s a refusé\u202f: %s",
	},
	"sync.pullrefused": {
		EN: "what hub %s sent was refused: %s",
		FR: "ce que le hub %s a envoyé a été refusé\u202f: %s",
	},
	"sync.failed": {
		EN: "sync with %s failed: %s (nothing half-written; run it again)",
		FR: "la synchronisation avec %s a échoué\u202f: %s (rien d'écrit à moitié\u202f; relancez-la)",
	},
	"sync.done": {
		EN: "synced with %s: %d events pushed, %d pulled",
		FR: "synchronisé avec %s\u202f: %d événements envoyés, %d reçus",
	},
	"sync.pushedchains": {
		EN: "pushed:",
		FR: "envoyés\u202f:",
	},
	"sync.pulledchains": {
		EN: "pulled:",
		FR: "reçus\u202f:",
	},
	// Conflicts.
	"conflict.unknown": {
		EN: "no conflict on event %s: see atelier ledger conflicts",
		FR: "aucun conflit sur l'événement %s\u202f: voyez atelier ledger conflicts",
	},
	"conflict.resolvedalready": {
		EN: "the conflict on event %s was already resolved (event %s)",
		FR: "le conflit sur l'événement %s est déjà résolu (événement %s)",
	},
	"conflicts.none": {
		EN: "no open conflict",
		FR: "aucun conflit ouvert",
	},
	"conflicts.line": {
		EN: "%s: bench %s %s on %s (event %s), not applied",
		FR: "%s\u202f: l'établi %s %s le %s (événement %s), non appliqué",
	},
	"conflicts.kind.moved": {
		EN: "moved it to %s",
		FR: "l'a passée à l'état %s",
	},
	"conflicts.kind.probed": {
		EN: "recorded a new disk%.0s",
		FR: "a enregistré un nouveau disque%.0s",
	},
	"conflicts.kind.wipe.started": {
		EN: "started wiping a new disk%.0s",
		FR: "a commencé l'effacement d'un nouveau disque%.0s",
	},
	"conflicts.kind.wipe.finished": {
		EN: "recorded a wipe that did not pass%.0s",
		FR: "a enregistré un effacement non réussi%.0s",
	},
	"conflicts.diverged": {
		EN: "the unit was already %s: bench %s moved it first (event %s)",
		FR: "l'unité était déjà à l'état %s\u202f: l'établi %s l'a déplacée avant (événement %s)",
	},
	"conflicts.not_erased": {
		EN: "the unit (%s) has a disk without a passed erasure: it cannot leave",
		FR: "l'unité (%s) a un disque sans effacement réussi\u202f: elle ne peut pas partir",
	},
	"conflicts.after_leave": {
		EN: "the unit had already left (%s): its disks stay as they were",
		FR: "l'unité était déjà partie (%s)\u202f: ses disques restent tels quels",
	},
	"conflicts.undo_late": {
		EN: "the unit was %s: another event came first (another bench acted on it, or undid the same move), so the undo did not apply",
		FR: "l'unité était à l'état %s\u202f: un autre événement est venu avant (un autre établi s'en est occupé, ou a annulé le même changement), donc l'annulation ne s'est pas appliquée",
	},
	"conflicts.kind.move.undone": {
		EN: "undid a move (back to %s)",
		FR: "a annulé un changement (retour à %s)",
	},
	"clockshift.on": {
		EN: "warning: %s=%s: this process records events with a shifted clock (a test hook)",
		FR: "attention\u202f: %s=%s\u202f: ce processus enregistre les événements avec une horloge décalée (un réglage de test)",
	},
	"clockshift.bad": {
		EN: "%s=%q is not a duration (e.g. -17520h for two years behind)",
		FR: "%s=%q n'est pas une durée (par ex. -17520h pour deux ans de retard)",
	},
	"conflicts.merged": {
		EN: "the unit (%s) had been merged into another, or merged the other way first: this did not apply",
		FR: "l'unité (%s) avait été fusionnée dans une autre, ou la fusion inverse était venue avant\u202f: ceci ne s'est pas appliqué",
	},
	"conflicts.kind.unit.merged": {
		EN: "merged it into another unit%.0s",
		FR: "l'a fusionnée dans une autre unité%.0s",
	},
	"conflicts.kind.unit.absorbed": {
		EN: "merged another unit into it%.0s",
		FR: "y a fusionné une autre unité%.0s",
	},
	"ev.unit.merged": {
		EN: "merged into %s (the same machine): %s",
		FR: "fusionnée dans %s (la même machine)\u202f: %s",
	},
	"ev.unit.absorbed": {
		EN: "%s merged into this unit (the same machine): %s",
		FR: "%s fusionnée dans cette unité (la même machine)\u202f: %s",
	},
	"merge.noreason": {
		EN: "unit merge needs --reason: say how you know it is the same machine (kept in both timelines)",
		FR: "unit merge demande --reason\u202f: dites comment vous savez que c'est la même machine (gardé dans les deux historiques)",
	},
	"merge.same": {
		EN: "%s is merged with itself: name two units",
		FR: "%s ne peut pas être fusionnée avec elle-même\u202f: indiquez deux unités",
	},
	"merge.serial": {
		EN: "%s (serial %q) and %s (serial %q) do not carry the same serial number: not the same machine; nothing was written",
		FR: "%s (numéro de série %q) et %s (numéro de série %q) n'ont pas le même numéro de série\u202f: pas la même machine\u202f; rien n'a été écrit",
	},
	"merge.bothleft": {
		EN: "%s (%s) and %s (%s) have both left the workshop: both stay on record; note what happened (atelier unit note) and resolve the conflict (atelier ledger resolve)",
		FR: "%s (%s) et %s (%s) sont toutes deux sorties de l'atelier\u202f: les deux restent enregistrées\u202f; notez ce qui s'est passé (atelier unit note) et résolvez le conflit (atelier ledger resolve)",
	},
	"merge.left": {
		EN: "%s has left the workshop (%s): it is the one to keep; merge the other into it: atelier unit merge %[1]s %[3]s",
		FR: "%s est sortie de l'atelier (%s)\u202f: c'est elle qu'il faut garder\u202f; fusionnez l'autre dans celle-ci\u202f: atelier unit merge %[1]s %[3]s",
	},
	"merge.gone": {
		EN: "%s was merged into %s (the same machine): use %[2]s",
		FR: "%s a été fusionnée dans %s (la même machine)\u202f: utilisez %[2]s",
	},
	"fact.mergedinto": {EN: "Merged into", FR: "Fusionnée dans"},
	"cmd.unit.merge.short": {
		EN: "Make one unit of the same machine registered at two benches",
		FR: "Faire une seule unité d'une machine enregistrée à deux établis",
	},
	"cmd.unit.merge.long": {
		EN: "The same machine (the same serial number) registered at two benches before\nthey synced is two units, listed by atelier ledger conflicts. merge records\nthat OTHER is KEEP: OTHER leaves the lists (atelier unit show OTHER still\nshows its history, and says what it became), KEEP keeps its own path, disks\nand erasures (keep the unit that went further: a wipe recorded under OTHER\ndoes not count for KEEP), and the conflict is resolved. Both are events,\nsynced like any other; nothing is edited. Refused when the serial numbers\ndiffer, and when OTHER has left the workshop (keep that one instead).",
		FR: "Une même machine (le même numéro de série) enregistrée à deux établis avant\nleur synchronisation fait deux unités, listées par atelier ledger conflicts.\nmerge enregistre qu'AUTRE est GARDÉE\u202f: AUTRE quitte les listes (atelier unit show\nAUTRE montre toujours son historique, et ce qu'elle est devenue), GARDÉE garde\nson propre parcours, ses disques et ses effacements (gardez l'unité la plus\navancée\u202f: un effacement enregistré sous AUTRE ne compte pas pour GARDÉE), et le\nconflit est résolu. Ce sont deux événements, synchronisés comme les autres\u202f;\nrien n'est modifié. Refusé quand les numéros de série diffèrent, et quand AUTRE\nest sortie de l'atelier (gardez plutôt celle-là).",
	},
	"cmd.unit.merge.use": {
		EN: "merge KEEP OTHER --reason TEXT",
		FR: "merge GARDÉE AUTRE --reason TEXTE",
	},
	"cmd.unit.merge.flag.reason": {
		EN: "how you know it is the same machine (required, kept in both timelines)",
		FR: "comment vous savez que c'est la même machine (obligatoire, gardé dans les deux historiques)",
	},
	"cmd.unit.merge.example": {
		EN: "  atelier unit merge PCS-26-B0042 PCS-26-C0007 --reason \"one PC, two labels: C's label removed\"",
		FR: "  atelier unit merge PCS-26-B0042 PCS-26-C0007 --reason \"un PC, deux étiquettes\u202f: celle de C retirée\"",
	},
	"merge.done": {
		EN: "%s merged into %s (both timelines keep it)",
		FR: "%s fusionnée dans %s (les deux historiques le gardent)",
	},
	"merge.resolved": {
		EN: "conflict %s (the same serial at two benches) resolved",
		FR: "conflit %s (le même numéro de série à deux établis) résolu",
	},
	"conflicts.resolved": {
		EN: "resolved (event %s): %s",
		FR: "résolu (événement %s)\u202f: %s",
	},
	"conflicts.todo.move": {
		EN: "check the unit; to apply it after all: atelier unit move %s %s; then: atelier ledger resolve %s",
		FR: "vérifiez l'unité\u202f; pour l'appliquer malgré tout\u202f: atelier unit move %s %s\u202f; puis\u202f: atelier ledger resolve %s",
	},
	"conflicts.todo": {
		EN: "check unit %s, then: atelier ledger resolve %s --note \"what you found\"",
		FR: "vérifiez l'unité %s, puis\u202f: atelier ledger resolve %s --note 'ce que vous avez constaté'",
	},
	"conflicts.closed": {
		EN: "conflict on event %s (unit %s) resolved",
		FR: "conflit sur l'événement %s (unité %s) résolu",
	},
	// Signed heads in bundles.
	"bundle.unsignedchain": {
		EN: "the chain of bench %s carries no signed head (a bench from before signed heads: run atelier init on it, then export again); nothing was written",
		FR: "la chaîne de l'établi %s ne porte pas de tête signée (un établi d'avant les têtes signées\u202f: lancez atelier init dessus, puis exportez de nouveau)\u202f; rien n'a été écrit",
	},
	"bundle.chainkey": {
		EN: "the chain of bench %s comes with key %s, but this ledger knows the bench by key %s; nothing was written",
		FR: "la chaîne de l'établi %s arrive avec la clé %s, mais ce registre connaît l'établi par la clé %s\u202f; rien n'a été écrit",
	},
	"bundle.badheadsig": {
		EN: "the head of bench %s (event #%d) is not signed by its key %s: forged or altered; nothing was written",
		FR: "la tête de l'établi %s (événement n°%d) n'est pas signée par sa clé %s\u202f: falsifiée ou modifiée\u202f; rien n'a été écrit",
	},
	"sync.asof": {
		EN: "(the association's view as of the last sync, %s, with %s)",
		FR: "(vue de l'association à la dernière synchronisation, le %s, avec %s)",
	},
	"conflicts.kind.received": {
		EN: "registered this machine%.0s",
		FR: "a enregistré cette machine%.0s",
	},
	"conflicts.kind.disk.destroyed": {
		EN: "recorded a disk as destroyed%.0s",
		FR: "a enregistré la destruction d'un disque%.0s",
	},
	"conflicts.kind.wipe.certified": {
		EN: "recorded a wipe certificate%.0s",
		FR: "a enregistré un certificat d'effacement%.0s",
	},
	"conflicts.duplicate_serial": {
		EN: "the same serial number was registered first as %s, at another bench, before they synced",
		FR: "le même numéro de série a d'abord été enregistré comme %s, à un autre établi, avant leur synchronisation",
	},
	"conflicts.todo.serial": {
		EN: "check both labels; one machine: atelier unit merge %s %s --reason \"how you know\" (keep the unit that went further; this resolves it); two machines: atelier ledger resolve %s --note \"what you found\"",
		FR: "vérifiez les deux étiquettes\u202f; une seule machine\u202f: atelier unit merge %s %s --reason 'comment vous le savez' (gardez l'unité la plus avancée\u202f; cela le résout)\u202f; deux machines\u202f: atelier ledger resolve %s --note 'ce que vous avez constaté'",
	},
	// The hub's answers to requests it does not authenticate (%s: the
	// English reason, unused in the sentence).
	"hub.auth.unauthenticated": {
		EN: "request not signed by an enrolled bench%.0s",
		FR: "requête non signée par un établi inscrit%.0s",
	},
	"hub.auth.revoked": {
		EN: "this bench is revoked on the hub: ask its administrator%.0s",
		FR: "cet établi est révoqué sur le hub\u202f: voyez son administrateur%.0s",
	},
	"hub.auth.unknown_bench": {
		EN: "this bench is not enrolled on the hub: give its bench.pub to the hub's administrator (atelier bench enrol)%.0s",
		FR: "cet établi n'est pas inscrit sur le hub\u202f: donnez son bench.pub à l'administrateur du hub (atelier bench enrol)%.0s",
	},
	"hub.auth.bad_challenge": {
		EN: "challenge unknown, used or expired: sync again%.0s",
		FR: "défi inconnu, déjà utilisé ou expiré\u202f: relancez la synchronisation%.0s",
	},
	"hub.auth.bad_signature": {
		EN: "signature does not match the bench's enrolled key (bench.key replaced?)%.0s",
		FR: "la signature ne correspond pas à la clé inscrite de l'établi (bench.key remplacé\u202f?)%.0s",
	},
}
