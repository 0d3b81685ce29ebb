package i18n

// wipeMessages are the texts of the wipe commands.
var wipeMessages = Catalog{}
