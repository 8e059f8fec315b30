import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

/// A small checklist covering every kind, a critical item, a condition and both languages.
let testChecklistJSON = """
  {
    "id": "test-conduct",
    "version": "1.0.0",
    "title": {"vi": "Kiểm tra công vụ (thử)", "en": "Public-service inspection (test)"},
    "description": {"vi": "Bảng kiểm dùng cho kiểm thử.", "en": "A checklist for tests."},
    "sources": [
      {"id": "QD-129-2007", "type": "legal", "number": "129/2007/QĐ-TTg",
       "title": {"vi": "Quy chế văn hoá công sở", "en": "Rules on office culture"}, "article": "Điều 7"}
    ],
    "sections": [
      {"id": "badge", "title": {"vi": "Thẻ công chức", "en": "ID cards"}, "weight": 2, "items": [
        {"id": "BADGE-01", "kind": "observation", "critical": true, "weight": 2,
         "text": {"vi": "Cán bộ đeo thẻ công chức khi làm việc", "en": "Staff wear their ID card at work"},
         "guidance": {"vi": "Đếm số người có mặt tại bộ phận một cửa.", "en": "Count the staff at the desk."},
         "source": {"ref": "QD-129-2007", "article": "Điều 7"}, "tags": ["focus-2017-1"]},
        {"id": "BADGE-02", "kind": "check",
         "text": {"vi": "Thẻ ghi đủ họ tên, chức danh, ảnh", "en": "The card shows name, title, photo"},
         "guidance": {"vi": "Xem mẫu thẻ.", "en": "Look at a card."},
         "source": {"ref": "QD-129-2007"}, "tags": ["focus-2017-1"]}
      ]},
      {"id": "posting", "title": {"vi": "Niêm yết", "en": "Posting"}, "items": [
        {"id": "POST-00", "kind": "check",
         "text": {"vi": "Có bảng niêm yết thủ tục hành chính", "en": "A procedures board is posted"},
         "guidance": {"vi": "Tìm bảng ở khu vực chờ.", "en": "Look in the waiting area."},
         "source": {"ref": "QD-129-2007"}, "tags": ["focus-2017-2"]},
        {"id": "POST-01", "kind": "check",
         "text": {"vi": "Bảng niêm yết đúng quyết định công bố", "en": "The board matches the announcement"},
         "guidance": {"vi": "So với quyết định.", "en": "Compare with the decision."},
         "source": {"ref": "QD-129-2007"}, "applicableWhen": {"item": "POST-00", "outcomes": ["pass", "partial"]}},
        {"id": "POST-02", "kind": "scale", "max": 4,
         "text": {"vi": "Mức độ rõ ràng của bảng", "en": "How clear the board is"},
         "guidance": {"vi": "0 đến 4.", "en": "0 to 4."},
         "source": {"ref": "QD-129-2007"}}
      ]},
      {"id": "remarks", "title": {"vi": "Nhận xét", "en": "Remarks"}, "weight": 0, "items": [
        {"id": "NOTE-01", "kind": "text", "weight": 0,
         "text": {"vi": "Nhận xét chung của đoàn", "en": "The team's general remark"},
         "guidance": {"vi": "Tự do.", "en": "Free text."},
         "source": {"ref": "QD-129-2007"}}
      ]}
    ]
  }
  """

/// The test checklist, parsed and validated.
func testChecklist() throws -> Checklist {
  try ChecklistParser.parse(Array(testChecklistJSON.utf8), file: "test-conduct.json")
}

/// A fixed clock that moves one minute per reading, so events have distinct, reproducible times.
final class TestClock: @unchecked Sendable {
  private var time = Date(timeIntervalSince1970: 1_795_000_000)

  func now() -> Date {
    time += 60
    return time
  }
}

/// A temporary folder for one test, removed when the test ends.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appending(path: "kycuong-repl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }
}

/// A session on a fresh store in a temporary folder, with a scripted driver.
final class Harness {
  let temporary: TemporaryDirectory
  let store: AuditStore
  let session: Session
  let clock = TestClock()
  private(set) var replies: [SessionReply] = []

  init(
    language: Language = .vi, temporary: TemporaryDirectory? = nil, catalog: Catalog? = nil,
    inspector: String = "Nguyễn Văn An",
    columns: Int? = nil, styled: Bool = false, logSender: (any LogSender)? = nil
  ) throws {
    let temporary = try temporary ?? TemporaryDirectory()
    self.temporary = temporary
    let clock = self.clock
    store = AuditStore(directory: temporary.url.appending(path: "audits"), clock: clock.now)
    let catalog = try catalog ?? Catalog([try testChecklist()])
    let files = temporary.url.appending(path: "files")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    session = Session(
      configuration: SessionConfiguration(
        catalog: catalog, store: store, language: language, inspector: inspector, styled: styled,
        clock: clock.now,
        attachmentDirectory: files, exportDirectory: temporary.url,
        homeDirectory: temporary.url.appending(path: "home"), columns: { columns }, logSender: logSender))
  }

  var filesDirectory: URL { temporary.url.appending(path: "files") }
  var auditsDirectory: URL { temporary.url.appending(path: "audits") }

  /// Feeds one line, as the terminal layer would, and keeps the reply.
  @discardableResult
  func send(_ line: String) -> SessionReply {
    let reply = session.evaluate(line)
    replies.append(reply)
    return reply
  }

  /// Feeds lines in order and returns their replies.
  @discardableResult
  func run(_ lines: [String]) -> [SessionReply] {
    lines.map(send)
  }

  /// Starts an audit of the test checklist with every argument on the line.
  @discardableResult
  func startAudit() throws -> String {
    let reply = send(
      "start test-conduct --unit \"UBND phường Hàng Bạc\" --leader \"Nguyễn Văn An\" "
        + "--members \"Trần Thị Bình, Lê Văn Cường\" --visit surprise")
    #expect(reply.succeeded, "\(reply.text)")
    return try #require(session.audit?.id)
  }

  /// The audit as saved: read back from the store's folder by a separate, read-only store.
  func savedAudit(_ id: String) throws -> Audit {
    try AuditStore(directory: auditsDirectory).open(id, readOnly: true).audit
  }
}

extension Harness {
  /// A team audit the leader started and left, and Bình's session on the log she joined it with, resumed.
  static func joinedMember(
    memberSender: (any LogSender)?, leaderSender: (any LogSender)?
  ) throws -> (leader: Harness, member: Harness, id: String) {
    let leader = try Harness(language: .en, logSender: leaderSender)
    let id = try leader.startAudit()
    leader.send("quit")
    let invitation = try leader.store.invite("Trần Thị Bình", to: id, at: leader.clock.now())
    let member = try Harness(language: .en, inspector: "Trần Thị Bình", logSender: memberSender)
    try member.store.join(invitation, device: "binh-tablet", at: member.clock.now())
    member.store.close(id)
    #expect(member.send("resume \(id)").succeeded)
    return (leader, member, id)
  }
}
