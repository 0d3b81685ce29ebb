package imaging

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

// A disk is rarely alone: partitions sit on it, device-mapper (LVM,
// dm-crypt) and md (RAID) volumes are built from it, a loop device may be
// backed by it, by one of its partitions, or by a file on one of its
// filesystems — and the target may itself be such a loop device. The
// guard therefore reasons on a graph of layers: writing a target writes
// every layer under it (down), and corrupts every layer built on any of
// those (up). Protections (mounted, swap, running system, ledger, source
// image...) are anchored on the layer they belong to, and a target is
// refused when any layer it would damage carries one.

// layer is one block device (sda, sda1, loop3, dm-0, md0) or one regular
// file behind a loop device.
type layer struct {
	id    string // kernel name, or fileID(...) for a file
	label string // what the operator reads: /dev/sda1, or the file's path
	file  bool
	// parent is a partition's whole disk ("" otherwise).
	parent string
	// down are the layers its writes land on; up the layers built on it.
	// The two are not mirror images: a loop device backed by a file is
	// built on the filesystem's device (up), but its writes go through
	// the filesystem, so that device is not under it (down).
	down, up []string
	// kind is "dm", "md", "loop" or "" for a plain disk or partition.
	kind   string
	dmName string
	facts  []Reason
}

// stack is the graph of every layer of the machine, with what protects
// each one.
type stack struct {
	s      sysfs
	layers map[string]*layer
	// anon maps a filesystem's anonymous device number (btrfs, overlay
	// on a block device) to the device its mount names.
	anon map[[2]uint32]string
	// live: s is this machine's sysfs, so the device numbers of files
	// stat'ed here are its own. A sysfs copy shares none with the host.
	live bool
}

func fileID(major, minor uint32, ino uint64) string {
	return "file:" + strconv.Itoa(int(major)) + ":" + strconv.Itoa(int(minor)) + ":" + strconv.FormatUint(ino, 10)
}

func (g *stack) get(id string) *layer {
	if l, ok := g.layers[id]; ok {
		return l
	}
	l := &layer{id: id, label: "/dev/" + id}
	if strings.HasPrefix(id, "file:") {
		l.file, l.label = true, "" // named by the first path seen
	}
	g.layers[id] = l
	return l
}

// name gives a file layer the path it is known by, if it has none yet.
func (l *layer) name(path string) {
	if l.label == "" {
		l.label = path
	}
}

// link records that upper is built on lower and writes onto it.
func (g *stack) link(upper, lower string) {
	if upper == lower {
		return
	}
	u, l := g.get(upper), g.get(lower)
	u.down = appendOnce(u.down, lower)
	l.up = appendOnce(l.up, upper)
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// blockNames lists every block device and partition the kernel knows.
func (s sysfs) blockNames() []string {
	if names := s.names("class", "block"); len(names) > 0 {
		return names
	}
	var out []string // a sysfs copy without class/block
	for _, d := range s.names("block") {
		out = append(out, d)
		out = append(out, s.partitions(d)...)
	}
	return out
}

// buildStack reads sysfs, the mount table, swaps and the loop devices'
// backing files into one graph. live says the sysfs is this machine's:
// loop devices are then asked directly (LOOP_GET_STATUS64), which names
// their backing file by device and inode even when its path is gone
// (deleted, lazily unmounted, or in another mount namespace).
func buildStack(s sysfs, mounts []mount, live bool) *stack {
	g := &stack{s: s, layers: map[string]*layer{}, anon: map[[2]uint32]string{}, live: live}
	var loops []string
	for _, n := range s.blockNames() {
		l := g.get(n)
		if _, err := os.Stat(s.path("class", "block", n, "partition")); err == nil {
			if link, err := os.Readlink(s.path("class", "block", n)); err == nil {
				l.parent = filepath.Base(filepath.Dir(link))
				g.link(n, l.parent)
			}
		}
		for _, sl := range s.names("class", "block", n, "slaves") {
			g.link(n, sl)
		}
		for _, h := range s.names("class", "block", n, "holders") {
			g.link(h, n)
		}
		switch {
		case s.str("class", "block", n, "dm", "name") != "" || strings.HasPrefix(n, "dm-"):
			l.kind, l.dmName = "dm", s.str("class", "block", n, "dm", "name")
		case strings.HasPrefix(n, "md") && l.parent == "":
			l.kind = "md"
		case strings.HasPrefix(n, "loop") && l.parent == "":
			l.kind = "loop"
			loops = append(loops, n)
		}
	}
	for _, m := range mounts {
		if m.Major == 0 {
			if name, ok := g.sourceLayer(m.Source); ok {
				g.anon[[2]uint32{m.Major, m.Minor}] = name
			}
		}
	}
	// Backing files last: every layer and filesystem is known by then.
	for _, n := range loops {
		g.loopBacking(n, live)
	}
	return g
}

// sourceLayer is the layer a mount's source names (/dev/sda1,
// /dev/mapper/x), for filesystems whose st_dev is anonymous (btrfs).
func (g *stack) sourceLayer(source string) (string, bool) {
	if !strings.HasPrefix(source, "/dev/") {
		return "", false
	}
	if g.live {
		if a, b, ok := rdevOf(source); ok {
			name, _, ok := g.s.devName(a, b)
			return name, ok
		}
	}
	return g.byDevName(source)
}

// loopBacking links a loop device to what backs it: a block device (or
// partition), or a file, itself built on the filesystem's device.
func (g *stack) loopBacking(name string, live bool) {
	path := strings.TrimSuffix(g.s.str("class", "block", name, "loop", "backing_file"), " (deleted)")
	if path == "" {
		return // not attached: nothing behind it, and nothing to open
	}
	if live {
		if info, ok := g.loopStatus(name); ok {
			if info.Rdevice != 0 {
				if n, _, ok := g.s.devName(unix.Major(info.Rdevice), unix.Minor(info.Rdevice)); ok {
					g.link(name, n)
					return
				}
			}
			if info.Inode != 0 {
				g.linkFile(name, unix.Major(info.Device), unix.Minor(info.Device), info.Inode, path)
				return
			}
		}
	}
	if dev, ok := g.byDevName(path); ok && !live {
		g.link(name, dev) // a sysfs copy: the host's /dev is another machine's
		return
	}
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err == nil {
		if st.Mode&unix.S_IFMT == unix.S_IFBLK {
			if n, _, ok := g.s.devName(unix.Major(st.Rdev), unix.Minor(st.Rdev)); ok {
				g.link(name, n)
			}
			return
		}
		g.linkFile(name, unix.Major(st.Dev), unix.Minor(st.Dev), st.Ino, path)
		return
	}
	// The path is not reachable from here (a container without the
	// device nodes): /dev/X still names the kernel's X.
	if dev, ok := g.byDevName(path); ok {
		g.link(name, dev)
		return
	}
	f := g.get("file:" + path)
	f.name(path)
	g.link(name, f.id)
}

// byDevName reads /dev/X as the kernel's block device X, when there is one.
func (g *stack) byDevName(path string) (string, bool) {
	dev, ok := strings.CutPrefix(path, "/dev/")
	if !ok || dev == "" || strings.Contains(dev, "/") {
		return "", false
	}
	if _, known := g.layers[dev]; known || g.s.str("class", "block", dev, "dev") != "" {
		return dev, true
	}
	return "", false
}

// linkFile links a loop device to its backing file, and that file to the
// device of the filesystem holding it (up only: see layer).
func (g *stack) linkFile(loop string, major, minor uint32, ino uint64, path string) {
	f := g.get(fileID(major, minor, ino))
	f.name(path)
	g.link(loop, f.id)
	if fs, ok := g.fsLayer(major, minor); ok {
		l := g.get(fs)
		l.up = appendOnce(l.up, f.id)
	}
}

// fsLayer is the block layer holding a filesystem whose st_dev is
// major:minor, when it is a block device.
func (g *stack) fsLayer(major, minor uint32) (string, bool) {
	if !g.live {
		return "", false
	}
	if major == 0 {
		n, ok := g.anon[[2]uint32{major, minor}]
		return n, ok
	}
	n, _, ok := g.s.devName(major, minor)
	return n, ok
}

// loopStatus asks loop device name what backs it, through its /dev node
// when that node is this very device (a container's /dev may differ).
func (g *stack) loopStatus(name string) (*unix.LoopInfo64, bool) {
	dev := "/dev/" + name
	a, b, ok := rdevOf(dev)
	if !ok || fmt.Sprintf("%d:%d", a, b) != g.s.str("class", "block", name, "dev") {
		return nil, false
	}
	fd, err := unix.Open(dev, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		return nil, false
	}
	defer unix.Close(fd)
	info, err := unix.IoctlLoopGetStatus64(fd)
	return info, err == nil
}

// fileLayers are, for anchoring a protection on path: the layer of the
// file itself (after symlinks) and the layer of the filesystem holding
// it; for a device node, only the device's own layer (as fs).
func (g *stack) fileLayers(path string) (file, fs string, ok bool) {
	if dev, ok := g.byDevName(path); ok && !g.live {
		return "", dev, true
	}
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		dev, ok := g.byDevName(path)
		return "", dev, ok
	}
	if st.Mode&unix.S_IFMT == unix.S_IFBLK {
		n, _, ok := g.s.devName(unix.Major(st.Rdev), unix.Minor(st.Rdev))
		return "", n, ok
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return "", "", false
	}
	id := fileID(unix.Major(st.Dev), unix.Minor(st.Dev), st.Ino)
	g.get(id).name(path)
	fs, _ = g.fsLayer(unix.Major(st.Dev), unix.Minor(st.Dev))
	return id, fs, true
}

// protect anchors a reason on a layer.
func (g *stack) protect(id string, r Reason) {
	if id == "" {
		return
	}
	l := g.get(id)
	l.facts = append(l.facts, r)
}

// closure is every layer reachable from start through next, start
// included, in breadth-first order, with the layer each was reached from.
// Each layer is visited once, so cycles end the walk.
func (g *stack) closure(start []string, next func(*layer) []string) ([]string, map[string]string) {
	from := map[string]string{}
	done := map[string]bool{}
	var order []string
	queue := append([]string(nil), start...)
	for _, s := range start {
		from[s] = ""
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if done[id] {
			continue
		}
		done[id] = true
		order = append(order, id)
		if l, ok := g.layers[id]; ok {
			for _, n := range next(l) {
				if _, seen := from[n]; !seen {
					from[n] = id
					queue = append(queue, n)
				}
			}
		}
	}
	return order, from
}

func downOf(l *layer) []string { return l.down }
func upOf(l *layer) []string   { return l.up }

// affected is what writing target damages: every layer under it, and
// every layer built on any of those. below maps the layers under it to
// the one above each on the way down; above is what is built on it.
func (g *stack) affected(target string) (order []string, below, above map[string]string) {
	downs, below := g.closure([]string{target}, downOf)
	order, _ = g.closure(downs, upOf)
	_, above = g.closure([]string{target}, upOf)
	return order, below, above
}

// reasons are the protections that stand in the way of writing target,
// each naming the layer it comes through when that is not the target
// itself.
func (g *stack) reasons(target string) []Reason {
	order, below, above := g.affected(target)
	var out []Reason
	users := map[string][]string{} // reason key -> layers in use above
	for _, id := range order {
		l := g.layers[id]
		via, how := g.via(target, l, below, above)
		for _, r := range l.facts {
			r.Via, r.How = via, how
			out = append(out, r)
		}
		// A dm, md or loop device built on what the target writes is
		// an active stack, mounted or not. Under the target, a loop
		// device is merely the way down, but a dm or md volume is refused
		// there as it is when named directly (see volumeError).
		_, under := below[id]
		if id != target && under && (l.kind == "dm" || l.kind == "md") {
			users["guard.reason.onvolume"] = append(users["guard.reason.onvolume"], l.volumeName())
		}
		if id != target && !under && l.kind != "" && len(l.down) > 0 {
			switch l.kind {
			case "loop":
				users["guard.reason.loop"] = append(users["guard.reason.loop"], l.label)
			default:
				users["guard.reason.holder"] = append(users["guard.reason.holder"], l.volumeName())
			}
		}
	}
	for _, k := range []string{"guard.reason.holder", "guard.reason.loop", "guard.reason.onvolume"} {
		if len(users[k]) > 0 {
			out = append(out, Reason{Key: k, Detail: summarise(users[k])})
		}
	}
	return merge(out)
}

// volumeName is a dm volume's kernel name with its mapper name.
func (l *layer) volumeName() string {
	if l.dmName != "" {
		return l.id + " (" + l.dmName + ")"
	}
	return l.id
}

// via says which layer a protection found on l comes through, and how it
// relates to the target; nothing when l is the target, one of its
// partitions, or its own backing file. A file deeper down is named by the
// loop device it backs.
func (g *stack) via(target string, l *layer, below, above map[string]string) (string, string) {
	if l.id == target || l.parent == target {
		return "", ""
	}
	if from, ok := below[l.id]; ok {
		if l.file {
			if from == target {
				return "", ""
			}
			return g.layers[from].label, "below"
		}
		return l.label, "below"
	}
	if _, ok := above[l.id]; ok {
		return l.label, "above"
	}
	return l.label, "shared"
}

// merge joins the reasons of one kind found on several layers of the same
// relation into one ("mounted filesystem (/a, /b) through /dev/loop1,
// /dev/loop2"), keeping the first-seen order.
func merge(rs []Reason) []Reason {
	type group struct {
		r             Reason
		details, vias []string
	}
	var order []string
	groups := map[string]*group{}
	for _, r := range rs {
		k := r.Key + "\x00" + r.How
		gr, ok := groups[k]
		if !ok {
			gr = &group{r: r}
			groups[k] = gr
			order = append(order, k)
		}
		if r.Detail != "" {
			gr.details = append(gr.details, r.Detail)
		}
		if r.Via != "" {
			gr.vias = append(gr.vias, r.Via)
		}
	}
	out := make([]Reason, 0, len(order))
	for _, k := range order {
		gr := groups[k]
		r := gr.r
		r.Detail, r.Via = joinDetails(gr.details), summarise(gr.vias)
		out = append(out, r)
	}
	return out
}

// joinDetails joins the details of one kind found on several layers.
func joinDetails(ds []string) string { return summarise(ds) }

// disksBelow lists the whole disks a layer's writes end up on, for
// messages that point from a volume to its disks.
func (g *stack) disksBelow(id string) []string {
	order, _ := g.closure([]string{id}, downOf)
	var out []string
	for _, x := range order {
		l := g.layers[x]
		if l == nil || l.file || l.parent != "" {
			continue
		}
		onFiles := true // a loop over a file is a disk of its own
		for _, d := range l.down {
			onFiles = onFiles && g.layers[d] != nil && g.layers[d].file
		}
		if l.kind == "" || (l.kind == "loop" && onFiles) {
			out = append(out, l.label)
		}
	}
	sort.Strings(out)
	return out
}

// volumeError refuses a device-mapper or md volume as a target: erasing
// it leaves its disks' other areas (and the disk identity a certificate
// names) untouched, so the disks under it are what must be named.
func (g *stack) volumeError(path, name string) error {
	l := g.layers[name]
	if l == nil || (l.kind != "dm" && l.kind != "md") {
		return nil
	}
	under := strings.Join(g.disksBelow(name), ", ")
	if under == "" {
		under = "?"
	}
	if l.kind == "md" {
		return i18n.Keyed("guard.volume.md", path, under)
	}
	return i18n.Keyed("guard.volume.dm", path, firstNonEmpty(l.dmName, name), under)
}

// busy asks the kernel, by an exclusive read-only open, whether a layer
// the target would damage is held by someone: a filesystem mounted in
// another mount namespace, a swap or a RAID/dm member there. The target
// itself is left alone: wipe and deploy open it exclusively anyway.
func (g *stack) busy(target string) []Reason {
	order, _, _ := g.affected(target)
	var held []string
	for _, id := range order {
		l := g.layers[id]
		// The target and its partitions are left to the caller's own
		// exclusive open, which the kernel refuses while any of them is
		// claimed (and which, once made, would make them all look busy).
		if id == target || l.parent == target || l.file {
			continue
		}
		// Only a node that is this very device: /dev may be another
		// machine's copy in a container.
		a, b, ok := rdevOf(l.label)
		if !ok || fmt.Sprintf("%d:%d", a, b) != g.s.str("class", "block", id, "dev") {
			continue
		}
		fd, err := unix.Open(l.label, unix.O_RDONLY|unix.O_EXCL|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
		if err == nil {
			unix.Close(fd)
			continue
		}
		if errors.Is(err, unix.EBUSY) {
			held = append(held, l.label)
		}
	}
	if len(held) == 0 {
		return nil
	}
	return []Reason{{Key: "guard.reason.busy", Detail: summarise(held)}}
}
