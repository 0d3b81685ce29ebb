package i18n

// fsreadMessages are the refusals of internal/fsread: an input file that is
// too large or not an ordinary file.
var fsreadMessages = Catalog{
	"read.too_large": {
		EN: "%s holds more than %s, the most atelier reads for this kind of file: is it the right file?",
		FR: "%s dépasse %s, le maximum qu'atelier lit pour ce type de fichier : est-ce le bon fichier ?",
	},
	"read.not_regular.dir":    {EN: "%s is a folder, not a file", FR: "%s est un dossier, pas un fichier"},
	"read.not_regular.fifo":   {EN: "%s is a named pipe, not an ordinary file", FR: "%s est un tube nommé, pas un fichier ordinaire"},
	"read.not_regular.device": {EN: "%s is a device, not an ordinary file", FR: "%s est un périphérique, pas un fichier ordinaire"},
	"read.not_regular.socket": {EN: "%s is a socket, not an ordinary file", FR: "%s est une socket, pas un fichier ordinaire"},
	"read.not_regular.other":  {EN: "%s is not an ordinary file", FR: "%s n'est pas un fichier ordinaire"},
}
