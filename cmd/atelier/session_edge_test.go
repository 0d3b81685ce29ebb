package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/workshop"
)

// A session's keyed messages and refusals reach the operator in their
// language, with a ledger error quoted inside translated too.
func TestSessionMessagesAreTranslatedAtTheEdge(t *testing.T) {
	var errOut bytes.Buffer
	g := &globals{stderr: &errOut, stdout: &bytes.Buffer{}, langFlag: "en"}
	g.warnNow(i18n.M("wipe.warn.noserial", "/dev/fake-usb", "noserial:generic:8000000000"))
	if !strings.Contains(errOut.String(), "warning: /dev/fake-usb reports no serial number") ||
		!strings.Contains(errOut.String(), "noserial:generic:8000000000") {
		t.Fatalf("warning: %q", errOut.String())
	}
	err := g.sessionErr(&workshop.Error{Message: i18n.M("wipe.disk_handed_over", "WD-1", "PCS-26-0001", "PCS-26-0002")})
	if !strings.Contains(err.Error(), "--move-disk") || !strings.Contains(err.Error(), "PCS-26-0001") {
		t.Fatalf("refusal: %v", err)
	}
	g.langFlag = "fr"
	note := g.say(i18n.M("wipe.note.ledgerfailed", inventory.ErrUnknownUnit))
	if strings.Contains(note, "%!") || note == "" {
		t.Fatalf("note: %q", note)
	}
	if g.sessionErr(errors.New("plain")).Error() != "plain" {
		t.Fatal("a plain error is changed")
	}
}
