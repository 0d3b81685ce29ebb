package i18n

// probeMessages are the texts of the probe commands.
var probeMessages = Catalog{}
