package main

// A wipe whose certificate cannot be written is not a passed erasure
// (issue 8.3): on loop devices the tests create, with the certificate
// folder on a tmpfs that is full or turns read-only, as root.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/looptest"
)

// mountTmpfs mounts a tmpfs with the options given on a new folder; it is
// unmounted when the test ends.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	looptest.Require(t)
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount tmpfs -o %s: %v: %s", opts, err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

type unitShowJSON struct {
	ID    string
	State string
	Disks []struct {
		Serial            string
		Erasure           string
		CertificateID     string `json:"certificate_id"`
		CertificateSHA256 string `json:"certificate_sha256"`
	}
}

func (b *bench) show(unit string) unitShowJSON {
	b.t.Helper()
	out, errOut, code := b.run("unit", "show", "--json", unit)
	var u unitShowJSON
	if code != 0 || json.Unmarshal([]byte(out), &u) != nil || len(u.Disks) != 1 {
		b.t.Fatalf("unit show --json %s: exit %d, %s%s", unit, code, errOut, out)
	}
	return u
}

type reissueResultJSON struct {
	Certificate, Unit, Disk, JSON, PDF, SHA256, State string
	Written                                           int `json:"files_written"`
	Certified                                         bool
}

func (b *bench) reissue(ref, out string) []reissueResultJSON {
	b.t.Helper()
	stdout, errOut, code := b.run("wipe", "--reissue", ref, "--out", out, "--json")
	var rs []reissueResultJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &rs) != nil {
		b.t.Fatalf("wipe --reissue %s: exit %d, %s%s", ref, code, errOut, stdout)
	}
	return rs
}

func fileSHA256(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func folderEmpty(t *testing.T, dir string) {
	t.Helper()
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("%s holds %v: a certificate must be whole or absent", dir, names)
	}
}

// The certificate folder is full at the end of the wipe: the disk is
// erased and verified, but without its certificate it is not recorded as
// passed, the unit does not move and cannot leave, the exit code says so;
// wipe --reissue then writes the very certificate the ledger kept.
func TestWipeWithAFullCertificateFolderIsNotAPassedErasure(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.triagedUnit("5CG1FULL01")
	d := looptest.Attach(t, 16<<20, looptest.Fill(0xA5))
	// Room for the folder check before the wipe, not for a certificate.
	full := mountTmpfs(t, "size=8k")

	out, errOut, code := b.run("wipe", "--yes", "--json", "--unit", unit, "--out", full, d)
	if code != 1 || !strings.Contains(errOut, "1 of 1 disks erased but their certificate could not be written: they do NOT count as erased") {
		t.Fatalf("exit %d (want 1): %s", code, errOut)
	}
	r := decodeResults(t, out)[0]
	if r.Status != "uncertified" || r.Certificate != nil || !r.Recorded || r.Unit != unit || r.NIST != "Clear" {
		t.Fatalf("result %+v", r)
	}
	if !strings.Contains(out, "no space left on device") || !strings.Contains(out, "atelier wipe --reissue "+unit) {
		t.Fatalf("the notes do not say why, nor how to reissue:\n%s", out)
	}
	folderEmpty(t, full)
	if got := deviceBytes(t, d); !bytes.Equal(got, make([]byte, len(got))) {
		t.Fatal("the disk was not wiped")
	}
	u := b.show(unit)
	if u.State != "triaged" || u.Disks[0].Erasure != "uncertified" || len(u.Disks[0].CertificateSHA256) != 64 {
		t.Fatalf("ledger after the wipe: %+v", u)
	}
	if show, _, _ := b.run("unit", "show", unit); !strings.Contains(show, "certificate NOT WRITTEN") || strings.Contains(show, "erased (passed)") {
		t.Fatalf("unit show:\n%s", show)
	}
	if _, errOut, code := b.run("unit", "move", unit, "recycled"); code == 0 || !strings.Contains(errOut, u.Disks[0].Serial) {
		t.Fatalf("a unit whose disk has no certificate left for recycling: exit %d, %s", code, errOut)
	}

	// Still full: reissue fails the same way and changes nothing.
	if _, errOut, code := b.run("wipe", "--reissue", unit, "--out", full); code != 1 || !strings.Contains(errOut, "no space left on device") {
		t.Fatalf("reissue onto the full folder: exit %d, %s", code, errOut)
	}
	folderEmpty(t, full)
	if b.show(unit).State != "triaged" {
		t.Fatal("a failed reissue moved the unit")
	}

	// Room again (here another folder): the recorded certificate is written.
	certs := filepath.Join(t.TempDir(), "certs")
	rs := b.reissue(unit, certs)
	if len(rs) != 1 || !rs[0].Certified || rs[0].State != "wiped" || rs[0].Written != 3 || rs[0].Certificate != u.Disks[0].CertificateID {
		t.Fatalf("reissue %+v", rs)
	}
	is := rs[0]
	if got := fileSHA256(t, is.JSON); got != u.Disks[0].CertificateSHA256 || got != is.SHA256 {
		t.Fatalf("written certificate hashes to %s, the ledger recorded %s", got, u.Disks[0].CertificateSHA256)
	}
	if _, errOut, code := b.run("verify", is.JSON); code != 0 {
		t.Fatalf("the reissued certificate does not verify: %s", errOut)
	}
	if out, errOut, code := b.run("verify", is.PDF); code != 0 || !strings.Contains(out, "is the one issued with") {
		t.Fatalf("the reissued PDF does not verify: %s%s", errOut, out)
	}
	u = b.show(unit)
	if u.State != "wiped" || u.Disks[0].Erasure != "passed" || u.Disks[0].CertificateSHA256 != is.SHA256 {
		t.Fatalf("ledger after the reissue: %+v", u)
	}
	if out, errOut, code := b.run("ledger", "verify"); code != 0 || !strings.Contains(out, "intact") {
		t.Fatalf("ledger verify: %s%s", errOut, out)
	}
	if _, errOut, code := b.run("ledger", "rebuild"); code != 0 || b.show(unit).State != "wiped" {
		t.Fatalf("ledger rebuild: %s, state %s", errOut, b.show(unit).State)
	}

	// Again, by certificate id: the files are there and identical.
	if rs := b.reissue(is.Certificate, certs); rs[0].Written != 0 || rs[0].Certified {
		t.Fatalf("second reissue %+v", rs)
	}
	// Nothing is waiting any more for this unit.
	if _, errOut, code := b.run("wipe", "--reissue", unit, "--out", certs); code != 1 || !strings.Contains(errOut, "no wipe of "+unit+" is waiting") {
		t.Fatalf("reissue with nothing pending: exit %d, %s", code, errOut)
	}
	// A substituted certificate file is detected against the ledger's hash.
	other := bytes.Replace(mustRead(t, is.JSON), []byte(`"operator": "camille"`), []byte(`"operator": "someone"`), 1)
	if err := os.WriteFile(is.JSON, other, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := b.run("wipe", "--reissue", is.Certificate, "--out", certs); code != 1 ||
		!strings.Contains(errOut, is.JSON+" exists and is not the certificate recorded in the ledger") {
		t.Fatalf("substituted certificate: exit %d, %s", code, errOut)
	}
	if !bytes.Equal(mustRead(t, is.JSON), other) {
		t.Fatal("the substituted file was overwritten: it must stay for a person to look at")
	}
	// The unit can now leave.
	if _, errOut, code := b.run("unit", "move", unit, "recycled"); code != 0 {
		t.Fatalf("a wiped unit with its certificate cannot be recycled: %s", errOut)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The folder turns read-only while the disk is being wiped (a USB stick
// pulled, a filesystem remounted on errors): same outcome, and the
// certificate is reissued by naming the disk.
func TestWipeWhoseCertificateFolderTurnsReadOnly(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.triagedUnit("5CG1ROFS01")
	d := looptest.Attach(t, 256<<20)
	certs := mountTmpfs(t, "size=4m")
	c := b.cmd("wipe", "--yes", "--json", "--unit", unit, "--out", certs, d)
	var stdout bytes.Buffer
	c.Stdout = &stdout
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	var errText strings.Builder
	for lines.Scan() {
		errText.WriteString(lines.Text() + "\n")
		if strings.HasPrefix(lines.Text(), "wiping ") {
			break
		}
	}
	// Hold the wipe still while the folder turns read-only, so the
	// change lands between the folder check and the certificate.
	c.Process.Signal(syscall.SIGSTOP)
	out, remountErr := exec.Command("mount", "-o", "remount,ro", certs).CombinedOutput()
	c.Process.Signal(syscall.SIGCONT)
	rest, _ := io.ReadAll(stderr)
	errText.Write(rest)
	err = c.Wait()
	if remountErr != nil {
		t.Fatalf("remount ro: %v: %s", remountErr, out)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit %v (want 1): %s", err, errText.String())
	}
	r := decodeResults(t, stdout.String())[0]
	if r.Status != "uncertified" || r.Certificate != nil || !strings.Contains(stdout.String(), "read-only file system") {
		t.Fatalf("result %+v\n%s", r, stdout.String())
	}
	folderEmpty(t, certs)
	u := b.show(unit)
	if u.State != "triaged" || u.Disks[0].Erasure != "uncertified" {
		t.Fatalf("ledger: %+v", u)
	}

	if out, err := exec.Command("mount", "-o", "remount,rw", certs).CombinedOutput(); err != nil {
		t.Fatalf("remount rw: %v: %s", err, out)
	}
	id, disk := u.Disks[0].CertificateID, u.Disks[0].Serial
	jsonPath, pdfPath := filepath.Join(certs, id+".json"), filepath.Join(certs, id+".pdf")
	said, errOut, code := b.run("wipe", "--reissue", disk, "--out", certs)
	if code != 0 || said != "certificate "+id+" of disk "+disk+" written: "+jsonPath+" (PDF "+pdfPath+")\n"+
		"  disk "+disk+" now counts as erased; unit "+unit+": wiped\n" {
		t.Fatalf("reissue by disk: exit %d, %s\n%q", code, errOut, said)
	}
	if fileSHA256(t, jsonPath) != u.Disks[0].CertificateSHA256 || b.show(unit).State != "wiped" {
		t.Fatal("the reissued certificate is not the one the ledger recorded")
	}
	start := time.Now()
	if _, errOut, code := b.run("verify", pdfPath); code != 0 {
		t.Fatalf("verify the PDF: %s", errOut)
	}
	t.Logf("verify of a PDF took %v", time.Since(start))
	said, errOut, code = b.run("wipe", "--reissue", id, "--out", certs, "--lang", "fr")
	if code != 0 || said != "le certificat "+id+" du disque "+disk+" est déjà là, identique à celui du registre\u202f: "+jsonPath+"\n" {
		t.Fatalf("second reissue, in French: exit %d, %s\n%q", code, errOut, said)
	}
}

// A folder where nothing can be written is refused before the first byte
// of the disk is touched, and the ledger records no wipe.
func TestWipeRefusesAnUnwritableCertificateFolderBeforeWriting(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	unit := b.addUnit("5CG1ROFS02")
	d := looptest.Attach(t, 8<<20, looptest.Fill(0xA5))
	ro := mountTmpfs(t, "size=1m,ro")
	for _, lang := range []string{"en", "fr"} {
		_, errOut, code := b.run("wipe", "--yes", "--lang", lang, "--unit", unit, "--out", ro, d)
		want := map[string]string{"en": "certificates cannot be written to " + ro, "fr": "impossible d'écrire les certificats dans " + ro}[lang]
		if code != 1 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "read-only file system") {
			t.Fatalf("%s: exit %d, %s", lang, code, errOut)
		}
	}
	if got := deviceBytes(t, d); !bytes.Equal(got, bytes.Repeat([]byte{0xA5}, len(got))) {
		t.Fatal("the disk was written although its certificate could not be")
	}
	if show, _, _ := b.run("unit", "show", unit); strings.Contains(show, "wipe of disk") {
		t.Fatalf("a refused wipe was recorded:\n%s", show)
	}
}

// A disk of no unit: the ledger cannot keep its certificate, and the
// operator is told to wipe it again.
func TestWipeOfALooseDiskWithoutRoomForItsCertificate(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	d := looptest.Attach(t, 8<<20)
	full := mountTmpfs(t, "size=8k")
	out, errOut, code := b.run("wipe", "--yes", "--json", "--out", full, d)
	if code != 1 || !strings.Contains(errOut, "do NOT count as erased") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := decodeResults(t, out)[0]
	if r.Status != "uncertified" || r.Recorded || !strings.Contains(out, "no unit records this disk") {
		t.Fatalf("result %+v\n%s", r, out)
	}
	folderEmpty(t, full)
}
