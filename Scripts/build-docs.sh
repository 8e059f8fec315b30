#!/usr/bin/env bash
# Builds Docs.docc with the toolchain's docc against the KyCuong library's symbol graph.
#   build-docs.sh check        convert with warnings as errors, output discarded (part of `make test`)
#   build-docs.sh site DIR     write the static site to DIR
#   build-docs.sh preview      serve the docs locally
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
scratch=.build-docs
symbols="$scratch/symbol-graphs"
# Not emptied first: an up-to-date build does not compile again, so it would not write the graphs again.
mkdir -p "$symbols"
# A scratch path of its own: the symbol-graph flags would otherwise invalidate the test build.
swift build --target KyCuong --scratch-path "$scratch" \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$symbols" \
  -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public >/dev/null
# Keep only the library's own graphs (not those of Foundation or the standard library).
find "$symbols" -type f ! -name 'KyCuong*.symbols.json' -delete
common=(Docs.docc --additional-symbol-graph-dir "$symbols" --fallback-display-name KyCuong
  --fallback-bundle-identifier org.kycuong.KyCuong --warnings-as-errors)
case "$mode" in
  check)
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
    docc convert "${common[@]}" --output-path "$out/KyCuong.doccarchive"
    echo "docs: Docs.docc builds with no warnings"
    ;;
  site)
    dir=${2:-docs-site}
    rm -rf "$dir"
    docc convert "${common[@]}" --output-path "$dir" --transform-for-static-hosting \
      --hosting-base-path /
    echo "docs: static site written to $dir (open $dir/documentation/kycuong/index.html through a web server)"
    ;;
  preview)
    docc preview "${common[@]}"
    ;;
  *) echo "usage: $0 check|site DIR|preview" >&2; exit 2 ;;
esac
