package reports_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// tool finds a Debian tool the document tests read PDFs with; in CI a
// missing one fails the test instead of skipping it.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing in CI: install %s", name, pkg)
		}
		t.Skipf("%s (%s) not installed", name, pkg)
	}
	return p
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfBytesText is pdfText on PDF bytes.
func pdfBytesText(t *testing.T, pdf []byte) string {
	t.Helper()
	return pdfText(t, writeTemp(t, "doc.pdf", pdf))
}

// qrCodes renders every page of a PDF and decodes every QR code on it.
func qrCodes(t *testing.T, pdf []byte) []string {
	t.Helper()
	pdftoppm := tool(t, "pdftoppm", "poppler-utils")
	zbarimg := tool(t, "zbarimg", "zbar-tools")
	dir := t.TempDir()
	src := filepath.Join(dir, "labels.pdf")
	os.WriteFile(src, pdf, 0o644)
	if out, err := exec.Command(pdftoppm, "-r", "150", "-png", src, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	var codes []string
	for _, p := range pages {
		out, err := exec.Command(zbarimg, "-q", "--raw", "-Sdisable", "-Sqrcode.enable", p).Output()
		if err != nil && len(out) == 0 {
			continue // a page without any code
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if line != "" {
				codes = append(codes, line)
			}
		}
	}
	return codes
}

func pdfFontsEmbedded(t *testing.T, pdf []byte) {
	t.Helper()
	pdffonts := tool(t, "pdffonts", "poppler-utils")
	out, err := exec.Command(pdffonts, writeTemp(t, "f.pdf", pdf)).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("no font in the PDF:\n%s", out)
	}
	for _, l := range lines[2:] {
		if f := strings.Fields(l); len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

func sampleOrg(t *testing.T) inventory.Org {
	img := image.NewNRGBA(image.Rect(0, 0, 60, 30))
	for x := range 60 {
		img.Set(x, x/2, color.NRGBA{R: 40, G: 90, B: 140, A: 255})
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return inventory.Org{Name: "PC Solidaire Échirolles", Address: "12 avenue des Résistants\n38130 Échirolles",
		SIRET: "73282932000074", Logo: b.Bytes()}
}

func docFR(t *testing.T) reports.DocOptions {
	return reports.DocOptions{Lang: i18n.FR, Org: sampleOrg(t), Now: time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)}
}

func TestCertificatePDFCarriesTheAssociationLocalDatesAndWordsNotCodes(t *testing.T) {
	c := reportstest.Sample()
	c.ID = "01KAQ7ZC0N6M5V4H0S3G3Y9T2B"
	c.BenchKey = "SHA256:txE2IEVHaZsdw1BlP/eAakr2rIUZ4Tpu75XKyCbKwfY"
	// Summer time: 12:02 UTC is 14:02 in Paris.
	c.Times.Started = time.Date(2026, 7, 3, 12, 2, 7, 0, time.UTC)
	c.Times.Finished = c.Times.Started.Add(41*time.Minute + 12*time.Second)
	pdf, err := reports.RenderCertificatePDF(c, strings.Repeat("ab", 32), docFR(t))
	if err != nil {
		t.Fatal(err)
	}
	pdfFontsEmbedded(t, pdf)
	text := pdfBytesText(t, pdf)
	for _, want := range []string{
		"PC Solidaire Échirolles", "12 avenue des Résistants", "38130 Échirolles", "SIRET 732 829 320 00074",
		"Numéro de série S3YJNB0K512345A",
		"3 juillet 2026 à 14h02 (heure de Paris)", "3 juillet 2026 à 14h43 (heure de Paris)",
		"Méthode demandée automatique", "Motif zéros", "Méthode complète : chaque octet relu",
		"openssl pkeyutl -verify -pubin -inkey bench.pub -rawin",
		"base64 -d 01KAQ7ZC0N6M5V4H0S3G3Y9T2B.json.sig",
		"sha256sum 01KAQ7ZC0N6M5V4H0S3G3Y9T2B.json",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("certificate PDF lacks %q; text:\n%s", want, text)
		}
	}
	// The serial comes before any section, the device path after it.
	if s, d := strings.Index(text, "S3YJNB0K512345A"), strings.Index(text, "/dev/fake"); s < 0 || d < s || s > strings.Index(text, "Disque Fabricant") {
		t.Errorf("serial at %d, device at %d: the serial must come first", s, d)
	}
	for _, code := range []string{"auto", "full", "zeros", "overwrite-zero", "sample", "firmware-marker"} {
		if regexp.MustCompile(`(^|[\s(])` + regexp.QuoteMeta(code) + `($|[\s),.])`).MatchString(text) {
			t.Errorf("the French certificate shows the code %q", code)
		}
	}
}

// certBench issues two certificates into a bench's certificates folder
// and returns the folder, the key and the wipe records pointing to them.
func certBench(t *testing.T) (string, ed25519.PrivateKey, []inventory.WipeRecord) {
	t.Helper()
	dir, priv, _ := newBench(t)
	certDir := filepath.Join(dir, "certificates")
	var recs []inventory.WipeRecord
	for i, serial := range []string{"S3YJNB0K512345A", "WD-WCC4N1234567"} {
		c := reportstest.Sample()
		c.Disk.Serial = serial
		c.Source.UnitID = []string{"PCS-26-0001", "PCS-26-0004"}[i]
		is, err := reports.Issue(c, priv, certDir, "fr")
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, inventory.WipeRecord{FinishEvent: "EV" + serial, Status: "passed", Technique: "overwrite-zero",
			NIST: "Clear", CertificateID: is.ID, CertificateSHA256: is.SHA256, Certificate: is.JSON,
			Operator: "Camille", Bench: "etabli-1", Finished: c.Times.Finished})
	}
	return certDir, priv, recs
}

// sampleBatch is a DSI batch of five units: one handed over (beneficiary
// recorded), one recycled with a destroyed disk, one ready, one wiped
// with a flagged disk, one just received.
func sampleBatch(recs []inventory.WipeRecord) []inventory.Dossier {
	at := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	unit := func(id, serial, asset, model, state, site string) inventory.Unit {
		return inventory.Unit{ID: id, Serial: serial, AssetTag: asset, Vendor: "Dell", Model: model, Type: "laptop",
			State: state, Site: site, Batch: "2026-11", Donor: "DSI Échirolles", StateSince: at}
	}
	erased := func(rec inventory.WipeRecord, serial string) inventory.DiskDossier {
		r := rec
		return inventory.DiskDossier{UnitDisk: inventory.UnitDisk{DiskRecord: inventory.DiskRecord{Serial: serial, Medium: "ssd", SizeBytes: 250e9},
			Erasure: "passed", CertificateID: rec.CertificateID}, Wipe: &r, History: []inventory.WipeRecord{rec}}
	}
	return []inventory.Dossier{
		{Unit: unit("PCS-26-0001", "5CG7281XYZ", "INV-0101", "Latitude E6410", "handed_over", "MDH Village 2"),
			Disks:    []inventory.DiskDossier{erased(recs[0], "S3YJNB0K512345A")},
			Handover: &inventory.HandoverRecord{Site: "MDH Village 2", Beneficiary: "MDH-SECRET-REF-017", At: at}},
		{Unit: unit("PCS-26-0002", "CZC4150KQ2", "=HYPERLINK(\"http://x\")", "EliteDesk 800", "recycled", ""),
			Disks: []inventory.DiskDossier{{UnitDisk: inventory.UnitDisk{DiskRecord: inventory.DiskRecord{Serial: "WD-DRILLED"}, Erasure: "destroyed"},
				Destruction: &inventory.Destruction{Reason: "percé", At: at}}}},
		{Unit: unit("PCS-26-0003", "PF0ABCDE", "INV-0103", "ThinkPad T460", "ready", ""), Disks: []inventory.DiskDossier{}},
		{Unit: unit("PCS-26-0004", "7XK2Q12", "INV-0104", "OptiPlex 7010", "wiped", ""),
			Disks: []inventory.DiskDossier{func() inventory.DiskDossier { d := erased(recs[1], "WD-WCC4N1234567"); d.Flagged = true; return d }()}},
		{Unit: unit("PCS-26-0005", "DQB0KEF001", "INV-0105", "Veriton Z4640G", "received", ""), Disks: []inventory.DiskDossier{}},
	}
}

func TestBatchReportCountsEveryUnitAndNamesNoPerson(t *testing.T) {
	_, _, recs := certBench(t)
	ds := sampleBatch(recs)
	r := reports.BuildBatchReport("2026-11", ds, time.Now())
	sum := 0
	for _, s := range r.ByState {
		sum += s.Count
	}
	if sum != r.Units || r.Units != 5 || len(r.Lines) != 5 || r.Finished != 2 {
		t.Fatalf("counts: sum %d, units %d, lines %d, finished %d", sum, r.Units, len(r.Lines), r.Finished)
	}
	if r.Disks.Total != 3 || r.Disks.Erased != 2 || r.Disks.Destroyed != 1 || r.Disks.Flagged != 1 {
		t.Errorf("disks = %+v", r.Disks)
	}
	o := docFR(t)
	pdf, err := reports.RenderBatchPDF(r, o)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfBytesText(t, pdf)
	var csvBuf bytes.Buffer
	if err := reports.WriteBatchCSV(&csvBuf, r, o); err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(r)
	for name, doc := range map[string]string{"PDF": text, "CSV": csvBuf.String(), "JSON": string(js)} {
		if strings.Contains(doc, "MDH-SECRET-REF-017") {
			t.Errorf("the %s names the beneficiary", name)
		}
	}
	for _, want := range []string{"Dossier de preuves — lot 2026-11", "PC Solidaire Échirolles", "5 unités : 2 terminées",
		"remis à MDH Village 2", "détruit physiquement (percé)", "en cours : reçu", "en cours : prêt", "À REVÉRIFIER",
		recs[0].CertificateID, "INV-0101", "5CG7281XYZ", "Total 5"} {
		if !strings.Contains(text, want) {
			t.Errorf("batch PDF lacks %q; text:\n%s", want, text)
		}
	}
}

func TestCSVOpensInAFrenchSpreadsheetAndNeverRunsAFormula(t *testing.T) {
	for in, want := range map[string]string{"=1+2": "'=1+2", "+33 6": "'+33 6", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "ＡＢ": "ＡＢ", "＝1": "'＝1", "plain": "plain", "": "", "a=b": "a=b"} {
		if got := reports.NeutralizeCell(in); got != want {
			t.Errorf("NeutralizeCell(%q) = %q, want %q", in, got, want)
		}
	}
	_, _, recs := certBench(t)
	r := reports.BuildBatchReport("2026-11", sampleBatch(recs), time.Now())
	var b bytes.Buffer
	if err := reports.WriteBatchCSV(&b, r, docFR(t)); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || !bytes.Contains(data, []byte("\r\n")) {
		t.Fatalf("no BOM or no CRLF: %q", data[:40])
	}
	rd := csv.NewReader(bytes.NewReader(data[3:]))
	rd.Comma = ';'
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[0][0] != "Unité" { // a header, then one row per disk or disk-less unit
		t.Fatalf("rows = %d, header %v", len(rows), rows[0])
	}
	// unit list --csv: the same rules, the same words.
	var ub bytes.Buffer
	units := []inventory.Unit{{ID: "PCS-26-0001", Serial: "-5CG", Model: "=cmd()", Type: "laptop", State: "handed_over", Site: "@MDH"}}
	if err := reports.WriteUnitsCSV(&ub, units, docFR(t)); err != nil {
		t.Fatal(err)
	}
	urd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(ub.Bytes(), []byte("\xef\xbb\xbf"))))
	urd.Comma = ';'
	urows, err := urd.ReadAll()
	if err != nil || len(urows) != 2 || !bytes.HasPrefix(ub.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Fatalf("unit list CSV: %v %q", err, ub.String())
	}
	rows = append(rows, urows[1])
	// Words, never the ledger's codes, in a French spreadsheet.
	codes := map[string]bool{"passed": true, "failed": true, "laptop": true, "handed_over": true, "recycled": true,
		"wiped": true, "ready": true, "received": true, "destroyed": true, "zero": true, "overwrite": true}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
			if codes[cell] {
				t.Errorf("cell %q is a code, not a French word; row %v", cell, row)
			}
		}
	}
}

func TestProofPackVerifiesAndEveryChangeIsCaught(t *testing.T) {
	certDir, priv, recs := certBench(t)
	pub := priv.Public().(ed25519.PublicKey)
	ds := sampleBatch(recs)
	// The certificates folder lost one JSON and one signature: the ledger's
	// copy and the bench key bring them back, byte for byte.
	os.Remove(filepath.Join(certDir, recs[0].CertificateID+".json"))
	sigPath := filepath.Join(certDir, recs[1].CertificateID+".json.sig")
	sig, _ := os.ReadFile(sigPath)
	os.Remove(sigPath)
	dir := filepath.Join(t.TempDir(), "pack")
	r := reports.BuildBatchReport("2026-11", ds, time.Now())
	res, err := reports.WriteBatchPack(dir, r, ds, reports.PackOptions{Doc: docFR(t), Bench: "etabli-1",
		Certs: reports.CertSource{Dir: certDir, Key: priv}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Certificates) != 2 || len(res.Unsigned) != 0 {
		t.Fatalf("pack = %+v", res)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "certificates", recs[1].CertificateID+".json.sig")); !bytes.Equal(got, sig) {
		t.Error("the signature made again differs from the lost one")
	}
	check, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub)
	if err != nil {
		t.Fatal(err)
	}
	if check.Certificates != 2 || check.Checked != 2 || len(check.Unlisted) != 0 || len(check.Manifest.Files) != 9 {
		t.Fatalf("check = %+v", check)
	}
	// The pack's certificate PDFs carry the association and still pass
	// verify ID.pdf (rendered again from the signed JSON, byte for byte).
	for _, ex := range res.Certificates {
		pdfPath := filepath.Join(dir, "certificates", ex.ID+".pdf")
		if _, err := reports.VerifyPDF(pdfPath, pub, "0.1.0-test"); err != nil {
			t.Errorf("VerifyPDF(%s) = %v", ex.ID, err)
		}
		if !strings.Contains(pdfText(t, pdfPath), "PC Solidaire Échirolles") {
			t.Errorf("certificate %s in the pack lacks the association", ex.ID)
		}
	}
	// An office suite's lock file is named, not refused.
	lock := filepath.Join(dir, ".~lock.batch.csv#")
	os.WriteFile(lock, []byte("x"), 0o644)
	if check, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub); err != nil || len(check.Unlisted) != 1 {
		t.Fatalf("unlisted = %v, %v", check.Unlisted, err)
	}
	os.Remove(lock)
	cases := []struct {
		name   string
		change func()
		key    string
	}{
		{"csv edited", func() { appendTo(t, filepath.Join(dir, "batch.csv"), "x") }, "manifest.file.changed"},
		{"certificate gone", func() { os.Remove(filepath.Join(dir, "certificates", recs[0].CertificateID+".pdf")) }, "manifest.file.missing"},
		{"manifest edited", func() { replaceIn(t, filepath.Join(dir, "manifest.json"), "etabli-1", "etabli-2") }, "manifest.sig.invalid"},
		{"signature gone", func() { os.Remove(filepath.Join(dir, "manifest.json.sig")) }, "manifest.sig.missing"},
		{"signature changed", func() { flipSig(t, filepath.Join(dir, "manifest.json.sig")) }, "manifest.sig.invalid"},
		{"certificate signature changed", func() { flipSig(t, filepath.Join(dir, "certificates", recs[0].CertificateID+".json.sig")) }, "manifest.file.changed"},
		{"file added", func() { os.WriteFile(filepath.Join(dir, "batch-corrige.pdf"), []byte("x"), 0o644) }, "manifest.file.extra"},
		{"link added", func() { os.Symlink("batch.pdf", filepath.Join(dir, "copie.pdf")) }, "manifest.file.link"},
	}
	for _, c := range cases {
		saved := snapshot(t, dir)
		c.change()
		_, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub)
		if k := problemKey(t, err); k != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
		restore(t, dir, saved)
	}
	// A pack is never written into a folder with files in it.
	if _, err := reports.WriteBatchPack(dir, r, ds, reports.PackOptions{Doc: docFR(t), Certs: reports.CertSource{Dir: certDir, Key: priv}}); problemKey(t, err) != "pack.notempty" {
		t.Errorf("pack into a full folder: %v", err)
	}
}

func TestProofPackFailingHalfWayLeavesNothing(t *testing.T) {
	certDir, priv, recs := certBench(t)
	recs[1].CertificateSHA256 = strings.Repeat("0", 64) // the file no longer matches the ledger
	ds := sampleBatch(recs)
	parent := t.TempDir()
	dir := filepath.Join(parent, "pack")
	_, err := reports.WriteBatchPack(dir, reports.BuildBatchReport("2026-11", ds, time.Now()), ds,
		reports.PackOptions{Doc: docFR(t), Certs: reports.CertSource{Dir: certDir, Key: priv}})
	if problemKey(t, err) != "pack.cert.changed" {
		t.Fatalf("WriteBatchPack = %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("a failed pack left %v", entries)
	}
}

// flipSig changes one bit of a base64 signature file, keeping it well formed.
func flipSig(t *testing.T, p string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	sig[5] ^= 1
	os.WriteFile(p, []byte(base64.StdEncoding.EncodeToString(sig)+"\n"), 0o644)
}

func appendTo(t *testing.T, p, s string) {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(s)
	f.Close()
}

func replaceIn(t *testing.T, p, old, new string) {
	b, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644)
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	m := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			m[p], _ = os.ReadFile(p)
		}
		return nil
	})
	return m
}

// restore puts the snapshot back and removes what was added since.
func restore(t *testing.T, dir string, m map[string][]byte) {
	var added []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if _, ok := m[p]; err == nil && !d.IsDir() && !ok {
			added = append(added, p)
		}
		return nil
	})
	for _, p := range added {
		os.Remove(p)
	}
	for p, b := range m {
		os.WriteFile(p, b, 0o644)
	}
}

func TestManifestPathsCannotLeaveThePack(t *testing.T) {
	for _, p := range []string{"../x", "/etc/passwd", "a/../../b", "a\\b", "manifest.json", "", ".", "a//b"} {
		m := `{"schema":"atelier.manifest/v1","kind":"batch","title":"t","made":"2026-11-03T10:00:00Z","bench":"b","bench_key":"k","files":[{"path":` +
			mustJSON(p) + `,"sha256":"` + strings.Repeat("0", 64) + `","bytes":1}]}`
		if _, err := reports.ParseManifest([]byte(m)); problemKey(t, err) != "manifest.path" {
			t.Errorf("path %q: %v", p, err)
		}
	}
}

func mustJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(`{"schema":"atelier.manifest/v1","kind":"batch","title":"2026-11","made":"2026-11-03T10:00:00Z","bench":"b","bench_key":"SHA256:x","files":[{"path":"batch.pdf","sha256":"` + strings.Repeat("a", 64) + `","bytes":10}]}`))
	f.Add([]byte(`{"schema":"atelier.manifest/v1","files":[{"path":"../x"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := reports.ParseManifest(data)
		if err != nil {
			return
		}
		for _, file := range m.Files {
			if strings.HasPrefix(file.Path, "/") || strings.Contains(file.Path, "..") && filepath.Clean(file.Path) != file.Path {
				t.Fatalf("accepted unsafe path %q", file.Path)
			}
			if p := filepath.Join("/pack", filepath.FromSlash(file.Path)); !strings.HasPrefix(p, "/pack/") {
				t.Fatalf("path %q leaves the pack: %s", file.Path, p)
			}
		}
	})
}

func TestLabelsSitOnTheAveryGridAndEveryQRCodeReadsBack(t *testing.T) {
	// Avery L7163: the 14th label ends inside the sheet, symmetric margins.
	_, x, y := reports.AveryCell(13)
	if x+99.1 > 210-4.6 || y+38.1 > 297-15.1 || x < 101 {
		t.Errorf("label 14 at (%v, %v)", x, y)
	}
	if p, _, y := reports.AveryCell(14); p != 1 || y != 15.15 {
		t.Errorf("label 15 on page %d at y %v, want a new sheet", p, y)
	}
	var labels []reports.Label
	var want []string
	for i := range 16 {
		id := "PCS-26-" + []string{"0042", "0043", "1001", "1002"}[i%4] + string(rune('A'+i))
		qr := "https://hub.pcsolidaire.org/s/" + strings.Repeat(string(rune('a'+i%26)), 26)
		if i%3 == 0 {
			qr = id // no hub: the id itself
		}
		labels = append(labels, reports.Label{UnitID: id, QR: qr, Model: "Hewlett-Packard EliteBook 8470p with a very long model name indeed", Grade: "B"})
		want = append(want, qr)
	}
	for _, format := range reports.LabelFormats {
		pdf, err := reports.RenderLabels(labels, format, docFR(t))
		if err != nil {
			t.Fatal(err)
		}
		got := qrCodes(t, pdf)
		if strings.Join(sorted(got), "\n") != strings.Join(sorted(want), "\n") {
			t.Errorf("%s: decoded %d codes, want %d:\n%v", format, len(got), len(want), got)
		}
		text := pdfBytesText(t, pdf)
		for _, w := range []string{"PCS-26-0042A", "Note B", "PC Solidaire Échirolles"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: labels lack %q", format, w)
			}
		}
	}
	if _, err := reports.RenderLabels(labels, "dymo", docFR(t)); problemKey(t, err) != "label.format" {
		t.Errorf("unknown format: %v", err)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestReceiptSaysWhatTheBeneficiaryGetsAndTheRule(t *testing.T) {
	_, _, recs := certBench(t)
	d := sampleBatch(recs)[0]
	d.Hardware = &inventory.Hardware{CPU: "Intel Core i5-520M", RAMBytes: 4 << 30,
		Disks: []inventory.ProbedDisk{{SizeBytes: 250059350016, Medium: "ssd"}}}
	d.Deploy = &inventory.DeployRecord{Image: "zorin-18-core", OS: "Zorin OS", Version: "18", Edition: "Core"}
	o := docFR(t)
	r, err := reports.BuildReceipt(d, o)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := reports.RenderReceiptPDF(r, o)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfBytesText(t, pdf)
	for _, want := range []string{"Attestation de don", "PC Solidaire Échirolles", "MDH Village 2", "20 novembre 2026",
		"PCS-26-0001", "Dell Latitude E6410 (portable)", "Intel Core i5-520M", "4 Go", "SSD 250 Go", "Zorin OS 18 Core",
		"disque S3YJNB0K512345A effacé — certificat n° " + recs[0].CertificateID, "MDH-SECRET-REF-017",
		"ne peut être ni vendu", "Pour MDH Village 2 (nom, date, signature)", "Le bénéficiaire"} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt lacks %q; text:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "page 1/1"); n != 1 {
		t.Errorf("the receipt takes more than one page")
	}
	ready := sampleBatch(recs)[2]
	if _, err := reports.BuildReceipt(ready, o); problemKey(t, err) != "receipt.nothanded" {
		t.Errorf("receipt of a ready unit: %v", err)
	}
}

func TestCertificatePDFWithTheAssociationIsVerifiedAndItsForgeryCaught(t *testing.T) {
	dir, priv, pub := newBench(t)
	s, err := signDoc(reportstest.Sample(), priv, "fr")
	if err != nil {
		t.Fatal(err)
	}
	if s, err = s.WithDoc(docFR(t)); err != nil {
		t.Fatal(err)
	}
	is, err := s.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reports.VerifyPDF(is.PDFPath, pub, "0.1.0-test"); err != nil {
		t.Fatalf("VerifyPDF = %v", err)
	}
	// Another association's name in the metadata renders other bytes.
	pdf, _ := os.ReadFile(is.PDFPath)
	forged := bytes.Replace(pdf, []byte("<atelier:issuer>"), []byte("<atelier:issuer>AAAA"), 1)
	os.WriteFile(is.PDFPath, forged, 0o644)
	if _, err := reports.VerifyPDF(is.PDFPath, pub, "0.1.0-test"); problemKey(t, err) != "cert.pdf.differs" {
		t.Errorf("a PDF with changed metadata: %v", err)
	}
}

// verify ID.pdf compares bytes: a certificate renders the same every time,
// with or without the association (a font whose subset changed from one
// run to the next once made genuine PDFs fail).
func TestCertificatePDFIsTheSameBytesEveryTime(t *testing.T) {
	c := reportstest.Sample()
	for _, o := range []reports.DocOptions{{Lang: i18n.FR}, docFR(t), {Lang: i18n.EN, Org: sampleOrg(t)}} {
		first, err := reports.RenderCertificatePDF(c, "ab", o)
		if err != nil {
			t.Fatal(err)
		}
		for range 10 {
			if again, _ := reports.RenderCertificatePDF(c, "ab", o); !bytes.Equal(again, first) {
				t.Fatalf("two renderings differ (org %q, %s)", o.Org.Name, o.Lang)
			}
		}
	}
}

// A batch of one unit with one disk: French says "1 unité : 1 terminée"
// and "0 détruit" (0 and 1 take the singular), never "1 unités".
func TestBatchSummaryAgreesInNumber(t *testing.T) {
	_, _, recs := certBench(t)
	ds := sampleBatch(recs)[:1]
	r := reports.BuildBatchReport("2026-11", ds, time.Now())
	pdf, err := reports.RenderBatchPDF(r, docFR(t))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfBytesText(t, pdf)
	for _, want := range []string{"1 unité : 1 terminée (remises, pièces ou recyclées), 0 encore en cours",
		"1 disque : 1 effacé avec certificat, 0 détruit physiquement, 0 pas encore prouvé effacé"} {
		if !strings.Contains(text, want) {
			t.Errorf("batch PDF lacks %q; text:\n%s", want, text)
		}
	}
	en := docFR(t)
	en.Lang = i18n.EN
	pdf, _ = reports.RenderBatchPDF(r, en)
	if text := pdfBytesText(t, pdf); !strings.Contains(text, "1 unit: 1 finished") || !strings.Contains(text, "1 disk: 1 erased with a certificate") {
		t.Errorf("English batch PDF:\n%s", text)
	}
}

// However many units push it down the page, the "check this pack" heading
// stays on the page of its commands (it was left alone at the bottom of a
// page, the commands on the next).
func TestBatchCheckHeadingStaysWithItsCommands(t *testing.T) {
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	_, _, recs := certBench(t)
	base := sampleBatch(recs)
	for n := 1; n <= 24; n++ {
		var ds []inventory.Dossier
		for i := range n {
			d := base[i%len(base)]
			d.Unit.ID = fmt.Sprintf("PCS-26-%04d", i+1)
			ds = append(ds, d)
		}
		pdf, err := reports.RenderBatchPDF(reports.BuildBatchReport("2026-11", ds, time.Now()), docFR(t))
		if err != nil {
			t.Fatal(err)
		}
		path := writeTemp(t, "b.pdf", pdf)
		for page := 1; ; page++ {
			out, err := exec.Command(pdftotext, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").Output()
			if err != nil {
				break // past the last page
			}
			text := string(out)
			if strings.Contains(text, "Vérifier ce dossier") {
				if !strings.Contains(text, "openssl pkeyutl") {
					t.Errorf("%d units: the heading on page %d, its commands elsewhere", n, page)
				}
				break
			}
		}
	}
}
