package main

// End to end, through the real binary: atelier wipe --yes, wipe --dry-run,
// disks and deploy on stacks of loop devices this test builds (two and
// three levels), each refusal naming its reason, and not one byte of the
// protected layer changed. Then the running system, proven in a chroot
// whose root is a loop device, whatever the host's own / is.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/internal/looptest"
)

func mustRun(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v: %s", name, args, err, out)
	}
}

// sha is the SHA-256 of the first n bytes at path (all when n is 0), after
// the kernel has written back what it holds.
func sha(t *testing.T, path string, n int64) string {
	t.Helper()
	exec.Command("sync").Run()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if n > 0 {
		r = io.LimitReader(f, n)
	}
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// quietMkfs and quietMount make an ext4 the kernel leaves alone once
// mounted, so that a checksum taken then stays valid: no lazy inode table
// or journal initialisation, no uninitialised block groups whose bitmaps
// the kernel writes on first use, no bitmap prefetch at mount, no atime.
func quietMkfs(dev string) []string {
	return []string{"-q", "-F", "-O", "^metadata_csum,^uninit_bg", "-E", "lazy_itable_init=0,lazy_journal_init=0", dev}
}

const quietMount = "noatime,no_prefetch_block_bitmaps"

// mountExt4 makes an ext4 on dev and mounts it (unmounted in t.Cleanup);
// with lazy initialisation off, the kernel then leaves it alone.
func mountExt4(t *testing.T, dev string) string {
	t.Helper()
	mustRun(t, "mkfs.ext4", quietMkfs(dev)...)
	mnt := t.TempDir()
	mustRun(t, "mount", "-o", quietMount, dev, mnt)
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	return mnt
}

func partitioned(t *testing.T, table string) string {
	t.Helper()
	disk := looptest.Attach(t, 64<<20, looptest.Partitions())
	c := exec.Command("sfdisk", "-q", disk)
	c.Stdin = strings.NewReader(table)
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("sfdisk: %v: %s", err, out)
	}
	mustRun(t, "partx", "-u", disk)
	for i := 0; i < 50; i++ {
		if _, err := os.Stat(disk + "p2"); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return disk
}

// stackCase is one stack: the target to write, the layer that must not
// change (and how many of its first bytes to compare), what the refusal
// must say.
type stackCase struct {
	target, keep string
	keepBytes    int64
	want         []string
}

// expectRefused runs wipe --yes, wipe --dry-run and disks on the target.
func expectRefused(t *testing.T, b *bench, c stackCase) {
	t.Helper()
	before := sha(t, c.keep, c.keepBytes)
	out, errOut, code := b.run("wipe", "--yes", "--json", c.target)
	if code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Fatalf("wipe --yes %s: exit %d, stderr %q, stdout %q", c.target, code, errOut, out)
	}
	t.Logf("wipe --yes %s: %s", c.target, strings.TrimSpace(errOut))
	for _, w := range c.want {
		if !strings.Contains(errOut, w) {
			t.Fatalf("wipe --yes %s: %q lacks %q", c.target, errOut, w)
		}
	}
	if _, errOut, code := b.run("wipe", "--dry-run", "--lang", "fr", c.target); code != 1 || !strings.Contains(errOut, "refusée") {
		t.Fatalf("wipe --dry-run %s: exit %d, %q", c.target, code, errOut)
	}
	if sha(t, c.keep, c.keepBytes) != before {
		t.Fatalf("%s changed although the wipe of %s was refused", c.keep, c.target)
	}
	disks, _, _ := b.run("disks", "--json")
	var list []struct {
		Path             string
		Protected        bool
		ProtectedReasons []string `json:"protected_reasons"`
	}
	if err := json.Unmarshal([]byte(disks), &list); err != nil {
		t.Fatalf("disks --json: %v", err)
	}
	for _, d := range list {
		if d.Path == c.target {
			if !d.Protected || !strings.Contains(strings.Join(d.ProtectedReasons, "; "), c.want[0]) {
				t.Fatalf("disks shows %s as %+v", c.target, d)
			}
			return
		}
	}
	t.Fatalf("disks does not list %s", c.target)
}

func TestWipeRefusesStackedDevices(t *testing.T) {
	looptest.Require(t)
	t.Run("loop over a mounted loop", func(t *testing.T) {
		b := newBench(t)
		a := looptest.Attach(t, 32<<20)
		mnt := mountExt4(t, a)
		two := looptest.AttachFile(t, a)
		three := looptest.AttachFile(t, two)
		expectRefused(t, b, stackCase{two, a, 0, []string{"mounted filesystem (" + mnt + ")", "through " + a + " under it"}})
		expectRefused(t, b, stackCase{three, a, 0, []string{"mounted filesystem (" + mnt + ")", "through " + a + " under it"}})
		expectRefused(t, b, stackCase{a, a, 0, []string{"mounted filesystem (" + mnt + ")", "in use by a loop device (" + two}})
	})
	t.Run("loop over a swap loop", func(t *testing.T) {
		b := newBench(t)
		a := looptest.Attach(t, 16<<20)
		mustRun(t, "mkswap", a)
		mustRun(t, "swapon", a)
		t.Cleanup(func() { exec.Command("swapoff", a).Run() })
		two := looptest.AttachFile(t, a)
		three := looptest.AttachFile(t, two)
		// The kernel may page out to this swap at any time, but never
		// rewrites its first page (the swap signature) while active.
		expectRefused(t, b, stackCase{two, a, 4096, []string{"used as swap (" + a + ")"}})
		expectRefused(t, b, stackCase{three, a, 4096, []string{"used as swap (" + a + ")"}})
	})
	t.Run("loop over a partition of a loop", func(t *testing.T) {
		b := newBench(t)
		disk := partitioned(t, "start=2048, size=40960\nstart=43008, size=40960\n")
		mnt := mountExt4(t, disk+"p1")
		onP1 := looptest.AttachFile(t, disk+"p1")
		onP2 := looptest.AttachFile(t, disk+"p2")
		top := looptest.AttachFile(t, onP2)
		expectRefused(t, b, stackCase{onP1, disk + "p1", 0, []string{"mounted filesystem (" + mnt + ")", "through " + disk + "p1 under it"}})
		expectRefused(t, b, stackCase{onP2, disk + "p1", 0, []string{"mounted filesystem (" + mnt + ")"}})
		expectRefused(t, b, stackCase{top, disk + "p1", 0, []string{"mounted filesystem (" + mnt + ")"}})
	})
	t.Run("second loop over the file of a mounted loop", func(t *testing.T) {
		b := newBench(t)
		file := looptest.File(t, 32<<20)
		a := looptest.AttachFile(t, file)
		mnt := mountExt4(t, a)
		other := looptest.AttachFile(t, file)
		expectRefused(t, b, stackCase{other, a, 0, []string{"mounted filesystem (" + mnt + ")", "through " + a + " on the same storage"}})
	})
	t.Run("loop backed by the ledger or the bench key", func(t *testing.T) {
		b := newBench(t)
		ledger := filepath.Join(b.dir, "ledger.db")
		l := looptest.AttachFile(t, ledger)
		top := looptest.AttachFile(t, l)
		k := looptest.AttachFile(t, filepath.Join(b.dir, "bench.key"))
		expectRefused(t, b, stackCase{l, ledger, 0, []string{"holds the ledger (" + ledger + ")"}})
		expectRefused(t, b, stackCase{top, ledger, 0, []string{"holds the ledger (" + ledger + "), through " + l + " under it"}})
		expectRefused(t, b, stackCase{k, filepath.Join(b.dir, "bench.key"), 0, []string{"holds the bench signing key"}})
		if _, errOut, code := b.run("ledger", "verify"); code != 0 {
			t.Fatalf("the ledger is damaged after the refusals: %s", errOut)
		}
	})
	t.Run("loop over a device mounted in another namespace", func(t *testing.T) {
		b := newBench(t)
		a := looptest.Attach(t, 32<<20)
		mustRun(t, "mkfs.ext4", quietMkfs(a)...)
		mnt := t.TempDir()
		hold := exec.Command("unshare", "--mount", "--propagation", "private", "sh", "-c",
			`mount -o `+quietMount+` "$1" "$2" && echo mounted && exec sleep 600`, "sh", a, mnt)
		out, _ := hold.StdoutPipe()
		if err := hold.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { hold.Process.Kill(); hold.Wait() })
		if line, _ := io.ReadAll(io.LimitReader(out, 8)); string(line) != "mounted\n" {
			t.Fatalf("mount in another namespace: %q", line)
		}
		two := looptest.AttachFile(t, a)
		three := looptest.AttachFile(t, two)
		expectRefused(t, b, stackCase{two, a, 0, []string{"mounted in another mount namespace (pid ", "through " + a + " under it"}})
		expectRefused(t, b, stackCase{three, a, 0, []string{"mounted in another mount namespace (pid ", "through " + a + " under it"}})
	})
	t.Run("loop over a device another program holds", func(t *testing.T) {
		b := newBench(t)
		a := looptest.Attach(t, 16<<20, looptest.Fill(0x3C))
		fd, err := unix.Open(a, unix.O_RDONLY|unix.O_EXCL|unix.O_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer unix.Close(fd)
		two := looptest.AttachFile(t, a)
		before := sha(t, a, 0)
		_, errOut, code := b.run("wipe", "--yes", two)
		if code != 1 || !strings.Contains(errOut, "held open exclusively through "+a) || sha(t, a, 0) != before {
			t.Fatalf("wipe --yes %s over a held %s: exit %d, %q", two, a, code, errOut)
		}
	})
	t.Run("disk under a lazily unmounted filesystem", func(t *testing.T) {
		b := newBench(t)
		a := looptest.Attach(t, 32<<20)
		mnt := mountExt4(t, a)
		inner := filepath.Join(mnt, "inner.img")
		if err := os.WriteFile(inner, make([]byte, 4<<20), 0o644); err != nil {
			t.Fatal(err)
		}
		in := looptest.AttachFile(t, inner)
		mustRun(t, "umount", "-l", mnt)
		expectRefused(t, b, stackCase{a, a, 0, []string{"in use by a loop device (" + in + ")"}})
	})
}

// Several disks in one command that are layers of one another, or share
// one file: each is refused for the other, nothing is written.
func TestWipeRefusesTargetsThatShareStorage(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	file := looptest.File(t, 16<<20, looptest.Fill(0x6B))
	x := looptest.AttachFile(t, file)
	y := looptest.AttachFile(t, file)
	a := looptest.Attach(t, 16<<20, looptest.Fill(0x6C))
	over := looptest.AttachFile(t, a)
	for _, pair := range [][2]string{{x, y}, {a, over}, {over, a}} {
		before := sha(t, file, 0) + sha(t, a, 0)
		_, errOut, code := b.run("wipe", "--yes", pair[0], pair[1])
		if code != 1 || !strings.Contains(errOut, "in use by a loop device ("+pair[1]) && !strings.Contains(errOut, "in use by a loop device ("+pair[0]) {
			t.Fatalf("wipe --yes %s %s: exit %d, %q", pair[0], pair[1], code, errOut)
		}
		if sha(t, file, 0)+sha(t, a, 0) != before {
			t.Fatalf("wipe --yes %s %s wrote", pair[0], pair[1])
		}
	}
}

// A loop device over the free partition of a disk nobody uses is written
// like any disk: the guard follows the stack, it does not refuse stacks.
func TestWipeWritesAFreeStack(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	disk := partitioned(t, "start=2048, size=40960\nstart=43008, size=40960\n")
	p2, err := os.OpenFile(disk+"p2", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = p2.Write(bytes.Repeat([]byte{0xAB}, 20<<20))
	if cerr := p2.Close(); err != nil || cerr != nil {
		t.Fatalf("fill %sp2: %v %v", disk, err, cerr)
	}
	on := looptest.AttachFile(t, disk+"p2")
	out, errOut, code := b.run("wipe", "--yes", "--json", "--verify", "sample", on)
	if code != 0 {
		t.Fatalf("wipe of a loop over a free partition: exit %d: %s\n%s", code, errOut, out)
	}
	if got := deviceBytes(t, disk+"p2"); !bytes.Equal(got, make([]byte, len(got))) {
		t.Fatal("the partition under the loop device is not zeros")
	}
}

// deploy refuses the same stacks, and the image it reads, two levels down.
func TestDeployRefusesStackedDevices(t *testing.T) {
	looptest.Require(t)
	b := newBench(t)
	img := writeImage(t, 4<<20, true)
	overImage := looptest.AttachFile(t, img)
	top := looptest.AttachFile(t, overImage)
	a := looptest.Attach(t, 32<<20)
	mnt := mountExt4(t, a)
	overMounted := looptest.AttachFile(t, a)
	ledger := filepath.Join(b.dir, "ledger.db")
	overLedger := looptest.AttachFile(t, ledger)
	for _, c := range []stackCase{
		{overImage, img, 0, []string{"is the source image (" + img + ")"}},
		{top, img, 0, []string{"is the source image (" + img + "), through " + overImage + " under it"}},
		{overMounted, a, 0, []string{"mounted filesystem (" + mnt + "), through " + a + " under it"}},
		{overLedger, ledger, 0, []string{"holds the ledger (" + ledger + ")"}},
	} {
		before := sha(t, c.keep, 0)
		for _, extra := range [][]string{{"--yes"}, {"--dry-run"}} {
			args := append([]string{"deploy", "--image", img, "--no-personalise", c.target}, extra...)
			_, errOut, code := b.run(args...)
			if code != 1 {
				t.Fatalf("deploy %v: exit %d: %s", extra, code, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Fatalf("deploy %s %v: %q lacks %q", c.target, extra, errOut, w)
				}
			}
		}
		if sha(t, c.keep, 0) != before {
			t.Fatalf("%s changed although the deploy onto %s was refused", c.keep, c.target)
		}
	}
}

// chrootRun runs atelier ARGS in a chroot whose root is the filesystem on
// dev, in a mount namespace of its own (so every mount made for it ends
// with it): the running system, for that atelier, is dev. The script
// prints the device's checksum before and after, taken inside.
func chrootRun(t *testing.T, b *bench, dev string, args ...string) (stdout, stderr string, code int, sameBytes bool) {
	t.Helper()
	atelier, err := exec.LookPath("atelier")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	script := `set -e
dev=$1 root=$2 atelier=$3; shift 3
mount -o ` + quietMount + ` "$dev" "$root"
for d in usr bin sbin lib lib32 lib64 libx32 etc dev proc sys tmp; do
  if [ -L "/$d" ]; then ln -sfn "$(readlink "/$d")" "$root/$d"
  elif [ -d "/$d" ]; then mkdir -p "$root/$d"; mount --bind "/$d" "$root/$d"
  fi
done
sync; before=$(sha256sum "$dev" | cut -d' ' -f1)
set +e
chroot "$root" "$atelier" "$@"
rc=$?
sync; after=$(sha256sum "$dev" | cut -d' ' -f1)
[ "$before" = "$after" ] && echo "same bytes" >&2
exit $rc
`
	c := b.cmd()
	c.Path, _ = exec.LookPath("unshare")
	c.Args = append([]string{"unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", dev, root, atelier}, args...)
	var o, e strings.Builder
	c.Stdout, c.Stderr = &o, &e
	err = c.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	errText := e.String()
	sameBytes = strings.Contains(errText, "same bytes\n")
	return o.String(), strings.ReplaceAll(errText, "same bytes\n", ""), code, sameBytes
}

// The running system is refused wherever it lives: here a loop device that
// is / for an atelier run in a chroot, and a loop device over it.
func TestWipeRefusesTheRunningSystemInAChroot(t *testing.T) {
	looptest.Require(t)
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Fatal("unshare missing (Debian package util-linux)")
	}
	b := newBench(t)
	sys := looptest.Attach(t, 16<<20)
	mustRun(t, "mkfs.ext4", quietMkfs(sys)...)
	over := looptest.AttachFile(t, sys)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"wipe", "--yes", sys}, "refusing to write " + sys + ": it holds the running system (/)"},
		{[]string{"wipe", "--dry-run", "--lang", "fr", sys}, "contient le système en cours d'exécution (/)"},
		{[]string{"wipe", "--yes", over}, "holds the running system (/), through " + sys + " under it"},
		{[]string{"disks"}, ""},
	} {
		out, errOut, code, same := chrootRun(t, b, sys, c.args...)
		t.Logf("chroot atelier %v: exit %d: %s", c.args, code, strings.TrimSpace(errOut))
		if c.want == "" { // disks: the row of the system disk says why
			if code != 0 || !strings.Contains(out, "running system") {
				t.Fatalf("chroot atelier disks: exit %d: %s\n%s", code, errOut, out)
			}
			continue
		}
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Fatalf("chroot atelier %v: exit %d, %q, want %q", c.args, code, errOut, c.want)
		}
		if !same {
			t.Fatalf("chroot atelier %v: the system's filesystem changed", c.args)
		}
	}
}
