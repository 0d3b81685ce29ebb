package main

import (
	"context"
	"crypto"
	"errors"
	"path/filepath"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// openLedger opens the ledger named by --ledger / ATELIER_LEDGER / the XDG
// default, with its refusals said in the user's language, and hands it this
// bench's keys: every write signs the bench's chain head.
func (g *globals) openLedger(ctx context.Context) (*inventory.Ledger, error) {
	l, err := g.openLedgerRaw(ctx)
	if err != nil {
		return nil, g.ledgerErr(err)
	}
	return l, nil
}

// openLedgerRaw is openLedger with the inventory's refusals left untranslated,
// for a caller that tells them apart (intake import's dry run goes on
// without a ledger) before saying them through ledgerErr.
func (g *globals) openLedgerRaw(ctx context.Context) (*inventory.Ledger, error) {
	path, err := g.ledgerPath()
	if err != nil {
		return nil, err
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	l.SetBenchKeys(g.benchKeys(l.Dir()))
	if g.ledgerHook != nil {
		if err := g.ledgerHook(g, l); err != nil {
			l.Close()
			return nil, err
		}
	}
	return l, nil
}

// benchKeys reaches bench.key (loaded by the first write only: commands
// that read never touch it) and bench.pub (what verify expects this
// bench's key to be) in the ledger's folder.
func (g *globals) benchKeys(dir string) inventory.BenchKeys {
	k := inventory.BenchKeys{Signer: func() (crypto.Signer, error) {
		priv, err := reports.LoadBenchKey(dir)
		if err != nil {
			return nil, errors.New(reports.Message(err, g.lang()))
		}
		return priv, nil
	}}
	pubPath := filepath.Join(dir, reports.PubFile)
	if pub, err := reports.ReadPublicKey(pubPath); err == nil {
		k.Public, k.PublicFrom = pub, pubPath
	}
	return k
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

// withLedger opens the ledger, runs fn and closes it, translating errors
// (a page SQLite finds malformed becomes advice on verify and rebuild).
func (g *globals) withLedger(ctx context.Context, fn func(l *inventory.Ledger) error) error {
	l, err := g.openLedger(ctx)
	if err != nil {
		return err
	}
	defer l.Close()
	return g.ledgerErr(l.Explain(fn(l)))
}
