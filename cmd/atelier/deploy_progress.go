package main

import (
	"sync"
)

// deployBar feeds the shared progress display (progress.go) from the
// deploy engine: each phase ("write", then "verify") adds its bytes to the
// run's total, so the line shows the whole run as wipe's does.
type deployBar struct {
	g   *globals
	bar *diskBar

	mu       sync.Mutex // the engine may report from several goroutines
	cur, tot int64
}

func newDeployBar(g *globals, ui *progress, dev string) *deployBar {
	return &deployBar{g: g, bar: ui.add(dev, g.T("deploy.phase.write"), "")}
}

func (d *deployBar) Phase(name string, total int64) {
	d.mu.Lock()
	d.tot = d.cur + total
	cur, tot := d.cur, d.tot
	d.mu.Unlock()
	d.bar.phase(d.g.T("deploy.phase." + name))
	d.bar.update(cur, tot)
}

func (d *deployBar) Add(n int64) {
	d.mu.Lock()
	d.cur += n
	cur, tot := d.cur, d.tot
	d.mu.Unlock()
	d.bar.update(cur, tot)
}
