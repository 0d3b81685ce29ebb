package i18n

// countMessages are counted nouns ("1 unité", "3 unités"; "0 unité" in
// French) that a message holding several numbers takes as arguments:
// M("count.units", n) renders with each language's plural rule, where a
// "(s)" would not.
var countMessages = Catalog{
	"count.events": {Count: 1,
		EN: "%d events", ENOne: "%d event",
		FR: "%d événements", FROne: "%d événement"},
	"count.benches": {Count: 1,
		EN: "%d benches", ENOne: "%d bench",
		FR: "%d postes", FROne: "%d poste"},
	"count.units": {Count: 1,
		EN: "%d units", ENOne: "%d unit",
		FR: "%d unités", FROne: "%d unité"},
	"count.disks.erased": {Count: 1,
		EN: "%d disks erased", ENOne: "%d disk erased",
		FR: "%d disques effacés", FROne: "%d disque effacé"},
	"count.checked": {Count: 1,
		EN: "%d already checked", ENOne: "%d already checked",
		FR: "%d déjà contrôlés", FROne: "%d déjà contrôlé"},
	"count.checks": {Count: 1,
		EN: "%d checks", ENOne: "%d check",
		FR: "%d contrôles", FROne: "%d contrôle"},
	"count.disks": {Count: 1,
		EN: "%d disks", ENOne: "%d disk",
		FR: "%d disques", FROne: "%d disque"},
}
