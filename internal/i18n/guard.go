package i18n

// guardMessages are the safety guard's texts about stacked devices and
// about targets that are not disks (wipe and deploy share them).
var guardMessages = Catalog{
	"guard.reason.loop": {
		EN: "is in use by a loop device (%s)",
		FR: "est utilisé par un périphérique loop (%s)",
	},
	"guard.reason.onvolume": {
		EN: "is built on a RAID/LVM/dm volume (%s)",
		FR: "est construit sur un volume RAID/LVM/dm (%s)",
	},
	"guard.reason.ledger": {
		EN: "holds the ledger (%s)",
		FR: "contient le registre (%s)",
	},
	"guard.reason.benchkey": {
		EN: "holds the bench signing key (%s)",
		FR: "contient la clé de signature du poste (%s)",
	},
	"guard.reason.mountedns": {
		EN: "has a filesystem mounted in another mount namespace (%s)",
		FR: "contient un système de fichiers monté dans un autre espace de noms de montage (%s)",
	},
	"guard.reason.busy": {
		EN: "is held open exclusively through %s (by another program: a wipe, a mount, a RAID/dm member)",
		FR: "est tenu ouvert en exclusivité via %s (par un autre programme\u202f: un effacement, un montage, un membre RAID/dm)",
	},
	// A reason found on another layer of the stack: the reason, then
	// that layer.
	"guard.via.below": {
		EN: "%s, through %s under it",
		FR: "%s, via %s en dessous",
	},
	"guard.via.above": {
		EN: "%s, through %s built on it",
		FR: "%s, via %s construit dessus",
	},
	"guard.via.shared": {
		EN: "%s, through %s on the same storage",
		FR: "%s, via %s sur le même support",
	},
	"guard.volume.dm": {
		EN: "%s is a device-mapper volume (%s: LVM, dm-crypt...), not a disk: atelier erases whole disks; the disks under it: %s",
		FR: "%s est un volume device-mapper (%s\u202f: LVM, dm-crypt…), pas un disque\u202f: atelier efface des disques entiers\u202f; les disques en dessous\u202f: %s",
	},
	"guard.volume.md": {
		EN: "%s is a RAID volume, not a disk: atelier erases whole disks; the disks under it: %s",
		FR: "%s est un volume RAID, pas un disque\u202f: atelier efface des disques entiers\u202f; les disques en dessous\u202f: %s",
	},
	// What a target is when it is not a disk.
	"guard.nopath": {
		EN: "%s does not exist (name a disk that atelier disks lists)",
		FR: "%s n'existe pas (indiquez un disque que liste atelier disks)",
	},
	"guard.danglinglink": {
		EN: "%s is a link to %s, which does not exist: that disk is gone (unplugged?); see atelier disks",
		FR: "%s est un lien vers %s, qui n'existe pas\u202f: ce disque n'est plus là (débranché\u202f?)\u202f; voir atelier disks",
	},
	"guard.stat": {
		EN: "cannot look at %s: %v",
		FR: "impossible d'examiner %s\u202f: %v",
	},
	"guard.isdir": {
		EN: "%s is a folder, not a disk (name a disk that atelier disks lists)",
		FR: "%s est un dossier, pas un disque (indiquez un disque que liste atelier disks)",
	},
	"guard.isfile": {
		EN: "%s is a regular file, not a disk (name a disk that atelier disks lists)",
		FR: "%s est un fichier ordinaire, pas un disque (indiquez un disque que liste atelier disks)",
	},
	"guard.ischar": {
		EN: "%s is a character device, not a disk (name a disk that atelier disks lists)",
		FR: "%s est un périphérique caractère, pas un disque (indiquez un disque que liste atelier disks)",
	},
	"guard.ischar.hint": {
		EN: "%s is a character device (a controller or a generic interface), not a disk: did you mean %s?",
		FR: "%s est un périphérique caractère (un contrôleur ou une interface générique), pas un disque\u202f: vouliez-vous dire %s\u202f?",
	},
	"guard.nodevice": {
		EN: "%s is a device node for %s, but no such block device is present (unplugged?); see atelier disks",
		FR: "%s est un nœud de périphérique pour %s, mais aucun périphérique bloc de ce numéro n'est présent (débranché\u202f?)\u202f; voir atelier disks",
	},
}
