package imaging

import (
	"bufio"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// mount is one line of /proc/self/mountinfo that matters to the guard.
type mount struct {
	Major, Minor uint32
	MountPoint   string
	Source       string
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
			m.Source = unescapeMount(fields[i+2])
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
