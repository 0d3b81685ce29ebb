#!/usr/bin/env bash
# make bench: every benchmark of the project, each printing its figures and
# its ratio against the peer tool measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
for b in scripts/bench-*.sh; do
  [ -e "$b" ] || continue
  echo "== $b"
  bash "$b"
done
