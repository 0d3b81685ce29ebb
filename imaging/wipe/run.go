package wipe

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/vocab"
)

// Statuses of a finished wipe.
const (
	StatusPassed      = string(vocab.StatusPassed)
	StatusFailed      = string(vocab.StatusFailed)
	StatusInterrupted = string(vocab.StatusInterrupted)
	// StatusUnverified is an overwrite that wrote every byte but was not
	// read back (--verify none). NIST SP 800-88 makes verification part of
	// sanitization, so it claims no category and earns no certificate.
	StatusUnverified = string(vocab.StatusUnverified)
)

// Job is one disk to wipe according to a plan.
type Job struct {
	Device imaging.BlockDevice
	Plan   Plan
	// VerifyAsked is the operator's --verify ("" = default); a fallback
	// overwrite keeps an explicit choice and otherwise verifies fully.
	VerifyAsked string
	Runner      Runner
	// Medium is the disk; nil opens Device.Path with direct I/O. Tests
	// pass a stand-in with Size.
	Medium    Medium
	Size      int64
	Seed      []byte
	Chunk     int // default DefaultChunk
	Sector    int // error-range granularity, default 4096
	MaxErrors int // default 4096 ranges
	PollEvery time.Duration
	// Progress receives bytes done and the total, from one goroutine at a
	// time; the total can grow when a firmware erase falls back to an
	// overwrite.
	Progress func(done, total int64)
	// Phase, when set, hears which phase starts: PhaseErasing (firmware),
	// PhaseWriting, PhaseVerifying.
	Phase func(phase string)
}

// Phases of a wipe, for progress display.
const (
	PhaseErasing   = "erasing"
	PhaseWriting   = "writing"
	PhaseVerifying = "verifying"
)

func (j Job) phase(p string) {
	if j.Phase != nil {
		j.Phase(p)
	}
}

// Attempt is one technique tried, for the certificate.
type Attempt struct {
	Technique string   `json:"technique"`
	Detail    string   `json:"detail,omitempty"`
	Outcome   string   `json:"outcome"` // done, unavailable, failed, interrupted
	Error     string   `json:"error,omitempty"`
	Commands  []string `json:"commands,omitempty"` // command lines sent to the drive
	// Frozen: the drive refused because it is frozen (ErrFrozen).
	Frozen bool `json:"frozen,omitempty"`
}

// Result is what happened to one disk.
type Result struct {
	Disk               string    `json:"disk"`
	Serial             string    `json:"serial"`
	Status             string    `json:"status"`
	Method             string    `json:"method"`    // family of what was done: zero, ata-sanitize...
	Technique          string    `json:"technique"` // precisely what was done: overwrite-zero, ata-sanitize-block...
	Detail             string    `json:"detail,omitempty"`
	Tried              []Attempt `json:"tried"`
	NIST               string    `json:"nist"`
	Pattern            string    `json:"pattern,omitempty"`
	Passes             int       `json:"passes"`
	Verification       string    `json:"verification"`
	VerificationResult string    `json:"verification_result"`
	Bytes              int64     `json:"bytes"`
	VerifiedBytes      int64     `json:"verified_bytes"`
	SizeBytes          int64     `json:"size_bytes"`
	Errors             []IOError `json:"errors"`
	HiddenSectors      int64     `json:"hidden_sectors,omitempty"`
	Direct             bool      `json:"direct_io"`
	// CacheDropped: without direct I/O (the device refused O_DIRECT), the
	// page cache was dropped before the read-back, so it read the medium.
	CacheDropped bool      `json:"cache_dropped,omitempty"`
	Start        time.Time `json:"start"`
	End          time.Time `json:"end"`
}

// ErrorStrings renders the error ranges for the ledger and certificates.
func (r Result) ErrorStrings() []string {
	out := []string{}
	for _, e := range r.Errors {
		out = append(out, e.String())
	}
	return out
}

// Run wipes one disk. It never returns passed unless every byte it meant to
// erase was written (or erased by the firmware) and the verification agreed.
// A cancelled ctx gives interrupted.
func Run(ctx context.Context, j Job) (res Result, err error) {
	res = Result{Disk: j.Device.Path, Serial: j.Device.Serial, Start: time.Now().UTC(), Tried: []Attempt{}, Errors: []IOError{}}
	defer func() { res.End = time.Now().UTC() }()
	m, size := j.Medium, j.Size
	if m == nil {
		f, err := imaging.OpenReadWrite(j.Device.Path, true)
		if err != nil {
			return res, err
		}
		defer f.Close()
		if size, err = imaging.DeviceSize(f); err != nil {
			return res, err
		}
		m, res.Direct = f, imaging.IsDirect(f)
	} else if f, ok := m.(*os.File); ok {
		res.Direct = imaging.IsDirect(f)
	}
	res.SizeBytes = size
	if size <= 0 {
		return res, fmt.Errorf("%s: size is 0", j.Device.Path)
	}
	if j.Chunk == 0 {
		j.Chunk = DefaultChunk
	}
	if j.Sector == 0 {
		j.Sector = 4096
	}
	if j.MaxErrors == 0 {
		j.MaxErrors = 4096
	}
	errs := &errorLog{max: j.MaxErrors}
	var done, total atomic.Int64
	var progressMu sync.Mutex
	e := &engine{m: m, size: size, chunk: j.Chunk, sector: j.Sector, errs: errs,
		progress: func(n int64) {
			// Writers run concurrently: one at a time, in order, so the
			// callback sees done only grow.
			progressMu.Lock()
			defer progressMu.Unlock()
			d := done.Add(n)
			if j.Progress != nil {
				j.Progress(d, total.Load())
			}
		}}
	if err := e.check(); err != nil {
		return res, err
	}
	p := j.Plan
	technique := p.Technique
	if f := p.Facts.HPA; f != nil {
		res.HiddenSectors = f.HiddenSectors()
	}

	finish := func(runErr error) (Result, error) {
		res.Errors = errs.sorted()
		switch {
		case errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded) || ctx.Err() != nil:
			res.Status = StatusInterrupted
		case runErr != nil && !errors.Is(runErr, errTooManyErrors):
			res.Status = StatusFailed
			res.Errors = append(res.Errors, IOError{Op: "write", Err: runErr.Error()})
		case len(res.Errors) > 0 || errors.Is(runErr, errTooManyErrors) || res.VerificationResult == StatusFailed:
			res.Status = StatusFailed
		case res.Verification == VerifyNone:
			res.Status = StatusUnverified
		default:
			res.Status = StatusPassed
		}
		if res.Status == StatusInterrupted && res.VerificationResult == "" {
			res.VerificationResult = "not done"
		}
		res.Technique = precise(res.Method, res.Detail)
		res.NIST = NISTNone
		if res.Status == StatusPassed {
			res.NIST = nistFor(res.Method, j.Device, p.Facts, res.Detail != detailSecureErase)
		}
		return res, nil
	}

	// Tried-and-abandoned firmware techniques the plan already knows of.
	if p.Why != "" && (IsFirmware(p.Method) || p.Method == MethodAuto) && !IsFirmware(technique) {
		asked := p.Method
		if asked == MethodAuto {
			asked = "firmware erase"
		}
		res.Tried = append(res.Tried, Attempt{Technique: asked, Outcome: "unavailable", Error: p.Why, Frozen: p.Frozen})
	}

	if IsFirmware(technique) {
		spans := sampleSpans(size, j.Sector)
		if p.Verify == VerifyFull {
			spans = fullSpans(size, j.Chunk)
		}
		marker, err := newMarker()
		if err != nil {
			return res, err
		}
		verifyBytes := int64(0)
		if p.Verify != VerifyNone {
			verifyBytes = spanBytes(spans)
		}
		total.Store(verifyBytes)
		if err := e.writeMarkers(marker, spans); err != nil {
			return finish(err)
		}
		var lines []string
		j.phase(PhaseErasing)
		fw := firmwareRun{r: recorder{j.Runner, &lines}, dev: j.Device.Path, facts: p.Facts, poll: j.PollEvery}
		detail, ferr := fw.run(ctx, technique)
		if ctx.Err() != nil {
			a := Attempt{Technique: technique, Detail: detail, Outcome: StatusInterrupted, Commands: lines}
			if technique == MethodATASecureErase {
				// The drive finishes the erase on its own and stays locked
				// until then; say how to unlock it.
				a.Error = "the drive may go on erasing and stay locked; once done: hdparm --user-master u --security-disable " + ataPassword + " " + j.Device.Path
			}
			res.Tried = append(res.Tried, a)
			res.Method, res.Detail = technique, detail
			return finish(ctx.Err())
		}
		if ferr == nil {
			res.Tried = append(res.Tried, Attempt{Technique: technique, Detail: detail, Outcome: "done", Commands: lines})
			res.Method, res.Detail, res.Passes = technique, detail, 1
			res.Verification = p.Verify
			if p.Verify == VerifyNone {
				// Even unasked, the markers themselves are checked: an
				// erase that did nothing must not pass.
				res.Verification = "markers"
				spans = markerSpans(spans)
			}
			j.phase(PhaseVerifying)
			res.CacheDropped = readFromMedium(m, res.Direct, errs)
			n, err := e.verifyErased(ctx, marker, spans)
			res.VerifiedBytes = n
			res.VerificationResult = StatusPassed
			if errs.len() > 0 || err != nil {
				res.VerificationResult = StatusFailed
			}
			return finish(err)
		}
		res.Tried = append(res.Tried, Attempt{Technique: technique, Detail: detail, Outcome: "failed", Error: ferr.Error(), Commands: lines,
			Frozen: errors.Is(ferr, ErrFrozen)})
		technique = MethodZero
		if p.Fallback != "" {
			technique = p.Fallback
		}
		p.Verify = j.VerifyAsked
		if p.Verify == "" {
			p.Verify = VerifyFull
		}
		p.Pattern = PatternZero
	}

	// Overwrite.
	pat, err := newPattern(p.Pattern, j.Seed)
	if err != nil {
		return res, err
	}
	res.Method, res.Pattern, res.Passes, res.Verification = technique, pat.name(), 1, p.Verify
	res.Detail = "overwrite, 1 pass, " + pat.name()
	var spans []span
	switch p.Verify {
	case VerifyFull:
		spans = fullSpans(size, j.Chunk)
	case VerifySample:
		spans = sampleSpans(size, j.Sector)
	}
	total.Store(done.Load() + size + spanBytes(spans))
	j.phase(PhaseWriting)
	written, werr := e.overwrite(ctx, pat)
	res.Bytes = written
	res.Tried = append(res.Tried, Attempt{Technique: technique, Detail: res.Detail, Outcome: outcome(werr)})
	if werr != nil {
		return finish(werr)
	}
	if res.HiddenSectors > 0 {
		errs.add(IOError{Op: "write", Err: fmt.Sprintf("%d sectors hidden by HPA/DCO were not overwritten (remove the hidden area with hdparm -N and wipe again)", res.HiddenSectors)})
	}
	if len(spans) == 0 {
		res.VerificationResult = "not done"
		return finish(nil)
	}
	before := errs.len()
	j.phase(PhaseVerifying)
	res.CacheDropped = readFromMedium(m, res.Direct, errs)
	n, verr := e.verify(ctx, pat, spans)
	res.VerifiedBytes = n
	res.VerificationResult = StatusPassed
	if errs.len() > before || verr != nil {
		res.VerificationResult = StatusFailed
	}
	if verr != nil && ctx.Err() != nil {
		res.VerificationResult = "not done"
	}
	return finish(verr)
}

// readFromMedium makes the read-back that follows read the disk. Direct
// I/O already does; a buffered descriptor (O_DIRECT refused) would read
// back the page cache the pass just filled, so the cache is dropped first
// (it reports whether it did). A cache that cannot be dropped is an
// error: the verification could not prove anything about the disk.
func readFromMedium(m Medium, direct bool, errs *errorLog) bool {
	f, ok := m.(*os.File)
	if direct || !ok {
		return false
	}
	if err := imaging.DropCache(f); err != nil {
		errs.add(IOError{Op: "verify", Err: "buffered I/O and the page cache could not be dropped, so the read-back would not read the disk: " + err.Error()})
		return false
	}
	return true
}

func outcome(err error) string {
	switch {
	case err == nil:
		return "done"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return StatusInterrupted
	}
	return "failed"
}

func spanBytes(spans []span) int64 {
	var n int64
	for _, s := range spans {
		n += s.Len
	}
	return n
}

// marker is a 4 KiB block written before a firmware erase at the start of
// sampled spans; finding it afterwards proves the erase did not happen.
type marker []byte

func newMarker() (marker, error) {
	nonce := make([]byte, 8)
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	head := []byte("ATELIER-WIPE-MARKER-" + hex.EncodeToString(nonce) + "\n")
	m := imaging.AlignedBuffer(imaging.Alignment)
	for i := 0; i < len(m); i += copy(m[i:], head) {
	}
	return m, nil
}

// markerSpans picks up to 16 spans, always the first and the last.
func markerSpans(spans []span) []span {
	if len(spans) <= 16 {
		return spans
	}
	out := make([]span, 0, 16)
	for i := 0; i < 16; i++ {
		out = append(out, spans[i*(len(spans)-1)/15])
	}
	return out
}

func (e *engine) writeMarkers(mk marker, spans []span) error {
	for _, s := range markerSpans(spans) {
		if s.Len < int64(len(mk)) {
			continue
		}
		if _, err := e.m.WriteAt(mk, s.Off); err != nil {
			return fmt.Errorf("write marker at %d: %w", s.Off, err)
		}
	}
	return e.m.Sync()
}

// verifyErased reads the spans and fails every block still holding the
// marker, and every range that cannot be read.
func (e *engine) verifyErased(ctx context.Context, mk marker, spans []span) (int64, error) {
	var n int64
	buf := imaging.AlignedBuffer(e.chunk)
	bs := len(mk)
	for _, s := range spans {
		for off := s.Off; off < s.Off+s.Len; off += int64(e.chunk) {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			l := min(int64(e.chunk), s.Off+s.Len-off)
			r, err := e.m.ReadAt(buf[:l], off)
			if err != nil && r < int(l) {
				e.errs.add(IOError{Op: "read", Start: off, End: off + l, Err: errText(err)})
			} else {
				for b := 0; b+bs <= int(l); b += bs {
					if bytes.Equal(buf[b:b+bs], mk) {
						e.errs.add(IOError{Op: "verify", Start: off + int64(b), End: off + int64(b+bs), Err: "marker written before the erase is still there"})
					}
				}
			}
			n += l
			e.add(l)
		}
	}
	return n, nil
}

// recorder keeps the command lines sent to the drive for the certificate.
type recorder struct {
	r     Runner
	lines *[]string
}

func (rc recorder) Run(ctx context.Context, name string, args ...string) ([]byte, error) {
	*rc.lines = append(*rc.lines, strings.Join(append([]string{name}, args...), " "))
	return rc.r.Run(ctx, name, args...)
}

// precise names what was done in the certificate's vocabulary.
func precise(method, detail string) string {
	switch method {
	case MethodZero:
		return string(vocab.TechniqueOverwriteZero)
	case MethodRandom:
		return string(vocab.TechniqueOverwriteRandom)
	}
	if t, ok := detailTechnique[detail]; ok {
		return string(t)
	}
	return method
}
