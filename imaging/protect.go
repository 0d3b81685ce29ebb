package imaging

import (
	"fmt"
	"os"
	"strings"
)

// protections maps disk names to the reasons found outside their own sysfs
// directory: what is mounted, swapped on, or running from them.
func protections(s sysfs, opts ListOptions) (map[string][]Reason, error) {
	out := map[string][]Reason{}
	add := func(major, minor uint32, r Reason) {
		name, _, ok := s.devName(major, minor)
		if !ok {
			return
		}
		for _, d := range s.disksUnder(name, map[string]bool{}) {
			out[d] = append(out[d], r)
		}
	}
	mounts, err := readMounts(opts.proc("self/mountinfo"))
	if err != nil {
		return nil, fmt.Errorf("read mounts: %w", err)
	}
	mounted := map[string][]string{} // disk -> mount points
	for _, m := range mounts {
		maj, min := m.Major, m.Minor
		// btrfs and some others report an anonymous 0:N; the source
		// names the real device.
		if maj == 0 && strings.HasPrefix(m.Source, "/dev/") {
			if a, b, ok := rdevOf(m.Source); ok {
				maj, min = a, b
			}
		}
		if maj == 0 {
			continue
		}
		name, _, ok := s.devName(maj, min)
		if !ok {
			continue
		}
		for _, d := range s.disksUnder(name, map[string]bool{}) {
			if m.MountPoint == "/" {
				out[d] = append(out[d], Reason{Key: "guard.reason.root"})
				continue // "mounted on /" would say the same again
			}
			mounted[d] = append(mounted[d], m.MountPoint)
		}
	}
	for d, points := range mounted {
		out[d] = append(out[d], Reason{Key: "guard.reason.mounted", Detail: summarise(points)})
	}
	// The root filesystem may be an overlay (containers, live systems):
	// st_dev of / then still names the device when it is a real one.
	if maj, min, ok := devOf("/"); ok && maj != 0 {
		add(maj, min, Reason{Key: "guard.reason.root"})
	}
	if exe, err := os.Executable(); err == nil {
		if maj, min, ok := devOf(exe); ok && maj != 0 {
			add(maj, min, Reason{Key: "guard.reason.self", Detail: exe})
		}
	}
	for _, sw := range readSwaps(opts.proc("swaps")) {
		if maj, min, ok := rdevOf(sw); ok {
			add(maj, min, Reason{Key: "guard.reason.swap", Detail: sw})
		} else if maj, min, ok := devOf(sw); ok && maj != 0 {
			add(maj, min, Reason{Key: "guard.reason.swap", Detail: sw})
		}
	}
	return out, nil
}

// summarise lists up to three mount points, then how many more.
func summarise(points []string) string {
	seen := map[string]bool{}
	var uniq []string
	for _, p := range points {
		if !seen[p] {
			seen[p] = true
			uniq = append(uniq, p)
		}
	}
	if len(uniq) <= 3 {
		return strings.Join(uniq, ", ")
	}
	return fmt.Sprintf("%s, +%d", strings.Join(uniq[:3], ", "), len(uniq)-3)
}
