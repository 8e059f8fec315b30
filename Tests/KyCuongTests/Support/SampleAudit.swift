import Foundation
import KyCuong

/// An audit with every kind of event, for the event log and export tests.
enum SampleAudit {
  /// The worked-example checklist with a dependent item and a critical one.
  static func checklist(model: ScoringModel = .weighted) -> Checklist {
    var checklist = Build.workedExample(model: model)
    checklist.sections.append(
      Build.section(
        "posting", weight: 1.5,
        [
          Build.item("POST-00", critical: true, tags: ["focus-2017-3"]),
          Build.item("POST-01", when: ApplicabilityCondition(item: "POST-00", outcomes: [.pass, .partial])),
          Build.item("POST-02", .text, weight: 0),
        ]))
    return checklist
  }

  /// The audit, finished or not. Events are one minute apart from ``Fixed/start``.
  static func audit(model: ScoringModel = .weighted, finished: Bool = true) throws -> Audit {
    var audit = Build.audit(checklist(model: model))
    var minute = 0.0
    func next() -> Date {
      minute += 1
      return Fixed.at(minute * 60)
    }
    let attachment = Attachment(
      path: "/tmp/bảng tin.jpg", size: 1234,
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", by: Fixed.inspector,
      at: Fixed.at(30))
    let changes: [AuditEvent.Change] = [
      .answered(item: "C-01", outcome: .fail, remark: nil),
      .answered(item: "C-01", outcome: .pass, remark: "Nhầm người"),
      .answered(item: "C-02", outcome: .partial, remark: nil),
      .answered(
        item: "C-03", outcome: .observation(compliant: 9, observed: 12), remark: "3 người không đeo thẻ"),
      .answered(item: "O-01", outcome: .scale(3), remark: nil),
      .answered(item: "O-02", outcome: .fail, remark: nil),
      .skipped(item: "O-03", reason: "Phòng khóa"),
      .answered(item: "POST-00", outcome: .partial, remark: nil),
      .answered(item: "POST-01", outcome: .pass, remark: nil),
      .answered(item: "POST-02", outcome: .text("Bảng tin ở tầng 1 \"cũ\"\nđã thay"), remark: nil),
      .noted(item: "C-03", text: "Đếm lúc 9:45"),
      .noted(item: nil, text: "Đoàn đến lúc 9:30"),
      .attached(item: "POST-00", attachment: attachment),
      .explained(item: "O-02", text: "Đang sửa"),
      .finding(text: "Ba cán bộ không đeo thẻ"),
      .recommendation(text: "Nhắc nhở"),
      .correctiveAction(what: "Cấp lại thẻ", owner: "Văn phòng", due: Fixed.day("2026-12-31"), item: "C-03"),
      .correctiveAction(what: "Treo bảng mới", owner: "Văn phòng", due: Fixed.day("2027-01-15"), item: nil),
      .representative(name: "Lê Văn Cường"),
    ]
    for change in changes { try audit.record(change, by: Fixed.inspector, at: next()) }
    if finished { try audit.record(.finished, by: Fixed.inspector, at: next()) }
    return audit
  }

  /// The audit's log as JSON Lines.
  static func log(_ audit: Audit) throws -> Data {
    var data = Data()
    for event in audit.events { data.append(try EventLog.line(for: event)) }
    return data
  }
}
