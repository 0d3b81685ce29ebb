#!/usr/bin/env bash
# Runs every Fuzz* target of the project for a short time each ($1, e.g. 10s),
# starting from its seed corpus. go test -fuzz takes one target at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-10s}
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target ($budget)"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$budget" -fuzzminimizetime 2s "$pkg"
  done
done
