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

// Update is the engine's progress callback.
func (b wipeBar) Update(done, total int64) { b.diskBar.update(done, total) }

// Phase is the engine's phase callback.
func (b wipeBar) Phase(name string) { b.diskBar.phase(b.w.g.T("wipe.phase." + name)) }

// Done ends the line: a wipe that wrote everything shows its time and speed.
func (b wipeBar) Done(status string) {
	b.finish(status == wipe.StatusPassed || status == wipe.StatusUnverified)
}
