package deploy

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os/exec"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/pcsolidaire/atelier/internal/need"
)

// diskLike is what a disk image compresses from: data, long runs of zeros
// (free space) and a run of another byte.
func diskLike() []byte {
	var b bytes.Buffer
	for i := range 300 << 10 {
		b.WriteByte(byte(i*7 + i>>9))
	}
	b.Write(make([]byte, 1<<20))
	b.Write(bytes.Repeat([]byte{0xAA}, 400<<10))
	b.WriteString("the end of the image")
	b.Write(make([]byte, 200<<10))
	return b.Bytes()
}

// zstdCLI compresses data with the zstd command, as images are made: it
// stores runs of one byte as RLE blocks (the Go encoder does not).
func zstdCLI(t testing.TB, data []byte, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(need.Exec(t, "zstd", "zstd"), append([]string{"-q", "-c"}, args...)...)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("zstd %v: %v", args, err)
	}
	return out
}

func compress(t testing.TB, data []byte, opts ...zstd.EOption) []byte {
	t.Helper()
	e, err := zstd.NewWriter(nil, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return e.EncodeAll(data, nil)
}

// blockKinds counts the blocks of each type in a zstd stream of whole
// frames, read independently of rleAsRaw.
func blockKinds(t *testing.T, s []byte) map[int]int {
	t.Helper()
	kinds := map[int]int{}
	for len(s) > 0 {
		d := s[4]
		single := d>>5&1 == 1
		n := 5 + [4]int{0, 1, 2, 4}[d&3] + [4]int{0, 2, 4, 8}[d>>6]
		if !single || d>>6 == 0 {
			n++
		}
		s = s[n:]
		for {
			h := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16
			typ, size := int(h>>1&3), int(h>>3)
			kinds[typ]++
			s = s[3:]
			if typ == blockRLE {
				s = s[1:]
			} else {
				s = s[size:]
			}
			if h&1 == 1 {
				break
			}
		}
		if d>>2&1 == 1 {
			s = s[4:]
		}
	}
	return kinds
}

func decodeAll(r io.Reader) ([]byte, error) {
	// Small limits: a fuzzed header must not make it allocate gigabytes.
	d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1),
		zstd.WithDecoderMaxWindow(4<<20), zstd.WithDecoderMaxMemory(64<<20))
	if err != nil {
		return nil, err
	}
	defer d.Close()
	return io.ReadAll(d)
}

func readAllSmall(r io.Reader, step int) ([]byte, error) {
	var out []byte
	buf := make([]byte, step)
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

// The rewritten stream holds no RLE block any more and decodes to the
// same bytes, the frame's checksum checked, however it is read.
func TestRLEAsRawSameBytes(t *testing.T) {
	data := diskLike()
	src := zstdCLI(t, data)
	if blockKinds(t, src)[blockRLE] == 0 {
		t.Fatal("the encoder wrote no RLE block: the test proves nothing")
	}
	for _, step := range []int{1, 3, 4096, 1 << 20} {
		got, err := readAllSmall(newRLEAsRaw(bytes.NewReader(src)), step)
		if err != nil {
			t.Fatalf("read by %d: %v", step, err)
		}
		if k := blockKinds(t, got); k[blockRLE] != 0 {
			t.Fatalf("read by %d: %d RLE blocks left", step, k[blockRLE])
		}
		out, err := decodeAll(bytes.NewReader(got))
		if err != nil {
			t.Fatalf("read by %d: decode: %v", step, err)
		}
		if !bytes.Equal(out, data) {
			t.Fatalf("read by %d: decoded %d bytes, not the original %d", step, len(out), len(data))
		}
	}
}

// Frames follow each other, skippable frames among them (zstd -d accepts
// both); all pass.
func TestRLEAsRawFrames(t *testing.T) {
	a, b := diskLike(), bytes.Repeat([]byte{0}, 700<<10)
	skip := binary.LittleEndian.AppendUint32(nil, skippableMagic+3)
	skip = binary.LittleEndian.AppendUint32(skip, 5)
	skip = append(skip, "hello"...)
	src := append(append(zstdCLI(t, a), skip...), zstdCLI(t, b, "--no-check")...)
	out, err := decodeAll(newRLEAsRaw(bytes.NewReader(src)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, append(append([]byte{}, a...), b...)) {
		t.Fatalf("decoded %d bytes, want %d", len(out), len(a)+len(b))
	}
}

// A stream cut anywhere, or with a byte changed, fails to decode through
// the rewriter as it does without it: never a silent success.
func TestRLEAsRawBrokenStreams(t *testing.T) {
	src := zstdCLI(t, diskLike())
	for _, cut := range []int{1, 3, 4, 5, 7, 9, 12, 100, len(src) / 2, len(src) - 5, len(src) - 1} {
		if _, err := decodeAll(newRLEAsRaw(bytes.NewReader(src[:cut]))); err == nil {
			t.Errorf("cut at %d of %d: decoded without error", cut, len(src))
		}
	}
	bad := append([]byte{}, src...)
	bad[len(bad)-2] ^= 0xFF // the frame checksum
	if _, err := decodeAll(newRLEAsRaw(bytes.NewReader(bad))); err == nil {
		t.Error("a wrong frame checksum decoded without error")
	}
	if _, err := decodeAll(newRLEAsRaw(bytes.NewReader([]byte("not zstd at all")))); err == nil {
		t.Error("a stream that is not zstd decoded without error")
	}
}

// An error of the file under the rewriter reaches the decoder's reader.
func TestRLEAsRawReadError(t *testing.T) {
	src := compress(t, diskLike())
	boom := errors.New("disk on fire")
	r := io.MultiReader(bytes.NewReader(src[:len(src)/2]), iotestErr{boom})
	_, err := readAllSmall(newRLEAsRaw(r), 4096)
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want %v", err, boom)
	}
}

type iotestErr struct{ err error }

func (e iotestErr) Read([]byte) (int, error) { return 0, e.err }

// FuzzRLEAsRaw: for any input, decoding through the rewriter succeeds
// exactly when decoding the input does, with the same bytes.
func FuzzRLEAsRaw(f *testing.F) {
	// Small seeds: the fuzzer's coverage counters slow the decoder's
	// byte loops a hundredfold. A block of one byte is stored as RLE.
	rle := zstdCLI(f, make([]byte, 5000))
	f.Add(rle)
	f.Add(zstdCLI(f, bytes.Repeat([]byte{7}, 3000), "--no-check"))
	f.Add(append(zstdCLI(f, []byte("a small text, a small text, a small text")), rle...))
	f.Add(compress(f, []byte("short"), zstd.WithSingleSegment(true)))
	f.Add([]byte{0x50, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 'h', 'i'})
	f.Add([]byte("not zstd"))
	f.Fuzz(func(t *testing.T, in []byte) {
		want, werr := decodeAll(bytes.NewReader(in))
		got, gerr := decodeAll(newRLEAsRaw(bytes.NewReader(in)))
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("decoder error %v, through the rewriter %v", werr, gerr)
		}
		if werr == nil && !bytes.Equal(got, want) {
			t.Fatalf("decoded %d bytes through the rewriter, %d without", len(got), len(want))
		}
	})
}
