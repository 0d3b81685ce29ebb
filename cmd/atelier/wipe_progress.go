package main

import (
	"github.com/pcsolidaire/atelier/imaging/wipe"
)

// newWipeProgress is the shared progress display (progress.go), fed by
// the wipe engine's callbacks through wipeBar.
func newWipeProgress(g *globals) *progress { return newProgress(g) }

// wipeBar turns the engine's phase names into the user's words.
type wipeBar struct{ *diskBar }

func (w *progress) addWipe(dev string, p wipe.Plan) wipeBar {
	first := w.g.T("wipe.phase." + wipe.PhaseWriting)
	if wipe.IsFirmware(p.Technique) {
		first = w.g.T("wipe.phase." + wipe.PhaseErasing)
	}
	return wipeBar{w.add(dev, first, w.g.T("wipe.starting", dev, p.Technique, verifyWord(w.g, p.Verify)))}
}

// phase is the engine's phase callback.
func (b wipeBar) phase(name string) { b.diskBar.phase(b.w.g.T("wipe.phase." + name)) }

// done ends the line: a wipe that wrote everything shows its time and speed.
func (b wipeBar) done(status string) {
	b.finish(status == wipe.StatusPassed || status == wipe.StatusUnverified)
}
