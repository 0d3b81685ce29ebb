package i18n

// inputMessages are the refusals of input files and captures: a file that
// is too large or not an ordinary file (internal/fsread), and a capture
// archive or folder that would leave its folder or expand past what a real
// capture holds (probe --root).
var inputMessages = Catalog{
	"read.too_large": {
		EN: "%s holds more than %s, the most atelier reads for this kind of file: is it the right file?",
		FR: "%s dépasse %s, le maximum qu'atelier lit pour ce type de fichier\u202f: est-ce le bon fichier\u202f?",
	},
	"read.not_regular.dir":    {EN: "%s is a folder, not a file", FR: "%s est un dossier, pas un fichier"},
	"read.not_regular.fifo":   {EN: "%s is a named pipe, not an ordinary file", FR: "%s est un tube nommé, pas un fichier ordinaire"},
	"read.not_regular.device": {EN: "%s is a device, not an ordinary file", FR: "%s est un périphérique, pas un fichier ordinaire"},
	"read.not_regular.socket": {EN: "%s is a socket, not an ordinary file", FR: "%s est une socket, pas un fichier ordinaire"},
	"read.not_regular.other":  {EN: "%s is not an ordinary file", FR: "%s n'est pas un fichier ordinaire"},
	"read.not_regular.link":   {EN: "%s is a symbolic link, not an ordinary file: name the file itself", FR: "%s est un lien symbolique, pas un fichier ordinaire\u202f: nommez le fichier lui-même"},

	"probe.err.root_refused": {EN: "--root %s refused: %s", FR: "--root %s refusé\u202f: %s"},
	"capture.bad_name": {
		EN: "entry %q is not a path inside the capture (absolute, or with ..)",
		FR: "l'entrée %q n'est pas un chemin dans la capture (absolu, ou avec ..)",
	},
	"capture.parent":    {EN: "entry %q: %s is not a folder", FR: "entrée %q\u202f: %s n'est pas un dossier"},
	"capture.duplicate": {EN: "entry %q appears twice", FR: "l'entrée %q apparaît deux fois"},
	"capture.link_escapes": {
		EN: "link %s -> %s leads outside the capture",
		FR: "le lien %s -> %s mène hors de la capture",
	},
	"capture.hardlink": {
		EN: "hard link %s -> %s does not name a file given earlier in the capture",
		FR: "le lien physique %s -> %s ne désigne pas un fichier donné plus tôt dans la capture",
	},
	"capture.special": {
		EN: "entry %q is a device, pipe or socket: a capture holds only files, folders and links",
		FR: "l'entrée %q est un périphérique, un tube ou une socket\u202f: une capture ne contient que des fichiers, dossiers et liens",
	},
	"capture.too_many": {
		EN: "more than %d entries, the most a capture may hold (a laptop's has about 3,000)",
		FR: "plus de %d entrées, le maximum pour une capture (celle d'un portable en a environ 3 000)",
	},
	"capture.file_too_large": {
		EN: "%s holds more than %s, the most a file of a capture may hold",
		FR: "%s dépasse %s, le maximum pour un fichier d'une capture",
	},
	"capture.too_large": {
		EN: "its files hold more than %s, the most a capture may hold (a laptop's holds under 100 KiB)",
		FR: "ses fichiers dépassent %s, le maximum pour une capture (celle d'un portable fait moins de 100 Kio)",
	},
	"capture.stream_too_large": {
		EN: "the archive expands to more than %s, the most atelier unpacks",
		FR: "l'archive se décompresse en plus de %s, le maximum qu'atelier décompresse",
	},
	"capture.entry": {EN: "entry %q: %v", FR: "entrée %q\u202f: %v"},
}
