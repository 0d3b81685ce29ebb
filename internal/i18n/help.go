package i18n

// commandHelp are the commands' --help texts in French, by command path
// ("cmd.unit.list.short", "cmd.unit.list.long", "cmd.unit.list.example",
// "cmd.unit.list.flag.state"). The English is the command's own text, kept
// here too so that a test notices when it changes and its French does not.
var commandHelp = Catalog{
	"cmd.root.short": {
		EN: "Fleet tool for refurbishing donated PCs: ledger, probe, wipe, deploy",
		FR: "Outil de parc pour reconditionner des PC donnés\u202f: registre, inventaire, effacement, déploiement",
	},
	"cmd.root.long": {
		EN: "atelier records each donated PC's path (received, triaged, wiped, imaged,\nready, reserved, handed over) in a local ledger, tells whether a machine can\nrun Zorin OS, wipes its disks with signed certificates and deploys the image.",
		FR: "atelier suit le parcours de chaque PC donné (reçu, trié, effacé, installé,\nprêt, réservé, remis) dans un registre local, dit si une machine peut faire\ntourner Zorin OS, efface ses disques avec des certificats signés et déploie\nl'image.",
	},
	"cmd.completion.short": {
		EN: "Generate the autocompletion script for the specified shell",
		FR: "Écrire le script de complétion pour le shell indiqué",
	},
	"cmd.completion.long": {
		EN: "Generate the autocompletion script for atelier for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n",
		FR: "Écrit le script de complétion d'atelier pour le shell indiqué.\nL'aide de chaque sous-commande dit comment utiliser le script écrit.\n",
	},
	"cmd.completion.bash.short": {
		EN: "Generate the autocompletion script for bash",
		FR: "Écrire le script de complétion pour bash",
	},
	"cmd.completion.bash.long": {
		EN: "Generate the autocompletion script for the bash shell.\n\nThis script depends on the 'bash-completion' package.\nIf it is not installed already, you can install it via your OS's package manager.\n\nTo load completions in your current shell session:\n\n\tsource <(atelier completion bash)\n\nTo load completions for every new session, execute once:\n\n#### Linux:\n\n\tatelier completion bash > /etc/bash_completion.d/atelier\n\n#### macOS:\n\n\tatelier completion bash > $(brew --prefix)/etc/bash_completion.d/atelier\n\nYou will need to start a new shell for this setup to take effect.\n",
		FR: "Écrit le script de complétion pour le shell bash.\n\nCe script a besoin du paquet «\u00a0bash-completion\u00a0». S'il n'est pas installé,\ninstallez-le avec le gestionnaire de paquets du système.\n\nPour activer la complétion dans le shell en cours\u202f:\n\n\tsource <(atelier completion bash)\n\nPour l'activer dans chaque nouveau shell, lancez une fois\u202f:\n\n#### Linux\u202f:\n\n\tatelier completion bash > /etc/bash_completion.d/atelier\n\n#### macOS\u202f:\n\n\tatelier completion bash > $(brew --prefix)/etc/bash_completion.d/atelier\n\nLa complétion fonctionne dans les shells ouverts ensuite.\n",
	},
	"cmd.completion.bash.flag.no-descriptions": {
		EN: "disable completion descriptions",
		FR: "ne pas afficher de descriptions dans la complétion",
	},
	"cmd.completion.fish.short": {
		EN: "Generate the autocompletion script for fish",
		FR: "Écrire le script de complétion pour fish",
	},
	"cmd.completion.fish.long": {
		EN: "Generate the autocompletion script for the fish shell.\n\nTo load completions in your current shell session:\n\n\tatelier completion fish | source\n\nTo load completions for every new session, execute once:\n\n\tatelier completion fish > ~/.config/fish/completions/atelier.fish\n\nYou will need to start a new shell for this setup to take effect.\n",
		FR: "Écrit le script de complétion pour le shell fish.\n\nPour activer la complétion dans le shell en cours\u202f:\n\n\tatelier completion fish | source\n\nPour l'activer dans chaque nouveau shell, lancez une fois\u202f:\n\n\tatelier completion fish > ~/.config/fish/completions/atelier.fish\n\nLa complétion fonctionne dans les shells ouverts ensuite.\n",
	},
	"cmd.completion.fish.flag.no-descriptions": {
		EN: "disable completion descriptions",
		FR: "ne pas afficher de descriptions dans la complétion",
	},
	"cmd.completion.powershell.short": {
		EN: "Generate the autocompletion script for powershell",
		FR: "Écrire le script de complétion pour PowerShell",
	},
	"cmd.completion.powershell.long": {
		EN: "Generate the autocompletion script for powershell.\n\nTo load completions in your current shell session:\n\n\tatelier completion powershell | Out-String | Invoke-Expression\n\nTo load completions for every new session, add the output of the above command\nto your powershell profile.\n",
		FR: "Écrit le script de complétion pour PowerShell.\n\nPour activer la complétion dans le shell en cours\u202f:\n\n\tatelier completion powershell | Out-String | Invoke-Expression\n\nPour l'activer dans chaque nouveau shell, ajoutez la sortie de cette commande\nà votre profil PowerShell.\n",
	},
	"cmd.completion.powershell.flag.no-descriptions": {
		EN: "disable completion descriptions",
		FR: "ne pas afficher de descriptions dans la complétion",
	},
	"cmd.completion.zsh.short": {
		EN: "Generate the autocompletion script for zsh",
		FR: "Écrire le script de complétion pour zsh",
	},
	"cmd.completion.zsh.long": {
		EN: "Generate the autocompletion script for the zsh shell.\n\nIf shell completion is not already enabled in your environment you will need\nto enable it.  You can execute the following once:\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\nTo load completions in your current shell session:\n\n\tsource <(atelier completion zsh)\n\nTo load completions for every new session, execute once:\n\n#### Linux:\n\n\tatelier completion zsh > \"${fpath[1]}/_atelier\"\n\n#### macOS:\n\n\tatelier completion zsh > $(brew --prefix)/share/zsh/site-functions/_atelier\n\nYou will need to start a new shell for this setup to take effect.\n",
		FR: "Écrit le script de complétion pour le shell zsh.\n\nSi la complétion n'est pas encore activée dans votre environnement, activez-la\nen lançant une fois\u202f:\n\n\techo «\u00a0autoload -U compinit\u202f; compinit\u00a0» >> ~/.zshrc\n\nPour activer la complétion dans le shell en cours\u202f:\n\n\tsource <(atelier completion zsh)\n\nPour l'activer dans chaque nouveau shell, lancez une fois\u202f:\n\n#### Linux\u202f:\n\n\tatelier completion zsh > «\u00a0${fpath[1]}/_atelier\u00a0»\n\n#### macOS\u202f:\n\n\tatelier completion zsh > $(brew --prefix)/share/zsh/site-functions/_atelier\n\nLa complétion fonctionne dans les shells ouverts ensuite.\n",
	},
	"cmd.completion.zsh.flag.no-descriptions": {
		EN: "disable completion descriptions",
		FR: "ne pas afficher de descriptions dans la complétion",
	},
	"cmd.deploy.short": {
		EN: "Write an OS image onto a wiped disk, verify it and personalise the copy",
		FR: "Écrire une image système sur un disque effacé, la vérifier et personnaliser la copie",
	},
	"cmd.deploy.long": {
		EN: "deploy writes a catalogue image (or an image file) onto DISK: raw, .zst, .xz\nor .gz, decompressed while writing. With a bmap only the mapped ranges are\nwritten and each is checked against its checksum as it streams; without one\nthe whole image is checked against its catalogue sha256 (and, on a disk that\natelier just wiped with zeros, zero blocks are skipped). Everything written is\nthen read back and compared (--verify none to skip). Then the copy is made\nthis machine's own: GPT backup at the disk's end and a new disk GUID, last\npartition and its ext4 grown, machine-id emptied, SSH host keys and saved\nWi-Fi removed, hostname set (from the unit id by default), OEM first-boot\nset-up enabled when the image has it.\n\nThe safety guard refuses the system disk, mounted or held disks and the disk\nholding the image; a disk smaller than the image is refused before writing.\nThe deploy is recorded on a unit: --unit, or else the unit the ledger has\nthis disk on. The disk must then be one of that unit's disks with a passed\nerasure and the unit wiped, or nothing is written; the start is recorded\nbefore the first write, and a passed deploy moves the unit to imaged. A disk\nno unit has, without --unit, is written but not recorded (it says so).\nExit status: 0 passed, 1 refused or failed, 130 interrupted.",
		FR: "deploy écrit une image du catalogue (ou un fichier image) sur DISQUE\u202f: brute,\n.zst, .xz ou .gz, décompressée à l'écriture. Avec un bmap, seules les zones\ndécrites sont écrites, chacune contrôlée par sa somme au fil de l'écriture\u202f;\nsans bmap, l'image entière est contrôlée par le sha256 du catalogue (et, sur\nun disque qu'atelier vient d'effacer avec des zéros, les blocs nuls sont\nsautés). Tout ce qui a été écrit est ensuite relu et comparé (--verify none\npour s'en passer). Puis la copie devient celle de cette machine\u202f: copie de\nsecours GPT en fin de disque et nouvel identifiant de disque, dernière\npartition et son ext4 agrandis, machine-id vidé, clés d'hôte SSH et Wi-Fi\nenregistrés supprimés, nom d'hôte fixé (d'après l'identifiant de l'unité par\ndéfaut), premier démarrage OEM activé quand l'image le prévoit.\n\nLa protection refuse le disque système, les disques montés ou occupés et le\ndisque qui contient l'image\u202f; un disque plus petit que l'image est refusé\navant toute écriture. Le déploiement est enregistré sur une unité\u202f: --unit,\nsinon l'unité à laquelle le registre rattache ce disque. Le disque doit alors\nêtre l'un des disques de cette unité, avec un effacement réussi, et l'unité\ndoit être effacée, sinon rien n'est écrit\u202f; le début est enregistré avant la\npremière écriture, et un déploiement réussi fait passer l'unité à «\u00a0installée\u00a0».\nUn disque rattaché à aucune unité, sans --unit, est écrit mais pas enregistré\n(atelier le dit).\nCode de sortie\u202f: 0 réussi, 1 refusé ou échoué, 130 interrompu.",
	},
	"cmd.deploy.flag.bmap": {
		EN: "bmap file (default: the catalogue's, or found next to the image)",
		FR: "fichier bmap (par défaut\u202f: celui du catalogue, ou celui trouvé à côté de l'image)",
	},
	"cmd.deploy.flag.dry-run": {
		EN: "check everything and say what would be written, write nothing",
		FR: "tout vérifier et dire ce qui serait écrit, sans rien écrire",
	},
	"cmd.deploy.flag.hostname": {
		EN: "hostname of the copy (default: the unit id in lower case, e.g. pcs-26-0042)",
		FR: "nom d'hôte de la copie (par défaut\u202f: l'identifiant de l'unité en minuscules, p. ex. pcs-26-0042)",
	},
	"cmd.deploy.flag.image": {
		EN: "catalogue name or image file (required)",
		FR: "nom dans le catalogue ou fichier image (obligatoire)",
	},
	"cmd.deploy.flag.no-bmap": {
		EN: "ignore any bmap and write the whole image",
		FR: "ignorer tout bmap et écrire l'image entière",
	},
	"cmd.deploy.flag.no-personalise": {
		EN: "write and verify only: no GPT, partition, hostname or identity changes",
		FR: "écrire et vérifier seulement\u202f: ni GPT, ni partition, ni nom d'hôte, ni identité modifiés",
	},
	"cmd.deploy.flag.unit": {
		EN: "unit the disk belongs to (id, serial or asset tag): the deploy is recorded on it",
		FR: "unité à laquelle appartient le disque (identifiant, numéro de série ou numéro d'inventaire)\u202f: le déploiement y est enregistré",
	},
	"cmd.deploy.flag.verify": {
		EN: "read-back verification: full or none",
		FR: "relecture de contrôle\u202f: full (complète) ou none (aucune)",
	},
	"cmd.deploy.flag.yes": {
		EN: "do not ask for confirmation (needed when not at a terminal)",
		FR: "ne pas demander de confirmation (nécessaire hors d'un terminal)",
	},
	"cmd.handover.short": {
		EN: "Record the handover of a unit to a beneficiary reference",
		FR: "Enregistrer la remise d'une unité à un bénéficiaire (par sa référence)",
	},
	"cmd.handover.long": {
		EN: "handover records that the unit was given to a beneficiary at a site. The\nbeneficiary is named only by the opaque reference the MDH issued: 3 to 40\nletters (A-Z), digits and dashes, at least one digit, no spaces (e.g.\nMDH-VILLAGE2-2026-017). A name, an address, a phone number, an e-mail\naddress, a social security number or an IBAN is refused. A ready unit is\nreserved for the site in the same step.",
		FR: "handover enregistre que l'unité a été remise à un bénéficiaire sur un site. Le\nbénéficiaire n'est désigné que par la référence opaque donnée par la MDH\u202f: 3 à\n40 lettres (A-Z), chiffres et tirets, au moins un chiffre, sans espace (p. ex.\nMDH-VILLAGE2-2026-017). Un nom, une adresse, un numéro de téléphone, une\nadresse électronique, un numéro de sécurité sociale ou un IBAN est refusé.\nUne unité prête est réservée pour le site dans la même étape.",
	},
	"cmd.handover.flag.beneficiary": {
		EN: "opaque reference issued by the MDH, e.g. MDH-VILLAGE2-2026-017",
		FR: "référence opaque donnée par la MDH, p. ex. MDH-VILLAGE2-2026-017",
	},
	"cmd.handover.flag.no-disk": {
		EN: "the unit has no disk at all (none is recorded for it)",
		FR: "l'unité n'a aucun disque (aucun n'est enregistré pour elle)",
	},
	"cmd.handover.flag.site": {
		EN: "site (MDH) where the unit is handed over",
		FR: "site (MDH) où l'unité est remise",
	},
	"cmd.help.short": {
		EN: "Help about any command",
		FR: "Aide sur une commande",
	},
	"cmd.help.long": {
		EN: "Help provides help for any command in the application.\nSimply type atelier help [path to command] for full details.",
		FR: "help affiche l'aide de n'importe quelle commande.\nTapez atelier help [chemin de la commande] pour tous les détails.",
	},
	"cmd.image.short": {
		EN: "Catalogue of OS images to deploy: add, list, verify",
		FR: "Catalogue des images système à déployer\u202f: ajouter, lister, vérifier",
	},
	"cmd.image.add.short": {
		EN: "Hash an image (file and uncompressed stream) and add it to the catalogue",
		FR: "Calculer l'empreinte d'une image (fichier et flux décompressé) et l'ajouter au catalogue",
	},
	"cmd.image.add.long": {
		EN: "add reads the image once (raw .img, or .img.zst, .img.xz, .img.gz) and records\nthe sha256 and size of the file and of the uncompressed image. A bmap next to\nthe image (bmaptool's rule: FILE.bmap, then dropping one extension at a time,\ne.g. zorin.img.zst -> zorin.img.bmap) is found by itself and checked.\nA file that is not a whole-disk image (uncompressed size not a multiple of\n512 bytes, or neither an MBR nor a GPT signature) is refused unless --force.",
		FR: "add lit l'image une fois (.img brute, ou .img.zst, .img.xz, .img.gz) et enregistre\nle sha256 et la taille du fichier et de l'image décompressée. Un bmap à côté\nde l'image (règle de bmaptool\u202f: FICHIER.bmap, puis en retirant une extension\nà la fois, p. ex. zorin.img.zst -> zorin.img.bmap) est trouvé tout seul et\ncontrôlé. Un fichier qui n'est pas l'image d'un disque entier (taille\ndécompressée non multiple de 512 octets, ou ni signature MBR ni GPT) est\nrefusé, sauf avec --force.",
	},
	"cmd.image.add.flag.bmap": {
		EN: "bmap file (default: found next to the image)",
		FR: "fichier bmap (par défaut\u202f: celui trouvé à côté de l'image)",
	},
	"cmd.image.add.flag.edition": {
		EN: "edition, e.g. core, lite, education",
		FR: "édition, p. ex. core, lite, education",
	},
	"cmd.image.add.flag.force": {
		EN: "add the file even if it does not look like a whole-disk image",
		FR: "ajouter le fichier même s'il ne ressemble pas à l'image d'un disque entier",
	},
	"cmd.image.add.flag.name": {
		EN: "catalogue name (default: the file name without .img and compression suffixes)",
		FR: "nom dans le catalogue (par défaut\u202f: le nom du fichier sans .img ni suffixe de compression)",
	},
	"cmd.image.add.flag.os": {
		EN: "operating system, e.g. zorin",
		FR: "système d'exploitation, p. ex. zorin",
	},
	"cmd.image.add.flag.version": {
		EN: "OS version, e.g. 18.1",
		FR: "version du système, p. ex. 18.1",
	},
	"cmd.image.list.short": {
		EN: "List the catalogue",
		FR: "Lister le catalogue",
	},
	"cmd.image.verify.short": {
		EN: "Re-hash an image and compare with the catalogue",
		FR: "Recalculer l'empreinte d'une image et la comparer au catalogue",
	},
	"cmd.image.verify.long": {
		EN: "verify reads the image file again and compares the sha256 of the file and of\nthe uncompressed image with what was recorded when it was added. It exits\nnon-zero when the file changed, is damaged, or is gone.",
		FR: "verify relit le fichier image et compare le sha256 du fichier et de l'image\ndécompressée à ceux enregistrés lors de l'ajout. Il sort en erreur quand le\nfichier a changé, est abîmé ou a disparu.",
	},
	"cmd.init.short": {
		EN: "Create the ledger and this bench's signing key (safe to run again)",
		FR: "Créer le registre et la clé de signature de ce poste (sans risque à relancer)",
	},
	"cmd.init.long": {
		EN: "init creates the ledger (file mode 0600, in a folder created 0700) and the\nbench's ed25519 signing key next to it. Run again, it changes nothing.",
		FR: "init crée le registre (fichier en mode 0600, dans un dossier créé en 0700) et,\nà côté, la clé de signature ed25519 du poste. Relancé, il ne change rien.",
	},
	"cmd.init.flag.bench": {
		EN: "name of this bench, recorded with every event (default: host name)",
		FR: "nom de ce poste, enregistré avec chaque événement (par défaut\u202f: le nom de la machine)",
	},
	"cmd.init.flag.prefix": {
		EN: "prefix of unit ids (PCS gives PCS-26-0042); chosen once",
		FR: "préfixe des identifiants d'unité (PCS donne PCS-26-0042)\u202f; choisi une fois pour toutes",
	},
	"cmd.intake.short": {
		EN: "Register donated computers: a DSI batch (GLPI or OCS CSV export) or a walk-in",
		FR: "Enregistrer des ordinateurs donnés\u202f: un lot de DSI (export CSV de GLPI ou OCS) ou un don individuel",
	},
	"cmd.intake.add.short": {
		EN: "Register one walk-in donation",
		FR: "Enregistrer un don individuel",
	},
	"cmd.intake.add.long": {
		EN: "Registers one computer given by hand (not in a DSI export). The serial is the\none on the label or in the BIOS; --type is laptop, desktop, all-in-one, mini,\ntablet, server or other (French words such as portable or tour work too).\nPrints the new unit's id, to write on the machine.",
		FR: "Enregistre un ordinateur donné en main propre (hors export de DSI). Le numéro\nde série est celui de l'étiquette ou du BIOS\u202f; --type vaut laptop, desktop,\nall-in-one, mini, tablet, server ou other (les mots français comme portable\nou tour conviennent aussi). Affiche l'identifiant de la nouvelle unité, à\nécrire sur la machine.",
	},
	"cmd.intake.add.flag.asset-tag": {
		EN: "the donor's inventory number, if the machine has one",
		FR: "le numéro d'inventaire du donateur, si la machine en a un",
	},
	"cmd.intake.add.flag.donor": {
		EN: "who gave it",
		FR: "qui l'a donné",
	},
	"cmd.intake.add.flag.model": {
		EN: "model, e.g. \"Latitude E6410\"",
		FR: "modèle, p. ex. «\u00a0Latitude E6410\u00a0»",
	},
	"cmd.intake.add.flag.serial": {
		EN: "serial number (required)",
		FR: "numéro de série (obligatoire)",
	},
	"cmd.intake.add.flag.type": {
		EN: "laptop, desktop, all-in-one, mini, tablet, server or other",
		FR: "laptop (portable), desktop (tour), all-in-one (tout-en-un), mini, tablet (tablette), server (serveur) ou other (autre)",
	},
	"cmd.intake.import.short": {
		EN: "Register a DSI batch from a GLPI 10/11 or OCS Inventory computer list (CSV)",
		FR: "Enregistrer un lot de DSI depuis une liste d'ordinateurs GLPI 10/11 ou OCS Inventory (CSV)",
	},
	"cmd.intake.import.long": {
		EN: "Reads a computer list exported by GLPI (10 or 11, French or English headers)\nor OCS Inventory (export.csv), or saved by a spreadsheet: UTF-8 with or without\nBOM, or Windows-1252; ';', ',' or tab; quoted fields; CRLF or LF. Columns are\nfound by their header (serial number, inventory number or name, manufacturer,\nmodel, type). FILE \"-\" reads standard input.\n\nThe batch is all or nothing: if any row is bad (no serial, a serial twice, a\nbroken quote, unreadable bytes...), every bad row is listed by line and\nnothing is written. Computers whose serial is already in the ledger are\nlisted and skipped, never registered twice.\n\n--dry-run writes nothing; where there is no ledger yet (a DSI checking its\nexport before sending it) it checks the file on its own.",
		FR: "Lit une liste d'ordinateurs exportée par GLPI (10 ou 11, en-têtes français ou\nanglais) ou OCS Inventory (export.csv), ou enregistrée par un tableur\u202f: UTF-8\navec ou sans BOM, ou Windows-1252\u202f; séparateur «\u00a0;\u00a0», «\u00a0,\u00a0» ou tabulation\u202f;\nchamps entre guillemets\u202f; fins de ligne CRLF ou LF. Les colonnes sont trouvées\npar leur en-tête (numéro de série, numéro d'inventaire ou nom, fabricant,\nmodèle, type). FICHIER «\u00a0-\u00a0» lit l'entrée standard.\n\nLe lot passe en entier ou pas du tout\u202f: si une ligne est mauvaise (pas de\nnuméro de série, un numéro en double, des guillemets cassés, des octets\nillisibles…), chaque mauvaise ligne est citée par son numéro et rien n'est\nécrit. Les ordinateurs dont le numéro de série est déjà dans le registre sont\nlistés et sautés, jamais enregistrés deux fois.\n\n--dry-run n'écrit rien\u202f; là où il n'y a pas encore de registre (une DSI qui\nvérifie son export avant de l'envoyer), il vérifie le fichier seul.",
	},
	"cmd.intake.import.flag.batch": {
		EN: "batch reference (default: the file name and today's date)",
		FR: "référence du lot (par défaut\u202f: le nom du fichier et la date du jour)",
	},
	"cmd.intake.import.flag.donor": {
		EN: "who gave the computers (required), e.g. \"DSI Échirolles\"",
		FR: "qui a donné les ordinateurs (obligatoire), p. ex. «\u00a0DSI Échirolles\u00a0»",
	},
	"cmd.intake.import.flag.dry-run": {
		EN: "check the file and show what would be imported; write nothing",
		FR: "vérifier le fichier et montrer ce qui serait importé, sans rien écrire",
	},
	"cmd.ledger.short": {
		EN: "Ledger maintenance: rebuild the views from the events, verify the hash chain",
		FR: "Entretien du registre\u202f: reconstruire les vues depuis les événements, vérifier la chaîne d'empreintes",
	},
	"cmd.ledger.rebuild.short": {
		EN: "Recompute units, disks, wipes, sites, images and handovers from the events",
		FR: "Recalculer unités, disques, effacements, sites, images et remises depuis les événements",
	},
	"cmd.ledger.rebuild.long": {
		EN: "The events are the ledger's only truth; the tables that commands read are\nviews computed from them. rebuild empties those views and replays every\nevent, in one transaction.",
		FR: "Les événements sont la seule vérité du registre\u202f; les tables que lisent les\ncommandes sont des vues calculées à partir d'eux. rebuild vide ces vues et\nrejoue chaque événement, en une seule transaction.",
	},
	"cmd.ledger.rebuild.flag.force": {
		EN: "rebuild even when the event chain is broken",
		FR: "reconstruire même quand la chaîne d'événements est rompue",
	},
	"cmd.ledger.synthesize.short": {
		EN: "Add N synthetic units (about 10 events each), for benchmarks",
		FR: "Ajouter N unités fictives (une dizaine d'événements chacune), pour les mesures de performance",
	},
	"cmd.ledger.synthesize.flag.units": {
		EN: "number of units to add",
		FR: "nombre d'unités à ajouter",
	},
	"cmd.ledger.verify.short": {
		EN: "Check every bench's hash chain; name the first altered or missing event",
		FR: "Vérifier la chaîne d'empreintes de chaque poste\u202f; nommer le premier événement modifié ou manquant",
	},
	"cmd.ledger.verify.long": {
		EN: "Each event carries the hash of its content and of the bench's previous event.\nverify recomputes them all and fails, naming the first bad event, when one was\nedited, removed or inserted behind atelier's back.",
		FR: "Chaque événement porte l'empreinte de son contenu et de l'événement précédent\ndu même poste. verify les recalcule toutes et échoue, en nommant le premier\nmauvais événement, quand l'un d'eux a été modifié, retiré ou inséré dans le\ndos d'atelier.",
	},
	"cmd.man.short": {
		EN: "Write the manual pages of every command into DIR",
		FR: "Écrire les pages de manuel de chaque commande dans DOSSIER",
	},
	"cmd.site.short": {
		EN: "Sites (community centres) units are reserved for and handed over at",
		FR: "Sites (maisons des habitants) pour lesquels les unités sont réservées et où elles sont remises",
	},
	"cmd.site.add.short": {
		EN: "Add a site",
		FR: "Ajouter un site",
	},
	"cmd.site.list.short": {
		EN: "List the sites",
		FR: "Lister les sites",
	},
	"cmd.status.short": {
		EN: "Say in one sentence where a unit stands (by id, serial or asset tag)",
		FR: "Dire en une phrase où en est une unité (par identifiant, numéro de série ou numéro d'inventaire)",
	},
	"cmd.status.example": {
		EN: "  atelier status PCS-26-0042\n  PCS-26-0042 — Dell Latitude E6410 — ready, reserved for MDH Village 2 since 3 November 2026\n  LANG=fr_FR.UTF-8 atelier status PCS-26-0042 --json",
		FR: "  atelier status PCS-26-0042\n  PCS-26-0042 — Dell Latitude E6410 — prête, réservée pour MDH Village 2 depuis le 3 novembre 2026\n  LANG=C atelier status PCS-26-0042 --json",
	},
	"cmd.unit.short": {
		EN: "Browse and update units: list, show, note, move, destroy-disk",
		FR: "Consulter et mettre à jour les unités\u202f: list, show, note, move, destroy-disk",
	},
	"cmd.unit.example": {
		EN: "  atelier unit list --state ready\n  atelier unit show PCS-26-0042\n  atelier unit move PCS-26-0042 ready --reason \"QA ok\"",
		FR: "  atelier unit list --state ready\n  atelier unit show PCS-26-0042\n  atelier unit move PCS-26-0042 ready --reason «\u00a0contrôle qualité fait\u00a0»",
	},
	"cmd.unit.destroy-disk.short": {
		EN: "Record the physical destruction of one of a unit's disks",
		FR: "Enregistrer la destruction physique de l'un des disques d'une unité",
	},
	"cmd.unit.destroy-disk.example": {
		EN: "  atelier unit destroy-disk PCS-26-0042 WD-WX41A123 --reason \"drilled, faulty disk\"\n  atelier unit destroy-disk PCS-26-0043 S3Z9NB0K --new --reason \"shredded, found loose in the case\"",
		FR: "  atelier unit destroy-disk PCS-26-0042 WD-WX41A123 --reason «\u00a0percé, disque défaillant\u00a0»\n  atelier unit destroy-disk PCS-26-0043 S3Z9NB0K --new --reason «\u00a0broyé, trouvé libre dans le boîtier\u00a0»",
	},
	"cmd.unit.destroy-disk.flag.new": {
		EN: "the disk was never recorded for the unit (not probed): record it now, destroyed",
		FR: "le disque n'a jamais été enregistré pour l'unité (pas d'inventaire)\u202f: l'enregistrer maintenant, détruit",
	},
	"cmd.unit.destroy-disk.flag.reason": {
		EN: "how it was destroyed (required)",
		FR: "comment il a été détruit (obligatoire)",
	},
	"cmd.unit.list.short": {
		EN: "List units, optionally filtered by state, site, batch or donor",
		FR: "Lister les unités, éventuellement filtrées par état, site, lot ou donateur",
	},
	"cmd.unit.list.flag.batch": {
		EN: "only units of this DSI batch",
		FR: "seulement les unités de ce lot de DSI",
	},
	"cmd.unit.list.flag.donor": {
		EN: "only units from this donor",
		FR: "seulement les unités de ce donateur",
	},
	"cmd.unit.list.flag.site": {
		EN: "only units reserved for or handed over at this site",
		FR: "seulement les unités réservées pour ce site ou remises sur ce site",
	},
	"cmd.unit.list.flag.state": {
		EN: "only units in this state (received, triaged, wiped, imaged, ready, reserved, handed_over, returned, parts, recycled)",
		FR: "seulement les unités dans cet état (received, triaged, wiped, imaged, ready, reserved, handed_over, returned, parts, recycled)",
	},
	"cmd.unit.move.short": {
		EN: "Move a unit to another state, if the lifecycle allows it",
		FR: "Faire passer une unité dans un autre état, si le cycle de vie le permet",
	},
	"cmd.unit.move.long": {
		EN: "move records a change of state. The lifecycle is:\n  received -> triaged | recycled        triaged -> wiped | parts | recycled\n  wiped -> imaged | parts | recycled    imaged -> ready | parts | recycled\n  ready -> reserved | recycled          reserved -> handed_over | ready\n  handed_over -> returned               returned -> triaged\n  parts -> recycled\nNo unit is handed over, sent to parts or recycled while one of its disks\nlacks a passed erasure certificate or a recorded destruction, nor while no\ndisk at all is recorded for it (probe it first, or say --no-disk if it came\nwithout one).",
		FR: "move enregistre un changement d'état. Le cycle de vie est\u202f:\n  received -> triaged | recycled        triaged -> wiped | parts | recycled\n  wiped -> imaged | parts | recycled    imaged -> ready | parts | recycled\n  ready -> reserved | recycled          reserved -> handed_over | ready\n  handed_over -> returned               returned -> triaged\n  parts -> recycled\n(reçue, triée, effacée, installée, prête, réservée, remise, revenue, pièces,\nrecyclée). Aucune unité n'est remise, envoyée aux pièces ou recyclée tant que\nl'un de ses disques n'a ni certificat d'effacement réussi ni destruction\nenregistrée, ni tant qu'aucun disque n'est enregistré pour elle (faites-en\nd'abord l'inventaire, ou indiquez --no-disk si elle est arrivée sans disque).",
	},
	"cmd.unit.move.example": {
		EN: "  atelier unit move PCS-26-0042 ready --reason \"QA ok\"\n  atelier unit move PCS-26-0042 reserved --site \"MDH Village 2\"\n  atelier unit move PCS-26-0043 parts --no-disk --reason \"came without its disk\"",
		FR: "  atelier unit move PCS-26-0042 ready --reason «\u00a0contrôle qualité fait\u00a0»\n  atelier unit move PCS-26-0042 reserved --site «\u00a0MDH Village 2\u00a0»\n  atelier unit move PCS-26-0043 parts --no-disk --reason «\u00a0arrivée sans son disque\u00a0»",
	},
	"cmd.unit.move.flag.beneficiary": {
		EN: "opaque MDH reference (with handed_over; see atelier handover)",
		FR: "référence opaque de la MDH (avec handed_over\u202f; voir atelier handover)",
	},
	"cmd.unit.move.flag.no-disk": {
		EN: "the unit came without any disk (parts, recycled, handed_over with no disk recorded)",
		FR: "l'unité est arrivée sans aucun disque (parts, recycled, handed_over sans disque enregistré)",
	},
	"cmd.unit.move.flag.reason": {
		EN: "why (kept in the timeline)",
		FR: "pourquoi (gardé dans l'historique)",
	},
	"cmd.unit.move.flag.site": {
		EN: "site the unit is reserved for (with reserved)",
		FR: "site pour lequel l'unité est réservée (avec reserved)",
	},
	"cmd.unit.note.short": {
		EN: "Add a note to a unit's timeline",
		FR: "Ajouter une note à l'historique d'une unité",
	},
	"cmd.unit.note.long": {
		EN: "note adds free text to the unit's timeline. Events are kept forever, so a\nnote that looks like it holds an e-mail address, a phone number, a social\nsecurity number (NIR) or an IBAN is refused, and so is a control character.",
		FR: "note ajoute un texte libre à l'historique de l'unité. Les événements sont gardés\npour toujours\u202f: une note qui semble contenir une adresse électronique, un\nnuméro de téléphone, un numéro de sécurité sociale (NIR) ou un IBAN est\nrefusée, de même qu'un caractère de contrôle.",
	},
	"cmd.unit.note.example": {
		EN: "  atelier unit note PCS-26-0042 \"keyboard: missing Q key\"",
		FR: "  atelier unit note PCS-26-0042 \"clavier\u202f: touche A manquante\"",
	},
	"cmd.unit.show.short": {
		EN: "Show a unit's facts, disks and timeline (by id, serial or asset tag)",
		FR: "Montrer les données, les disques et l'historique d'une unité (par identifiant, numéro de série ou numéro d'inventaire)",
	},
	"cmd.verify.short": {
		EN: "Check an erasure certificate's signature and content",
		FR: "Vérifier la signature et le contenu d'un certificat d'effacement",
	},
	"cmd.verify.long": {
		EN: "verify checks that an erasure certificate was signed by the bench key and\nnot changed since (one changed byte fails), that it is in canonical form, and\nthat its content is consistent (e.g. an overwrite never claims Purge).\n\nThe PDF is the printable copy and is not signed: given ID.pdf, verify checks\nthe certificate ID.json next to it, then that the PDF is byte for byte the\none atelier renders for that certificate (a PDF edited, or taken from\nanother certificate, is refused). A PDF issued by another atelier version\nmay not render the same: verify then says so, and the JSON is what counts.\nGiven ID.json.sig, it checks ID.json with that signature.\n\nThe public key is bench.pub in the ledger's folder, or the file given with\n--key: hand bench.pub to whoever must verify certificates.\n\nExit code: 0 valid and the erasure passed; 1 invalid (the reason is printed);\n2 authentic, but the certificate records a FAILED erasure.",
		FR: "verify vérifie qu'un certificat d'effacement a été signé par la clé du poste et\nn'a pas changé depuis (un seul octet changé suffit à échouer), qu'il est sous\nforme canonique et que son contenu est cohérent (p. ex. un écrasement ne\nprétend jamais au niveau Purge).\n\nLe PDF est la copie imprimable et n'est pas signé\u202f: pour ID.pdf, verify\nvérifie le certificat ID.json à côté, puis que le PDF est, octet pour octet,\ncelui qu'atelier produit pour ce certificat (un PDF modifié, ou pris d'un\nautre certificat, est refusé). Un PDF produit par une autre version d'atelier\npeut ne pas être identique\u202f: verify le dit alors, et c'est le JSON qui fait\nfoi. Pour ID.json.sig, il vérifie ID.json avec cette signature.\n\nLa clé publique est bench.pub dans le dossier du registre, ou le fichier donné\npar --key\u202f: remettez bench.pub à qui doit vérifier les certificats.\n\nCode de sortie\u202f: 0 valide et effacement réussi\u202f; 1 invalide (la raison est\naffichée)\u202f; 2 authentique, mais le certificat atteste un effacement ÉCHOUÉ.",
	},
	"cmd.verify.flag.key": {
		EN: "bench public key file (default: bench.pub next to the ledger)",
		FR: "fichier de la clé publique du poste (par défaut\u202f: bench.pub à côté du registre)",
	},
	"wipe.help.flag.method": {
		EN: "technique: auto|zero|random|ata-secure-erase|ata-sanitize|nvme-sanitize|nvme-format",
		FR: "technique\u202f: auto|zero|random|ata-secure-erase|ata-sanitize|nvme-sanitize|nvme-format (auto, zéros, aléatoire, effacement sécurisé ATA, assainissement ATA ou NVMe, formatage NVMe)",
	},
	"check.help.example": {
		EN: "  sudo atelier check\n  sudo atelier check --all\n  atelier check --report pc-0042.json --target zorin-18-core\n  atelier check --report pc-0042.json --json\n  sudo atelier check --save\n  atelier check --report report.json --save --unit PCS-26-0042\n  atelier check --dmidecode dmidecode.txt --smartctl sda.json --profiles ./our-profiles",
		FR: "  sudo atelier check\n  sudo atelier check --all\n  atelier check --report pc-0042.json --target zorin-18-core\n  atelier check --report pc-0042.json --json\n  sudo atelier check --save\n  atelier check --report rapport.json --save --unit PCS-26-0042\n  atelier check --dmidecode dmidecode.txt --smartctl sda.json --profiles ./nos-profils",
	},
	"cmd.intake.add.flag.vendor": {
		EN: "manufacturer, e.g. Dell",
		FR: "fabricant, p. ex. Dell",
	},
	// Command lines of --help: the command word stays, the placeholders are
	// the reader's.
	"cmd.deploy.use":            {EN: "deploy --image NAME|FILE DISK", FR: "deploy --image NOM|FICHIER DISQUE"},
	"cmd.handover.use":          {EN: "handover UNIT --site NAME --beneficiary REF", FR: "handover UNITÉ --site NOM --beneficiary RÉF"},
	"cmd.image.add.use":         {EN: "add FILE", FR: "add FICHIER"},
	"cmd.image.verify.use":      {EN: "verify NAME", FR: "verify NOM"},
	"cmd.intake.import.use":     {EN: "import FILE", FR: "import FICHIER"},
	"precheck.help.use":         {EN: "check FILE", FR: "check FICHIER"},
	"cmd.ledger.synthesize.use": {EN: "synthesize --units N", FR: "synthesize --units N"},
	"cmd.man.use":               {EN: "man DIR", FR: "man DOSSIER"},
	"cmd.site.add.use":          {EN: "add NAME", FR: "add NOM"},
	"cmd.status.use":            {EN: "status UNIT", FR: "status UNITÉ"},
	"cmd.unit.show.use":         {EN: "show UNIT", FR: "show UNITÉ"},
	"cmd.unit.note.use":         {EN: "note UNIT TEXT", FR: "note UNITÉ TEXTE"},
	"cmd.unit.move.use":         {EN: "move UNIT STATE", FR: "move UNITÉ ÉTAT"},
	"cmd.unit.destroy-disk.use": {EN: "destroy-disk UNIT DISK-SERIAL --reason TEXT", FR: "destroy-disk UNITÉ SÉRIE-DU-DISQUE --reason TEXTE"},
	"cmd.verify.use":            {EN: "verify CERT.json|CERT.pdf", FR: "verify CERT.json|CERT.pdf"},
	"wipe.help.use":             {EN: "wipe DISK... | wipe --reissue UNIT|DISK|CERT-ID", FR: "wipe DISQUE... | wipe --reissue UNITÉ|DISQUE|ID-CERTIFICAT"},
}
