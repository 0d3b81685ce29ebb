// Command synthledger builds a large ledger for benchmarks, through the same
// inventory calls the atelier commands use (every lifecycle rule checked,
// every passed erasure with its signed certificate). It is not part of the
// atelier binary, and it refuses to write anywhere but into a new ledger in
// a new or empty folder.
//
//	go run ./scripts/synthledger -out /tmp/bench/ledger.db -units 100000
//
// About ten events per unit: 100,000 units make about 1,000,000 events.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"time"

	"github.com/pcsolidaire/atelier/internal/synthledger"
)

func main() {
	out := flag.String("out", "", "ledger file to create (must not exist; its folder new or empty)")
	units := flag.Int("units", 1000, "number of units (about ten events each)")
	bench := flag.String("bench", "synth", "bench name recorded in every event")
	prefix := flag.String("prefix", "SYN", "unit id prefix")
	asJSON := flag.Bool("json", false, "print the result as JSON")
	quiet := flag.Bool("q", false, "no progress lines")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the build to this file")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "synthledger: unexpected argument %q (use -out PATH)\n", flag.Arg(0))
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	o := synthledger.Options{Path: *out, Units: *units, Bench: *bench, Prefix: *prefix}
	if !*quiet {
		o.Progress = os.Stderr
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "synthledger: cpuprofile: %v\n", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	t0 := time.Now()
	st, err := synthledger.Build(ctx, o)
	if err != nil {
		fmt.Fprintf(os.Stderr, "synthledger: %v\n", err)
		os.Exit(1)
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(st)
		return
	}
	fmt.Printf("%s: %d units, %d events, %d certificates, in %.1f s\n", *out, st.Units, st.Events, st.Certificates, time.Since(t0).Seconds())
}
