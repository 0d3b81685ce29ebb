package i18n

// hubMessages are the texts of the hub: bench enrolment, sync, bundles and
// `atelier serve`.
var hubMessages = Catalog{
	"bench.badletter": {
		EN: "bench letter %q: use one or two letters A to Z (B gives ids such as PCS-26-B0042)",
		FR: "lettre d'établi %q : utilisez une ou deux lettres de A à Z (B donne des numéros comme PCS-26-B0042)",
	},
	"bench.badname": {
		EN: "bench name %q: use letters, digits, '.', '_' or '-' (at most 63)",
		FR: "nom d'établi %q : utilisez des lettres, des chiffres, « . », « _ » ou « - » (63 au plus)",
	},
	"bench.badkey": {
		EN: "bench %s: the key is not an ed25519 public key (give the bench's bench.pub)",
		FR: "établi %s : la clé n'est pas une clé publique ed25519 (donnez le bench.pub de l'établi)",
	},
	"bench.self": {
		EN: "bench %s is this ledger's own bench: enrol the other benches",
		FR: "l'établi %s est celui de ce registre : inscrivez les autres établis",
	},
	"bench.exists": {
		EN: "bench %s is already enrolled (a revoked bench stays revoked: enrol it under a new name with a new key)",
		FR: "l'établi %s est déjà inscrit (un établi révoqué le reste : inscrivez-le sous un autre nom avec une nouvelle clé)",
	},
	"bench.keyexists": {
		EN: "key %s is already enrolled as bench %s",
		FR: "la clé %s est déjà inscrite pour l'établi %s",
	},
	"bench.lettertaken": {
		EN: "letter %s is already taken by bench %s: unit ids would collide; choose another with --letter",
		FR: "la lettre %s est déjà prise par l'établi %s : les numéros d'unités se confondraient ; choisissez-en une autre avec --letter",
	},
	"bench.unknown": {
		EN: "no bench %s enrolled on this ledger: see atelier bench list",
		FR: "aucun établi %s inscrit dans ce registre : voyez atelier bench list",
	},
	"bench.alreadyrevoked": {
		EN: "bench %s was already revoked on %s",
		FR: "l'établi %s a déjà été révoqué le %s",
	},
	"bench.enrolled": {
		EN: "bench %s enrolled (key %s, unit ids with letter %s)",
		FR: "établi %s inscrit (clé %s, numéros d'unités avec la lettre %s)",
	},
	"bench.revoked": {
		EN: "bench %s revoked: its requests are refused from now on; what it sent before stays",
		FR: "établi %s révoqué : ses requêtes sont refusées désormais ; ce qu'il a envoyé avant reste",
	},
	"bench.none": {
		EN: "no bench enrolled yet: enrol one with atelier bench enrol NAME --key bench.pub",
		FR: "aucun établi inscrit : inscrivez-en un avec atelier bench enrol NOM --key bench.pub",
	},
	"bench.nokeyflag": {
		EN: "give the bench's public key: --key bench.pub (atelier init wrote it next to the bench's ledger)",
		FR: "donnez la clé publique de l'établi : --key bench.pub (atelier init l'a écrite à côté du registre de l'établi)",
	},
	"col.bench":    {EN: "Bench", FR: "Établi"},
	"col.letter":   {EN: "Letter", FR: "Lettre"},
	"col.key":      {EN: "Key", FR: "Clé"},
	"col.enrolled": {EN: "Enrolled", FR: "Inscrit"},
	"col.revoked":  {EN: "Revoked", FR: "Révoqué"},
	"init.letter": {
		EN: "unit ids of this bench carry the letter %s (%s)",
		FR: "les numéros d'unités de cet établi portent la lettre %s (%s)",
	},
	"init.letterkept": {
		EN: "this ledger's letter stays %s (--letter %s not applied: a letter is chosen once)",
		FR: "la lettre de ce registre reste %s (--letter %s non appliqué : une lettre se choisit une fois)",
	},
}
