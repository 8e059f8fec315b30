import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

struct AuditStoreTests {
  @Test func theDefaultDirectoryFollowsXDG() {
    let home = URL(fileURLWithPath: "/home/an")
    #expect(
      AuditStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/data"], home: home).path
        == "/data/kycuong/audits")
    #expect(
      AuditStore.defaultDirectory(environment: [:], home: home).path == "/home/an/.local/share/kycuong/audits"
    )
    // A relative XDG_DATA_HOME is invalid by the spec and ignored.
    #expect(
      AuditStore.defaultDirectory(environment: ["XDG_DATA_HOME": "data"], home: home).path
        == "/home/an/.local/share/kycuong/audits")
  }

  /// Moved from the report tests with `AuditFiles`, which became `AuditStore.locate(_:)`.
  @Test func auditIsFoundByPathOrByIdInTheStore() throws {
    let temporary = try TemporaryDirectory()
    let harness = try Harness(temporary: temporary)
    let id = try harness.startAudit()
    harness.send("quit")
    let store = AuditStore(directory: harness.auditsDirectory)
    let log = harness.auditsDirectory.appending(path: "\(id).jsonl")
    #expect(try store.locate(id) == log)
    // A path is taken as it is, whatever the store.
    #expect(
      try AuditStore(directory: URL(fileURLWithPath: "/nowhere")).locate(log.path)
        == URL(fileURLWithPath: log.path))
    // An export beside the logs is found by id too.
    let exported = harness.auditsDirectory.appending(path: "other.json")
    try Data("{}".utf8).write(to: exported)
    #expect(try store.locate("other") == exported)
    let missing = AuditStoreError.auditNotFound(name: "missing", directory: harness.auditsDirectory.path)
    #expect(throws: missing) { try store.locate("missing") }
    #expect(missing.description.contains("no audit \"missing\""))
    #expect(
      AuditStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/d"]).path == "/d/kycuong/audits")
    #expect(
      AuditStore.defaultDirectory(environment: ["HOME": "/h"]).path == "/h/.local/share/kycuong/audits")
    // The report library's error for an audit it cannot find keeps its messages in both languages.
    let error = ReportError.auditNotFound(name: "x", store: "/s")
    #expect(error.message(.vi).contains("không tìm thấy"))
    #expect(error.message(.en).contains("no audit"))
  }

  @Test func eachEventIsOneLineOnDisk() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["10/12", "đạt", "note ghi chú"])
    let text = try String(contentsOf: harness.store.logURL(for: id), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 5)  // four events and the empty string after the last newline
    #expect(lines.last == "")
    #expect(text.hasSuffix("\n"))
  }

  @Test func resumeReturnsToTheItemTheInspectorWasOnWithNotesIntact() throws {
    let first = try Harness()
    let id = try first.startAudit()
    first.run(["10/12", "ghi chú thẻ mẫu cũ", "đạt", "goto BADGE-01", "note ảnh chụp lúc 8:10"])
    let file = first.filesDirectory.appending(path: "a.txt")
    try Data("x".utf8).write(to: file)
    first.send("attach a.txt")
    #expect(first.send("quit").exit)

    let second = try Harness(temporary: first.temporary)
    let welcome = second.session.welcome()
    #expect(welcome.contains("1 cuộc kiểm tra chưa kết thúc:"))
    #expect(welcome.contains(id))
    #expect(welcome.contains("`resume \(id)`"))
    let resumed = second.send("resume \(id)")
    #expect(resumed.succeeded, "\(resumed.text)")
    #expect(resumed.text.hasPrefix("Tiếp tục cuộc kiểm tra \(id): UBND phường Hàng Bạc, đã trả lời 2/5."))
    // Where the inspector was (`goto BADGE-01`), not the first open item.
    #expect(second.session.currentItemID == "BADGE-01")
    #expect(second.session.prompt == "[1/5 BADGE-01] › ")
    let audit = try #require(second.session.audit)
    // The note typed right after answering BADGE-01 is on BADGE-01, the item just answered.
    #expect(audit.records["BADGE-01"]?.notes.map(\.text) == ["thẻ mẫu cũ", "ảnh chụp lúc 8:10"])
    #expect(audit.records["BADGE-02"]?.notes.map(\.text) == [])
    #expect(audit.records["BADGE-01"]?.attachments.map(\.name) == ["a.txt"])
    #expect(audit.records["BADGE-01"]?.state == .answered(.observation(compliant: 10, observed: 12)))
    #expect(second.send("goto BADGE-01").text.contains(": ảnh chụp lúc 8:10"))
    // Prefixes work when unique.
    second.send("quit")
    #expect(second.send("tiep tuc \(id.prefix(14))").succeeded)
  }

  /// The position file is kept only while `resume` could not find the inspector's place from the log:
  /// answering item after item writes none (issue 13: it was a fifth of an answer's cost), and after every
  /// step a second session resuming the audit lands where the first one is.
  @Test func resumeLandsWhereTheInspectorIsAfterEveryStepAndAnswersInOrderWriteNoPositionFile() throws {
    let first = try Harness()
    let id = try first.startAudit()
    let file = first.store.positionURL(for: id)
    func expectResumeLandsWhereTheInspectorIs(
      after step: String, sourceLocation: SourceLocation = #_sourceLocation
    )
      throws
    {
      let second = try Harness(temporary: first.temporary)
      let resumed = second.send("resume \(id) --read-only")
      #expect(resumed.succeeded, "\(resumed.text)", sourceLocation: sourceLocation)
      #expect(
        second.session.currentItemID == first.session.currentItemID, "after \(step)",
        sourceLocation: sourceLocation)
      #expect(
        second.session.focusItemID == first.session.focusItemID, "after \(step)",
        sourceLocation: sourceLocation)
      second.send("quit")
    }
    try expectResumeLandsWhereTheInspectorIs(after: "start")
    for step in ["10/12", "ghi chú thẻ mẫu cũ", "đạt"] {
      #expect(first.send(step).succeeded, "\(step)")
      try expectResumeLandsWhereTheInspectorIs(after: step)
    }
    // In order: the place is the one after the last change, and no file says it.
    #expect(!FileManager.default.fileExists(atPath: file.path))
    #expect(first.send("goto BADGE-01").succeeded)
    try expectResumeLandsWhereTheInspectorIs(after: "goto")
    #expect(FileManager.default.fileExists(atPath: file.path))
    let steps = [
      "note ảnh chụp lúc 8:10", "next", "back", "9/12", "skip POST-01 không có bảng", "goto POST-02", "3",
      "back",
      "undo", "next", "next",
    ]
    for step in steps {
      first.send(step)
      try expectResumeLandsWhereTheInspectorIs(after: step)
    }
    // Answering in order again: the file is removed, not rewritten.
    #expect(first.send("goto POST-00").succeeded)
    #expect(first.send("đạt").succeeded)
    try expectResumeLandsWhereTheInspectorIs(after: "đạt")
    #expect(!FileManager.default.fileExists(atPath: file.path))
    first.send("quit")
  }

  @Test func aSecondStoreOpeningTheSameAuditIsToldWhoHoldsIt() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let other = AuditStore(directory: harness.auditsDirectory)
    // flock locks belong to an open file description: a second open in this same process conflicts too.
    #expect {
      try other.open(id)
    } throws: { error in
      guard case .locked(let lockedID, let holder?) = error as? AuditStoreError else { return false }
      return lockedID == id && holder.pid == ProcessInfo.processInfo.processIdentifier
        && holder.host == ProcessInfo.processInfo.hostName && !holder.user.isEmpty
    }
    let readOnly = try other.open(id, readOnly: true)
    #expect(readOnly.readOnly)
    #expect(readOnly.audit.id == id)
    #expect(throws: AuditStoreError.notOpenForWriting(id: id)) {
      try other.append(AuditEvent(sequence: 2, time: Date(), author: "X", change: .finished), to: id)
    }
    // Once the holder lets go, the other store can take it.
    harness.send("quit")
    #expect(try other.open(id).readOnly == false)
  }

  @Test func aSecondSessionIsRefusedWithTheHolderNamedAndMayOpenReadOnly() throws {
    let first = try Harness()
    let id = try first.startAudit()
    let second = try Harness(temporary: first.temporary)
    let refused = second.send("resume \(id)")
    #expect(!refused.succeeded)
    let pid = ProcessInfo.processInfo.processIdentifier
    #expect(
      refused.text.hasPrefix(
        "Không mở được: cuộc kiểm tra \(id) đang mở ở một kycuong khác (pid \(pid), người dùng "))
    #expect(refused.text.contains("máy \(ProcessInfo.processInfo.hostName)"))
    #expect(refused.text.contains("`resume \(id) --read-only`"))
    let readOnly = second.send("resume \(id) --read-only")
    #expect(readOnly.succeeded)
    #expect(second.session.prompt == "[1/5 BADGE-01 chỉ đọc] › ")
    let answer = second.send("10/12")
    #expect(!answer.succeeded)
    #expect(answer.text.hasPrefix("Cuộc kiểm tra \(id) đang mở chỉ để đọc"))
    #expect(first.send("10/12").succeeded)
    // Leaving a read-only session does not claim to have saved anything.
    #expect(second.session.endOfInput().text == "Tạm biệt.")
  }

  @Test func aTruncatedLastLineLosesNoCompleteAnswerAndTheNextAnswerGetsItsOwnLine() throws {
    let first = try Harness()
    let id = try first.startAudit()
    first.run(["10/12", "đạt", "note thẻ cũ"])
    first.send("quit")
    let log = first.store.logURL(for: id)
    // A crash mid-write: half an event, no newline.
    let handle = try FileHandle(forWritingTo: log)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"by":"Nguyễn Văn An","item":"POST-00","outcome":{"ty"#.utf8))
    try handle.close()

    let second = try Harness(temporary: first.temporary)
    let resumed = second.send("resume \(id)")
    #expect(resumed.succeeded, "\(resumed.text)")
    #expect(resumed.text.contains("Nhật ký có chỗ hỏng"))
    #expect(resumed.text.contains("incomplete last line"))
    #expect(resumed.text.contains("Đã cắt dòng cuối bị dở"))
    let audit = try #require(second.session.audit)
    #expect(audit.records["BADGE-01"]?.state == .answered(.observation(compliant: 10, observed: 12)))
    #expect(audit.records["BADGE-02"]?.state == .answered(.pass))
    // The note followed the answer to BADGE-02: it is on BADGE-02.
    #expect(audit.records["BADGE-02"]?.notes.map(\.text) == ["thẻ cũ"])
    #expect(second.session.currentItemID == "POST-00")
    #expect(second.send("không đạt").succeeded)

    let data = try Data(contentsOf: log)
    let contents = EventLog.read(data)
    #expect(contents.damage.isEmpty)
    #expect(contents.events.count == 5)
    #expect(String(decoding: data, as: UTF8.self).split(separator: "\n").count == 5)
    #expect(try second.savedAudit(id).records["POST-00"]?.state == .answered(.fail))
    let kept = try String(contentsOf: second.store.damagedTailURL(for: id), encoding: .utf8)
    #expect(kept.contains(#""outcome":{"ty"#))
  }

  @Test func aWholeLastEventMissingOnlyItsNewlineIsKept() throws {
    let first = try Harness()
    let id = try first.startAudit()
    first.run(["10/12", "đạt"])
    first.send("quit")
    let log = first.store.logURL(for: id)
    var data = try Data(contentsOf: log)
    #expect(data.removeLast() == UInt8(ascii: "\n"))
    try data.write(to: log)

    let store = AuditStore(directory: first.auditsDirectory)
    let opened = try store.open(id)
    #expect(opened.repair == .newlineAdded)
    #expect(opened.audit.records["BADGE-02"]?.state == .answered(.pass))
    #expect(try Data(contentsOf: log).last == UInt8(ascii: "\n"))
  }

  @Test func listPutsUnfinishedAuditsFirst() throws {
    let harness = try Harness()
    let finished = try harness.startAudit()
    harness.run(["10/12", "đạt", "không đạt", "3", "Tốt", "finish", "c"])
    let unfinished = try harness.startAudit()
    harness.send("12/12")
    let summaries = harness.store.list()
    #expect(summaries.map(\.id) == [unfinished, finished])
    #expect(summaries[0].answered == 1)
    #expect(summaries[0].applicable == 5)
    #expect(summaries[0].unit == "UBND phường Hàng Bạc")
    #expect(summaries[0].checklist == "test-conduct")
    #expect(summaries[1].isFinished)
    let audits = harness.send("audits")
    #expect(audits.text.contains("đã kết thúc"))
    #expect(audits.text.contains("1/5"))
  }

  @Test func idsThatAreNotPlainFileNamesAreRefused() throws {
    let store = AuditStore(directory: try TemporaryDirectory().url)
    #expect(throws: AuditStoreError.badID("../etc/passwd")) { try store.open("../etc/passwd") }
    #expect(throws: AuditStoreError.self) { try store.open("khong-co") }
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
  func aLockHeldByAnotherProcessRefusesTheOpen() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("quit")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    // The other process holds the lock for two seconds (flock waits for its child, so keep it short).
    process.arguments = ["--exclusive", harness.store.lockURL(for: id).path, "-c", "echo held; sleep 2"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    defer { process.waitUntilExit() }
    // Wait until the other process says it holds the lock.
    _ = pipe.fileHandleForReading.availableData
    #expect(throws: AuditStoreError.self) { try AuditStore(directory: harness.auditsDirectory).open(id) }
    #expect(try AuditStore(directory: harness.auditsDirectory).open(id, readOnly: true).readOnly)
  }
}
