package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/workshop"
)

// The workshop sessions' outside world as this machine has it: the real
// guard, disks, terminal and progress display, and their messages in the
// operator's language.

// say translates a session's message; an error among its arguments is
// said in the operator's language too.
func (g *globals) say(m workshop.Message) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if err, ok := a.(error); ok {
			a = g.errText(err)
		}
		args[i] = a
	}
	return g.T(m.Key, args...)
}

// errText is an error from a session's collaborators in the operator's
// language: a ledger refusal, a certificate problem, a nested session
// refusal.
func (g *globals) errText(err error) string {
	var we *workshop.Error
	if errors.As(err, &we) {
		return g.say(we.Message)
	}
	err = g.ledgerErr(err)
	var ie *i18n.Error
	if errors.As(err, &ie) {
		return ie.In(g.lang())
	}
	return reports.Message(err, g.lang())
}

// sessionErr turns a session's keyed refusal into the operator's language;
// ledger errors are translated as everywhere else.
func (g *globals) sessionErr(err error) error {
	var we *workshop.Error
	if errors.As(err, &we) {
		return &i18n.Error{Key: we.Key, Text: g.say(we.Message)}
	}
	return g.ledgerErr(err)
}

// guard is imaging's safety guard with this bench's kept files.
type guard struct{ g *globals }

func (a guard) Check(ctx context.Context, path string) (imaging.BlockDevice, error) {
	d, err := imaging.Inspect(ctx, path, a.g.guardOptions())
	if err != nil {
		return d, err
	}
	return d, d.Refusal() // keyed: errText says it in the operator's language
}

// prompt is the operator at this terminal (or nobody, in a script).
type prompt struct {
	g   *globals
	yes bool
}

func (p prompt) Interactive() bool { return p.g.interactive() }

func (p prompt) Confirm(d imaging.BlockDevice) error {
	return p.g.diskConfirm().confirm(d, imaging.ConfirmOptions{Yes: p.yes, Interactive: p.g.interactive()})
}

func (p prompt) YesNo(q workshop.Message) bool { return confirm(p.g.stdin, p.g.stderr, p.g.say(q)) }

// localDisks opens this machine's disks exclusively, with direct I/O.
type localDisks struct{}

func (localDisks) Open(path string) (workshop.Medium, int64, error) {
	f, err := imaging.OpenReadWrite(path, true)
	if err != nil {
		return nil, 0, err
	}
	size, err := imaging.DeviceSize(f)
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, size, nil
}

// wipeDisplay is the shared progress display (progress.go) as a wipe
// session's sink, drawn from the first disk's start: refusals and
// questions before it are not mixed with bars.
type wipeDisplay struct {
	g    *globals
	once sync.Once
	ui   *progress
}

func (w *wipeDisplay) Start(dev string, p wipe.Plan) workshop.WipeBar {
	w.once.Do(func() { w.ui = newWipeProgress(w.g) })
	return w.ui.addWipe(dev, p)
}

// wait lets the display draw its last lines.
func (w *wipeDisplay) wait() {
	w.once.Do(func() {}) // no disk started: nothing was drawn
	if w.ui != nil {
		w.ui.wait()
	}
}

// warnNow says a session's warning on stderr at once.
func (g *globals) warnNow(m workshop.Message) {
	fmt.Fprintln(g.stderr, g.T("wipe.warning", g.say(m)))
}
