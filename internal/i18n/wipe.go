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
		FR: "écriture sur %s refusée : ce disque %s",
	},
	"guard.notblock": {
		EN: "%s is not a block device (name a disk such as /dev/sdb; see atelier disks)",
		FR: "%s n'est pas un périphérique bloc (indiquez un disque comme /dev/sdb ; voir atelier disks)",
	},
	"guard.partition": {
		EN: "%s is a partition: atelier writes whole disks only (did you mean %s?)",
		FR: "%s est une partition : atelier n'écrit que des disques entiers (vouliez-vous dire %s ?)",
	},
	"guard.nomedium": {
		EN: "%s has no medium (size 0)",
		FR: "%s n'a pas de support (taille 0)",
	},
	"guard.needyes": {
		EN: "%s: not a terminal, so nobody can confirm; pass --yes to write it (or --dry-run to see the plan)",
		FR: "%s : pas de terminal, personne ne peut confirmer ; ajoutez --yes pour l'écrire (ou --dry-run pour voir le plan)",
	},
	"guard.show": {
		EN: "Disk %s: %s, serial %s, %s. Everything on it will be lost.",
		FR: "Disque %s : %s, n° de série %s, %s. Tout son contenu sera perdu.",
	},
	"guard.ask.serial": {
		EN: "Type the last 4 characters of its serial number to go on: ",
		FR: "Tapez les 4 derniers caractères de son numéro de série pour continuer : ",
	},
	"guard.ask.name": {
		EN: "It has no serial number: type its name (%s) to go on: ",
		FR: "Il n'a pas de numéro de série : tapez son nom (%s) pour continuer : ",
	},
	"guard.noanswer": {
		EN: "%s: no answer, nothing written",
		FR: "%s : pas de réponse, rien n'a été écrit",
	},
	"guard.mismatch": {
		EN: "%s: the characters typed do not match its serial; nothing written",
		FR: "%s : les caractères tapés ne correspondent pas à son numéro de série ; rien n'a été écrit",
	},
}
