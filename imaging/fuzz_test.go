package imaging

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzParseMountInfoLine: any line of a mount table (the kernel's, or
// another namespace's, which a container controls) parses or is skipped,
// never panics, and overlay options split without panicking.
func FuzzParseMountInfoLine(f *testing.F) {
	for _, s := range []string{
		"22 1 8:2 / / rw,relatime - ext4 /dev/fakea2 rw",
		`43 22 7:1 / /snap/core22/1380 ro,nodev,relatime shared:66 - squashfs /dev/loop1 ro,errors=continue`,
		`60 1 0:55 / / rw - overlay overlay rw,lowerdir=/a\:b:/c,upperdir=/u\054v,workdir=/w`,
		"1 2 3:4 /x /with\\040space rw - ext4 /dev/x",
		"bad", "1 2 x:y / / - -", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		m, ok := parseMountInfoLine(line)
		if !ok {
			return
		}
		if strings.Count(line, ":") == 0 {
			t.Fatalf("parsed %q without a MAJ:MIN", line)
		}
		for _, d := range overlayDirs(m.Options) {
			_ = d
		}
	})
}

// FuzzStackReasons builds a stack of up to 16 layers with arbitrary edges
// (cycles included) and protections, and checks that every target gets an
// answer, and that a protection on the target or on any layer under it
// always reaches the refusal.
func FuzzStackReasons(f *testing.F) {
	f.Add([]byte{0x01, 0x12, 0x23, 0x30, 0x81, 0x92})
	f.Add([]byte{0x10, 0x01, 0x21, 0x12, 0xf0, 0x0f, 0x85})
	f.Fuzz(func(t *testing.T, b []byte) {
		g := &stack{layers: map[string]*layer{}}
		name := func(x byte) string { return "l" + strconv.Itoa(int(x&0x0f)) }
		for i := 0; i < 16; i++ {
			g.get(name(byte(i)))
		}
		protected := map[string]bool{}
		for i, x := range b {
			switch {
			case i%3 == 2 && x&0x80 != 0: // a protection on layer x
				g.protect(name(x), Reason{Key: "guard.reason.mounted", Detail: "/m" + strconv.Itoa(i)})
				protected[name(x)] = true
			case x&0x40 != 0: // a loop device
				g.get(name(x >> 4)).kind = "loop"
				g.link(name(x>>4), name(x))
			default: // upper built on lower
				g.link(name(x>>4), name(x))
			}
		}
		for i := 0; i < 16; i++ {
			target := name(byte(i))
			rs := g.reasons(target)
			_, below, _ := g.affected(target)
			want := false
			for id := range below {
				want = want || protected[id]
			}
			got := false
			for _, r := range rs {
				got = got || r.Key == "guard.reason.mounted"
			}
			if want && !got {
				t.Fatalf("%s: a layer under it is protected, but reasons %v", target, rs)
			}
		}
	})
}
