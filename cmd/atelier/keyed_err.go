package main

import (
	"errors"
	"strings"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// localErr is err's text in the reader's language: a domain package's
// keyed error (i18n.Keyed, English inside) is said again in g's language,
// in place, so the context wrapped around it stays.
func (g *globals) localErr(err error) string {
	text := err.Error()
	var ie *i18n.Error
	if !errors.As(err, &ie) {
		return text
	}
	return strings.Replace(text, ie.Error(), ie.In(g.lang()), 1)
}
