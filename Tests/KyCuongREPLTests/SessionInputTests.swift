import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

struct SessionInputTests {
  @Test(arguments: [
    ("pass", Outcome.pass), ("đạt", .pass), ("dat", .pass), ("ĐẠT", .pass), ("y", .pass), ("co", .pass),
    ("có", .pass), ("fail", .fail), ("không đạt", .fail), ("khong dat", .fail), ("n", .fail),
    ("partial", .partial), ("một phần", .partial), ("mot phan", .partial), ("p", .partial),
    ("na", .notApplicable), ("không áp dụng", .notApplicable), ("khong ap dung", .notApplicable),
    ("kad", .notApplicable),
  ])
  func answerWordsInEitherLanguageWithOrWithoutDiacritics(word: String, outcome: Outcome) {
    #expect(AnswerParser.checkOutcome(word) == outcome)
  }

  @Test func answersAreReadForEachKind() {
    #expect(AnswerParser.parse("10/12", for: .observation) == .observation(compliant: 10, observed: 12))
    #expect(AnswerParser.parse(" 10 / 12 ", for: .observation) == .observation(compliant: 10, observed: 12))
    #expect(AnswerParser.parse("kad", for: .observation) == .notApplicable)
    #expect(AnswerParser.parse("đạt", for: .observation) == nil)
    #expect(AnswerParser.parse("3", for: .scale(max: 4)) == .scale(3))
    #expect(AnswerParser.parse("ba", for: .scale(max: 4)) == nil)
    #expect(AnswerParser.parse("na", for: .text) == .text("na"))
    #expect(AnswerParser.parse("có", for: .yesNo) == .yes)
    #expect(AnswerParser.parse("Không", for: .yesNo) == .no)
    #expect(AnswerParser.parse("kad", for: .yesNo) == .notApplicable)
    #expect(AnswerParser.parse("đạt", for: .yesNo) == nil)
    #expect(AnswerParser.splitRemark("fail -- lý do thay đổi") == ("fail", "lý do thay đổi"))
    #expect(AnswerParser.splitRemark("fail") == ("fail", nil))
  }

  @Test func aMistypedCommandGetsDidYouMean() throws {
    let harness = try Harness()
    let noAudit = harness.send("scroe")
    #expect(!noAudit.succeeded)
    #expect(noAudit.text == "Không có lệnh `scroe`. Có phải ý bạn là `score`? Gõ `help` để xem các lệnh.")
    try harness.startAudit()
    let onItem = harness.send("scroe")
    #expect(!onItem.succeeded)
    #expect(onItem.text.contains("`score`"))
    harness.send("lang en")
    #expect(
      harness.send("fnid thẻ").text == "No command `fnid`. Did you mean `find`? Type `help` for the commands."
    )
    #expect(harness.send("xyzzy").text.hasPrefix("BADGE-01 does not take the answer `xyzzy`."))
  }

  @Test func aTextAnswerThatLooksLikeAMistypedCommandIsAskedAboutFirst() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["10/12", "đạt", "không đạt", "3"])
    #expect(harness.session.currentItemID == "NOTE-01")
    // One word or several: `fnid the cong chuc` is a typo of `find` more likely than an answer.
    let typo = harness.send("fnid the cong chuc")
    #expect(typo.text.hasPrefix("`fnid` giống lệnh `find`. Ghi cả dòng làm câu trả lời cho NOTE-01?"))
    #expect(harness.session.prompt == "(c/k) › ")
    #expect(harness.send("k").text == "Đã hủy; không ghi gì.")
    #expect(try harness.savedAudit(id).records["NOTE-01"]?.state == .unanswered)
    harness.send("finsh")
    #expect(harness.send("c").text.hasPrefix("✓ NOTE-01: “finsh”"))
    #expect(try harness.savedAudit(id).records["NOTE-01"]?.state == .answered(.text("finsh")))
    // A command's own name starting a sentence is text, not asked about.
    harness.send("goto NOTE-01")
    #expect(harness.send("Xem lại hồ sơ").text.hasPrefix("✓ NOTE-01: đổi"))
  }

  @Test func longLinesControlCharactersAndInvalidUTF8AreRefusedAndNothingIsRecorded() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    let long = harness.send("note " + String(repeating: "a", count: 4_100))
    #expect(!long.succeeded)
    #expect(long.text.hasPrefix("Dòng quá dài (4105 byte, tối đa 4096)"))
    let escape = harness.send("đạt\u{1B}[A")
    #expect(!escape.succeeded)
    #expect(escape.text.hasPrefix("Dòng có ký tự điều khiển"))
    let nul = harness.send("note a\u{0}b")
    #expect(!nul.succeeded)
    let invalid = harness.send("note \u{FFFD}\u{FFFD}")
    #expect(!invalid.succeeded)
    #expect(invalid.text.hasPrefix("Dòng có byte không phải UTF-8"))
    #expect(harness.send("note cột\tmột").succeeded)  // tab is allowed
    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-02"]?.state == .unanswered)
    // Typed right after answering BADGE-01: on BADGE-01.
    #expect(saved.records["BADGE-01"]?.notes.map(\.text) == ["cột\tmột"])
    #expect(saved.events.count == 3)
    #expect(harness.send("").succeeded)
    #expect(harness.send("   ").text.isEmpty)
  }

  @Test func findIgnoresDiacriticsCaseAndTheLetterDd() throws {
    let harness = try Harness()
    // Without an audit, find searches every checklist of the catalog.
    #expect(harness.send("find the cong chuc").text.contains("test-conduct BADGE-01"))
    try harness.startAudit()
    let found = harness.send("tim THE CONG CHUC")
    #expect(found.succeeded)
    #expect(found.text.hasPrefix("2 mục khớp `THE CONG CHUC`:"))  // BADGE-02 through its section title
    #expect(found.text.contains("BADGE-01"))
    #expect(harness.send("find dem so nguoi").text.contains("BADGE-01"))  // guidance "Đếm số người"
    #expect(harness.send("find ID card").text.contains("BADGE-01"))  // English text
    #expect(harness.send("find post-02").text.contains("POST-02"))  // id
    #expect(harness.send("find khong co gi").text == "Không tìm thấy `khong co gi`.")
  }

  @Test func findMatchesEveryWordInAnyOrderAfterWholePhrases() throws {
    let harness = try Harness(catalog: try Catalog.standard)
    #expect(
      harness.send(
        "start public-office-conduct --unit U --leader L --members M --visit surprise --province \"Hà Nội\" "
          + "--level commune --one-stop yes"
      ).succeeded)
    // "thẻ công chức" is not a phrase of BADGE-01 ("Cán bộ, công chức, … đeo thẻ"), but all its words are.
    let found = harness.send("find the cong chuc")
    #expect(found.succeeded)
    #expect(found.text.contains("BADGE-01"))
    #expect(harness.send("find the dong phuc xanh").text == "Không tìm thấy `the dong phuc xanh`.")
  }

  @Test func attachRecordsPathSizeAndTheSHA256OfARealFile() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let file = harness.filesDirectory.appending(path: "ảnh bảng niêm yết.txt")
    let contents = Data("Bảng niêm yết thủ tục hành chính\n".utf8)
    try contents.write(to: file)
    let reply = harness.send("đính kèm \"ảnh bảng niêm yết.txt\"")
    #expect(reply.succeeded, "\(reply.text)")

    let attachment = try #require(try harness.savedAudit(id).records["BADGE-01"]?.attachments.first)
    #expect(attachment.path == file.path)
    #expect(attachment.size == Int64(contents.count))
    #expect(attachment.sha256 == (try sha256sum(file)))
    #expect(reply.text.contains(attachment.sha256))

    let missing = harness.send("attach khong-co.jpg")
    #expect(!missing.succeeded)
    #expect(
      missing.text.hasPrefix(
        "Không đính kèm được \(harness.filesDirectory.path)/khong-co.jpg: không có tệp này"))
    let folder = harness.send("attach " + harness.temporary.url.path)
    #expect(!folder.succeeded)
    #expect(folder.text.contains("đó là thư mục"))
    #expect(try harness.savedAudit(id).records["BADGE-01"]?.attachments.count == 1)
  }

  /// The digest `sha256sum` prints, as the independent witness.
  private func sha256sum(_ file: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return String(output.prefix(64))
  }

  @Test func startAsksForWhatIsMissingOneQuestionAtATime() throws {
    let harness = try Harness()
    let first = harness.send("bắt đầu")
    #expect(first.text.contains("Bảng kiểm nào? (số hoặc mã)"))
    #expect(first.text.contains("1. test-conduct — Kiểm tra công vụ (thử)"))
    #expect(harness.session.prompt == "Bảng kiểm › ")
    #expect(!harness.send("9").succeeded)
    #expect(harness.session.prompt == "Bảng kiểm › ")
    #expect(harness.send("1").text == "Đơn vị được kiểm tra?")
    #expect(!harness.send("").succeeded)
    #expect(harness.send("UBND phường Hàng Bạc").text == "Địa chỉ nơi kiểm tra? (Enter nếu chưa ghi)")
    #expect(harness.send("16 Lê Thái Tổ, Hoàn Kiếm").text == "Trưởng đoàn? (Enter: Nguyễn Văn An)")
    #expect(harness.session.prompt == "Trưởng đoàn [Nguyễn Văn An] › ")
    harness.send("")
    harness.send("Trần Thị Bình (Chuyên viên Sở Nội vụ); Lê Văn Cường")
    #expect(harness.session.prompt == "Thư ký › ")
    harness.send("Trần Thị Bình")
    #expect(harness.session.prompt == "Người ghi › ")
    harness.send("Lê Văn Cường")
    #expect(!harness.send("bất ngờ").succeeded)
    harness.send("dot xuat")
    #expect(harness.session.prompt == "Quyết định › ")
    #expect(!harness.send("12/QĐ-UBND, 30/02/2026").succeeded)
    harness.send("12/QĐ-UBND, 15/01/2026, UBND tỉnh Bắc Ninh")
    harness.send("")
    harness.send("UBND TỈNH BẮC NINH")
    let started = harness.send("Phạm Văn Dũng (Phó Chủ tịch UBND phường)")
    #expect(started.succeeded, "\(started.text)")
    #expect(started.text.contains("Người ghi: Lê Văn Cường"))
    let audit = try #require(harness.session.audit)
    #expect(
      audit.header.team
        == InspectionTeam(people: [
          TeamMember(name: "Nguyễn Văn An", role: .leader),
          TeamMember(name: "Trần Thị Bình", title: "Chuyên viên Sở Nội vụ", role: .secretary),
          TeamMember(name: "Lê Văn Cường", role: .member),
        ]))
    #expect(audit.header.unit.address == "16 Lê Thái Tổ, Hoàn Kiếm")
    #expect(audit.header.unit.representative == "Phạm Văn Dũng")
    #expect(audit.header.unit.representativeTitle == "Phó Chủ tịch UBND phường")
    #expect(
      audit.header.basis
        == LegalBasis(
          decision: DocumentReference(
            number: "12/QĐ-UBND", date: CalendarDate(year: 2026, month: 1, day: 15),
            issuer: "UBND tỉnh Bắc Ninh")))
    #expect(audit.header.issuingBody == "UBND TỈNH BẮC NINH")
    #expect(audit.header.visitType == .surprise)
    // The recorder chosen at start records every event, the start included.
    #expect(audit.events.allSatisfy { $0.author == "Lê Văn Cường" })
    #expect(harness.session.prompt == "[1/5 BADGE-01] › ")
  }

  @Test func startWithSomeArgumentsAsksForTheRest() throws {
    let harness = try Harness(language: .en)
    let reply = harness.send(
      "start test-conduct --unit \"Sở Nội vụ\" --address \"18 Huỳnh Thúc Kháng\" --visit scheduled")
    #expect(reply.text.hasSuffix("Team leader? (Enter: Nguyễn Văn An)"))
    harness.run(["Lê Thị Hoa", "", "", "", "", "", ""])
    let started = harness.send("")
    #expect(started.succeeded, "\(started.text)")
    let audit = try #require(harness.session.audit)
    #expect(audit.header.unit == InspectedUnit(name: "Sở Nội vụ", address: "18 Huỳnh Thúc Kháng"))
    #expect(audit.header.team == InspectionTeam(leader: "Lê Thị Hoa", members: []))
    #expect(audit.header.visitType == .scheduled)
    #expect(audit.header.basis == nil)
  }

  @Test func aCompleteStartLineStartsAtOnceAndUnknownOptionsAreRefused() throws {
    let harness = try Harness()
    let unknown = harness.send(
      "start test-conduct --unit X --leader L --members \"\" --visit surprise --lead Y")
    #expect(!unknown.succeeded)
    #expect(unknown.text.hasPrefix("Lệnh start không có tùy chọn --lead."))
    #expect(harness.session.audit == nil)
    #expect(harness.send("start test-conduct --unit X --leader L --members \"\" --visit surprise").succeeded)
    #expect(harness.session.audit?.header.team.leader == "L")
    // No --recorder and an inspector named on the command line: the inspector records.
    #expect(harness.session.audit?.events.first?.author == "Nguyễn Văn An")
  }

  @Test func cancelOrCtrlCAbandonsStart() throws {
    let harness = try Harness()
    harness.send("start")
    #expect(harness.send("hủy").text == "Đã hủy; chưa tạo cuộc kiểm tra nào.")
    #expect(harness.session.prompt == "kycuong › ")
    harness.send("start test-conduct")
    #expect(harness.session.interrupt().text == "Đã hủy; chưa tạo cuộc kiểm tra nào.")
    #expect(harness.session.audit == nil)
    #expect(harness.store.list().isEmpty)
    let badStart = harness.send("start no-such --unit X")
    #expect(!badStart.succeeded)
    #expect(badStart.text.hasPrefix("Không có bảng kiểm `no-such`. Có: test-conduct"))
  }
}
