package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/internal/termui"
)

// wipeProgress draws one line per disk (percent, MB/s, ETA) on a terminal;
// elsewhere (scripts, CI logs) it prints one line when each disk starts.
type wipeProgress struct {
	g  *globals
	p  *mpb.Progress
	mu sync.Mutex
}

func newWipeProgress(g *globals) *wipeProgress {
	w := &wipeProgress{g: g}
	// mpb draws nothing on a terminal of unknown width (some serial
	// consoles): those get the plain lines.
	if f, ok := g.stderr.(*os.File); ok && termui.IsTerminal(f) {
		if cols, _, err := term.GetSize(int(f.Fd())); err != nil || cols < 20 {
			return w
		}
		w.p = mpb.New(mpb.WithOutput(g.stderr), mpb.WithWidth(30))
	}
	return w
}

type wipeBar struct {
	bar *mpb.Bar
	mu  sync.Mutex
	tot int64
}

func (w *wipeProgress) add(dev string, p wipe.Plan) *wipeBar {
	if w.p == nil {
		w.mu.Lock()
		fmt.Fprintln(w.g.stderr, w.g.T("wipe.starting", dev, p.Technique, p.Verify))
		w.mu.Unlock()
		return &wipeBar{}
	}
	b := w.p.AddBar(0, // total unknown until the engine reports it
		mpb.PrependDecorators(decor.Name(dev, decor.WCSyncSpaceR), decor.Percentage(decor.WCSyncSpace)),
		mpb.AppendDecorators(
			decor.AverageSpeed(decor.SizeB1000(0), "% .1f", decor.WCSyncSpace),
			decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_MMSS),
		),
		mpb.BarFillerClearOnComplete(),
	)
	return &wipeBar{bar: b}
}

// update is the engine's progress callback (bytes done, total).
func (b *wipeBar) update(done, total int64) {
	if b == nil || b.bar == nil {
		return
	}
	b.mu.Lock()
	if total != b.tot {
		b.tot = total
		b.bar.SetTotal(total, false)
	}
	b.mu.Unlock()
	b.bar.SetCurrent(done)
}

func (b *wipeBar) done(status string) {
	if b == nil || b.bar == nil {
		return
	}
	if status == wipe.StatusPassed {
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

var _ io.Writer = (*mpb.Progress)(nil)
