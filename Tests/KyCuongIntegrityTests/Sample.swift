import Foundation
import KyCuong
import KyCuongIntegrity

/// A small audit and its chained log, for the integrity tests.
enum Sample {
  /// 2026-11-21T09:30:00Z.
  static let start = Date(timeIntervalSince1970: 1_795_253_400)
  /// The inspector.
  static let inspector = "Nguyễn Văn An"

  static func item(_ id: String, _ kind: ItemKind = .check, critical: Bool = false) -> Item {
    Item(
      id: ItemID(id), text: LocalizedText(vi: "Câu hỏi \(id)", en: "Question \(id)"),
      guidance: LocalizedText(vi: "Hướng dẫn \(id)"), kind: kind, weight: 1, critical: critical,
      source: ItemSource(ref: "SRC"), tags: [], applicableWhen: nil)
  }

  static func checklist() -> Checklist {
    Checklist(
      id: "test-list", version: "1.0.0", title: LocalizedText(vi: "Danh mục thử", en: "Test list"),
      description: LocalizedText(vi: "Dùng cho kiểm thử"),
      sources: [Citation(id: "SRC", type: .legal, title: LocalizedText(vi: "Quy định thử"))], tags: [],
      scoring: ScoringSettings(model: .weighted, partialCredit: 0.5, ratingBands: RatingBand.defaultBands),
      sections: [
        Section(
          id: "s", title: LocalizedText(vi: "Phần"), weight: 1,
          items: [item("A-1"), item("A-2", .observation), item("A-3", critical: true)])
      ])
  }

  /// An audit with answers, a note, a finding, and (by default) finished.
  static func audit(id: String = "20261121-0930-test-3f9a", finished: Bool = true) throws -> Audit {
    let header = AuditHeader(
      id: id, checklist: checklist(), unit: InspectedUnit(name: "UBND phường Hàng Bạc", address: "Hà Nội"),
      team: InspectionTeam(leader: inspector, members: ["Trần Thị Bình"]), visitType: .surprise)
    var audit = Audit(header: header, by: inspector, at: start)
    let changes: [AuditEvent.Change] = [
      .answered(item: "A-1", outcome: .pass, remark: nil),
      .answered(
        item: "A-2", outcome: .observation(compliant: 9, observed: 12), remark: "3 người không đeo thẻ"),
      .noted(item: nil, text: "Đoàn đến lúc 9:30"),
      .answered(item: "A-3", outcome: .fail, remark: "Không có sổ"),
      .finding(text: "Thiếu sổ theo dõi"),
    ]
    var minute = 0.0
    for change in changes {
      minute += 1
      try audit.record(change, by: inspector, at: start.addingTimeInterval(minute * 60))
    }
    if finished { try audit.record(.finished, by: inspector, at: start.addingTimeInterval(600)) }
    return audit
  }

  /// `audit`'s log in event format 2 (chained).
  static func chainedLog(_ audit: Audit) throws -> Data {
    var data = Data()
    var last: Data?
    for event in audit.events {
      let line = try LogChain.line(for: event, after: last)
      data.append(line)
      last = line.dropLast()
    }
    return data
  }

  /// `audit`'s log in event format 1 (as written before the chain).
  static func version1Log(_ audit: Audit) throws -> Data {
    var data = Data()
    for event in audit.events { data.append(try EventLog.line(for: event)) }
    return data
  }

  /// A new empty temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "kycuong-int-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
