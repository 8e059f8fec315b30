#!/usr/bin/env bash
# Fuzzes KyCuong with libFuzzer: the checklist loader and validator, the event log reader, the export reader,
# the REPL's line parser, the renderers of the record, comparison and summary (HTML, Markdown, text, CSV), the
# CSV writer's field and the merge of a team audit's device logs (Tests/Fuzz/<target>.swift).
#
#   Scripts/fuzz.sh [RUNS] [TARGET…]     RUNS per target (default 20000); targets default to all.
#
# It ends with a table: per target the executions, executions per second, seconds, corpus size (seeds and
# inputs found) and crashes.
#
# Every run first replays the committed seed corpus (Tests/Fuzz/Corpus/<target>/), which keeps every input
# that once crashed a target as a regression test, then mutates for RUNS executions. New interesting inputs go
# to .build-fuzz/corpus/<target>/ (not committed); a crash leaves its input in .build-fuzz/crashes/ and fails
# the script: fix the bug, then copy the input into the seed corpus.
#
# The library is compiled with swiftc directly (-sanitize=fuzzer,address): KyCuong is Foundation-only, so its
# floors need only a stub for the checklists the build plugin would embed (Tests/Fuzz/Support/).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-20000}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then TARGETS=(checklist eventlog export replline reports csvfield teammerge); fi
OUT=.build-fuzz
SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6)
mkdir -p "$OUT/corpus" "$OUT/crashes"

max_len() {
  case "$1" in
    checklist | export | reports | teammerge) echo 65536 ;;
    eventlog) echo 8192 ;;
    replline | csvfield) echo 256 ;;
  esac
}

# The library's floors, each its own module as in Package.swift, compiled in order (a floor sees only the ones
# below it) into one archive; rebuilt when any of their sources (or the stub) is newer than the archive.
FLOORS=(Support Model Catalog Audit Scoring Export Reports)
if [ ! -f "$OUT/libKyCuong.a" ] \
  || [ -n "$(find Sources/KyCuong Tests/Fuzz/Support/EmbeddedChecklistsStub.swift -newer "$OUT/libKyCuong.a" -name '*.swift')" ]; then
  echo "fuzz: compiling KyCuong's floors with -sanitize=fuzzer,address…"
  objects=()
  for floor in "${FLOORS[@]}" ""; do
    module=KyCuong$floor
    if [ -n "$floor" ]; then
      mapfile -t sources < <(find "Sources/KyCuong/$floor" -name '*.swift' | sort)
      # The build plugin generates the standard checklists into the catalog floor; the stub stands in.
      [ "$floor" = Catalog ] && sources+=(Tests/Fuzz/Support/EmbeddedChecklistsStub.swift)
    else
      sources=(Sources/KyCuong/KyCuong.swift)
    fi
    if ! "$SWIFTC" "${FLAGS[@]}" -package-name kycuong -module-name "$module" -I "$OUT" -emit-module \
      -emit-module-path "$OUT/$module.swiftmodule" -c -wmo -o "$OUT/$module.o" "${sources[@]}" \
      >"$OUT/compile-$module.log" 2>&1; then
      grep -v 'ld.gold: warning' "$OUT/compile-$module.log" | head -40
      exit 1
    fi
    objects+=("$OUT/$module.o")
  done
  rm -f "$OUT/libKyCuong.a"
  ar rcs "$OUT/libKyCuong.a" "${objects[@]}"
fi

status=0
built=()
for target in "${TARGETS[@]}"; do
  sources=("Tests/Fuzz/$target.swift" Tests/Fuzz/Support/FuzzInput.swift)
  if [ "$target" = replline ]; then
    # The REPL's parsing code only (Input/): the rest of the REPL is not needed to parse a line.
    mapfile -t repl < <(find Sources/KyCuongREPL/Input -name '*.swift' | sort)
    sources+=("${repl[@]}")
  fi
  # The renderers' and the CSV writer's checks read CSV back.
  if [ "$target" = reports ] || [ "$target" = csvfield ]; then sources+=(Tests/Fuzz/Support/CSVFields.swift); fi
  binary="$OUT/fuzz-$target"
  if [ ! -f "$binary" ] || [ "$OUT/libKyCuong.a" -nt "$binary" ] \
    || [ -n "$(find "${sources[@]}" -newer "$binary")" ]; then
    echo "fuzz: compiling $target…"
    # The linker's warnings about sanitizer symbols are noise; the log keeps them.
    if ! "$SWIFTC" "${FLAGS[@]}" -package-name kycuong -module-name "Fuzz_$target" -I "$OUT" "${sources[@]}" \
      "$OUT/libKyCuong.a" \
      -o "$binary" >"$OUT/compile-$target.log" 2>&1; then
      grep -v 'ld.gold: warning' "$OUT/compile-$target.log" | head -40
      status=1
      continue
    fi
  fi
  built+=("$target")
done

# The targets run side by side (FUZZ_JOBS at a time, default 2: the machine's cores).
JOBS=${FUZZ_JOBS:-2}
run_target() {
  local target=$1
  mkdir -p "$OUT/corpus/$target"
  # Swift's own crash backtracer trips AddressSanitizer; libFuzzer prints the stack itself.
  local started code=0
  started=$(date +%s%N)
  # `|| code=$?`: under `set -e` a crash would end this subshell before its status is written, and a status
  # file left by an earlier run would then report the crash as a success.
  rm -f "$OUT/$target.status"
  SWIFT_BACKTRACE=enable=no "$OUT/fuzz-$target" "$OUT/corpus/$target" "Tests/Fuzz/Corpus/$target" \
    -runs="$RUNS" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$OUT/crashes/$target-" >"$OUT/$target.log" 2>&1 || code=$?
  echo "$code" >"$OUT/$target.status"
  echo $((($(date +%s%N) - started) / 1000000)) >"$OUT/$target.milliseconds"
}
touch "$OUT/run-started"
echo "fuzz: ${built[*]}: $RUNS runs each after the seed corpus, $JOBS at a time…"
running=0
for target in "${built[@]}"; do
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true
table=()
for target in "${built[@]}"; do
  log="$OUT/$target.log"
  execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  seeds=$(find "Tests/Fuzz/Corpus/$target" -type f | wc -l)
  found=$(find "$OUT/corpus/$target" -type f | wc -l)
  crashes=$(find "$OUT/crashes" -name "$target-*" -newer "$OUT/run-started" -type f | wc -l)
  # Time and speed from the run's wall clock in milliseconds: libFuzzer's own average is 0 for a run under a
  # second.
  milliseconds=$(cat "$OUT/$target.milliseconds" 2>/dev/null || echo 0)
  seconds=$(awk -v ms="$milliseconds" 'BEGIN { printf "%.1f", ms / 1000 }')
  speed=$(awk -v n="${execs:-0}" -v ms="$milliseconds" 'BEGIN { if (ms > 0) printf "%d", n * 1000 / ms; else print "?" }')
  if [ "$(cat "$OUT/$target.status" 2>/dev/null)" = 0 ]; then
    echo "fuzz: $target ok: ${execs:-?} executions (${speed:-?}/s, $seeds seeds replayed), no crash"
  else
    status=1
    crashes=$((crashes > 0 ? crashes : 1))
    echo "fuzz: $target FAILED (log: $log):"
    grep -E 'ERROR|Fatal error|SUMMARY|Test unit written|artifact' "$log" | head -20 || tail -30 "$log"
  fi
  table+=("$(printf '| %-9s | %10s | %8s | %7s | %22s | %7s |' "$target" "${execs:-?}" "${speed:-?}" \
    "$seconds" "$seeds + $found" "$crashes")")
done
echo
echo "| target    | executions |   exec/s | seconds | corpus (seeds + found) | crashes |"
echo "|-----------|-----------:|---------:|--------:|-----------------------:|--------:|"
printf '%s\n' "${table[@]}"
exit $status
