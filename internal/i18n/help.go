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
	"cmd.ledger.rebuild.short": {
		EN: "Recompute units, disks, wipes, sites, images and handovers from the events",
		FR: "Recalculer unités, disques, effacements, sites, images et remises depuis les événements",
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
	"cmd.man.use":               {EN: "man DIR", FR: "man DOSSIER"},
	"cmd.site.add.use":          {EN: "add NAME", FR: "add NOM"},
	"cmd.status.use":            {EN: "status UNIT", FR: "status UNITÉ"},
	"cmd.unit.show.use":         {EN: "show UNIT", FR: "show UNITÉ"},
	"cmd.unit.note.use":         {EN: "note UNIT TEXT", FR: "note UNITÉ TEXTE"},
	"cmd.unit.move.use":         {EN: "move UNIT STATE", FR: "move UNITÉ ÉTAT"},
	"cmd.unit.destroy-disk.use": {EN: "destroy-disk UNIT DISK-SERIAL --reason TEXT", FR: "destroy-disk UNITÉ SÉRIE-DU-DISQUE --reason TEXTE"},
	"cmd.verify.use":            {EN: "verify CERT.json|CERT.pdf", FR: "verify CERT.json|CERT.pdf"},
	"wipe.help.use":             {EN: "wipe DISK... | wipe --reissue UNIT|DISK|CERT-ID", FR: "wipe DISQUE... | wipe --reissue UNITÉ|DISQUE|ID-CERTIFICAT"},
	"cmd.handover.long": {
		EN: "handover records that the unit was given to a beneficiary at a site. The\nbeneficiary is named only by the opaque reference the MDH issued: 3 to 40\nletters (A-Z), digits and dashes, at least one digit, no spaces (e.g.\nMDH-VILLAGE2-2026-017). A name, an address, a phone number, an e-mail\naddress, a social security number or an IBAN is refused. A ready unit is\nreserved for the site in the same step. --receipt also writes the donation\ncertificate to print and sign.",
		FR: "handover enregistre que l'unité a été remise à un bénéficiaire sur un site. Le\nbénéficiaire n'est désigné que par la référence opaque donnée par la MDH\u202f: 3 à\n40 lettres (A-Z), chiffres et tirets, au moins un chiffre, sans espace (p. ex.\nMDH-VILLAGE2-2026-017). Un nom, une adresse, un numéro de téléphone, une\nadresse électronique, un numéro de sécurité sociale ou un IBAN est refusé.\nUne unité prête est réservée pour le site dans la même étape. --receipt écrit\naussi l'attestation de don à imprimer et à signer.",
	},
	"cmd.handover.flag.receipt": {
		EN: "also write the donation certificate (PDF) to this file",
		FR: "écrire aussi l'attestation de don (PDF) dans ce fichier",
	},
	"cmd.ledger.short": {
		EN: "Ledger maintenance: rebuild the views from the events, verify the signed hash chains",
		FR: "Entretien du registre\u202f: reconstruire les vues depuis les événements, vérifier les chaînes d'empreintes signées",
	},
	"cmd.ledger.rebuild.long": {
		EN: "The events are the ledger's only truth; the tables that commands read are\nviews computed from them. rebuild replays every event into fresh tables, in\none transaction, holding the ledger's write lock: other atelier processes\nwait, and the history it checks is the one it replays.\n\nBefore it writes, rebuild checks what ledger verify checks (hashes, links,\nheads, signatures) on those very events, and the lifecycle rules on each one:\na history no atelier command could have written (a handover while a disk\nlacks a passed erasure, imaged without a deploy, a move from a state the unit\nwas not in) is refused, naming the event. --force rebuilds anyway.\n\nA ledger whose views are damaged (SQLite's integrity check finds bad pages\nin them) is repaired: the damaged tables are let go without being read, the\nfile is rewritten (VACUUM), and the views rebuilt. Damage to the events\nthemselves cannot be repaired from the events: restore a backup.",
		FR: "Les événements sont la seule vérité du registre\u202f; les tables que lisent les\ncommandes sont des vues calculées à partir d'eux. rebuild rejoue chaque\névénement dans des tables neuves, en une seule transaction, en tenant le verrou\nd'écriture du registre\u202f: les autres processus atelier attendent, et\nl'historique vérifié est celui qui est rejoué.\n\nAvant d'écrire, rebuild vérifie sur ces mêmes événements ce que vérifie ledger\nverify (empreintes, liens, têtes, signatures), et les règles du cycle de vie\nsur chacun\u202f: un historique qu'aucune commande atelier n'aurait pu écrire (une\nremise alors qu'un disque n'a pas d'effacement réussi, une installation sans\ndéploiement, un passage depuis un état où l'unité n'était pas) est refusé, en\nnommant l'événement. --force reconstruit malgré tout.\n\nUn registre dont les vues sont abîmées (le contrôle d'intégrité de SQLite y\ntrouve des pages défectueuses) est réparé\u202f: les tables abîmées sont abandonnées\nsans être lues, le fichier est réécrit (VACUUM) et les vues reconstruites. Un\ndommage aux événements eux-mêmes ne se répare pas à partir des événements\u202f:\nrestaurez une sauvegarde.",
	},
	"cmd.ledger.rebuild.flag.force": {
		EN: "rebuild even from a history that fails verify or the lifecycle rules",
		FR: "reconstruire même à partir d'un historique qui échoue à verify ou aux règles du cycle de vie",
	},
	"cmd.ledger.verify.short": {
		EN: "Check every bench's hash chain and signed head, and the file's integrity",
		FR: "Vérifier la chaîne d'empreintes et la tête signée de chaque poste, et l'intégrité du fichier",
	},
	"cmd.ledger.verify.long": {
		EN: "Each event carries the hash of its content and of its bench's previous event,\nand each bench's last event (its head) is signed with that bench's ed25519 key\n(bench.key, the key that signs erasure certificates). In one consistent read\nof the ledger, verify:\n  - recomputes every hash and link, and names the first event edited,\n    removed, inserted or reordered;\n  - compares each chain with its recorded head: newest events removed, or\n    events added behind atelier's back;\n  - checks each head's signature with the bench's key recorded in the ledger,\n    and that key against bench.pub beside the ledger;\n  - checks the triggers that keep events, heads and keys append-only;\n  - runs SQLite's integrity check over the whole file: damaged pages in the\n    views (ledger rebuild repairs them) or in the events (restore a backup).\n\nWhat verify cannot prove: whoever holds a bench's bench.key can rewrite that\nbench's history and sign it again, and whoever replaces both the key in the\nledger and bench.pub can pass off a history signed with a key of their own.\nOnly a copy held elsewhere shows it: the hub's copy of the chain, or the\nfingerprint of bench.pub given to the DSI at init (compare it with the one\nprinted here). verify does not judge whether the history follows the\nlifecycle rules: ledger rebuild does.\n\nA head not yet signed (a ledger from before signed heads) is reported as\nunsigned, exit code 1, never as intact: run atelier init on that bench once\nto sign it. Every problem found exits 1 with the first one named.",
		FR: "Chaque événement porte l'empreinte de son contenu et de l'événement précédent\nde son poste, et le dernier événement de chaque poste (sa tête) est signé avec\nla clé ed25519 de ce poste (bench.key, la clé qui signe les certificats\nd'effacement). En une lecture cohérente du registre, verify\u202f:\n  - recalcule chaque empreinte et chaque lien, et nomme le premier événement\n    modifié, retiré, inséré ou déplacé\u202f;\n  - compare chaque chaîne à sa tête enregistrée\u202f: derniers événements retirés,\n    ou événements ajoutés dans le dos d'atelier\u202f;\n  - vérifie la signature de chaque tête avec la clé du poste enregistrée dans\n    le registre, et cette clé avec bench.pub à côté du registre\u202f;\n  - vérifie les déclencheurs qui gardent événements, têtes et clés en ajout\n    seul\u202f;\n  - lance le contrôle d'intégrité de SQLite sur tout le fichier\u202f: pages\n    abîmées dans les vues (ledger rebuild les répare) ou dans les événements\n    (restaurez une sauvegarde).\n\nCe que verify ne peut pas prouver\u202f: qui détient le bench.key d'un poste peut\nréécrire l'historique de ce poste et le signer de nouveau, et qui remplace à la\nfois la clé dans le registre et bench.pub peut faire passer un historique signé\navec sa propre clé. Seule une copie gardée ailleurs le montre\u202f: la copie de la\nchaîne sur le hub, ou l'empreinte de bench.pub remise à la DSI lors d'init\n(comparez-la avec celle affichée ici). verify ne juge pas si l'historique suit\nles règles du cycle de vie\u202f: c'est le rôle de ledger rebuild.\n\nUne tête pas encore signée (un registre d'avant la signature des têtes) est\nsignalée comme non signée, code de sortie 1, jamais comme intacte\u202f: lancez une\nfois atelier init sur ce poste pour la signer. Tout problème trouvé sort avec\nle code 1 en nommant le premier.",
	},
	"cmd.unit.certificates.short": {
		EN: "List a unit's erasure certificates, or copy them into a folder",
		FR: "Lister les certificats d'effacement d'une unité, ou les copier dans un dossier",
	},
	"cmd.unit.certificates.long": {
		EN: "certificates lists every erasure certificate of the unit's disks (the\ncurrent one and older ones), with where its files are. With --out, it writes\neach certificate's JSON, signature and PDF (with the association's identity)\ninto DIR, taking them from the ledger when the certificates folder lost them.",
		FR: "certificates liste chaque certificat d'effacement des disques de l'unité (le\ncertificat en cours et les plus anciens), avec l'emplacement de ses fichiers.\nAvec --out, il écrit le JSON, la signature et le PDF (avec l'identité de\nl'association) de chaque certificat dans DOSSIER, en les reprenant du registre\nquand le dossier des certificats les a perdus.",
	},
	"cmd.unit.certificates.use": {
		EN: "certificates UNIT [--out DIR]",
		FR: "certificates UNITÉ [--out DOSSIER]",
	},
	"cmd.unit.certificates.flag.out": {
		EN: "copy the certificates (JSON, signature, PDF) into this folder",
		FR: "copier les certificats (JSON, signature, PDF) dans ce dossier",
	},
	"cmd.unit.list.flag.csv": {
		EN: "print CSV for a spreadsheet (UTF-8 with BOM, ';', formulas neutralised)",
		FR: "écrire du CSV pour un tableur (UTF-8 avec BOM, «\u00a0;\u00a0», formules neutralisées)",
	},
	"cmd.unit.sticker.short": {
		EN: "Show, issue, renew or revoke a unit's sticker token (its QR code's hub page)",
		FR: "Montrer, émettre, renouveler ou révoquer le jeton d'étiquette d'une unité (la page du hub de son QR code)",
	},
	"cmd.unit.sticker.long": {
		EN: "sticker shows the unit's sticker token and the address its QR code opens,\nissuing one if it has none. --renew revokes it and issues another (a lost or\ndamaged sticker: print a new label); --revoke makes it answer as unknown\nwithout issuing another.",
		FR: "sticker montre le jeton d'étiquette de l'unité et l'adresse qu'ouvre son QR\ncode, en en émettant un s'il n'y en a pas. --renew le révoque et en émet un\nautre (étiquette perdue ou abîmée\u202f: imprimez-en une nouvelle)\u202f; --revoke le\nfait répondre comme inconnu sans en émettre d'autre.",
	},
	"cmd.unit.sticker.example": {
		EN: "  atelier unit sticker PCS-26-0042\n  atelier unit sticker PCS-26-0042 --renew --reason \"sticker torn\"",
		FR: "  atelier unit sticker PCS-26-0042\n  atelier unit sticker PCS-26-0042 --renew --reason \"étiquette déchirée\"",
	},
	"cmd.unit.sticker.use": {
		EN: "sticker UNIT [--renew | --revoke] [--reason TEXT]",
		FR: "sticker UNITÉ [--renew | --revoke] [--reason TEXTE]",
	},
	"cmd.unit.sticker.flag.reason": {
		EN: "why (kept in the timeline)",
		FR: "pourquoi (gardé dans l'historique)",
	},
	"cmd.unit.sticker.flag.renew": {
		EN: "revoke the token and issue a new one",
		FR: "révoquer le jeton et en émettre un nouveau",
	},
	"cmd.unit.sticker.flag.revoke": {
		EN: "revoke the token",
		FR: "révoquer le jeton",
	},
	"cmd.verify.long": {
		EN: "verify checks that an erasure certificate was signed by the bench key and\nnot changed since (one changed byte fails), that it is in canonical form, and\nthat its content is consistent (e.g. an overwrite never claims Purge).\n\nThe PDF is the printable copy and is not signed: given ID.pdf, verify checks\nthe certificate ID.json next to it, then that the PDF is byte for byte the\none atelier renders for that certificate (a PDF edited, or taken from\nanother certificate, is refused). A PDF issued by another atelier version\nmay not render the same: verify then says so, and the JSON is what counts.\nGiven ID.json.sig, it checks ID.json with that signature.\n\nThe public key is bench.pub in the ledger's folder, or the file given with\n--key: hand bench.pub to whoever must verify certificates.\n\nExit code: 0 valid and the erasure passed; 1 invalid (the reason is printed);\n2 authentic, but the certificate records a FAILED erasure.\n\nGiven a proof pack's manifest.json (or its folder), verify checks the\nmanifest's signature, then that every file it lists is there, unchanged.",
		FR: "verify vérifie qu'un certificat d'effacement a été signé par la clé du poste et\nn'a pas changé depuis (un seul octet changé suffit à échouer), qu'il est sous\nforme canonique et que son contenu est cohérent (p. ex. un écrasement ne\nprétend jamais au niveau Purge).\n\nLe PDF est la copie imprimable et n'est pas signé\u202f: pour ID.pdf, verify\nvérifie le certificat ID.json à côté, puis que le PDF est, octet pour octet,\ncelui qu'atelier produit pour ce certificat (un PDF modifié, ou pris d'un\nautre certificat, est refusé). Un PDF produit par une autre version d'atelier\npeut ne pas être identique\u202f: verify le dit alors, et c'est le JSON qui fait\nfoi. Pour ID.json.sig, il vérifie ID.json avec cette signature.\n\nLa clé publique est bench.pub dans le dossier du registre, ou le fichier donné\npar --key\u202f: remettez bench.pub à qui doit vérifier les certificats.\n\nCode de sortie\u202f: 0 valide et effacement réussi\u202f; 1 invalide (la raison est\naffichée)\u202f; 2 authentique, mais le certificat atteste un effacement ÉCHOUÉ.\n\nPour le manifest.json d'un dossier de preuves (ou ce dossier), verify vérifie\nla signature du manifeste, puis que chaque fichier qu'il liste est là, inchangé.",
	},
	"cmd.audit.short": {
		EN: "Second-person checks of erasures: draw a sample, record a result",
		FR: "Contrôles des effacements par une deuxième personne\u202f: tirer un échantillon, enregistrer un résultat",
	},
	"cmd.audit.long": {
		EN: "audit organises the re-checking of erasures by someone who did not do them\n(R2v3 practice: at least 5 % of the disks erased by software). audit sample\ndraws the disks to check; audit record records the result. A failed check\nmarks the disk as not erased and flags every erasure of the same bench since\nits last passed check, to be checked again.",
		FR: "audit organise le recontrôle des effacements par quelqu'un qui ne les a pas\nfaits (pratique R2v3\u202f: au moins 5 % des disques effacés par logiciel). audit\nsample tire les disques à contrôler\u202f; audit record enregistre le résultat. Un\ncontrôle en échec marque le disque comme non effacé et signale, pour nouveau\ncontrôle, chaque effacement du même poste depuis son dernier contrôle réussi.",
	},
	"cmd.audit.record.short": {
		EN: "Record a second person's check of a disk's erasure",
		FR: "Enregistrer le contrôle, par une deuxième personne, de l'effacement d'un disque",
	},
	"cmd.audit.record.long": {
		EN: "record records that you re-checked the erasure of a disk (named by its\nserial number or its certificate number). You may not check a disk you wiped.\nA failed check marks the disk as not erased (wipe it again) and flags every\nerasure of the same bench since its last passed check.",
		FR: "record enregistre que vous avez recontrôlé l'effacement d'un disque (désigné\npar son numéro de série ou son numéro de certificat). Vous ne pouvez pas\ncontrôler un disque que vous avez effacé. Un contrôle en échec marque le disque\ncomme non effacé (effacez-le de nouveau) et signale chaque effacement du même\nposte depuis son dernier contrôle réussi.",
	},
	"cmd.audit.record.example": {
		EN: "  atelier audit record S3YJNB0K512345A --result passed\n  atelier audit record 01KAQ7ZC0N6M5V4H0S3G3Y9T2B --result failed --note \"data found at 2 GiB\"",
		FR: "  atelier audit record S3YJNB0K512345A --result passed\n  atelier audit record 01KAQ7ZC0N6M5V4H0S3G3Y9T2B --result failed --note \"données trouvées à 2 Gio\"",
	},
	"cmd.audit.record.use": {
		EN: "record DISK --result passed|failed [--unit UNIT] [--note TEXT]",
		FR: "record DISQUE --result passed|failed [--unit UNITÉ] [--note TEXTE]",
	},
	"cmd.audit.record.flag.note": {
		EN: "what was checked or found (kept forever: nothing personal)",
		FR: "ce qui a été contrôlé ou trouvé (gardé pour toujours\u202f: rien de personnel)",
	},
	"cmd.audit.record.flag.result": {
		EN: "passed or failed (required)",
		FR: "passed (réussi) ou failed (échoué) (obligatoire)",
	},
	"cmd.audit.record.flag.unit": {
		EN: "the unit, when the disk's serial is on several",
		FR: "l'unité, quand le numéro de série du disque figure sur plusieurs",
	},
	"cmd.audit.sample.short": {
		EN: "Draw at random the erased disks to re-check",
		FR: "Tirer au sort les disques effacés à recontrôler",
	},
	"cmd.audit.sample.long": {
		EN: "sample draws, among the disks whose erasure passed and was not checked yet,\nenough to bring the checked share to --percent of all erased disks, plus\nevery disk flagged by a failed check. Disks the operator asking wiped are\nleft out: someone else must check them.",
		FR: "sample tire, parmi les disques dont l'effacement a réussi et n'a pas encore été\ncontrôlé, de quoi porter la part contrôlée à --percent de tous les disques\neffacés, plus chaque disque signalé par un contrôle en échec. Les disques\neffacés par l'opérateur qui demande sont laissés de côté\u202f: quelqu'un d'autre\ndoit les contrôler.",
	},
	"cmd.audit.sample.flag.percent": {
		EN: "share of erased disks to have checked",
		FR: "part des disques effacés à faire contrôler",
	},
	"cmd.label.short": {
		EN: "Print QR stickers: the unit id in large type, model, grade",
		FR: "Imprimer les étiquettes QR\u202f: l'identifiant en gros caractères, le modèle, la catégorie",
	},
	"cmd.label.long": {
		EN: "label lays out one sticker per unit: a QR code, the id in large type, the\nmodel and the grade. The QR code opens the hub's page for the unit\n(HUB/s/TOKEN) when the association has a hub address (atelier org set\n--hub-url), and holds the unit id otherwise. The token, opaque and\nunguessable, is issued (a ledger event) the first time a unit's label is\nprinted; reprinting reuses it (atelier unit sticker renews or revokes it).\navery-l7163 is the A4 sheet of 14 labels of 99.1 × 38.1 mm (--skip N starts\nafter N labels already used on the sheet); brother-62 is 62 mm tape, one\nlabel per page.",
		FR: "label met en page une étiquette par unité\u202f: un QR code, l'identifiant en gros\ncaractères, le modèle et la catégorie. Le QR code ouvre la page de l'unité sur\nle hub (HUB/s/JETON) quand l'association a une adresse de hub (atelier org set\n--hub-url), et contient l'identifiant de l'unité sinon. Le jeton, opaque et\nimpossible à deviner, est émis (un événement du registre) la première fois que\nl'étiquette d'une unité est imprimée\u202f; une réimpression le réutilise (atelier\nunit sticker le renouvelle ou le révoque). avery-l7163 est la planche A4 de\n14 étiquettes de 99,1 × 38,1 mm (--skip N commence après N étiquettes déjà\nutilisées sur la planche)\u202f; brother-62 est un ruban de 62 mm, une étiquette par\npage.",
	},
	"cmd.label.use": {
		EN: "label UNIT... [--batch B] --format avery-l7163|brother-62 --out FILE.pdf",
		FR: "label UNITÉ... [--batch LOT] --format avery-l7163|brother-62 --out FICHIER.pdf",
	},
	"cmd.label.flag.batch": {
		EN: "every unit of this DSI batch",
		FR: "toutes les unités de ce lot de DSI",
	},
	"cmd.label.flag.format": {
		EN: "avery-l7163 (A4 sheet of 14) or brother-62 (62 mm tape)",
		FR: "avery-l7163 (planche A4 de 14) ou brother-62 (ruban de 62 mm)",
	},
	"cmd.label.flag.out": {
		EN: "PDF file to write (required)",
		FR: "fichier PDF à écrire (obligatoire)",
	},
	"cmd.label.flag.skip": {
		EN: "labels already used on the first Avery sheet",
		FR: "étiquettes déjà utilisées sur la première planche Avery",
	},
	"cmd.org.short": {
		EN: "The association's identity, printed on every document",
		FR: "L'identité de l'association, imprimée sur chaque document",
	},
	"cmd.org.set.short": {
		EN: "Record the association's name, address, SIRET, logo and hub address",
		FR: "Enregistrer le nom, l'adresse, le SIRET, le logo et l'adresse du hub de l'association",
	},
	"cmd.org.set.long": {
		EN: "set records the association's identity as a ledger event: every document\n(certificates, proof packs, receipts, labels, reports) carries it. Options not\ngiven keep their value; an empty value removes an optional one (--siret \"\").\nThe address may hold several lines (\"\\n\" or a line break). With --hub-url,\nlabels' QR codes open the hub's page for the unit (HUB/s/TOKEN).",
		FR: "set enregistre l'identité de l'association comme un événement du registre\u202f:\nchaque document (certificats, dossiers de preuves, attestations, étiquettes,\nrapports) la porte. Les options non données gardent leur valeur\u202f; une valeur\nvide retire une option facultative (--siret \"\"). L'adresse peut tenir sur\nplusieurs lignes («\u00a0\\n\u00a0» ou un retour à la ligne). Avec --hub-url, le QR code\ndes étiquettes ouvre la page de l'unité sur le hub (HUB/s/JETON).",
	},
	"cmd.org.set.use": {
		EN: "set --name NAME --address TEXT [--siret N] [--logo FILE.png] [--hub-url URL]",
		FR: "set --name NOM --address TEXTE [--siret N] [--logo FICHIER.png] [--hub-url URL]",
	},
	"cmd.org.set.flag.address": {
		EN: "its postal address (lines separated by \\n)",
		FR: "son adresse postale (lignes séparées par \\n)",
	},
	"cmd.org.set.flag.hub-url": {
		EN: "the hub's address, e.g. https://hub.example.org",
		FR: "l'adresse du hub, p. ex. https://hub.example.org",
	},
	"cmd.org.set.flag.logo": {
		EN: "a PNG logo (at most 512 KiB)",
		FR: "un logo PNG (512 Kio au plus)",
	},
	"cmd.org.set.flag.name": {
		EN: "the association's name",
		FR: "le nom de l'association",
	},
	"cmd.org.set.flag.siret": {
		EN: "its SIRET number (14 digits)",
		FR: "son numéro SIRET (14 chiffres)",
	},
	"cmd.org.show.short": {
		EN: "Show the association's identity",
		FR: "Montrer l'identité de l'association",
	},
	"cmd.report.short": {
		EN: "Documents: batch proof pack, handover receipt, impact and activity reports",
		FR: "Documents\u202f: dossier de preuves d'un lot, attestation de don, rapports d'impact et d'activité",
	},
	"cmd.report.activity.short": {
		EN: "Units in and out per month, time spent in each state, yield, with charts",
		FR: "Unités entrées et sorties par mois, temps passé dans chaque état, rendement, avec graphiques",
	},
	"cmd.report.activity.use": {
		EN: "activity [--from DAY --to DAY] [--out FILE.pdf]",
		FR: "activity [--from JOUR --to JOUR] [--out FICHIER.pdf]",
	},
	"cmd.report.activity.flag.from": {
		EN: "first day counted (2026-01-01)",
		FR: "premier jour compté (2026-01-01)",
	},
	"cmd.report.activity.flag.out": {
		EN: "write the report as a PDF to this file",
		FR: "écrire le rapport en PDF dans ce fichier",
	},
	"cmd.report.activity.flag.to": {
		EN: "last day counted (2026-12-31)",
		FR: "dernier jour compté (2026-12-31)",
	},
	"cmd.report.batch.short": {
		EN: "Write a DSI batch's proof pack: PDF, CSV, every certificate, signed manifest",
		FR: "Écrire le dossier de preuves d'un lot de DSI\u202f: PDF, CSV, chaque certificat, manifeste signé",
	},
	"cmd.report.batch.long": {
		EN: "batch writes into DIR (new or empty) the proof pack of a DSI batch: batch.pdf\n(summary and one line per unit: asset tag, serial, model, each disk's erasure\nand certificate, where the unit went — a site, never a person), the same as\nbatch.csv (for a French spreadsheet) and batch.json, every certificate of the\nbatch's disks (certificates/ID.json, .json.sig, .pdf), bench.pub, and\nmanifest.json listing every file with its SHA-256, signed by the bench key.\nUnits not finished yet are listed with their state. Check a pack with\natelier verify DIR/manifest.json.",
		FR: "batch écrit dans DOSSIER (nouveau ou vide) le dossier de preuves d'un lot de\nDSI\u202f: batch.pdf (résumé et une ligne par unité\u202f: numéro d'inventaire, numéro de\nsérie, modèle, effacement et certificat de chaque disque, destination de\nl'unité — un site, jamais une personne), le même en batch.csv (pour un tableur\nfrançais) et en batch.json, chaque certificat des disques du lot\n(certificates/ID.json, .json.sig, .pdf), bench.pub, et manifest.json qui liste\nchaque fichier avec son SHA-256, signé par la clé du poste. Les unités pas\nencore terminées sont listées avec leur état. Vérifiez un dossier avec\natelier verify DOSSIER/manifest.json.",
	},
	"cmd.report.batch.use": {
		EN: "batch BATCH --out DIR",
		FR: "batch LOT --out DOSSIER",
	},
	"cmd.report.batch.flag.out": {
		EN: "folder to write the pack into (new or empty; required)",
		FR: "dossier où écrire les preuves (nouveau ou vide\u202f; obligatoire)",
	},
	"cmd.report.impact.short": {
		EN: "Units reused, and the emissions and e-waste that avoids, every figure with its source",
		FR: "Unités réemployées, et les émissions et déchets électroniques évités, chaque chiffre avec sa source",
	},
	"cmd.report.impact.long": {
		EN: "impact counts the units handed over to a beneficiary in the period (each\nunit once, at its first handover), by type, and turns the counts into the\nfootprint of equivalent new devices and the emissions and e-waste avoided,\nwith the factors of a data file whose every number cites its source (ADEME\n2022 by default; --factors FILE for the association's own, same format, see\nreports/factors/README.md). The PDF states the method and its limits.",
		FR: "impact compte les unités remises à un bénéficiaire sur la période (chaque unité\nune fois, à sa première remise), par type, et traduit ces nombres en empreinte\nd'appareils neufs équivalents et en émissions et déchets électroniques évités,\navec les facteurs d'un fichier de données dont chaque nombre cite sa source\n(ADEME 2022 par défaut\u202f; --factors FICHIER pour ceux de l'association, même\nformat, voir reports/factors/README.md). Le PDF expose la méthode et ses\nlimites.",
	},
	"cmd.report.impact.example": {
		EN: "  atelier report impact --from 2026-01-01 --to 2026-12-31 --out impact-2026.pdf\n  atelier report impact --donor \"DSI Échirolles\" --json",
		FR: "  atelier report impact --from 2026-01-01 --to 2026-12-31 --out impact-2026.pdf\n  atelier report impact --donor \"DSI Échirolles\" --json",
	},
	"cmd.report.impact.use": {
		EN: "impact [--from DAY --to DAY] [--donor D] [--site S] [--out FILE.pdf]",
		FR: "impact [--from JOUR --to JOUR] [--donor D] [--site S] [--out FICHIER.pdf]",
	},
	"cmd.report.impact.flag.donor": {
		EN: "only units from this donor",
		FR: "seulement les unités de ce donateur",
	},
	"cmd.report.impact.flag.factors": {
		EN: "factors file (default: ADEME 2022, embedded)",
		FR: "fichier de facteurs (par défaut\u202f: ADEME 2022, intégré)",
	},
	"cmd.report.impact.flag.from": {
		EN: "first day counted (2026-01-01)",
		FR: "premier jour compté (2026-01-01)",
	},
	"cmd.report.impact.flag.out": {
		EN: "write the report as a PDF to this file",
		FR: "écrire le rapport en PDF dans ce fichier",
	},
	"cmd.report.impact.flag.site": {
		EN: "only units handed over at this site",
		FR: "seulement les unités remises sur ce site",
	},
	"cmd.report.impact.flag.to": {
		EN: "last day counted (2026-12-31)",
		FR: "dernier jour compté (2026-12-31)",
	},
	"cmd.report.receipt.short": {
		EN: "Print the donation certificate of a unit handed over",
		FR: "Imprimer l'attestation de don d'une unité remise",
	},
	"cmd.report.receipt.long": {
		EN: "receipt writes the \"attestation de don\" of a unit handed over: the\nassociation, the site, the date, the computer (model, processor, memory,\nstorage, system installed), its erased disks and their certificates, the\nbeneficiary's opaque reference, the rule that a donated PC is not resold,\nand two signature boxes. Nothing personal is stored; a name may be written\nby hand on the paper.",
		FR: "receipt écrit l'attestation de don d'une unité remise\u202f: l'association, le\nsite, la date, l'ordinateur (modèle, processeur, mémoire, stockage, système\ninstallé), ses disques effacés et leurs certificats, la référence opaque du\nbénéficiaire, la règle qu'un PC donné n'est pas revendu, et deux cadres de\nsignature. Rien de personnel n'est enregistré\u202f; un nom peut être écrit à la\nmain sur le papier.",
	},
	"cmd.report.receipt.use": {
		EN: "receipt UNIT --out FILE.pdf",
		FR: "receipt UNITÉ --out FICHIER.pdf",
	},
	"cmd.report.receipt.flag.out": {
		EN: "PDF file to write (required)",
		FR: "fichier PDF à écrire (obligatoire)",
	},
	"cmd.unit.list.flag.search": {
		EN: "only units whose model, vendor, donor, batch, site, serial, asset tag or DSI name contains this text (case and accents ignored)",
		FR: "seulement les unités dont le modèle, le fabricant, le donateur, le lot, le site, le numéro de série, le numéro d'inventaire ou le nom DSI contient ce texte (sans tenir compte de la casse ni des accents)",
	},
	"cmd.unit.undo.short": {
		EN: "Undo a unit's last move, when nothing happened since",
		FR: "Annuler le dernier changement d'état d'une unité, si rien ne s'est passé depuis",
	},
	"cmd.unit.undo.long": {
		EN: "Reverses the unit's last move (a mistaken \"ready\", reservation or\nhandover), recorded as a correction: the move stays in the timeline, the\nundo beside it with its reason. Refused when something other than a note\nhappened since (a wipe, a probe, a deploy, another move), when the move\ncame with a wipe, a deploy or a probe (a fact, not a move), for a return\n(its disks must be erased again) and for an undo (make the move again).",
		FR: "Annule le dernier changement d'état de l'unité (un «\u00a0prête\u00a0», une réservation\nou une remise faits par erreur), enregistré comme une correction\u202f: le\nchangement reste dans l'historique, l'annulation à côté avec sa raison. Refusé\nquand autre chose qu'une note s'est passé depuis (un effacement, un inventaire,\nun déploiement, un autre changement), quand le changement venait d'un\neffacement, d'un déploiement ou d'un inventaire (un fait, pas un changement),\npour un retour (ses disques doivent être effacés de nouveau) et pour une\nannulation (refaites le changement).",
	},
	"cmd.unit.undo.example": {
		EN: "  atelier unit undo PCS-26-0042 --reason \"marked ready by mistake, the keyboard is not tested\"",
		FR: "  atelier unit undo PCS-26-0042 --reason \"marquée prête par erreur, le clavier n'est pas testé\"",
	},
	"cmd.unit.undo.use": {
		EN: "undo UNIT --reason TEXT",
		FR: "undo UNITÉ --reason TEXTE",
	},
	"cmd.unit.undo.flag.reason": {
		EN: "why the move was a mistake (required, kept in the timeline)",
		FR: "pourquoi le changement était une erreur (obligatoire, gardé dans l'historique)",
	},
	"cmd.init.long": {
		EN: "init creates the ledger (file mode 0600, in a folder created 0700) and the\nbench's ed25519 signing key next to it. With --ledger postgres://USER@HOST/DB\nit creates the ledger's tables in that database (an empty one, or an empty\nschema named by ?search_path=), and the key goes to $ATELIER_KEY_DIR, else\n$XDG_DATA_HOME/atelier (~/.local/share/atelier). Run again, it changes nothing, except\non a ledger from before signed chain heads: it then signs this bench's head\n(see atelier ledger verify --help).",
		FR: "init crée le registre (fichier en mode 0600, dans un dossier créé en 0700) et,\nà côté, la clé de signature ed25519 du poste. Avec --ledger\npostgres://UTILISATEUR@HÔTE/BASE, il crée les tables du registre dans cette\nbase (une base vide, ou un schéma vide désigné par\u202f?search_path=), et la clé va\ndans $ATELIER_KEY_DIR, sinon $XDG_DATA_HOME/atelier (~/.local/share/atelier).\nRelancé, il ne change rien, sauf sur un registre d'avant la signature des têtes\nde chaîne\u202f: il signe alors la tête de ce poste (voir atelier ledger verify\n--help).",
	},
	"cmd.ledger.copy.short": {
		EN: "Copy a ledger to a new one, SQLite or PostgreSQL, verifying both",
		FR: "Copier un registre dans un nouveau, SQLite ou PostgreSQL, en vérifiant les deux",
	},
	"cmd.ledger.copy.long": {
		EN: "copy copies a ledger (a SQLite file or a postgres:// URL) into a new one\non either engine: SQLite to PostgreSQL when an association outgrows one file,\nPostgreSQL to SQLite for an offline audit copy. The source must verify (see\natelier ledger verify); the destination must be new (a new file, an empty\ndatabase or schema). Events, chain heads and bench keys are copied in one\ntransaction, the views rebuilt from the events with the lifecycle rules\nchecked, then the copy is verified: same events, same signed heads.",
		FR: "copy copie un registre (un fichier SQLite ou une URL postgres://) dans un\nnouveau, sur l'un ou l'autre moteur\u202f: de SQLite vers PostgreSQL quand une\nassociation dépasse un seul fichier, de PostgreSQL vers SQLite pour une copie\nd'audit hors ligne. La source doit passer la vérification (voir atelier ledger\nverify)\u202f; la destination doit être neuve (un nouveau fichier, une base ou un\nschéma vides). Les événements, les têtes de chaîne et les clés des postes sont\ncopiés en une seule transaction, les vues reconstruites à partir des événements\nen vérifiant les règles du cycle de vie, puis la copie est vérifiée\u202f: mêmes\névénements, mêmes têtes signées.",
	},
	"cmd.ledger.copy.use": {
		EN: "copy --from LEDGER --to LEDGER",
		FR: "copy --from REGISTRE --to REGISTRE",
	},
	"cmd.ledger.copy.flag.from": {
		EN: "ledger to copy (default: --ledger)",
		FR: "registre à copier (par défaut\u202f: --ledger)",
	},
	"cmd.ledger.copy.flag.to": {
		EN: "new ledger to create: a file or a postgres:// URL",
		FR: "nouveau registre à créer\u202f: un fichier ou une URL postgres://",
	},
}
