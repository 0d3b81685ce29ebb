package web

import (
	"context"
	"testing"

	"github.com/pcsolidaire/atelier/internal/browsertest"
)

// newBrowser is a headless chromium on a phone's screen (internal/
// browsertest), for the DOM checks of a11y_test.go against the handler on
// a loopback test server. The walk through the pages a person does (log in,
// find, hand over, log out) runs against a real `atelier serve` process:
// cmd/atelier/web_e2e_test.go.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.New(t, browsertest.Phone)
}
