#!/usr/bin/env bash
# make test's second pass: the ledger contract suite on PostgreSQL
# (README: PostgreSQL tests). The inventory package and the end-to-end
# scripts run at once: each test has a schema of its own and both mostly
# wait on the server, so together they take the time of the longer one.
# Each line says which half printed it; the pass fails if either does.
set -euo pipefail
cd "$(dirname "$0")/.."
export ATELIER_TEST_ENGINE=postgres
go=${GO:-go}
$go build -o /dev/null ./scripts/testreport # one build, before the halves race for it
half() {
  local name=$1
  shift
  set +e
  $go run ./scripts/testreport -count=1 -timeout 30m "$@" 2>&1 | sed -u "s/^/[pg $name] /"
  local rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}
half inventory ./inventory/ &
inv=$!
half scripts -run TestScripts ./cmd/atelier/ &
scr=$!
rc=0
wait "$inv" || rc=1
wait "$scr" || rc=1
exit "$rc"
