#!/usr/bin/env bash
# Starts Debian's PostgreSQL (installed with `apt-get install -y postgresql`)
# and makes the role and database the PostgreSQL ledger tests use, then
# prints the URL to export as ATELIER_TEST_PG (stdout carries nothing else:
# pg_ctlcluster's chatter, e.g. "Removed stale pid file.", goes to stderr).
# Run as root; idempotent.
#   export ATELIER_TEST_PG=$(scripts/pg-setup.sh)
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main" || pg_createcluster "$ver" main >&2
pg_lsclusters -h | awk '$1=="'"$ver"'" && $2=="main" {print $4}' | grep -qx online || pg_ctlcluster "$ver" main start >&2
port=$(pg_lsclusters -h | awk '$1=="'"$ver"'" && $2=="main" {print $3}')
psql_() { su postgres -c "psql -p $port -qtAX $*"; }
[ "$(psql_ "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'atelier'\"")" = 1 ] ||
  psql_ "-c \"CREATE ROLE atelier LOGIN PASSWORD 'atelier' CREATEDB\"" >/dev/null
[ "$(psql_ "-c \"SELECT 1 FROM pg_database WHERE datname = 'atelier_test'\"")" = 1 ] ||
  su postgres -c "createdb -p $port -O atelier atelier_test" >&2
echo "postgres://atelier:atelier@localhost:$port/atelier_test?sslmode=disable"
