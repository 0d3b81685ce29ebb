package wipe

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/looptest"
)

// readDevice reads the whole device independently of the engine: a plain
// buffered open, after dropping the page cache for it.
func readDevice(t *testing.T, dev string) []byte {
	t.Helper()
	exec.Command("blockdev", "--flushbufs", dev).Run()
	f, err := os.Open(dev)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loopWipe(t *testing.T, dev, method string, seed []byte) Result {
	t.Helper()
	d, err := imaging.Inspect(context.Background(), dev, imaging.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Refusal(); err != nil {
		t.Fatal(err)
	}
	p, err := MakePlan(d, method, VerifyFull, Gather(context.Background(), ExecRunner{}, d))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), Job{Device: d, Plan: p, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusPassed || r.VerificationResult != StatusPassed || r.NIST != NISTClear || !r.Direct {
		t.Fatalf("%s wipe of %s: %+v", method, dev, r)
	}
	return r
}

func TestLoopZeroWipe(t *testing.T) {
	dev := looptest.Attach(t, 24<<20+512*3, looptest.Fill(0xA5)) // a size that is not a whole number of chunks
	r := loopWipe(t, dev, MethodZero, nil)
	got := readDevice(t, dev)
	if int64(len(got)) != r.Bytes || !bytes.Equal(got, make([]byte, len(got))) {
		t.Fatalf("device is not all zeros after the wipe (%d bytes read, %d written)", len(got), r.Bytes)
	}
}

func TestLoopRandomWipe(t *testing.T) {
	dev := looptest.Attach(t, 20<<20, looptest.Fill(0x00))
	seed := []byte("loop-test-seed-0123456789")
	loopWipe(t, dev, MethodRandom, seed)
	got := readDevice(t, dev)
	if !bytes.Equal(got, expectAESCTR(seed, len(got))) {
		t.Fatal("device does not hold the seeded AES-CTR stream")
	}
}
