# bench-lib.sh: what every bench-*.sh shares (sourced, not run).
#
# A measured command that fails must stop the benchmark, never count as
# fast: command substitutions ($(...)) inherit set -e here, which bash
# otherwise clears in them (a crashed `unit list` timed inside $(cpu ...)
# was printed as a fast one). Scripts read a measure into a variable
# first, never through <(...) or <<<"$(...)", whose failures nobody sees.
shopt -s inherit_errexit
#
# bench_atelier: sets ATELIER to an atelier binary built from this tree's
# current sources, so a benchmark never measures a stale build. Without
# ATELIER in the environment it runs `make build` (a quick no-op relink when
# nothing changed) and uses bin/atelier. With ATELIER set, that binary must
# be at least as new as every file of the tree it is built from (sources of
# every package, embedded files, go.mod, go.sum): otherwise the benchmark
# stops and says which file is newer.
bench_atelier() {
	local root
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	if [ -z "${ATELIER:-}" ]; then
		make -s -C "$root" build >&2 || { echo "$(basename "$0"): make build failed" >&2; exit 1; }
		ATELIER=$root/bin/atelier
	else
		[ -x "$ATELIER" ] || { echo "$(basename "$0"): ATELIER=$ATELIER is not an executable" >&2; exit 1; }
		local newer
		# Every file the binary is built from: the Go sources of every
		# package (workshop and hub too: the wipe and deploy sessions live
		# there) and what they embed (profiles, migrations, templates,
		# fonts, factors). Tests, docs and the scripts are not in it.
		newer=$(find "$root" \( -path "$root/.git" -o -path "$root/.ci" -o -path "$root/bin" -o -path "$root/scripts" -o -name testdata \) -prune -o \
			-type f ! -name '*_test.go' ! -name '*.md' ! -name .gitignore ! -path "$root/benchweb" -newer "$ATELIER" -print -quit)
		if [ -n "$newer" ]; then
			echo "$(basename "$0"): ATELIER=$ATELIER is older than $newer: rebuild it (make build) or unset ATELIER" >&2
			exit 1
		fi
	fi
	ATELIER=$(cd "$(dirname "$ATELIER")" && pwd)/$(basename "$ATELIER")
	export ATELIER
	echo "atelier: $ATELIER ($("$ATELIER" --version 2>/dev/null | head -1))" >&2
}

# bench_median and bench_best read numbers, one a line, and print the
# median (the middle one; the lower middle for an even count) and the
# smallest.
bench_median() { sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
bench_best() { sort -g | head -1; }

# bench_ratio A B prints A / B with 2 decimals.
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.2f", a / b }'; }
