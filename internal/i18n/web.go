package i18n

// webMessages: the hub's web accounts and pages (issue 12).
var webMessages = Catalog{
	"account.email": {
		EN: "login %q looks like an e-mail address: a login is kept forever in the ledger and must hold no personal data; choose a short name such as mdh-village2",
		FR: "l'identifiant %q ressemble à une adresse e-mail : il est conservé pour toujours dans le registre et ne doit contenir aucune donnée personnelle ; choisissez un nom court comme mdh-village2",
	},
	"account.login": {
		EN: "login %q: use 2 to 40 letters a-z, digits, '.', '_' or '-'",
		FR: "identifiant %q : utilisez 2 à 40 lettres a-z, chiffres, « . », « _ » ou « - »",
	},
	"account.role": {
		EN: "role %q: choose mdh, volunteer or admin",
		FR: "rôle %q : choisissez mdh, volunteer ou admin",
	},
	"account.password": {
		EN: "the password must have at least 10 characters",
		FR: "le mot de passe doit comporter au moins 10 caractères",
	},
	"account.nopassword": {
		EN: "give the password on standard input with --password-stdin",
		FR: "donnez le mot de passe sur l'entrée standard avec --password-stdin",
	},
	"account.nosite": {
		EN: "an MDH account needs its site: --site \"MDH Village 2\"",
		FR: "un compte MDH a besoin de son lieu : --site \"MDH Village 2\"",
	},
	"account.exists": {
		EN: "account %q already exists",
		FR: "le compte %q existe déjà",
	},
	"account.unknown": {
		EN: "unknown account %q",
		FR: "compte inconnu %q",
	},
	"account.added": {
		EN: "account added: %s (%s, %s)",
		FR: "compte ajouté : %s (%s, %s)",
	},
	"account.disabled": {
		EN: "account disabled: %s (its sessions are closed)",
		FR: "compte désactivé : %s (ses sessions sont fermées)",
	},
	"account.badlogin": {
		EN: "wrong login or password",
		FR: "identifiant ou mot de passe incorrect",
	},
	"account.nosession": {
		EN: "not logged in",
		FR: "non connecté",
	},
}
