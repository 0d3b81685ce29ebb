package wipe

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
)

func memJob(d *memDisk, method, verify string) Job {
	dev := imaging.BlockDevice{Path: "/dev/fake", Name: "fake", Serial: "FAKE0001", Medium: "loop", SizeBytes: int64(len(d.data))}
	p, err := MakePlan(dev, method, verify, Facts{})
	if err != nil {
		panic(err)
	}
	return Job{Device: dev, Plan: p, Medium: d, Size: int64(len(d.data)), Chunk: 1 << 20, Seed: []byte("0123456789abcdef01234567")}
}

// expectAESCTR regenerates the random stream independently of the
// package's code: AES-128(seed[:16]) CTR, IV = seed[16:24] || block index.
func expectAESCTR(seed []byte, n int) []byte {
	blk, _ := aes.NewCipher(seed[:16])
	iv := make([]byte, 16)
	copy(iv, seed[16:24])
	binary.BigEndian.PutUint64(iv[8:], 0)
	out := make([]byte, n)
	cipher.NewCTR(blk, iv).XORKeyStream(out, out)
	return out
}

func TestZeroWipeFullVerify(t *testing.T) {
	d := newMemDisk(5<<20+4096, 0xAB) // not a multiple of the chunk
	var last, total int64
	j := memJob(d, MethodZero, VerifyFull)
	j.Progress = func(done, tot int64) { last, total = done, tot }
	r, err := Run(context.Background(), j)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusPassed || r.NIST != NISTClear || r.Bytes != int64(len(d.data)) || r.VerifiedBytes != int64(len(d.data)) {
		t.Fatalf("result %+v", r)
	}
	if !bytes.Equal(d.data, make([]byte, len(d.data))) {
		t.Fatal("disk not all zeros")
	}
	if last != total || total != 2*int64(len(d.data)) {
		t.Fatalf("progress ended at %d of %d", last, total)
	}
	if d.syncs == 0 {
		t.Fatal("no final flush")
	}
}

func TestRandomWipeIsTheSeededStream(t *testing.T) {
	d := newMemDisk(3<<20, 0)
	j := memJob(d, MethodRandom, VerifyFull)
	r, err := Run(context.Background(), j)
	if err != nil || r.Status != StatusPassed || r.Pattern != PatternRandom {
		t.Fatalf("%+v %v", r, err)
	}
	if !bytes.Equal(d.data, expectAESCTR(j.Seed, len(d.data))) {
		t.Fatal("disk does not hold the AES-CTR stream of the seed")
	}
}

func TestFaultyWriterGivesFailedWithRanges(t *testing.T) {
	d := newMemDisk(4<<20, 0x55)
	d.bad = [][2]int64{{1<<20 + 8192, 1<<20 + 8193}, {3 << 20, 3<<20 + 3*4096}}
	j := memJob(d, MethodZero, VerifyFull)
	r, err := Run(context.Background(), j)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusFailed || r.NIST != NISTNone {
		t.Fatalf("status %s nist %s", r.Status, r.NIST)
	}
	var writes []IOError
	for _, e := range r.Errors {
		if e.Op == "write" {
			writes = append(writes, e)
		}
	}
	want := []IOError{
		{Op: "write", Start: 1<<20 + 8192, End: 1<<20 + 12288, Err: "input/output error"},
		{Op: "write", Start: 3 << 20, End: 3<<20 + 12288, Err: "input/output error"},
	}
	if len(writes) != len(want) {
		t.Fatalf("write errors %+v, want %+v", writes, want)
	}
	for i := range want {
		if writes[i] != want[i] {
			t.Errorf("error %d = %+v, want %+v", i, writes[i], want[i])
		}
	}
	// The wipe went on past the errors: the rest of the disk is zero.
	if !bytes.Equal(d.data[3<<20+12288:], make([]byte, len(d.data)-(3<<20+12288))) {
		t.Fatal("wipe stopped at the first error")
	}
	// And verification saw the unwritten ranges.
	if !strings.Contains(strings.Join(r.ErrorStrings(), "\n"), "verify 1056768-1060864") {
		t.Errorf("verification did not flag the unwritten range: %v", r.ErrorStrings())
	}
}

func TestSampleVerificationCatchesAStaleZone(t *testing.T) {
	size := 64 << 20
	spans := sampleSpans(int64(size), 4096)
	var covered int64
	for _, s := range spans {
		covered += s.Len
	}
	if covered*10 < int64(size) || spans[0].Off != 0 || spans[len(spans)-1].Off+spans[len(spans)-1].Len != int64(size) {
		t.Fatalf("sample covers %d of %d, first %+v last %+v", covered, size, spans[0], spans[len(spans)-1])
	}
	// The last MiB is always read: a wipe that never reached the end fails.
	d := newMemDisk(size, 0)
	e := &engine{m: d, size: int64(size), chunk: 1 << 20, sector: 4096, errs: &errorLog{}}
	d.data[size-100] = 1
	e.verify(context.Background(), zeroPattern{}, spans)
	if errs := e.errs.sorted(); len(errs) != 1 || errs[0].Start != int64(size-4096) {
		t.Fatalf("errors %+v", errs)
	}
}

func TestCancelledWipeIsInterrupted(t *testing.T) {
	d := newMemDisk(16<<20, 0x11)
	ctx, cancel := context.WithCancel(context.Background())
	d.onWrite = func(off int64) {
		if off >= 4<<20 {
			cancel()
		}
	}
	r, err := Run(ctx, memJob(d, MethodRandom, VerifyFull))
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusInterrupted || r.NIST != NISTNone || r.Bytes >= 16<<20 {
		t.Fatalf("%+v", r)
	}
}

func TestReadErrorDuringVerifyFails(t *testing.T) {
	d := newMemDisk(2<<20, 0)
	d.badRead = [][2]int64{{4096, 8192}}
	r, _ := Run(context.Background(), memJob(d, MethodZero, VerifyFull))
	if r.Status != StatusFailed || len(r.Errors) != 1 || r.Errors[0].Op != "read" || r.Errors[0].Start != 4096 || r.Errors[0].End != 8192 {
		t.Fatalf("%+v", r)
	}
}

func BenchmarkRandomPattern(b *testing.B) {
	p, _ := newRandomPattern(nil)
	buf := imaging.AlignedBuffer(DefaultChunk)
	b.SetBytes(DefaultChunk)
	for i := 0; b.Loop(); i++ {
		p.fill(buf, int64(i)*DefaultChunk)
	}
}

// An overwrite nobody reads back writes every byte but claims nothing:
// "unverified", NIST none, in the plan as in the result.
func TestZeroWipeWithoutVerifyIsUnverified(t *testing.T) {
	d := newMemDisk(2<<20, 0xAB)
	j := memJob(d, MethodZero, VerifyNone)
	if j.Plan.NIST != NISTNone {
		t.Fatalf("plan NIST %q, want none", j.Plan.NIST)
	}
	r, err := Run(context.Background(), j)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusUnverified || r.NIST != NISTNone || r.Bytes != int64(len(d.data)) || r.VerificationResult != "not done" {
		t.Fatalf("result %+v", r)
	}
	if !bytes.Equal(d.data, make([]byte, len(d.data))) {
		t.Fatal("disk not all zeros")
	}
}
