package main

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/termui"
)

// progress is the one progress display of wipe and deploy: one line per
// disk naming the disk, the step, percent, speed in the user's units and
// time left, ending with the total time and average speed ("done in 3 s,
// 512 MB/s"). On a terminal of known width it draws one live bar per disk;
// on a terminal whose width is unknown (serial consoles, `script` without
// stty cols) mpb would draw nothing, so it prints plain lines every few
// seconds instead; elsewhere (scripts, CI logs) it prints a line when a
// step starts and a plain line now and then, so a long run still shows it
// is alive.
type progress struct {
	g     *globals
	p     *mpb.Progress
	every time.Duration // plain lines: at most one per disk this often
	mu    sync.Mutex    // plain lines from several disks do not interleave
}

func newProgress(g *globals) *progress {
	w := &progress{g: g, every: 30 * time.Second}
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

// diskBar is one disk's progress, fed by the engine.
type diskBar struct {
	w     *progress
	dev   string
	bar   *mpb.Bar
	start time.Time

	mu       sync.Mutex
	tot, cur int64
	step     string // the step, in the user's language
	stepAt   time.Time
	stepBase int64 // bytes done when the step started
	lastLine time.Time
	doneText string // set once finished: "done in 3 s, 512 MB/s"
}

// add starts a disk's line; first is the step it starts with and intro,
// when not "", the line plain output starts with.
func (w *progress) add(dev, first, intro string) *diskBar {
	b := &diskBar{w: w, dev: dev, start: time.Now(), stepAt: time.Now(), step: first}
	if w.p == nil {
		if intro != "" {
			w.println(intro)
		}
		return b
	}
	b.bar = w.p.AddBar(0, // total unknown until the engine reports it
		mpb.PrependDecorators(decor.Name(dev, decor.WCSyncSpaceR),
			decor.Any(func(decor.Statistics) string { return b.stepLabel() }, decor.WCSyncSpaceR),
			decor.Percentage(decor.WCSyncSpace)),
		mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return b.rateETA() }, decor.WCSyncSpace)),
	)
	return b
}

func (w *progress) println(line string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fmt.Fprintln(w.g.stderr, line)
}

// phase says a new step starts (already in the user's language).
func (b *diskBar) phase(step string) {
	b.mu.Lock()
	b.step, b.stepAt, b.stepBase = step, time.Now(), b.cur
	b.mu.Unlock()
	if b.bar == nil {
		b.w.println(b.w.g.T("wipe.progress.phase", b.dev, step))
	}
}

// update is the engine's progress callback (bytes done, total, both over
// the whole run: the total grows when a step is added).
func (b *diskBar) update(done, total int64) {
	b.mu.Lock()
	b.cur = done
	newTotal := total != b.tot
	b.tot = total
	plain := b.bar == nil && time.Since(b.lastLine) >= b.w.every && time.Since(b.stepAt) >= b.w.every
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
		b.w.println(b.w.g.T("wipe.progress.line", b.dev, b.stepLabel(), done*100/total, b.rateETA()))
	}
}

func (b *diskBar) stepLabel() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.step
}

// rateETA is the current step's speed (MB/s, Mo/s in French) and the time
// left at that speed for all that remains; once finished, the total time
// and the average speed.
func (b *diskBar) rateETA() string {
	b.mu.Lock()
	done, tot, base, at, final := b.cur, b.tot, b.stepBase, b.stepAt, b.doneText
	b.mu.Unlock()
	if final != "" {
		return final
	}
	secs := time.Since(at).Seconds()
	if secs < 0.5 || done <= base {
		return b.w.g.T("wipe.progress.rate", "…") + ", " + b.w.g.T("wipe.progress.eta", "…")
	}
	rate := float64(done-base) / secs
	left := time.Duration(float64(max(tot-done, 0)) / rate * float64(time.Second)).Round(time.Second)
	return b.w.g.T("wipe.progress.rate", mbps(b.w.g.lang(), rate)) + ", " + b.w.g.T("wipe.progress.eta", clock(left))
}

// finish ends the disk's line: passed (ok) with the total time and the
// average speed over everything read and written, which a run too short
// for a live speed still shows; otherwise kept where it stopped.
func (b *diskBar) finish(ok bool) {
	b.mu.Lock()
	d, n := time.Since(b.start), b.cur
	b.mu.Unlock()
	b.finishWith(ok, doneIn(b.w.g.lang(), d, n))
}

// finishWith ends the line on text, a "done in" that the caller computed
// from the same bytes and time as its own summary, so the two agree.
func (b *diskBar) finishWith(ok bool, text string) {
	if !ok {
		if b.bar != nil {
			b.bar.Abort(false)
		}
		return
	}
	b.mu.Lock()
	b.doneText = text
	b.mu.Unlock()
	if b.bar == nil {
		b.w.println(b.w.g.T("progress.finished", b.dev, text))
		return
	}
	b.bar.SetTotal(-1, true)
}

func (w *progress) wait() {
	if w.p != nil {
		w.p.Wait()
	}
}

// doneIn is "done in 3 s, 512 MB/s" ("terminé en 3 s, 512 Mo/s").
func doneIn(lang i18n.Lang, d time.Duration, bytes int64) string {
	if bytes <= 0 || d <= 0 {
		return lang.T("progress.done", duration(lang, d))
	}
	return lang.T("progress.done.rate", duration(lang, d), mbps(lang, float64(bytes)/d.Seconds()))
}

// duration says a run's length the way a person does: "40 ms", "3 s",
// "2 min 05 s", "1 h 02 min" (decimal comma in French).
func duration(lang i18n.Lang, d time.Duration) string {
	sp := unitSpace(lang)
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d%sms", max(d.Milliseconds(), 1), sp)
	case d < time.Minute:
		return fmt.Sprintf("%d%ss", int(d.Round(time.Second).Seconds()), sp)
	case d < time.Hour:
		s := int(d.Round(time.Second).Seconds())
		return fmt.Sprintf("%d%smin%s%02d%ss", s/60, sp, sp, s%60, sp)
	}
	m := int(d.Round(time.Minute).Minutes())
	return fmt.Sprintf("%d%sh%s%02d%smin", m/60, sp, sp, m%60, sp)
}

// unitSpace goes between a number and its unit: the narrow no-break space
// in French, as the catalogue's sizes and seconds have it; a no-break space
// in English, so "3 s" never splits across lines.
func unitSpace(lang i18n.Lang) string {
	if lang == i18n.FR {
		return "\u202f"
	}
	return "\u00a0"
}

// mbps is a speed in MB/s as a number: one decimal below 10.
func mbps(lang i18n.Lang, bytesPerSec float64) string {
	v := bytesPerSec / 1e6
	if v < 10 {
		return decimal(lang, fmt.Sprintf("%.1f", v))
	}
	return fmt.Sprintf("%.0f", v)
}

func decimal(lang i18n.Lang, s string) string {
	if lang == i18n.FR {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// clock writes a duration as h:mm:ss or m:ss.
func clock(d time.Duration) string {
	s := int(d.Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
