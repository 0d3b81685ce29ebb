package reports_test

import (
	"bytes"
	"crypto/ed25519"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/reports"
	"github.com/pcsolidaire/atelier/reports/reportstest"
)

// packFor writes a proof pack of two certificates into a fresh folder.
func packFor(t *testing.T) (string, ed25519.PublicKey) {
	t.Helper()
	certDir, priv, recs := certBench(t)
	ds := sampleBatch(recs)
	dir := filepath.Join(t.TempDir(), "pack")
	r := reports.BuildBatchReport("2026-11", ds, time.Now())
	if _, err := reports.WriteBatchPack(dir, r, ds, reports.PackOptions{Doc: docFR(t), Bench: "etabli-1",
		Certs: reports.CertSource{Dir: certDir, Key: priv}}); err != nil {
		t.Fatal(err)
	}
	return dir, priv.Public().(ed25519.PublicKey)
}

// moveOut replaces name inside the pack by a link to the same bytes kept
// outside it: the hashes still match, but verify DIR must not read
// outside DIR (a link to a huge file or to a secret on the verifier's
// machine would be read, and its hash compared).
func moveOut(t *testing.T, dir, name string) {
	t.Helper()
	outside := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.Rename(filepath.Join(dir, name), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyPackNeverReadsOutsideItsFolder(t *testing.T) {
	for _, name := range []string{"batch.csv", "certificates", "manifest.json", "manifest.json.sig"} {
		t.Run(name, func(t *testing.T) {
			dir, pub := packFor(t)
			if _, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub); err != nil {
				t.Fatalf("untouched pack: %v", err)
			}
			moveOut(t, dir, name)
			if _, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub); err == nil {
				t.Fatalf("%s linked outside the pack was accepted", name)
			}
		})
	}
}

// A proof pack holds ordinary files only: atelier never writes a link,
// so a link anywhere in the pack (even to another file of the pack, whose
// hash then matches) means the folder is not the pack that was signed.
func TestVerifyPackRefusesAnyLink(t *testing.T) {
	cases := map[string]func(dir string){
		"listed file made a link inside": func(dir string) {
			os.Rename(filepath.Join(dir, "batch.csv"), filepath.Join(dir, ".batch.csv"))
			os.Symlink(".batch.csv", filepath.Join(dir, "batch.csv"))
		},
		"extra link to a file of the pack": func(dir string) { os.Symlink("batch.pdf", filepath.Join(dir, "copie.pdf")) },
		"extra link outside":               func(dir string) { os.Symlink("/etc/passwd", filepath.Join(dir, "passwd")) },
		"extra link to a folder":           func(dir string) { os.Symlink("/etc", filepath.Join(dir, "etc")) },
		"link loop in a sub-folder": func(dir string) {
			os.Mkdir(filepath.Join(dir, "sub"), 0o755)
			os.Symlink("..", filepath.Join(dir, "sub", "up"))
		},
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			dir, pub := packFor(t)
			change(dir)
			if _, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub); problemKey(t, err) != "manifest.file.link" {
				t.Fatalf("VerifyManifest = %v, want manifest.file.link", err)
			}
		})
	}
}

// A listed file grown huge is found changed without hashing all of it.
func TestVerifyPackDoesNotHashPastTheListedSize(t *testing.T) {
	dir, pub := packFor(t)
	f, err := os.OpenFile(filepath.Join(dir, "batch.csv"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(64 << 30) // sparse: 64 GiB claimed, nothing on disk
	f.Close()
	start := time.Now()
	_, err = reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub)
	if problemKey(t, err) != "manifest.file.changed" {
		t.Fatalf("grown file: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("verify took %v on a sparse 64 GiB file", d)
	}
}

// A volunteer often makes the folder first (mkdir pack), or names a link
// to it: checkEmptyDir accepts both, so the pack must land there.
func TestProofPackGoesIntoAnEmptyFolderOrThroughALink(t *testing.T) {
	certDir, priv, recs := certBench(t)
	ds := sampleBatch(recs)
	r := reports.BuildBatchReport("2026-11", ds, time.Now())
	opt := reports.PackOptions{Doc: docFR(t), Bench: "etabli-1", Certs: reports.CertSource{Dir: certDir, Key: priv}}
	parent := t.TempDir()
	empty := filepath.Join(parent, "made-first")
	os.Mkdir(empty, 0o755)
	if _, err := reports.WriteBatchPack(empty, r, ds, opt); err != nil {
		t.Fatalf("into an empty folder: %v", err)
	}
	target := filepath.Join(parent, "usb")
	os.Mkdir(target, 0o755)
	link := filepath.Join(parent, "link")
	os.Symlink(target, link)
	if _, err := reports.WriteBatchPack(link, r, ds, opt); err != nil {
		t.Fatalf("through a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(target, "manifest.json")); err != nil {
		t.Errorf("the pack is not in the link's folder: %v", err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
}

// A 4000 x 4000 logo (the most org set accepts) is printed some 25 mm
// wide: embedding it whole made every document cost seconds and every
// certificate of a pack carry megabytes. It is scaled down once drawn.
func TestHugeLogoIsScaledDownInDocuments(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfimages (poppler-utils) missing")
		}
		t.Skip("pdfimages missing")
	}
	img := image.NewNRGBA(image.Rect(0, 0, 4000, 4000))
	for y := 0; y < 4000; y++ {
		for x := 0; x < 4000; x++ {
			img.Set(x, y, color.NRGBA{uint8(x / 16), uint8(y / 16), 90, 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	o := docFR(t)
	o.Org.Logo = b.Bytes()
	c := reportstest.Sample()
	pdf, err := reports.RenderCertificatePDF(c, strings.Repeat("ab", 32), o)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "c.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command("pdfimages", "-list", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("no image in the PDF:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if w, _ := strconv.Atoi(f[3]); w > 1000 {
			t.Errorf("logo embedded %s px wide:\n%s", f[3], out)
		}
	}
	// Still the same bytes every time (verify ID.pdf renders it again).
	again, _ := reports.RenderCertificatePDF(c, strings.Repeat("ab", 32), o)
	if !bytes.Equal(pdf, again) {
		t.Error("two renders of one certificate differ")
	}
}

// A model or an association name holding a character beyond U+FFFF (an
// emoji typed in GLPI, odd DMI strings) made fpdf panic on labels and
// refuse the whole batch's PDF: one unit cost the DSI its proof pack.
// Such a character is printed as U+FFFD instead.
func TestCharactersBeyondTheFontPlaneNeverBreakADocument(t *testing.T) {
	o := docFR(t)
	o.Org.Name = "PC Solidaire 💻"
	labels := []reports.Label{{UnitID: "PCS-26-0001", QR: "PCS-26-0001", Model: "Latitude 😀 E6410", Grade: "A"}}
	for _, format := range []string{reports.LabelAveryL7163, reports.LabelBrother62} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("labels %s panic: %v", format, r)
				}
			}()
			pdf, err := reports.RenderLabelsAt(labels, format, 0, o)
			if err != nil {
				t.Fatalf("labels %s: %v", format, err)
			}
			if !strings.Contains(pdfBytesText(t, pdf), "Latitude \uFFFD E6410") {
				t.Errorf("labels %s: the model is not printed with U+FFFD", format)
			}
		}()
	}
	certDir, _, recs := certBench(t)
	_ = certDir
	ds := sampleBatch(recs)
	ds[2].Unit.Model = "ThinkPad 🐛"
	ds[2].Unit.Site = "MDH 🏠"
	pdf, err := reports.RenderBatchPDF(reports.BuildBatchReport("2026-11", ds, time.Now()), o)
	if err != nil {
		t.Fatalf("batch PDF: %v", err)
	}
	if !strings.Contains(pdfBytesText(t, pdf), "ThinkPad \uFFFD") {
		t.Error("batch PDF: the model is not printed with U+FFFD")
	}
	c := reportstest.Sample()
	c.Disk.Model = "Samsung 🚀 SSD"
	if _, err := reports.RenderCertificatePDF(c, strings.Repeat("ab", 32), o); err != nil {
		t.Fatalf("certificate PDF: %v", err)
	}
	// The ledger's data is left as it was.
	if ds[2].Unit.Model != "ThinkPad 🐛" || labels[0].Model != "Latitude 😀 E6410" {
		t.Error("rendering changed the caller's data")
	}
}

// A file the manifest does not list would be read as part of the signed
// proof (a "corrected" PDF beside batch.pdf, a certificate among the
// certificates): the pack is then invalid, not "valid" with a note. Only
// hidden files (an office suite's lock file) are left out, and named.
func TestVerifyPackRefusesAnAddedFile(t *testing.T) {
	for _, name := range []string{"notes.txt", "batch-corrige.pdf", "certificates/01KAQ7ZC0N6M5V4H0S3G3Y9T99.pdf", "sub/x.json"} {
		t.Run(name, func(t *testing.T) {
			dir, pub := packFor(t)
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte("%PDF-1.4 forged"), 0o644)
			_, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub)
			if k := problemKey(t, err); k != "manifest.file.added" && k != "manifest.file.extra" {
				t.Fatalf("added %s: %v", name, err)
			}
		})
	}
	dir, pub := packFor(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub); problemKey(t, err) != "manifest.file.extra" {
		t.Fatalf("added named pipe: %v", err)
	}
	dir, pub = packFor(t)
	os.WriteFile(filepath.Join(dir, ".~lock.batch.csv#"), []byte("x"), 0o644)
	check, err := reports.VerifyManifest(filepath.Join(dir, "manifest.json"), pub)
	if err != nil || len(check.Unlisted) != 1 || check.Unlisted[0] != ".~lock.batch.csv#" {
		t.Fatalf("office lock file: %+v, %v", check.Unlisted, err)
	}
}
