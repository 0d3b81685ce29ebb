package imaging

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// protectAll anchors every protection found outside the layers' own sysfs
// attributes on the layer it belongs to: what is mounted or swapped on,
// the running system (/ and opts.SystemRoots), atelier's own binary, the
// source images and the files to keep (ledger, bench key). The stack then
// carries each one to every target whose writes would reach it.
func protectAll(g *stack, mounts []mount, opts ListOptions) {
	mounted := map[string][]string{}   // layer -> mount points
	elsewhere := map[string][]string{} // layer -> "pid N: mount point"
	here := map[string]bool{}
	for _, m := range mounts {
		id, ok := g.mountLayer(m)
		if !ok {
			continue
		}
		if m.Elsewhere != "" {
			elsewhere[id] = append(elsewhere[id], m.Elsewhere+": "+m.MountPoint)
			continue
		}
		here[id] = true
		if m.MountPoint == "/" {
			g.protect(id, Reason{Key: "guard.reason.root"})
			continue // "mounted on /" would say the same again
		}
		mounted[id] = append(mounted[id], m.MountPoint)
	}
	ids := make([]string, 0, len(mounted))
	for id := range mounted {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		g.protect(id, Reason{Key: "guard.reason.mounted", Detail: summarise(mounted[id])})
	}
	ids = ids[:0]
	for id := range elsewhere {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !here[id] { // mounted here too says enough
			g.protect(id, Reason{Key: "guard.reason.mountedns", Detail: summarise(elsewhere[id])})
		}
	}
	for _, sw := range readSwaps(opts.proc("swaps")) {
		g.protectFile(sw, Reason{Key: "guard.reason.swap", Detail: sw})
	}
	for _, img := range opts.SourceImages {
		g.protectFile(img, Reason{Key: "guard.reason.source", Detail: img})
	}
	for _, k := range opts.Keep {
		g.protectFile(k.Path, Reason{Key: k.Reason, Detail: k.Path})
	}
	if !g.live {
		// A sysfs copy: this machine's own root and binary are not in it.
		return
	}
	// The root filesystem may be an overlay (containers, live systems):
	// st_dev of / then still names the device when it is a real one. A
	// chroot's root, or a test's, is named in SystemRoots.
	for _, root := range append([]string{"/"}, opts.SystemRoots...) {
		g.protectSystem(root, mounts, 0)
	}
	if exe, err := os.Executable(); err == nil {
		g.protectFile(exe, Reason{Key: "guard.reason.self", Detail: exe})
	}
}

// protectSystem anchors "running system" on the layer holding the folder
// root, and, when that is an overlay (live systems, containers), on the
// layers holding its lower and upper folders: a live USB stick's squashfs
// is the running system as much as / is.
func (g *stack) protectSystem(root string, mounts []mount, depth int) {
	maj, min, ok := devOf(root)
	if !ok || depth > 4 {
		return
	}
	if id, ok := g.fsLayer(maj, min); ok {
		g.protect(id, Reason{Key: "guard.reason.root"})
		return
	}
	for _, m := range mounts {
		if m.Elsewhere == "" && m.Major == maj && m.Minor == min && m.FSType == "overlay" {
			for _, dir := range overlayDirs(m.Options) {
				g.protectSystem(dir, mounts, depth+1)
			}
		}
	}
}

// protectFile anchors r on a block device node, or on a regular file and
// on the device of the filesystem holding it: writing that device raw
// would destroy the file as surely as writing a loop device over it.
func (g *stack) protectFile(path string, r Reason) {
	file, fs, ok := g.fileLayers(path)
	if !ok {
		return
	}
	g.protect(file, r)
	g.protect(fs, r)
}

// mountLayer is the layer a mounted filesystem lives on. btrfs and some
// others report an anonymous 0:N; the source then names the real device.
func (g *stack) mountLayer(m mount) (string, bool) {
	if m.Major == 0 {
		return g.sourceLayer(m.Source)
	}
	name, _, ok := g.s.devName(m.Major, m.Minor)
	return name, ok
}

// summarise lists up to three items, then how many more.
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
