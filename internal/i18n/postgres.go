package i18n

// postgresMessages are the texts of a ledger kept in PostgreSQL (issue 11).
// URLs are shown without their password.
var postgresMessages = Catalog{
	"ledger.pgurl": {
		EN: "ledger URL %s is not a valid PostgreSQL URL (postgres://USER@HOST/DATABASE)",
		FR: "l'URL du registre %s n'est pas une URL PostgreSQL valide (postgres://UTILISATEUR@HÔTE/BASE)",
	},
	"ledger.pgunreachable": {
		EN: "cannot reach the PostgreSQL server at %s (ledger %s): %s",
		FR: "impossible de joindre le serveur PostgreSQL %s (registre %s)\u202f: %s",
	},
	"ledger.pgauth": {
		EN: "PostgreSQL refused the password of user %[2]s (ledger %[1]s): check the password (in the URL, PGPASSWORD or ~/.pgpass)",
		FR: "PostgreSQL a refusé le mot de passe de l'utilisateur %[2]s (registre %[1]s)\u202f: vérifiez le mot de passe (dans l'URL, PGPASSWORD ou ~/.pgpass)",
	},
	"ledger.pgnodb": {
		EN: "the PostgreSQL database %[2]s does not exist (ledger %[1]s): create it (createdb %[2]s), then run atelier init",
		FR: "la base PostgreSQL %[2]s n'existe pas (registre %[1]s)\u202f: créez-la (createdb %[2]s), puis lancez atelier init",
	},
	"ledger.pgforeign": {
		EN: "%s holds tables of another program, not an atelier ledger: use an empty database or schema; nothing was changed",
		FR: "%s contient les tables d'un autre programme, pas un registre atelier\u202f: utilisez une base ou un schéma vide\u202f; rien n'a été modifié",
	},
	"copy.source": {
		EN: "ledger copy: the source %s does not verify, nothing was copied: %s",
		FR: "copie du registre\u202f: la source %s ne se vérifie pas, rien n'a été copié\u202f: %s",
	},
	"copy.dest": {
		EN: "ledger copy: the copy %s does not verify: %s",
		FR: "copie du registre\u202f: la copie %s ne se vérifie pas\u202f: %s",
	},
	"copy.differ": {
		EN: "ledger copy: %s and its copy %s differ in events or heads",
		FR: "copie du registre\u202f: %s et sa copie %s diffèrent (événements ou têtes de chaîne)",
	},
	"copy.notempty": {
		EN: "ledger copy: %s already holds %d events; copy into a new ledger (a new file, an empty database or schema)",
		FR: "copie du registre\u202f: %s contient déjà %d événements\u202f; copiez vers un registre neuf (nouveau fichier, base ou schéma vide)",
	},
	"ledger.pgpeer": {
		EN: "PostgreSQL refused user %[2]s on its local socket %[3]s (ledger %[1]s): %[4]s; there it checks by default that atelier runs as the system user of the role's name (peer authentication): run atelier as that user, or connect over TCP with a password (postgres://USER:PASSWORD@localhost/DATABASE)",
		FR: "PostgreSQL a refusé l'utilisateur %[2]s sur son socket local %[3]s (registre %[1]s) : %[4]s ; il y vérifie par défaut qu'atelier tourne sous l'utilisateur système du nom du rôle (authentification peer) : lancez atelier sous cet utilisateur, ou connectez-vous en TCP avec un mot de passe (postgres://UTILISATEUR:MOT_DE_PASSE@localhost/BASE)",
	},
	"copy.done": {
		EN: "copied %d events (%d benches, %d units) from %s to %s; both verified",
		FR: "%d événements copiés (%d postes, %d unités) de %s vers %s\u202f; les deux vérifiés",
	},
}
