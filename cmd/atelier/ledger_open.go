package main

import (
	"context"
	"errors"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
)

// openLedger opens the ledger named by --ledger / ATELIER_LEDGER / the XDG
// default, with its refusals said in the user's language.
func (g *globals) openLedger(ctx context.Context) (*inventory.Ledger, error) {
	path, err := g.ledgerPath()
	if err != nil {
		return nil, err
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		return nil, g.ledgerErr(err)
	}
	return l, nil
}

// actor is who records events: the operator (required to write).
func (g *globals) actor() (inventory.Actor, error) {
	op, err := g.operatorName()
	if err != nil {
		return inventory.Actor{}, err
	}
	return inventory.Actor{Operator: op}, nil
}

// ledgerErr says an inventory error in the user's language; other errors
// pass unchanged.
func (g *globals) ledgerErr(err error) error {
	var e *inventory.Error
	if errors.As(err, &e) {
		return &i18n.Error{Key: e.Key, Text: e.In(g.lang())}
	}
	return err
}

// withLedger opens the ledger, runs fn and closes it, translating errors.
func (g *globals) withLedger(ctx context.Context, fn func(l *inventory.Ledger) error) error {
	l, err := g.openLedger(ctx)
	if err != nil {
		return err
	}
	defer l.Close()
	return g.ledgerErr(fn(l))
}
