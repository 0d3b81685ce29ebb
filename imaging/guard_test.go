package imaging

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/looptest"
	"golang.org/x/sys/unix"
)

// rootDisk finds the whole disk that holds / through sysfs, independently of
// the guard's own mountinfo logic.
func rootDisk(t *testing.T) string {
	t.Helper()
	var st unix.Stat_t
	if err := unix.Stat("/", &st); err != nil {
		t.Fatal(err)
	}
	if unix.Major(st.Dev) == 0 {
		t.Skip("/ is not on a block device here (overlay or tmpfs)")
	}
	link, err := os.Readlink(filepath.Join("/sys/dev/block",
		fmt.Sprintf("%d:%d", unix.Major(st.Dev), unix.Minor(st.Dev))))
	if err != nil {
		t.Skip("no sysfs entry for /'s device")
	}
	name := filepath.Base(link)
	if _, err := os.Stat(filepath.Join("/sys/class/block", name, "partition")); err == nil {
		name = filepath.Base(filepath.Dir(link))
	}
	if _, err := os.Stat(filepath.Join("/sys/block", name, "slaves")); err == nil {
		if sl, _ := os.ReadDir(filepath.Join("/sys/block", name, "slaves")); len(sl) > 0 {
			t.Skip("/ is on a dm/md stack; covered by the holder test")
		}
	}
	return "/dev/" + name
}

func TestRootDiskIsRefused(t *testing.T) {
	disk := rootDisk(t)
	d, err := Inspect(context.Background(), disk, ListOptions{})
	if err != nil {
		t.Fatalf("Inspect(%s): %v", disk, err)
	}
	if !d.Protected {
		t.Fatalf("%s holds / but is not protected: %+v", disk, d)
	}
	err = d.Refusal(i18n.EN)
	if err == nil || !strings.Contains(err.Error(), "running system") {
		t.Fatalf("Refusal = %v, want it to name the running system", err)
	}
	if fr := d.Refusal(i18n.FR); fr == nil || !strings.Contains(fr.Error(), "système en cours") {
		t.Fatalf("French refusal = %v", fr)
	}
	// --yes and --dry-run never override a refusal.
	for _, o := range []ConfirmOptions{{Yes: true}, {DryRun: true}, {Yes: true, DryRun: true}} {
		if Confirm(d, o) == nil {
			t.Fatalf("Confirm(%+v) accepted the disk holding /", o)
		}
	}
	all, err := ListDisks(context.Background(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range all {
		if x.Path == disk {
			found = true
			if !x.Protected {
				t.Fatalf("ListDisks shows %s unprotected", disk)
			}
		}
	}
	if !found {
		t.Fatalf("ListDisks does not list %s: %+v", disk, all)
	}
}

func TestLoopDeviceIsListedAndWritable(t *testing.T) {
	file := looptest.File(t, 16<<20)
	dev := looptest.AttachFile(t, file)
	d, err := Inspect(context.Background(), dev, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Protected || d.Refusal(i18n.EN) != nil {
		t.Fatalf("fresh loop device protected: %v", d.ProtectedReasons)
	}
	if d.SizeBytes != 16<<20 || d.Medium != "loop" || !samePath(d.BackingFile, file) {
		t.Fatalf("loop device described as %+v", d)
	}
	all, err := ListDisks(context.Background(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, x := range all {
		listed = listed || x.Path == dev
		if strings.HasPrefix(x.Name, "loop") && x.SizeBytes == 0 {
			t.Fatalf("detached loop listed: %+v", x)
		}
	}
	if !listed {
		t.Fatalf("attached %s not listed", dev)
	}
	// The loop device backed by the image being deployed is the source.
	d, err = Inspect(context.Background(), dev, ListOptions{SourceImages: []string{file}})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Refusal(i18n.EN); err == nil || !strings.Contains(err.Error(), "source image") {
		t.Fatalf("source image not refused: %v", err)
	}
}

func TestMountedLoopDeviceIsRefused(t *testing.T) {
	dev := looptest.Attach(t, 32<<20)
	if _, err := exec.LookPath("mkfs.ext4"); err != nil {
		t.Fatal("mkfs.ext4 missing (Debian package e2fsprogs)")
	}
	run(t, "mkfs.ext4", "-q", "-F", dev)
	mnt := t.TempDir()
	run(t, "mount", dev, mnt)
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })

	d, err := Inspect(context.Background(), dev, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	err = d.Refusal(i18n.EN)
	if err == nil || !strings.Contains(err.Error(), "mounted") || !strings.Contains(err.Error(), mnt) {
		t.Fatalf("mounted loop device: Refusal = %v", err)
	}
	if Confirm(d, ConfirmOptions{Yes: true}) == nil {
		t.Fatal("--yes overrode the mount refusal")
	}
	// Even past the guard, the kernel refuses an exclusive open.
	if f, err := OpenWrite(dev, true); err == nil {
		f.Close()
		t.Fatal("OpenWrite opened a mounted device")
	}
}

func TestPartitionNamesItsDisk(t *testing.T) {
	dev := looptest.Attach(t, 16<<20)
	cmd := exec.Command("sfdisk", "-q", dev)
	cmd.Stdin = strings.NewReader("start=2048, size=8192\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sfdisk: %v: %s", err, out)
	}
	run(t, "partx", "-u", dev)
	_, err := Inspect(context.Background(), dev+"p1", ListOptions{})
	if err == nil || !strings.Contains(err.Error(), "partition") || !strings.Contains(err.Error(), dev) {
		t.Fatalf("Inspect(partition) = %v, want a refusal naming %s", err, dev)
	}
}

func TestConfirmAsksForTheSerial(t *testing.T) {
	d := BlockDevice{Path: "/dev/fake-hdd", Name: "fake-hdd", Model: "ST500", Serial: "Z3TAB12C", SizeBytes: 500e9}
	var out bytes.Buffer
	err := Confirm(d, ConfirmOptions{Interactive: true, In: strings.NewReader("b12c\n"), Out: &out, Lang: i18n.EN})
	if err != nil {
		t.Fatalf("typed the right code: %v", err)
	}
	if !strings.Contains(out.String(), "Z3TAB12C") || !strings.Contains(out.String(), "500 GB") {
		t.Fatalf("prompt does not show the disk: %q", out.String())
	}
	err = Confirm(d, ConfirmOptions{Interactive: true, In: strings.NewReader("AB12\n"), Out: &out, Lang: i18n.FR})
	if err == nil || !strings.Contains(err.Error(), "ne correspond pas") {
		t.Fatalf("wrong code: %v", err)
	}
	if err := Confirm(d, ConfirmOptions{}); err == nil || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("no terminal, no --yes: %v", err)
	}
	// Two disks share stdin: the first answer must not eat the second.
	in := strings.NewReader("B12C\nAAAA\n")
	e := BlockDevice{Path: "/dev/fake-ssd", Name: "fake-ssd", Serial: "XAAAA"}
	if err := Confirm(d, ConfirmOptions{Interactive: true, In: in, Out: &out}); err != nil {
		t.Fatal(err)
	}
	if err := Confirm(e, ConfirmOptions{Interactive: true, In: in, Out: &out}); err != nil {
		t.Fatal(err)
	}
}

func TestAlignedBuffer(t *testing.T) {
	for _, n := range []int{4096, 1 << 20, 3 * 4096} {
		b := AlignedBuffer(n)
		if len(b) != n || addr(b)%Alignment != 0 {
			t.Fatalf("AlignedBuffer(%d): len %d, misaligned", n, len(b))
		}
	}
}

func TestDeviceSizeOfLoop(t *testing.T) {
	dev := looptest.Attach(t, 8<<20)
	f, err := OpenWrite(dev, true)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !IsDirect(f) {
		t.Error("loop device not opened O_DIRECT")
	}
	n, err := DeviceSize(f)
	if err != nil || n != 8<<20 {
		t.Fatalf("DeviceSize = %d, %v", n, err)
	}
}

func addr(b []byte) uintptr { return uintptr(unsafe.Pointer(&b[0])) }

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v: %s", name, args, err, out)
	}
}

// samePath compares two paths after resolving symlinks and making them
// absolute, so ./img and /srv/img/../img are the same image.
func samePath(a, b string) bool {
	ca, cb := canonical(a), canonical(b)
	if ca == cb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

func canonical(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	if a, err := filepath.Abs(p); err == nil {
		p = a
	}
	return filepath.Clean(p)
}
