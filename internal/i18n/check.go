package i18n

// checkMessages are the texts of the check command: verdict reasons and
// advice, the grade grid, profile-file errors and the --save glue.
var checkMessages = Catalog{
	"check.save.disk_elsewhere": {
		EN: "warning: disk %s is also recorded on %s: if it was moved between machines, erase it (atelier wipe) before either unit leaves",
		FR: "attention\u202f: le disque %s est aussi enregistré sur %s\u202f: s'il a changé de machine, effacez-le (atelier wipe) avant que l'une ou l'autre unité ne parte",
	},
	// Units and small pieces.
	"check.unit.gb":           {EN: "%s GB", FR: "%s Go"},
	"check.unconfirmed.after": {EN: "%s (figure not confirmed, see the profile)", FR: "%s (chiffre non confirmé, voir le profil)"},
	"check.unconfirmed":       {EN: " (figure not confirmed, see the profile)", FR: " (chiffre non confirmé, voir le profil)"},
	"check.ram.kind_unknown":  {EN: "RAM (type unknown: read it on the module's label)", FR: "RAM (type inconnu\u202f: le lire sur l'étiquette de la barrette)"},
	"check.ram.max":           {EN: "%s max", FR: "%s max"},
	"check.ram.max_unknown":   {EN: "maximum unknown", FR: "maximum inconnu"},
	"check.slots.many":        {EN: "%d free slots", FR: "%d emplacements libres"},
	"check.slots.one":         {EN: "1 free slot", FR: "1 emplacement libre"},
	"check.slots.none":        {EN: "no free slot: replace a module", FR: "aucun emplacement libre\u202f: remplacer une barrette"},
	"check.slots.unknown":     {EN: "free slots unknown", FR: "emplacements libres inconnus"},

	// Reasons.
	"check.edition.unconfirmed": {EN: "%s could not be confirmed as published: its figures are a stand-in (see the profile's note)", FR: "%s n'a pas pu être confirmé comme publié\u202f: ses chiffres sont provisoires (voir la note du profil)"},
	"check.cpu.not64":           {EN: "32-bit processor: %s needs a 64-bit processor", FR: "processeur 32 bits\u202f: %s exige un processeur 64 bits"},
	"check.cpu.64unknown":       {EN: "could not tell whether the processor is 64-bit (no CPU flags read): check it", FR: "impossible de savoir si le processeur est 64 bits (indicateurs du processeur non lus)\u202f: à vérifier"},
	"check.cpu.cores": {Count: 1,
		EN: "processor with %d cores: %s needs %d", ENOne: "processor with %d core: %s needs %d",
		FR: "processeur à %d cœurs\u202f: %s en demande %d", FROne: "processeur à %d cœur\u202f: %s en demande %d"},
	"check.cpu.threads": {Count: 1,
		EN: "%d logical processors: %s needs %d cores", ENOne: "%d logical processor: %s needs %d cores",
		FR: "%d processeurs logiques\u202f: %s demande %d cœurs", FROne: "%d processeur logique\u202f: %s demande %d cœurs"},
	"check.cpu.cores_ht":        {EN: "%d core with %d threads: %s asks for %d cores, it will be slow", FR: "%d cœur et %d fils d'exécution\u202f: %s demande %d cœurs, ce sera lent"},
	"check.cpu.cores_unknown":   {EN: "number of processor cores unknown", FR: "nombre de cœurs du processeur inconnu"},
	"check.cpu.mhz":             {EN: "processor at %d MHz: %s needs %d MHz", FR: "processeur à %d MHz\u202f: %s demande %d MHz"},
	"check.cpu.mhz_unknown":     {EN: "processor speed unknown", FR: "fréquence du processeur inconnue"},
	"check.ram.below_min":       {EN: "%s of RAM: %s needs at least %s", FR: "%s de RAM\u202f: %s demande au moins %s"},
	"check.ram.below_rec":       {EN: "%s of RAM: %s recommends %s", FR: "%s de RAM\u202f: %s recommande %s"},
	"check.ram.unknown":         {EN: "RAM size unknown", FR: "quantité de RAM inconnue"},
	"check.storage.none":        {EN: "no internal disk found: fit one of %s or more", FR: "aucun disque interne trouvé\u202f: en installer un de %s ou plus"},
	"check.storage.all_failing": {EN: "every internal disk is failing: nothing to install on", FR: "tous les disques internes sont défaillants\u202f: rien sur quoi installer"},
	"check.storage.small":       {EN: "largest disk %s holds %s: %s needs %s", FR: "le plus grand disque %s fait %s\u202f: %s demande %s"},
	"check.disk.failing":        {EN: "disk %s is failing (%s): it does not count as storage", FR: "le disque %s est défaillant (%s)\u202f: il ne compte pas comme stockage"},
	"check.disk.worn":           {EN: "disk %s is worn (%s)", FR: "le disque %s est usé (%s)"},
	"check.display.small":       {EN: "screen %dx%d: %s needs %dx%d", FR: "écran %dx%d\u202f: %s demande %dx%d"},
	"check.nvidia.open_only":    {EN: "NVIDIA %s GPU (%s): no proprietary driver on %s, open driver (nouveau) only", FR: "carte graphique NVIDIA %s (%s)\u202f: pas de pilote propriétaire sous %s, pilote libre (nouveau) seulement"},
	"check.broadcom":            {EN: "Broadcom Wi-Fi (%s): its driver is not on the installer", FR: "Wi-Fi Broadcom (%s)\u202f: son pilote n'est pas sur le support d'installation"},
	"check.secureboot":          {EN: "Secure Boot is on and this machine needs a third-party driver (%s)", FR: "Secure Boot est activé et cette machine a besoin d'un pilote tiers (%s)"},
	"check.uefi32":              {EN: "32-bit UEFI firmware: the 64-bit installer does not boot on it as is", FR: "micrologiciel UEFI 32 bits\u202f: l'installateur 64 bits n'y démarre pas tel quel"},
	"check.vm":                  {EN: "virtual machine (%s): the verdict describes the VM, not real hardware", FR: "machine virtuelle (%s)\u202f: le verdict décrit la VM, pas le vrai matériel"},
	"check.policy.ram":          {EN: "%s of RAM: the house policy asks for %s before a handover", FR: "%s de RAM\u202f: la règle de la maison demande %s avant une remise"},
	"check.policy.ssd":          {EN: "no SSD: the house policy asks for an SSD before a handover", FR: "pas de SSD\u202f: la règle de la maison demande un SSD avant une remise"},
	"check.policy.ssd_small":    {EN: "SSD of %s: the house policy asks for %s or more", FR: "SSD de %s\u202f: la règle de la maison demande %s ou plus"},
	"check.policy.battery":      {EN: "battery at %s %%: the house policy asks for %s %% or more", FR: "batterie à %s\u202f%%\u202f: la règle de la maison demande %s\u202f%% ou plus"},

	// A disk whose size was not read (issue 14).
	"check.storage.unknown":       {EN: "size of disk %s unknown (not in what was read): check it", FR: "taille du disque %s inconnue (absente de ce qui a été lu) : vérifiez-la"},
	"check.grade.storage_unknown": {EN: "grade %s needs a disk of %s (size unknown)", FR: "la catégorie %s demande un disque de %s (taille non lue)"},

	// Advice.
	"check.advice.ram":         {EN: "add %s of %s to reach %s (%s)", FR: "ajouter %s de %s pour atteindre %s (%s)"},
	"check.advice.ram_cap":     {EN: "the board takes at most %s: it cannot reach %s", FR: "la carte mère accepte au plus %s\u202f: impossible d'atteindre %s"},
	"check.advice.cpu32":       {EN: "32-bit processor: no current Zorin OS runs on it; keep the machine for parts or a 32-bit system", FR: "processeur 32 bits\u202f: aucun Zorin OS actuel ne tourne dessus\u202f; garder la machine pour pièces ou un système 32 bits"},
	"check.advice.disk_fit":    {EN: "fit an SSD of %s or more", FR: "installer un SSD de %s ou plus"},
	"check.advice.disk_larger": {EN: "replace the disk by an SSD of %s or more", FR: "remplacer le disque par un SSD de %s ou plus"},
	"check.advice.ssd":         {EN: "replace the HDD by an SSD of %s or more", FR: "remplacer le disque dur par un SSD de %s ou plus"},
	"check.advice.failing":     {EN: "disk %s is failing: replace it (erase or destroy it first)", FR: "le disque %s est défaillant\u202f: le remplacer (l'effacer ou le détruire d'abord)"},
	"check.advice.worn":        {EN: "disk %s is worn: plan to replace it", FR: "le disque %s est usé\u202f: prévoir son remplacement"},
	"check.advice.battery":     {EN: "battery at %s %%: replace it", FR: "batterie à %s\u202f%%\u202f: la remplacer"},
	"check.advice.broadcom":    {EN: "Broadcom Wi-Fi: plan a wired connection to install its driver", FR: "Wi-Fi Broadcom\u202f: prévoir un câble réseau pour installer son pilote"},
	"check.advice.nvidia_open": {EN: "NVIDIA %s GPU: open driver only on %s", FR: "carte NVIDIA %s\u202f: pilote libre seulement sous %s"},
	"check.advice.nvidia_last": {EN: "NVIDIA %s GPU: driver %d is the last branch for it (fixes only, no new features)", FR: "carte NVIDIA %s\u202f: le pilote %d est sa dernière branche (correctifs seulement)"},
	"check.advice.uefi32":      {EN: "32-bit UEFI: install the boot loader by hand (GRUB for i386-efi), or boot in legacy BIOS mode if the firmware offers it", FR: "UEFI 32 bits\u202f: installer le chargeur d'amorçage à la main (GRUB pour i386-efi), ou démarrer en mode BIOS hérité si le micrologiciel le propose"},
	"check.advice.secureboot":  {EN: "Secure Boot: enrol the driver's key (MOK) at the first reboot after installing it, or turn Secure Boot off", FR: "Secure Boot\u202f: enrôler la clé du pilote (MOK) au premier redémarrage après son installation, ou désactiver Secure Boot"},

	// Grades.
	"check.grade.ram":          {EN: "grade %s needs %s of RAM %s", FR: "la catégorie %s demande %s de RAM %s"},
	"check.grade.has":          {EN: "(has %s)", FR: "(a %s)"},
	"check.grade.has_unknown":  {EN: "(unknown)", FR: "(non lu)"},
	"check.grade.nodisk":       {EN: "no internal disk: graded as if fitted with the advised SSD", FR: "aucun disque interne\u202f: catégorie donnée comme si le SSD conseillé était installé"},
	"check.grade.ssd":          {EN: "grade %s needs an SSD", FR: "la catégorie %s demande un SSD"},
	"check.grade.storage":      {EN: "grade %s needs a disk of %s (has %s)", FR: "la catégorie %s demande un disque de %s (a %s)"},
	"check.grade.64bit":        {EN: "grade %s needs a 64-bit processor", FR: "la catégorie %s demande un processeur 64 bits"},
	"check.grade.cores":        {EN: "grade %s needs %d processor cores %s", FR: "la catégorie %s demande %d cœurs %s"},
	"check.grade.threads":      {EN: "grade %s needs %d logical processors %s", FR: "la catégorie %s demande %d processeurs logiques %s"},
	"check.grade.flags_unread": {EN: "processor flags not read (dmidecode only): grade %s's need for %s was not checked", FR: "catégorie %s\u202f: l'exigence %s n'a pas été vérifiée (indicateurs du processeur non lus, dmidecode seul)"},
	"check.grade.flag":         {EN: "grade %s needs a processor with %s", FR: "la catégorie %s demande un processeur avec %s"},
	"check.grade.battery":      {EN: "grade %s needs a battery at %s %% or more (has %s %%)", FR: "la catégorie %s demande une batterie à %s\u202f%% ou plus (a %s\u202f%%)"},

	// Profile files.
	"check.err.target_unknown":        {EN: "unknown target %q: choose among %s", FR: "cible %q inconnue\u202f: choisir parmi %s"},
	"check.err.profile_read":          {EN: "cannot read profiles %s: %s", FR: "impossible de lire les profils %s\u202f: %s"},
	"check.err.profile_empty_dir":     {EN: "%s: no .json profile file in this folder", FR: "%s\u202f: aucun fichier de profil .json dans ce dossier"},
	"check.err.profile_incomplete":    {EN: "profiles from %s: a profile, a policy and a grade grid are all needed", FR: "profils de %s\u202f: il faut au moins un profil, une règle de la maison et une grille de catégories"},
	"check.err.profile_json":          {EN: "%s: %s", FR: "%s\u202f: %s"},
	"check.err.profile_syntax":        {EN: "%s line %d: not valid JSON: %s", FR: "%s ligne %d\u202f: JSON invalide\u202f: %s"},
	"check.err.profile_type":          {EN: "%s line %d: field %q: a %s where a %s is expected", FR: "%s ligne %d\u202f: champ %q\u202f: un %s là où un %s est attendu"},
	"check.err.profile_unknown_field": {EN: "%s: unknown field %q (a typo?)", FR: "%s\u202f: champ %q inconnu (une faute de frappe\u202f?)"},
	"check.err.profile_trailing":      {EN: "%s: text after the end of the JSON object", FR: "%s\u202f: du texte après la fin de l'objet JSON"},
	"check.err.profile_kind":          {EN: "%s: field \"kind\": %q is not profile, policy or grades", FR: "%s\u202f: champ «\u00a0kind\u00a0»\u202f: %q n'est ni profile, ni policy, ni grades"},
	"check.err.profile_missing":       {EN: "%s: field %q is required", FR: "%s\u202f: le champ %q est obligatoire"},
	"check.err.profile_negative":      {EN: "%s: field %q: a negative number makes no sense", FR: "%s\u202f: champ %q\u202f: un nombre négatif n'a pas de sens"},
	"check.err.profile_source":        {EN: "%s: field %q: this figure has no source (a URL or a document)", FR: "%s\u202f: champ %q\u202f: ce chiffre n'a pas de source (une URL ou un document)"},
	"check.err.profile_note":          {EN: "%s: field %q: an unconfirmed figure needs a note saying why", FR: "%s\u202f: champ %q\u202f: un chiffre non confirmé demande une note qui explique pourquoi"},
	"check.err.profile_target":        {EN: "%s: field \"target\": %q is not a valid name (lower-case letters, digits, dashes)", FR: "%s\u202f: champ «\u00a0target\u00a0»\u202f: %q n'est pas un nom valide (minuscules, chiffres, tirets)"},
	"check.err.profile_dup":           {EN: "%s: target %q is already defined in %s", FR: "%s\u202f: la cible %q est déjà définie dans %s"},
	"check.err.profile_dup_kind":      {EN: "%s: a %s file is already given (%s): keep only one", FR: "%s\u202f: un fichier %s est déjà fourni (%s)\u202f: n'en garder qu'un"},
	"check.err.profile_pref":          {EN: "%s: field \"preferred_targets\": no profile for target %q", FR: "%s\u202f: champ «\u00a0preferred_targets\u00a0»\u202f: aucun profil pour la cible %q"},
	"check.err.grade_dup":             {EN: "%s: grade %q is defined twice", FR: "%s\u202f: la catégorie %q est définie deux fois"},
	// The check command and --save.
	"check.title":                      {EN: "%s — serial %s", FR: "%s — n° de série %s"},
	"check.col.target":                 {EN: "Target", FR: "Cible"},
	"check.col.fits":                   {EN: "Fits", FR: "Convient"},
	"check.col.reasons":                {EN: "Reasons", FR: "Raisons"},
	"check.fits.yes":                   {EN: "yes", FR: "oui"},
	"check.fits.warn":                  {EN: "with warnings", FR: "avec réserves"},
	"check.fits.no":                    {EN: "no", FR: "non"},
	"check.label.every_target":         {EN: "For every target:", FR: "Pour toutes les cibles\u202f:"},
	"check.label.grade":                {EN: "Grade", FR: "Catégorie"},
	"check.label.recommended":          {EN: "Recommended", FR: "Recommandé"},
	"check.label.advice":               {EN: "What to do:", FR: "À faire\u202f:"},
	"check.recommended.yes":            {EN: "%s (%s): fits", FR: "%s (%s)\u202f: convient"},
	"check.recommended.warn":           {EN: "%s (%s): fits with warnings", FR: "%s (%s)\u202f: convient avec réserves"},
	"check.label.reservations":         {EN: "Warnings about %s:", FR: "Réserves sur %s\u202f:"},
	"check.label.why_not":              {EN: "Why %s does not fit:", FR: "Pourquoi %s ne convient pas\u202f:"},
	"check.label.why_unsure":           {EN: "Why %s cannot be recommended yet:", FR: "Pourquoi %s ne peut pas encore être recommandé\u202f:"},
	"check.others":                     {EN: "Other targets: %s; atelier check --all lists every target with its reasons.", FR: "Autres cibles\u202f: %s\u202f; atelier check --all les liste toutes avec leurs raisons."},
	"check.others.yes":                 {EN: "%d fit", FR: "%d conviennent"},
	"check.others.yes.one":             {EN: "1 fits", FR: "1 convient"},
	"check.others.warn":                {EN: "%d fit with warnings", FR: "%d avec réserves"},
	"check.others.warn.one":            {EN: "1 fits with warnings", FR: "1 avec réserves"},
	"check.others.no":                  {EN: "%d do not fit", FR: "%d ne conviennent pas"},
	"check.others.no.one":              {EN: "1 does not fit", FR: "1 ne convient pas"},
	"check.cannot_recommend.ram":       {EN: "cannot recommend: RAM unknown", FR: "impossible de recommander\u202f: quantité de RAM inconnue"},
	"check.cannot_recommend.cpu64":     {EN: "cannot recommend: processor unknown (64-bit?)", FR: "impossible de recommander\u202f: processeur inconnu (64 bits\u202f?)"},
	"check.cannot_recommend.ram+cpu64": {EN: "cannot recommend: RAM and processor unknown", FR: "impossible de recommander\u202f: RAM et processeur inconnus"},
	"check.err.report_noschema":        {EN: "%s is not an atelier probe report (no \"schema\": %q): write one with atelier probe --json", FR: "%s n'est pas un rapport d'atelier probe (pas de «\u00a0schema\u00a0»\u202f: %q)\u202f: en écrire un avec atelier probe --json"},
	"check.none_fits":                  {EN: "none: no target fits", FR: "aucune\u202f: aucune cible ne convient"},
	"check.nothing_fits":               {EN: "no target fits this machine (exit code 3)", FR: "aucune cible ne convient à cette machine (code de sortie 3)"},
	"check.err.unit_without_save":      {EN: "--unit goes with --save", FR: "--unit s'utilise avec --save"},
	"check.err.report_and_sources":     {EN: "--report reads a saved report: it cannot be combined with --root, --dmidecode, --smartctl or --capture", FR: "--report lit un rapport enregistré\u202f: il ne se combine pas avec --root, --dmidecode, --smartctl ou --capture"},
	"check.err.report_read":            {EN: "cannot read the report %s: %s", FR: "impossible de lire le rapport %s\u202f: %s"},
	"check.err.report_json":            {EN: "%s is not a probe report (atelier probe --json): %s", FR: "%s n'est pas un rapport de probe (atelier probe --json)\u202f: %s"},
	"check.err.report_schema":          {EN: "%s: report schema %q, this atelier reads %q", FR: "%s\u202f: schéma de rapport %q, cet atelier lit %q"},
	"check.err.gather":                 {EN: "cannot probe the machine: %v", FR: "impossible d'examiner la machine\u202f: %v"},
	"check.save.done": {Count: 4,
		EN: "unit %s: %s, grade %s, %d disks recorded (to erase before it leaves)", ENOne: "unit %s: %s, grade %s, %d disk recorded (to erase before it leaves)",
		FR: "unité %s\u202f: %s, catégorie %s, %d disques enregistrés (à effacer avant son départ)", FROne: "unité %s\u202f: %s, catégorie %s, %d disque enregistré (à effacer avant son départ)"},
	"check.save.disk_noserial":   {EN: "warning: disk %s has no readable serial: recorded under the stand-in identity %s; write that on the disk (or note it on unit %s) and erase it before the unit leaves", FR: "attention\u202f: le disque %s n'a pas de numéro de série lisible\u202f: enregistré sous l'identité de remplacement %s\u202f; l'écrire sur le disque (ou le noter sur l'unité %s) et l'effacer avant le départ de l'unité"},
	"check.save.disk_removable":  {EN: "not recorded (removable or USB, taken for the live USB stick): %s; if one is the donation's disk, record it on unit %s by erasing it with atelier wipe --unit", FR: "non enregistré(s) (amovible ou USB, pris pour la clé USB de démarrage)\u202f: %s\u202f; si l'un d'eux fait partie du don, l'enregistrer sur l'unité %s en l'effaçant avec atelier wipe --unit"},
	"check.save.no_serial":       {EN: "this machine has no usable serial number (%q): pass --unit ID", FR: "cette machine n'a pas de numéro de série utilisable (%q)\u202f: indiquez --unit ID"},
	"check.save.walkin_refused":  {EN: "no unit with serial %q in the ledger: register it first (atelier intake add --serial %s) or pass --unit ID (a walk-in is registered by --save only after a confirmation in a terminal)", FR: "aucune unité avec le n° de série %q dans le registre\u202f: l'enregistrer d'abord (atelier intake add --serial %s) ou indiquer --unit ID (--save n'enregistre un don direct qu'après confirmation dans un terminal)"},
	"check.save.walkin_prompt":   {EN: "No unit with serial %q in the ledger. Register this machine (%s) as a walk-in donation? [y/N] ", FR: "Aucune unité avec le n° de série %q dans le registre. Enregistrer cette machine (%s) comme don direct\u202f? [o/N] "},
	"check.save.walkin_declined": {EN: "not registered: nothing was saved", FR: "non enregistrée\u202f: rien n'a été sauvegardé"},

	// --help
	"check.help.short": {EN: "Judge this machine (or a saved report) against Zorin OS editions and the house policy", FR: "Juger cette machine (ou un rapport enregistré) face aux éditions de Zorin OS et à la règle de la maison"},
	"check.help.long": {EN: `check tells whether each target (Zorin OS 17 and 18: Core, Education, Lite,
Pro) fits the machine: yes, with warnings, or no, every reason in plain words,
and what to do (RAM to add, SSD, battery, drivers). It also gives a grade
(A/B/C/D from the association's grid) and the recommended target.

The output leads with what matters: the recommended target and how well it
fits, the grade, the reasons (or why the preferred target does not fit) and
what to do; the other targets are counted in one line. --all adds a table of
every target with its own reasons; --json always holds every target.

The machine is probed live, like atelier probe, unless --report reads a saved
probe report (atelier probe --json > report.json). --root, --dmidecode and
--smartctl read captured data instead, as for probe.

The requirement profiles, the house policy and the grade grid are data files
built into atelier; --profiles DIR (or ATELIER_PROFILES) points to a folder of
the association's own .json files (or to one file), which replace the built-in
ones of the same target or kind.

--save records the report and verdict on the unit whose serial matches the
machine's (or --unit) and moves a received unit to triaged; every disk is
recorded so it must be erased before the unit leaves. A machine not in the
ledger is registered as a walk-in donation only after a confirmation in a
terminal; in a script, register it first with atelier intake add.

Exit codes: 0 when at least one target fits (with or without warnings),
3 when no target fits, 1 when the machine could not be judged.`, FR: `check dit si chaque cible (Zorin OS 17 et 18 : Core, Education, Lite, Pro)
convient à la machine : oui, avec réserves ou non, chaque raison en clair, et
ce qu'il faut faire (RAM à ajouter, SSD, batterie, pilotes). Il donne aussi
une catégorie (A/B/C/D selon la grille de l'association) et la cible
recommandée.

La sortie commence par l'essentiel : la cible recommandée et si elle convient,
la catégorie, les raisons (ou pourquoi la cible préférée ne convient pas) et
ce qu'il faut faire ; les autres cibles sont comptées en une ligne. --all
ajoute un tableau de toutes les cibles avec leurs raisons ; --json les donne
toujours toutes.

La machine est examinée en direct, comme avec atelier probe, sauf si --report
lit un rapport enregistré (atelier probe --json > rapport.json). --root,
--dmidecode et --smartctl lisent des données capturées, comme pour probe.

Les profils d'exigences, la règle de la maison et la grille des catégories
sont des fichiers de données intégrés à atelier ; --profiles DOSSIER (ou
ATELIER_PROFILES) désigne un dossier de fichiers .json de l'association (ou un
seul fichier), qui remplacent ceux intégrés de même cible ou de même type.

--save enregistre le rapport et le verdict sur l'unité dont le numéro de série
est celui de la machine (ou --unit) et fait passer une unité reçue à « triée » ;
chaque disque est enregistré et devra être effacé avant le départ de l'unité.
Une machine absente du registre n'est enregistrée comme don direct qu'après
confirmation dans un terminal ; dans un script, l'enregistrer d'abord avec
atelier intake add.

Codes de sortie : 0 si au moins une cible convient (avec ou sans réserves),
3 si aucune ne convient, 1 si la machine n'a pas pu être jugée.`},
	"check.help.flag.all":       {EN: "also list every target in a table, each with its own reasons", FR: "lister aussi toutes les cibles dans un tableau, chacune avec ses raisons"},
	"check.help.flag.capture":   {EN: "also write everything read to this .tar.gz, replayable with --root", FR: "écrire aussi tout ce qui est lu dans ce .tar.gz, relisible avec --root"},
	"check.help.flag.dmidecode": {EN: "read a dmidecode text dump", FR: "lire une sortie texte de dmidecode"},
	"check.help.flag.no-tools":  {EN: "do not run dmidecode and smartctl", FR: "ne pas lancer dmidecode ni smartctl"},
	"check.help.flag.profiles":  {EN: "folder (or file) of the association's profiles, policy and grades (env ATELIER_PROFILES)", FR: "dossier (ou fichier) des profils, de la règle de la maison et des catégories de l'association (variable ATELIER_PROFILES)"},
	"check.help.flag.report":    {EN: "judge a saved probe report (JSON) instead of probing", FR: "juger un rapport de probe enregistré (JSON) au lieu d'examiner la machine"},
	"check.help.flag.root":      {EN: "read a captured tree (directory or .tar.gz) instead of this machine", FR: "lire une arborescence capturée (dossier ou .tar.gz) au lieu de cette machine"},
	"check.help.flag.save":      {EN: "record the report and verdict in the ledger, on the unit with the machine's serial", FR: "enregistrer le rapport et le verdict dans le registre, sur l'unité qui a le n° de série de la machine"},
	"check.help.flag.smartctl":  {EN: "read a smartctl --json output (repeatable, one per disk)", FR: "lire une sortie smartctl --json (répétable, une par disque)"},
	"check.help.flag.target":    {EN: "judge only this target (repeatable), e.g. zorin-18-core", FR: "ne juger que cette cible (répétable), par ex. zorin-18-core"},
	"check.help.flag.unit":      {EN: "with --save: the unit to record on (id, serial or asset tag)", FR: "avec --save\u202f: l'unité sur laquelle enregistrer (identifiant, n° de série ou n° d'inventaire)"},
}
