package main

import (
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/internal/termui"
)

// wipeProgress shows each disk's phase (erasing, writing, verifying),
// percent, speed in the user's units and time left. On a terminal of known
// width it draws one live bar per disk; on a terminal whose width is
// unknown (serial consoles, `script` without stty cols) mpb would draw
// nothing, so it prints plain lines every few seconds instead; elsewhere
// (scripts, CI logs) it prints a line when a phase starts and a plain line
// now and then, so a long wipe still shows it is alive.
type wipeProgress struct {
	g     *globals
	p     *mpb.Progress
	every time.Duration // plain lines: at most one per disk this often
	mu    sync.Mutex    // plain lines from several disks do not interleave
}

func newWipeProgress(g *globals) *wipeProgress {
	w := &wipeProgress{g: g, every: 30 * time.Second}
	if f, ok := g.stderr.(*os.File); ok && termui.IsTerminal(f) {
		w.every = 3 * time.Second
		// mpb draws no more lines than the terminal's height: a pty with
		// columns but no rows set shows nothing at all.
		if cols, rows, err := term.GetSize(int(f.Fd())); err != nil || cols < 20 || rows < 2 {
			return w
		}
		w.p = mpb.New(mpb.WithOutput(g.stderr), mpb.WithWidth(24))
	}
	return w
}

// wipeBar is one disk's progress, fed by the engine.
type wipeBar struct {
	w   *wipeProgress
	dev string
	bar *mpb.Bar

	mu        sync.Mutex
	tot, cur  int64
	phaseName string
	phaseAt   time.Time // when the phase started
	phaseBase int64     // bytes done when it started
	lastLine  time.Time
}

func (w *wipeProgress) add(dev string, p wipe.Plan) *wipeBar {
	b := &wipeBar{w: w, dev: dev, phaseAt: time.Now()}
	if w.p == nil {
		w.println(w.g.T("wipe.starting", dev, p.Technique, verifyWord(w.g, p.Verify)))
		return b
	}
	b.bar = w.p.AddBar(0, // total unknown until the engine reports it
		mpb.PrependDecorators(decor.Name(dev, decor.WCSyncSpaceR),
			decor.Any(func(decor.Statistics) string { return b.phaseLabel() }, decor.WCSyncSpaceR),
			decor.Percentage(decor.WCSyncSpace)),
		mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return b.rateETA() }, decor.WCSyncSpace)),
		mpb.BarFillerClearOnComplete(),
	)
	return b
}

func (w *wipeProgress) println(line string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fmt.Fprintln(w.g.stderr, line)
}

// phase is the engine's phase callback.
func (b *wipeBar) phase(name string) {
	b.mu.Lock()
	b.phaseName, b.phaseAt, b.phaseBase = name, time.Now(), b.cur
	b.mu.Unlock()
	if b.bar == nil {
		b.w.println(b.w.g.T("wipe.progress.phase", b.dev, b.phaseLabel()))
	}
}

// update is the engine's progress callback (bytes done, total).
func (b *wipeBar) update(done, total int64) {
	b.mu.Lock()
	b.cur = done
	newTotal := total != b.tot
	b.tot = total
	plain := b.bar == nil && time.Since(b.lastLine) >= b.w.every && time.Since(b.phaseAt) >= b.w.every
	if plain {
		b.lastLine = time.Now()
	}
	b.mu.Unlock()
	if b.bar != nil {
		if newTotal {
			b.bar.SetTotal(total, false)
		}
		b.bar.SetCurrent(done)
		return
	}
	if plain && total > 0 {
		b.w.println(b.w.g.T("wipe.progress.line", b.dev, b.phaseLabel(), done*100/total, b.rateETA()))
	}
}

// phaseLabel is the phase in the user's language.
func (b *wipeBar) phaseLabel() string {
	b.mu.Lock()
	name := b.phaseName
	b.mu.Unlock()
	if name == "" {
		name = wipe.PhaseWriting
	}
	return b.w.g.T("wipe.phase." + name)
}

// rateETA is the current phase's speed (MB/s, Mo/s in French) and the time
// left at that speed for all that remains.
func (b *wipeBar) rateETA() string {
	b.mu.Lock()
	done, tot, base, at := b.cur, b.tot, b.phaseBase, b.phaseAt
	b.mu.Unlock()
	secs := time.Since(at).Seconds()
	if secs < 0.5 || done <= base {
		return b.w.g.T("wipe.progress.rate", "…") + ", " + b.w.g.T("wipe.progress.eta", "…")
	}
	rate := float64(done-base) / secs
	left := time.Duration(float64(max(tot-done, 0)) / rate * float64(time.Second)).Round(time.Second)
	return b.w.g.T("wipe.progress.rate", fmt.Sprintf("%.0f", rate/1e6)) + ", " + b.w.g.T("wipe.progress.eta", clock(left))
}

// clock writes a duration as h:mm:ss or m:ss.
func clock(d time.Duration) string {
	s := int(d.Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

func (b *wipeBar) done(status string) {
	if b.bar == nil {
		return
	}
	if status == wipe.StatusPassed || status == wipe.StatusUnverified {
		b.bar.SetTotal(-1, true)
		return
	}
	b.bar.Abort(false)
}

func (w *wipeProgress) wait() {
	if w.p != nil {
		w.p.Wait()
	}
}
