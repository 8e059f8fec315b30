import Foundation
import KyCuongArchive
import Testing

/// The same set of files for several importers: exports of `count` audits and the chained logs of every
/// other one (the same state in another form, so importers also meet on one audit with two documents).
private func sharedFiles(count: Int, in folder: URL) throws -> (files: [URL], audits: Int) {
  var files = try ArchiveSamples.writeExports(count: count, seed: 23, to: folder)
  for index in stride(from: 0, to: count, by: 2) {
    let audit = ArchiveSamples.audit(index, seed: 23)
    let url = folder.appending(path: "\(ArchiveSamples.id(audit)).jsonl")
    try ArchiveSamples.chainedLog(audit).write(to: url)
    files.append(url)
  }
  return (files, count)
}

/// `files` in an order of their own for importer `index` (a fixed shuffle, so a failure repeats).
private func order(_ files: [URL], for index: Int) -> [URL] {
  var generator = SeededGenerator(state: UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
  return index == 0 ? files : files.shuffled(using: &generator)
}

private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Every audit once, every file stored, the links sound.
private func expectComplete(
  _ archive: DepartmentArchive, files: [URL], audits: Int, sourceLocation: SourceLocation = #_sourceLocation
) async throws {
  let statistics = try await archive.statistics()
  #expect(statistics.audits == audits, sourceLocation: sourceLocation)
  #expect(statistics.documents == files.count, sourceLocation: sourceLocation)
  #expect(statistics.refusals == 0, sourceLocation: sourceLocation)
  #expect(statistics.itemResults == audits * 50, sourceLocation: sourceLocation)
  for file in files {
    let sha256 = try #require(ArchiveDocument.sha256(of: try Data(contentsOf: file)) as String?)
    #expect(
      try await archive.document(sha256) != nil, "lost: \(file.lastPathComponent)",
      sourceLocation: sourceLocation)
  }
  #expect(try await archive.verify().problems == [], sourceLocation: sourceLocation)
}

@Suite("Several importers at once, and a crash mid-import")
struct ArchiveConcurrencyTests {
  @Test(
    "two processes import the same files at once: every audit once, no error, no lost file",
    .enabled(if: KyCuongBinary.url != nil, "needs the kycuong executable built beside the tests"),
    arguments: TestBackend.allCases)
  func twoProcesses(backend: TestBackend) async throws {
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (files, audits) = try sharedFiles(count: 16, in: folder)
    try await withArchive(backend) { archive, location in
      let children = try (0..<2).map { index in
        try KyCuongBinary.importing(
          order(files, for: index), into: location, options: ["--from", "process \(index)"])
      }
      for child in children {
        let status = await child.waitForExit()
        #expect(status == 0, "\(child.lines)")
        let results = child.lines.filter { $0.hasPrefix(folder.path) }
        #expect(results.count == files.count, "\(child.lines)")
        #expect(
          results.allSatisfy { $0.contains(": archived ") || $0.contains(": already archived ") },
          "\(child.lines)")
      }
      // Each file archived by exactly one of them.
      let archivedLines = children.flatMap(\.lines).filter { $0.contains(": archived ") }
      #expect(archivedLines.count == files.count)
      try await expectComplete(archive, files: files, audits: audits)
    }
  }

  @Test(
    "eight connections import the same files at once: every audit once, no error, no lost file",
    arguments: TestBackend.allCases)
  func eightConnections(backend: TestBackend) async throws {
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (files, audits) = try sharedFiles(count: 12, in: folder)
    try await withArchive(backend) { archive, location in
      let outcomes = try await withThrowingTaskGroup(of: [ImportOutcome].self) { group in
        for index in 0..<8 {
          group.addTask {
            let connection = try await DepartmentArchive.open(location)
            var outcomes: [ImportOutcome] = []
            for file in order(files, for: index) {
              outcomes.append(try await connection.importFile(file, from: "connection \(index)"))
            }
            await connection.close()
            return outcomes
          }
        }
        return try await group.reduce(into: []) { $0 += $1 }
      }
      #expect(outcomes.count == files.count * 8)
      #expect(
        outcomes.allSatisfy { $0.receipt != nil || $0.isAlreadyArchived },
        "\(outcomes.filter { $0.refusal != nil })")
      #expect(outcomes.filter { $0.receipt != nil }.count == files.count)
      try await expectComplete(archive, files: files, audits: audits)
    }
  }

  /// `kycuong archive import` prepares the next files on other cores while it archives one: prepared in any
  /// order and at once, then archived in order, files give what importing them one by one gives.
  @Test(
    "files prepared at once and archived in order: as one by one; bytes archived meanwhile are already archived",
    arguments: TestBackend.allCases)
  func preparedAhead(backend: TestBackend) async throws {
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (files, audits) = try sharedFiles(count: 8, in: folder)
    let missing = folder.appending(path: "missing.json")
    let notAnAudit = folder.appending(path: "not-an-audit.json")
    try Data("{}".utf8).write(to: notAnAudit)
    let all = files + [missing, notAnAudit]
    try await withArchive(backend) { archive, _ in
      let prepared = try await withThrowingTaskGroup(of: (Int, PreparedFile).self) { group in
        for (index, file) in all.enumerated() {
          group.addTask { (index, try await archive.prepare(file)) }
        }
        return try await group.reduce(into: [Int: PreparedFile]()) { $0[$1.0] = $1.1 }
      }
      // The first file comes in by another way between its preparation and its turn.
      #expect(try await archive.importFile(all[0], from: "Đoàn 2").receipt != nil)
      var outcomes: [ImportOutcome] = []
      for index in all.indices {
        outcomes.append(try await archive.importPrepared(try #require(prepared[index]), from: "Đoàn 1"))
      }
      #expect(outcomes[0].isAlreadyArchived)
      #expect(outcomes[1..<files.count].allSatisfy { $0.receipt != nil }, "\(outcomes)")
      #expect(outcomes[files.count].refusal?.rule == .unreadable)
      #expect(outcomes[files.count + 1].refusal != nil)
      let statistics = try await archive.statistics()
      #expect(statistics.audits == audits && statistics.documents == files.count && statistics.refusals == 2)
      // Refused in the order given.
      #expect(
        try await archive.importLog(last: 2).map(\.fileName) == [missing, notAnAudit].map(\.relativePath))
      // Prepared once archived: not parsed, already archived.
      #expect(
        try await archive.importPrepared(try await archive.prepare(files[1]), from: "Đoàn 1")
          .isAlreadyArchived)
      #expect(try await archive.verify().problems == [])
    }
  }

  @Test(
    "kill -9 mid-import leaves the archive consistent, and the next import completes it",
    .enabled(if: KyCuongBinary.url != nil, "needs the kycuong executable built beside the tests"),
    arguments: TestBackend.allCases)
  func killMidImport(backend: TestBackend) async throws {
    let folder = try TestFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try ArchiveSamples.writeExports(count: 10, seed: 31, to: folder)
    try await withArchive(backend) { archive, location in
      let child = try KyCuongBinary.importing(
        files, into: location, options: ["--pause-before-commit", "120", "--pause-at", "6"])
      let paused = try await child.waitForLine(startingWith: "PAUSED ")
      #expect(paused == "PAUSED \(files[5].path)", "\(child.lines)")
      // Everything of the sixth file is written, not committed: kill the process there.
      child.killHard()
      #expect(await child.waitForExit() == SIGKILL)
      #expect(child.lines.filter { $0.contains(": archived ") }.count == 5, "\(child.lines)")

      // A new connection sees the five committed imports and nothing of the sixth.
      let after = try await DepartmentArchive.open(location)
      let statistics = try await after.statistics()
      #expect(statistics.audits == 5 && statistics.documents == 5 && statistics.itemResults == 5 * 50)
      #expect(statistics.importLogEntries == 5)
      let sixth = ArchiveDocument.sha256(of: try Data(contentsOf: files[5]))
      #expect(try await after.document(sixth) == nil)
      #expect(try await after.verify().problems == [])

      // The next import completes it.
      let again = try KyCuongBinary.importing(files, into: location)
      #expect(await again.waitForExit() == 0, "\(again.lines)")
      #expect(again.lines.filter { $0.contains(": already archived ") }.count == 5, "\(again.lines)")
      #expect(again.lines.filter { $0.contains(": archived ") }.count == 5, "\(again.lines)")
      try await expectComplete(after, files: files, audits: 10)
      await after.close()
    }
  }
}
