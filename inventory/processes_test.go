package inventory

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"os"
	osexec "os/exec"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Issue 11: several atelier processes on one ledger write at once (hub
// processes on one PostgreSQL database; on SQLite, commands on one
// bench). Each process here adds units and notes them, all on the same
// bench chain; afterwards every event is there once, the chain is intact,
// and the unit ids are 1..N without a gap or a repeat.
func TestProcessesWriteAtOnce(t *testing.T) {
	if os.Getenv("ATELIER_WORKER_LEDGER") != "" {
		t.Skip("not applicable: this process is a worker of the test")
	}
	const procs, units = 6, 25
	ctx := context.Background()
	seed := make([]byte, ed25519.SeedSize)
	key := ed25519.NewKeyFromSeed(seed)
	l := newLedger(t)
	l.SetBenchKeys(BenchKeys{Signer: func() (crypto.Signer, error) { return key, nil },
		Public: key.Public().(ed25519.PublicKey), PublicFrom: "bench.pub"})
	addUnit(t, l, "FIRST") // signs the head with the shared key
	var wg sync.WaitGroup
	outs := make([]string, procs)
	errs := make([]error, procs)
	for i := 0; i < procs; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cmd := osexec.Command(os.Args[0], "-test.run=^TestProcessWorker$", "-test.count=1")
			cmd.Env = append(os.Environ(), "ATELIER_WORKER_LEDGER="+l.src, "ATELIER_WORKER_KEY="+hex.EncodeToString(seed),
				fmt.Sprintf("ATELIER_WORKER_ID=%d", i), fmt.Sprintf("ATELIER_WORKER_UNITS=%d", units))
			out, err := cmd.CombinedOutput()
			outs[i], errs[i] = string(out), err
		}(i)
	}
	wg.Wait()
	for i := range errs {
		if errs[i] != nil {
			t.Fatalf("worker %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	res, err := l.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + procs*units*2; res.Events != want {
		t.Errorf("%d events, want %d", res.Events, want)
	}
	us, err := l.ListUnits(ctx, ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	serials := map[string]bool{}
	for _, u := range us {
		ids[u.ID], serials[u.Serial] = true, true
	}
	if len(us) != 1+procs*units || len(ids) != len(us) || len(serials) != len(us) {
		t.Fatalf("%d units, %d ids, %d serials; want %d of each", len(us), len(ids), len(serials), 1+procs*units)
	}
	var sorted []string
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	for i, id := range sorted {
		if want := fmt.Sprintf("PCS-26-%04d", i+1); id != want {
			t.Fatalf("unit ids have a gap: %s where %s was expected", id, want)
		}
	}
	var notes int
	if err := l.db.QueryRow(`SELECT COUNT(DISTINCT unit_id) FROM events WHERE kind = 'note'`).Scan(&notes); err != nil || notes != procs*units {
		t.Errorf("notes on %d units, want %d (%v)", notes, procs*units, err)
	}
	if _, err := l.CheckedRebuild(ctx, false); err != nil {
		t.Fatal(err)
	}
}

// TestProcessWorker is one writing process of TestProcessesWriteAtOnce.
func TestProcessWorker(t *testing.T) {
	src := os.Getenv("ATELIER_WORKER_LEDGER")
	if src == "" {
		t.Skip("not applicable: a worker process, run by TestProcessesWriteAtOnce")
	}
	ctx := context.Background()
	seed, _ := hex.DecodeString(os.Getenv("ATELIER_WORKER_KEY"))
	key := ed25519.NewKeyFromSeed(seed)
	l, err := Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.SetBenchKeys(BenchKeys{Signer: func() (crypto.Signer, error) { return key, nil },
		Public: key.Public().(ed25519.PublicKey), PublicFrom: "bench.pub"})
	var n int
	fmt.Sscan(os.Getenv("ATELIER_WORKER_UNITS"), &n)
	id := os.Getenv("ATELIER_WORKER_ID")
	for i := 0; i < n; i++ {
		serial := fmt.Sprintf("W%s-%03d", id, i)
		u, err := l.AddUnit(ctx, cam, NewUnit{Serial: serial, Vendor: "Dell", Model: "E6410"})
		if err != nil {
			t.Fatalf("add %s: %v", serial, err)
		}
		if _, err := l.Note(ctx, cam, u.ID, "from worker "+strings.Repeat(id, 3)); err != nil {
			t.Fatalf("note %s: %v", u.ID, err)
		}
	}
}
