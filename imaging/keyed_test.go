package imaging

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// The guard takes no language: Inspect's refusals and a protected disk's
// reasons are keyed, English by default (--json, logs), and the command
// says them in the reader's language (issue 9.4).
func TestGuardErrorsAreKeyed(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "fakedisk0")
	_, err := Inspect(context.Background(), missing, ListOptions{})
	var ie *i18n.Error
	if !errors.As(err, &ie) || ie.Key != "guard.nopath" {
		t.Fatalf("Inspect(missing) = %v, want the keyed guard.nopath", err)
	}
	if want := missing + " does not exist"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("English %q, want %q...", err.Error(), want)
	}
	if want := missing + " n'existe pas"; !strings.HasPrefix(ie.In(i18n.FR), want) {
		t.Errorf("French %q, want %q...", ie.In(i18n.FR), want)
	}

	d := BlockDevice{Path: "/dev/fakedisk0", Reasons: []Reason{{Key: "guard.reason.mounted", Detail: "/media/usb"},
		{Key: "guard.reason.readonly"}}}
	d.finish()
	if got, want := strings.Join(d.ProtectedReasons, "; "), "has a mounted filesystem (/media/usb); is read-only"; got != want {
		t.Errorf("ProtectedReasons %q, want English %q", got, want)
	}
	err = d.Refusal()
	if !errors.As(err, &ie) || ie.Key != "guard.refused" {
		t.Fatalf("Refusal = %v, want the keyed guard.refused", err)
	}
	if want := "refusing to write /dev/fakedisk0: it has a mounted filesystem (/media/usb); is read-only"; err.Error() != want {
		t.Errorf("English %q, want %q", err.Error(), want)
	}
	fr := ie.In(i18n.FR)
	for _, want := range []string{"écriture sur /dev/fakedisk0 refusée", "contient un système de fichiers monté (/media/usb)", "est en lecture seule"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French %q lacks %q", fr, want)
		}
	}
}
