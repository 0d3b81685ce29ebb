#!/usr/bin/env bash
# Probe benchmark: a full `atelier probe --json` (as root it also runs
# dmidecode and smartctl on every disk, like the peers read everything they
# can) against `lshw -json`, `inxi -Fxz` and `hwinfo --short` on this machine,
# in one run. The four commands are run in turn, round after round, so that
# a busy machine slows them all alike; each prints its median wall time over
# the rounds, and the ratio peer time / atelier time (above 1: atelier is
# faster). Goal (issue 3): atelier faster than each of them.
#
# PROBE_ROUNDS (default 9) sets the number of rounds. A peer that is not
# installed is reported as such and skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${PROBE_ROUNDS:-9}
bin=${ATELIER_BIN:-bin/atelier}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -x "$bin" ]; then
  go build -o "$tmp/atelier" ./cmd/atelier
  bin=$tmp/atelier
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

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

# one warm-up run each (page cache, binary loading), not measured
for i in "${available[@]}"; do
  ${cmds[$i]} >/dev/null 2>&1 || true
done

# ms CMD...: wall time of one run, in milliseconds
ms() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

for ((r = 0; r < rounds; r++)); do
  for i in "${available[@]}"; do
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
