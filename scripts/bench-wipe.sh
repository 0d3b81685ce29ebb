#!/usr/bin/env bash
# bench-wipe.sh: atelier's wipe against its peers, on the same 2 GiB loop
# device in one run (root only; the device is made here and always detached):
#   1. atelier wipe --method zero --verify none   vs  dd if=/dev/zero bs=4M oflag=direct
#   2. atelier wipe --method zero --verify full   vs  nwipe --method=zero --verify=last --noblank
# Prints times and throughputs, then both ratios. Goals: atelier >= 0.95 of
# dd's throughput; atelier's verified wipe faster than nwipe's.
#
# The loop device uses direct I/O on its backing file (losetup --direct-io)
# so that, as on a real disk, a write reaches the disk and the final flush
# has nothing left to do; otherwise dd's numbers would be page-cache speed
# and atelier's (which always flushes) disk speed.
# atelier's time is given twice: wall clock (process start, ledger, signed
# certificate and PDF included: about 0.3 s; the --verify none run issues no
# certificate and exits 3, "written, not verified") and the erase itself as its
# result reports it; the throughput ratio uses the erase, the wall clock is
# shown for honesty.
# Env: SIZE (default 2G), ROUNDS (default 3: dd and atelier alternate and
# the best of each is kept, the bench machine is shared), ATELIER (a built
# binary; default: go build).
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
	echo "bench-wipe: needs root (loop devices)" >&2
	exit 1
fi
for tool in losetup blockdev dd nwipe awk; do
	command -v "$tool" >/dev/null || { echo "bench-wipe: $tool missing" >&2; exit 1; }
done
SIZE=${SIZE:-2G}
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# A disk-backed folder: O_DIRECT may be refused on tmpfs.
WORK=$(mktemp -d /var/tmp/bench-wipe.XXXXXX)
DEV=""
cleanup() {
	if [ -n "$DEV" ]; then losetup -d "$DEV" || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [ -z "${ATELIER:-}" ]; then
	ATELIER=$WORK/atelier
	(cd "$ROOT" && go build -o "$ATELIER" ./cmd/atelier)
fi
export ATELIER_LEDGER=$WORK/ledger.db ATELIER_OPERATOR=bench LANG=C LC_ALL=
"$ATELIER" init >/dev/null

# Allocate the file first so no tool pays for the filesystem's allocation.
dd if=/dev/zero of="$WORK/disk.img" bs=4M count=$(($(numfmt --from=iec "$SIZE") / 4194304)) status=none
DEV=$(losetup -f --show --direct-io=on "$WORK/disk.img")
# Never let a wrong variable reach a wiping tool: nwipe --autonuke with no
# device wipes every disk it finds.
case "$DEV" in
/dev/loop[0-9]*) ;;
*) echo "bench-wipe: losetup gave '$DEV', not a loop device" >&2; exit 1 ;;
esac
BYTES=$(blockdev --getsize64 "$DEV")

now() { date +%s.%N; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
mbps() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f", n / t / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# timed CMD...: runs CMD, sets T to its wall time; output in $WORK/last.log.
# OK_RC (default 0) is the exit code that counts as success: atelier ends a
# --verify none run with 3 ("written, not verified": no certificate).
timed() {
	local t0 t1 rc=0
	sync
	t0=$(now)
	"$@" >"$WORK/last.log" 2>"$WORK/last.err" || rc=$?
	if [ "$rc" -ne "${OK_RC:-0}" ]; then echo "bench-wipe: failed (exit $rc): $*" >&2; tail -5 "$WORK/last.err" >&2; exit 1; fi
	t1=$(now)
	T=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}
# engine: the erase time atelier's --json result reports.
engine() { awk -F': ' '/"seconds"/ { gsub(/,/, "", $2); print $2; exit }' "$WORK/last.log"; }

echo "bench-wipe: $DEV ($BYTES bytes, loop with direct I/O), best of $ROUNDS"
dd_best="" at_best="" at_eng="" av_best="" av_eng=""
for _ in $(seq "$ROUNDS"); do
	timed dd if=/dev/zero of="$DEV" bs=4M count=$((BYTES / 4194304)) oflag=direct status=none
	if [ -z "$dd_best" ] || lt "$T" "$dd_best"; then dd_best=$T; fi
	OK_RC=3 timed "$ATELIER" wipe --yes --json --method zero --verify none --out "$WORK/certs" "$DEV"
	grep -q '"status": "unverified"' "$WORK/last.log" || { echo "bench-wipe: --verify none did not end unverified" >&2; exit 1; }
	e=$(engine)
	if [ -z "$at_best" ] || lt "$T" "$at_best"; then at_best=$T; fi
	if [ -z "$at_eng" ] || lt "$e" "$at_eng"; then at_eng=$e; fi
	timed "$ATELIER" wipe --yes --json --method zero --verify full --out "$WORK/certs" "$DEV"
	e=$(engine)
	if [ -z "$av_best" ] || lt "$T" "$av_best"; then av_best=$T; fi
	if [ -z "$av_eng" ] || lt "$e" "$av_eng"; then av_eng=$e; fi
done
# nwipe is an order of magnitude slower: once is enough.
timed nwipe --autonuke --nogui --nousb --method=zero --verify=last --noblank "$DEV"
nw=$T

row() { printf '%-40s %8.2f s %9s MB/s%s\n' "$1" "$2" "$(mbps "$3" "$2")" "${4:-}"; }
row "dd bs=4M oflag=direct" "$dd_best" "$BYTES"
row "atelier zero, no verify (erase)" "$at_eng" "$BYTES"
row "atelier zero, no verify (wall clock)" "$at_best" "$BYTES"
row "nwipe zero --verify=last --noblank" "$nw" "$((BYTES * 2))" " (written + read back)"
row "atelier zero --verify full (erase)" "$av_eng" "$((BYTES * 2))" " (written + read back)"
row "atelier zero --verify full (wall clock)" "$av_best" "$((BYTES * 2))" " (written + read back)"
echo "ratio atelier/dd throughput, erase (goal >= 0.95): $(ratio "$dd_best" "$at_eng")"
echo "ratio atelier/dd throughput, wall clock:          $(ratio "$dd_best" "$at_best")"
echo "ratio nwipe/atelier verified time, wall (goal > 1): $(ratio "$nw" "$av_best")"
