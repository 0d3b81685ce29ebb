package deploy

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/internal/i18n"
	"github.com/pcsolidaire/atelier/internal/toolrun"
)

// PersonaliseOptions say who the copy becomes.
type PersonaliseOptions struct {
	Hostname string // "" keeps the image's (with a warning)
}

var hostnameRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// ValidHostname reports whether h is a single DNS label, the only kind
// /etc/hostname should hold on a desktop.
func ValidHostname(h string) bool { return hostnameRE.MatchString(h) }

// HostnameFor derives the default hostname from a unit id: PCS-26-0042 ->
// pcs-26-0042.
func HostnameFor(unitID string) string {
	h := strings.ToLower(strings.TrimSpace(unitID))
	h = regexp.MustCompile(`[^a-z0-9-]+`).ReplaceAllString(h, "-")
	return strings.Trim(h, "-")
}

// personaliser collects the steps as it goes.
type personaliser struct {
	ctx   context.Context
	dev   string
	o     PersonaliseOptions
	steps []Step
}

func (p *personaliser) ok(name, key string, args ...any) {
	p.steps = append(p.steps, newStep(name, "ok", i18n.M(key, args...)))
}

func (p *personaliser) warn(name, key string, args ...any) {
	p.steps = append(p.steps, newStep(name, "warn", i18n.M(key, args...)))
}

func (p *personaliser) fail(name string, err error) error {
	p.steps = append(p.steps, Step{Name: name, Status: "failed", Detail: err.Error()})
	return err
}

// Personalise turns the freshly written disk into this machine's own: GPT
// backup header at the real end of the disk and a new disk GUID, last
// partition and its ext4 grown to fill the disk, then in the root
// filesystem a blank machine-id, no SSH host keys, the hostname, no saved
// Wi-Fi, and OEM first-boot set-up when the image has it. A step that
// cannot apply is a warning; a step that fails is an error. The root
// filesystem is always unmounted before returning.
func Personalise(ctx context.Context, dev string, o PersonaliseOptions) ([]Step, error) {
	p := &personaliser{ctx: ctx, dev: dev, o: o}
	err := p.run()
	return p.steps, err
}

func (p *personaliser) run() error {
	if _, err := readGPT(p.dev); errors.Is(err, errNoGPT) {
		p.warn("gpt", "deploy.step.nogpt", p.dev)
		return nil
	} else if err != nil {
		return p.fail("gpt", err)
	}
	// -e: move the backup header to the end of this (bigger) disk;
	// -U R: a new random disk GUID, so two donated PCs never share one.
	// Partition GUIDs stay: fstab and boot entries may name them.
	if out, err := p.cmd("sgdisk", "-e", "-U", "R", p.dev); err != nil {
		return p.fail("gpt", fmt.Errorf("sgdisk -e -U R %s: %v: %s", p.dev, err, out))
	}
	t, err := readGPT(p.dev)
	if err != nil {
		return p.fail("gpt", err)
	}
	p.ok("gpt", "deploy.step.gpt", t.DiskGUID)

	last, _ := t.last()
	p.grow(last)
	if err := p.rescan(t); err != nil {
		return p.fail("partitions", err)
	}
	if t, err = readGPT(p.dev); err != nil {
		return p.fail("gpt", err)
	}
	last, _ = t.last()
	if err := p.growFS(last); err != nil {
		return err
	}
	root, ok := p.findRoot(t)
	if !ok {
		p.warn("root", "deploy.step.noroot", p.dev)
		return nil
	}
	return p.inRoot(root)
}

// grow extends the last partition to the end of the disk with growpart
// (cloud-guest-utils), or with sgdisk when growpart is missing.
func (p *personaliser) grow(last gptPart) {
	if _, err := exec.LookPath("growpart"); err != nil {
		p.growWithSgdisk(last)
		return
	}
	out, err := p.cmd("growpart", p.dev, fmt.Sprint(last.Index))
	switch {
	case err == nil:
		p.grown(last.Index)
	case strings.Contains(out, "NOCHANGE"):
		p.ok("grow", "deploy.step.grow.nochange", last.Index)
	default:
		p.warn("grow", "deploy.step.grow.failed", last.Index, strings.TrimSpace(out))
	}
}

// growWithSgdisk re-creates the last partition at the same start, up to
// the end of the disk, keeping its type, unique GUID and name (fstab and
// boot entries may use the GUID). sgdisk applies all options at once.
func (p *personaliser) growWithSgdisk(last gptPart) {
	n := fmt.Sprint(last.Index)
	out, err := p.cmd("sgdisk", "-d", n, "-n", n+":"+fmt.Sprint(last.First)+":0", "-t", n+":"+last.Type,
		"-u", n+":"+last.GUID, "-c", n+":"+last.Name, p.dev)
	if err != nil {
		p.warn("grow", "deploy.step.grow.failed", last.Index, lastLines(out, 2))
		return
	}
	t, err := readGPT(p.dev)
	if err != nil {
		p.warn("grow", "deploy.step.grow.failed", last.Index, err.Error())
		return
	}
	now, _ := t.last()
	p.ok("grow", "deploy.step.grow", last.Index, i18n.Size((now.Last-now.First+1)*t.SectorSize))
}

// grown records the last partition grown by growpart with its new size,
// read from the GPT rather than growpart's own English report.
func (p *personaliser) grown(index int) {
	t, err := readGPT(p.dev)
	if err != nil {
		p.ok("grow", "deploy.step.grow.nosize", index)
		return
	}
	now, _ := t.last()
	p.ok("grow", "deploy.step.grow", index, i18n.Size((now.Last-now.First+1)*t.SectorSize))
}

// growFS checks and grows the ext4 filesystem of the last partition.
func (p *personaliser) growFS(last gptPart) error {
	part := partPath(p.dev, last.Index)
	if !isExt(part) {
		p.warn("resize", "deploy.step.notext4", part)
		return nil
	}
	// e2fsck exits 1 (or 2) when it corrected something: that is fine;
	// 4 and above mean the filesystem is still broken.
	out, err := p.cmd("e2fsck", "-f", "-y", part)
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() < 4) {
		return p.fail("fsck", fmt.Errorf("e2fsck -f -y %s: %v: %s", part, err, lastLines(out, 3)))
	}
	p.ok("fsck", "deploy.step.fsck", part)
	if out, err := p.cmd("resize2fs", part); err != nil {
		return p.fail("resize", fmt.Errorf("resize2fs %s: %v: %s", part, err, lastLines(out, 3)))
	}
	p.ok("resize", "deploy.step.resize", part)
	return nil
}

// rescan makes the kernel see the partitions as they now are, and waits
// for their device nodes.
func (p *personaliser) rescan(t *gptTable) error {
	if f, err := os.OpenFile(p.dev, os.O_RDONLY, 0); err == nil {
		unix.Syscall(unix.SYS_IOCTL, f.Fd(), unix.BLKRRPART, 0)
		f.Close()
	}
	// BLKRRPART fails on a busy disk or a loop device without partition
	// scanning, and without udev nobody makes the device nodes: partx
	// updates the kernel's view and makes them.
	p.cmd("partx", "-u", p.dev)
	p.cmd("partx", "-a", p.dev)
	deadline := time.Now().Add(10 * time.Second)
	for _, pt := range t.Parts {
		for {
			if _, err := os.Stat(partPath(p.dev, pt.Index)); err == nil {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("%s: partition node %s did not appear", p.dev, partPath(p.dev, pt.Index))
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	return nil
}

// findRoot picks the root filesystem: a partition of the Linux root type,
// else an ext filesystem holding etc/os-release.
func (p *personaliser) findRoot(t *gptTable) (string, bool) {
	var others []string
	for _, pt := range t.Parts {
		part := partPath(p.dev, pt.Index)
		if !isExt(part) {
			continue
		}
		if pt.Type == typeLinuxRootX86_64 || pt.Type == typeLinuxRootARM64 {
			return part, true
		}
		others = append(others, part)
	}
	for _, part := range others {
		found := false
		_ = withMount(part, func(dir string) error {
			_, err := os.Lstat(dir + "/etc/os-release")
			found = err == nil
			return nil
		})
		if found {
			return part, true
		}
	}
	return "", false
}

// isExt reads the ext2/3/4 superblock magic (0xEF53 at byte 1080).
func isExt(part string) bool {
	f, err := os.Open(part)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, 2)
	if _, err := f.ReadAt(b, 1024+56); err != nil {
		return false
	}
	return binary.LittleEndian.Uint16(b) == 0xEF53
}

// withMount mounts part (nosuid, nodev, noexec: nothing of the image runs
// here) on a fresh folder, calls fn, and always unmounts.
func withMount(part string, fn func(dir string) error) (err error) {
	dir, err := os.MkdirTemp("", "atelier-root-")
	if err != nil {
		return err
	}
	defer os.Remove(dir)
	if err := unix.Mount(part, dir, "ext4", unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, ""); err != nil {
		return fmt.Errorf("mount %s: %w", part, err)
	}
	defer func() {
		unix.Sync()
		if uerr := unix.Unmount(dir, 0); uerr != nil {
			// Never leave it mounted: detach lazily if something holds it.
			unix.Unmount(dir, unix.MNT_DETACH)
			if err == nil {
				err = fmt.Errorf("unmount %s: %w", dir, uerr)
			}
		}
	}()
	return fn(dir)
}

// tools runs sgdisk, growpart, e2fsck, resize2fs and partx, whose
// messages come on either output and whose exit codes matter (e2fsck).
var tools toolrun.Runner = toolrun.Exec{Combined: true}

func (p *personaliser) cmd(name string, args ...string) (string, error) {
	out, err := tools.Run(p.ctx, name, args...)
	return string(out), err
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " / ")
}
