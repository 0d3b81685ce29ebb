#!/usr/bin/env bash
# PostgreSQL ledger benchmark (issue 11), each figure beside SQLite's in the
# same run on the same machine:
#   unit list --state ready --json on 100,000 units / ~1,000,000 events
#     (targets: within 2x of SQLite, and under 100 ms),
#   intake import of the 10,000-row GLPI export (within 2x),
#   ledger rebuild of the ~1,000,000 events (within 2x).
# The data is made once in SQLite by scripts/synthledger (every step through
# the ledger's own calls) and brought into PostgreSQL by `atelier ledger
# copy`: both engines hold the same events.
# Needs a server: ATELIER_TEST_PG (scripts/pg-setup.sh prints one); each run
# uses a fresh schema of that database, dropped at the end.
# UNITS=10000 scripts/bench-pg.sh for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${UNITS:-100000}
. scripts/bench-lib.sh # a failed run stops the benchmark; the binary is current
ATELIER=${ATELIER:-${BIN:-}}
bench_atelier
BIN=$ATELIER
if [ -z "${ATELIER_TEST_PG:-}" ]; then
  if [ "$(id -u)" = 0 ] && [ -d /usr/lib/postgresql ]; then ATELIER_TEST_PG=$(scripts/pg-setup.sh)
  else echo "bench-pg: set ATELIER_TEST_PG (see README, PostgreSQL tests)"; exit 1; fi
fi
command -v psql >/dev/null || { echo "bench-pg: psql is needed"; exit 1; }
tmp=$(mktemp -d)
schemas=()
cleanup() {
  for s in "${schemas[@]}"; do psql -q "$ATELIER_TEST_PG" -c "DROP SCHEMA IF EXISTS $s CASCADE" >/dev/null 2>&1 || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
# The synthetic ledger's bench key is beside it: the PostgreSQL copy uses it too.
export ATELIER_OPERATOR=bench ATELIER_KEY_DIR=$tmp/bench LANG=C
# pgschema: a fresh schema; its URL in $url (not a subshell: cleanup needs the list)
pgschema() {
  local s="bench_$$_${#schemas[@]}"
  psql -q "$ATELIER_TEST_PG" -c "CREATE SCHEMA $s" >/dev/null
  schemas+=("$s")
  case "$ATELIER_TEST_PG" in *\?*) url="$ATELIER_TEST_PG&search_path=$s" ;; *) url="$ATELIER_TEST_PG?search_path=$s" ;; esac
}
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) b = 1; printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" 'BEGIN { print (r <= 2 ? "met" : "MISSED") }'; }

# The synthetic ledger is built once per size and kept (a million events
# take many minutes to make through the ledger's own calls); each run
# measures a fresh copy of it. SYNTH_CACHE moves the kept copies.
cache=${SYNTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/atelier-bench}/synth-$UNITS
lite=$tmp/bench/ledger.db
if [ ! -f "$cache/ledger.db" ]; then
  go build -o "$tmp/synthledger" ./scripts/synthledger
  rm -rf "$cache.new"
  t=$(date +%s%N)
  "$tmp/synthledger" -q -out "$cache.new/ledger.db" -units "$UNITS" >/dev/null
  echo "SQLite ledger: $UNITS units generated in $(ms "$t") ms (kept in $cache)"
  rm -rf "$cache" && mv "$cache.new" "$cache"
fi
mkdir -p "$tmp/bench"
cp "$cache/ledger.db" "$cache/bench.key" "$cache/bench.pub" "$tmp/bench/"
echo "SQLite ledger: $UNITS units, copied from $cache"
pgschema; s1=$url
t=$(date +%s%N)
"$BIN" ledger copy --from "$lite" --to "$s1" >"$tmp/copy.txt"
echo "ledger copy SQLite -> PostgreSQL: $(ms "$t") ms ($(cat "$tmp/copy.txt"))" | sed 's#postgres://[^ ]*#PostgreSQL#'
# Once after the bulk load, as any database administrator would (autovacuum
# does it too, later): planner statistics and the visibility map.
for t in events units bench_heads; do psql -q "$ATELIER_TEST_PG" -c "VACUUM ANALYZE ${schemas[0]}.$t" >/dev/null; done

# Bytes per event on each engine, the whole ledger (views and indexes
# included) divided by its events: the README's sizes at a métropole's scale.
events=$(psql -qtAX "$ATELIER_TEST_PG" -c "SELECT COUNT(*) FROM ${schemas[0]}.events")
pgbytes=$(psql -qtAX "$ATELIER_TEST_PG" -c "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${schemas[0]}' AND c.relkind IN ('r', 'm')")
litebytes=$(stat -c %s "$lite")
echo "size: $events events; PostgreSQL $pgbytes bytes ($((pgbytes / events)) per event), SQLite $litebytes bytes ($((litebytes / events)) per event)"

# The list, LIST_RUNS times on each engine, the engines taking turns (a
# change of the machine's load then falls on both alike): the median of
# each, and its spread (fastest-slowest). One run each first, not counted:
# it reads the ledger into the page caches of both engines.
LIST_RUNS=${LIST_RUNS:-11}
list=(unit list --state ready --json)
"$BIN" --ledger "$lite" "${list[@]}" >/dev/null; "$BIN" --ledger "$s1" "${list[@]}" >/dev/null
la=(); lb=()
for _ in $(seq "$LIST_RUNS"); do
  t=$(date +%s%N); "$BIN" --ledger "$lite" "${list[@]}" >/dev/null; la+=("$(ms "$t")")
  t=$(date +%s%N); "$BIN" --ledger "$s1" "${list[@]}" >/dev/null; lb+=("$(ms "$t")")
done
spread() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "-" hi}'; }
a=$(median "${la[@]}"); b=$(median "${lb[@]}")
r=$(ratio "$b" "$a")
echo "unit list --state ready --json: PostgreSQL ${b} ms ($(spread "${lb[@]}")), SQLite ${a} ms ($(spread "${la[@]}")) (medians of $LIST_RUNS, taking turns); ratio ${r}x, within 2x: $(verdict "$r"); under 100 ms: $([ "$b" -lt 100 ] && echo met || echo MISSED)"

a=$( { t=$(date +%s%N); "$BIN" --ledger "$lite" ledger rebuild >/dev/null; ms "$t"; } )
b=$( { t=$(date +%s%N); "$BIN" --ledger "$s1" ledger rebuild >/dev/null; ms "$t"; } )
r=$(ratio "$b" "$a")
echo "ledger rebuild: PostgreSQL ${b} ms, SQLite ${a} ms; ratio ${r}x, within 2x: $(verdict "$r")"

# The 10,000-row export of bench-intake.sh, into fresh ledgers, best of 3.
source <(sed -n '/^gen() {/,/^}/p' scripts/bench-intake.sh)
gen 10000 "$tmp/glpi-10k.csv"
import() {
  local best=""
  for _ in 1 2 3; do
    local l=$1
    if [ "$l" = sqlite ]; then rm -rf "$tmp/imp"; l=$tmp/imp/ledger.db; else pgschema; l=$url; fi
    rm -rf "$tmp/impkeys"
    ATELIER_KEY_DIR=$tmp/impkeys "$BIN" --ledger "$l" init --bench bench >/dev/null
    t=$(date +%s%N)
    ATELIER_KEY_DIR=$tmp/impkeys "$BIN" --ledger "$l" intake import "$tmp/glpi-10k.csv" --donor "DSI Échirolles" >/dev/null
    local m; m=$(ms "$t")
    if [ -z "$best" ] || [ "$m" -lt "$best" ]; then best=$m; fi
  done
  echo "$best"
}
import sqlite >"$tmp/a"; a=$(cat "$tmp/a")
import pg >"$tmp/b"; b=$(cat "$tmp/b")
r=$(ratio "$b" "$a")
echo "intake import, 10,000 rows: PostgreSQL ${b} ms, SQLite ${a} ms (best of 3); ratio ${r}x, within 2x: $(verdict "$r")"
echo "machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
