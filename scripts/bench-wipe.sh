#!/usr/bin/env bash
# bench-wipe.sh: atelier's wipe against its peers, on the same 2 GiB loop
# device in one run (root only; the device is made here and always detached):
#   1. atelier wipe --method zero --verify none   vs  dd if=/dev/zero bs=4M oflag=direct
#   2. atelier wipe --method zero --verify full   vs  nwipe --method=zero --verify=last --noblank
# Goals: atelier's wall clock within 1/0.95 of dd's (ratio >= 0.95);
# atelier's verified wipe faster than nwipe's (ratio > 1).
#
# Like with like: every goal ratio compares wall clock with wall clock,
# process start to exit (for atelier: ledger, signed certificate and PDF
# included; the --verify none run issues no certificate and exits 3,
# "written, not verified"). The erase time atelier's own result reports
# (engine only) is printed beside it, never used for a goal.
# Every tool runs ROUNDS times (nwipe too), the order of the tools turning
# from one round to the next; printed: best and median of each.
#
# The loop device uses direct I/O on its backing file (losetup --direct-io)
# so that, as on a real disk, a write reaches the disk and the final flush
# has nothing left to do; otherwise dd's numbers would be page-cache speed
# and atelier's (which always flushes) disk speed. The backing file is
# written whole first, so no tool pays for the file system's allocation.
# Env: SIZE (default 2G), ROUNDS (default 3; nwipe takes minutes a round),
# ATELIER (a built binary; default: make build, see bench-lib.sh).
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
. "$ROOT/scripts/bench-lib.sh"
bench_atelier

# A disk-backed folder: O_DIRECT may be refused on tmpfs.
WORK=$(mktemp -d /var/tmp/bench-wipe.XXXXXX)
DEV=""
cleanup() {
	if [ -n "$DEV" ]; then losetup -d "$DEV" || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

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
mbps() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f", n / t / 1e6 }'; }

# timed NAME CMD...: runs CMD, appends its wall time to $WORK/NAME.times;
# output in $WORK/last.log. OK_RC (default 0) is the exit code that counts
# as success: atelier ends a --verify none run with 3 ("written, not
# verified": no certificate). Anything else stops the benchmark.
timed() {
	local name=$1 t0 t1 rc=0
	shift
	sync
	t0=$(now)
	"$@" >"$WORK/last.log" 2>"$WORK/last.err" || rc=$?
	t1=$(now)
	if [ "$rc" -ne "${OK_RC:-0}" ]; then echo "bench-wipe: failed (exit $rc): $*" >&2; tail -5 "$WORK/last.err" >&2; exit 1; fi
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >>"$WORK/$name.times"
}
# engine NAME: appends the erase time atelier's --json result reports.
engine() {
	local e
	e=$(awk -F': ' '/"seconds"/ { gsub(/,/, "", $2); print $2; exit }' "$WORK/last.log")
	[ -n "$e" ] || { echo "bench-wipe: no erase time in atelier's result" >&2; exit 1; }
	echo "$e" >>"$WORK/$1.times"
}

one() {
	case $1 in
	dd) timed dd dd if=/dev/zero of="$DEV" bs=4M count=$((BYTES / 4194304)) oflag=direct status=none ;;
	atelier)
		OK_RC=3 timed atelier "$ATELIER" wipe --yes --json --method zero --verify none --out "$WORK/certs" "$DEV"
		grep -q '"status": "unverified"' "$WORK/last.log" || { echo "bench-wipe: --verify none did not end unverified" >&2; exit 1; }
		engine atelier-engine
		;;
	atelier-v)
		timed atelier-v "$ATELIER" wipe --yes --json --method zero --verify full --out "$WORK/certs" "$DEV"
		grep -q '"status": "passed"' "$WORK/last.log" || { echo "bench-wipe: the verified wipe did not pass" >&2; exit 1; }
		engine atelier-v-engine
		;;
	nwipe) timed nwipe nwipe --autonuke --nogui --nousb --method=zero --verify=last --noblank "$DEV" ;;
	esac
}

echo "bench-wipe: $DEV ($BYTES bytes, loop with direct I/O), $ROUNDS rounds of every tool, order turning each round"
names=(dd atelier atelier-v nwipe)
for ((r = 0; r < ROUNDS; r++)); do
	for ((k = 0; k < ${#names[@]}; k++)); do
		one "${names[$(((r + k) % ${#names[@]}))]}"
	done
done

best() { bench_best <"$WORK/$1.times"; }
med() { bench_median <"$WORK/$1.times"; }
row() { printf '%-42s %8.2f s %8.2f s %9s MB/s%s\n' "$1" "$(best "$2")" "$(med "$2")" "$(mbps "$3" "$(best "$2")")" "${4:-}"; }
printf '%-42s %10s %10s %14s\n' "" "best" "median" "best"
row "dd bs=4M oflag=direct" dd "$BYTES"
row "atelier zero, no verify (wall clock)" atelier "$BYTES"
row "atelier zero, no verify (engine only)" atelier-engine "$BYTES"
row "nwipe zero --verify=last --noblank" nwipe "$((BYTES * 2))" " (written + read back)"
row "atelier zero --verify full (wall clock)" atelier-v "$((BYTES * 2))" " (written + read back)"
row "atelier zero --verify full (engine only)" atelier-v-engine "$((BYTES * 2))" " (written + read back)"
echo "ratio atelier/dd throughput, wall clock (goal >= 0.95): best $(bench_ratio "$(best dd)" "$(best atelier)"), median $(bench_ratio "$(med dd)" "$(med atelier)")  [engine only: best $(bench_ratio "$(best dd)" "$(best atelier-engine)")]"
echo "ratio nwipe/atelier verified time, wall clock (goal > 1): best $(bench_ratio "$(best nwipe)" "$(best atelier-v)"), median $(bench_ratio "$(med nwipe)" "$(med atelier-v)")  [engine only: best $(bench_ratio "$(best nwipe)" "$(best atelier-v-engine)")]"
