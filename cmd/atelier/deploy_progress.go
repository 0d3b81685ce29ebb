package main

import (
	"io"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// barProgress shows one mpb bar per deploy phase (write, then read-back):
// percent, MB/s and time left, on stderr so stdout stays for the result.
type barProgress struct {
	p    *mpb.Progress
	bar  *mpb.Bar
	lang i18n.Lang
}

func newBarProgress(w io.Writer, lang i18n.Lang) *barProgress {
	return &barProgress{p: mpb.New(mpb.WithOutput(w), mpb.WithWidth(40)), lang: lang}
}

func (b *barProgress) Phase(name string, total int64) {
	b.end()
	b.bar = b.p.New(total, mpb.BarStyle(),
		mpb.PrependDecorators(
			decor.Name(b.lang.T("deploy.phase."+name), decor.WC{C: decor.DindentRight | decor.DextraSpace}),
			decor.Percentage(decor.WCSyncSpace)),
		mpb.AppendDecorators(
			decor.AverageSpeed(decor.SizeB1000(0), "% .1f", decor.WCSyncSpace),
			decor.Name(" ETA "),
			decor.AverageETA(decor.ET_STYLE_MMSS)),
	)
}

func (b *barProgress) Add(n int64) {
	if b.bar != nil {
		b.bar.IncrInt64(n)
	}
}

// end closes the current bar: complete when it reached its total, else
// aborted (kept on screen, so the operator sees where it stopped).
func (b *barProgress) end() {
	if b.bar != nil && !b.bar.Completed() {
		b.bar.Abort(false)
	}
	b.bar = nil
}

// Wait ends the last bar and lets mpb draw the final state.
func (b *barProgress) Wait() {
	b.end()
	b.p.Wait()
}
