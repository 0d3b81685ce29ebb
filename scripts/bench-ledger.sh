#!/usr/bin/env bash
# Ledger benchmark: a synthetic ledger of 100,000 units (about 1,000,000
# events), then `unit list --state ready --json`, `ledger rebuild` and
# `ledger verify` through the built binary, each against sqlite3 doing the
# bare minimum of the same work on the same file (the peer).
# Targets (issue 2): list < 100 ms, rebuild < 10 s.
# The ledger is built by scripts/synthledger (not part of atelier): every
# unit's history goes through the same ledger calls as the commands, every
# lifecycle rule checked, every passed erasure with a signed certificate.
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
    /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" >/dev/null
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

list=() peer=() lcpu=()
for _ in 1 2 3 4 5; do
  t=$(date +%s%N); c=$(cpu "$BIN" unit list --state ready --json); list+=("$(ms "$t")"); lcpu+=("$c")
  t=$(date +%s%N)
  sqlite3 "$ATELIER_LEDGER" "SELECT json_group_array(json_object('id', id, 'serial', serial, 'asset_tag', asset_tag,
    'vendor', vendor, 'model', model, 'type', type, 'state', state, 'site', site, 'batch', batch, 'donor', donor,
    'grade', grade, 'received_at', received_at, 'state_since', state_since)) FROM units WHERE state = 'ready'" >/dev/null
  peer+=("$(ms "$t")")
done
l=$(median "${list[@]}"); p=$(median "${peer[@]}")
echo "unit list --state ready --json: ${l} ms (median of 5, CPU $(median "${lcpu[@]}") ms; target < 100 ms); sqlite3 json query: ${p} ms; ratio $(ratio "$l" "$p")x"

# unit list --search (issue 14): a substring of any field, case and accents ignored.
search=() scpu=()
for _ in 1 2 3 4 5; do t=$(date +%s%N); c=$(cpu "$BIN" unit list --search inv-00012 --json); search+=("$(ms "$t")"); scpu+=("$c"); done
echo "unit list --search inv-00012 --json: $(median "${search[@]}") ms (median of 5, CPU $(median "${scpu[@]}") ms; target < 100 ms)"

t=$(date +%s%N); rc=$(cpu "$BIN" ledger rebuild); r=$(ms "$t")
t=$(date +%s%N); sqlite3 "$ATELIER_LEDGER" 'SELECT COUNT(*), SUM(LENGTH(payload)) FROM events' >/dev/null; p=$(ms "$t")
echo "ledger rebuild: ${r} ms (CPU ${rc} ms; target < 10000 ms); sqlite3 reading every event: ${p} ms; ratio $(ratio "$r" "$p")x"

t=$(date +%s%N); vc=$(cpu "$BIN" ledger verify); v=$(ms "$t")
t=$(date +%s%N); sqlite3 "$ATELIER_LEDGER" 'SELECT COUNT(*), SUM(LENGTH(hash) + LENGTH(prev_hash) + LENGTH(payload)) FROM events' >/dev/null; p=$(ms "$t")
echo "ledger verify: ${v} ms (CPU ${vc} ms); sqlite3 reading every event's hashes: ${p} ms; ratio $(ratio "$v" "$p")x"
echo "machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
