package i18n

// checkMessages are the texts of the check commands.
var checkMessages = Catalog{}
