#!/usr/bin/env bash
# Benchmark (not a test) of the department archive, side by side in one run:
#   Benchmarks/archive/run.sh [N…]         sizes in audits (default: 10000 3000)
# For each size N: generates N sample exports (`kycuong report generate-samples`, seed 5, as explain.sh),
# imports them into a new SQLite archive and into a throwaway PostgreSQL cluster (audits/s), then times
#   - `archive summary` (SQLite, PostgreSQL) against `report summary` over the same folder and against a
#     Python peer (Benchmarks/summary/mean_per_unit.py), with peak RSS (/usr/bin/time -v);
#   - `archive trend UNIT` and `archive actions --overdue` on both backends (best of $RUNS, whole command);
#   - the plans of the archive's queries on both (`archive explain --analyze`, into explain-*.txt in the
#     work folder).
# Release build. Writes the table into Benchmarks/archive/README.md between the bench markers (WRITE=0 to
# print only). The machine's load is printed before and after: the machine may be shared, so read the
# ratios, not the times. Environment: RUNS (default 3), SCAN_RUNS (runs of the folder scans, `report
# summary` and Python, which take minutes at 100,000; default RUNS), SWIFT_SCRATCH (default .build), KEEP=1,
# CONFIG (default release; debug only to try the script), BENCH_WORK=DIR (work there and keep it: the samples a
# run generated there, with their generation time, are used again; the archives are made anew).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
[[ $# -gt 0 ]] || set -- 10000 3000
# The PostgreSQL half needs a server: the whole run goes under a throwaway cluster.
if [[ -z ${KYCUONG_TEST_DATABASE_URL:-} ]]; then exec Scripts/with-postgres.sh "$0" "$@"; fi
runs=${RUNS:-3}
scan_runs=${SCAN_RUNS:-$runs}
scratch=${SWIFT_SCRATCH:-.build}
config=${CONFIG:-release}
echo "Building kycuong ($config)…" >&2
swift build -c "$config" --product kycuong --scratch-path "$scratch" >/dev/null
kycuong="$(swift build -c "$config" --product kycuong --scratch-path "$scratch" --show-bin-path)/kycuong"
if [[ -n ${BENCH_WORK:-} ]]; then
  work=$BENCH_WORK
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/kycuong-archive-bench.XXXXXX")
  [[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$work"' EXIT
fi
unit="UBND phường Hàng Bạc"
today=2026-12-31
load() { cut -d' ' -f1-3 /proc/loadavg; }
started_load=$(load)

# measure NAME COMMAND…: one run; "wall_s peak_rss_kib" into $work/NAME.
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
    echo "run.sh: $name failed:" >&2
    cat "$work/$name.err" >&2
    exit 1
  }
}

# best NAME COMMAND…: best wall time of $runs runs (with that run's peak RSS) into $work/NAME.
best() {
  local name=$1 result=""
  shift
  for ((i = 0; i < runs; i++)); do
    measure "$name.run" "$@"
    if [[ -z $result ]] || awk -v a="$(cut -d' ' -f1 "$work/$name.run")" -v b="${result%% *}" \
      'BEGIN { exit !(a < b) }'; then
      result=$(cat "$work/$name.run")
    fi
  done
  echo "$result" >"$work/$name"
  mv "$work/$name.run.out" "$work/$name.out"
}

wall() { cut -d' ' -f1 "$work/$1"; }
rss() { awk '{ printf "%.0f", $2 / 1024 }' "$work/$1"; }
ms() { awk '{ printf "%.0f", $1 * 1000 }' "$work/$1"; }

rows=()
for count in "$@"; do
  echo "== $count audits" >&2
  folder="$work/samples-$count"
  sqlite="$work/archive-$count.sqlite"
  postgres="$KYCUONG_TEST_DATABASE_URL&schema=bench$count"
  if [[ -s $work/gen-$count && $(find "$folder" -name '*.json' 2>/dev/null | wc -l) == "$count" ]]; then
    echo "(samples of an earlier run in $folder, generated in $(wall "gen-$count") s)" >&2
  else
    rm -rf "$folder"
    measure "gen-$count" "$kycuong" report generate-samples "$folder" --count "$count" --seed 5
  fi
  rm -f "$sqlite" "$sqlite-wal" "$sqlite-shm"
  find "$folder" -name '*.json' -exec cat {} + >/dev/null
  measure "import-sqlite-$count" "$kycuong" archive import --database "$sqlite" --from bench "$folder"
  measure "import-pg-$count" "$kycuong" archive import --database "$postgres" --from bench "$folder"
  for database in sqlite pg; do
    location=$sqlite
    [[ $database == pg ]] && location=$postgres
    best "summary-$database-$count" "$kycuong" archive summary --database "$location" --format json \
      --today "$today"
    best "trend-$database-$count" "$kycuong" archive trend "$unit" --database "$location"
    best "overdue-$database-$count" "$kycuong" archive actions --overdue --today "$today" \
      --database "$location"
    # The fixed part of those whole commands: start, open the archive, one row, exit.
    best "open-$database-$count" "$kycuong" archive list --limit 1 --database "$location"
  done
  # The plans of the same queries on this archive, after ANALYZE (into the work folder, for the README).
  for database in sqlite pg; do
    location=$sqlite
    [[ $database == pg ]] && location=$postgres
    "$kycuong" archive explain --database "$location" --analyze --unit "$unit" --day 2026-06-01 \
      >"$work/explain-$database-$count.txt"
  done
  runs=$scan_runs best "report-$count" "$kycuong" report summary "$folder" --format json --today "$today"
  runs=$scan_runs best "python-$count" python3 Benchmarks/summary/mean_per_unit.py "$folder"
  # The same report from the archive as from the folder (the summaries' figures, not their timestamps).
  for database in sqlite pg; do
    if ! python3 - "$work/report-$count.out" "$work/summary-$database-$count.out" <<'PY'; then
import json, sys
def figures(path):
    summary = json.load(open(path, encoding="utf-8"))
    summary.pop("generatedAt", None)
    return summary
sys.exit(0 if figures(sys.argv[1]) == figures(sys.argv[2]) else 1)
PY
      echo "run.sh: archive summary ($database) differs from report summary at $count audits" >&2
      exit 1
    fi
  done
  overdue=$(($(wc -l <"$work/overdue-sqlite-$count.out") - 2)) # less the header and its rule
  trend_rows=$(($(wc -l <"$work/trend-sqlite-$count.out") - 2))
  rows+=("$(
    awk -v n="$count" -v gen="$(wall "gen-$count")" -v is="$(wall "import-sqlite-$count")" \
      -v ip="$(wall "import-pg-$count")" -v ss="$(wall "summary-sqlite-$count")" \
      -v sp="$(wall "summary-pg-$count")" -v rp="$(wall "report-$count")" -v py="$(wall "python-$count")" \
      -v mss="$(rss "summary-sqlite-$count")" -v msp="$(rss "summary-pg-$count")" \
      -v mrp="$(rss "report-$count")" -v mpy="$(rss "python-$count")" \
      -v ts="$(ms "trend-sqlite-$count")" -v tp="$(ms "trend-pg-$count")" \
      -v os="$(ms "overdue-sqlite-$count")" -v op="$(ms "overdue-pg-$count")" -v od="$overdue" \
      -v fs="$(ms "open-sqlite-$count")" -v fp="$(ms "open-pg-$count")" -v tr="$trend_rows" 'BEGIN {
      printf "| %d | %.1f | %.1f s, %.0f/s | %.1f s, %.0f/s | %.2f s, %d MiB | %.2f s, %d MiB | %.2f s, %d MiB | %.2f s, %d MiB | %.1f× / %.1f× | %d / %d ms (%d rows) | %d / %d ms (%d rows) | %d / %d ms |\n",
        n, gen, is, n / is, ip, n / ip, ss, mss, sp, msp, rp, mrp, py, mpy, rp / ss, rp / sp, ts, tp, tr, os, op, od, fs, fp
    }'
  )")
done

table=$(
  cat <<EOF
Run $(date -u +%Y-%m-%d) on $(nproc) cores: \`Benchmarks/archive/run.sh $*\`, $config build, best of $runs for
the archive's queries, of $scan_runs for the folder scans (one run for generation and import). Load average (1, 5, 15 min) before: $started_load;
after: $(load).

| audits | generate | import SQLite | import PostgreSQL | \`archive summary\` SQLite (wall, peak RSS) | \`archive summary\` PostgreSQL | \`report summary\` (folder) | Python (mean per unit) | folder ÷ archive (SQLite / PG) | \`trend UNIT\` SQLite / PG | \`actions --overdue\` SQLite / PG | start, open, one row (\`list --limit 1\`) SQLite / PG |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")
EOF
)
echo "$table"
if [[ ${WRITE:-1} == 1 ]]; then
  python3 - "$here/README.md" "$table" <<'PY'
import sys
path, table = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(head + begin + "\n" + table + "\n" + end + tail)
PY
  echo "(written into Benchmarks/archive/README.md)" >&2
fi
