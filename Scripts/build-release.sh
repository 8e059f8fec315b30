#!/usr/bin/env bash
# Builds the kycuong to install and to measure: release, with the Swift runtime and Foundation linked
# statically, in .build-release (SCRATCH to choose another folder). Prints the binary's path on standard output.
#
# Why static: a kycuong linked against the toolchain's shared libraries spends most of its start in the
# dynamic loader (some 19,000 symbol lookups against libswiftCore and Foundation, 72% of a start without a
# terminal); linked statically, the start is half the instructions, and the binary runs on a machine without
# the Swift toolchain (Benchmarks/README.md, session 15). Foundation's XML part, which reads XLSX workbooks,
# then links libxml2 itself: libxml2-dev is installed with apt-get when pkg-config does not find it.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build-release}
if ! pkg-config --exists libxml-2.0 2>/dev/null; then
  echo "Installing libxml2-dev (Foundation's XML, linked statically into the release build)…" >&2
  apt-get update >&2 && apt-get install -y libxml2-dev >&2
fi
flags=(-c release --static-swift-stdlib --scratch-path "$scratch")
swift build "${flags[@]}" --product kycuong >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/kycuong"
