package main

import (
	"path/filepath"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// guardOptions are the safety guard's options for this run: besides what
// it finds on the machine, the files of this bench's ledger (the ledger,
// its SQLite journals, the bench key) that no wipe or deploy may reach,
// not even through a loop device backed by one of them. The same options
// serve disks, wipe and deploy, so that what disks marks is what the
// others refuse.
func (g *globals) guardOptions() imaging.ListOptions {
	var o imaging.ListOptions
	p, err := g.ledgerPath()
	if err != nil {
		return o // no ledger can be named, so none can be reached
	}
	dir := filepath.Dir(p)
	if inventory.IsPostgres(p) { // no file here: only the bench key to keep
		dir = inventory.DefaultKeyDir()
	} else {
		for _, f := range []string{p, p + "-wal", p + "-shm", p + "-journal"} {
			o.Keep = append(o.Keep, imaging.KeptFile{Path: f, Reason: "guard.reason.ledger"})
		}
	}
	for _, f := range []string{reports.KeyFile, reports.PubFile} {
		o.Keep = append(o.Keep, imaging.KeptFile{Path: filepath.Join(dir, f), Reason: "guard.reason.benchkey"})
	}
	return o
}
