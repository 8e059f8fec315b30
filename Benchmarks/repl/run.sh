#!/usr/bin/env bash
# Benchmarks of the kycuong REPL (not a test: it prints figures, it does not judge them).
#
#   Benchmarks/repl/run.sh [--no-build] [ANSWERS]
#
# Builds the release binary, then measures (see bench.py):
#   (a) launch to first prompt in a pseudo-terminal, median of 20 runs;
#   (b) time per recorded answer, fsync included: ANSWERS (default 240) answers piped into one process, and
#       round-trips in a pty (answer typed → next prompt), median and p95;
#   (c) peak memory (max RSS): /usr/bin/time -v on the piped run when installed, and VmHWM from
#       /proc/PID/status just before the pty session exits.
# Audits are written under a temporary folder on the same file system as $BENCH_DIR (default: /tmp); fsync
# cost depends on that file system.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCRATCH=${SCRATCH:-.build-e2e}
if [[ "${1:-}" == "--no-build" ]]; then
  shift
else
  swift build -c release --scratch-path "$SCRATCH" --product kycuong >&2
fi
BINARY="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/kycuong"
exec python3 Benchmarks/repl/bench.py "$BINARY" "${1:-240}"
