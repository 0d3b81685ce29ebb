package imaging

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// mount is one line of /proc/self/mountinfo that matters to the guard.
type mount struct {
	Major, Minor uint32
	MountPoint   string
	Source       string
	FSType       string
	Options      string // the superblock's (overlay's lowerdir=...)
	// Elsewhere names the process of another mount namespace whose table
	// has this mount ("pid 812"); "" for this process's own.
	Elsewhere string
}

// readAllMounts reads this process's mount table and, on the live system,
// the table of every other mount namespace (one process each): a
// filesystem mounted in a container, or by a service with private mounts,
// is mounted all the same.
func readAllMounts(proc string, live bool) ([]mount, error) {
	own, err := readMounts(filepath.Join(proc, "self", "mountinfo"))
	if err != nil || !live {
		return own, err
	}
	self, _ := os.Readlink(filepath.Join(proc, "self", "ns", "mnt"))
	seen := map[string]bool{self: true}
	ents, _ := os.ReadDir(proc)
	for _, e := range ents {
		pid := e.Name()
		if pid[0] < '0' || pid[0] > '9' {
			continue
		}
		ns, err := os.Readlink(filepath.Join(proc, pid, "ns", "mnt"))
		if err != nil || seen[ns] {
			continue // gone, or a namespace already read
		}
		seen[ns] = true
		ms, err := readMounts(filepath.Join(proc, pid, "mountinfo"))
		if err != nil {
			continue // the process ended meanwhile
		}
		for _, m := range ms {
			m.Elsewhere = "pid " + pid
			own = append(own, m)
		}
	}
	return own, nil
}

// readMounts parses mountinfo: field 3 is MAJ:MIN, field 5 the mount point,
// and after the " - " separator come the fs type and the source.
func readMounts(path string) ([]mount, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []mount
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		m, ok := parseMountInfoLine(sc.Text())
		if ok {
			out = append(out, m)
		}
	}
	return out, sc.Err()
}

func parseMountInfoLine(line string) (mount, bool) {
	fields := strings.Fields(line)
	if len(fields) < 5 {
		return mount{}, false
	}
	var m mount
	maj, min, ok := strings.Cut(fields[2], ":")
	if !ok {
		return mount{}, false
	}
	a, err1 := strconv.ParseUint(maj, 10, 32)
	b, err2 := strconv.ParseUint(min, 10, 32)
	if err1 != nil || err2 != nil {
		return mount{}, false
	}
	m.Major, m.Minor = uint32(a), uint32(b)
	m.MountPoint = unescapeMount(fields[4])
	for i, f := range fields {
		if f == "-" && i+2 < len(fields) {
			m.FSType, m.Source = fields[i+1], unescapeMount(fields[i+2])
			if i+3 < len(fields) {
				m.Options = fields[i+3]
			}
			break
		}
	}
	return m, true
}

// unescapeMount undoes the kernel's octal escapes (\040 for a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// readSwaps lists the swap areas in use (first column of /proc/swaps).
func readSwaps(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out []string
	for i, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if i == 0 || len(f) == 0 {
			continue
		}
		out = append(out, unescapeMount(f[0]))
	}
	return out
}

// devOf is the device number of the filesystem holding path (st_dev).
func devOf(path string) (major, minor uint32, ok bool) {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return 0, 0, false
	}
	return unix.Major(st.Dev), unix.Minor(st.Dev), true
}

// rdevOf is the device number a device node stands for (st_rdev).
func rdevOf(path string) (major, minor uint32, ok bool) {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFBLK {
		return 0, 0, false
	}
	return unix.Major(st.Rdev), unix.Minor(st.Rdev), true
}

// overlayDirs are the lower and upper folders of an overlay mount's
// options ("lowerdir=/a:/b,upperdir=/c,workdir=/d"; a colon or comma in a
// path is escaped with a backslash).
func overlayDirs(options string) []string {
	var dirs []string
	for _, opt := range splitEscaped(unescapeMount(options), ',') {
		k, v, _ := strings.Cut(opt, "=")
		switch k {
		case "lowerdir", "lowerdir+", "datadir+":
			dirs = append(dirs, splitEscaped(v, ':')...)
		case "upperdir":
			dirs = append(dirs, v)
		}
	}
	for i, d := range dirs {
		dirs[i] = strings.NewReplacer(`\:`, ":", `\,`, ",", `\\`, `\`).Replace(d)
	}
	return dirs
}

// splitEscaped splits s on sep, except where sep follows a backslash.
func splitEscaped(s string, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
