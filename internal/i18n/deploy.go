package i18n

// deployMessages are the texts of the image and deploy commands.
var deployMessages = Catalog{
	// Refusals before anything is written.
	"deploy.verify.bad": {
		EN: "--verify %q: choose full or none",
		FR: "--verify %q\u202f: choisissez full ou none",
	},
	"deploy.image.open": {
		EN: "cannot open image %s: %v",
		FR: "impossible d'ouvrir l'image %s\u202f: %v",
	},
	"deploy.image.notfile": {
		EN: "image %s is not a regular file",
		FR: "l'image %s n'est pas un fichier ordinaire",
	},
	"deploy.toosmall": {
		EN: "refused: %s is too small for this image (%s, %d bytes < %s, %d bytes); nothing was written",
		FR: "refusé\u202f: %s est trop petit pour cette image (%s, %d octets < %s, %d octets)\u202f; rien n'a été écrit",
	},
	"deploy.image.size": {
		EN: "image %s: its size (%d bytes) does not match the recorded size (%d bytes); nothing was written",
		FR: "image %s\u202f: sa taille (%d octets) ne correspond pas à la taille enregistrée (%d octets)\u202f; rien n'a été écrit",
	},
	"deploy.bmap.bad": {
		EN: "bmap %s cannot be used: %v",
		FR: "la bmap %s est inutilisable\u202f: %v",
	},
	"deploy.hostname.bad": {
		EN: "hostname %q is not valid: lower-case letters, digits and dashes, 1 to 63 characters",
		FR: "nom d'hôte %q invalide\u202f: minuscules, chiffres et tirets, de 1 à 63 caractères",
	},
	// Failures while writing: the disk is then unusable.
	"deploy.interrupted": {
		EN: "deploy onto %s interrupted: the disk holds a partial image and must be deployed again",
		FR: "déploiement sur %s interrompu\u202f: le disque contient une image partielle, il faut le redéployer",
	},
	"deploy.read": {
		EN: "image %s is damaged or truncated: %v",
		FR: "l'image %s est abîmée ou tronquée\u202f: %v",
	},
	"deploy.file.mismatch": {
		EN: "image file %s has sha256 %s, the catalogue recorded %s: the file changed since it was added",
		FR: "le fichier image %s a le sha256 %s, le catalogue a enregistré %s\u202f: le fichier a changé depuis son ajout",
	},
	"deploy.range.mismatch": {
		EN: "bmap range %s (bytes %d to %d) does not match its checksum in %s: deploy stopped, the disk is unusable",
		FR: "la plage bmap %s (octets %d à %d) ne correspond pas à sa somme de contrôle dans %s\u202f: déploiement arrêté, disque inutilisable",
	},
	"deploy.image.longer": {
		EN: "image %s is longer than the %d bytes expected (wrong bmap or catalogue entry)",
		FR: "l'image %s dépasse les %d octets attendus (bmap ou entrée du catalogue erronée)",
	},
	"deploy.image.shorter": {
		EN: "image %s ended after %d bytes, %d expected: it is truncated",
		FR: "l'image %s s'arrête après %d octets, %d attendus\u202f: elle est tronquée",
	},
	"deploy.image.mismatch": {
		EN: "image %s has sha256 %s, the catalogue recorded %s: the disk holds a wrong image",
		FR: "l'image %s a le sha256 %s, le catalogue a enregistré %s\u202f: le disque contient une image erronée",
	},
	"deploy.readback.mismatch": {
		EN: "read-back of %s: range %s (bytes %d to %d) differs from the image: the disk is unusable",
		FR: "relecture de %s\u202f: la plage %s (octets %d à %d) diffère de l'image\u202f: disque inutilisable",
	},
	// Steps.
	"deploy.step.write": {
		EN: "%s written, checked against the %s",
		FR: "%s écrits, contrôlés par rapport à la %s",
	},
	"deploy.step.write.unchecked": {
		EN: "%s written, with no checksum to check them against (image not in the catalogue, no bmap)",
		FR: "%s écrits, sans somme de contrôle pour les vérifier (image hors catalogue, pas de bmap)",
	},
	"deploy.verif.none":     {EN: "none", FR: "aucune"},
	"deploy.verif.readback": {EN: "read-back", FR: "relecture"},
	"deploy.verif.image":    {EN: "image sha256", FR: "somme sha256 de l'image"},
	"deploy.verif.bmap":     {EN: "bmap %s of each range", FR: "somme bmap %s de chaque plage"},
	"deploy.verif.and":      {EN: " and ", FR: " et "},
	"deploy.step.readback": {Count: 1,
		EN: "%d ranges read back from the disk and identical to the image", ENOne: "%d range read back from the disk and identical to the image",
		FR: "%d plages relues sur le disque et identiques à l'image", FROne: "%d plage relue sur le disque et identique à l'image"},
	"deploy.step.nogpt": {
		EN: "%s has no GPT: not personalised (only GPT disks are)",
		FR: "%s n'a pas de GPT\u202f: non personnalisé (seuls les disques GPT le sont)",
	},
	"deploy.step.gpt": {
		EN: "backup GPT moved to the end of the disk, new disk GUID %s",
		FR: "GPT de secours déplacée en fin de disque, nouveau GUID de disque %s",
	},
	"deploy.step.noroot": {
		EN: "no root filesystem found on %s (no ext4 with the root type or /etc/os-release): machine-id, keys, hostname and Wi-Fi left as in the image",
		FR: "aucun système de fichiers racine trouvé sur %s (pas d'ext4 de type racine ni /etc/os-release)\u202f: machine-id, clés, nom d'hôte et Wi-Fi laissés tels quels",
	},
	"deploy.step.grow": {
		EN: "partition %d grown to the end of the disk (now %s)",
		FR: "partition %d agrandie jusqu'à la fin du disque (désormais %s)",
	},
	"deploy.step.grow.nosize": {
		EN: "partition %d grown to the end of the disk",
		FR: "partition %d agrandie jusqu'à la fin du disque",
	},
	"deploy.step.grow.nochange": {
		EN: "partition %d already fills the disk",
		FR: "la partition %d occupe déjà tout le disque",
	},
	"deploy.step.grow.failed": {
		EN: "partition %d could not be grown: %s",
		FR: "la partition %d n'a pas pu être agrandie\u202f: %s",
	},
	"deploy.step.notext4": {
		EN: "%s is not ext4: its filesystem was not grown",
		FR: "%s n'est pas en ext4\u202f: son système de fichiers n'a pas été agrandi",
	},
	"deploy.step.fsck": {
		EN: "%s checked (e2fsck -f)",
		FR: "%s vérifié (e2fsck -f)",
	},
	"deploy.step.resize": {
		EN: "filesystem of %s grown to fill its partition",
		FR: "système de fichiers de %s agrandi à toute la partition",
	},
	"deploy.step.root": {
		EN: "root filesystem found on %s",
		FR: "système de fichiers racine trouvé sur %s",
	},
	"deploy.step.machineid": {
		EN: "/etc/machine-id emptied: a new one is made at first boot",
		FR: "/etc/machine-id vidé\u202f: un nouveau sera créé au premier démarrage",
	},
	"deploy.step.machineid.linked": {
		EN: "/etc/machine-id emptied and /var/lib/dbus/machine-id linked to it: a new one is made at first boot",
		FR: "/etc/machine-id vidé et /var/lib/dbus/machine-id lié à lui\u202f: un nouveau sera créé au premier démarrage",
	},
	"deploy.step.ssh": {Count: 1,
		EN: "%d SSH host key files removed", ENOne: "%d SSH host key file removed",
		FR: "%d fichiers de clé d'hôte SSH supprimés", FROne: "%d fichier de clé d'hôte SSH supprimé"},
	"deploy.step.ssh.none": {
		EN: "no /etc/ssh in the image: no SSH host keys to remove",
		FR: "pas de /etc/ssh dans l'image\u202f: aucune clé d'hôte SSH à supprimer",
	},
	"deploy.step.hostname": {
		EN: "hostname set to %s (/etc/hostname and the 127.0.1.1 line of /etc/hosts)",
		FR: "nom d'hôte réglé à %s (/etc/hostname et la ligne 127.0.1.1 de /etc/hosts)",
	},
	"deploy.step.hostname.kept": {
		EN: "no hostname given and no unit: the image's hostname was kept (use --hostname or --unit)",
		FR: "ni nom d'hôte ni unité\u202f: le nom d'hôte de l'image est conservé (utilisez --hostname ou --unit)",
	},
	"deploy.step.wifi": {Count: 1,
		EN: "%d saved network connections removed", ENOne: "%d saved network connection removed",
		FR: "%d connexions réseau enregistrées supprimées", FROne: "%d connexion réseau enregistrée supprimée"},
	"deploy.step.wifi.none": {
		EN: "no NetworkManager connections folder in the image",
		FR: "pas de dossier de connexions NetworkManager dans l'image",
	},
	"deploy.step.oem": {
		EN: "OEM first-boot set-up enabled: the new owner creates their own account",
		FR: "configuration OEM au premier démarrage activée\u202f: le nouveau propriétaire crée son propre compte",
	},
	"deploy.step.oem.none": {
		EN: "the image has no oem-config: first-boot account creation not enabled",
		FR: "l'image n'a pas oem-config\u202f: création de compte au premier démarrage non activée",
	},
	// atelier image.
	"image.added": {
		EN: "image %s added to the catalogue",
		FR: "image %s ajoutée au catalogue",
	},
	"image.notdisk": {
		EN: "refused: %s is not a disk image: %s (--force adds it anyway)",
		FR: "refusé\u202f: %s n'est pas une image disque\u202f: %s (--force l'ajoute quand même)",
	},
	"image.notdisk.forced": {
		EN: "warning: %s does not look like a disk image (%s); added because of --force",
		FR: "attention\u202f: %s ne ressemble pas à une image disque (%s)\u202f; ajoutée à cause de --force",
	},
	"image.notdisk.size": {
		EN: "its content is %d bytes, not a whole number of 512-byte sectors",
		FR: "son contenu fait %d octets, pas un nombre entier de secteurs de 512 octets",
	},
	"image.notdisk.table": {
		EN: "no partition table: neither the MBR signature (0x55AA at byte 510) nor the GPT header (\"EFI PART\" at byte 512)",
		FR: "pas de table de partitions\u202f: ni signature MBR (0x55AA à l'octet 510) ni en-tête GPT («\u00a0EFI PART\u00a0» à l'octet 512)",
	},
	"image.nobmap":        {EN: "none (the whole image is written)", FR: "aucune (toute l'image est écrite)"},
	"image.none":          {EN: "no image in the catalogue yet: atelier image add FILE", FR: "aucune image au catalogue\u202f: atelier image add FICHIER"},
	"image.h.name":        {EN: "image", FR: "image"},
	"image.h.path":        {EN: "file", FR: "fichier"},
	"image.h.format":      {EN: "format", FR: "format"},
	"image.h.os":          {EN: "system", FR: "système"},
	"image.h.filesize":    {EN: "file size", FR: "taille du fichier"},
	"image.h.imagesize":   {EN: "image size", FR: "taille de l'image"},
	"image.h.sha256":      {EN: "file sha256", FR: "sha256 du fichier"},
	"image.h.imagesha256": {EN: "image sha256", FR: "sha256 de l'image"},
	"image.h.bmap":        {EN: "bmap", FR: "bmap"},
	"image.h.hasbmap":     {EN: "bmap", FR: "bmap"},
	"image.h.added":       {EN: "added", FR: "ajoutée le"},
	"image.verify.ok": {
		EN: "image %s is intact: file and image sha256 match the catalogue",
		FR: "image %s intacte\u202f: les sha256 du fichier et de l'image correspondent au catalogue",
	},
	"image.verify.bad": {
		EN: "image %s does not match the catalogue: %s",
		FR: "l'image %s ne correspond pas au catalogue\u202f: %s",
	},
	"image.verify.file": {
		EN: "file sha256 is %s, recorded %s",
		FR: "le sha256 du fichier est %s, enregistré %s",
	},
	"image.verify.stream": {
		EN: "image sha256 is %s, recorded %s",
		FR: "le sha256 de l'image est %s, enregistré %s",
	},
	// atelier deploy.
	"deploy.noimage": {
		EN: "--image is required: a catalogue name (atelier image list) or an image file",
		FR: "--image est obligatoire\u202f: un nom du catalogue (atelier image list) ou un fichier image",
	},
	"deploy.image.unknown": {
		EN: "image %q is neither in the catalogue nor a file (atelier image list)",
		FR: "l'image %q n'est ni au catalogue ni un fichier (atelier image list)",
	},
	"deploy.unit.notwiped": {
		EN: "refused: unit %s is %s, not wiped: wipe its disk before deploying (nothing was written)",
		FR: "refusé\u202f: l'unité %s est à l'état %s, pas effacée\u202f: effacez son disque avant de déployer (rien n'a été écrit)",
	},
	"deploy.phase.write":  {EN: "writing", FR: "écriture"},
	"deploy.phase.verify": {EN: "reading back", FR: "relecture"},
	"deploy.failed": {
		EN: "deploy %s: %s",
		FR: "déploiement %s\u202f: %s",
	},
	"deploy.dryrun": {
		EN: "dry run: nothing written. This deploy would do:",
		FR: "simulation\u202f: rien n'est écrit. Ce déploiement ferait\u202f:",
	},
	"deploy.h.disk":     {EN: "disk", FR: "disque"},
	"deploy.h.write":    {EN: "to write", FR: "à écrire"},
	"deploy.h.verify":   {EN: "read-back", FR: "relecture"},
	"deploy.h.hostname": {EN: "hostname", FR: "nom d'hôte"},
	"deploy.h.nopersonalise": {
		EN: "not personalised (--no-personalise)",
		FR: "non personnalisé (--no-personalise)",
	},
	"deploy.h.keptname": {
		EN: "kept from the image (no --hostname, no --unit)",
		FR: "celui de l'image (ni --hostname ni --unit)",
	},
	"deploy.status.ok":     {EN: "ok", FR: "ok"},
	"deploy.status.warn":   {EN: "warning", FR: "attention"},
	"deploy.status.failed": {EN: "failed", FR: "échec"},
	"deploy.status.passed": {EN: "passed", FR: "réussi"},
	"deploy.status.interrupted": {
		EN: "interrupted",
		FR: "interrompu",
	},
	"deploy.done": {
		EN: "deploy %s on %s: %s written in %s (%s MB/s); verification: %s",
		FR: "déploiement %s sur %s\u202f: %s écrits en %s (%s\u202fMo/s)\u202f; vérification\u202f: %s",
	},
	"deploy.done.failed": {
		EN: "deploy %s on %s: %s (%s written in %s)",
		FR: "déploiement %s sur %s\u202f: %s (%s écrits en %s)",
	},
	"deploy.done.interrupted": {
		EN: "deploy interrupted on %s after %s written in %s: the disk holds a partial image and must be deployed again",
		FR: "déploiement interrompu sur %s après %s écrits en %s\u202f: le disque contient une image partielle, il faut le redéployer",
	},
	"deploy.recorded.passed": {
		EN: "recorded on unit %[1]s (disk %[2]s): the unit is now %[3]s",
		FR: "enregistré sur l'unité %[1]s (disque %[2]s)\u202f: l'unité passe à l'état «\u00a0%[3]s\u00a0»",
	},
	"deploy.recorded.other": {
		EN: "recorded on unit %[1]s (disk %[2]s): the unit stays %[4]s, deploy it again",
		FR: "enregistré sur l'unité %[1]s (disque %[2]s)\u202f: l'unité reste à l'état «\u00a0%[4]s\u00a0», à redéployer",
	},
	"deploy.notrecorded": {
		EN: "not recorded in the ledger: no --unit, and no unit has disk %s",
		FR: "non enregistré dans le registre\u202f: pas de --unit, et aucune unité n'a le disque %s",
	},
	"deploy.nounit": {
		EN: "warning: no --unit, and no unit in the ledger has disk %s: this deploy will not be recorded",
		FR: "attention\u202f: pas de --unit, et aucune unité du registre n'a le disque %s\u202f: ce déploiement ne sera pas enregistré",
	},
	"deploy.h.unit": {EN: "recorded on", FR: "enregistré sur"},
	"deploy.h.unitdisk": {
		EN: "unit %s (disk %s)",
		FR: "unité %s (disque %s)",
	},
	"deploy.h.nounit": {
		EN: "nothing: no --unit, and no unit has disk %s",
		FR: "rien\u202f: pas de --unit, et aucune unité n'a le disque %s",
	},
	"deploy.target.refused": {
		EN: "refused: deploy onto %s: %v; nothing was written",
		FR: "refusé\u202f: déploiement sur %s\u202f: %v\u202f; rien n'a été écrit",
	},

	// Step names of deploy's report, as a person reads them.
	"deploy.stepname.write":      {EN: "write", FR: "écriture"},
	"deploy.stepname.read-back":  {EN: "read-back", FR: "relecture"},
	"deploy.stepname.gpt":        {EN: "gpt", FR: "GPT"},
	"deploy.stepname.partitions": {EN: "partitions", FR: "partitions"},
	"deploy.stepname.grow":       {EN: "grow", FR: "partition"},
	"deploy.stepname.fsck":       {EN: "fsck", FR: "contrôle"},
	"deploy.stepname.resize":     {EN: "resize", FR: "ext4"},
	"deploy.stepname.root":       {EN: "root", FR: "racine"},
	"deploy.stepname.machine-id": {EN: "machine-id", FR: "machine-id"},
	"deploy.stepname.ssh":        {EN: "ssh", FR: "SSH"},
	"deploy.stepname.hostname":   {EN: "hostname", FR: "nom d'hôte"},
	"deploy.stepname.wifi":       {EN: "wifi", FR: "Wi-Fi"},
	"deploy.stepname.oem":        {EN: "oem", FR: "OEM"},
}
