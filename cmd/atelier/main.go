// Command atelier is the fleet tool of a PC-refurbishing association: it
// records each donated unit's path in a local ledger, probes and judges the
// machine, wipes its disks provably and deploys the OS image.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/pcsolidaire/atelier/internal/termui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	os.Exit(run())
}

// run is main without os.Exit, so testscript can call it as a command.
// run is atelier's main; opts adjust the globals (the test binary's hooks).
func run(opts ...func(*globals)) int {
	// Ctrl-C and SIGTERM cancel the context: long operations (wipe, deploy)
	// stop cleanly and record that they were interrupted.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	g := newGlobals(os.Stdin, os.Stdout, os.Stderr)
	for _, o := range opts {
		o(g)
	}
	root := newRootCmd(g)
	if _, err := root.ExecuteContextC(ctx); err != nil {
		var ex *exitError
		var usage *usageError
		if errors.As(err, &usage) {
			fmt.Fprintln(os.Stderr, errorLine(usage.In(g.lang())))
			return 2
		}
		if errors.As(err, &ex) {
			if ex.msg != "" {
				fmt.Fprintln(os.Stderr, errorLine(ex.msg))
			}
			return ex.code
		}
		fmt.Fprintln(os.Stderr, errorLine(oneLine(g.localErr(err))))
		return 1
	}
	return 0
}

// exitError carries a specific exit code (e.g. a check that says "does not
// fit", or a wipe that failed) with an optional one-line message.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// errorLine is the line atelier exits with, escaped: an error may quote a
// site name, a serial or a disk model.
func errorLine(msg string) string { return "atelier: " + termui.Escape(msg) }

// oneLine keeps errors to the one line the design promises.
func oneLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
