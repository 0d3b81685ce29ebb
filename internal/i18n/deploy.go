package i18n

// deployMessages are the texts of the image and deploy commands.
var deployMessages = Catalog{
	// Refusals before anything is written.
	"deploy.verify.bad": {
		EN: "--verify %q: choose full or none",
		FR: "--verify %q : choisissez full ou none",
	},
	"deploy.image.open": {
		EN: "cannot open image %s: %v",
		FR: "impossible d'ouvrir l'image %s : %v",
	},
	"deploy.image.notfile": {
		EN: "image %s is not a regular file",
		FR: "l'image %s n'est pas un fichier ordinaire",
	},
	"deploy.toosmall": {
		EN: "refused: %s is too small for this image (%s, %d bytes < %s, %d bytes); nothing was written",
		FR: "refusé : %s est trop petit pour cette image (%s, %d octets < %s, %d octets) ; rien n'a été écrit",
	},
	"deploy.image.size": {
		EN: "image %s: its size (%d bytes) does not match the recorded size (%d bytes); nothing was written",
		FR: "image %s : sa taille (%d octets) ne correspond pas à la taille enregistrée (%d octets) ; rien n'a été écrit",
	},
	"deploy.hostname.bad": {
		EN: "hostname %q is not valid: lower-case letters, digits and dashes, 1 to 63 characters",
		FR: "nom d'hôte %q invalide : minuscules, chiffres et tirets, de 1 à 63 caractères",
	},
	// Failures while writing: the disk is then unusable.
	"deploy.interrupted": {
		EN: "deploy onto %s interrupted: the disk holds a partial image and must be deployed again",
		FR: "déploiement sur %s interrompu : le disque contient une image partielle, il faut le redéployer",
	},
	"deploy.read": {
		EN: "image %s is damaged or truncated: %v",
		FR: "l'image %s est abîmée ou tronquée : %v",
	},
	"deploy.file.mismatch": {
		EN: "image file %s has sha256 %s, the catalogue recorded %s: the file changed since it was added",
		FR: "le fichier image %s a le sha256 %s, le catalogue a enregistré %s : le fichier a changé depuis son ajout",
	},
	"deploy.range.mismatch": {
		EN: "bmap range %s (bytes %d to %d) does not match its checksum in %s: deploy stopped, the disk is unusable",
		FR: "la plage bmap %s (octets %d à %d) ne correspond pas à sa somme de contrôle dans %s : déploiement arrêté, disque inutilisable",
	},
	"deploy.image.longer": {
		EN: "image %s is longer than the %d bytes expected (wrong bmap or catalogue entry)",
		FR: "l'image %s dépasse les %d octets attendus (bmap ou entrée du catalogue erronée)",
	},
	"deploy.image.shorter": {
		EN: "image %s ended after %d bytes, %d expected: it is truncated",
		FR: "l'image %s s'arrête après %d octets, %d attendus : elle est tronquée",
	},
	"deploy.image.mismatch": {
		EN: "image %s has sha256 %s, the catalogue recorded %s: the disk holds a wrong image",
		FR: "l'image %s a le sha256 %s, le catalogue a enregistré %s : le disque contient une image erronée",
	},
	"deploy.readback.mismatch": {
		EN: "read-back of %s: range %s (bytes %d to %d) differs from the image: the disk is unusable",
		FR: "relecture de %s : la plage %s (octets %d à %d) diffère de l'image : disque inutilisable",
	},
	// Steps.
	"deploy.step.write": {
		EN: "%s written, checked by %s",
		FR: "%s écrits, contrôlés par %s",
	},
	"deploy.step.readback": {
		EN: "%d range(s) read back from the disk and identical to the image",
		FR: "%d plage(s) relue(s) sur le disque et identiques à l'image",
	},
	"deploy.step.nogpt": {
		EN: "not personalised: %v (only GPT disks are personalised)",
		FR: "non personnalisé : %v (seuls les disques GPT sont personnalisés)",
	},
	"deploy.step.gpt": {
		EN: "backup GPT moved to the end of the disk, new disk GUID %s",
		FR: "GPT de secours déplacée en fin de disque, nouveau GUID de disque %s",
	},
	"deploy.step.noroot": {
		EN: "no root filesystem found on %s (no ext4 with the root type or /etc/os-release): machine-id, keys, hostname and Wi-Fi left as in the image",
		FR: "aucun système de fichiers racine trouvé sur %s (pas d'ext4 de type racine ni /etc/os-release) : machine-id, clés, nom d'hôte et Wi-Fi laissés tels quels",
	},
	"deploy.step.notool": {
		EN: "%s is not installed (Debian package %s): the last partition was not grown",
		FR: "%s n'est pas installé (paquet Debian %s) : la dernière partition n'a pas été agrandie",
	},
	"deploy.step.grow": {
		EN: "partition %d grown to the end of the disk (%s)",
		FR: "partition %d agrandie jusqu'à la fin du disque (%s)",
	},
	"deploy.step.grow.nochange": {
		EN: "partition %d already fills the disk",
		FR: "la partition %d occupe déjà tout le disque",
	},
	"deploy.step.grow.failed": {
		EN: "partition %d could not be grown: %s",
		FR: "la partition %d n'a pas pu être agrandie : %s",
	},
	"deploy.step.notext4": {
		EN: "%s is not ext4: its filesystem was not grown",
		FR: "%s n'est pas en ext4 : son système de fichiers n'a pas été agrandi",
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
		FR: "/etc/machine-id vidé : un nouveau sera créé au premier démarrage",
	},
	"deploy.step.machineid.linked": {
		EN: "/etc/machine-id emptied and /var/lib/dbus/machine-id linked to it: a new one is made at first boot",
		FR: "/etc/machine-id vidé et /var/lib/dbus/machine-id lié à lui : un nouveau sera créé au premier démarrage",
	},
	"deploy.step.ssh": {
		EN: "%d SSH host key file(s) removed",
		FR: "%d fichier(s) de clé d'hôte SSH supprimé(s)",
	},
	"deploy.step.ssh.none": {
		EN: "no /etc/ssh in the image: no SSH host keys to remove",
		FR: "pas de /etc/ssh dans l'image : aucune clé d'hôte SSH à supprimer",
	},
	"deploy.step.hostname": {
		EN: "hostname set to %s (/etc/hostname and the 127.0.1.1 line of /etc/hosts)",
		FR: "nom d'hôte réglé à %s (/etc/hostname et la ligne 127.0.1.1 de /etc/hosts)",
	},
	"deploy.step.hostname.kept": {
		EN: "no hostname given and no unit: the image's hostname was kept (use --hostname or --unit)",
		FR: "ni nom d'hôte ni unité : le nom d'hôte de l'image est conservé (utilisez --hostname ou --unit)",
	},
	"deploy.step.wifi": {
		EN: "%d saved network connection(s) removed",
		FR: "%d connexion(s) réseau enregistrée(s) supprimée(s)",
	},
	"deploy.step.wifi.none": {
		EN: "no NetworkManager connections folder in the image",
		FR: "pas de dossier de connexions NetworkManager dans l'image",
	},
	"deploy.step.oem": {
		EN: "OEM first-boot set-up enabled: the new owner creates their own account",
		FR: "configuration OEM au premier démarrage activée : le nouveau propriétaire crée son propre compte",
	},
	"deploy.step.oem.none": {
		EN: "the image has no oem-config: first-boot account creation not enabled",
		FR: "l'image n'a pas oem-config : création de compte au premier démarrage non activée",
	},
}
