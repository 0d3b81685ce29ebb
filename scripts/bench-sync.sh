#!/usr/bin/env bash
# Sync benchmark (issue 10), through the built binary, on loopback:
#  1. first sync of a bench holding 10,000 units (a 10,000-row GLPI intake
#     plus some moves) to an empty hub, against the same `intake import` run
#     locally (target: no more than 2x);
#  2. an incremental sync of 100 new events, against `atelier status` on the
#     same machine (both one process start; target: under 10x);
#  3. the hub's peak memory (VmHWM) while it receives RSS_EVENTS events
#     (1,000,000 by default) against while it receives a tenth of them:
#     flat means the push is streamed, not loaded.
# Times are CPU (user + system, of every process involved) as well as wall:
# the machine is shared, and CPU time moves less with the load.
# UNITS=2000 RSS_EVENTS=100000 scripts/bench-sync.sh for a quick run
# (RSS_EVENTS=0 skips the memory part).
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${UNITS:-10000}
RSS_EVENTS=${RSS_EVENTS:-1000000}
. scripts/bench-lib.sh
# BIN (as before) or ATELIER: a built binary, checked current; default: make build.
ATELIER=${ATELIER:-${BIN:-}}
bench_atelier
BIN=$ATELIER
tmp=$(mktemp -d)
hubpid=
cleanup() {
  [ -n "$hubpid" ] && kill "$hubpid" 2>/dev/null && wait "$hubpid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export ATELIER_OPERATOR=bench LANG=C ATELIER_HUB=
unset ATELIER_LEDGER

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { printf '%s\n' "$@" | sort -n | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) b = 1; printf "%.1f", a / b }'; }
# cpu CMD...: runs CMD, prints "wall_ms cpu_ms" (cpu = user + system).
# A failure stops the benchmark (never a time): read it through a variable,
# not <(cpu ...), where its exit status is lost.
cpu() {
  local t rc=0; t=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" >/dev/null || rc=$?
  if [ "$rc" != 0 ]; then echo "bench-sync: '$*' failed (exit $rc): a failure never counts as a time" >&2; return 1; fi
  echo "$(ms "$t") $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$tmp/cpu")"
}
# hubcpu: CPU ms the hub process used so far.
hubcpu() { awk '{ printf "%d", ($14 + $15) * 1000 / 100 }' "/proc/$hubpid/stat"; }

# gen ROWS FILE TAG: a GLPI 10 computer list as the French UI exports it.
gen() {
  {
    printf '\xef\xbb\xbf"Nom";"Fabricant";"Numéro de série";"Type";"Modèle";"Numéro d'"'"'inventaire"\n'
    awk -v n="$1" -v tag="$3" 'BEGIN {
      for (i = 1; i <= n; i++)
        printf "\"PC-%s-%07d\";\"Dell Inc.\";\"%s%08d\";\"Portable\";\"Latitude E6410\";\"INV-%s-%07d\"\n", tag, i, tag, i, tag, i
    }'
  } >"$2"
}

# start_hub DIR PUB: a fresh hub ledger with bench b (key PUB) enrolled,
# served on a free loopback port; sets hubpid and url.
start_hub() {
  local d=$1
  "$BIN" --ledger "$d/ledger.db" init --bench hub --letter H >/dev/null
  "$BIN" --ledger "$d/ledger.db" bench enrol b --key "$2" --letter B >/dev/null
  "$BIN" --ledger "$d/ledger.db" serve --listen 127.0.0.1:0 >"$d/serve.out" 2>"$d/serve.err" &
  hubpid=$!
  for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.:]*' "$d/serve.out" 2>/dev/null || true)
    [ -n "$url" ] && return 0
    sleep 0.05
  done
  echo "bench-sync: the hub did not start: $(cat "$d/serve.err")"; exit 1
}
stop_hub() { kill "$hubpid"; wait "$hubpid" 2>/dev/null || true; hubpid=; }

gen "$UNITS" "$tmp/export.csv" SN

# 1. local intake (best of 3) vs first sync to an empty hub (best of 3).
loc_w=() loc_c=()
for i in 1 2 3; do
  "$BIN" --ledger "$tmp/l$i/ledger.db" init --bench local >/dev/null
  m=$(cpu "$BIN" --ledger "$tmp/l$i/ledger.db" intake import "$tmp/export.csv" --donor DSI); read -r w c <<<"$m"
  loc_w+=("$w"); loc_c+=("$c")
done
"$BIN" --ledger "$tmp/b/ledger.db" init --bench b --letter B >/dev/null
"$BIN" --ledger "$tmp/b/ledger.db" intake import "$tmp/export.csv" --donor DSI >/dev/null
for i in $(seq 1 20); do
  "$BIN" --ledger "$tmp/b/ledger.db" unit move "$(printf 'PCS-%s-B%04d' "$(date +%y)" "$i")" triaged >/dev/null
done
syn_w=() syn_c=()
for i in 1 2 3; do
  # Each try from a copy of the same bench (a sync pulls the hub's events).
  cp -r "$tmp/b" "$tmp/b$i"
  start_hub "$tmp/h$i" "$tmp/b/bench.pub"
  c0=$(hubcpu)
  m=$(cpu "$BIN" --ledger "$tmp/b$i/ledger.db" sync --hub "$url"); read -r w c <<<"$m"
  c=$(( c + $(hubcpu) - c0 ))
  syn_w+=("$w"); syn_c+=("$c")
  stop_hub
  rm -rf "$tmp/b$i" "$tmp/h$i"
done
lw=$(best "${loc_w[@]}"); lc=$(best "${loc_c[@]}"); sw=$(best "${syn_w[@]}"); sc=$(best "${syn_c[@]}")
echo "first sync of $UNITS units (+20 moves) to an empty hub: ${sw} ms wall, ${sc} ms CPU (bench + hub); local intake import: ${lw} ms wall, ${lc} ms CPU; ratio $(ratio "$sw" "$lw")x wall, $(ratio "$sc" "$lc")x CPU (target <= 2x)"

# 2. incremental sync of 100 events vs status (median of 5 each).
start_hub "$tmp/hi" "$tmp/b/bench.pub"
"$BIN" --ledger "$tmp/b/ledger.db" sync --hub "$url" >/dev/null
inc_w=() inc_c=() st_w=() st_c=()
for i in 1 2 3 4 5; do
  gen 100 "$tmp/inc$i.csv" "I$i"
  "$BIN" --ledger "$tmp/b/ledger.db" intake import "$tmp/inc$i.csv" --donor DSI >/dev/null
  c0=$(hubcpu)
  m=$(cpu "$BIN" --ledger "$tmp/b/ledger.db" sync --hub "$url"); read -r w c <<<"$m"
  inc_w+=("$w"); inc_c+=("$(( c + $(hubcpu) - c0 ))")
  m=$(cpu "$BIN" --ledger "$tmp/b/ledger.db" status "$(printf 'PCS-%s-B0001' "$(date +%y)")"); read -r w c <<<"$m"
  st_w+=("$w"); st_c+=("$c")
done
stop_hub
iw=$(median "${inc_w[@]}"); ic=$(median "${inc_c[@]}"); tw=$(median "${st_w[@]}"); tc=$(median "${st_c[@]}")
echo "incremental sync of 100 events: ${iw} ms wall, ${ic} ms CPU; atelier status: ${tw} ms wall, ${tc} ms CPU; ratio $(ratio "$iw" "$tw")x wall, $(ratio "$ic" "$tc")x CPU (target < 10x)"

# 3. hub memory while receiving RSS_EVENTS events, and a tenth of them.
peak() { # EVENTS: a bench of that many intake events pushed to a fresh hub; prints the hub's VmHWM in MiB
  local n=$1 d="$tmp/rss$1" chunk=100000 done=0 k=0
  "$BIN" --ledger "$d/b/ledger.db" init --bench b --letter B >/dev/null
  while [ "$done" -lt "$n" ]; do
    local rows=$(( n - done < chunk ? n - done : chunk ))
    k=$((k + 1))
    gen "$rows" "$d/part.csv" "R$k"
    "$BIN" --ledger "$d/b/ledger.db" intake import "$d/part.csv" --donor DSI >/dev/null
    done=$((done + rows))
  done
  rm -f "$d/part.csv"
  start_hub "$d/h" "$d/b/bench.pub"
  # The hub's heap (RssAnon), sampled while it receives: VmHWM also counts
  # the ledger file's pages SQLite maps, which follow the file's size.
  "$BIN" --ledger "$d/b/ledger.db" sync --hub "$url" >/dev/null &
  local syncpid=$! anon=0 a
  while kill -0 "$syncpid" 2>/dev/null; do
    a=$(awk '/RssAnon/ { printf "%d", $2 / 1024 }' "/proc/$hubpid/status")
    [ "$a" -gt "$anon" ] && anon=$a
    sleep 0.05
  done
  wait "$syncpid"
  # The write-ahead log the push left beside the hub's ledger (a big
  # merge checkpoints and truncates it).
  local wal=0
  [ -f "$d/h/ledger.db-wal" ] && wal=$(( $(stat -c %s "$d/h/ledger.db-wal") / 1048576 ))
  echo "$anon $(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$hubpid/status") $wal"
  stop_hub
  rm -rf "$d"
}
if [ "$RSS_EVENTS" -eq 0 ]; then exit 0; fi # RSS_EVENTS=0: the two timings only
m=$(peak $((RSS_EVENTS / 10))); read -r small smallhwm smallwal <<<"$m"
m=$(peak "$RSS_EVENTS"); read -r big bighwm bigwal <<<"$m"
echo "hub heap (peak RssAnon) receiving $((RSS_EVENTS / 10)) events: ${small} MiB; receiving $RSS_EVENTS events: ${big} MiB; ratio $(ratio "$big" "$small")x (flat: ~1x, not 10x); VmHWM with the mapped ledger file: ${smallhwm} and ${bighwm} MiB"
echo "hub WAL left after the push: ${smallwal} MiB and ${bigwal} MiB (target: not the 1.3 GB of before)"
echo "machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
