package inventory

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// benchUnits is the size of the synthetic ledger of the benchmarks
// (ATELIER_BENCH_UNITS overrides it; scripts/bench-ledger.sh measures the
// full 100,000 units / 1,000,000 events through the binary).
func benchUnits() int {
	if n, err := strconv.Atoi(os.Getenv("ATELIER_BENCH_UNITS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

func benchLedger(b *testing.B) *Ledger {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "ledger.db")
	if _, err := Init(ctx, path, InitOptions{Bench: "bench"}); err != nil {
		b.Fatal(err)
	}
	l, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	walkUnits(b, l, benchUnits())
	return l
}

func BenchmarkListReady(b *testing.B) {
	l := benchLedger(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		us, err := l.ListUnits(ctx, ListFilter{State: "ready"})
		if err != nil || len(us) == 0 {
			b.Fatal(len(us), err)
		}
	}
}

func BenchmarkRebuild(b *testing.B) {
	l := benchLedger(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Rebuild(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	l := benchLedger(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := l.Verify(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
