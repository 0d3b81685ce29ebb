#!/usr/bin/env bash
# Runs every Fuzz* target of the project for a budget each ($1: a duration
# such as 10s, or a count of executions such as 50000x), starting from its
# seed corpus. go test -fuzz takes one target at a time.
#
# CI gives each target the same time, not the same count: targets differ
# a hundredfold in speed (hub/web's test binary links the browser driver,
# whose coverage counters every execution scans), and a count made the
# slowest ones take minutes each for no more coverage.
#
# With a duration, Go 1.26's fuzzing coordinator can fail a target with a
# bare "context deadline exceeded" as the time runs out (go.dev/issue/75804,
# fixed in Go 1.27) although no input failed. That exact outcome, with no
# failing input written, no panic and no other failure, is reported and
# passed; anything else fails the run. A count has no deadline to race.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-10s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# deadline_race says whether the output in $log is go.dev/issue/75804's
# and nothing else.
deadline_race() {
  grep -q '^    context deadline exceeded$' "$log" &&
    [ "$(grep -c -- '^--- FAIL' "$log")" = 1 ] &&
    ! grep -qE 'Failing input written to|^panic:|fuzzing process hung|failure while testing seed corpus' "$log"
}

for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target ($budget)"
    start=$SECONDS
    if go test -run '^$' -fuzz "^${target}\$" -fuzztime "$budget" -fuzzminimizetime 200x "$pkg" >"$log" 2>&1; then
      tail -n 1 "$log"
    elif [[ $budget != *x ]] && deadline_race; then
      echo "ok (go.dev/issue/75804: the fuzzing deadline raced the coordinator; no input failed)"
    else
      cat "$log"
      exit 1
    fi
    echo "  $((SECONDS - start))s"
  done
done
