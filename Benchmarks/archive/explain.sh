#!/usr/bin/env bash
# The planners' plans for the archive's questions, on SQLite and on PostgreSQL, over N generated audits
# (default 5000): Benchmarks/archive/explain.sh [N]
#
# Generates N sample exports (`kycuong report generate-samples`), imports them into a new SQLite archive and
# into a throwaway PostgreSQL cluster (Scripts/with-postgres.sh), and prints `kycuong archive explain
# --analyze` for each: EXPLAIN QUERY PLAN (SQLite) and EXPLAIN (PostgreSQL) of every ArchiveQuery, after
# ANALYZE. Debug build; the plans, not the times, are the point (Benchmarks/archive/run.sh times them).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-5000}
swift build --product kycuong >/dev/null
bin=$(swift build --show-bin-path)
work=$(mktemp -d "${TMPDIR:-/tmp}/kycuong-explain.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin/kycuong" report generate-samples "$work/samples" --count "$count" --seed 5 >/dev/null
unit="UBND phường Hàng Bạc"
day=2026-06-01

echo "## SQLite ($count audits)"
"$bin/kycuong" archive import --database "$work/archive.sqlite" "$work/samples" >/dev/null 2>&1
"$bin/kycuong" archive explain --database "$work/archive.sqlite" --analyze --unit "$unit" --day "$day"

echo
echo "## PostgreSQL ($count audits)"
Scripts/with-postgres.sh bash -c '
  "$2" archive import --database "$KYCUONG_TEST_DATABASE_URL" "$1/samples" >/dev/null 2>&1
  "$2" archive explain --database "$KYCUONG_TEST_DATABASE_URL" --analyze --unit "$3" --day "$4"
' explain "$work" "$bin/kycuong" "$unit" "$day" | grep -v '^with-postgres:'
