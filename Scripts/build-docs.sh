#!/usr/bin/env bash
# Builds the documentation of every library product with the toolchain's docc: one archive per module, each
# resolving links into the ones below it, merged into one site.
#   build-docs.sh check        convert every module with warnings as errors, output discarded (part of `make test`)
#   build-docs.sh site DIR     write the combined static site to DIR
#   build-docs.sh preview      serve the core library's docs locally
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
# The same build as `swift test` (a no-op after it in `make test`): symbol graphs are read from its modules.
swift build --build-tests >/dev/null
bin=$(swift build --show-bin-path)
target="$(uname -m)-unknown-linux-gnu"
work=$(mktemp -d)
mkdir -p "$work/archives"
trap 'rm -rf "$work"' EXIT
# The C modules the products' dependencies import (swift-crypto's, SwiftNIO's, SQLite's, zlib) are found, as the
# build finds them, through the module maps it generated and those the packages ship.
module_maps=()
while IFS= read -r map; do module_maps+=(-Xcc "-fmodule-map-file=$map"); done < <(
  find "$bin" -maxdepth 2 -name module.modulemap
  find .build/checkouts -path '*/Sources/*' -name module.modulemap -not -path '*/Benchmarks/*'
)

# extract MODULE [OPTIONS…]: the module's public symbol graph into $work/symbols/MODULE.
extract() {
  local module=$1
  shift
  mkdir -p "$work/symbols/$module"
  swift-symbolgraph-extract -module-name "$module" -I "$bin/Modules" "${module_maps[@]}" -target "$target" \
    -minimum-access-level public -skip-inherited-docs -output-dir "$work/symbols/$module" "$@"
}

# convert MODULE CATALOG [DEPENDENCY…]: the module's archive, its links into the dependencies' archives resolved.
convert() {
  local module=$1 catalog=$2
  shift 2
  local dependencies=()
  for dependency in "$@"; do dependencies+=(--dependency "$work/archives/$dependency.doccarchive"); done
  docc convert "$catalog" --additional-symbol-graph-dir "$work/symbols/$module" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.kycuong.$module" \
    --enable-experimental-external-link-support --warnings-as-errors "${dependencies[@]}" \
    --output-path "$work/archives/$module.doccarchive" >"$work/$module.log" 2>&1 || {
    cat "$work/$module.log" >&2
    echo "docs: $module has warnings (above)" >&2
    failed=1
    return 0
  }
  echo "docs: $module builds with no warnings"
}
failed=0

# The core library is built in floor modules that `KyCuong` re-exports; its documentation is one module, so the
# graph is extracted for `KyCuong` with the symbols of every floor it re-exports.
floors=KyCuongSupport,KyCuongModel,KyCuongCatalog,KyCuongAudit,KyCuongScoring,KyCuongExport,KyCuongReports
extract KyCuong -experimental-allowed-reexported-modules="$floors"
for module in KyCuongIntegrity KyCuongStore KyCuongBundle KyCuongSpreadsheet KyCuongArchive KyCuongSync KyCuongServer; do
  extract "$module"
done

if [ "$mode" = preview ]; then
  exec docc preview Docs.docc --additional-symbol-graph-dir "$work/symbols/KyCuong" \
    --fallback-display-name KyCuong --fallback-bundle-identifier org.kycuong.KyCuong
fi

convert KyCuong Docs.docc
convert KyCuongIntegrity Sources/KyCuongIntegrity/KyCuongIntegrity.docc KyCuong
convert KyCuongStore Sources/KyCuongStore/KyCuongStore.docc KyCuong KyCuongIntegrity
convert KyCuongBundle Sources/KyCuongBundle/KyCuongBundle.docc KyCuong KyCuongIntegrity
convert KyCuongSpreadsheet Sources/KyCuongSpreadsheet/KyCuongSpreadsheet.docc KyCuong
convert KyCuongArchive Sources/KyCuongArchive/KyCuongArchive.docc KyCuong KyCuongIntegrity
convert KyCuongSync Sources/KyCuongSync/KyCuongSync.docc KyCuong KyCuongIntegrity
convert KyCuongServer Sources/KyCuongServer/KyCuongServer.docc KyCuong KyCuongIntegrity KyCuongArchive KyCuongSync

[ "$failed" = 0 ] || exit 1
case "$mode" in
  check) ;;
  site)
    dir=${2:-docs-site}
    rm -rf "$dir"
    docc merge "$work"/archives/{KyCuong,KyCuongIntegrity,KyCuongStore,KyCuongBundle,KyCuongSpreadsheet,KyCuongArchive,KyCuongSync,KyCuongServer}.doccarchive \
      --synthesized-landing-page-name KyCuong --output-path "$work/combined.doccarchive" >/dev/null
    docc process-archive transform-for-static-hosting "$work/combined.doccarchive" --output-path "$dir" \
      --hosting-base-path /
    echo "docs: static site of every product written to $dir (open $dir/documentation/kycuong/index.html through a web server)"
    ;;
  *) echo "usage: $0 check|site DIR|preview" >&2; exit 2 ;;
esac
