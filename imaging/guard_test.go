package imaging

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/looptest"
	"golang.org/x/sys/unix"
)

// hostDisks follows a device number down through sysfs to the whole disks
// under it (partition to disk, volume to its slaves), independently of the
// guard's own code.
func hostDisks(major, minor uint32) []string {
	link, err := os.Readlink(fmt.Sprintf("/sys/dev/block/%d:%d", major, minor))
	if err != nil {
		return nil
	}
	var walk func(name string, depth int) []string
	walk = func(name string, depth int) []string {
		if depth > 16 {
			return nil
		}
		if _, err := os.Stat(filepath.Join("/sys/class/block", name, "partition")); err == nil {
			l, _ := os.Readlink(filepath.Join("/sys/class/block", name))
			name = filepath.Base(filepath.Dir(l))
		}
		slaves, _ := os.ReadDir(filepath.Join("/sys/class/block", name, "slaves"))
		if len(slaves) == 0 {
			return []string{"/dev/" + name}
		}
		var out []string
		for _, sl := range slaves {
			out = append(out, walk(sl.Name(), depth+1)...)
		}
		return out
	}
	return walk(filepath.Base(link), 0)
}

// mountedHostDisks are the whole disks holding a mounted filesystem, by
// reading /proc/self/mountinfo here; loop devices aside, which other tests
// attach and detach meanwhile. root is the disks under /.
func mountedHostDisks(t *testing.T) (all map[string][]string, root []string, rootFS string) {
	t.Helper()
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Fatal(err)
	}
	all = map[string][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		sep := slices.Index(f, "-")
		if len(f) < 5 || sep < 0 || sep+2 >= len(f) {
			continue
		}
		var maj, min uint32
		fmt.Sscanf(f[2], "%d:%d", &maj, &min)
		if maj == 0 { // btrfs and the like: the source names the device
			var st unix.Stat_t
			if unix.Stat(f[sep+2], &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFBLK {
				maj, min = unix.Major(st.Rdev), unix.Minor(st.Rdev)
			}
		}
		disks := hostDisks(maj, min)
		if f[4] == "/" {
			root, rootFS = disks, f[sep+1]
		}
		for _, d := range disks {
			if !strings.HasPrefix(d, "/dev/loop") {
				all[d] = append(all[d], f[4])
			}
		}
	}
	return all, root, rootFS
}

// The machine's own /, whatever it stands on: a disk, a dm or md stack, or
// an overlay or tmpfs in a container (then no disk holds it, and the test
// checks every disk that holds a mounted filesystem instead, as containers
// bind-mount the host's disk for /etc/hosts). It says which case it met;
// TestSystemRootOnALoopStackIsRefused proves the refusal on any host.
func TestRootDiskIsRefused(t *testing.T) {
	mounted, root, rootFS := mountedHostDisks(t)
	all, err := ListDisks(context.Background(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]BlockDevice{}
	for _, d := range all {
		listed[d.Path] = d
	}
	if len(root) == 0 {
		t.Logf("/ is %s, on no block device here: checking the %d disk(s) holding a mounted filesystem", rootFS, len(mounted))
	} else {
		t.Logf("/ is %s on %v", rootFS, root)
	}
	for _, disk := range root {
		d, err := Inspect(context.Background(), disk, ListOptions{})
		if err != nil {
			t.Fatalf("Inspect(%s): %v", disk, err)
		}
		if err := d.Refusal(); err == nil || !strings.Contains(err.Error(), "running system") {
			t.Fatalf("Refusal(%s) = %v, want it to name the running system", disk, err)
		}
		if fr := sayIn(i18n.FR, d.Refusal()); !strings.Contains(fr, "système en cours") {
			t.Fatalf("French refusal = %v", fr)
		}
		// --yes and --dry-run never override a refusal.
		for _, o := range []ConfirmOptions{{Yes: true}, {DryRun: true}, {Yes: true, DryRun: true}} {
			if _, err := Consent(d, o); err == nil {
				t.Fatalf("Confirm(%+v) accepted the disk holding /", o)
			}
		}
	}
	for disk, points := range mounted {
		d, ok := listed[disk]
		if !ok || !d.Protected {
			t.Fatalf("%s holds %v but disks shows it %+v", disk, points, d)
		}
		t.Logf("%s: %s", disk, strings.Join(d.ProtectedReasons, "; "))
	}
}

func TestLoopDeviceIsListedAndWritable(t *testing.T) {
	file := looptest.File(t, 16<<20)
	dev := looptest.AttachFile(t, file)
	d, err := Inspect(context.Background(), dev, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Protected || d.Refusal() != nil {
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
	if err := d.Refusal(); err == nil || !strings.Contains(err.Error(), "source image") {
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
	err = d.Refusal()
	if err == nil || !strings.Contains(err.Error(), "mounted") || !strings.Contains(err.Error(), mnt) {
		t.Fatalf("mounted loop device: Refusal = %v", err)
	}
	if _, err := Consent(d, ConfirmOptions{Yes: true}); err == nil {
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

// Consent says what a person must type, and Check judges it; the dialogue
// itself is the command's, in the reader's language.
func TestConsentAsksForTheSerial(t *testing.T) {
	d := BlockDevice{Path: "/dev/fake-hdd", Name: "fake-hdd", Model: "ST500", Serial: "Z3TAB12C", SizeBytes: 500e9}
	ask, err := Consent(d, ConfirmOptions{Interactive: true})
	if err != nil || ask == nil || ask.Code != "B12C" || !ask.BySerial || ask.Device.Serial != "Z3TAB12C" {
		t.Fatalf("Consent = %+v, %v; want the serial's last 4 to type", ask, err)
	}
	if err := ask.Check(" b12c ", true); err != nil {
		t.Fatalf("typed the right code: %v", err)
	}
	var ie *i18n.Error
	if err := ask.Check("AB12", true); !errors.As(err, &ie) || ie.Key != "guard.mismatch" {
		t.Fatalf("wrong code: %v", err)
	}
	if err := ask.Check("", false); !errors.As(err, &ie) || ie.Key != "guard.noanswer" {
		t.Fatalf("no answer: %v", err)
	}
	if _, err := Consent(d, ConfirmOptions{}); err == nil || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("no terminal, no --yes: %v", err)
	}
	for _, o := range []ConfirmOptions{{Yes: true}, {DryRun: true}} {
		if ask, err := Consent(d, o); ask != nil || err != nil {
			t.Fatalf("Consent(%+v) = %+v, %v: nothing to ask", o, ask, err)
		}
	}
	noSerial := BlockDevice{Path: "/dev/fake-ssd", Name: "fake-ssd"}
	if ask, _ := Consent(noSerial, ConfirmOptions{Interactive: true}); ask == nil || ask.Code != "fake-ssd" || ask.BySerial {
		t.Fatalf("a disk without serial: %+v, want its name to type", ask)
	}
}

// sayIn is a keyed error said in l, the way the command does.
func sayIn(l i18n.Lang, err error) string {
	var ie *i18n.Error
	if !errors.As(err, &ie) {
		return fmt.Sprint(err)
	}
	return ie.In(l)
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
