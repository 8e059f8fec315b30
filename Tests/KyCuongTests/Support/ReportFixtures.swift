import Foundation
import KyCuong

/// Hand-made audits for the report tests, on a five-item checklist defined here (the standard checklists
/// are not needed), with scores worked out by hand in the comments.
enum ReportFixtures {
  /// The checklist; `version` 1.1.0 drops POST-02 and adds POST-04, to compare across versions.
  static func checklistJSON(version: String = "1.0.0", id: String = "test-office") -> String {
    let post02 = """
      {"id": "POST-02", "text": {"vi": "Có phiếu xin lỗi khi trễ hẹn", "en": "Late files get an apology slip"},
       "guidance": {"vi": "Xem sổ theo dõi"}, "kind": "check", "source": {"ref": "ND-61"}, "tags": ["focus-2017-1"]},
      """
    let post04 = """
      ,{"id": "POST-04", "text": {"vi": "Công khai đường dây nóng", "en": "Hotline posted"},
       "guidance": {"vi": "Xem bảng tin"}, "kind": "check", "source": {"ref": "ND-61"}, "tags": ["focus-2017-2"]}
      """
    return """
      {
        "id": "\(id)", "version": "\(version)",
        "title": {"vi": "Kiểm tra bộ phận một cửa", "en": "One-stop desk check"},
        "description": {"vi": "Bộ tiêu chí dùng cho kiểm thử."},
        "sources": [
          {"id": "QD-129", "type": "legal", "number": "129/2007/QĐ-TTg",
           "title": {"vi": "Quy chế văn hóa công sở", "en": "Rules on office culture"}},
          {"id": "ND-61", "type": "legal", "number": "61/2018/NĐ-CP",
           "title": {"vi": "Nghị định về cơ chế một cửa", "en": "Decree on the one-stop shop"}}
        ],
        "sections": [
          {"id": "badge", "title": {"vi": "Thẻ công chức", "en": "ID cards"}, "items": [
            {"id": "BADGE-01", "text": {"vi": "Cán bộ đeo thẻ công chức", "en": "Staff wear their ID card"},
             "guidance": {"vi": "Đếm số người"}, "kind": "observation", "source": {"ref": "QD-129", "article": "Điều 7"},
             "tags": ["focus-2017-2"]},
            {"id": "BADGE-02", "text": {"vi": "Không đeo thẻ của người khác", "en": "No one wears another's card"},
             "guidance": {"vi": "Đối chiếu ảnh"}, "kind": "check", "critical": true, "source": {"ref": "QD-129"},
             "tags": ["focus-2017-2"]}
          ]},
          {"id": "posting", "title": {"vi": "Niêm yết thủ tục", "en": "Posting of procedures"}, "items": [
            {"id": "POST-01", "text": {"vi": "Niêm yết đủ thủ tục", "en": "Every procedure is posted"},
             "guidance": {"vi": "Đối chiếu quyết định công bố"}, "kind": "check", "source": {"ref": "ND-61"},
             "tags": ["focus-2017-2"]},
            \(version == "1.0.0" ? post02 : "")
            {"id": "POST-03", "text": {"vi": "Bảng niêm yết dễ đọc", "en": "Postings are legible"},
             "guidance": {"vi": "Chấm 0–4"}, "kind": "scale", "max": 4, "source": {"ref": "ND-61"},
             "tags": ["focus-2017-1"]}
            \(version == "1.0.0" ? "" : post04)
          ]}
        ]
      }
      """
  }

  static func checklist(version: String = "1.0.0", id: String = "test-office") throws -> Checklist {
    try ChecklistParser.parse(Data(checklistJSON(version: version, id: id).utf8), file: "test-office.json")
  }

  static let hangBac = "UBND phường Hàng Bạc"
  static let cuaNam = #"UBND phường "Cửa Nam", Hoàn Kiếm"#
  static let leader = "Nguyễn Văn An"

  static func time(_ text: String) -> Date { Timestamp.date(from: text) ?? Date(timeIntervalSince1970: 0) }

  /// Builds an audit: `answers` in order, a minute apart, then `extra` changes, then (if `finish`) `finished`.
  static func audit(
    id: String, unit: String, checklist: Checklist, start: String, answers: [(ItemID, Outcome)],
    extra: [AuditEvent.Change] = [], finish: Bool = true
  ) throws -> Audit {
    let header = AuditHeader(
      id: id, checklist: checklist, unit: InspectedUnit(name: unit, address: "Hoàn Kiếm, Hà Nội"),
      team: InspectionTeam(leader: leader, members: ["Trần Thị Bình", "Lê Minh Châu"]), visitType: .surprise)
    var time = time(start)
    var audit = Audit(header: header, by: leader, at: time)
    for (item, outcome) in answers {
      time += 60
      try audit.record(.answered(item: item, outcome: outcome, remark: nil), by: leader, at: time)
    }
    for change in extra + (finish ? [.finished] : []) {
      time += 60
      try audit.record(change, by: leader, at: time)
    }
    return audit
  }

  static let attachment = Attachment(
    path: "/data/anh/bang-niem-yet.jpg", size: 123_456, sha256: String(repeating: "ab", count: 32),
    by: leader,
    at: time("2026-02-10T02:05:00Z"))

  /// Hàng Bạc, 2026-02-10. badge (0.75 + 1) / 2 = 87.5; posting (0 + 0.5 + 0.5) / 3 = 33.3;
  /// overall (87.5 + 33.33) / 2 = 60.4167, "Hoàn thành" (fulfilled).
  static func auditA() throws -> Audit {
    try audit(
      id: "20260210-0900-hang-bac-aaaa", unit: hangBac, checklist: checklist(), start: "2026-02-10T02:00:00Z",
      answers: [
        ("BADGE-01", .observation(compliant: 3, observed: 4)), ("BADGE-02", .pass), ("POST-01", .fail),
        ("POST-02", .partial), ("POST-03", .scale(2)),
      ],
      extra: [
        .noted(item: "BADGE-01", text: "Một cán bộ không đeo thẻ"),
        .attached(item: "POST-01", attachment: attachment),
        .noted(item: "POST-01", text: "Thiếu 3 thủ tục mới"),
        .explained(item: "POST-01", text: "Đang in lại bảng niêm yết"),
        .explained(item: nil, text: "Đơn vị tiếp thu và cam kết khắc phục"),
        .finding(text: "Niêm yết thủ tục chưa đầy đủ"),
        .recommendation(text: "Bổ sung niêm yết trong 15 ngày"),
        .correctiveAction(
          what: "Bổ sung 3 thủ tục", owner: "Văn phòng UBND", due: Fixed.day("2026-03-01"), item: "POST-01"),
        .correctiveAction(
          what: "Thay bảng niêm yết", owner: "Văn phòng UBND", due: Fixed.day("2026-03-01"), item: "POST-03"),
        .correctiveAction(
          what: "Rà soát nội quy", owner: "Chủ tịch UBND", due: Fixed.day("2026-03-15"), item: nil),
        .correctiveAction(
          what: "In phiếu xin lỗi", owner: "Bộ phận một cửa", due: Fixed.day("2026-04-01"), item: "POST-02"),
        .representative(name: "Đỗ Văn Hùng"),
      ])
  }

  /// Hàng Bạc re-inspected, 2026-05-12, checklist 1.1.0. badge (1 + 0) / 2 = 50; posting (1 + 0.75 + 0) / 3
  /// = 58.33; overall 54.1667, forced to "Không hoàn thành" by BADGE-02.
  static func auditB() throws -> Audit {
    try audit(
      id: "20260512-0900-hang-bac-bbbb", unit: hangBac, checklist: checklist(version: "1.1.0"),
      start: "2026-05-12T02:00:00Z",
      answers: [
        ("BADGE-01", .observation(compliant: 4, observed: 4)), ("BADGE-02", .fail), ("POST-01", .pass),
        ("POST-03", .scale(3)), ("POST-04", .fail),
      ],
      extra: [.representative(name: "Đỗ Văn Hùng")])
  }

  /// Cửa Nam, 2026-02-20: everything passes, 100, "Hoàn thành xuất sắc".
  static func auditC() throws -> Audit {
    try audit(
      id: "20260220-0900-cua-nam-cccc", unit: cuaNam, checklist: checklist(), start: "2026-02-20T02:00:00Z",
      answers: [
        ("BADGE-01", .observation(compliant: 5, observed: 5)), ("BADGE-02", .pass), ("POST-01", .pass),
        ("POST-02", .pass), ("POST-03", .scale(4)),
      ])
  }

  /// Cửa Nam, 2026-05-03: badge (0.5 + 1) / 2 = 75; posting 100; overall 87.5, "Hoàn thành tốt".
  static func auditD() throws -> Audit {
    try audit(
      id: "20260503-0900-cua-nam-dddd", unit: cuaNam, checklist: checklist(), start: "2026-05-03T02:00:00Z",
      answers: [
        ("BADGE-01", .observation(compliant: 1, observed: 2)), ("BADGE-02", .pass), ("POST-01", .pass),
        ("POST-02", .pass), ("POST-03", .scale(4)),
      ])
  }

  /// The audit's event log as JSON Lines.
  static func logData(_ audit: Audit) throws -> Data {
    var data = Data()
    for event in audit.events { data.append(try EventLog.line(for: event)) }
    return data
  }

  /// A fresh temporary folder.
  static func folder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "kycuong-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Whether `needles` occur in `text` in this order; records the first that is missing or out of order.
  static func firstOutOfOrder(_ text: String, _ needles: [String]) -> String? {
    var rest = text[...]
    for needle in needles {
      guard let range = rest.range(of: needle) else { return needle }
      rest = rest[range.upperBound...]
    }
    return nil
  }
}
