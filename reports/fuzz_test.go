package reports_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"testing"

	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// FuzzParseCertificate feeds arbitrary bytes to the certificate reader: it
// must never panic, whatever it accepts must be exactly its canonical
// encoding, and nothing but the signed bytes may pass the signature check.
func FuzzParseCertificate(f *testing.F) {
	seed := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	pub := seed.Public().(ed25519.PublicKey)
	c := reportstest.Sample()
	c.Schema = reports.Schema
	c.ID = "01KAQ7ZC0N6M5V4H0S3G3Y9T2B"
	c.BenchKey = reports.Fingerprint(pub)
	signed, err := reports.Encode(c)
	if err != nil {
		f.Fatal(err)
	}
	sig := []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(seed, signed)))
	if _, err := reports.VerifyBytes(signed, sig, pub); err != nil {
		f.Fatalf("the seed certificate must verify: %v", err)
	}

	f.Add(signed)
	f.Add(bytes.Replace(signed, []byte(`"errors": []`), []byte(`"errors": null`), 1))
	f.Add(bytes.Replace(signed, []byte("\n"), nil, -1))
	f.Add([]byte(`{"schema":"atelier.certificate/v1"}`))
	f.Add([]byte(`{"times":{"started":"2026-11-03T15:02:07+01:00"}}`))
	f.Add([]byte(`{"disk":{"capacity_bytes":1e400}}`))
	f.Add([]byte("[]"))
	f.Add([]byte("null"))
	f.Add([]byte(""))

	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := reports.Parse(data)
		if err == nil {
			again, err := reports.Encode(got)
			if err != nil || !bytes.Equal(again, data) {
				t.Fatalf("Parse accepted bytes that are not their canonical encoding:\n%q\n%q", data, again)
			}
			_ = reports.Validate(got)
		}
		if _, err := reports.VerifyBytes(data, sig, pub); err == nil && !bytes.Equal(data, signed) {
			t.Fatalf("a signature verified over different bytes: %q", data)
		}
	})
}
