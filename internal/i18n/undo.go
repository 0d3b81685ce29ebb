package i18n

// undoMessages: atelier unit undo (issue 14), a correction that reverses a
// unit's last move, and why it may not; and check --save on a machine that
// has no serial (issue 14.1).
var undoMessages = Catalog{
	"undo.noreason": {
		EN: "unit undo needs --reason: say why the move was a mistake (kept in the timeline)",
		FR: "unit undo demande --reason\u202f: dites pourquoi ce changement était une erreur (gardé dans l'historique)",
	},
	"undo.nothing": {
		EN: "%s has no move to undo: it is as it was received",
		FR: "%s n'a aucun changement d'état à annuler\u202f: il est tel qu'il a été reçu",
	},
	"undo.undo": {
		EN: "the last change of %s is already an undo, which is not undone: make the move again with atelier unit move",
		FR: "le dernier changement de %s est déjà une annulation, qui ne s'annule pas\u202f: refaites le changement avec atelier unit move",
	},
	"undo.fact": {
		EN: "%s became %s through a %s, which is a fact, not a move: it cannot be undone",
		FR: "%s est devenu «\u00a0%s\u00a0» par un %s, qui est un fait et non un changement d'état\u202f: il ne peut pas être annulé",
	},
	"undo.by.deploy": {EN: "deploy", FR: "déploiement"},
	"undo.by.wipe":   {EN: "wipe", FR: "effacement"},
	"undo.by.probe":  {EN: "probe", FR: "examen"},
	"undo.by.other":  {EN: "recorded step", FR: "enregistrement"},
	"undo.returned": {
		EN: "the return of %s cannot be undone: its disks held a beneficiary's data and must be erased again",
		FR: "le retour de %s ne peut pas être annulé\u202f: ses disques ont contenu les données d'un bénéficiaire et doivent être effacés à nouveau",
	},
	"undo.later": {
		EN: "the move of %s to %s cannot be undone: something happened since (%s at %s)",
		FR: "le passage de %s à «\u00a0%s\u00a0» ne peut pas être annulé\u202f: il s'est passé quelque chose depuis (%s le %s)",
	},
	"undo.conflict": {
		EN: "%s has an open conflict (event %s: another bench's move that did not apply): which move an undo would reverse is unclear; look at it (atelier ledger conflicts), then: atelier ledger resolve %[2]s",
		FR: "%s a un conflit ouvert (événement %s\u202f: le changement d'un autre établi, non appliqué)\u202f: on ne sait pas quel changement une annulation défairait\u202f; examinez-le (atelier ledger conflicts), puis\u202f: atelier ledger resolve %[2]s",
	},
	"undo.done": {
		EN: "%s: move to %s undone, back to %s",
		FR: "%s\u202f: passage à «\u00a0%s\u00a0» annulé, retour à «\u00a0%s\u00a0»",
	},
	// check --save on a machine without a usable serial (issue 14.1).
	"check.save.skipped_noserial": {
		EN: "warning: not recorded in the ledger: this machine has no usable serial number (%q); to record it, say which unit: atelier check --save --unit ID (atelier intake add registers a walk-in)",
		FR: "attention\u202f: rien n'est enregistré dans le registre\u202f: cette machine n'a pas de numéro de série utilisable (%q)\u202f; pour l'enregistrer, indiquez l'unité\u202f: atelier check --save --unit ID (atelier intake add enregistre un don direct)",
	},
	"ev.undone": {EN: "%s undone, back to %s: %s", FR: "«\u00a0%s\u00a0» annulé, retour à «\u00a0%s\u00a0»\u202f: %s"},
	"replay.undo": {
		EN: "it undoes %s's move %s, which is not its last move or not the state it restores",
		FR: "il annule, pour %s, le changement %s, qui n'est pas son dernier changement ou pas l'état qu'il rétablit",
	},
}
