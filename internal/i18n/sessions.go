package i18n

// sessionMessages: what the workshop sessions say that is new with them;
// first, probe --save and check --save on a machine without a serial
// number (issue 14), which is known by its disks.
var sessionMessages = Catalog{
	"check.save.noserial.nodisk": {
		EN: "this machine has no usable serial number (%q), and none of its internal disks has one either: nothing would find it again; pass --unit ID (atelier intake add registers it)",
		FR: "cette machine n'a pas de numéro de série utilisable (%q), et aucun de ses disques internes n'en a : rien ne permettrait de la retrouver ; indiquez --unit ID (atelier intake add l'enregistre)",
	},
	"check.save.noserial.ambiguous": {
		EN: "this machine has no usable serial number, and its disks are recorded on several units (%s): pass --unit ID",
		FR: "cette machine n'a pas de numéro de série utilisable, et ses disques sont enregistrés sur plusieurs unités (%s) : indiquez --unit ID",
	},
	"check.save.noserial.refused": {
		EN: "this machine has no usable serial number (%q), and its disk %s is on no unit: run the same command in a terminal to register it as a walk-in (it asks first), or pass --unit ID",
		FR: "cette machine n'a pas de numéro de série utilisable (%q), et son disque %s n'est sur aucune unité : relancez la même commande dans un terminal pour l'enregistrer comme don direct (elle demande d'abord), ou indiquez --unit ID",
	},
	"check.save.noserial.prompt": {
		EN: "This machine (%s) has no serial number. Register it as a walk-in donation, under the serial %s taken from its disk? [y/N] ",
		FR: "Cette machine (%s) n'a pas de numéro de série. L'enregistrer comme don direct, sous le numéro %s tiré de son disque ? [o/N] ",
	},
	"check.save.noserial.filed": {
		EN: "this machine has no serial number: unit %s is filed under %s and found again by its disk %s as long as that disk stays in it; stick its label on it (atelier label %s)",
		FR: "cette machine n'a pas de numéro de série : l'unité %s est enregistrée sous %s et retrouvée par son disque %s tant qu'il y reste ; collez-lui son étiquette (atelier label %s)",
	},
	"check.save.noserial.found": {
		EN: "this machine has no serial number: found as unit %s by its disk %s",
		FR: "cette machine n'a pas de numéro de série : retrouvée comme unité %s par son disque %s",
	},
	"check.save.notrecorded": {
		EN: "warning: not recorded in the ledger: %s",
		FR: "attention : rien n'est enregistré dans le registre : %s",
	},
}
