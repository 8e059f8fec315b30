#!/usr/bin/env bash
# A third-party package, as another team would write it: it depends on KyCuong by path with `traits: []`,
# imports only `KyCuong`, and runs the first six steps of the "Building a tool on KyCuong" article (taken from
# Tests/KyCuongIntegrityTests/TutorialTests.swift, so it is the article's own code). Checks that it resolves no
# other package, builds with no C library (no libedit hint), and runs. Part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/InspectionTool"
# A path package takes its folder's name as its identity: name the folder KyCuong, as a checkout would be.
ln -s "$root" "$work/KyCuong"

cat >"$work/Package.swift" <<EOF
// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "InspectionTool",
  dependencies: [.package(path: "KyCuong", traits: [])],
  targets: [
    .executableTarget(
      name: "InspectionTool", dependencies: [.product(name: "KyCuong", package: "KyCuong")])
  ]
)
EOF

{
  echo 'import Foundation'
  echo 'import KyCuong'
  echo 'enum TutorialError: Error { case noChecklist }'
  echo 'let folder = FileManager.default.temporaryDirectory.appending(path: "inspection-tool-\(UUID().uuidString)")'
  echo 'try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)'
  echo 'defer { try? FileManager.default.removeItem(at: folder) }'
  # The snippets start … summary, in order; the re-inspection the test makes between them is made here from
  # the first audit with the same public calls.
  python3 - "$root/Tests/KyCuongIntegrityTests/TutorialTests.swift" <<'EOF'
import sys
source = open(sys.argv[1], encoding="utf-8").read().split("\n")
snippets, current, name = {}, None, None
for line in source:
    text = line.strip()
    if text.startswith("// snippet:"):
        name, current = text.split(":", 1)[1].strip(), []
    elif text == "// end snippet" and current is not None:
        indent = min(len(l) - len(l.lstrip(" ")) for l in current if l.strip())
        snippets[name] = "\n".join(l[indent:] for l in current)
        current = None
    elif current is not None:
        current.append(line)
later = '''var later = Audit(
  header: AuditHeader(
    id: AuditHeader.makeID(unit: unit.name, at: audit.startedAt.addingTimeInterval(30 * 86_400)),
    checklist: checklist, unit: unit, team: team, visitType: .scheduled, context: header.context),
  recorder: "Trần Thị Bình", clock: .fixed(audit.startedAt.addingTimeInterval(30 * 86_400)))
for item in audit.applicableItems {
  if let outcome = audit.records[item.id]?.outcome { try later.answer(item.id, outcome) }
}
try later.finish()
let laterURL = folder.appending(path: "\\(later.id).json")
try AuditExport(later).jsonData().write(to: laterURL)'''
for step in ["start", "answer", "export", "record"]:
    print(snippets[step])
print(later)
for step in ["compare", "summary"]:
    print(snippets[step])
print('print("inspection-tool: \\(summary.audits) audits summarised")')
EOF
} >"$work/Sources/InspectionTool/main.swift"

cd "$work"
swift package resolve >/dev/null
dependencies=$(swift package show-dependencies --format json | python3 -c '
import json, sys
def names(node):
    for d in node.get("dependencies", []):
        yield d["name"]
        yield from names(d)
print(" ".join(sorted(set(names(json.load(sys.stdin))))))')
if [ "$dependencies" != "kycuong" ] && [ "$dependencies" != "KyCuong" ]; then
  echo "consumer: a package with traits: [] resolves more than KyCuong: $dependencies" >&2
  exit 1
fi
log=$(swift build 2>&1) || { echo "$log" >&2; echo "consumer: the third-party package does not build" >&2; exit 1; }
if grep -qi "libedit" <<<"$log"; then
  echo "consumer: building the core printed a libedit hint" >&2
  exit 1
fi
output=$(swift run --skip-build InspectionTool)
grep -q "inspection-tool: 2 audits summarised" <<<"$output" || {
  echo "$output" >&2
  echo "consumer: the tutorial's steps did not run to the end" >&2
  exit 1
}
echo "consumer: a package with traits: [] importing only KyCuong resolves nothing else, builds and runs the tutorial"
