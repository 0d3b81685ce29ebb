#!/usr/bin/env bash
# bench-deploy.sh (root): on one image (1 GiB, about half mapped, zstd with a
# bmap) and one loop device, in one run: atelier deploy vs
# `zstdcat IMG | dd of=DEV bs=4M iflag=fullblock oflag=direct` and vs
# `bmaptool copy IMG DEV`.
# atelier is timed twice: as deployed by default (with read-back of
# everything written, which neither peer does) and with --verify none (the
# same work as bmaptool copy). Personalisation is off: neither peer does it.
#
# Fairness: the loop device's backing file is written whole before the first
# measure (no tool pays for the file system's block allocation), and the
# loop device uses direct I/O on it so that writes reach the disk, not the
# page cache. Every tool runs ROUNDS times; the order of the tools turns
# from one round to the next (each goes first once in four rounds), so none
# always runs on a warmer or cooler machine. Printed: the best and the median
# wall time of each, the median CPU time (user + system: on a machine other
# work also loads, the wall time moves with that load, the CPU time much
# less), and the ratios of the wall times.
# Env: SIZE (default 1G), DATA_MB (default 512), ROUNDS (default 5),
# ATELIER (a built binary; default: make build, see bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-lib.sh
if [ "$(id -u)" != 0 ]; then
  echo "bench-deploy: needs root (loop devices)" >&2
  exit 1
fi
for tool in losetup zstdcat dd bmaptool sgdisk mkfs.vfat mkfs.ext4; do
  command -v "$tool" >/dev/null || { echo "bench-deploy: $tool missing (Debian: util-linux zstd bmap-tools gdisk dosfstools e2fsprogs)" >&2; exit 1; }
done
size=${SIZE:-1G}
data_mb=${DATA_MB:-512}
rounds=${ROUNDS:-5}
bench_atelier

work=$(mktemp -d /var/tmp/atelier-bench-deploy.XXXXXX)
dev=""
cleanup() {
  if [ -n "$dev" ]; then losetup -d "$dev" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
export ATELIER_LEDGER=$work/ledger.db ATELIER_OPERATOR=bench LANG=C LC_ALL=
"$ATELIER" init >/dev/null

echo "building a $size image with ${data_mb} MiB of data..."
DATA_MB=$data_mb FORMATS=zst scripts/make-test-image.sh "$work/img" "$size" >/dev/null 2>&1
img=$work/img/zorin-test.img.zst
bmap=$work/img/zorin-test.img.bmap
rm -f "$work/img/zorin-test.img"
image_bytes=$(sed -n 's/.*<ImageSize> *\([0-9]*\) *<.*/\1/p' "$bmap")
mapped=$(sed -n 's/.*<MappedBlocksCount> *\([0-9]*\) *<.*/\1/p' "$bmap")
echo "image: $(numfmt --to=iec "$image_bytes"), mapped $(numfmt --to=iec $((mapped * 4096))), zstd file $(du -h "$img" | cut -f1)"

# The target, allocated (real zeros written) before anything is measured.
disk_mib=$(((image_bytes + 64 * 1024 * 1024 + 1048575) / 1048576))
dd if=/dev/zero of="$work/disk" bs=1M count="$disk_mib" status=none
sync
dev=$(losetup -f --show --direct-io=on "$work/disk")
case "$dev" in
/dev/loop[0-9]*) ;;
*) echo "bench-deploy: losetup gave '$dev', not a loop device" >&2; exit 1 ;;
esac
echo "target: $dev ($(losetup -n -O DIO "$dev" | tr -d ' ') direct I/O, $disk_mib MiB written beforehand)"
cat "$img" "$bmap" >/dev/null # same warm page cache for every tool

# run NAME CMD...: one timed run; its wall time is appended to
# $work/NAME.times and its CPU time (user + system, children included) to
# $work/NAME.cpu. A failure (any non-zero exit) stops the benchmark: a crash
# must never count as fast.
run() {
  local name=$1 rc=0 TIMEFORMAT='%3R %3U %3S'
  shift
  sync
  { time "$@" >"$work/last.out" 2>"$work/last.err"; } 2>"$work/last.time" || rc=$?
  if [ "$rc" != 0 ]; then
    echo "bench-deploy: $name failed (exit $rc): $*" >&2
    tail -5 "$work/last.err" >&2
    exit 1
  fi
  awk '{ print $1 }' "$work/last.time" >>"$work/$name.times"
  awk '{ printf "%.3f\n", $2 + $3 }' "$work/last.time" >>"$work/$name.cpu"
}
# dd reads a pipe: without iflag=fullblock each read returns what the pipe
# holds (64 KiB) and dd writes that, 16 times more O_DIRECT writes than
# bs=4M says; fullblock is how a careful person runs it.
dd_run() { zstdcat "$img" | dd of="$dev" bs=4M iflag=fullblock oflag=direct status=none; }

names=(dd bmaptool atelier atelier-nv)
one() {
  case $1 in
  dd) run dd dd_run ;;
  bmaptool) run bmaptool bmaptool copy --bmap "$bmap" "$img" "$dev" ;;
  atelier) run atelier "$ATELIER" deploy --image "$img" "$dev" --yes --no-personalise ;;
  atelier-nv) run atelier-nv "$ATELIER" deploy --image "$img" "$dev" --yes --no-personalise --verify none ;;
  esac
}
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < ${#names[@]}; k++)); do
    one "${names[$(((r + k) % ${#names[@]}))]}"
  done
done

best() { bench_best <"$work/$1.times"; }
med() { bench_median <"$work/$1.times"; }
cpu() { bench_median <"$work/$1.cpu"; }
echo "deploy benchmark: $rounds rounds, tool order turning each round; wall time (best, median) and CPU time (median)"
row() { printf '%-52s %8.2f s %8.2f s %8.2f s\n' "$1" "$(best "$2")" "$(med "$2")" "$(cpu "$2")"; }
printf '%-52s %10s %10s %10s\n' "" "best" "median" "cpu"
row "zstdcat | dd bs=4M iflag=fullblock oflag=direct" dd
row "bmaptool copy" bmaptool
row "atelier deploy (bmap, read-back verification)" atelier
row "atelier deploy --verify none (bmap checksums only)" atelier-nv
ratios() { # ratios PEER: best and median ratios against both atelier runs
  printf 'ratio %s/atelier: best %s, median %s (verify none: best %s, median %s)  (>1 = atelier faster)\n' "$1" \
    "$(bench_ratio "$(best "$1")" "$(best atelier)")" "$(bench_ratio "$(med "$1")" "$(med atelier)")" \
    "$(bench_ratio "$(best "$1")" "$(best atelier-nv)")" "$(bench_ratio "$(med "$1")" "$(med atelier-nv)")"
}
ratios dd
ratios bmaptool
