#!/usr/bin/env bash
# Ledger benchmark: a synthetic ledger of 100,000 units (about 1,000,000
# events), then `unit list --state ready --json`, `ledger rebuild` and
# `ledger verify` through the built binary, each against sqlite3 doing the
# bare minimum of the same work on the same file (the peer).
# Targets (issue 2): list < 100 ms, rebuild < 10 s.
# The ledger is built by scripts/synthledger (not part of atelier): every
# unit's history goes through the same ledger calls as the commands, every
# lifecycle rule checked, every passed erasure with a signed certificate.
# Each command and its peer run ROUNDS times (default 5) side by side, the
# order turning each round; a failed run stops the benchmark.
# UNITS=10000 scripts/bench-ledger.sh for a quick run; ATELIER a built
# binary (default: make build, see bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
UNITS=${UNITS:-100000}
command -v sqlite3 >/dev/null || { echo "bench-ledger: sqlite3 is needed for the peer figures"; exit 1; }
bench_atelier
BIN=$ATELIER
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/synthledger" ./scripts/synthledger
export ATELIER_LEDGER=$tmp/bench/ledger.db ATELIER_OPERATOR=bench LANG=C

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# cpu CMD...: runs CMD, prints its CPU time (user + system) in ms; the
# machine may be shared, and CPU time moves less with the load than wall time.
cpu() {
  if [ -x /usr/bin/time ]; then
    local rc=0
    /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" >/dev/null || rc=$?
    if [ "$rc" != 0 ]; then echo "bench-ledger: '$*' failed (exit $rc): a failure never counts as a time" >&2; return 1; fi
    awk '{ printf "%d", ($1 + $2) * 1000 }' "$tmp/cpu"
  else
    "$@" >/dev/null; echo "?"
  fi
}
# median of the arguments
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) b = 1; printf "%.1f", a / b }'; }

t=$(date +%s%N)
"$tmp/synthledger" -q -out "$ATELIER_LEDGER" -units "$UNITS" >/dev/null
gen=$(ms "$t")
events=$(sqlite3 "$ATELIER_LEDGER" 'SELECT COUNT(*) FROM events')
ready=$(sqlite3 "$ATELIER_LEDGER" "SELECT COUNT(*) FROM units WHERE state = 'ready'")
echo "ledger: $UNITS units, $events events ($ready ready), generated in ${gen} ms"

# Each atelier command and its sqlite3 peer run side by side, ROUNDS
# times, the order turning each round (neither always meets the cache the
# other warmed); printed: the medians.
ROUNDS=${ROUNDS:-5}
# turns A B: runs the functions A and B, ROUNDS times, in turning order.
turns() {
  local r
  for ((r = 0; r < ROUNDS; r++)); do
    if ((r % 2 == 0)); then "$1"; "$2"; else "$2"; "$1"; fi
  done
}
# at NAME CMD...: times atelier CMD; wall ms appended to the array NAME,
# CPU ms to NAME_cpu.
at() {
  local -n _wall=$1 _cpu=${1}_cpu
  shift
  local t c
  t=$(date +%s%N); c=$(cpu "$BIN" "$@")
  _wall+=("$(ms "$t")"); _cpu+=("$c")
}
# peer NAME SQL: times sqlite3 running SQL on the ledger; wall ms appended
# to the array NAME.
peer() {
  local -n _wall=$1
  local t
  t=$(date +%s%N); sqlite3 "$ATELIER_LEDGER" "$2" >/dev/null
  _wall+=("$(ms "$t")")
}

list=() list_cpu=() list_peer=()
list_at() { at list unit list --state ready --json; }
list_sql() {
  peer list_peer "SELECT json_group_array(json_object('id', id, 'serial', serial, 'asset_tag', asset_tag,
    'vendor', vendor, 'model', model, 'type', type, 'state', state, 'site', site, 'batch', batch, 'donor', donor,
    'grade', grade, 'received_at', received_at, 'state_since', state_since)) FROM units WHERE state = 'ready'"
}
turns list_at list_sql
l=$(median "${list[@]}"); p=$(median "${list_peer[@]}")
echo "unit list --state ready --json: ${l} ms (median of $ROUNDS, CPU $(median "${list_cpu[@]}") ms; target < 100 ms); sqlite3 json query: ${p} ms; ratio $(ratio "$l" "$p")x"

# unit list --search (issue 14): a substring of any field, case and accents ignored.
search=() search_cpu=()
for ((i = 0; i < ROUNDS; i++)); do at search unit list --search inv-00012 --json; done
echo "unit list --search inv-00012 --json: $(median "${search[@]}") ms (median of $ROUNDS, CPU $(median "${search_cpu[@]}") ms; target < 100 ms)"

rebuild=() rebuild_cpu=() rebuild_peer=()
rebuild_at() { at rebuild ledger rebuild; }
rebuild_sql() { peer rebuild_peer 'SELECT COUNT(*), SUM(LENGTH(payload)) FROM events'; }
turns rebuild_at rebuild_sql
r=$(median "${rebuild[@]}"); p=$(median "${rebuild_peer[@]}")
echo "ledger rebuild: ${r} ms (median of $ROUNDS, CPU $(median "${rebuild_cpu[@]}") ms; target < 10000 ms); sqlite3 reading every event: ${p} ms; ratio $(ratio "$r" "$p")x"

verify=() verify_cpu=() verify_peer=()
verify_at() { at verify ledger verify; }
verify_sql() { peer verify_peer 'SELECT COUNT(*), SUM(LENGTH(hash) + LENGTH(prev_hash) + LENGTH(payload)) FROM events'; }
turns verify_at verify_sql
v=$(median "${verify[@]}"); p=$(median "${verify_peer[@]}")
echo "ledger verify: ${v} ms (median of $ROUNDS, CPU $(median "${verify_cpu[@]}") ms); sqlite3 reading every event's hashes: ${p} ms; ratio $(ratio "$v" "$p")x"
echo "machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
