package deploy

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/pcsolidaire/atelier/internal/fsread"
)

// inRoot makes the per-machine changes inside the mounted root filesystem.
// Every access goes through os.Root, so a symlink in the image (absolute,
// or climbing with ..) can never lead a write out of the image onto the
// bench's own system.
func (p *personaliser) inRoot(part string) error {
	return withMount(part, func(dir string) error {
		r, err := os.OpenRoot(dir)
		if err != nil {
			return p.fail("root", err)
		}
		defer r.Close()
		p.ok("root", "deploy.step.root", part)
		for _, step := range []func(*os.Root) error{p.machineID, p.sshKeys, p.hostname, p.wifi, p.oem} {
			if err := step(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// replaceFile writes a regular file, replacing a symlink rather than
// following it, and keeping the old mode when there was a file.
func replaceFile(r *os.Root, name string, data []byte, mode fs.FileMode) error {
	if st, err := r.Lstat(name); err == nil {
		if st.Mode()&fs.ModeSymlink != 0 {
			if err := r.Remove(name); err != nil {
				return err
			}
		} else {
			mode = st.Mode().Perm()
		}
	}
	f, err := r.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// machineID empties /etc/machine-id (systemd then makes a new one at first
// boot, and runs first-boot units) and points D-Bus's copy at it.
func (p *personaliser) machineID(r *os.Root) error {
	if err := replaceFile(r, "etc/machine-id", nil, 0o444); err != nil {
		return p.fail("machine-id", err)
	}
	const dbus = "var/lib/dbus/machine-id"
	if t, err := r.Readlink(dbus); err == nil && t == "/etc/machine-id" {
		p.ok("machine-id", "deploy.step.machineid.linked")
		return nil
	}
	if _, err := r.Lstat("var/lib/dbus"); err == nil {
		if err := r.Remove(dbus); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return p.fail("machine-id", err)
		}
		if err := r.Symlink("/etc/machine-id", dbus); err != nil {
			return p.fail("machine-id", err)
		}
		p.ok("machine-id", "deploy.step.machineid.linked")
		return nil
	}
	p.ok("machine-id", "deploy.step.machineid")
	return nil
}

// sshKeys removes the master's SSH host keys: every copy would otherwise
// share them and could impersonate the others.
func (p *personaliser) sshKeys(r *os.Root) error {
	n, err := removeMatching(r, "etc/ssh", func(name string) bool { return strings.HasPrefix(name, "ssh_host_") })
	if err != nil {
		return p.fail("ssh", err)
	}
	if n < 0 {
		p.warn("ssh", "deploy.step.ssh.none")
		return nil
	}
	p.ok("ssh", "deploy.step.ssh", n)
	return nil
}

// wifi removes saved NetworkManager connections (the workshop's Wi-Fi
// password must not leave with the PC).
func (p *personaliser) wifi(r *os.Root) error {
	n, err := removeMatching(r, "etc/NetworkManager/system-connections", func(string) bool { return true })
	if err != nil {
		return p.fail("wifi", err)
	}
	if n < 0 {
		p.warn("wifi", "deploy.step.wifi.none")
		return nil
	}
	p.ok("wifi", "deploy.step.wifi", n)
	return nil
}

// removeMatching removes the entries of dir that match; -1 when dir does
// not exist.
func removeMatching(r *os.Root, dir string, match func(string) bool) (int, error) {
	d, err := r.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return -1, nil
	}
	if err != nil {
		return 0, err
	}
	entries, err := d.ReadDir(-1)
	d.Close()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if !match(e.Name()) {
			continue
		}
		if err := r.RemoveAll(dir + "/" + e.Name()); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// maxHostsBytes bounds the image's /etc/hosts (a few hundred bytes).
const maxHostsBytes = 1 << 20

// hostname sets /etc/hostname and the 127.0.1.1 line of /etc/hosts.
func (p *personaliser) hostname(r *os.Root) error {
	h := p.o.Hostname
	if h == "" {
		p.warn("hostname", "deploy.step.hostname.kept")
		return nil
	}
	if err := replaceFile(r, "etc/hostname", []byte(h+"\n"), 0o644); err != nil {
		return p.fail("hostname", err)
	}
	// the image's own hosts file: a few lines, bounded like any input
	old, err := fsread.ReadFileIn(r, "etc/hosts", maxHostsBytes)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return p.fail("hostname", err)
	}
	if err := replaceFile(r, "etc/hosts", []byte(setHostsLine(string(old), h)), 0o644); err != nil {
		return p.fail("hostname", err)
	}
	p.ok("hostname", "deploy.step.hostname", h)
	return nil
}

// setHostsLine replaces the 127.0.1.1 line of a hosts file (Debian's
// convention for the machine's own name), or adds one after 127.0.0.1.
func setHostsLine(hosts, h string) string {
	line := "127.0.1.1\t" + h
	lines := strings.Split(strings.TrimRight(hosts, "\n"), "\n")
	if hosts == "" {
		lines = nil
	}
	for i, l := range lines {
		if f := strings.Fields(l); len(f) > 0 && f[0] == "127.0.1.1" {
			lines[i] = line
			return strings.Join(lines, "\n") + "\n"
		}
	}
	at := 0
	for i, l := range lines {
		if f := strings.Fields(l); len(f) > 0 && f[0] == "127.0.0.1" {
			at = i + 1
			break
		}
	}
	lines = append(lines[:at], append([]string{line}, lines[at:]...)...)
	return strings.Join(lines, "\n") + "\n"
}

// oem enables Ubuntu's OEM first-boot set-up the way oem-config-prepare
// does, by links instead of running systemctl in a chroot: default.target
// -> oem-config.target, oem-config.service wanted by it, and the
// /var/lib/oem-config/run flag.
func (p *personaliser) oem(r *os.Root) error {
	var unitDir string
	for _, d := range []string{"usr/lib/systemd/system", "lib/systemd/system"} {
		if _, err := r.Stat(d + "/oem-config.target"); err == nil {
			unitDir = d
			break
		}
	}
	if unitDir == "" {
		p.warn("oem", "deploy.step.oem.none")
		return nil
	}
	if err := r.MkdirAll("etc/systemd/system", 0o755); err != nil {
		return p.fail("oem", err)
	}
	link := func(target, name string) error {
		if err := r.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return r.Symlink(target, name)
	}
	if err := link("/"+unitDir+"/oem-config.target", "etc/systemd/system/default.target"); err != nil {
		return p.fail("oem", err)
	}
	if _, err := r.Stat(unitDir + "/oem-config.service"); err == nil {
		if err := r.MkdirAll("etc/systemd/system/oem-config.target.wants", 0o755); err != nil {
			return p.fail("oem", err)
		}
		if err := link("/"+unitDir+"/oem-config.service", "etc/systemd/system/oem-config.target.wants/oem-config.service"); err != nil {
			return p.fail("oem", err)
		}
	}
	if err := r.MkdirAll("var/lib/oem-config", 0o755); err != nil {
		return p.fail("oem", err)
	}
	if err := replaceFile(r, "var/lib/oem-config/run", nil, 0o644); err != nil {
		return p.fail("oem", err)
	}
	p.ok("oem", "deploy.step.oem")
	return nil
}
