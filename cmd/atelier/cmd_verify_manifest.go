package main

import (
	"os"
	"path/filepath"

	"github.com/pcsolidaire/atelier/internal/fsread"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// manifestPath recognises a proof pack: its manifest.json, or its folder.
func manifestPath(arg string) (string, bool) {
	if st, err := os.Stat(arg); err == nil && st.IsDir() {
		return filepath.Join(arg, reports.ManifestFile), true
	}
	return arg, filepath.Base(arg) == reports.ManifestFile
}

// manifestResult is verify's --json output for a proof pack.
type manifestResult struct {
	Manifest string                 `json:"manifest"`
	Valid    bool                   `json:"valid"`
	Reason   string                 `json:"reason,omitempty"`
	Key      string                 `json:"key"`
	Check    *reports.ManifestCheck `json:"check,omitempty"`
}

// runVerifyManifest checks a proof pack (exit 0 valid, 1 not).
func runVerifyManifest(g *globals, path, keyPath string) error {
	l := g.lang()
	res := manifestResult{Manifest: path}
	refuse := func(err error) error {
		res.Reason = reports.Message(err, l)
		if fsread.IsRefusal(err) {
			res.Reason = fsread.Text(err, l)
		}
		if g.json {
			if err := g.printJSON(res); err != nil {
				return err
			}
		}
		return fail(1, l.T("manifest.cmd.invalid", path, res.Reason))
	}
	if keyPath == "" {
		ledger, err := g.ledgerPath()
		if err != nil {
			return refuse(err)
		}
		keyPath = filepath.Join(inventory.KeyDirFor(ledger), reports.PubFile)
	}
	pub, err := reports.ReadPublicKey(keyPath)
	if err != nil {
		return refuse(err)
	}
	res.Key = reports.Fingerprint(pub)
	check, err := reports.VerifyManifest(path, pub)
	if err != nil {
		return refuse(err)
	}
	res.Valid, res.Check = true, &check
	if g.json {
		return g.printJSON(res)
	}
	m := check.Manifest
	msg := l.T("manifest.cmd.valid", len(m.Files), m.Title, l.Date(m.Made), m.Bench)
	if check.Certificates > 0 {
		msg += l.T("manifest.cmd.certs", check.Checked, check.Certificates)
	}
	g.stdout.Write([]byte(msg + "\n"))
	for _, f := range check.Unlisted {
		g.stderr.Write([]byte(l.T("manifest.cmd.unlisted", f) + "\n"))
	}
	return nil
}
