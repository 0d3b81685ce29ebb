package i18n

// deployMessages are the texts of the deploy commands.
var deployMessages = Catalog{}
