package deploy

import (
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
)

// The O_DIRECT buffers are aligned for the disk whatever their size, and
// exactly as long as asked (a longer one would write past a segment).
func TestIOBufferAligned(t *testing.T) {
	for _, n := range []int{imaging.Alignment, chunkSize, chunkSize + 2*imaging.Alignment} {
		b := ioBuffer(n)
		if len(b) != n || cap(b) != n {
			t.Errorf("ioBuffer(%d): len %d cap %d", n, len(b), cap(b))
		}
		if addr(b)%hugePage != 0 {
			t.Errorf("ioBuffer(%d) at %#x: not on a huge page", n, addr(b))
		}
	}
}
