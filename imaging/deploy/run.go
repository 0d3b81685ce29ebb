package deploy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/maphash"
	"os"
	"strings"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/i18n"
)

// Progress receives the advance of each phase ("write", "verify").
type Progress interface {
	Phase(name string, total int64)
	Add(n int64)
}

// Step is one thing done to the disk after writing, reported to the operator.
type Step struct {
	Name   string `json:"name"`
	Status string `json:"status"` // ok, warn, failed
	// Detail is Msg in English: --json and the ledger stay
	// language-neutral; people read Msg in their language (In).
	Detail string   `json:"detail,omitempty"`
	Msg    i18n.Msg `json:"-"`
}

func newStep(name, status string, m i18n.Msg) Step {
	return Step{Name: name, Status: status, Detail: m.In(i18n.EN), Msg: m}
}

// In is the step's detail in l.
func (s Step) In(l i18n.Lang) string {
	if s.Msg.Key == "" {
		return s.Detail
	}
	return s.Msg.In(l)
}

// Verification is a verification label ("bmap-sha256+read-back") said in
// words in the reader's language.
type Verification string

func (v Verification) In(l i18n.Lang) string { return VerificationText(l, string(v)) }

// Result is what a deploy did. Status is passed, failed or interrupted; a
// failed disk holds a partial or wrong image and must not leave the bench.
type Result struct {
	Status       string  `json:"status"`
	Image        string  `json:"image"`
	Device       string  `json:"device"`
	ImageBytes   int64   `json:"image_bytes"`
	WrittenBytes int64   `json:"written_bytes"`
	Verification string  `json:"verification"`
	Seconds      float64 `json:"seconds"`
	// Phases are the seconds spent writing, reading back, personalising.
	Phases      map[string]float64 `json:"phases"`
	Steps       []Step             `json:"steps"`
	Error       string             `json:"error,omitempty"`
	ImageSHA256 string             `json:"image_sha256,omitempty"`
}

// Run writes the image, verifies it and personalises the copy. The error is
// the reason for a status other than passed; the Result is filled either way
// so that the ledger records what happened.
func (p *Plan) Run(ctx context.Context, prog Progress) (Result, error) {
	t0 := time.Now()
	res := Result{Image: p.Image, Device: p.Device.Path, ImageBytes: p.ImageSize, Steps: []Step{},
		Phases: map[string]float64{}}
	err := p.run(ctx, prog, &res)
	res.Seconds = time.Since(t0).Seconds()
	switch {
	case err == nil:
		res.Status = "passed"
	case ctx.Err() != nil:
		res.Status = "interrupted"
		err = i18n.Keyed("deploy.interrupted", p.Device.Path)
	default:
		res.Status = "failed"
	}
	if err != nil {
		res.Error = err.Error()
	}
	return res, err
}

func (p *Plan) run(ctx context.Context, prog Progress, res *Result) error {
	t := time.Now()
	lap := func(phase string) {
		res.Phases[phase] = time.Since(t).Seconds()
		t = time.Now()
	}
	w, err := p.write(ctx, prog, p.Verify != "none")
	if w != nil && w.verified && !w.writeEnd.IsZero() {
		// Read back while writing: "read-back" is only the time it
		// took after the last write.
		res.Phases["write"] = w.writeEnd.Sub(t).Seconds()
		t = w.writeEnd
		lap("read-back")
	} else {
		lap("write")
	}
	if w != nil {
		res.WrittenBytes = w.written
	}
	if err != nil {
		return err
	}
	res.ImageSHA256 = w.imageSHA256
	res.Verification = p.verificationLabel()
	written := i18n.M("deploy.step.write.unchecked", i18n.Size(w.written))
	if c := p.checksumLabel(); c != "" {
		written = i18n.M("deploy.step.write", i18n.Size(w.written), Verification(c))
	}
	res.Steps = append(res.Steps, newStep("write", "ok", written))
	if p.Verify != "none" {
		if !w.verified {
			err := p.readBack(ctx, w, prog)
			lap("read-back")
			if err != nil {
				return err
			}
		}
		res.Steps = append(res.Steps, newStep("read-back", "ok", i18n.M("deploy.step.readback", len(w.regions))))
	}
	if p.Personalise {
		steps, err := Personalise(ctx, p.Device.Path, PersonaliseOptions{Hostname: p.Hostname})
		lap("personalise")
		res.Steps = append(res.Steps, steps...)
		if err != nil {
			return err
		}
	}
	return nil
}

// verificationLabel says how the written data was checked, for the ledger
// and --json: the checksum the stream was held to and "read-back", joined
// by "+", or "none" (see VerificationText for people).
func (p *Plan) verificationLabel() string {
	var parts []string
	if c := p.checksumLabel(); c != "" {
		parts = append(parts, c)
	}
	if p.Verify != "none" {
		parts = append(parts, "read-back")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// checksumLabel is the checksum the stream is checked against while it is
// written: "bmap-sha256" (each mapped range), "image-sha256" (the
// catalogue's hash of the whole image), or "" when there is none.
func (p *Plan) checksumLabel() string {
	switch {
	case p.bmap != nil && p.bmap.ChecksumType != "":
		return "bmap-" + p.bmap.ChecksumType
	case p.ImageSHA256 != "":
		return "image-sha256"
	}
	return ""
}

// VerificationText says a verification label in words: "image-sha256+
// read-back" -> "image sha256 and read-back", "none" -> "none".
func VerificationText(lang i18n.Lang, label string) string {
	if label == "" || label == "none" {
		return lang.T("deploy.verif.none")
	}
	var words []string
	for _, part := range strings.Split(label, "+") {
		switch {
		case part == "read-back":
			words = append(words, lang.T("deploy.verif.readback"))
		case part == "image-sha256":
			words = append(words, lang.T("deploy.verif.image"))
		case strings.HasPrefix(part, "bmap-"):
			words = append(words, lang.T("deploy.verif.bmap", strings.TrimPrefix(part, "bmap-")))
		default:
			words = append(words, part)
		}
	}
	return strings.Join(words, lang.T("deploy.verif.and"))
}

// writeState is what the write pass leaves for read-back.
type writeState struct {
	written     int64
	imageSHA256 string   // of the whole stream, when it was read whole
	regions     []region // the ranges written, as messages name them
	pieces      []piece  // what read-back compares, in order
	// seed keys the read-back hash. The cryptographic check (bmap or
	// catalogue sha256) is made on the stream as it is written; read-back
	// then only has to prove the disk returns exactly those bytes, which a
	// 64-bit hash keyed at random for this deploy does at memory speed, so
	// that reading back costs the disk's read time and not a second sha256.
	seed maphash.Seed
	// verified is set when every piece was read back during the write
	// (see Plan.write); writeEnd is when the last write was flushed.
	verified bool
	writeEnd time.Time
}

// pieceBytes is how many bytes read-back checks.
func (w *writeState) pieceBytes() int64 {
	var n int64
	for _, pc := range w.pieces {
		n += pc.end - pc.start
	}
	return n
}

// region is a byte range of the disk as the operator is told about it: a
// bmap range, or the whole image without a bmap.
type region struct {
	label      string
	start, end int64
}

// regions lists what is written, known before the first byte is.
func (p *Plan) regions() []region {
	if p.bmap == nil {
		return []region{{label: "0-" + fmt.Sprint(p.ImageSize), start: 0, end: p.ImageSize}}
	}
	rs := make([]region, len(p.bmap.Ranges))
	for i, r := range p.bmap.Ranges {
		rs[i] = region{label: r.Label(), start: p.bmap.Start(r), end: p.bmap.End(r)}
	}
	return rs
}

// write is the pipeline: decompress (own goroutine) -> hash and choose what
// to write (this goroutine) -> write (own goroutine), chunks recycled.
// With verify, each piece is also read back (own goroutine) as soon as it
// is written, while later ones are written, when the disk can be read
// with O_DIRECT; st.verified says it was, and read-back is then done.
func (p *Plan) write(ctx context.Context, prog Progress, verify bool) (*writeState, error) {
	dst, err := imaging.OpenWrite(p.Device.Path, !p.NoDirect)
	if err != nil {
		return nil, err
	}
	defer dst.Close()
	tail, err := os.OpenFile(p.Device.Path, os.O_WRONLY, 0)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p.Device.Path, err)
	}
	defer tail.Close()
	dw := &diskWriter{direct: dst, buffered: tail}
	st := &writeState{seed: maphash.MakeSeed(), regions: p.regions()}

	ctx2, cancel := context.WithCancel(ctx)
	defer cancel()
	var v *verifier
	if verify && imaging.IsDirect(dst) {
		if v, err = p.newVerifier(st, true); err != nil {
			return nil, err
		}
	}
	var vin chan []piece
	verr := make(chan error, 1)
	if v != nil {
		defer v.Close()
		// One slot per job the write can produce, so that a verifier
		// behind the writer never slows it down.
		vin = make(chan []piece, p.ImageSize/chunkSize+int64(len(st.regions))+2)
	}

	free := make(chan []byte, inFlight)
	for range inFlight {
		free <- ioBuffer(chunkSize)
	}
	chunks := make(chan chunk, 1)
	jobs := make(chan job, 1)
	perr, werr := make(chan error, 1), make(chan error, 1)

	// A raw image with a bmap is read range by range; anything else is
	// read as one stream (a compressed stream cannot skip).
	var fileHash hash.Hash
	streamed := !(p.Format == Raw && p.bmap != nil)
	if streamed {
		if p.FileSHA256 != "" && p.Format != Raw {
			fileHash = sha256.New()
		}
		s, err := openImage(p.Image, fileHash, decodeOptions{skipFrameCheck: p.bmap.checksummed()})
		if err != nil {
			return nil, err
		}
		defer s.Close()
		go produceStream(ctx2, s.dec, p.bmap, free, chunks, perr)
	} else {
		f, err := os.Open(p.Image)
		if err != nil {
			return nil, fmt.Errorf("open image %s: %w", p.Image, err)
		}
		defer f.Close()
		go produceRanges(ctx2, f, p.bmap, free, chunks, perr)
	}
	if prog != nil {
		prog.Phase("write", map[bool]int64{true: p.ImageSize, false: p.WriteBytes}[streamed])
	}
	if v != nil {
		// Started once nothing can return early: its end is waited for.
		go func() { verr <- v.run(ctx2, vin, cancel) }()
	}
	go consumeWrites(ctx2, dw, jobs, free, prog, vin, werr)

	herr := p.hashStage(ctx2, chunks, jobs, st, streamed)
	close(jobs)
	if herr != nil {
		cancel()
	}
	for c := range chunks { // unblock the producer after a failure
		free <- c.buf
	}
	pe, we := <-perr, <-werr
	st.written = dw.written
	err = p.writeOutcome(ctx, herr, pe, we)
	if err == nil {
		err = p.flush(dst, tail, fileHash)
	}
	st.writeEnd = time.Now()
	if v == nil {
		return st, err
	}
	if err == nil {
		v.show(prog, st.pieceBytes())
	} else {
		cancel() // what is left to read back no longer matters
	}
	close(vin)
	ve := <-verr
	switch {
	case ve != nil && !errors.Is(ve, context.Canceled):
		// A mismatch stopped the write: it is the reason, not the
		// cancellation it caused.
		return st, ve
	case err != nil:
		return st, err
	case ve != nil:
		return st, ctx.Err()
	}
	st.verified = true
	return st, nil
}

// writeOutcome picks the reason a write failed among its stages' errors:
// the cause, not the cancellation it caused in the other stages.
func (p *Plan) writeOutcome(ctx context.Context, herr, pe, we error) error {
	switch {
	case errors.As(herr, new(*rangeError)):
		return herr
	case we != nil && !errors.Is(we, context.Canceled):
		return we
	case pe != nil && !errors.Is(pe, context.Canceled):
		return i18n.Keyed("deploy.read", p.Image, pe)
	case herr != nil:
		return herr
	case ctx.Err() != nil:
		return ctx.Err()
	}
	return nil
}

// flush ends a complete write: the disk's caches flushed, and the
// compressed file's own checksum, known only at its end, compared.
func (p *Plan) flush(dst, tail *os.File, fileHash hash.Hash) error {
	if err := dst.Sync(); err != nil {
		return fmt.Errorf("flush %s: %w", p.Device.Path, err)
	}
	if err := tail.Sync(); err != nil {
		return fmt.Errorf("flush %s: %w", p.Device.Path, err)
	}
	if fileHash != nil {
		if got := hex.EncodeToString(fileHash.Sum(nil)); got != p.FileSHA256 {
			return i18n.Keyed("deploy.file.mismatch", p.Image, got, p.FileSHA256)
		}
	}
	return nil
}

// rangeError is a bmap range whose data does not match its checksum.
type rangeError struct{ err error }

func (e *rangeError) Error() string { return e.err.Error() }
func (e *rangeError) Unwrap() error { return e.err }

// hashStage checks and plans each chunk: bmap ranges are hashed as they
// stream and a wrong one stops everything before its last chunk is
// written; without bmap the whole stream is hashed and, on a zero-wiped
// disk, all-zero stretches are left out.
func (p *Plan) hashStage(ctx context.Context, in <-chan chunk, out chan<- job, st *writeState, streamed bool) error {
	b := p.bmap
	var whole hash.Hash
	if b == nil {
		whole = sha256.New()
	}
	var rh hash.Hash
	if b != nil {
		rh = b.NewHash()
	}
	ri := 0
	var seen int64
	for c := range in {
		data := c.buf[:c.n]
		seen += int64(c.n)
		var segs []segment
		var checks []piece
		cEnd := c.off + int64(c.n)
		if streamed && cEnd > p.ImageSize {
			return i18n.Keyed("deploy.image.longer", p.Image, p.ImageSize)
		}
		switch {
		case b != nil:
			for ri < len(b.Ranges) {
				r := b.Ranges[ri]
				rs, re := b.Start(r), b.End(r)
				if rs >= cEnd {
					break
				}
				s, e := max(rs, c.off), min(re, cEnd)
				if s < e {
					segs = append(segs, segment{s, e})
					rh.Write(data[s-c.off : e-c.off])
					checks = append(checks, piece{start: s, end: e, sum: maphash.Bytes(st.seed, data[s-c.off:e-c.off]), region: ri})
				}
				if re > cEnd {
					break
				}
				sum := rh.Sum(nil)
				rh.Reset()
				if r.Checksum != "" && hex.EncodeToString(sum) != r.Checksum {
					return &rangeError{i18n.Keyed("deploy.range.mismatch", r.Label(), rs, re, p.BmapPath)}
				}
				ri++
			}
		case p.SkipZeros:
			whole.Write(data)
			segs = nonZero(data, c.off)
		default:
			whole.Write(data)
			segs = []segment{{c.off, cEnd}}
		}
		if b == nil {
			// Read back the whole chunk, skipped zeros included: the
			// image is the whole of it.
			checks = []piece{{start: c.off, end: cEnd, sum: maphash.Bytes(st.seed, data)}}
		}
		st.pieces = append(st.pieces, checks...)
		select {
		case out <- job{c: c, segs: segs, checks: checks}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if b != nil && ri < len(b.Ranges) {
		return i18n.Keyed("deploy.image.shorter", p.Image, seen, p.ImageSize)
	}
	if streamed && seen != p.ImageSize {
		return i18n.Keyed("deploy.image.shorter", p.Image, seen, p.ImageSize)
	}
	if whole != nil {
		sum := whole.Sum(nil)
		st.imageSHA256 = hex.EncodeToString(sum)
		if p.ImageSHA256 != "" && st.imageSHA256 != p.ImageSHA256 {
			return i18n.Keyed("deploy.image.mismatch", p.Image, st.imageSHA256, p.ImageSHA256)
		}
	}
	return nil
}

// zeroRun is the granularity of zero skipping: big enough that skipping
// does not shred writes into tiny pieces.
const zeroRun = 64 << 10

var zeros = make([]byte, zeroRun)

// nonZero returns the stretches of data (at image offset off) that hold
// anything but zeros, in zeroRun steps.
func nonZero(data []byte, off int64) []segment {
	var segs []segment
	for i := 0; i < len(data); i += zeroRun {
		j := min(i+zeroRun, len(data))
		if bytes.Equal(data[i:j], zeros[:j-i]) {
			continue
		}
		s, e := off+int64(i), off+int64(j)
		if n := len(segs); n > 0 && segs[n-1].end == s {
			segs[n-1].end = e
		} else {
			segs = append(segs, segment{s, e})
		}
	}
	return segs
}
