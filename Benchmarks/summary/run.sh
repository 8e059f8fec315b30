#!/usr/bin/env bash
# Benchmark (not a test): `kycuong report summary --format json` over N realistic audits, beside jq and a
# short Python script computing the same figure (mean overall score per unit) from the same files.
#   Benchmarks/summary/run.sh [N]        N audits (default 10000), about 50 items each, as exports
# Environment: KYCUONG (a kycuong already built: no build), SWIFT_SCRATCH (build scratch path, default .build),
# KEEP=1 keeps the generated folder, RUNS (timed runs per tool, default 3; the best is reported).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
count=${1:-10000}
runs=${RUNS:-3}
scratch=${SWIFT_SCRATCH:-.build}
command -v jq >/dev/null || { echo "run.sh: jq is needed (apt-get install -y jq)" >&2; exit 1; }

if [[ -n "${KYCUONG:-}" ]]; then
  kycuong=$KYCUONG
else
  echo "Building kycuong (release)…"
  swift build -c release --product kycuong --scratch-path "$scratch" >/dev/null
  kycuong="$(swift build -c release --product kycuong --scratch-path "$scratch" --show-bin-path)/kycuong"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kycuong-bench.XXXXXX")
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/audits"
echo "Generating $count audits with the library (scores are the library's own)…"
"$kycuong" report generate-samples "$work/audits" --count "$count" --seed 2026
echo "  $(find "$work/audits" -name '*.json' | wc -l) files, $(du -sh "$work/audits" | cut -f1)"
# Warm the page cache so every tool reads from memory, as the second run of any of them would.
cat "$work"/audits/*.json >/dev/null 2>&1 || find "$work/audits" -name '*.json' -exec cat {} + >/dev/null

# time_best NAME OUTPUT COMMAND…: best wall time of $runs runs, with CPU time of that run.
time_best() {
  local name=$1 output=$2
  shift 2
  local best=""
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$output"
    read -r wall user sys <"$work/time"
    if [[ -z $best ]] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best="$wall $user $sys"
    fi
  done
  echo "$best" >"$work/$name.time"
}

echo "Timing (best of $runs)…"
time_best kycuong "$work/kycuong.json" "$kycuong" report summary "$work/audits" --format json --today 2026-12-31
time_best jq "$work/jq.json" bash -c "find '$work/audits' -name '*.json' -exec cat {} + | jq -n '
  reduce inputs as \$a ({}; if \$a.scores.overall == null then . else .[\$a.audit.unit.name] += [\$a.scores.overall] end)
  | map_values(add / length)'"
time_best python "$work/python.json" python3 "$here/mean_per_unit.py" "$work/audits"

python3 "$here/compare_figures.py" "$work/kycuong.json" "$work/jq.json" "$work/python.json"
read -r kw ku ks <"$work/kycuong.time"
read -r jw ju js <"$work/jq.time"
read -r pw pu ps <"$work/python.time"
awk -v kw="$kw" -v ku="$ku" -v ks="$ks" -v jw="$jw" -v ju="$ju" -v js="$js" -v pw="$pw" -v pu="$pu" -v ps="$ps" \
  -v n="$count" -v cores="$(nproc)" 'BEGIN {
  printf "%-9s %8s %8s %6s\n", "tool", "wall s", "cpu s", "cores"
  printf "%-9s %8.2f %8.2f %6.2f\n", "kycuong", kw, ku + ks, (ku + ks) / kw
  printf "%-9s %8.2f %8.2f %6.2f\n", "jq", jw, ju + js, (ju + js) / jw
  printf "%-9s %8.2f %8.2f %6.2f\n", "python", pw, pu + ps, (pu + ps) / pw
  printf "kycuong is %.2fx the speed of jq and %.2fx the speed of python (%d audits, %d cores)\n", jw / kw, pw / kw, n, cores
}'
