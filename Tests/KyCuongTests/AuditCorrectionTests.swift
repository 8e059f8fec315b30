import Foundation
import KyCuong
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Corrections (retract, undo through retract, reopen), who records and who speaks, signing, and what the
/// export and the record make of them (issue 12).
@Suite("Audit corrections and closing")
struct AuditCorrectionTests {
  static let checklist = AuditTests.checklist

  func newAudit() -> Audit {
    var audit = Build.audit(Self.checklist)
    audit.clock = AuditClock { Fixed.at(60) }
    return audit
  }

  /// The error `body` throws, or `nil` (the audit tests' helper).
  func refusal(_ body: () throws -> Void) -> AuditError? { AuditTests().refusal(body) }

  @Test("a retracted note, attachment, action, explanation, finding or recommendation leaves the state")
  func retractEntries() throws {
    var audit = newAudit()
    let note = try audit.note("Ghi nhầm mục", on: "BADGE-01")
    let kept = try audit.note("Ảnh bàn tiếp nhận", on: "BADGE-01")
    let explanation = try audit.explain("Thẻ đang làm lại", on: "BADGE-01", speaker: "Lê Thị Hà")
    let finding = try audit.addFinding("Phát hiện sai")
    let recommendation = try audit.addRecommendation("Kiến nghị sai")
    let action = try audit.requireAction("Làm lại thẻ", owner: "Văn phòng", due: Fixed.day("2027-01-05"))
    let attachment = Attachment(
      path: "/tmp/a.jpg", size: 3, sha256: String(repeating: "a", count: 64), by: "x", at: Fixed.at(1))
    let attached = try audit.attach(attachment, to: "BADGE-01")
    for event in [note, explanation, finding, recommendation, action, attached] {
      try audit.retract(event.sequence, reason: "ghi nhầm")
    }
    let record = try #require(audit.records["BADGE-01"])
    #expect(record.notes.map(\.text) == ["Ảnh bàn tiếp nhận"])
    #expect(record.notes.first?.event == kept.sequence)
    #expect(record.explanations.isEmpty && record.attachments.isEmpty)
    #expect(audit.findings.isEmpty && audit.recommendations.isEmpty && audit.correctiveActions.isEmpty)
    #expect(audit.retractions.map(\.withdrawn.sequence) == [2, 4, 5, 6, 7, 8])
    #expect(audit.retractions.allSatisfy { $0.reason == "ghi nhầm" })
    // The log keeps everything: replaying it gives the same audit.
    #expect(try Audit(replaying: audit.events) == audit)
    #expect(try Audit(replaying: audit.events).retractions == audit.retractions)
    // The export lists the withdrawn entries whole; its lists hold only those in effect.
    let export = AuditExport(audit)
    #expect(export.retractions?.count == 6)
    #expect(export.retractions?.first?.withdrawn.change == .noted(item: "BADGE-01", text: "Ghi nhầm mục"))
    #expect(export.items[0].notes.map(\.text) == ["Ảnh bàn tiếp nhận"])
    let reread = try AuditExport(data: try export.jsonData())
    #expect(reread == export)
  }

  @Test("retracting an answer returns the item to its state before; retracting the retraction restores it")
  func retractAnswers() throws {
    var audit = newAudit()
    try audit.answer("BADGE-01", .fail)
    let second = try audit.answer("BADGE-01", .pass, remark: "tìm thấy thẻ")
    let retraction = try audit.retract(second.sequence, reason: "hoàn tác (undo)")
    #expect(audit.records["BADGE-01"]?.state == .answered(.fail))
    #expect(audit.records["BADGE-01"]?.history.isEmpty == true)
    try audit.retract(retraction.sequence, reason: "đổi ý")
    #expect(audit.records["BADGE-01"]?.state == .answered(.pass))
    #expect(audit.records["BADGE-01"]?.history.count == 1)
    let skip = try audit.skip("POST-00", reason: "Bảng bị che")
    try audit.retract(skip.sequence, reason: "bỏ qua nhầm")
    #expect(audit.records["POST-00"]?.state == .unanswered)
    #expect(audit.openItems.map(\.id).contains("POST-00"))
    // What cannot be withdrawn, or twice, is refused and changes nothing.
    let before = audit
    #expect(refusal { try audit.retract(1, reason: "x") } == .notRetractable(event: 1, type: "started"))
    #expect(refusal { try audit.retract(skip.sequence, reason: "x") } == .alreadyRetracted(skip.sequence))
    #expect(refusal { try audit.retract(99, reason: "x") } == .noSuchEvent(99))
    #expect(refusal { try audit.retract(2, reason: " ") } == .emptyText(field: .reason))
    #expect(audit == before)
  }

  @Test("the same answer again is not a change; a new remark is")
  func sameAnswerIsNotAChange() throws {
    var audit = newAudit()
    try audit.answer("BADGE-01", .pass)
    #expect(refusal { try audit.answer("BADGE-01", .pass) } == .unchanged(item: "BADGE-01"))
    #expect(audit.events.count == 2)
    try audit.answer("BADGE-01", .pass, remark: "xem lại: vẫn đạt")
    #expect(audit.events.count == 3)
  }

  @Test("finish, reopen with a reason, finish again; a signed audit stays closed")
  func reopenAndSign() throws {
    var audit = newAudit()
    for (item, outcome) in [
      ("BADGE-01", Outcome.pass), ("BADGE-02", .observation(compliant: 3, observed: 4)),
    ] {
      try audit.answer(ItemID(item), outcome)
    }
    try audit.answer("BADGE-03", .scale(3))
    try audit.answer("BADGE-04", .text("Ổn"))
    try audit.answer("POST-00", .fail)
    #expect(refusal { try audit.reopen(reason: "x") } == .notFinished)
    #expect(refusal { try audit.sign() } == .notFinished)
    try audit.finish()
    #expect(refusal { try audit.note("muộn") } == .alreadyFinished)
    try audit.reopen(reason: "quên ghi ảnh")
    #expect(!audit.isFinished)
    try audit.note("Ảnh bổ sung")
    try audit.finish()
    try audit.setRecordDetails(pages: 3, copies: 2)
    let refusalEvent = try audit.recordRefusalToSign("Lê Văn C", reason: "không đồng ý kết luận")
    try audit.sign(keyFingerprint: nil)
    #expect(audit.isSigned)
    #expect(audit.signing?.signer == Fixed.inspector)
    #expect(refusal { try audit.reopen(reason: "x") } == .alreadySigned)
    #expect(refusal { try audit.note("x") } == .alreadySigned)
    let export = AuditExport(audit)
    #expect(export.audit.reopenings?.map(\.text) == ["quên ghi ảnh"])
    #expect(export.audit.recordDetails == RecordDetails(pages: 3, copies: 2))
    #expect(export.audit.refusals?.map(\.name) == ["Lê Văn C"])
    #expect(export.audit.refusals?.first?.event == refusalEvent.sequence)
    #expect(export.audit.signing?.signer == Fixed.inspector)
    #expect(try Audit(replaying: audit.events) == audit)
    // Counts below one are refused.
    var other = newAudit()
    #expect(refusal { try other.countStaff(0) } == .invalidCount(field: .staffPresent, value: 0))
  }

  @Test("an explanation is in its speaker's name; every entry in its recorder's")
  func speakerAndRecorder() throws {
    var audit = newAudit()
    try audit.setRepresentative("Lê Thị Hà", title: "Phó Chủ tịch UBND phường")
    audit.recorder = Fixed.colleague
    try audit.explain("Cán bộ quên thẻ ở nhà", on: "BADGE-01")
    let explanation = try #require(audit.records["BADGE-01"]?.explanations.first)
    #expect(explanation.speaker == "Lê Thị Hà")
    #expect(explanation.by == Fixed.colleague)
    #expect(audit.header.unit.representativeTitle == "Phó Chủ tịch UBND phường")
    let record = InspectionRecord(export: AuditExport(audit))
    let markdown = record.markdown(language: .vi)
    #expect(
      markdown.contains(
        "Lê Thị Hà, Phó Chủ tịch UBND phường trình bày: Cán bộ quên thẻ ở nhà (ghi: Trần Thị Bình"))
    #expect(markdown.contains("Lê Thị Hà, Phó Chủ tịch UBND phường"))
  }

  @Test("the record leaves withdrawn entries out, states pages, copies and refusals, and lists roles")
  func recordOfCorrections() throws {
    let header = AuditHeader(
      id: "20261121-0930-ubnd-phuong-hang-bac-3f9a", checklist: Self.checklist,
      unit: InspectedUnit(name: "UBND phường Hàng Bạc", address: "16 Lê Thái Tổ"),
      team: InspectionTeam(people: [
        TeamMember(name: Fixed.inspector, title: "Phó Giám đốc Sở Nội vụ", role: .leader),
        TeamMember(name: Fixed.colleague, role: .secretary),
      ]), visitType: .surprise)
    var audit = Audit(header: header, recorder: Fixed.inspector, clock: AuditClock { Fixed.at(60) })
    let wrong = try audit.note("Ghi chú nhầm chỗ", on: "BADGE-01")
    try audit.retract(wrong.sequence, reason: "nhầm mục")
    try audit.answer("BADGE-01", .pass)
    try audit.answer("BADGE-02", .observation(compliant: 3, observed: 4))
    try audit.answer("BADGE-03", .scale(3))
    try audit.answer("BADGE-04", .text("Ổn"))
    try audit.answer("POST-00", .fail)
    try audit.finish()
    try audit.setRecordDetails(pages: 4, copies: 3)
    try audit.recordRefusalToSign("Lê Văn C", reason: "không đồng ý")
    let record = InspectionRecord(export: AuditExport(audit))
    for language in [Language.vi, .en] {
      let markdown = record.markdown(language: language)
      let html = record.html(language: language)
      #expect(!markdown.contains("Ghi chú nhầm chỗ") && !html.contains("Ghi chú nhầm chỗ"))
      #expect(markdown.contains("Lê Văn C"))
      #expect(html.contains("Lê Văn C"))
    }
    let vi = record.markdown(language: .vi)
    #expect(vi.contains("gồm 04 trang, lập thành 03 bản"))
    #expect(vi.contains("| Thư ký | Trần Thị Bình |"))
    #expect(vi.contains("| Trưởng đoàn | Nguyễn Văn An, Phó Giám đốc Sở Nội vụ |"))
    #expect(vi.contains("Lê Văn C từ chối ký biên bản. Lý do: không đồng ý"))
    #expect(record.markdown(language: .en).contains("it has 4 pages and was made in 3 copies"))
  }

  @Test("a team written before roles were recorded still reads: the leader, then members")
  func oldTeamsRead() throws {
    let old = Data(#"{"leader":"Nguyễn Văn An","members":["Trần Thị Bình"]}"#.utf8)
    let team = try JSONDecoder().decode(InspectionTeam.self, from: old)
    #expect(team == InspectionTeam(leader: "Nguyễn Văn An", members: ["Trần Thị Bình"]))
    #expect(team.people.map(\.role) == [.leader, .member])
    // Written with people and, for older readers, the names.
    let json = try #require(String(data: try JSONEncoder().encode(team), encoding: .utf8))
    #expect(json.contains(#""people""#) && json.contains(#""leader":"Nguyễn Văn An""#))
    // An old log (team as leader and members, an explanation without a speaker) replays.
    var header = try #require(
      try JSONSerialization.jsonObject(with: try JSONEncoder().encode(Build.header(Self.checklist)))
        as? [String: Any])
    header["team"] = ["leader": "Nguyễn Văn An", "members": ["Trần Thị Bình"]]
    let started: [String: Any] = [
      "v": 1, "seq": 1, "time": "2026-11-21T09:30:00Z", "by": "An", "type": "started", "header": header,
    ]
    let explained: [String: Any] = [
      "v": 1, "seq": 2, "time": "2026-11-21T09:31:00Z", "by": "An", "type": "explained", "item": "BADGE-01",
      "text": "Quên thẻ",
    ]
    var line = Data()
    for event in [started, explained] {
      line.append(try JSONSerialization.data(withJSONObject: event))
      line.append(UInt8(ascii: "\n"))
    }
    let replayed = try EventLog.audit(from: line)
    #expect(replayed.damage.isEmpty)
    #expect(replayed.audit.header.team.leader == "Nguyễn Văn An")
    #expect(replayed.audit.records["BADGE-01"]?.explanations.first?.speaker == nil)
  }

  @Test("attaching reads the file once and refuses special files with KyCuong's own words")
  func attachmentsRefuseSpecialFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "kycuong-attach-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appending(path: "pipe")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    for (url, problem) in [
      (fifo, AttachmentProblem.notRegularFile), (URL(fileURLWithPath: "/proc/self/status"), .systemFile),
      (folder, .isFolder), (folder.appending(path: "none"), .missing),
    ] {
      let error = refusal { _ = try Attachment.make(fileAt: url, by: "x", at: Fixed.start) }
      #expect(error == .attachmentUnreadable(path: url.path, problem: problem))
      #expect(error.map { !"\($0)".contains("NSCocoaErrorDomain") } ?? false)
    }
    let photo = folder.appending(path: "ảnh.jpg")
    try Data(repeating: 7, count: 3_000_001).write(to: photo)
    let attachment = try Attachment.make(fileAt: photo, by: "x", at: Fixed.start)
    #expect(attachment.size == 3_000_001)
  }
}
