package deploy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pcsolidaire/atelier/internal/looptest"
)

// withFileChecksum recomputes a bmap's checksum of itself after an edit, so
// the edited bmap is accepted as a bmap and only its range is wrong.
func withFileChecksum(t *testing.T, data []byte, old string) []byte {
	t.Helper()
	zeroed := bytes.Replace(data, []byte(old), bytes.Repeat([]byte("0"), len(old)), 1)
	sum := sha256.Sum256(zeroed)
	return bytes.Replace(zeroed, bytes.Repeat([]byte("0"), len(old)), []byte(hex.EncodeToString(sum[:])), 1)
}

func isZero(t *testing.T, dev string, n int) bool {
	t.Helper()
	f, err := os.Open(dev)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, n)
	if _, err := f.ReadAt(buf, 0); err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(buf, make([]byte, n))
}

func TestWrongRangeChecksumFailsNamingTheRange(t *testing.T) {
	dir := fixture(t)
	raw := filepath.Join(dir, "zorin-test.img")
	data, err := os.ReadFile(raw + ".bmap")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseBmap(data)
	if err != nil {
		t.Fatal(err)
	}
	victim := b.Ranges[len(b.Ranges)/2]
	bad := strings.Repeat("ab", 32)
	edited := bytes.Replace(data, []byte(victim.Checksum), []byte(bad), 1)
	edited = withFileChecksum(t, edited, b.FileChecksum)
	bmapPath := filepath.Join(t.TempDir(), "edited.bmap")
	if err := os.WriteFile(bmapPath, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, img := range []string{raw, raw + ".zst"} {
		dev := looptest.Attach(t, 96<<20, looptest.Partitions())
		plan, err := Prepare(context.Background(), Request{Image: img, Bmap: bmapPath, Target: dev})
		if err != nil {
			t.Fatal(err)
		}
		res, err := plan.Run(context.Background(), nil)
		if err == nil || res.Status != "failed" {
			t.Fatalf("%s: deploy with a wrong range checksum: status %s, err %v", img, res.Status, err)
		}
		if !strings.Contains(err.Error(), "range "+victim.Label()+" ") {
			t.Fatalf("%s: error does not name range %s: %v", img, victim.Label(), err)
		}
	}
}

func TestEditedBmapIsRejected(t *testing.T) {
	dir := fixture(t)
	data, err := os.ReadFile(filepath.Join(dir, "zorin-test.img.bmap"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := ParseBmap(data)
	edited := bytes.Replace(data, []byte(b.Ranges[0].Checksum), []byte(strings.Repeat("0", 64)), 1)
	if _, err := ParseBmap(edited); err == nil || !strings.Contains(err.Error(), "damaged or edited") {
		t.Fatalf("edited bmap accepted: %v", err)
	}
}

func TestTruncatedCompressedImageFails(t *testing.T) {
	dir := fixture(t)
	for _, ext := range []string{".zst", ".xz", ".gz"} {
		t.Run(ext, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, "zorin-test.img"+ext))
			if err != nil {
				t.Fatal(err)
			}
			tdir := t.TempDir()
			img := filepath.Join(tdir, "cut.img"+ext)
			if err := os.WriteFile(img, src[:len(src)*2/3], 0o644); err != nil {
				t.Fatal(err)
			}
			// With the bmap (sizes known) and without (size from the
			// catalogue, as atelier image add records it).
			for _, req := range []Request{
				{Image: img, Bmap: filepath.Join(dir, "zorin-test.img.bmap")},
				{Image: img, NoBmap: true, ImageBytes: 64 << 20},
			} {
				req.Target = looptest.Attach(t, 96<<20, looptest.Partitions())
				plan, err := Prepare(context.Background(), req)
				if err != nil {
					t.Fatal(err)
				}
				res, err := plan.Run(context.Background(), nil)
				if err == nil || res.Status != "failed" {
					t.Fatalf("truncated %s deployed: %s %v", ext, res.Status, err)
				}
				if !strings.Contains(err.Error(), "truncated") {
					t.Errorf("error does not say truncated: %v", err)
				}
			}
		})
	}
}

func TestTooSmallTargetRefusedBeforeWriting(t *testing.T) {
	dir := fixture(t)
	dev := looptest.Attach(t, 32<<20, looptest.Partitions())
	_, err := Prepare(context.Background(), Request{Image: filepath.Join(dir, "zorin-test.img.zst"), Target: dev})
	if err == nil || !strings.Contains(err.Error(), "too small") {
		t.Fatalf("32 MiB target for a 64 MiB image: %v", err)
	}
	if !isZero(t, dev, 1<<20) {
		t.Fatal("the refused target was written")
	}
}

// Without bmap, on a disk the ledger says was zero-wiped, all-zero blocks
// are skipped and the whole image is still verified on read-back.
func TestNoBmapSkipsZerosAndChecksImageHash(t *testing.T) {
	dir := fixture(t)
	raw := filepath.Join(dir, "zorin-test.img")
	d, err := DigestImage(context.Background(), raw+".zst", "")
	if err != nil {
		t.Fatal(err)
	}
	dev := looptest.Attach(t, 96<<20, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: raw + ".zst", NoBmap: true, Target: dev,
		ImageSHA256: d.ImageSHA256, FileSHA256: d.FileSHA256, ImageBytes: d.ImageBytes})
	if err != nil {
		t.Fatal(err)
	}
	plan.SkipZeros = true
	res, err := plan.Run(context.Background(), nil)
	if err != nil || res.Status != "passed" {
		t.Fatalf("deploy: %v", err)
	}
	if res.WrittenBytes >= d.ImageBytes/2 {
		t.Errorf("wrote %d of %d bytes: zero blocks were not skipped", res.WrittenBytes, d.ImageBytes)
	}
	if res.Verification != "image-sha256+read-back" {
		t.Errorf("verification %q", res.Verification)
	}

	// A catalogue hash that does not match fails the deploy.
	dev2 := looptest.Attach(t, 96<<20, looptest.Partitions())
	plan, err = Prepare(context.Background(), Request{Image: raw, NoBmap: true, Target: dev2,
		ImageSHA256: strings.Repeat("0", 64)})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := plan.Run(context.Background(), nil); err == nil || res.Status != "failed" {
		t.Fatalf("wrong image sha256 passed: %v", err)
	}
}

func TestInterruptedDeploy(t *testing.T) {
	dir := fixture(t)
	dev := looptest.Attach(t, 96<<20, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: filepath.Join(dir, "zorin-test.img.xz"), NoBmap: true, Target: dev})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	res, err := plan.Run(ctx, cancelAfter{cancel})
	if err == nil || res.Status != "interrupted" {
		t.Fatalf("cancelled deploy: status %s, err %v", res.Status, err)
	}
}

// cancelAfter cancels the deploy as soon as the first chunk is written,
// like Ctrl-C in the middle of a write.
type cancelAfter struct{ cancel context.CancelFunc }

func (c cancelAfter) Phase(string, int64) {}
func (c cancelAfter) Add(int64)           { c.cancel() }

func TestDigestAndFindBmap(t *testing.T) {
	dir := fixture(t)
	raw := filepath.Join(dir, "zorin-test.img")
	rawData, err := os.ReadFile(raw)
	if err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(rawData)
	for _, name := range []string{"zorin-test.img", "zorin-test.img.zst", "zorin-test.img.xz", "zorin-test.img.gz"} {
		p := filepath.Join(dir, name)
		d, err := DigestImage(context.Background(), p, "")
		if err != nil {
			t.Fatal(err)
		}
		file, _ := os.ReadFile(p)
		fsum := sha256.Sum256(file)
		if d.ImageSHA256 != hex.EncodeToString(want[:]) || d.ImageBytes != int64(len(rawData)) {
			t.Errorf("%s: image %s %d", name, d.ImageSHA256, d.ImageBytes)
		}
		if d.FileSHA256 != hex.EncodeToString(fsum[:]) || d.FileBytes != int64(len(file)) {
			t.Errorf("%s: file %s %d", name, d.FileSHA256, d.FileBytes)
		}
		if d.Bmap != raw+".bmap" {
			t.Errorf("%s: bmap %q", name, d.Bmap)
		}
	}
}

// A disk that does not return what was written (here: one byte changed
// behind atelier's back between the write and the read-back) fails the
// read-back, naming the range.
func TestReadBackCatchesChangedByte(t *testing.T) {
	dir := fixture(t)
	dev := looptest.Attach(t, 96<<20, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: filepath.Join(dir, "zorin-test.img.zst"), Target: dev})
	if err != nil {
		t.Fatal(err)
	}
	w, err := plan.write(context.Background(), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	victim := w.regions[len(w.regions)/2]
	f, err := os.OpenFile(dev, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 1)
	f.ReadAt(b, victim.start+100)
	b[0] ^= 0x40
	if _, err := f.WriteAt(b, victim.start+100); err != nil {
		t.Fatal(err)
	}
	f.Sync()
	f.Close()
	err = plan.readBack(context.Background(), w, nil)
	if err == nil || !strings.Contains(err.Error(), "range "+victim.label+" ") {
		t.Fatalf("read-back after a changed byte in range %s: %v", victim.label, err)
	}
}

// An image that cannot be opened when the write starts (removed after the
// plan was made) fails the deploy without leaving its read-back running:
// a goroutine waiting forever, holding its buffers.
func TestImageGoneLeavesNoReadBackBehind(t *testing.T) {
	dir := fixture(t)
	img := filepath.Join(t.TempDir(), "gone.img.zst")
	data, err := os.ReadFile(filepath.Join(dir, "zorin-test.img.zst"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(img, data, 0o644); err != nil {
		t.Fatal(err)
	}
	dev := looptest.Attach(t, 96<<20, looptest.Partitions())
	plan, err := Prepare(context.Background(), Request{Image: img, NoBmap: true, Target: dev})
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	if err := os.Remove(img); err != nil {
		t.Fatal(err)
	}
	if res, err := plan.Run(context.Background(), nil); err == nil || res.Status != "failed" {
		t.Fatalf("deploy of a removed image: status %s, err %v", res.Status, err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines after the failed deploy, %d before", n, before)
	}
}
