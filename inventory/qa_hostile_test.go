package inventory

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"testing"
)

// A conflict's resolution note is free text typed on the hub, kept in the
// ledger and synced to every bench: like every other note it may not hold
// someone's phone number or e-mail.
func TestConflictResolutionNoteRefusesPersonalData(t *testing.T) {
	ctx := context.Background()
	h, _, _, cs := conflictAfterLeave(t)
	for note, key := range map[string]string{
		"rappeler M. Martin au 06 12 34 56 78": "privacy.phone",
		"vu avec jean.martin@example.org":      "privacy.email",
		"disque 2 \x1b]52;c;aGk=\x07":          "text.control",
	} {
		_, err := h.l.ResolveConflict(ctx, cam, cs[0].Event, note)
		var e *Error
		if !errors.As(err, &e) || e.Key != key {
			t.Errorf("resolve with note %q: %v, want %s", note, err, key)
		}
	}
	if open, _ := h.l.Conflicts(ctx, false); len(open) != 1 {
		t.Fatalf("a refused resolution closed the conflict: %+v", open)
	}
	if _, err := h.l.ResolveConflict(ctx, cam, cs[0].Event, "disk 2 is the DVD drive"); err != nil {
		t.Fatal(err)
	}
}

// Events that arrive from elsewhere (a bundle, a pull) are checked as the
// commands check them: a conflict note with personal data, a bench name
// with a terminal escape in the registry.
func TestHubEventsFromElsewhereAreChecked(t *testing.T) {
	js := func(v any) []byte { b, _ := json.Marshal(v); return b }
	for _, c := range []struct {
		kind    string
		payload []byte
		key     string
	}{
		{KindConflictResolved, js(conflictPayload{Event: "01J", Note: "appeler le 06.12.34.56.78"}), "privacy.phone"},
		{KindConflictFound, js(conflictPayload{Event: "01J", Note: "x@example.org"}), "privacy.email"},
		{KindBenchEnrolled, js(benchEnrolledPayload{Name: "atelier\x1b[2J", Letter: "B"}), "bench.badname"},
		{KindBenchEnrolled, js(benchEnrolledPayload{Name: "../../etc", Letter: "B"}), "bench.badname"},
		{KindBenchRevoked, js(benchRevokedPayload{Name: "a\nb"}), "bench.badname"},
	} {
		err := CheckEventPrivacy(c.kind, c.payload)
		var e *Error
		if !errors.As(err, &e) || e.Key != c.key {
			t.Errorf("%s %s: %v, want %s", c.kind, c.payload, err, c.key)
		}
	}
	for kind, v := range map[string]any{
		KindConflictResolved: conflictPayload{Event: "01J", Note: "disk 2 is the DVD drive"},
		KindBenchEnrolled:    benchEnrolledPayload{Name: "atelier-2.mdh", Letter: "B"},
		KindBenchRevoked:     benchRevokedPayload{Name: "atelier-2"},
	} {
		if err := CheckEventPrivacy(kind, js(v)); err != nil {
			t.Errorf("%s %+v refused: %v", kind, v, err)
		}
	}
}

// Writers pass payloads by value or by pointer; both get the same check.
func TestCheckPayloadSameByValueAndPointer(t *testing.T) {
	for _, v := range []any{
		movedPayload{Reason: "tel 06 12 34 56 78"},
		Undone{Reason: "tel 06 12 34 56 78"},
		notePayload{Text: "a@example.org"},
		destroyedPayload{Serial: "WD1", Reason: "a@example.org"},
		sitePayload{Name: "MDH\x1b"},
		orgPayload{Name: "Asso", Address: "1 rue\na@example.org"},
		stickerPayload{Reason: "a@example.org"},
		auditPayload{Note: "a@example.org"},
		conflictPayload{Note: "a@example.org"},
	} {
		byValue := checkPayload(v)
		ptr := reflectPtr(v)
		byPointer := checkPayload(ptr)
		if byValue == nil || byPointer == nil || byValue.Error() != byPointer.Error() {
			t.Errorf("%T: by value %v, by pointer %v", v, byValue, byPointer)
		}
	}
}

func reflectPtr(v any) any {
	p := reflect.New(reflect.TypeOf(v))
	p.Elem().Set(reflect.ValueOf(v))
	return p.Interface()
}

// A login that is a phone number is refused naming the login, not "the
// operator name" the person never typed.
func TestLoginRefusalNamesTheLogin(t *testing.T) {
	for _, login := range []string{"0612345678", "tel-06.12.34.56.78"} {
		_, err := NormalizeLogin(login)
		var e *Error
		if !errors.As(err, &e) || e.Key != "privacy.phone" {
			t.Fatalf("login %q: %v, want privacy.phone", login, err)
		}
		for _, l := range []i18n.Lang{i18n.EN, i18n.FR} {
			msg := e.In(l)
			if strings.Contains(msg, l.T("field.operator")) || !strings.Contains(msg, l.T("field.login")) {
				t.Errorf("login %q, %s: %q does not name the login", login, l, msg)
			}
		}
	}
}

// A bench that holds its key (an old or altered atelier, a script on its
// file) writes a note with a phone number and a move whose beneficiary is
// a name: its signed chain is valid, but the hub must not take personal
// data in. The merge refuses the bundle, naming the event, and writes
// nothing.
func TestMergeRefusesPersonalDataFromAKeyHolder(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, kind string
		payload    any
		key        string
	}{
		{"phone in a note", KindNote, notePayload{Text: "rappeler le 06 12 34 56 78"}, "privacy.phone"},
		{"name as beneficiary", KindMoved, movedPayload{From: Received, To: Triaged, Beneficiary: "Jean Dupont"}, "beneficiary.name"},
		{"escape in operator's note", KindNote, notePayload{Text: "ok \x1b]52;c;aGk=\x07"}, "text.control"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := newSite(t, "atelier-2", "B", now)
			h := newHub(t, b)
			u := addUnit(t, b.l, "SN1")
			e := forge(t, raw(t, b.l), b.l.BenchName(), u.ID, c.kind, c.payload, signWith(b.key))
			before := state(t, h.l)
			_, err := h.l.Import(ctx, bytes.NewReader(b.bundle(t, h)), ImportOptions{})
			var ie, why *Error
			if !errors.As(err, &ie) || ie.Key != "bundle.refused" || !strings.Contains(err.Error(), e.ID) ||
				!errors.As(ie.Args[len(ie.Args)-1].(error), &why) || why.Key != c.key || !errors.Is(err, ErrRefused) {
				t.Errorf("merge of a chain with %s: %v, want bundle.refused (%s) naming event %s", c.name, err, c.key, e.ID)
			}
			if after := state(t, h.l); after != before {
				t.Errorf("a refused merge changed the hub:\n%s\n---\n%s", before, after)
			}
		})
	}
}

// A bench name is in every event forever and names files: `init --bench`
// took an e-mail address and "../../etc/evil", a name no hub can enrol.
func TestInitRefusesABenchNameAHubCannotEnrolOrThatIsPersonal(t *testing.T) {
	for name, key := range map[string]string{
		"jean.dupont@example.org": "bench.badname",
		"../../etc/evil":          "bench.badname",
		"Atelier 1":               "bench.badname",
		"0612345678":              "privacy.phone",
	} {
		path := filepath.Join(t.TempDir(), "ledger.db")
		_, err := Init(context.Background(), path, InitOptions{Bench: name})
		var e *Error
		if !errors.As(err, &e) || e.Key != key {
			t.Errorf("init --bench %q: %v, want %s", name, err, key)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("init --bench %q created a ledger: %v", name, err)
		}
	}
	if _, err := Init(context.Background(), filepath.Join(t.TempDir(), "ledger.db"), InitOptions{Bench: "atelier-2.mdh_v2"}); err != nil {
		t.Errorf("a good bench name refused: %v", err)
	}
}
