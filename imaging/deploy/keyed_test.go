package deploy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// The deploy engine takes no language: its refusals carry their key and
// arguments, read English (--json, ledger, logs) and the command says them
// in French (issue 9.4).
func TestPrepareErrorsAreKeyed(t *testing.T) {
	img := filepath.Join(t.TempDir(), "zorin.img")
	if err := os.WriteFile(img, make([]byte, 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir() // a bmap that is a folder: refused by fsread, quoted inside deploy.bmap.bad
	for _, c := range []struct {
		req         Request
		key, en, fr string
	}{
		{Request{Image: img, Verify: "some"}, "deploy.verify.bad",
			`--verify "some": choose full or none`, "--verify «\u00a0some\u00a0»\u202f: choisissez full ou none"},
		{Request{Image: img, Bmap: folder}, "deploy.bmap.bad",
			folder + " is a folder, not a file", folder + " est un dossier, pas un fichier"},
	} {
		_, err := Prepare(context.Background(), c.req)
		var ie *i18n.Error
		if !errors.As(err, &ie) {
			t.Fatalf("%v: not a keyed error (%T)", err, err)
		}
		if ie.Key != c.key {
			t.Errorf("key %q, want %q", ie.Key, c.key)
		}
		if !strings.Contains(err.Error(), c.en) {
			t.Errorf("English text %q lacks %q", err.Error(), c.en)
		}
		if fr := ie.In(i18n.FR); !strings.Contains(fr, c.fr) {
			t.Errorf("French text %q lacks %q", fr, c.fr)
		}
		if en := ie.In(i18n.EN); en != err.Error() {
			t.Errorf("In(EN) %q differs from Error() %q", en, err.Error())
		}
	}
}
