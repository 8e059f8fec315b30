import Foundation
import KyCuong
import KyCuongSamples
import KyCuongSupport
import Testing

/// The trust rule of the one-parse reading (issue 13): reading an export refuses exactly what the reading of
/// session 5 refused (the strict reader, then `JSONDecoder` over the bytes), with the same error, and reads
/// every other file into the same value. Checked on every case of ``ReadingCases`` two ways: against the
/// outcomes recorded with the reading of session 5 (`Tests/Expected/export-reading-outcomes.txt`;
/// `KYCUONG_UPDATE_OUTCOMES=1` rewrites it), and against that reading itself, kept as the oracle.
@Suite("Export reading: one parse, the same verdicts")
struct ExportReadingTests {
  static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appending(path: "Expected/export-reading-outcomes.txt")

  /// What reading `data` gives, as a line: the SHA-256 of the export as written again, or the error's text;
  /// then the same for the reader of either kind of file.
  static func outcome(_ data: Data) -> String {
    func written(_ export: AuditExport) -> String {
      (try? export.jsonData()).map { SHA256Digest.hex(of: $0) } ?? "unencodable"
    }
    let export: String
    do {
      export = "read " + written(try AuditExport(data: data))
    } catch {
      export = "refused " + error.description
    }
    let document: String
    do {
      switch try AuditDocument(data: data) {
      case .export(let read): document = "export " + written(read)
      case .log(let audit, let damage):
        document =
          "log " + written(AuditExport(audit)) + " " + damage.map(\.description).joined(separator: "; ")
      }
    } catch {
      document = "refused " + error.description
    }
    return export + " | " + document
  }

  @Test("every case reads as the reading of session 5 read it (KYCUONG_UPDATE_OUTCOMES=1 records it)")
  func recordedOutcomes() throws {
    let cases = try ReadingCases.all()
    #expect(cases.count > 150)
    let lines = cases.map { "\($0.name)\t\(Self.outcome($0.data))" }
    let text = lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["KYCUONG_UPDATE_OUTCOMES"] == "1" {
      try FileManager.default.createDirectory(
        at: Self.expected.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: Self.expected)
    }
    let recorded = try String(contentsOf: Self.expected, encoding: .utf8).split(separator: "\n").map(
      String.init)
    #expect(recorded.count == lines.count)
    for (line, old) in zip(lines, recorded) {
      #expect(line == old)
    }
  }

  @Test("every case reads into the same value, or fails with the same error, as the reading over the bytes")
  func sameAsTheOracle() throws {
    for (name, data) in try ReadingCases.all() {
      let once = Result { () throws(ExportError) in try AuditExport(data: data) }
      let twice = Result { () throws(ExportError) in try AuditExport.readDecodingBytes(data) }
      #expect(once == twice, "\(name)")
      let document = Result { () throws(AuditDocumentError) in try AuditDocument(data: data) }
      switch (document, twice) {
      case (.success(.export(let read)), .success(let expected)): #expect(read == expected, "\(name)")
      case (.failure(.export(let error)), .failure(let expected)): #expect(error == expected, "\(name)")
      default: break
      }
    }
  }

  @Test("the cases reach the decoder over the bytes, and every refusal the reader makes")
  func casesReachEveryPath() throws {
    let cases = try ReadingCases.all()
    let inexact = cases.filter { (try? JSONReader.parseDocument($0.data))?.hasInexactNumbers == true }
    #expect(inexact.count >= 15)
    let reasons = cases.compactMap { _, data -> ExportError? in
      if case .failure(let error) = Result(catching: { () throws(ExportError) in try AuditExport(data: data) }
      ) {
        return error
      }
      return nil
    }
    func count(_ test: (ExportError) -> Bool) -> Int { reasons.filter(test).count }
    #expect(count { if case .notJSON = $0 { true } else { false } } >= 15)
    #expect(count { if case .duplicateKey = $0 { true } else { false } } >= 5)
    #expect(count { if case .unknownFormat = $0 { true } else { false } } >= 2)
    #expect(count { if case .decoding = $0 { true } else { false } } >= 30)
    #expect(count { if case .itemListedTwice = $0 { true } else { false } } >= 1)
    #expect(count { if case .itemMissing = $0 { true } else { false } } >= 1)
    #expect(count { if case .itemNotInChecklist = $0 { true } else { false } } >= 1)
    #expect(count { if case .outcomeNotAccepted = $0 { true } else { false } } >= 3)
    #expect(count { if case .inconsistent = $0 { true } else { false } } >= 8)
  }

  @Test(
    "a checked snapshot is remembered by its exact value: a changed one, or one spelled otherwise, is checked"
  )
  func snapshotsAreRememberedByExactValue() throws {
    let base = try HostileExports.base()
    let json = try JSONReader.parse(base)
    let first = try AuditExport(data: base)
    #expect(CheckedSnapshots.count >= 1)
    #expect(try AuditExport(data: base) == first)
    func variant(_ change: (inout JSONValue) -> Void) -> Data {
      var copy = json
      change(&copy)
      return Data((HostileExports.Printer.pretty(copy) + "\n").utf8)
    }
    let path = ["checklist", "snapshot", "title", "vi"]
    guard case .string(let title)? = json.at(path) else {
      Issue.record("no snapshot title")
      return
    }
    // The title in another Unicode form: equal as a `String`, other bytes; the export keeps its own.
    let decomposed = title.decomposedStringWithCanonicalMapping
    #expect(decomposed == title && !decomposed.utf8.elementsEqual(title.utf8))
    let other = try AuditExport(data: variant { $0.set(path, .string(decomposed)) })
    #expect(other.checklist.snapshot.title.vi.utf8.elementsEqual(decomposed.utf8))
    let expected = try AuditExport.readDecodingBytes(variant { $0.set(path, .string(decomposed)) })
    #expect(other == expected)
    // A rule broken under the same id and version, after the good snapshot was remembered.
    let broken = variant {
      $0.set(["checklist", "snapshot", "scoring", "partialCredit"], .number(2))
    }
    #expect(throws: ExportError.self) { try AuditExport(data: broken) }
    #expect(
      Result { () throws(ExportError) in try AuditExport(data: broken) }
        == Result { () throws(ExportError) in try AuditExport.readDecodingBytes(broken) })
  }

  @Test("minus zero is not zero to the remembered snapshots")
  func minusZeroIsItsOwnSnapshot() throws {
    let checklist = try ReportFixtures.checklist()
    var json = checklist.jsonValue
    json.set(["scoring", "partialCredit"], .number(0))
    var negative = json
    negative.set(["scoring", "partialCredit"], .number(-0.0))
    let zero = try CheckedSnapshots.checklist(json, file: "test")
    let minusZero = try CheckedSnapshots.checklist(negative, file: "test")
    #expect(zero.scoring.partialCredit.sign == .plus)
    #expect(minusZero.scoring.partialCredit.sign == .minus)
    let parsed = try ChecklistParser.parse(negative, file: "test")
    #expect(minusZero == parsed)
  }

  @Test("at most a few snapshots are remembered")
  func rememberedSnapshotsAreBounded() throws {
    let checklist = try ReportFixtures.checklist()
    for index in 0..<(CheckedSnapshots.capacity + 5) {
      var json = checklist.jsonValue
      json.set(["title", "en"], .string("Title \(index)"))
      _ = try CheckedSnapshots.checklist(json, file: "bounded")
    }
    #expect(CheckedSnapshots.count == CheckedSnapshots.capacity)
  }

  /// Exports of the sample generator's audits and of an audit on each standard checklist, and the
  /// standard checklists' files.
  static func realFiles() throws -> [(name: String, data: Data)] {
    var files: [(String, Data)] = []
    for index in 0..<40 {
      files.append(("sample-\(index)", try AuditExport(SampleAudits.audit(index, seed: 2026)).jsonData()))
    }
    for checklist in try Catalog.standard.checklists {
      var audit = try ReportFixtures.audit(
        id: "20260210-0900-standard-\(checklist.id.prefix(8))", unit: ReportFixtures.hangBac,
        checklist: checklist,
        start: "2026-02-10T02:00:00Z", answers: [], finish: false)
      // A few answers, where the items apply to this unit.
      for item in checklist.sections.flatMap(\.items).filter({ $0.kind.name == .check }).prefix(6) {
        try? audit.record(
          .answered(item: item.id, outcome: .pass, remark: nil), by: ReportFixtures.leader,
          at: ReportFixtures.time("2026-02-10T02:30:00Z"))
      }
      files.append(("standard-\(checklist.id)", try AuditExport(audit).jsonData()))
    }
    let folder = Environment.packageRoot.appending(path: "Checklists")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    where name.hasSuffix(".json") {
      files.append((name, try Data(contentsOf: folder.appending(path: name))))
    }
    return files
  }

  @Test(
    "the strict reader gives every real file the value Foundation's parser gives: the same canonical bytes")
  func canonicalBytesAsFoundationReadsThem() throws {
    let files = try Self.realFiles() + (try ReadingCases.all())
    var compared = 0
    for (name, data) in files {
      // A key twice (even in two spellings Foundation takes for one) is refused by every reader.
      guard let value = try? JSONReader.parse(data), value.firstDuplicateKey == nil,
        let foundation = try? JSONCoding.decoder().decode(JSONValue.self, from: data),
        let ours = try? CanonicalJSON.data(value)
      else { continue }
      compared += 1
      #expect(ours == (try CanonicalJSON.data(foundation)), "\(name)")
    }
    #expect(compared > 100)
  }

  @Test("the sample generator's exports and exports on every standard checklist read as over the bytes")
  func realFilesReadAsOverTheBytes() throws {
    for (name, data) in try Self.realFiles() where name.hasPrefix("sample-") || name.hasPrefix("standard-") {
      let once = try AuditExport(data: data)
      #expect(once == (try AuditExport.readDecodingBytes(data)), "\(name)")
      #expect(try once.jsonData() == data, "\(name)")
    }
  }

  @Test("the parser notes a key given twice exactly when the document has one, in small and large objects")
  func duplicateKeysNoted() throws {
    var cases = try ReadingCases.all().map(\.data)
    let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    for extra in [
      "", ", \"k3\": 1", ", \"k39\": 1", ", \"Kelvin\": 1, \"\\u212Aelvin\": 2",
      ", \"x\": {\"b\": 1, \"b\": 2}",
    ] {
      cases.append(Data(("{" + many + extra + "}").utf8))
    }
    var found = 0
    for data in cases {
      guard let document = try? JSONReader.parseDocument(data) else { continue }
      let first = document.value.firstDuplicateKey
      #expect(document.hasDuplicateKeys == (first != nil), "\(first ?? "none")")
      if first != nil { found += 1 }
    }
    #expect(found >= 9)
  }
}
