package i18n

// hubHelp are the --help texts of the hub's commands (serve, sync, bench,
// account, ledger conflicts and resolve), kept apart from commandHelp so the
// hub's commands can change without touching the other commands' texts.
var hubHelp = Catalog{
	"cmd.account.short": {
		EN: "Web accounts of the hub: MDH staff, volunteers, admins",
		FR: "Comptes web du hub\u202f: personnel des MDH, bénévoles, administrateurs",
	},
	"cmd.account.add.short": {
		EN: "Add a web account (the password is read from standard input)",
		FR: "Ajouter un compte web (le mot de passe est lu sur l'entrée standard)",
	},
	"cmd.account.add.long": {
		EN: "add creates a web login. The login is kept forever in the ledger: 2 to 40\nletters a-z, digits, '.', '_' or '-', no e-mail address nor any personal data.\nThe password (at least 10 characters) is read from the first line of standard\ninput and stored only as an argon2id hash; it is never printed nor logged.",
		FR: "add crée un identifiant web. L'identifiant est conservé pour toujours dans\nle registre\u202f: 2 à 40 lettres a-z, chiffres, «\u00a0.\u00a0», «\u00a0_\u00a0» ou «\u00a0-\u00a0», ni adresse\ne-mail ni aucune donnée personnelle. Le mot de passe (10 caractères au moins)\nest lu sur la première ligne de l'entrée standard et n'est gardé que sous forme\nd'empreinte argon2id\u202f; il n'est jamais affiché ni journalisé.",
	},
	"cmd.account.add.use": {
		EN: "add LOGIN --site SITE [--role mdh|volunteer|admin] --password-stdin",
		FR: "add IDENTIFIANT --site LIEU [--role mdh|volunteer|admin] --password-stdin",
	},
	"cmd.account.add.flag.password-stdin": {
		EN: "read the password from standard input",
		FR: "lire le mot de passe sur l'entrée standard",
	},
	"cmd.account.add.flag.role": {
		EN: "mdh (one site), volunteer (all units) or admin (accounts)",
		FR: "mdh (un lieu), volunteer (toutes les unités) ou admin (les comptes)",
	},
	"cmd.account.add.flag.site": {
		EN: "site (MDH) of the account; required for role mdh",
		FR: "lieu (MDH) du compte\u202f; obligatoire pour le rôle mdh",
	},
	"cmd.account.disable.short": {
		EN: "Disable a web account and close its sessions",
		FR: "Désactiver un compte web et fermer ses sessions",
	},
	"cmd.account.disable.use": {
		EN: "disable LOGIN",
		FR: "disable IDENTIFIANT",
	},
	"cmd.account.enable.short": {
		EN: "Let a disabled web account log in again",
		FR: "Permettre à un compte web désactivé de se connecter de nouveau",
	},
	"cmd.account.enable.long": {
		EN: "enable undoes account disable. The sessions closed by the disabling stay closed:\nthe account's holder logs in again.",
		FR: "enable annule account disable. Les sessions fermées par la désactivation le\nrestent\u202f: le titulaire du compte se connecte de nouveau.",
	},
	"cmd.account.enable.use": {
		EN: "enable LOGIN",
		FR: "enable IDENTIFIANT",
	},
	"cmd.account.passwd.short": {
		EN: "Set a web account's new password (read from standard input)",
		FR: "Changer le mot de passe d'un compte web (lu sur l'entrée standard)",
	},
	"cmd.account.passwd.long": {
		EN: "passwd replaces the account's password with the first line of standard input\n(at least 10 characters), stored only as an argon2id hash. The account's open\nsessions are closed and its failed attempts forgotten: the new password works\nat once, the old one nowhere. The ledger records who changed it and when,\nnever the password.",
		FR: "passwd remplace le mot de passe du compte par la première ligne de l'entrée\nstandard (10 caractères au moins), gardée seulement sous forme d'empreinte\nargon2id. Les sessions ouvertes du compte sont fermées et ses essais manqués\noubliés\u202f: le nouveau mot de passe marche aussitôt, l'ancien nulle part. Le\nregistre garde qui l'a changé et quand, jamais le mot de passe.",
	},
	"cmd.account.passwd.use": {
		EN: "passwd LOGIN --password-stdin",
		FR: "passwd IDENTIFIANT --password-stdin",
	},
	"cmd.account.passwd.flag.password-stdin": {
		EN: "read the password from standard input",
		FR: "lire le mot de passe sur l'entrée standard",
	},
	"cmd.serve.flag.trust-proxy": {
		EN: "a reverse proxy on this machine adds X-Forwarded-For: throttle web logins by that address",
		FR: "un mandataire inverse sur cette machine ajoute X-Forwarded-For\u202f: limiter les connexions web par cette adresse",
	},
	"cmd.account.list.short": {
		EN: "List the web accounts",
		FR: "Lister les comptes web",
	},
	"cmd.bench.short": {
		EN: "Benches that may sync with this hub: enrol, list, revoke",
		FR: "Établis autorisés à se synchroniser avec ce hub\u202f: inscrire, lister, révoquer",
	},
	"cmd.bench.long": {
		EN: "bench manages, on the hub's ledger, which benches may sync with it. A bench\nis enrolled by its bench.pub (written by atelier init next to its ledger): every\nrequest it makes is signed with the matching private key, which never leaves\nthe bench. Its letter is the code its unit ids carry (B: PCS-26-B0042); no two\nbenches share one, so ids never collide, even offline.",
		FR: "bench gère, dans le registre du hub, les établis autorisés à se synchroniser\navec lui. Un établi est inscrit par son bench.pub (écrit par atelier init à\ncôté de son registre)\u202f: chacune de ses requêtes est signée avec la clé privée\ncorrespondante, qui ne quitte jamais l'établi. Sa lettre est le code que portent\nles numéros de ses unités (B\u202f: PCS-26-B0042)\u202f; deux établis n'ont jamais la même,\nsi bien que les numéros ne se confondent jamais, même hors ligne.",
	},
	"cmd.bench.enrol.short": {
		EN: "Allow a bench to sync with this hub",
		FR: "Autoriser un établi à se synchroniser avec ce hub",
	},
	"cmd.bench.enrol.long": {
		EN: "enrol records the bench NAME (the name it was given by atelier init --bench)\nwith its public key and its letter. It refuses a name, a key or a letter already\nenrolled: two benches with the same letter (or both without one) would give the\nsame unit ids.",
		FR: "enrol enregistre l'établi NOM (le nom que lui a donné atelier init --bench)\navec sa clé publique et sa lettre. Un nom, une clé ou une lettre déjà inscrits\nsont refusés\u202f: deux établis de même lettre (ou tous deux sans lettre) donneraient\nles mêmes numéros d'unités.",
	},
	"cmd.bench.enrol.use": {
		EN: "enrol NAME --key FILE [--letter X]",
		FR: "enrol NOM --key FICHIER [--letter X]",
	},
	"cmd.bench.enrol.flag.key": {
		EN: "the bench's public key file (its bench.pub)",
		FR: "le fichier de la clé publique de l'établi (son bench.pub)",
	},
	"cmd.bench.enrol.flag.letter": {
		EN: "the letter of the bench's unit ids, as given to its atelier init --letter",
		FR: "la lettre des numéros d'unités de l'établi, celle donnée à son atelier init --letter",
	},
	"cmd.bench.list.short": {
		EN: "List the enrolled benches, revoked ones included",
		FR: "Lister les établis inscrits, révoqués compris",
	},
	"cmd.bench.revoke.short": {
		EN: "Stop a bench from syncing (a lost or stolen stick, a bench retired)",
		FR: "Empêcher un établi de se synchroniser (clé USB perdue ou volée, établi retiré)",
	},
	"cmd.bench.revoke.long": {
		EN: "revoke refuses every further request of the bench and any new event of its\nchain, relayed or not. What it sent before stays in the ledger. A revoked bench\nis never enrolled again under the same name or key: give it a new key.",
		FR: "revoke refuse désormais toute requête de l'établi et tout nouvel événement de\nsa chaîne, relayé ou non. Ce qu'il a envoyé avant reste dans le registre. Un\nétabli révoqué n'est jamais réinscrit sous le même nom ni avec la même clé\u202f:\ndonnez-lui une nouvelle clé.",
	},
	"cmd.bench.revoke.use": {
		EN: "revoke NAME",
		FR: "revoke NOM",
	},
	"cmd.init.flag.letter": {
		EN: "this bench's letter in unit ids (B gives PCS-26-B0042), so that benches syncing with one hub never share an id; chosen once",
		FR: "la lettre de cet établi dans les numéros d'unités (B donne PCS-26-B0042), pour que les établis d'un même hub n'aient jamais un numéro en commun\u202f; choisie une fois",
	},
	"cmd.ledger.conflicts.short": {
		EN: "Events of two benches that contradict each other, and what to do",
		FR: "Événements de deux établis qui se contredisent, et que faire",
	},
	"cmd.ledger.conflicts.long": {
		EN: "When two benches act on the same unit while apart (one hands it over, the\nother sends it to recycling), the merge keeps the first event in the ledger's\norder and does not apply the other: the unit never takes a path the lifecycle\nforbids, and never leaves with a disk not erased. conflicts lists each event\nleft out, the bench that recorded it, the move that won, and the command to\nresolve it once someone has checked the unit. --all includes resolved ones.",
		FR: "Quand deux établis agissent sur la même unité chacun de leur côté (l'un la\nremet, l'autre l'envoie au recyclage), la fusion garde le premier événement\ndans l'ordre du registre et n'applique pas l'autre\u202f: l'unité ne prend jamais\nun chemin que son cycle de vie interdit, et ne part jamais avec un disque non\neffacé. conflicts liste chaque événement écarté, l'établi qui l'a enregistré,\nle changement qui l'a emporté, et la commande pour le résoudre une fois l'unité\nvérifiée. --all ajoute ceux déjà résolus.",
	},
	"cmd.ledger.conflicts.flag.all": {
		EN: "include resolved conflicts",
		FR: "inclure les conflits résolus",
	},
	"cmd.ledger.resolve.short": {
		EN: "Close a conflict once the unit was checked (recorded as an event)",
		FR: "Clore un conflit une fois l'unité vérifiée (enregistré comme un événement)",
	},
	"cmd.ledger.resolve.long": {
		EN: "resolve records that someone checked the unit of a conflict (and, if needed,\nmoved it with atelier unit move): the conflict leaves the list of open ones on\nevery ledger it reaches by sync.",
		FR: "resolve enregistre que quelqu'un a vérifié l'unité d'un conflit (et, au besoin,\nl'a déplacée avec atelier unit move)\u202f: le conflit quitte la liste des conflits\nouverts dans chaque registre qu'il atteint par synchronisation.",
	},
	"cmd.ledger.resolve.use": {
		EN: "resolve EVENT [--note TEXT]",
		FR: "resolve ÉVÉNEMENT [--note TEXTE]",
	},
	"cmd.ledger.resolve.flag.note": {
		EN: "what was found or done",
		FR: "ce qui a été constaté ou fait",
	},
	"cmd.serve.short": {
		EN: "Run the hub: benches sync their ledgers with this one",
		FR: "Faire tourner le hub\u202f: les établis y synchronisent leurs registres",
	},
	"cmd.serve.long": {
		EN: "serve runs the hub over the ledger (--ledger as every command): enrolled\nbenches push their events and pull everyone else's (atelier sync). It prints\nthe URL it listens on, answers /healthz once ready, and stops cleanly on Ctrl-C\nor SIGTERM: requests in flight finish, and each push is written whole or not\nat all.\n\nPlain HTTP is accepted only on a loopback address (127.0.0.1, ::1, localhost):\nover a network, anyone on the way could read the units' data and the MDH\nstaff's passwords of the web pages. Give --tls-cert and --tls-key, or put a\nTLS reverse proxy on the same machine in front of a loopback address.\n--insecure lifts the rule, for a private network you trust; bench requests stay\nsigned either way, so they cannot be forged or replayed, only read.\n\nBehind such a proxy every request comes from 127.0.0.1, so the web login's\nthrottle (10 failures, then a wait) would lock out every community centre at\nonce. --trust-proxy makes it count per client address, the last one the proxy\nappends to X-Forwarded-For, for requests that come from loopback. Without the\nflag the header is ignored: anyone could write it.",
		FR: "serve fait tourner le hub sur le registre (--ledger comme pour toute commande)\u202f:\nles établis inscrits y envoient leurs événements et en reçoivent ceux des autres\n(atelier sync). Il affiche l'URL où il écoute, répond à /healthz une fois prêt,\net s'arrête proprement sur Ctrl-C ou SIGTERM\u202f: les requêtes en cours se\nterminent, et chaque envoi est écrit en entier ou pas du tout.\n\nLe HTTP en clair n'est accepté que sur une adresse locale (127.0.0.1, ::1,\nlocalhost)\u202f: sur un réseau, n'importe qui en chemin pourrait lire les données\ndes unités et les mots de passe du personnel des MDH sur les pages web. Donnez\n--tls-cert et --tls-key, ou placez un mandataire inverse TLS sur la même machine\ndevant une adresse locale. --insecure lève la règle, pour un réseau privé de\nconfiance\u202f; les requêtes des établis restent signées dans tous les cas\u202f: elles ne\npeuvent être ni falsifiées ni rejouées, seulement lues.\n\nDerrière un tel mandataire, toute requête vient de 127.0.0.1\u202f: la limite des\nconnexions web (10 échecs, puis une attente) bloquerait toutes les maisons à la\nfois. --trust-proxy la fait compter par adresse du client, la dernière que le\nmandataire ajoute à X-Forwarded-For, pour les requêtes venues de la boucle\nlocale. Sans cette option l'en-tête est ignoré\u202f: n'importe qui peut l'écrire.",
	},
	"cmd.serve.use": {
		EN: "serve [--listen ADDR] [--tls-cert FILE --tls-key FILE] [--insecure]",
		FR: "serve [--listen ADRESSE] [--tls-cert FICHIER --tls-key FICHIER] [--insecure]",
	},
	"cmd.serve.flag.insecure": {
		EN: "allow plain HTTP off loopback (a private network you trust)",
		FR: "accepter le HTTP en clair hors adresse locale (réseau privé de confiance)",
	},
	"cmd.serve.flag.listen": {
		EN: "address to listen on (host:port; port 0 picks a free one)",
		FR: "adresse d'écoute (hôte:port\u202f; le port 0 en choisit un libre)",
	},
	"cmd.serve.flag.tls-cert": {
		EN: "TLS certificate (PEM), with --tls-key",
		FR: "certificat TLS (PEM), avec --tls-key",
	},
	"cmd.serve.flag.tls-key": {
		EN: "TLS private key (PEM), with --tls-cert",
		FR: "clé privée TLS (PEM), avec --tls-cert",
	},
	"cmd.sync.short": {
		EN: "Push this bench's events to the hub and pull everyone else's",
		FR: "Envoyer au hub les événements de cet établi et recevoir ceux des autres",
	},
	"cmd.sync.long": {
		EN: "sync pushes the events the hub lacks (this bench's, and those of benches it\ncarried bundles from), then pulls what this ledger lacks, so that status, unit\nlist and unit show give the association's view. The hub is --hub, else\nATELIER_HUB, else the one of the last successful sync. A second run moves\nnothing; an interrupted one (even kill -9, on either side) leaves both ledgers\nwhole, and the next run finishes the job.\n\nWith no network: sync --export FILE writes a signed bundle of every chain this\nledger holds; sync --import FILE merges one into this ledger (a bench's or the\nhub's) with the same checks as a push. A bundle that fails any check (an event\naltered, missing or reordered, a copy cut short, a bench not enrolled on the\nhub) is refused whole, naming the first bad event.",
		FR: "sync envoie les événements qui manquent au hub (ceux de cet établi, et ceux des\nétablis dont il a apporté des paquets), puis reçoit ce qui manque à ce registre,\npour que status, unit list et unit show donnent la vue de toute l'association.\nLe hub est --hub, sinon ATELIER_HUB, sinon celui de la dernière synchronisation\nréussie. Une deuxième exécution ne change rien\u202f; une exécution interrompue (même\npar kill -9, d'un côté ou de l'autre) laisse les deux registres entiers, et la\nsuivante termine le travail.\n\nSans réseau\u202f: sync --export FICHIER écrit un paquet signé de toutes les chaînes\nde ce registre\u202f; sync --import FICHIER en fusionne un dans ce registre (celui\nd'un établi ou du hub) avec les mêmes contrôles qu'un envoi. Un paquet qui échoue\nà un contrôle (un événement modifié, manquant ou déplacé, une copie tronquée, un\nétabli non inscrit sur le hub) est refusé en entier, avec le premier événement\nfautif.",
	},
	"cmd.sync.use": {
		EN: "sync [--hub URL | --export FILE | --import FILE]",
		FR: "sync [--hub URL | --export FICHIER | --import FICHIER]",
	},
	"cmd.sync.flag.export": {
		EN: "write a signed bundle of this ledger's chains to FILE",
		FR: "écrire dans FICHIER un paquet signé des chaînes de ce registre",
	},
	"cmd.sync.flag.hub": {
		EN: "the hub's URL (env ATELIER_HUB; remembered after the first success)",
		FR: "l'URL du hub (variable ATELIER_HUB\u202f; retenue après la première réussite)",
	},
	"cmd.sync.flag.import": {
		EN: "merge the bundle FILE into this ledger",
		FR: "fusionner le paquet FICHIER dans ce registre",
	},
}
