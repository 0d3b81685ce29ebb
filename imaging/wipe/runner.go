package wipe

import "github.com/pcsolidaire/atelier/internal/toolrun"

// Runner runs an external tool (hdparm, nvme) and returns its standard
// output: toolrun's, the one way atelier runs tools. Production uses
// ExecRunner; tests use a fake that records the command lines and replays
// real outputs.
type Runner = toolrun.Runner

// ExecRunner runs commands for real: standard output, and on failure an
// error carrying the tool's stderr.
type ExecRunner = toolrun.Exec
