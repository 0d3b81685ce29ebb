package i18n

// certMessages are the texts of the cert commands.
var certMessages = Catalog{}
