package main

import (
	"context"
	"fmt"

	"github.com/pcsolidaire/atelier/inventory"
)

// The frame that the commands recording one fact share (account, bench,
// unit): the operator checked before the ledger opens, and the result
// printed as JSON or as one line. (A parent that only holds subcommands
// needs no Args nor RunE: setupUsage gives every group both.)

// recordAs runs fn on the ledger as the operator: a command that writes
// refuses without one, before it opens the ledger.
func (g *globals) recordAs(ctx context.Context, fn func(l *inventory.Ledger, a inventory.Actor) error) error {
	a, err := g.actor()
	if err != nil {
		return err
	}
	return g.withLedger(ctx, func(l *inventory.Ledger) error { return fn(l, a) })
}

// jsonOr prints v under --json, else the line msg.
func (g *globals) jsonOr(v any, msg string) error {
	if g.json {
		return g.printJSON(v)
	}
	fmt.Fprintln(g.stdout, msg)
	return nil
}
