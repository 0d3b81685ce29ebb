package i18n

// intakeMessages are the texts of the intake commands.
var intakeMessages = Catalog{}
