#!/usr/bin/env bash
# The planners' plans for the archive's main queries, on SQLite and on PostgreSQL, over N generated audits
# (default 5000): Benchmarks/archive/explain.sh [N]
#
# Generates N sample exports (`kycuong report generate-samples`), imports them into a new SQLite archive and
# into a throwaway PostgreSQL cluster (Scripts/with-postgres.sh), runs ANALYZE on each, and prints
# EXPLAIN QUERY PLAN (SQLite) and EXPLAIN (PostgreSQL) for each query of ArchiveQuery. Debug build; the plans,
# not the times, are the point.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-5000}
swift build --product kycuong >/dev/null
swift build --product ArchiveTestImporter >/dev/null
bin=$(swift build --show-bin-path)
work=$(mktemp -d "${TMPDIR:-/tmp}/kycuong-explain.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin/kycuong" report generate-samples "$work/samples" --count "$count" --seed 5
unit="UBND phường Hàng Bạc"
day=2026-06-01

echo "## SQLite ($count audits)"
find "$work/samples" -name '*.json' -print0 | xargs -0 "$bin/ArchiveTestImporter" "$work/archive.sqlite" >/dev/null
"$bin/ArchiveTestImporter" "$work/archive.sqlite" --explain "$unit" "$day"

echo
echo "## PostgreSQL ($count audits)"
Scripts/with-postgres.sh bash -c '
  find "$1/samples" -name "*.json" -print0 | xargs -0 "$2" "$KYCUONG_TEST_DATABASE_URL" >/dev/null
  "$2" "$KYCUONG_TEST_DATABASE_URL" --explain "$3" "$4"
' explain "$work" "$bin/ArchiveTestImporter" "$unit" "$day" | grep -v '^with-postgres:'
