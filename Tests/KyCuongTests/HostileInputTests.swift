import Foundation
import KyCuong
import KyCuongSupport
import Testing

/// Files a careless or hostile hand may give KyCuong: each is refused with a message saying what is wrong, or
/// read for what it holds, and never crashes the reader or silently changes a result.
@Suite("Hostile input")
struct HostileInputTests {
  func sampleLog() throws -> (audit: Audit, log: Data) {
    let audit = try SampleAudit.audit()
    return (audit, try SampleAudit.log(audit))
  }

  func sparseFile(size: Int, in folder: URL, name: String) throws -> URL {
    let url = folder.appending(path: name)
    #expect(FileManager.default.createFile(atPath: url.path, contents: Data("{".utf8)))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: UInt64(size))
    try handle.close()
    return url
  }

  // MARK: - Truncated and concatenated

  @Test("a log cut at any byte keeps every event before the cut and reports the rest")
  func truncatedLog() throws {
    let (audit, log) = try sampleLog()
    let ends = log.indices.filter { log[$0] == UInt8(ascii: "\n") }
    for cut in stride(from: 0, to: log.count, by: 7) {
      let contents = EventLog.read(log.prefix(cut))
      let complete = ends.filter { $0 < cut }.count
      #expect(contents.events.count >= complete)
      #expect(Array(contents.events.prefix(complete)) == Array(audit.events.prefix(complete)))
      let partial = cut > 0 && log[cut - 1] != UInt8(ascii: "\n") && contents.events.count == complete
      #expect(!partial || contents.damage.count == 1)
    }
  }

  @Test("an export or checklist cut short is refused with the position")
  func truncatedExportAndChecklist() throws {
    let export = try AuditExport(try SampleAudit.audit()).jsonData()
    for cut in [1, export.count / 3, export.count / 2, export.count - 3] {
      #expect(throws: ExportError.self) { try AuditExport(data: export.prefix(cut)) }
      #expect(throws: AuditDocumentError.self) { try AuditDocument(data: export.prefix(cut)) }
    }
    let checklist = ChecklistJSON.document()
    let cut = String(checklist.prefix(checklist.count / 2))
    #expect(ChecklistJSON.rules(cut) == [.malformedJSON])
  }

  @Test("two logs run together are refused: the second start does not follow the first audit")
  func concatenatedLogs() throws {
    let (_, log) = try sampleLog()
    let twice = log + log
    #expect(throws: AuditError.self) { try EventLog.audit(from: twice) }
    do {
      _ = try EventLog.audit(from: twice)
    } catch {
      #expect(error.description.contains("does not follow"))
    }
    // Two exports one after the other are not one JSON document.
    let export = try AuditExport(try SampleAudit.audit()).jsonData()
    #expect(throws: ExportError.self) { try AuditExport(data: export + export) }
    #expect(ChecklistJSON.rules(ChecklistJSON.document() + ChecklistJSON.document()) == [.malformedJSON])
  }

  // MARK: - Nesting, encodings, numbers, keys

  @Test("JSON nested a hundred thousand deep is refused, not a stack overflow")
  func deepNesting() throws {
    let depth = 100_000
    let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(ChecklistJSON.rules(arrays) == [.malformedJSON])
    #expect(throws: JSONReader.SyntaxError.self) { try JSONReader.parse(arrays) }
    let line =
      #"{"v":1,"seq":1,"time":"2026-11-21T09:30:00Z","by":"a","type":"started","header":"#
      + arrays + "}\n"
    let contents = EventLog.read(Data(line.utf8))
    #expect(contents.events.isEmpty)
    #expect(contents.damage.count == 1)
    let export = #"{"format":"kycuong.audit/1","audit":"# + arrays + "}"
    #expect(throws: ExportError.self) { try AuditExport(data: Data(export.utf8)) }
    #expect(throws: AuditDocumentError.self) { try AuditDocument(data: Data(export.utf8)) }
  }

  @Test("invalid UTF-8 and NUL bytes are refused where they stand")
  func invalidBytes() throws {
    let (audit, log) = try sampleLog()
    var lines = log.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
    lines[2] = lines[2].prefix(20) + Data([0xFF, 0xFE, 0xC3]) + lines[2].dropFirst(20)
    lines[4] = lines[4].prefix(10) + Data([0x00]) + lines[4].dropFirst(10)
    let damaged = lines.reduce(Data()) { $0.isEmpty ? $1 : $0 + Data("\n".utf8) + $1 }
    let contents = EventLog.read(damaged)
    #expect(contents.damage.count == 2)
    #expect(contents.damage.map(\.line) == [3, 5])
    #expect(contents.damage.first?.description.hasPrefix("line 3:") == true)
    #expect(contents.damage.last?.description.hasPrefix("line 5:") == true)
    #expect(contents.events.count == audit.events.count - 2)
    var checklist = Data(ChecklistJSON.document().utf8)
    checklist.insert(0xFF, at: 20)
    #expect((try? ChecklistParser.parse(checklist, file: "x.json")) == nil)
    var withNUL = Data(ChecklistJSON.document().utf8)
    withNUL.insert(0x00, at: 20)
    #expect((try? ChecklistParser.parse(withNUL, file: "x.json")) == nil)
    var export = try AuditExport(audit).jsonData()
    export.insert(0xFF, at: 40)
    #expect(throws: ExportError.self) { try AuditExport(data: export) }
  }

  @Test("huge numbers are refused, not wrapped or rounded into another value")
  func hugeNumbers() throws {
    let (_, log) = try sampleLog()
    let lines = log.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    for huge in ["1e308", "99999999999999999999", "-99999999999999999999", "1.5"] {
      let changed = lines[1].replacingOccurrences(of: #""seq":2"#, with: #""seq":\#(huge)"#)
      let contents = EventLog.read(
        Data(([lines[0], changed] + lines.dropFirst(2)).joined(separator: "\n").utf8))
      #expect(contents.damage.count == 1, "seq \(huge)")
      #expect(contents.damage.first?.line == 2)
      #expect(contents.damage.first?.description.hasPrefix("line 2:") == true)
    }
    let observation = lines[4].replacingOccurrences(of: #""compliant":9"#, with: #""compliant":1e30"#)
    #expect(observation != lines[4])
    #expect(EventLog.read(Data(observation.utf8)).events.isEmpty)
    let weight = ChecklistJSON.document(sections: [
      ChecklistJSON.section("first", [ChecklistJSON.item("A-01", kind: #""check""#, #", "weight": 1e400"#)])
    ])
    #expect(!ChecklistJSON.rules(weight).isEmpty)
  }

  @Test("a key given twice in a checklist is refused; in a log line or an export it is refused too")
  func duplicateKeys() throws {
    let twice = ChecklistJSON.document(extra: [#""id": "other-list""#])
    #expect(ChecklistJSON.rules(twice).contains(.duplicateKey))
    let (_, log) = try sampleLog()
    let lines = log.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    // Event 2 answers C-01 "fail": a second "outcome" must not quietly turn it into a pass.
    let doubled = lines[1].replacingOccurrences(
      of: #""outcome":{"type":"fail"}"#, with: #""outcome":{"type":"fail"},"outcome":{"type":"pass"}"#)
    #expect(doubled != lines[1])
    let contents = EventLog.read(
      Data(([lines[0], doubled] + lines.dropFirst(2)).joined(separator: "\n").utf8))
    #expect(contents.damage == [LogDamage(line: 2, kind: .duplicateKey(path: "outcome"))])
    #expect(contents.damage.first?.description.contains("twice") == true)
    let export = String(decoding: try AuditExport(try SampleAudit.audit()).jsonData(), as: UTF8.self)
    let doubledExport = export.replacingOccurrences(
      of: #""format" : "kycuong.audit/1.1""#,
      with: #""format" : "kycuong.audit/1.1", "format" : "kycuong.audit/1""#)
    #expect(doubledExport != export)
    #expect(throws: ExportError.duplicateKey(path: "format")) {
      try AuditExport(data: Data(doubledExport.utf8))
    }
  }

  @Test("an export listing an item twice is refused (it crashed rescoring; found by the fuzzer)")
  func duplicateItemInExport() throws {
    var export = AuditExport(try SampleAudit.audit())
    export.items.append(export.items[0])
    let data = try export.jsonData()
    #expect(throws: ExportError.itemListedTwice("C-01")) { try AuditExport(data: data) }
    _ = export.rescore()
  }

  @Test("an export whose items do not match its checklist snapshot is refused, naming the item")
  func itemsAgainstSnapshot() throws {
    let original = AuditExport(try SampleAudit.audit())
    func refusal(_ change: (inout AuditExport) -> Void) throws -> ExportError? {
      var export = original
      change(&export)
      let data = try export.jsonData()
      do {
        _ = try AuditExport(data: data)
        return nil
      } catch {
        return error
      }
    }
    #expect(try refusal { _ in } == nil)
    #expect(try refusal { $0.items.removeLast() } == .itemMissing("POST-02"))
    #expect(
      try refusal { $0.items.swapAt(0, 1) }
        == .inconsistent(path: "items[0]", reason: "items are not in checklist order"))
    #expect(
      try refusal { export in
        var extra = export.items[0]
        extra.id = "ZZ-99"
        export.items.append(extra)
      } == .itemNotInChecklist("ZZ-99"))
    #expect(
      try refusal { $0.items[2].kind = .check }
        == .inconsistent(
          path: "items[2]", reason: "C-03: section, kind, weight, critical or tags differ from the snapshot"))
    #expect(
      try refusal { $0.items[0].weight = 100 }
        == .inconsistent(
          path: "items[0]", reason: "C-01: section, kind, weight, critical or tags differ from the snapshot"))
    // C-01 is a check item: an observation is no answer of it.
    let wrongKind = try refusal { $0.items[0].outcome = .observation(compliant: 1, observed: 2) }
    #expect(
      wrongKind
        == .outcomeNotAccepted(item: "C-01", problem: .wrongKind(kind: .check, outcome: "observation")))
    #expect(
      wrongKind?.description == "not a KyCuong export: C-01: a check item does not take an observation answer"
    )
    #expect(
      try refusal { $0.items[0].outcome = nil }
        == .inconsistent(path: "items[0]", reason: "C-01 is answered but has no outcome"))
  }

  // MARK: - Size

  @Test("files far over a sane size are refused before they are read")
  func oversized() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try sparseFile(size: BoundedFile.maximumLogSize + 1, in: folder, name: "huge.jsonl")
    #expect(
      throws: FileReadError.tooLarge(
        path: log.path, size: BoundedFile.maximumLogSize + 1, limit: BoundedFile.maximumLogSize)
    ) {
      try BoundedFile.read(log, limit: BoundedFile.maximumLogSize)
    }
    do {
      _ = try AuditDocument.read(from: log)
      Issue.record("read a file over the limit")
    } catch {
      #expect(error.description.contains("over the limit"))
    }
    let checklist = try sparseFile(size: BoundedFile.maximumChecklistSize + 1, in: folder, name: "huge.json")
    do {
      _ = try Catalog.load(file: checklist)
      Issue.record("loaded a checklist over the limit")
    } catch {
      #expect(error.issues.map(\.rule) == [.unreadableFile])
      #expect(error.issues.first?.message.contains("over the limit") == true)
    }
  }

  @Test("a folder, a missing file or a device where a file is expected gets a message naming it")
  func notAFile() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: FileReadError.isFolder(path: folder.path)) { try BoundedFile.read(folder, limit: 100) }
    let missing = folder.appending(path: "none.json")
    #expect(throws: FileReadError.notFound(path: missing.path)) { try BoundedFile.read(missing, limit: 100) }
    let device = URL(fileURLWithPath: "/dev/zero")
    #expect(throws: FileReadError.notRegularFile(path: device.path)) {
      try BoundedFile.read(device, limit: 100)
    }
    // A symbolic link to a file is read as the file; one to a folder is refused as a folder.
    let target = folder.appending(path: "t.json")
    try Data("{}".utf8).write(to: target)
    let link = folder.appending(path: "link.json")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    #expect(try BoundedFile.read(link, limit: 100) == Data("{}".utf8))
    let folderLink = folder.appending(path: "folder-link")
    try FileManager.default.createSymbolicLink(at: folderLink, withDestinationURL: folder)
    #expect(throws: FileReadError.isFolder(path: folderLink.path)) {
      try BoundedFile.read(folderLink, limit: 100)
    }
  }

  // MARK: - Attachments

  @Test("attaching a folder, a missing file, a device or a link says what it is; a link attaches its target")
  func attachments() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: AuditError.attachmentUnreadable(path: folder.path, problem: .isFolder)) {
      try Attachment.make(fileAt: folder, by: "a", at: Fixed.start)
    }
    let missing = folder.appending(path: "none.jpg")
    #expect(throws: AuditError.attachmentUnreadable(path: missing.path, problem: .missing)) {
      try Attachment.make(fileAt: missing, by: "a", at: Fixed.start)
    }
    let photo = folder.appending(path: "photo.jpg")
    try Data(repeating: 7, count: 1000).write(to: photo)
    let link = folder.appending(path: "link.jpg")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: photo)
    let direct = try Attachment.make(fileAt: photo, by: "a", at: Fixed.start)
    let linked = try Attachment.make(fileAt: link, by: "a", at: Fixed.start)
    #expect(linked.size == 1000)
    #expect(linked.sha256 == direct.sha256)
    let dangling = folder.appending(path: "dangling.jpg")
    try FileManager.default.createSymbolicLink(at: dangling, withDestinationURL: missing)
    #expect(throws: AuditError.self) { try Attachment.make(fileAt: dangling, by: "a", at: Fixed.start) }
    // A device or a pipe never ends: refused instead of read for ever.
    do {
      _ = try Attachment.make(fileAt: URL(fileURLWithPath: "/dev/zero"), by: "a", at: Fixed.start)
      Issue.record("attached /dev/zero")
    } catch {
      #expect(error.description.contains("/dev/zero"))
    }
  }
}
