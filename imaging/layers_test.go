package imaging

// The guard follows every layer under and above a target: loop devices
// whose backing file is a block device, a partition or a file, and the
// stacks built on top. These tests build two- and three-level stacks from
// loop devices of their own (internal/looptest) and check that the
// refusal names the reason and the layer it comes through.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// quietMkfs and quietMount make an ext4 the kernel leaves alone once
// mounted, so that a checksum taken then stays valid: no lazy inode table
// or journal initialisation, no uninitialised block groups whose bitmaps
// the kernel writes on first use, no bitmap prefetch at mount, no atime.
func quietMkfs(dev string) []string {
	return []string{"-q", "-F", "-O", "^metadata_csum,^uninit_bg", "-E", "lazy_itable_init=0,lazy_journal_init=0", dev}
}

const quietMount = "noatime,no_prefetch_block_bitmaps"

// mountedExt4 is a loop device over a fresh file, holding a quiet ext4
// (see quietMkfs) mounted in a temporary folder, unmounted in t.Cleanup.
func mountedExt4(t *testing.T, size int64) (dev, mnt string) {
	t.Helper()
	dev = looptest.Attach(t, size)
	run(t, "mkfs.ext4", quietMkfs(dev)...)
	mnt = t.TempDir()
	run(t, "mount", "-o", quietMount, dev, mnt)
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	return dev, mnt
}

// sum is the SHA-256 of everything readable at path (a device or a file),
// after the kernel has written back what it holds.
func sum(t *testing.T, path string) string {
	t.Helper()
	exec.Command("sync").Run()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// refusedFor inspects dev and requires a refusal containing every want,
// in English, and a French one too.
func refusedFor(t *testing.T, dev string, opts ListOptions, want ...string) BlockDevice {
	t.Helper()
	d, err := Inspect(context.Background(), dev, opts)
	if err != nil {
		t.Fatalf("Inspect(%s): %v", dev, err)
	}
	err = d.Refusal()
	if err == nil {
		t.Fatalf("%s accepted (backing %q), want a refusal naming %q", dev, d.BackingFile, want)
	}
	t.Log(err)
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Fatalf("%s: refusal %q lacks %q", dev, err, w)
		}
	}
	if fr := sayIn(i18n.FR, d.Refusal()); !strings.Contains(fr, "refusée") {
		t.Fatalf("%s: French refusal %v", dev, fr)
	}
	for _, o := range []ConfirmOptions{{Yes: true}, {DryRun: true}} {
		if _, err := Consent(d, o); err == nil {
			t.Fatalf("Confirm(%+v) accepted %s", o, dev)
		}
	}
	return d
}

// listed finds dev in ListDisks and requires it protected for want.
func listedProtected(t *testing.T, dev string, opts ListOptions, want ...string) {
	t.Helper()
	all, err := ListDisks(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		if d.Path != dev {
			continue
		}
		got := strings.Join(d.ProtectedReasons, "; ")
		if !d.Protected {
			t.Fatalf("disks lists %s as writable", dev)
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Fatalf("disks: %s reasons %q lack %q", dev, got, w)
			}
		}
		return
	}
	t.Fatalf("disks does not list %s", dev)
}

// Two and three levels: a loop over a loop (over a loop) whose bottom
// holds a mounted ext4. Before the fix the top passed the guard and a
// wipe zeroed the mounted filesystem.
func TestLoopOverMountedLoopIsRefused(t *testing.T) {
	a, mnt := mountedExt4(t, 32<<20)
	before := sum(t, a)
	b := looptest.AttachFile(t, a)
	c := looptest.AttachFile(t, b)
	refusedFor(t, b, ListOptions{}, "mounted filesystem ("+mnt+")", a)
	refusedFor(t, c, ListOptions{}, "mounted filesystem ("+mnt+")", a)
	listedProtected(t, c, ListOptions{}, "mounted filesystem ("+mnt+")")
	// The bottom names the layers built on it.
	refusedFor(t, a, ListOptions{}, "mounted filesystem ("+mnt+")", b, c)
	if sum(t, a) != before {
		t.Fatal("the mounted filesystem changed")
	}
}

func TestLoopOverSwapLoopIsRefused(t *testing.T) {
	a := looptest.Attach(t, 16<<20)
	run(t, "mkswap", a)
	run(t, "swapon", a)
	t.Cleanup(func() { exec.Command("swapoff", a).Run() })
	b := looptest.AttachFile(t, a)
	c := looptest.AttachFile(t, b)
	refusedFor(t, b, ListOptions{}, "swap ("+a+")")
	refusedFor(t, c, ListOptions{}, "swap ("+a+")", a)
}

// A loop over a partition of a loop: the partition's disk has another
// partition mounted, and the loop above is mounted itself.
func TestLoopOverPartitionOfLoopIsRefused(t *testing.T) {
	disk := looptest.Attach(t, 64<<20, looptest.Partitions())
	sfdisk := exec.Command("sfdisk", "-q", disk)
	sfdisk.Stdin = strings.NewReader("start=2048, size=40960\nstart=43008, size=40960\n")
	if out, err := sfdisk.CombinedOutput(); err != nil {
		t.Fatalf("sfdisk: %v: %s", err, out)
	}
	run(t, "partx", "-u", disk)
	p1, p2 := disk+"p1", disk+"p2"
	waitFor(t, p2)
	run(t, "mkfs.ext4", quietMkfs(p1)...)
	mnt := t.TempDir()
	run(t, "mount", "-o", quietMount, p1, mnt)
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	before := sum(t, p1)

	// Over the mounted partition itself.
	onP1 := looptest.AttachFile(t, p1)
	refusedFor(t, onP1, ListOptions{}, "mounted filesystem ("+mnt+")", p1)
	// Over the free partition of a disk that has a mounted one: writing
	// it writes that disk, which the guard protects as a whole.
	onP2 := looptest.AttachFile(t, p2)
	refusedFor(t, onP2, ListOptions{}, "mounted filesystem ("+mnt+")")
	// Three levels: a loop over the loop over the free partition.
	top := looptest.AttachFile(t, onP2)
	refusedFor(t, top, ListOptions{}, "mounted filesystem ("+mnt+")")
	// The partitioned disk names the loops built on its partitions.
	refusedFor(t, disk, ListOptions{}, "mounted filesystem ("+mnt+")", onP1, onP2)
	if sum(t, p1) != before {
		t.Fatal("the mounted partition changed")
	}
}

// A partition with nothing mounted anywhere on its disk: a loop over it
// writes only that disk, which nobody uses, so it may be written; the
// disk itself is refused while the loop uses it.
func TestLoopOverFreePartitionIsAllowed(t *testing.T) {
	disk := looptest.Attach(t, 32<<20, looptest.Partitions())
	sfdisk := exec.Command("sfdisk", "-q", disk)
	sfdisk.Stdin = strings.NewReader("start=2048, size=20480\n")
	if out, err := sfdisk.CombinedOutput(); err != nil {
		t.Fatalf("sfdisk: %v: %s", err, out)
	}
	run(t, "partx", "-u", disk)
	waitFor(t, disk+"p1")
	on := looptest.AttachFile(t, disk+"p1")
	d, err := Inspect(context.Background(), on, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Refusal(); err != nil {
		t.Fatalf("loop over a free partition refused: %v", err)
	}
	refusedFor(t, disk, ListOptions{}, "in use by a loop device ("+on)
}

// Two loop devices over the same file: one mounted, the other would write
// the mounted filesystem's bytes.
func TestSecondLoopOverAMountedFileIsRefused(t *testing.T) {
	file := looptest.File(t, 32<<20)
	a := looptest.AttachFile(t, file)
	run(t, "mkfs.ext4", quietMkfs(a)...)
	mnt := t.TempDir()
	run(t, "mount", "-o", quietMount, a, mnt)
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	b := looptest.AttachFile(t, file)
	refusedFor(t, b, ListOptions{}, "mounted filesystem ("+mnt+")", a)
}

// A loop device whose backing file is the ledger, or the bench key, or a
// loop over such a loop, is refused: writing it destroys the history.
func TestLoopOverLedgerIsRefused(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "ledger.db")
	key := filepath.Join(dir, "bench.key")
	for _, f := range []string{ledger, key} {
		if err := os.WriteFile(f, make([]byte, 1<<20), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	opts := ListOptions{Keep: []KeptFile{{Path: ledger, Reason: "guard.reason.ledger"},
		{Path: key, Reason: "guard.reason.benchkey"}}}
	before := sum(t, ledger)
	l := looptest.AttachFile(t, ledger)
	refusedFor(t, l, opts, "ledger ("+ledger+")")
	top := looptest.AttachFile(t, l)
	refusedFor(t, top, opts, "ledger ("+ledger+")", l)
	k := looptest.AttachFile(t, key)
	refusedFor(t, k, opts, "bench signing key ("+key+")")
	// Named through a symbolic link, the ledger is the same file.
	link := filepath.Join(t.TempDir(), "l.db")
	if err := os.Symlink(ledger, link); err != nil {
		t.Fatal(err)
	}
	refusedFor(t, l, ListOptions{Keep: []KeptFile{{Path: link, Reason: "guard.reason.ledger"}}}, "ledger")
	// A loop over a file next to the ledger is another file: allowed.
	other := looptest.AttachFile(t, looptest.File(t, 1<<20))
	if d, err := Inspect(context.Background(), other, opts); err != nil || d.Refusal() != nil {
		t.Fatalf("an unrelated loop is refused: %v %v", err, d.Reasons)
	}
	if sum(t, ledger) != before {
		t.Fatal("the ledger changed")
	}
}

// The image being deployed, two levels down.
func TestLoopOverSourceImageIsRefused(t *testing.T) {
	img := looptest.File(t, 4<<20, looptest.Fill(0x5A))
	a := looptest.AttachFile(t, img)
	b := looptest.AttachFile(t, a)
	refusedFor(t, b, ListOptions{SourceImages: []string{img}}, "source image ("+img+")", a)
	// Naming the loop device as the image protects the layer above it too.
	refusedFor(t, b, ListOptions{SourceImages: []string{a}}, "source image ("+a+")")
}

// A filesystem lazily unmounted (umount -l) disappears from the mount
// table but lives on while a loop device keeps a file of it open: the disk
// under it is still in use.
func TestDiskUnderALazilyUnmountedFilesystemIsRefused(t *testing.T) {
	a, mnt := mountedExt4(t, 32<<20)
	inner := filepath.Join(mnt, "inner.img")
	if err := os.WriteFile(inner, make([]byte, 4<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	b := looptest.AttachFile(t, inner)
	run(t, "umount", "-l", mnt)
	refusedFor(t, a, ListOptions{}, "in use by a loop device ("+b)
}

// The running system is whatever filesystem a process has as its root: a
// chroot, a container, a live system. SystemRoots names one for the guard
// so that the refusal is proven on any host layout.
func TestSystemRootOnALoopStackIsRefused(t *testing.T) {
	a, mnt := mountedExt4(t, 32<<20)
	b := looptest.AttachFile(t, a)
	opts := ListOptions{SystemRoots: []string{mnt}}
	refusedFor(t, a, opts, "running system")
	refusedFor(t, b, opts, "running system", a)
	listedProtected(t, a, opts, "running system")
	// The root folder given may sit anywhere inside that filesystem.
	sub := filepath.Join(mnt, "srv")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	refusedFor(t, b, ListOptions{SystemRoots: []string{sub}}, "running system")
}

func waitFor(t *testing.T, path string) {
	t.Helper()
	for i := 0; i < 50; i++ {
		if _, err := os.Stat(path); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s never appeared", path)
}

// mountElsewhere mounts dev in a mount namespace of its own, held by a
// sleeping process: this namespace's mount table never shows it, as with
// a container's or a service's private mounts. The process is ended in
// t.Cleanup, and the mount with it.
func mountElsewhere(t *testing.T, dev string) {
	t.Helper()
	mnt := t.TempDir()
	cmd := exec.Command("unshare", "--mount", "--propagation", "private", "sh", "-c",
		`mount -o `+quietMount+` "$1" "$2" && echo mounted && exec sleep 600`, "sh", dev, mnt)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make([]byte, 8)
	if n, _ := io.ReadFull(out, line); n != 8 || string(line) != "mounted\n" {
		t.Fatalf("mount in another namespace failed (%q)", line[:n])
	}
}

// A filesystem mounted in another mount namespace is not in this one's
// mount table: the guard reads every namespace's.
func TestLoopOverADeviceMountedInAnotherNamespaceIsRefused(t *testing.T) {
	a := looptest.Attach(t, 32<<20)
	run(t, "mkfs.ext4", quietMkfs(a)...)
	mountElsewhere(t, a)
	b := looptest.AttachFile(t, a)
	c := looptest.AttachFile(t, b)
	refusedFor(t, a, ListOptions{}, "mounted in another mount namespace (pid ")
	refusedFor(t, b, ListOptions{}, "mounted in another mount namespace (pid ", "through "+a+" under it")
	refusedFor(t, c, ListOptions{}, "mounted in another mount namespace (pid ", "through "+a+" under it")
	listedProtected(t, c, ListOptions{}, "mounted in another mount namespace")
	// The device itself: the exclusive open refuses it too.
	if f, err := OpenWrite(a, true); err == nil {
		f.Close()
		t.Fatal("OpenWrite opened a device mounted in another namespace")
	} else if !IsBusy(err) {
		t.Fatalf("OpenWrite: %v, want busy", err)
	}
}

// A layer another program holds open exclusively (another atelier wipe,
// a tool writing it) shows in no table: the kernel says it is busy.
func TestLoopOverADeviceHeldExclusivelyIsRefused(t *testing.T) {
	a := looptest.Attach(t, 16<<20)
	fd, err := unix.Open(a, unix.O_RDONLY|unix.O_EXCL|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	b := looptest.AttachFile(t, a)
	c := looptest.AttachFile(t, b)
	refusedFor(t, b, ListOptions{}, "held open exclusively through "+a)
	refusedFor(t, c, ListOptions{}, "held open exclusively through "+a)
	unix.Close(fd)
	fd = -1
	if d, err := Inspect(context.Background(), c, ListOptions{}); err != nil || d.Refusal() != nil {
		t.Fatalf("once released, the stack is free: %v %v", err, d.ProtectedReasons)
	}
}

// A live system's / is an overlay: its lower folder sits on a squashfs or
// a disk, its upper one on tmpfs. The layers holding them are the running
// system, although no mount of them is "/".
func TestOverlaySystemRootProtectsItsLayers(t *testing.T) {
	lower, lowerMnt := mountedExt4(t, 32<<20)
	if err := os.Mkdir(filepath.Join(lowerMnt, "rootfs"), 0o755); err != nil {
		t.Fatal(err)
	}
	upper, upperMnt := mountedExt4(t, 32<<20)
	for _, d := range []string{"rw", "work"} {
		if err := os.Mkdir(filepath.Join(upperMnt, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	root := t.TempDir()
	run(t, "mount", "-t", "overlay", "overlay", "-o",
		"lowerdir="+filepath.Join(lowerMnt, "rootfs")+",upperdir="+filepath.Join(upperMnt, "rw")+",workdir="+filepath.Join(upperMnt, "work"), root)
	t.Cleanup(func() { exec.Command("umount", root).Run() })
	opts := ListOptions{SystemRoots: []string{root}}
	refusedFor(t, lower, opts, "running system")
	refusedFor(t, upper, opts, "running system")
	over := looptest.AttachFile(t, lower)
	refusedFor(t, over, opts, "running system (/), through "+lower+" under it")
}

func TestOverlayDirs(t *testing.T) {
	for opts, want := range map[string]string{
		`rw,lowerdir=/a:/b,upperdir=/c,workdir=/d`:        "/a|/b|/c",
		`rw,lowerdir=/x\:y:/z,upperdir=/u\,v,workdir=/w`:  "/x:y|/z|/u,v",
		`rw,lowerdir+=/l1,lowerdir+=/l2,datadir+=/data`:   "/l1|/l2|/data",
		`rw,lowerdir=/with\040space,upperdir=/up,xino=on`: "/with space|/up",
		`rw,relatime`: "",
	} {
		if got := strings.Join(overlayDirs(opts), "|"); got != want {
			t.Errorf("overlayDirs(%q) = %q, want %q", opts, got, want)
		}
	}
}
