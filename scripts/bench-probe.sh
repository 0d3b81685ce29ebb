#!/usr/bin/env bash
# Probe benchmark: a full `atelier probe --json` (as root it also runs
# dmidecode and smartctl on every disk, like the peers read everything they
# can) against `lshw -json`, `inxi -Fxz` and `hwinfo --short` on this machine,
# in one run. The four commands are run in turn, round after round, so that
# a busy machine slows them all alike; each prints its median wall time over
# the rounds, and the ratio peer time / atelier time (above 1: atelier is
# faster). Goal (issue 3): atelier faster than each of them.
#
# A run that fails (non-zero exit) stops the benchmark: a crash must never
# count as fast. The order of the commands turns from one round to the next.
#
# PROBE_ROUNDS (default 9) sets the number of rounds; ATELIER a built binary
# (default: make build, see bench-lib.sh). A peer that is not installed is
# reported as such and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh

rounds=${PROBE_ROUNDS:-9}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench_atelier
bin=$ATELIER

names=("atelier probe --json" "lshw -json" "inxi -Fxz" "hwinfo --short")
cmds=("$bin probe --json" "lshw -json" "inxi -Fxz" "hwinfo --short")
available=()
for i in "${!cmds[@]}"; do
  tool=${cmds[$i]%% *}
  if command -v "$tool" >/dev/null 2>&1; then
    available+=("$i")
  else
    echo "${names[$i]}: not installed, skipped"
  fi
done

if [ "$(id -u)" != 0 ]; then
  echo "note: not root: atelier and the peers all read less (no dmidecode, smartctl, serials)"
fi

# ms CMD...: wall time of one run, in milliseconds; stops on a failure.
ms() {
  local t0 t1 rc=0
  t0=$(date +%s%N)
  "$@" >/dev/null 2>"$tmp/err" || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" != 0 ]; then
    echo "bench-probe: '$*' failed (exit $rc):" >&2
    tail -5 "$tmp/err" >&2
    exit 1
  fi
  echo $(((t1 - t0) / 1000000))
}

# one warm-up run each (page cache, binary loading), not measured
for i in "${available[@]}"; do
  # shellcheck disable=SC2086
  ms ${cmds[$i]} >/dev/null
done

n=${#available[@]}
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < n; k++)); do
    i=${available[$(((r + k) % n))]}
    # shellcheck disable=SC2086
    ms ${cmds[$i]} >>"$tmp/times.$i"
  done
done

median() { sort -n "$1" | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

echo "probe benchmark: median wall time of $rounds rounds on $(hostname), $(nproc) CPU(s)"
base=$(median "$tmp/times.0")
printf '  %-22s %7s ms\n' "${names[0]}" "$base"
for i in "${available[@]}"; do
  [ "$i" = 0 ] && continue
  m=$(median "$tmp/times.$i")
  ratio=$(awk -v p="$m" -v a="$base" 'BEGIN { if (a > 0) printf "%.2f", p / a; else print "inf" }')
  printf '  %-22s %7s ms   ratio %s (peer / atelier)\n' "${names[$i]}" "$m" "$ratio"
done
