#!/usr/bin/env bash
# Web pages benchmark (issue 12): 50 concurrent clients read /u/ID (logged
# in), /s/TOKEN and /healthz for 20 s on a 100,000-unit ledger, served on
# 127.0.0.1; p50, p99 and errors per path, and each page's p99 against
# /healthz's in the same run (target: at most 5×, 0 errors).
# UNITS=10000 DURATION=5s scripts/bench-web.sh for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./scripts/benchweb -units "${UNITS:-100000}" -clients "${CLIENTS:-50}" -duration "${DURATION:-20s}"
