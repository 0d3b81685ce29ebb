package i18n

// ledgerMessages are the texts of the ledger commands.
var ledgerMessages = Catalog{}
