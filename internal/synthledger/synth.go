// Package synthledger builds large ledgers for benchmarks (bench-ledger.sh
// today; hub sync and PostgreSQL tomorrow) without forging anything: every
// event goes through the same inventory calls the commands use, so every
// lifecycle rule is checked (no wipe before a probe, no deploy before a
// passed erasure, no ready before a deploy, no unit leaves with an
// unerased disk), and every passed erasure has a real certificate signed by
// the scratch ledger's own bench key, written next to it.
//
// It lives outside the shipped binary (only scripts/synthledger and tests
// import it) and writes only into a new ledger in a new or empty folder:
// it can never add synthetic history to a real ledger or sign with a real
// bench key.
package synthledger

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

// Options say what to build.
type Options struct {
	// Path is the ledger file to create. It must not exist, and its folder
	// must be new or empty: the bench key and the certificates go there.
	Path  string
	Units int // number of units; about ten events each
	// Bench and Prefix name the scratch bench and its unit ids; defaults
	// "synth" and "SYN", so a synthetic unit never passes for a real one.
	Bench, Prefix string
	// Start is the time of the first event (default: Units×10 minutes
	// before now); events follow one another a few seconds apart.
	Start time.Time
	// Progress, when set, gets a line every 10,000 units.
	Progress io.Writer
}

// Stats say what was built.
type Stats struct {
	Units        int                     `json:"units"`
	Events       int                     `json:"events"`
	Certificates int                     `json:"certificates"`
	States       map[inventory.State]int `json:"states"`
}

// Site is the community centre every synthetic reservation goes to.
const Site = "MDH Synthétique"

const (
	operator  = "synth"
	batchSize = 5000 // units per intake batch (one transaction)
	// unitsPerCommit is how many units' histories share one transaction
	// (inventory.Ledger.Batch): one commit per step would take 25 minutes
	// for 100,000 units, one per 500 units takes a few.
	unitsPerCommit = 500
	image          = "zorin-18-core"
)

// ErrNotFresh is returned (wrapped) when Path or its folder is not a fresh
// place: nothing is written then.
var ErrNotFresh = errors.New("not a fresh scratch place")

// CheckFresh refuses a path that exists or whose folder holds anything.
func CheckFresh(path string) error {
	if path == "" {
		return fmt.Errorf("no output path given: %w", ErrNotFresh)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists: synthetic history goes only into a new ledger: %w", path, ErrNotFresh)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", path, err)
	}
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("folder %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("folder %s is not empty (it could hold a real ledger or bench key): give a path in a new or empty folder: %w", dir, ErrNotFresh)
	}
	return nil
}

// Build creates the ledger at o.Path and fills it. On error the files
// written so far stay for inspection; they are a scratch ledger anyway.
func Build(ctx context.Context, o Options) (Stats, error) {
	if o.Units < 0 {
		return Stats{}, fmt.Errorf("units: %d is negative", o.Units)
	}
	if err := CheckFresh(o.Path); err != nil {
		return Stats{}, err
	}
	if o.Bench == "" {
		o.Bench = "synth"
	}
	if o.Prefix == "" {
		o.Prefix = "SYN"
	}
	created, err := inventory.Init(ctx, o.Path, inventory.InitOptions{Bench: o.Bench, Prefix: o.Prefix})
	if err != nil {
		return Stats{}, err
	}
	if !created { // another process made it between the check and now
		return Stats{}, fmt.Errorf("%s appeared while starting: %w", o.Path, ErrNotFresh)
	}
	dir := filepath.Dir(o.Path)
	if _, _, err := reports.EnsureBenchKey(dir, o.Bench); err != nil {
		return Stats{}, err
	}
	key, err := reports.LoadBenchKey(dir)
	if err != nil {
		return Stats{}, err
	}
	l, err := inventory.Open(ctx, o.Path)
	if err != nil {
		return Stats{}, err
	}
	defer l.Close()
	// Heads are signed with the bench key, as every command's writes are:
	// a benchmark ledger must verify as intact, not as an unsigned one.
	l.SetBenchKeys(inventory.BenchKeys{
		Signer:     func() (crypto.Signer, error) { return key, nil },
		Public:     key.Public().(ed25519.PublicKey),
		PublicFrom: filepath.Join(dir, reports.PubFile),
	})
	start := o.Start
	if start.IsZero() {
		start = time.Now().Add(-time.Duration(o.Units+1) * 10 * time.Minute)
	}
	clock := start.UTC()
	l.SetClock(func() time.Time { clock = clock.Add(3 * time.Second); return clock })
	certDir := reports.CertificatesDir(dir)
	if err := os.MkdirAll(certDir, 0o755); err != nil {
		return Stats{}, err
	}
	w := startFileWriter()
	b := &builder{l: l, a: inventory.Actor{Operator: operator}, key: key, bench: o.Bench,
		certDir: certDir, now: func() time.Time { return clock }, files: w,
		st: Stats{States: map[inventory.State]int{}}}
	err = b.run(ctx, o)
	// Every certificate is on disk before Build returns, even on error.
	if werr := w.wait(); err == nil {
		err = werr
	}
	return b.st, err
}

// fileWriter writes the certificate files on a goroutine of its own: the
// profile of a 5,000-unit build spent a quarter of its time creating the
// files in one large folder, time the ledger's writes can use meanwhile.
type fileWriter struct {
	ch   chan fileJob
	done chan error
}

type fileJob struct {
	path string
	data []byte
}

func startFileWriter() *fileWriter {
	w := &fileWriter{ch: make(chan fileJob, 4096), done: make(chan error, 1)}
	go func() {
		var first error
		for j := range w.ch {
			if first != nil {
				continue // drain, so the builder never blocks on a failed writer
			}
			first = os.WriteFile(j.path, j.data, 0o644)
		}
		w.done <- first
	}()
	return w
}

// wait closes the queue and returns the first write error.
func (w *fileWriter) wait() error {
	close(w.ch)
	return <-w.done
}

type builder struct {
	l       *inventory.Ledger
	a       inventory.Actor
	key     ed25519.PrivateKey
	bench   string
	certDir string
	now     func() time.Time
	files   *fileWriter
	st      Stats
}

func (b *builder) run(ctx context.Context, o Options) error {
	if _, err := b.l.AddSite(ctx, b.a, Site); err != nil {
		return err
	}
	b.st.Events++
	if err := b.l.AddImage(ctx, b.a, inventory.Image{Name: image, Path: "/srv/images/zorin-18-core.img.zst",
		OS: "Zorin OS", Version: "18", Edition: "Core", SizeBytes: 9 << 30,
		SHA256: hex.EncodeToString(make([]byte, 32))}); err != nil {
		return err
	}
	b.st.Events++
	for first := 0; first < o.Units; first += batchSize {
		n := min(batchSize, o.Units-first)
		units, err := b.receive(ctx, first, n)
		if err != nil {
			return err
		}
		for k0 := 0; k0 < n; k0 += unitsPerCommit {
			err := b.l.Batch(ctx, b.a, func(bctx context.Context) error {
				for k := k0; k < min(n, k0+unitsPerCommit); k++ {
					if err := b.unit(bctx, first+k, units[k]); err != nil {
						return fmt.Errorf("unit %s (#%d): %w", units[k].ID, first+k, err)
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		if o.Progress != nil && (first+n)%10000 == 0 {
			fmt.Fprintf(o.Progress, "%d units, %d events\n", first+n, b.st.Events)
		}
	}
	b.st.Units = o.Units
	return nil
}

// receive registers units first..first+n-1 as one DSI batch (intake).
func (b *builder) receive(ctx context.Context, first, n int) ([]inventory.Unit, error) {
	rows := make([]inventory.NewUnit, n)
	for k := range rows {
		i := first + k
		rows[k] = inventory.NewUnit{Serial: fmt.Sprintf("SYN%08d", i), AssetTag: fmt.Sprintf("INV-%07d", i),
			Vendor: "Dell Inc.", Model: "Latitude E6410", Type: "laptop", SourceLine: k + 2}
	}
	batch := fmt.Sprintf("SYN-B%04d", first/batchSize)
	res, err := b.l.ImportBatch(ctx, b.a, inventory.BatchInfo{Donor: "DSI Synthétique", Batch: batch, File: batch + ".csv"}, rows)
	if err != nil {
		return nil, err
	}
	if len(res.Imported) != n {
		return nil, fmt.Errorf("batch %s: %d of %d units imported", batch, len(res.Imported), n)
	}
	return res.Imported, nil
}

// The paths units take, by unit number modulo 10: a workshop that has run
// for a while, most units handed over, a tenth ready and waiting.
var stops = [10]inventory.State{
	inventory.Received, inventory.Triaged, inventory.Wiped, inventory.Imaged, inventory.Ready,
	inventory.Reserved, inventory.HandedOver, inventory.HandedOver, inventory.HandedOver, inventory.Recycled,
}

// eventsPerUnit is the history length every unit is brought to with notes,
// as volunteers write them, so the ledger holds about ten events per unit.
const eventsPerUnit = 10

// unit walks one received unit down its path, one recorded step at a time.
func (b *builder) unit(ctx context.Context, i int, u inventory.Unit) error {
	stop := stops[i%len(stops)]
	events := 1 // received
	note := func(text string) error {
		_, err := b.l.Note(ctx, b.a, u.ID, text)
		events++
		return err
	}
	steps := []func() error{}
	add := func(s ...func() error) { steps = append(steps, s...) }
	disk := inventory.DiskRecord{Serial: fmt.Sprintf("WD-SYN%08d", i), Vendor: "WDC", Model: "WD5000LPVX",
		Medium: "hdd", SizeBytes: 500107862016}
	if stop != inventory.Received {
		add(func() error {
			_, err := b.l.RecordProbe(ctx, b.a, u.ID, json.RawMessage(`{"schema":1,"synthetic":true}`), nil, "B",
				[]inventory.DiskRecord{disk})
			events += 2 // probed, moved to triaged
			return err
		})
	}
	if stop != inventory.Received && stop != inventory.Triaged {
		add(func() error { return b.wipe(ctx, u, disk, &events) })
	}
	switch stop {
	case inventory.Imaged, inventory.Ready, inventory.Reserved, inventory.HandedOver:
		add(func() error { return b.deploy(ctx, u, disk, &events) })
	}
	move := func(to inventory.State, mo inventory.MoveOptions) func() error {
		return func() error {
			_, err := b.l.Move(ctx, b.a, u.ID, to, mo)
			events++
			return err
		}
	}
	switch stop {
	case inventory.Ready:
		add(move(inventory.Ready, inventory.MoveOptions{Reason: "quality check passed"}))
	case inventory.Reserved:
		add(move(inventory.Ready, inventory.MoveOptions{Reason: "quality check passed"}),
			move(inventory.Reserved, inventory.MoveOptions{Site: Site}))
	case inventory.HandedOver:
		add(move(inventory.Ready, inventory.MoveOptions{Reason: "quality check passed"}),
			move(inventory.Reserved, inventory.MoveOptions{Site: Site}),
			func() error {
				_, err := b.l.Handover(ctx, b.a, u.ID, Site, fmt.Sprintf("MDH-SYN-%06d", i))
				events++
				return err
			})
	case inventory.Recycled:
		add(move(inventory.Recycled, inventory.MoveOptions{Reason: "motherboard dead"}))
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	for events < eventsPerUnit {
		if err := note("synthetic unit: keyboard cleaned, case checked"); err != nil {
			return err
		}
	}
	b.st.Events += events
	b.st.States[stop]++
	return nil
}

// wipe records a one-pass zero overwrite with full verification of the
// unit's disk, and issues its signed certificate: the unit moves to wiped.
func (b *builder) wipe(ctx context.Context, u inventory.Unit, disk inventory.DiskRecord, events *int) error {
	start, err := b.l.WipeStarted(ctx, b.a, u.ID, inventory.WipeStart{Disk: disk, Device: "/dev/fake-synth", Method: "zero"})
	if err != nil {
		return err
	}
	began := b.now()
	cert, sum, data, err := b.certificate(u, disk, began)
	if err != nil {
		return err
	}
	_, err = b.l.WipeFinished(ctx, b.a, u.ID, inventory.WipeOutcome{StartEvent: start, DiskSerial: disk.Serial,
		Status: inventory.ErasurePassed, Technique: reports.TechniqueOverwriteZero, NIST: reports.NISTClear,
		Pattern: "zero", Bytes: disk.SizeBytes, CertificateID: cert.ID, CertificateSHA256: sum,
		Certificate: json.RawMessage(data)})
	*events += 3 // started, finished, moved to wiped
	return err
}

// certificate signs the certificate of a synthetic wipe and writes ID.json
// and ID.json.sig (atelier verify accepts them). The PDF, which is not the
// signed record, is left out: 100,000 of them would weigh gigabytes.
func (b *builder) certificate(u inventory.Unit, disk inventory.DiskRecord, began time.Time) (reports.Certificate, string, []byte, error) {
	took := 5400 * time.Second // a 500 GB HDD written then read back at ~190 MB/s
	c := reports.Certificate{Schema: reports.Schema, ID: ulid.MustNew(ulid.Timestamp(began), ulid.DefaultEntropy()).String(),
		Status: reports.StatusPassed,
		Disk: reports.Disk{Vendor: disk.Vendor, Model: disk.Model, Serial: disk.Serial, CapacityBytes: disk.SizeBytes,
			Medium: disk.Medium, Transport: "sata", Device: "/dev/fake-synth"},
		Source: reports.Source{UnitID: u.ID, AssetTag: u.AssetTag, Donor: u.Donor, Batch: u.Batch},
		Sanitization: reports.Sanitization{MethodRequested: "zero", Technique: reports.TechniqueOverwriteZero,
			NIST: reports.NISTClear, Passes: 1, Pattern: "zeros", Tool: reports.Tool{Name: "atelier-synthledger", Version: "1"}},
		Verification: reports.Verification{Method: reports.VerifyFull, Result: reports.ResultPassed, BytesVerified: disk.SizeBytes},
		Times:        reports.Times{Started: began, Finished: began.Add(took), DurationSeconds: took.Seconds()},
		Operator:     operator, Bench: b.bench, BenchKey: reports.Fingerprint(b.key.Public().(ed25519.PublicKey)),
	}
	c = reports.Canonical(c)
	if err := reports.Validate(c); err != nil {
		return c, "", nil, fmt.Errorf("certificate of %s: %w", disk.Serial, err)
	}
	data, err := reports.Encode(c)
	if err != nil {
		return c, "", nil, err
	}
	path := filepath.Join(b.certDir, c.ID+".json")
	sig := base64.StdEncoding.EncodeToString(ed25519.Sign(b.key, data)) + "\n"
	b.files.ch <- fileJob{path + reports.SigSuffix, []byte(sig)}
	b.files.ch <- fileJob{path, data}
	b.st.Certificates++
	s := sha256.Sum256(data)
	return c, hex.EncodeToString(s[:]), data, nil
}

// deploy records a verified deploy of the catalogue's image: the unit moves
// to imaged.
func (b *builder) deploy(ctx context.Context, u inventory.Unit, disk inventory.DiskRecord, events *int) error {
	d := inventory.DeployStart{Image: image, ImageSHA256: hex.EncodeToString(make([]byte, 32)),
		Device: "/dev/fake-synth", DiskSerial: disk.Serial}
	start, err := b.l.DeployStarted(ctx, b.a, u.ID, d)
	if err != nil {
		return err
	}
	_, err = b.l.RecordDeploy(ctx, b.a, u.ID, inventory.DeployOutcome{StartEvent: start, Image: d.Image,
		ImageSHA256: d.ImageSHA256, Device: d.Device, DiskSerial: disk.Serial, Status: inventory.ErasurePassed,
		Verification: "read-back", Seconds: 240, Bytes: 9 << 30})
	*events += 3 // started, deployed, moved to imaged
	return err
}
