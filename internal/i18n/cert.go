package i18n

// certMessages are the texts of erasure certificates: reasons a certificate
// or key is refused, the verify command, and the PDF's labels.
var certMessages = Catalog{
	// Why a certificate is refused (reports.Validate / Parse / Verify).
	"cert.parse": {
		EN: "not an atelier certificate: %s",
		FR: "ce n'est pas un certificat atelier\u202f: %s",
	},
	"cert.trailing": {
		EN: "not an atelier certificate: extra data after the JSON object",
		FR: "ce n'est pas un certificat atelier\u202f: données en trop après l'objet JSON",
	},
	"cert.noncanonical": {
		EN: "the certificate is not in its canonical form (first difference at line %d): it was edited after it was made",
		FR: "le certificat n'est pas sous sa forme canonique (première différence ligne %d)\u202f: il a été modifié après sa création",
	},
	"cert.schema": {
		EN: "unknown certificate format %q (this atelier reads %s)",
		FR: "format de certificat inconnu %q (cet atelier lit %s)",
	},
	"cert.id":     {EN: "certificate id %q is not a ULID", FR: "l'identifiant de certificat %q n'est pas un ULID"},
	"cert.status": {EN: "status %q: must be passed or failed", FR: "statut %q\u202f: doit être passed ou failed"},
	"cert.disk.negative": {
		EN: "disk sizes cannot be negative",
		FR: "les tailles du disque ne peuvent pas être négatives",
	},
	"cert.disk.unnamed": {
		EN: "the certificate names no disk (neither serial number nor device)",
		FR: "le certificat ne nomme aucun disque (ni numéro de série, ni périphérique)",
	},
	"cert.technique": {EN: "unknown sanitization technique %q", FR: "technique d'effacement inconnue %q"},
	"cert.nist.overstated": {
		EN: "NIST category overstated: %s on a disk of type %q earns %s, not Purge",
		FR: "catégorie NIST surévaluée\u202f: %s sur un disque de type %q vaut %s, pas Purge",
	},
	"cert.nist.none.passed": {
		EN: "a passed certificate must state its NIST category (Clear or Purge)",
		FR: "un certificat réussi doit indiquer sa catégorie NIST (Clear ou Purge)",
	},
	"cert.nist": {EN: "NIST category %q: must be Clear, Purge or none", FR: "catégorie NIST %q\u202f: doit être Clear, Purge ou none"},
	"cert.passes": {
		EN: "%d passes is not possible for this technique",
		FR: "%d passes, ce n'est pas possible pour cette technique",
	},
	"cert.firmware.outcome": {
		EN: "firmware command %q: unknown outcome %q",
		FR: "commande firmware %q\u202f: résultat inconnu %q",
	},
	"cert.tool": {EN: "the certificate does not name the tool used", FR: "le certificat ne nomme pas l'outil utilisé"},
	"cert.verify.result": {
		EN: "verification %q with result %q is not possible",
		FR: "vérification %q avec le résultat %q\u202f: impossible",
	},
	"cert.verify.method": {EN: "unknown verification method %q", FR: "méthode de vérification inconnue %q"},
	"cert.verify.bytes": {
		EN: "%d bytes verified on a disk of %d bytes is not possible",
		FR: "%d octets vérifiés sur un disque de %d octets\u202f: impossible",
	},
	"cert.verify.failed.passed": {
		EN: "status passed although the verification failed",
		FR: "statut réussi alors que la vérification a échoué",
	},
	"cert.error.op":    {EN: "error of unknown kind %q", FR: "erreur de type inconnu %q"},
	"cert.error.range": {EN: "error range at offset %d, length %d is not possible", FR: "plage d'erreur à la position %d, longueur %d\u202f: impossible"},
	"cert.passed.errors": {
		EN: "status passed although %d errors are recorded",
		FR: "statut réussi alors que %d erreurs sont enregistrées",
	},
	"cert.times.missing": {EN: "start or end time missing", FR: "heure de début ou de fin manquante"},
	"cert.times.order": {
		EN: "the erasure ends before it starts (start %s, end %s)",
		FR: "l'effacement finit avant de commencer (début %s, fin %s)",
	},
	"cert.times.duration": {
		EN: "duration %.3f s does not match the start and end times",
		FR: "la durée de %.3f s ne correspond pas aux heures de début et de fin",
	},
	"cert.operator": {EN: "the certificate does not name the operator", FR: "le certificat ne nomme pas l'opérateur"},
	"cert.bench":    {EN: "the certificate does not name the bench", FR: "le certificat ne nomme pas le poste"},
	"cert.benchkey": {EN: "bench key fingerprint %q is not valid", FR: "empreinte de clé du poste %q invalide"},
	"cert.exists": {
		EN: "certificate %s already exists: not overwritten",
		FR: "le certificat %s existe déjà\u202f: il n'est pas écrasé",
	},
	"cert.missing":  {EN: "no certificate at %s", FR: "aucun certificat à %s"},
	"cert.toolarge": {EN: "%s is far too large to be a certificate", FR: "%s est bien trop gros pour être un certificat"},

	// Signatures and keys.
	"cert.sig.missing": {
		EN: "signature file %s is missing: a certificate without its signature proves nothing",
		FR: "le fichier de signature %s manque\u202f: un certificat sans sa signature ne prouve rien",
	},
	"cert.sig.bad": {
		EN: "the signature file is damaged (not the base64 of an ed25519 signature)",
		FR: "le fichier de signature est abîmé (ce n'est pas le base64 d'une signature ed25519)",
	},
	"cert.sig.invalid": {
		EN: "invalid signature: the certificate was changed after it was signed, its .sig file belongs to another certificate, or it was signed by another key (key used: %s)",
		FR: "signature invalide\u202f: le certificat a été modifié après sa signature, son fichier .sig est celui d'un autre certificat, ou il a été signé par une autre clé (clé utilisée\u202f: %s)",
	},
	"cert.sig.otherkey": {
		EN: "signed by another bench key (%s), not by the key given (%s): pass that bench's bench.pub with --key",
		FR: "signé par la clé d'un autre poste (%s), pas par la clé fournie (%s)\u202f: passez le bench.pub de ce poste avec --key",
	},
	"cert.pub.none": {EN: "no public key to check the signature against", FR: "aucune clé publique pour vérifier la signature"},
	"cert.pub.missing": {
		EN: "no bench public key at %s: run atelier init on the bench, or pass --key bench.pub",
		FR: "pas de clé publique du poste à %s\u202f: lancez atelier init sur le poste, ou passez --key bench.pub",
	},
	"cert.pub.bad": {
		EN: "%s is not an atelier bench public key (PEM, ed25519 PUBLIC KEY)",
		FR: "%s n'est pas une clé publique de poste atelier (PEM, ed25519 PUBLIC KEY)",
	},
	"cert.key.missing": {
		EN: "no bench signing key at %s: run atelier init",
		FR: "pas de clé de signature du poste à %s\u202f: lancez atelier init",
	},
	"cert.key.perm": {
		EN: "bench signing key %s can be read by others (mode %s): run chmod 600 on it",
		FR: "la clé de signature du poste %s est lisible par d'autres (mode %s)\u202f: faites chmod 600 dessus",
	},
	"cert.key.bad": {
		EN: "%s is not an atelier bench signing key (PEM, ed25519 PRIVATE KEY)",
		FR: "%s n'est pas une clé de signature de poste atelier (PEM, ed25519 PRIVATE KEY)",
	},
	"cert.key.orphan.pub": {
		EN: "%s exists but its signing key %s is missing: move the old public key away (keep it to verify old certificates), then run again",
		FR: "%s existe mais sa clé de signature %s manque\u202f: déplacez l'ancienne clé publique (gardez-la pour vérifier les anciens certificats), puis relancez",
	},
	"cert.key.mismatch": {
		EN: "%s does not match the signing key %s: put back the right bench.pub",
		FR: "%s ne correspond pas à la clé de signature %s\u202f: remettez le bon bench.pub",
	},

	// atelier verify.
	"cert.cmd.valid": {
		EN: "valid: disk %s erased (%s) on %s by bench %s, operator %s",
		FR: "valide\u202f: disque %s effacé (%s) le %s sur le poste %s, par %s",
	},
	"cert.cmd.failedcert": {
		EN: "authentic certificate, but it records a FAILED erasure of disk %s on %s (bench %s): this disk is not proven erased",
		FR: "certificat authentique, mais il constate l'ÉCHEC de l'effacement du disque %s le %s (poste %s)\u202f: ce disque n'est pas prouvé effacé",
	},
	"cert.cmd.invalid": {
		EN: "invalid certificate %s: %s",
		FR: "certificat invalide %s\u202f: %s",
	},

	// PDF.
	"cert.pdf.title":    {EN: "Certificate of Sanitization", FR: "Certificat d'effacement"},
	"cert.pdf.subtitle": {EN: "Erasure of a data storage medium according to NIST SP 800-88 Rev. 1", FR: "Effacement d'un support de données selon NIST SP 800-88 Rév. 1"},
	"cert.pdf.id":       {EN: "Certificate no. %s", FR: "Certificat n° %s"},
	"cert.pdf.status.passed": {
		EN: "ERASURE PASSED — NIST %s",
		FR: "EFFACEMENT RÉUSSI — NIST %s",
	},
	"cert.pdf.status.failed": {
		EN: "ERASURE FAILED — this disk is not erased",
		FR: "ÉCHEC DE L'EFFACEMENT — ce disque n'est pas effacé",
	},
	"cert.pdf.disk":           {EN: "Disk", FR: "Disque"},
	"cert.pdf.vendor":         {EN: "Manufacturer", FR: "Fabricant"},
	"cert.pdf.model":          {EN: "Model", FR: "Modèle"},
	"cert.pdf.serial":         {EN: "Serial number", FR: "Numéro de série"},
	"cert.pdf.capacity":       {EN: "Capacity", FR: "Capacité"},
	"cert.pdf.medium":         {EN: "Medium", FR: "Type de support"},
	"cert.pdf.device":         {EN: "Device", FR: "Périphérique"},
	"cert.pdf.hidden":         {EN: "Hidden areas (HPA/DCO)", FR: "Zones cachées (HPA/DCO)"},
	"cert.pdf.hidden.unknown": {EN: "not checked (not supported by this disk's interface)", FR: "non contrôlées (non prises en charge par l'interface du disque)"},
	"cert.pdf.hidden.none":    {EN: "none found", FR: "aucune trouvée"},
	"cert.pdf.hidden.hpa":     {EN: "HPA hiding %d sectors", FR: "HPA masquant %d secteurs"},
	"cert.pdf.hidden.dco":     {EN: "DCO hiding %d sectors", FR: "DCO masquant %d secteurs"},
	"cert.pdf.hidden.removed": {EN: "opened before the erasure", FR: "ouvertes avant l'effacement"},
	"cert.pdf.source":         {EN: "Source", FR: "Provenance"},
	"cert.pdf.unit":           {EN: "Unit", FR: "Unité"},
	"cert.pdf.assettag":       {EN: "Asset tag (DSI)", FR: "N° d'inventaire (DSI)"},
	"cert.pdf.donor":          {EN: "Donor", FR: "Donateur"},
	"cert.pdf.batch":          {EN: "Batch", FR: "Lot"},
	"cert.pdf.sanitization":   {EN: "Sanitization", FR: "Effacement"},
	"cert.pdf.requested":      {EN: "Method requested", FR: "Méthode demandée"},
	"cert.pdf.technique":      {EN: "Technique performed", FR: "Technique appliquée"},
	"cert.pdf.nist":           {EN: "NIST SP 800-88 category", FR: "Catégorie NIST SP 800-88"},
	"cert.pdf.nist.Clear":     {EN: "Clear (protects against recovery with ordinary tools)", FR: "Clear (protège contre la récupération par des outils courants)"},
	"cert.pdf.nist.Purge":     {EN: "Purge (protects against laboratory recovery)", FR: "Purge (protège contre la récupération en laboratoire)"},
	"cert.pdf.nist.none":      {EN: "none (erasure not achieved)", FR: "aucune (effacement non obtenu)"},
	"cert.pdf.passes":         {EN: "Passes", FR: "Passes"},
	"cert.pdf.pattern":        {EN: "Pattern", FR: "Motif"},
	"cert.pdf.tool":           {EN: "Tool", FR: "Outil"},
	"cert.pdf.firmware":       {EN: "Firmware commands", FR: "Commandes firmware"},
	"cert.pdf.firmware.none":  {EN: "none tried", FR: "aucune tentée"},
	"cert.pdf.fallback":       {EN: "Fallback", FR: "Repli"},
	"cert.pdf.verification":   {EN: "Verification", FR: "Vérification"},
	"cert.pdf.verify.method":  {EN: "Method", FR: "Méthode"},
	"cert.pdf.verify.result":  {EN: "Result", FR: "Résultat"},
	"cert.pdf.verify.bytes":   {EN: "Bytes verified", FR: "Octets vérifiés"},
	"cert.pdf.detail":         {EN: "Detail", FR: "Détail"},
	"cert.pdf.errors":         {EN: "Errors", FR: "Erreurs"},
	"cert.pdf.errors.none":    {EN: "none", FR: "aucune"},
	"cert.pdf.errors.more":    {EN: "… and %d more, listed in %s.json", FR: "… et %d autres, listées dans %s.json"},
	"cert.pdf.error.range":    {EN: "%s error at bytes %d–%d: %s", FR: "erreur de %s aux octets %d–%d\u202f: %s"},
	"cert.pdf.error.norange":  {EN: "%s error: %s", FR: "erreur de %s\u202f: %s"},
	"cert.pdf.when":           {EN: "Date and people", FR: "Date et intervenants"},
	"cert.pdf.started":        {EN: "Started (UTC)", FR: "Début (UTC)"},
	"cert.pdf.finished":       {EN: "Finished (UTC)", FR: "Fin (UTC)"},
	"cert.pdf.duration":       {EN: "Duration", FR: "Durée"},
	"cert.pdf.operator":       {EN: "Operator", FR: "Opérateur"},
	"cert.pdf.bench":          {EN: "Bench", FR: "Poste"},
	"cert.pdf.signature":      {EN: "Signature", FR: "Signature"},
	"cert.pdf.benchkey":       {EN: "Bench key", FR: "Clé du poste"},
	"cert.pdf.sha256":         {EN: "SHA-256 of the JSON", FR: "SHA-256 du JSON"},
	"cert.pdf.howto.text": {
		EN: "This PDF presents the certificate %s.json, which is the authoritative record, signed with ed25519 by the bench key (%s.json.sig). Check it with: atelier verify %s.json --key bench.pub",
		FR: "Ce PDF présente le certificat %s.json, qui fait foi, signé en ed25519 par la clé du poste (%s.json.sig). Pour le vérifier\u202f: atelier verify %s.json --key bench.pub",
	},
	"cert.pdf.sign.operator":  {EN: "Operator's signature", FR: "Signature de l'opérateur"},
	"cert.pdf.sign.validator": {EN: "Checked by (name, date, signature)", FR: "Validé par (nom, date, signature)"},
	"cert.pdf.page": {
		EN: "Certificate %s — page %d/{nb}",
		FR: "Certificat %s — page %d/{nb}",
	},

	// Techniques, as people read them.
	"cert.tech.overwrite-zero":            {EN: "overwrite with zeros", FR: "réécriture par des zéros"},
	"cert.tech.overwrite-random":          {EN: "overwrite with a pseudo-random stream", FR: "réécriture par un flux pseudo-aléatoire"},
	"cert.tech.ata-secure-erase":          {EN: "ATA Security Erase", FR: "ATA Security Erase"},
	"cert.tech.ata-secure-erase-enhanced": {EN: "ATA Security Erase Enhanced", FR: "ATA Security Erase Enhanced"},
	"cert.tech.ata-sanitize-block":        {EN: "ATA Sanitize, block erase", FR: "ATA Sanitize, effacement de blocs"},
	"cert.tech.ata-sanitize-crypto":       {EN: "ATA Sanitize, cryptographic erase", FR: "ATA Sanitize, effacement cryptographique"},
	"cert.tech.ata-sanitize-overwrite":    {EN: "ATA Sanitize, overwrite", FR: "ATA Sanitize, réécriture"},
	"cert.tech.nvme-sanitize-block":       {EN: "NVMe Sanitize, block erase", FR: "NVMe Sanitize, effacement de blocs"},
	"cert.tech.nvme-sanitize-crypto":      {EN: "NVMe Sanitize, cryptographic erase", FR: "NVMe Sanitize, effacement cryptographique"},
	"cert.tech.nvme-sanitize-overwrite":   {EN: "NVMe Sanitize, overwrite", FR: "NVMe Sanitize, réécriture"},
	"cert.tech.nvme-format-user-data":     {EN: "NVMe Format, user data erase", FR: "NVMe Format, effacement des données utilisateur"},
	"cert.tech.nvme-format-crypto":        {EN: "NVMe Format, cryptographic erase", FR: "NVMe Format, effacement cryptographique"},

	"cert.tech.ata-sanitize":  {EN: "ATA Sanitize", FR: "ATA Sanitize"},
	"cert.tech.nvme-sanitize": {EN: "NVMe Sanitize", FR: "NVMe Sanitize"},
	"cert.tech.nvme-format":   {EN: "NVMe Format with secure erase", FR: "NVMe Format avec effacement sécurisé"},

	"cert.result.passed":  {EN: "passed", FR: "réussie"},
	"cert.result.failed":  {EN: "FAILED", FR: "ÉCHEC"},
	"cert.result.skipped": {EN: "not done", FR: "non faite"},

	// Certificates written later (wipe --reissue) and PDFs checked against their JSON.
	"cert.notfile": {EN: "%s is not a regular file", FR: "%s n'est pas un fichier ordinaire"},
	"cert.reissue.otherkey": {
		EN: "certificate %s was signed by bench key %s, not this bench's (%s): reissue it on the bench that signed it",
		FR: "le certificat %s a été signé par la clé de poste %s, pas par celle de ce poste (%s)\u202f: réémettez-le sur le poste qui l'a signé",
	},
	"cert.reissue.hash": {
		EN: "the ledger's record of certificate %s hashes to %s, not to the recorded %s: it cannot be reissued",
		FR: "l'enregistrement du certificat %s dans le registre a pour empreinte %s, pas %s comme enregistré\u202f: il ne peut pas être réémis",
	},
	"cert.reissue.differs": {
		EN: "%s exists and is not the certificate recorded in the ledger (SHA-256 of the JSON %s): left as it is, nothing written; move it away and run again",
		FR: "%s existe et n'est pas le certificat enregistré dans le registre (SHA-256 du JSON %s)\u202f: laissé tel quel, rien n'est écrit\u202f; déplacez-le puis relancez",
	},
	"cert.reissue.notfile": {
		EN: "%s exists and is not a regular file: nothing written",
		FR: "%s existe et n'est pas un fichier ordinaire\u202f: rien n'est écrit",
	},
	"cert.pdf.nojson": {
		EN: "%s is only the printable copy of a certificate and is not signed: check the certificate itself, %s (with its .sig), which is not there",
		FR: "%s n'est que la copie imprimable d'un certificat et n'est pas signé\u202f: vérifiez le certificat lui-même, %s (avec son .sig), qui n'est pas là",
	},
	"cert.pdf.missing": {EN: "no PDF at %s", FR: "aucun PDF à %s"},
	"cert.pdf.differs": {
		EN: "%s is NOT the PDF issued with %s (that certificate itself is valid): do not rely on this PDF; check %[2]s",
		FR: "%s n'est PAS le PDF émis avec %s (ce certificat lui-même est valide)\u202f: ne vous fiez pas à ce PDF\u202f; vérifiez %[2]s",
	},
	"cert.pdf.otherversion": {
		EN: "%s cannot be checked here: it was issued by atelier %s and this is atelier %s, whose PDF differs; check the certificate itself, %s",
		FR: "%s ne peut pas être vérifié ici\u202f: il a été émis par atelier %s et celui-ci est atelier %s, dont le PDF diffère\u202f; vérifiez le certificat lui-même, %s",
	},
	"cert.cmd.pdfmatches": {
		EN: "the PDF %s is the one issued with %s",
		FR: "le PDF %s est bien celui émis avec %s",
	},
}
