// A child process for the archive's tests (and by hand):
//
//   ArchiveTestImporter LOCATION [--from NAME] [--pause-before-commit SECONDS [--pause-at N]] FILE…
//   ArchiveTestImporter LOCATION --explain UNIT DAY
//
// Opens the archive at LOCATION (a SQLite path or a postgres:// URL), imports each FILE in order and prints
// one line per file: `archived FILE`, `already FILE` or `refused FILE: REASON`. With --pause-before-commit it
// prints `PAUSED FILE` once a file's transaction has written everything, then waits before committing, so
// that a test can kill it there (with --pause-at N, only at the Nth file). Exits 0 when every file was
// handled, 1 when the archive failed. With --explain it updates the planner's statistics (ANALYZE) and
// prints the plans of the archive's main queries (Benchmarks/archive/explain.sh).
import Foundation
import KyCuongArchive

var arguments = Array(CommandLine.arguments.dropFirst())
var source = "ArchiveTestImporter"
var pause: Double?
var pauseAt: Int?
var explain = false
var files: [String] = []
var location: String?
while !arguments.isEmpty {
  let argument = arguments.removeFirst()
  switch argument {
  case "--from": source = arguments.isEmpty ? source : arguments.removeFirst()
  case "--pause-before-commit": pause = arguments.isEmpty ? nil : Double(arguments.removeFirst())
  case "--pause-at": pauseAt = arguments.isEmpty ? nil : Int(arguments.removeFirst())
  case "--explain": explain = true
  default:
    if location == nil { location = argument } else { files.append(argument) }
  }
}
guard let location else {
  FileHandle.standardError.write(Data("usage: ArchiveTestImporter LOCATION [--from NAME] FILE…\n".utf8))
  exit(64)
}

/// One line on standard output, unbuffered: the parent reads it while this process runs.
@Sendable func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
  let archive = try await DepartmentArchive.open(
    try ArchiveLocation(location), program: "ArchiveTestImporter")
  if explain {
    try await printPlans(archive, unit: files.first ?? "", day: files.dropFirst().first ?? "2026-06-01")
    await archive.close()
    exit(0)
  }
  for (index, file) in files.enumerated() {
    var wait: DepartmentArchive.Pause?
    if let pause, pauseAt == nil || pauseAt == index + 1 {
      wait = DepartmentArchive.Pause(duration: .milliseconds(Int(pause * 1000))) { say("PAUSED \($0)") }
    }
    let outcome = try await archive.importFile(URL(fileURLWithPath: file), from: source, pause: wait)
    switch outcome {
    case .archived: say("archived \(file)")
    case .alreadyArchived: say("already \(file)")
    case .refused(let refusal): say("refused \(file): \(refusal)")
    }
  }
  await archive.close()
} catch {
  FileHandle.standardError.write(Data("ArchiveTestImporter: \(error)\n".utf8))
  exit(1)
}

/// ANALYZE, then the plan of each main query.
func printPlans(_ archive: DepartmentArchive, unit: String, day: String) async throws {
  try await archive.executeForTesting("ANALYZE")
  let statistics = try await archive.statistics()
  say("\(archive.backend.rawValue): \(statistics.audits) audits, \(statistics.correctiveActions) actions")
  var someDocument: String?
  if let entry = try await archive.audits(ofUnit: unit).first {
    someDocument = try await archive.audit(entry.auditID)?.currentDocument
  }
  let queries: [(String, ArchiveQuery)] = [
    ("every audit of a unit since a day", .auditsOfUnit(unit: unit, since: day)),
    ("a unit's score trend", .scoreTrend(unit: unit)),
    ("a unit's focus-area trend", .focusAreaTrend(unit: unit)),
    ("overdue actions across the province", .overdueActions(asOf: day)),
    ("who sent this document", .document(sha256: someDocument ?? String(repeating: "0", count: 64))),
    ("what a leader signed", .documentsSigned(fingerprint: "3f9a 0c1d 77e2 9b40")),
  ]
  for (title, query) in queries {
    say("-- \(title)")
    for line in try await archive.explain(query) { say(line) }
  }
}
