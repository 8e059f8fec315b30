#!/usr/bin/env bash
# make test's steps, one `make STEP` each, in order, stopping at the first that fails; at the end (or at the
# failure) a table of each step's wall-clock time, so that a slower `make test` says which step grew.
# Usage: Scripts/run-checks.sh STEP...
set -uo pipefail
cd "$(dirname "$0")/.."
declare -a names=() seconds=()
report() {
  echo
  echo "make test — time per step (wall clock):"
  local total=0
  for index in "${!names[@]}"; do
    printf '  %-20s %5d s\n' "${names[$index]}" "${seconds[$index]}"
    total=$((total + seconds[index]))
  done
  printf '  %-20s %5d s\n' "total" "$total"
}
for step in "$@"; do
  started=$(date +%s)
  echo "== make $step"
  make --no-print-directory "$step"
  status=$?
  names+=("$step")
  seconds+=($(($(date +%s) - started)))
  if [ "$status" -ne 0 ]; then
    report
    echo "make test: the step '$step' failed (status $status)" >&2
    exit "$status"
  fi
done
report
