package reports_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// problemKey is the reason Verify gives, or "" when it accepts.
func problemKey(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var p *reports.Problem
	if !errors.As(err, &p) {
		t.Fatalf("refusal without a stated reason: %v", err)
	}
	return p.Key
}

// rewrite replaces the certificate's JSON with data, keeping its signature.
func rewrite(t *testing.T, is reports.Issued, data []byte) {
	t.Helper()
	if err := os.WriteFile(is.JSONPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestTamperingIsDetected(t *testing.T) {
	cases := map[string]func(b []byte) []byte{
		"serial changed by one character": func(b []byte) []byte {
			return bytes.Replace(b, []byte("S3YJNB0K512345A"), []byte("S3YJNB0K512345B"), 1)
		},
		"NIST category raised to Purge": func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"nist": "Clear"`), []byte(`"nist": "Purge"`), 1)
		},
		"whitespace added": func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"status": "passed"`), []byte(`"status":  "passed"`), 1)
		},
		"trailing newline removed": func(b []byte) []byte { return bytes.TrimRight(b, "\n") },
		"fields reordered": func(b []byte) []byte {
			a := []byte(`  "operator": "Camille",` + "\n")
			c := []byte(`  "bench": "etabli-1",` + "\n")
			return bytes.Replace(b, append(append([]byte{}, a...), c...), append(append([]byte{}, c...), a...), 1)
		},
		"accent escaped": func(b []byte) []byte {
			return bytes.Replace(b, []byte("Échirolles"), []byte(`\u00c9chirolles`), 1)
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			is, pub := issue(t, reportstest.Sample(), "fr")
			changed := change(is.JSON)
			if bytes.Equal(changed, is.JSON) {
				t.Fatal("the test's change did not apply")
			}
			rewrite(t, is, changed)
			_, err := reports.Verify(is.JSONPath, pub)
			if got := problemKey(t, err); got != "cert.sig.invalid" {
				t.Errorf("tampered certificate: reason %q (%v), want cert.sig.invalid", got, err)
			}
		})
	}
}

func TestEveryByteIsCovered(t *testing.T) {
	is, pub := issue(t, reportstest.Sample(), "fr")
	sig, _ := os.ReadFile(is.SigPath)
	for i := range is.JSON {
		b := bytes.Clone(is.JSON)
		b[i] ^= 0x01
		if _, err := reports.VerifyBytes(b, sig, pub); err == nil {
			t.Fatalf("byte %d changed (%q) and the certificate still verified", i, is.JSON[i])
		}
	}
}

// A bench that signs a non-canonical or self-contradicting certificate
// (a bug, or a forged key) is still caught by the content checks.
func TestSignedButMalformedIsRefused(t *testing.T) {
	_, priv, pub := newBench(t)
	good, err := reports.Issue(reportstest.Sample(), priv, t.TempDir(), "fr")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		data []byte
		want string
	}{
		"extra whitespace":  {bytes.Replace(good.JSON, []byte(`"status": "passed"`), []byte(`"status":   "passed"`), 1), "cert.noncanonical"},
		"time not in UTC":   {bytes.Replace(good.JSON, []byte(`"2026-11-03T14:02:07Z"`), []byte(`"2026-11-03T15:02:07+01:00"`), 1), "cert.noncanonical"},
		"null list":         {bytes.Replace(good.JSON, []byte(`"errors": []`), []byte(`"errors": null`), 1), "cert.noncanonical"},
		"unknown field":     {bytes.Replace(good.JSON, []byte(`  "status"`), []byte("  \"extra\": 1,\n  \"status\""), 1), "cert.parse"},
		"trailing data":     {append(bytes.Clone(good.JSON), []byte("{}\n")...), "cert.trailing"},
		"overwrite = Purge": {bytes.Replace(good.JSON, []byte(`"nist": "Clear"`), []byte(`"nist": "Purge"`), 1), "cert.nist.overstated"},
		"end before start":  {bytes.Replace(good.JSON, []byte(`"finished": "2026-11-03T14:43:19Z"`), []byte(`"finished": "2026-11-03T13:43:19Z"`), 1), "cert.times.order"},
		"unknown status":    {bytes.Replace(good.JSON, []byte(`"status": "passed"`), []byte(`"status": "maybe"`), 1), "cert.status"},
		"not JSON":          {[]byte("%PDF-1.4 garbage"), "cert.parse"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			sig := []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(priv, tc.data)))
			_, err := reports.VerifyBytes(tc.data, sig, pub)
			if got := problemKey(t, err); got != tc.want {
				t.Errorf("reason %q (%v), want %s", got, err, tc.want)
			}
		})
	}
}

func TestWrongKeyMissingOrDamagedSignature(t *testing.T) {
	is, _ := issue(t, reportstest.Sample(), "fr")
	_, _, otherPub := newBench(t)

	_, err := reports.Verify(is.JSONPath, otherPub)
	if got := problemKey(t, err); got != "cert.sig.otherkey" {
		t.Errorf("other bench's key: reason %q (%v)", got, err)
	}
	if !strings.Contains(reports.Message(err, i18n.FR), "autre poste") {
		t.Errorf("French reason does not say another bench signed it: %s", reports.Message(err, i18n.FR))
	}

	if err := os.WriteFile(is.SigPath, []byte("not base64!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := reports.Verify(is.JSONPath, otherPub); problemKey(t, err) != "cert.sig.bad" {
		t.Errorf("damaged signature: %v", err)
	}
	os.Remove(is.SigPath)
	if _, err := reports.Verify(is.JSONPath, otherPub); problemKey(t, err) != "cert.sig.missing" {
		t.Errorf("missing signature: %v", err)
	}
	if _, err := reports.Verify(is.JSONPath+".nope", otherPub); problemKey(t, err) != "cert.missing" {
		t.Errorf("missing certificate: %v", err)
	}
}
