#!/usr/bin/env bash
# Runs every Fuzz* target of the project for a budget each ($1: a count of
# executions such as 50000x, or a duration such as 60s), starting from its
# seed corpus. go test -fuzz takes one target at a time.
#
# CI uses counts, not durations: with a duration, Go 1.26's fuzzing
# coordinator can fail a target with a bare "context deadline exceeded" as
# the time runs out (go.dev/issue/75804, fixed in Go 1.27) although no input
# failed. A count has no deadline to race.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-50000x}
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target ($budget)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$budget" -fuzzminimizetime 200x "$pkg"
  done
done
