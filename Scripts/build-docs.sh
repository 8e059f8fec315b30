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
rm -rf "$symbols"
mkdir -p "$symbols"
# A scratch path of its own, so the documentation build never invalidates the test build.
swift build --target KyCuong --scratch-path "$scratch" >/dev/null
# The library is built in floor modules that `KyCuong` re-exports; its documentation is one module, so the
# graph is extracted for `KyCuong` with the symbols of every floor it re-exports.
floors=KyCuongSupport,KyCuongModel,KyCuongCatalog,KyCuongAudit,KyCuongScoring,KyCuongExport,KyCuongReports
bin=$(swift build --scratch-path "$scratch" --show-bin-path)
swift-symbolgraph-extract -module-name KyCuong -I "$bin/Modules" -target "$(uname -m)-unknown-linux-gnu" \
  -minimum-access-level public -skip-inherited-docs -experimental-allowed-reexported-modules="$floors" \
  -output-dir "$symbols"
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
