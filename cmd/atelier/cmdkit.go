package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pcsolidaire/atelier/inventory"
)

// The frame that the commands recording one fact share (account, bench,
// unit): a parent that only holds its subcommands, the operator checked
// before the ledger opens, and the result printed as JSON or as one line.

// groupCmd is a command that only holds subcommands: run bare, it shows
// its help.
func groupCmd(c *cobra.Command, subs ...*cobra.Command) *cobra.Command {
	c.Args = noArgs
	c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	c.AddCommand(subs...)
	return c
}

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
