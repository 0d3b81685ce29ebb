#!/usr/bin/env bash
# bench-deploy.sh (root): on one image (1 GiB, about half mapped, zstd with a
# bmap) and one loop device, in one run: atelier deploy vs
# `zstdcat IMG | dd of=DEV bs=4M oflag=direct` and vs `bmaptool copy IMG DEV`.
# Prints each time and the ratios. atelier is timed twice: as deployed by
# default (with read-back of everything written, which neither peer does)
# and with --verify none (the same work as bmaptool copy). Personalisation
# is off: neither peer does it. The loop device uses direct I/O on its
# backing file so that writes reach the disk, not the page cache.
# Env: SIZE (default 1G), DATA_MB (default 512), RUNS (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "bench-deploy: needs root (loop devices); skipped" >&2
  exit 0
fi
size=${SIZE:-1G}
data_mb=${DATA_MB:-512}
runs=${RUNS:-1}
bin=${ATELIER:-bin/atelier}
[ -x "$bin" ] || go build -o "$bin" ./cmd/atelier

work=$(mktemp -d /var/tmp/atelier-bench-deploy.XXXXXX)
dev=""
cleanup() {
  if [ -n "$dev" ]; then losetup -d "$dev" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "building a $size image with ${data_mb} MiB of data..."
DATA_MB=$data_mb FORMATS=zst scripts/make-test-image.sh "$work/img" "$size" >/dev/null 2>&1
img=$work/img/zorin-test.img.zst
bmap=$work/img/zorin-test.img.bmap
rm -f "$work/img/zorin-test.img"
image_bytes=$(sed -n 's/.*<ImageSize> *\([0-9]*\) *<.*/\1/p' "$bmap")
mapped=$(sed -n 's/.*<MappedBlocksCount> *\([0-9]*\) *<.*/\1/p' "$bmap")
echo "image: $(numfmt --to=iec "$image_bytes"), mapped $(numfmt --to=iec $((mapped * 4096))), zstd file $(du -h "$img" | cut -f1)"

truncate -s $((image_bytes + 64 * 1024 * 1024)) "$work/disk"
dev=$(losetup -f --show --direct-io=on "$work/disk")
echo "target: $dev ($(losetup -n -O DIO "$dev" | tr -d ' ') direct I/O)"
cat "$img" "$bmap" >/dev/null # same warm page cache for every tool

now() { date +%s.%N; }
best() { sort -g | head -1; }
time_it() { # time_it CMD...: best wall time of $runs runs, in seconds
  local t0 t1
  for _ in $(seq "$runs"); do
    t0=$(now); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
  done | best
}
dd_run() { zstdcat "$img" | dd of="$dev" bs=4M oflag=direct status=none; }

t_dd=$(time_it dd_run)
t_bmap=$(time_it bmaptool copy --bmap "$bmap" "$img" "$dev")
t_at=$(time_it "$bin" deploy --image "$img" "$dev" --yes --no-personalise)
t_at_nv=$(time_it "$bin" deploy --image "$img" "$dev" --yes --no-personalise --verify none)

printf '%-52s %8.2f s\n' "zstdcat | dd bs=4M oflag=direct" "$t_dd"
printf '%-52s %8.2f s\n' "bmaptool copy" "$t_bmap"
printf '%-52s %8.2f s\n' "atelier deploy (bmap, read-back verification)" "$t_at"
printf '%-52s %8.2f s\n' "atelier deploy --verify none (bmap checksums only)" "$t_at_nv"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratio dd/atelier:       $(ratio "$t_dd" "$t_at") (verify none: $(ratio "$t_dd" "$t_at_nv"))  (>1 = atelier faster)"
echo "ratio bmaptool/atelier: $(ratio "$t_bmap" "$t_at") (verify none: $(ratio "$t_bmap" "$t_at_nv"))  (>1 = atelier faster)"
