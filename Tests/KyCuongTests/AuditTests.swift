import Foundation
import KyCuong
import Testing

@Suite("Audits")
struct AuditTests {
  static let postCondition = ApplicabilityCondition(item: "POST-00", outcomes: [.pass, .partial])

  /// A check, an observation, a scale, a text item, and a posting board with one dependent item.
  static let checklist = Build.checklist([
    Build.section(
      "badge",
      [
        Build.item("BADGE-01"), Build.item("BADGE-02", .observation),
        Build.item("BADGE-03", .scale(max: 4)), Build.item("BADGE-04", .text),
      ]),
    Build.section("posting", [Build.item("POST-00"), Build.item("POST-01", when: postCondition)]),
  ])

  func newAudit() -> Audit { Build.audit(Self.checklist) }

  /// The error `body` throws, or `nil`.
  func refusal(_ body: () throws -> Void) -> AuditError? {
    do {
      try body()
      return nil
    } catch let error as AuditError {
      return error
    } catch {
      Issue.record("not an AuditError: \(error)")
      return nil
    }
  }

  @Test("a new audit has one started event and an unanswered record per item")
  func newAuditState() {
    let audit = newAudit()
    #expect(audit.events.count == 1)
    #expect(audit.events[0].sequence == 1)
    #expect(audit.events[0].change == .started(Build.header(Self.checklist)))
    #expect(audit.startedAt == Fixed.start)
    #expect(audit.id == "20261121-0930-ubnd-phuong-hang-bac-3f9a")
    #expect(Set(audit.records.keys) == Set(Self.checklist.items.map(\.id)))
    #expect(audit.records.values.allSatisfy { $0.state == .unanswered })
    #expect(!audit.isFinished)
    // POST-01 waits for POST-00.
    #expect(audit.openItems.map(\.id) == ["BADGE-01", "BADGE-02", "BADGE-03", "BADGE-04", "POST-00"])
  }

  @Test("answering records the answer, who and when (whole seconds)")
  func answering() throws {
    var audit = newAudit()
    let event = try audit.record(
      .answered(
        item: "BADGE-02", outcome: .observation(compliant: 10, observed: 12), remark: "2 người không đeo"),
      by: Fixed.colleague, at: Fixed.at(90.75))
    #expect(event.sequence == 2)
    #expect(event.time == Fixed.at(90))
    #expect(audit.events.last == event)
    let record = try #require(audit.records["BADGE-02"])
    #expect(record.state == .answered(.observation(compliant: 10, observed: 12)))
    #expect(record.outcome == .observation(compliant: 10, observed: 12))
    #expect(record.remark == "2 người không đeo")
    #expect(record.by == Fixed.colleague)
    #expect(record.at == Fixed.at(90))
    #expect(record.history.isEmpty)
  }

  @Test("re-answering keeps the history: old, new, remark, by, at")
  func reanswering() throws {
    var audit = newAudit()
    try audit.record(
      .answered(item: "BADGE-01", outcome: .fail, remark: nil), by: Fixed.inspector, at: Fixed.at(60))
    try audit.record(
      .answered(item: "BADGE-01", outcome: .pass, remark: "Đã tìm thấy thẻ"), by: Fixed.colleague,
      at: Fixed.at(120))
    try audit.record(
      .answered(item: "BADGE-01", outcome: .partial, remark: nil), by: Fixed.inspector, at: Fixed.at(180))
    let record = try #require(audit.records["BADGE-01"])
    #expect(record.state == .answered(.partial))
    #expect(record.remark == nil)
    #expect(
      record.history == [
        AnswerOverride(
          old: .fail, new: .pass, remark: "Đã tìm thấy thẻ", by: Fixed.colleague, at: Fixed.at(120), event: 3),
        AnswerOverride(
          old: .pass, new: .partial, remark: nil, by: Fixed.inspector, at: Fixed.at(180), event: 4),
      ])
  }

  @Test("skipping records the reason; answering later keeps the skip in the history")
  func skipping() throws {
    var audit = newAudit()
    try audit.record(.skipped(item: "POST-00", reason: "Bảng bị che"), by: Fixed.inspector, at: Fixed.at(60))
    #expect(audit.records["POST-00"]?.state == .skipped(reason: "Bảng bị che"))
    #expect(!audit.openItems.map(\.id).contains("POST-00"))
    try audit.record(
      .answered(item: "POST-00", outcome: .pass, remark: nil), by: Fixed.colleague, at: Fixed.at(120))
    #expect(
      audit.records["POST-00"]?.history == [
        AnswerOverride(
          old: nil, oldSkipReason: "Bảng bị che", new: .pass, remark: nil, by: Fixed.colleague,
          at: Fixed.at(120), event: 3)
      ])
    let error = refusal {
      try audit.record(.skipped(item: "BADGE-01", reason: "  "), by: "x", at: Fixed.at(1))
    }
    #expect(error?.description == "the reason must not be empty")
  }

  @Test("notes and explanations, on an item or the audit")
  func notesAndExplanations() throws {
    var audit = newAudit()
    try audit.record(
      .noted(item: "BADGE-01", text: "Ảnh chụp lúc 9:40"), by: Fixed.inspector, at: Fixed.at(60))
    try audit.record(.noted(item: nil, text: "Trời mưa"), by: Fixed.colleague, at: Fixed.at(61))
    try audit.record(
      .explained(item: "BADGE-01", text: "Thẻ đang làm lại"), by: Fixed.inspector, at: Fixed.at(62))
    try audit.record(.explained(item: nil, text: "Chủ tịch đi họp"), by: Fixed.inspector, at: Fixed.at(63))
    #expect(
      audit.records["BADGE-01"]?.notes == [
        Remark(text: "Ảnh chụp lúc 9:40", by: Fixed.inspector, at: Fixed.at(60), event: 2)
      ])
    #expect(
      audit.general.notes == [Remark(text: "Trời mưa", by: Fixed.colleague, at: Fixed.at(61), event: 3)])
    #expect(audit.records["BADGE-01"]?.explanations.map(\.text) == ["Thẻ đang làm lại"])
    #expect(audit.general.explanations.map(\.text) == ["Chủ tịch đi họp"])
    // Notes do not answer the item.
    #expect(audit.records["BADGE-01"]?.state == .unanswered)
    #expect(
      refusal { try audit.record(.noted(item: nil, text: "\n"), by: "x", at: Fixed.at(1)) }
        == .emptyText(field: .note))
    #expect(
      refusal { try audit.record(.explained(item: nil, text: ""), by: "x", at: Fixed.at(1)) }
        == .emptyText(field: .explanation))
  }

  @Test("attachments record size and SHA-256, as sha256sum computes them")
  func attachments() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "bảng-tin.jpg")
    let bytes = (0..<70_001).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    try Data(bytes).write(to: file)
    let attachment = try Attachment.make(fileAt: file, by: Fixed.inspector, at: Fixed.at(60))
    #expect(attachment.size == 70_001)
    #expect(attachment.sha256 == (try Environment.sha256sum(file)))
    #expect(attachment.path == file.path)
    #expect(attachment.name == "bảng-tin.jpg")
    #expect(attachment.by == Fixed.inspector)

    let empty = folder.appending(path: "empty.txt")
    try Data().write(to: empty)
    let emptyAttachment = try Attachment.make(fileAt: empty, by: Fixed.inspector, at: Fixed.at(60))
    #expect(emptyAttachment.size == 0)
    #expect(emptyAttachment.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")

    var audit = newAudit()
    try audit.record(
      .attached(item: "POST-00", attachment: attachment), by: Fixed.inspector, at: Fixed.at(60))
    try audit.record(.attached(item: nil, attachment: emptyAttachment), by: Fixed.inspector, at: Fixed.at(61))
    // The audit keeps each attachment with the number of the event that recorded it.
    var numbered = attachment
    numbered.event = 2
    var numberedEmpty = emptyAttachment
    numberedEmpty.event = 3
    #expect(audit.records["POST-00"]?.attachments == [numbered])
    #expect(audit.general.attachments == [numberedEmpty])
  }

  @Test("an attachment's time is kept to whole seconds, like every time in the log")
  func attachmentTime() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "a.txt")
    try Data("x".utf8).write(to: file)
    let attachment = try Attachment.make(fileAt: file, by: Fixed.inspector, at: Fixed.at(60.6))
    #expect(attachment.at == Fixed.at(60))
  }

  @Test("a missing file and a folder are refused as attachments")
  func attachmentRefused() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appending(path: "missing.jpg")
    #expect(throws: AuditError.attachmentUnreadable(path: missing.path, problem: .missing)) {
      try Attachment.make(fileAt: missing, by: Fixed.inspector, at: Fixed.start)
    }
    #expect(throws: AuditError.attachmentUnreadable(path: folder.path, problem: .isFolder)) {
      try Attachment.make(fileAt: folder, by: Fixed.inspector, at: Fixed.start)
    }
    let error = refusal { _ = try Attachment.make(fileAt: missing, by: Fixed.inspector, at: Fixed.start) }
    #expect(error?.description == "cannot attach \(missing.path): no such file")
  }

  @Test("findings, recommendations, corrective actions and the representative")
  func findingsAndActions() throws {
    var audit = newAudit()
    try audit.record(.finding(text: "2 cán bộ không đeo thẻ"), by: Fixed.inspector, at: Fixed.at(60))
    try audit.record(.recommendation(text: "Nhắc nhở toàn cơ quan"), by: Fixed.colleague, at: Fixed.at(61))
    try audit.record(
      .correctiveAction(
        what: "Cấp lại thẻ", owner: "Văn phòng", due: Fixed.day("2028-02-29"), item: "BADGE-02"),
      by: Fixed.inspector, at: Fixed.at(62))
    try audit.record(.representative(name: "Lê Văn Cường"), by: Fixed.inspector, at: Fixed.at(63))
    #expect(
      audit.findings == [
        Remark(text: "2 cán bộ không đeo thẻ", by: Fixed.inspector, at: Fixed.at(60), event: 2)
      ])
    #expect(
      audit.recommendations == [
        Remark(text: "Nhắc nhở toàn cơ quan", by: Fixed.colleague, at: Fixed.at(61), event: 3)
      ])
    #expect(
      audit.correctiveActions == [
        CorrectiveAction(
          what: "Cấp lại thẻ", owner: "Văn phòng", due: Fixed.day("2028-02-29"), item: "BADGE-02",
          by: Fixed.inspector,
          at: Fixed.at(62), event: 4)
      ])
    #expect(audit.header.unit.representative == "Lê Văn Cường")
    #expect(
      refusal { try audit.record(.finding(text: " "), by: "x", at: Fixed.at(1)) }
        == .emptyText(field: .finding))
    #expect(
      refusal { try audit.record(.recommendation(text: ""), by: "x", at: Fixed.at(1)) }
        == .emptyText(field: .recommendation))
    #expect(
      refusal { try audit.record(.representative(name: ""), by: "x", at: Fixed.at(1)) }
        == .emptyText(field: .representative))
    #expect(
      refusal {
        try audit.record(
          .correctiveAction(what: "", owner: "VP", due: Fixed.day("2027-01-01"), item: nil), by: "x",
          at: Fixed.at(1))
      } == .emptyText(field: .action))
    #expect(
      refusal {
        try audit.record(
          .correctiveAction(what: "x", owner: " ", due: Fixed.day("2027-01-01"), item: nil), by: "x",
          at: Fixed.at(1))
      } == .emptyText(field: .owner))
    #expect(
      refusal {
        try audit.record(
          .correctiveAction(what: "x", owner: "VP", due: Fixed.day("2027-01-01"), item: "ZZ-1"), by: "x",
          at: Fixed.at(1)
        )
      } == .unknownItem("ZZ-1"))
  }

  /// A deadline is a ``CalendarDate``: a text that names no day cannot become one, so no audit can record it
  /// (the old `badDueDate` refusal is now the parser's), and a log line that carries one is refused as damage.
  @Test(
    "a bad deadline is refused",
    arguments: [
      ("2027-02-29", CalendarDate.ParseError.noSuchDay("2027-02-29")),
      ("2027-13-01", .noSuchDay("2027-13-01")), ("2027-1-5", .notADate("2027-1-5")),
      ("ngày mai", .notADate("ngày mai")), ("2027-04-31", .noSuchDay("2027-04-31")), ("", .notADate("")),
    ])
  func badDeadline(due: String, expected: CalendarDate.ParseError) throws {
    #expect(CalendarDate(due) == nil)
    #expect(throws: expected) { try CalendarDate(parsing: due) }
    let message =
      if case .noSuchDay = expected {
        "\"\(due)\" is not a day of the calendar; check the day and the month"
      } else {
        "\"\(due)\" is not a date; write YYYY-MM-DD or DD/MM/YYYY (e.g. 15/12/2026)"
      }
    #expect(expected.description == message)

    // A log whose corrective action carries the text instead of a day: the line is damage, not an action.
    var audit = newAudit()
    let event = try audit.record(
      .correctiveAction(what: "x", owner: "VP", due: Fixed.day("2027-01-01"), item: nil), by: "x",
      at: Fixed.at(1))
    let line = String(decoding: try EventLog.line(for: event), as: UTF8.self)
    #expect(line.contains(#""due":"2027-01-01""#))
    var log = try EventLog.line(for: audit.events[0])
    log.append(Data(line.replacingOccurrences(of: #""due":"2027-01-01""#, with: #""due":"\#(due)""#).utf8))
    let contents = EventLog.read(log)
    #expect(contents.events == [audit.events[0]])
    #expect(
      contents.damage == [
        LogDamage(
          line: 2,
          kind: .invalidEvent(reason: "due: \"\(due)\" is not a day YYYY-MM-DD of the calendar"))
      ])
  }

  @Test(
    "calendar dates",
    arguments: [
      ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
      ("2026-12-31", true), ("2026-00-10", false), ("2026-06-00", false), ("2026-06-31", false),
      ("20260601", false), ("2026-06-01T00", false), ("+202-06-01", false), ("2026-+6-01", false),
    ])
  func calendarDates(text: String, valid: Bool) {
    let date = CalendarDate(text)
    #expect((date != nil) == valid)
    if let date { #expect(date.description == text) }
  }

  @Test("finishing is refused while applicable items are open, and lists them")
  func finishRefused() throws {
    var audit = newAudit()
    try audit.record(
      .answered(item: "BADGE-01", outcome: .pass, remark: nil), by: Fixed.inspector, at: Fixed.at(60))
    try audit.record(
      .answered(item: "POST-00", outcome: .pass, remark: nil), by: Fixed.inspector, at: Fixed.at(61))
    let before = audit
    let error = refusal { try audit.record(.finished, by: Fixed.inspector, at: Fixed.at(62)) }
    #expect(error == .openItems(["BADGE-02", "BADGE-03", "BADGE-04", "POST-01"]))
    #expect(
      error?.description
        == "cannot finish: 4 applicable item(s) neither answered nor skipped: BADGE-02, BADGE-03, BADGE-04, POST-01"
    )
    #expect(audit == before)
  }

  @Test("finishing succeeds when every applicable item is answered or skipped; then nothing changes")
  func finish() throws {
    var audit = newAudit()
    try audit.record(
      .answered(item: "BADGE-01", outcome: .pass, remark: nil), by: Fixed.inspector, at: Fixed.at(60))
    // "0/0" (no one observed) is refused when recorded live; the inspector answers "not applicable".
    let noneObserved = refusal {
      try audit.record(
        .answered(item: "BADGE-02", outcome: .observation(compliant: 0, observed: 0), remark: nil),
        by: Fixed.inspector, at: Fixed.at(61))
    }
    #expect(noneObserved == .outcomeNotAccepted(item: "BADGE-02", problem: .noneObserved))
    #expect(
      noneObserved?.description
        == "BADGE-02: no one was observed (0/0); answer \"not applicable\" instead")
    try audit.record(
      .answered(item: "BADGE-02", outcome: .notApplicable, remark: nil), by: Fixed.inspector, at: Fixed.at(61)
    )
    try audit.record(
      .skipped(item: "BADGE-03", reason: "Không đủ thời gian"), by: Fixed.inspector, at: Fixed.at(62))
    try audit.record(
      .answered(item: "BADGE-04", outcome: .text("Ổn"), remark: nil), by: Fixed.inspector, at: Fixed.at(63))
    // POST-00 fails, so POST-01 does not apply and need not be answered.
    try audit.record(
      .answered(item: "POST-00", outcome: .fail, remark: nil), by: Fixed.inspector, at: Fixed.at(64))
    #expect(audit.openItems.isEmpty)
    try audit.record(.finished, by: Fixed.inspector, at: Fixed.at(65.5))
    #expect(audit.isFinished)
    #expect(audit.finishedAt == Fixed.at(65))
    let finished = audit
    for change: AuditEvent.Change in [
      .answered(item: "BADGE-01", outcome: .fail, remark: nil), .noted(item: nil, text: "muộn"),
      .finding(text: "muộn"), .finished,
    ] {
      let error = refusal { try audit.record(change, by: Fixed.inspector, at: Fixed.at(100)) }
      #expect(error == .alreadyFinished)
      #expect(error?.description == "the audit is finished and takes no more changes")
    }
    #expect(audit == finished)
  }

  @Test(
    "an outcome the item's kind does not take is refused, with the reason",
    arguments: [
      (
        "BADGE-01", Outcome.observation(compliant: 1, observed: 2),
        "BADGE-01: a check item does not take an observation answer"
      ),
      ("BADGE-01", .scale(2), "BADGE-01: a check item does not take a scale answer"),
      ("BADGE-01", .text("có"), "BADGE-01: a check item does not take a text answer"),
      ("BADGE-02", .pass, "BADGE-02: an observation item does not take a pass answer"),
      (
        "BADGE-02", .observation(compliant: 13, observed: 12),
        "BADGE-02: compliant (13) cannot exceed observed (12)"
      ),
      ("BADGE-02", .observation(compliant: -1, observed: 12), "BADGE-02: counts must not be negative"),
      ("BADGE-03", .scale(5), "BADGE-03: the value must be between 0 and 4, found 5"),
      ("BADGE-03", .scale(-1), "BADGE-03: the value must be between 0 and 4, found -1"),
      ("BADGE-03", .fail, "BADGE-03: a scale item does not take a fail answer"),
      ("BADGE-04", .partial, "BADGE-04: a text item does not take a partial answer"),
    ])
  func outcomeNotAccepted(item: String, outcome: Outcome, message: String) {
    var audit = newAudit()
    let error = refusal {
      try audit.record(.answered(item: ItemID(item), outcome: outcome, remark: nil), by: "x", at: Fixed.at(1))
    }
    #expect(error?.description == message)
    if case .outcomeNotAccepted(let refused, _)? = error {
      #expect(refused == ItemID(item))
    } else {
      Issue.record("\(String(describing: error))")
    }
    #expect(audit.events.count == 1)
  }

  @Test("every kind accepts not applicable", arguments: ["BADGE-01", "BADGE-02", "BADGE-03", "BADGE-04"])
  func notApplicableAccepted(item: String) throws {
    var audit = newAudit()
    try audit.record(
      .answered(item: ItemID(item), outcome: .notApplicable, remark: nil), by: "x", at: Fixed.at(1))
    #expect(audit.records[ItemID(item)]?.state == .answered(.notApplicable))
  }

  /// An empty text is an answer the item does not take, like any other (the reader of exports refuses it by
  /// the same rule), so the refusal names the item.
  @Test("an empty text answer is refused")
  func emptyTextAnswer() {
    var audit = newAudit()
    let error = refusal {
      try audit.record(
        .answered(item: "BADGE-04", outcome: .text(" \n"), remark: nil), by: "x", at: Fixed.at(1))
    }
    #expect(error == .outcomeNotAccepted(item: "BADGE-04", problem: .emptyText))
    #expect(error?.description == "BADGE-04: the answer must not be empty")
    #expect(audit.events.count == 1)
  }

  @Test("answering an item that does not apply is refused")
  func notApplicableItem() throws {
    var audit = newAudit()
    let unanswered = refusal {
      try audit.record(.answered(item: "POST-01", outcome: .pass, remark: nil), by: "x", at: Fixed.at(1))
    }
    #expect(
      unanswered
        == .itemNotApplicable(
          item: "POST-01", condition: ApplicabilityCondition(item: "POST-00", outcomes: [.pass, .partial])))
    #expect(
      unanswered?.description == "POST-01 does not apply: it applies only when POST-00 is pass or partial")
    try audit.record(.answered(item: "POST-00", outcome: .fail, remark: nil), by: "x", at: Fixed.at(2))
    #expect(
      refusal {
        try audit.record(.answered(item: "POST-01", outcome: .pass, remark: nil), by: "x", at: Fixed.at(3))
      }
        == .itemNotApplicable(
          item: "POST-01", condition: ApplicabilityCondition(item: "POST-00", outcomes: [.pass, .partial])))
    try audit.record(.answered(item: "POST-00", outcome: .partial, remark: nil), by: "x", at: Fixed.at(4))
    try audit.record(.answered(item: "POST-01", outcome: .pass, remark: nil), by: "x", at: Fixed.at(5))
    #expect(audit.records["POST-01"]?.state == .answered(.pass))
    #expect(audit.applicableItems.count == 6)
  }

  @Test("an unknown item is refused")
  func unknownItem() {
    var audit = newAudit()
    let error = refusal {
      try audit.record(.answered(item: "ZZ-99", outcome: .pass, remark: nil), by: "x", at: Fixed.at(1))
    }
    #expect(error == .unknownItem("ZZ-99"))
    #expect(error?.description == "no item \"ZZ-99\" in this checklist")
    #expect(
      refusal { try audit.record(.skipped(item: "ZZ-99", reason: "r"), by: "x", at: Fixed.at(1)) }
        == .unknownItem("ZZ-99"))
    #expect(
      refusal { try audit.record(.noted(item: "ZZ-99", text: "t"), by: "x", at: Fixed.at(1)) }
        == .unknownItem("ZZ-99"))
  }

  @Test("a second started event is refused")
  func secondStart() {
    var audit = newAudit()
    let error = refusal { try audit.record(.started(Build.header(Self.checklist)), by: "x", at: Fixed.at(1)) }
    #expect(error?.description == "not a valid audit log: an audit has only one \"started\" event")
  }

  @Test("audit ids: start time in Vietnam's time (or a given zone), folded unit name, four hex digits")
  func makeID() throws {
    // 09:30:59 UTC is 16:30 in Vietnam (UTC+7), the time the record states.
    let id = AuditHeader.makeID(unit: "UBND phường Hàng Bạc", at: Fixed.at(59))
    #expect(id.hasPrefix("20261121-1630-ubnd-phuong-hang-bac-"))
    let suffix = try #require(id.split(separator: "-").last)
    #expect(suffix.count == 4)
    #expect(suffix.allSatisfy { $0.isHexDigit })
    #expect(AuditHeader.makeID(unit: "!!!", at: Fixed.start).hasPrefix("20261121-1630-audit-"))
    let utc = try #require(TimeZone(identifier: "UTC"))
    #expect(
      AuditHeader.makeID(unit: "UBND phường Hàng Bạc", at: Fixed.at(59), timeZone: utc)
        .hasPrefix("20261121-0930-ubnd-phuong-hang-bac-"))
    // 20:00 UTC is already the next day in Vietnam.
    #expect(AuditHeader.makeID(unit: "x", at: Fixed.at(37_800)).hasPrefix("20261122-0300-x-"))
  }
}
