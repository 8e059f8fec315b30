import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

struct SessionWalkthroughTests {
  @Test func startWithArgumentsShowsTheFirstItemAndThePromptShowsWhereWeStand() throws {
    let harness = try Harness()
    #expect(harness.session.prompt == "kycuong › ")
    let id = try harness.startAudit()
    let reply = try #require(harness.replies.last)
    #expect(reply.text.contains("Đã bắt đầu cuộc kiểm tra \(id)"))
    #expect(reply.text.contains("BADGE-01 · Thẻ công chức"))
    #expect(reply.text.contains("‼ ĐIỂM LIỆT"))
    #expect(reply.text.contains("Căn cứ: 129/2007/QĐ-TTg — Quy chế văn hoá công sở, Điều 7"))
    #expect(reply.text.contains("Trọng số 2"))
    #expect(reply.text.contains("Trả lời: số đạt/số quan sát, ví dụ 10/12"))
    // An unanswered item does not spend a line saying so.
    #expect(!reply.text.contains("Hiện tại:"))
    // POST-01 does not apply until POST-00 is answered pass or partial: 5 of 6 items apply.
    #expect(harness.session.prompt == "[1/5 BADGE-01] › ")

    let saved = try harness.savedAudit(id)
    #expect(saved.header.unit.name == "UBND phường Hàng Bạc")
    #expect(
      saved.header.team
        == InspectionTeam(leader: "Nguyễn Văn An", members: ["Trần Thị Bình", "Lê Văn Cường"]))
    #expect(saved.header.visitType == .surprise)
    #expect(saved.checklist.id == "test-conduct")
  }

  @Test func aWalkThroughInVietnameseWithoutDiacriticsRecordsEveryAnswerOnDisk() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let replies = harness.run(["10/12", "dat", "khong dat", "3", "Đơn vị chấp hành tốt"])
    #expect(replies.allSatisfy { $0.succeeded }, "\(replies.map(\.text))")
    #expect(replies[0].text.hasPrefix("✓ BADGE-01: 10/12"))
    #expect(replies[1].text.hasPrefix("✓ BADGE-02: đạt"))
    #expect(replies[2].text.hasPrefix("✓ POST-00: không đạt"))
    // POST-01 applies only when POST-00 passes: it is skipped over.
    #expect(replies[2].text.contains("POST-02 · Niêm yết"))
    #expect(replies[4].text.contains("Mọi mục áp dụng đã được trả lời"))
    #expect(harness.session.prompt == "[5/5 ✓] › ")

    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-01"]?.state == .answered(.observation(compliant: 10, observed: 12)))
    #expect(saved.records["BADGE-02"]?.state == .answered(.pass))
    #expect(saved.records["POST-00"]?.state == .answered(.fail))
    #expect(saved.records["POST-01"]?.state == .unanswered)
    #expect(saved.records["POST-02"]?.state == .answered(.scale(3)))
    #expect(saved.records["NOTE-01"]?.state == .answered(.text("Đơn vị chấp hành tốt")))
    #expect(saved.records["BADGE-02"]?.by == "Nguyễn Văn An")
    #expect(saved == harness.session.audit)
  }

  @Test func answeringTheControllingItemMakesTheConditionalItemNext() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["12/12", "có", "đạt"])
    #expect(harness.session.currentItemID == "POST-01")
    #expect(harness.session.prompt == "[4/6 POST-01] › ")
    harness.send("một phần")
    #expect(try harness.savedAudit(id).records["POST-01"]?.state == .answered(.partial))
  }

  @Test func aWalkThroughInEnglish() throws {
    let harness = try Harness(language: .en)
    try harness.startAudit()
    let first = try #require(harness.replies.last)
    #expect(first.text.contains("BADGE-01 · ID cards"))
    #expect(first.text.contains("Staff wear their ID card at work"))
    #expect(first.text.contains("‼ CRITICAL"))
    let replies = harness.run(["11/12", "pass", "fail"])
    #expect(replies[1].text.hasPrefix("✓ BADGE-02: pass"))
    #expect(replies[2].text.hasPrefix("✓ POST-00: fail"))
    let refused = harness.send("maybe")
    #expect(!refused.succeeded)
    #expect(
      refused.text
        == "POST-02 does not take the answer `maybe`. Takes: a whole number from 0 to 4; or na (not applicable)."
    )
  }

  @Test func langSwitchesTheLanguageOfReplies() throws {
    let harness = try Harness()
    #expect(harness.send("lang en").text == "Language: English.")
    #expect(harness.send("show").text.hasPrefix("No audit is open"))
    #expect(harness.send("lang vi").text == "Ngôn ngữ: tiếng Việt.")
    #expect(harness.send("show").text.hasPrefix("Chưa mở cuộc kiểm tra nào"))
    #expect(!harness.send("lang fr").succeeded)
  }

  @Test func gotoAndReAnswerKeepsTheHistoryWithTheRemark() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["10/12", "đạt"])
    #expect(harness.send("goto badge-02").text.contains("Hiện tại: đạt"))
    let changed = harness.send("không đạt -- thẻ đã hết hạn")
    #expect(changed.succeeded)
    #expect(changed.text.hasPrefix("✓ BADGE-02: đổi đạt → không đạt — thẻ đã hết hạn"))
    harness.send("goto BADGE-02")
    harness.send("answer partial --remark \"một thẻ còn hạn\"")

    let record = try #require(try harness.savedAudit(id).records["BADGE-02"])
    #expect(record.state == .answered(.partial))
    #expect(record.remark == "một thẻ còn hạn")
    #expect(record.history.map(\.old) == [.pass, .fail])
    #expect(record.history.map(\.new) == [.fail, .partial])
    #expect(record.history.map(\.remark) == ["thẻ đã hết hạn", "một thẻ còn hạn"])
    #expect(harness.send("goto BADGE-02").text.contains("Đã đổi: đạt → không đạt — thẻ đã hết hạn"))
  }

  @Test func gotoRefusesAnItemThatDoesNotApplyAndSuggestsCloseIDs() throws {
    let harness = try Harness()
    try harness.startAudit()
    let notApplicable = harness.send("goto POST-01")
    #expect(!notApplicable.succeeded)
    #expect(notApplicable.text == "POST-01 không áp dụng: chỉ áp dụng khi POST-00 là đạt hoặc một phần.")
    let typo = harness.send("goto BADGE-03")
    #expect(!typo.succeeded)
    #expect(typo.text.contains("Có phải `BADGE-01`?") || typo.text.contains("Có phải `BADGE-02`?"))
  }

  @Test func nextAllAndBackAllMoveAmongApplicableItems() throws {
    let harness = try Harness()
    try harness.startAudit()
    #expect(!harness.send("back all").succeeded)
    harness.send("next all")
    #expect(harness.session.currentItemID == "BADGE-02")
    harness.send("next all")
    harness.send("next all")
    // POST-01 does not apply: next goes from POST-00 to POST-02.
    #expect(harness.session.currentItemID == "POST-02")
    harness.send("back all")
    #expect(harness.session.currentItemID == "POST-00")
  }

  @Test func nextGoesToTheNextOpenItemAndGotoTakesAPosition() throws {
    let harness = try Harness()
    try harness.startAudit()
    harness.run(["10/12", "đạt", "không đạt"])
    harness.send("goto BADGE-01")
    // BADGE-02 and POST-00 are answered: `next` skips them.
    harness.send("next")
    #expect(harness.session.currentItemID == "POST-02")
    harness.send("next")
    #expect(harness.session.currentItemID == "NOTE-01")
    // From the last open item, `next` wraps round to the first open one.
    harness.send("next")
    #expect(harness.session.currentItemID == "POST-02")
    #expect(harness.send("goto 2").succeeded)
    #expect(harness.session.currentItemID == "BADGE-02")
    #expect(harness.session.prompt == "[2/5 BADGE-02] › ")
    #expect(harness.send("goto 9").text == "Không có mục thứ 9: có 5 mục áp dụng.")
  }

  @Test func answersTheKindDoesNotTakeAreRefusedWithWhatItTakes() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let wrong = harness.send("đạt")
    #expect(!wrong.succeeded)
    #expect(
      wrong.text
        == "BADGE-01 không nhận câu trả lời `đạt`. Nhận: số đạt/số quan sát, ví dụ 10/12; hoặc kad (không áp dụng)."
    )
    let tooMany = harness.send("13/12")
    #expect(!tooMany.succeeded)
    #expect(
      tooMany.text == "BADGE-01: câu trả lời không hợp lệ (số đạt (13) không được lớn hơn số quan sát (12)).")
    harness.run(["10/12", "đạt", "không đạt"])
    let outOfScale = harness.send("5")
    #expect(!outOfScale.succeeded)
    #expect(try harness.savedAudit(id).records["POST-02"]?.state == .unanswered)
    #expect(harness.send("kad").succeeded)
    #expect(try harness.savedAudit(id).records["POST-02"]?.state == .answered(.notApplicable))
  }

  @Test func skipNoteExplainFindingRecommendActionAndRepresentativeAreRecorded() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let replies = harness.run([
      "ghi chú 3 người không đeo thẻ",
      "explain Thẻ đang làm lại",
      "note --general Đoàn đến lúc 8:05",
      "skip Không có người ở bàn",
      "tìm bảng niêm yết",
      "finding Cán bộ không đeo thẻ",
      "recommend Nhắc nhở cán bộ",
      "action Làm lại thẻ --owner \"Văn phòng UBND\" --due 2026-12-31",
      "daidien Phạm Văn Dũng",
    ])
    #expect(replies.allSatisfy { $0.succeeded }, "\(replies.map(\.text))")
    #expect(replies[0].text == "Đã ghi ghi chú cho BADGE-01.")
    #expect(replies[3].text.hasPrefix("Đã bỏ qua BADGE-01 (chưa kiểm tra)."))
    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-01"]?.notes.map(\.text) == ["3 người không đeo thẻ"])
    #expect(saved.records["BADGE-01"]?.explanations.map(\.text) == ["Thẻ đang làm lại"])
    #expect(saved.records["BADGE-01"]?.state == .skipped(reason: "Không có người ở bàn"))
    #expect(saved.general.notes.map(\.text) == ["Đoàn đến lúc 8:05"])
    #expect(saved.findings.map(\.text) == ["Cán bộ không đeo thẻ"])
    #expect(saved.recommendations.map(\.text) == ["Nhắc nhở cán bộ"])
    #expect(saved.correctiveActions.map(\.what) == ["Làm lại thẻ"])
    #expect(saved.correctiveActions.first?.owner == "Văn phòng UBND")
    // Typed right after skipping BADGE-01: the action is about BADGE-01, the item just dealt with.
    #expect(saved.correctiveActions.first?.item == "BADGE-01")
    #expect(saved.header.unit.representative == "Phạm Văn Dũng")
    let badDate = harness.send("action Làm lại thẻ --owner X --due 2026-02-30")
    #expect(!badDate.succeeded)
    #expect(badDate.text == "Không có ngày \"2026-02-30\" trong lịch; hãy kiểm tra ngày và tháng.")
    // A deadline may be typed in the Vietnamese order, DD/MM/YYYY, and is kept as a day.
    #expect(harness.send("action Thay bảng --owner X --due 5/1/2027").succeeded)
    #expect(
      try harness.savedAudit(id).correctiveActions.last?.due == CalendarDate(year: 2027, month: 1, day: 5))
    #expect(!harness.send("note").succeeded)
  }

  @Test func finishIsRefusedWhileItemsAreOpenThenAccepted() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["10/12", "đạt"])
    let refused = harness.send("finish")
    #expect(!refused.succeeded)
    #expect(refused.text.hasPrefix("Chưa kết thúc được: còn 3 mục áp dụng chưa trả lời hoặc bỏ qua"))
    #expect(refused.text.contains("POST-00"))
    #expect(refused.text.contains("NOTE-01"))
    #expect(try !harness.savedAudit(id).isFinished)
    harness.run(["không đạt", "4", "Tốt"])
    let asked = harness.send("ketthuc")
    #expect(
      asked.text.contains(
        "Không áp dụng (1):\n  POST-01: không áp dụng (chỉ khi POST-00 là đạt hoặc một phần)"))
    #expect(asked.text.contains("Kết thúc cuộc kiểm tra \(id)?"))
    #expect(try !harness.savedAudit(id).isFinished)
    let finished = harness.send("c")
    #expect(finished.succeeded, "\(finished.text)")
    #expect(finished.text.hasPrefix("Đã kết thúc cuộc kiểm tra \(id)."))
    #expect(finished.text.contains("Xếp loại: Không hoàn thành  (do vi phạm điểm liệt)"))
    #expect(try harness.savedAudit(id).isFinished)
    #expect(harness.session.prompt == "[\(id) ✓] › ")
    #expect(!harness.send("goto BADGE-01").succeeded || !harness.send("fail").succeeded)
  }

  @Test func scoreShowsAProvisionalTable() throws {
    let harness = try Harness()
    try harness.startAudit()
    harness.run(["6/12", "đạt"])
    let score = harness.send("điểm")
    #expect(score.succeeded)
    #expect(score.text.contains("(tạm tính)"))
    #expect(score.text.contains("Thẻ công chức"))
    #expect(score.text.contains("Trách nhiệm, đạo đức công vụ, ứng xử văn minh"))
    #expect(score.text.contains("Mức hoàn thành: 2/5 (40,0%)"))
    #expect(score.text.contains("Điểm liệt không đạt: BADGE-01"))
    #expect(score.text.contains("Tổng điểm: "))
  }

  @Test func exportWritesJSONWhoseScoresAreTheAuditsScores() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["10/12", "đạt", "đạt", "p"])
    let reply = harness.send("export")
    let path = harness.temporary.url.appending(path: "\(id).json").path
    #expect(reply.text == "Đã xuất ra \(path)")
    let export = try AuditExport.read(from: URL(fileURLWithPath: path))
    let saved = try harness.savedAudit(id)
    #expect(export.scores == saved.score())
    #expect(export.audit.id == id)

    let custom = harness.send("xuat ra/ket-qua.json")
    #expect(!custom.succeeded)  // the folder does not exist: said, not crashed
    #expect(custom.text.hasPrefix("Không xuất được ra"))
    #expect(harness.send("export kq.json").text.hasSuffix("kq.json"))
  }

  @Test func recordWritesThePrintableInspectionRecordInTheSessionsLanguage() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["10/12", "note hai người không đeo thẻ"])
    let html = harness.send("biên bản")
    let htmlPath = harness.temporary.url.appending(path: "\(id)-bien-ban.html").path
    #expect(html.text == "Đã lập biên bản: \(htmlPath)")
    let page = try String(contentsOfFile: htmlPath, encoding: .utf8)
    #expect(page.contains("BIÊN BẢN KIỂM TRA"))
    #expect(page.contains("hai người không đeo thẻ"))
    harness.send("lang en")
    let markdown = harness.send("record record.md")
    #expect(markdown.succeeded)
    let text = try String(
      contentsOf: harness.temporary.url.appending(path: "record.md"), encoding: .utf8)
    #expect(text.contains("INSPECTION RECORD") || text.contains("Inspection record"))
    #expect(!harness.send("record --format pdf").succeeded)
  }

  @Test func listShowsStatesAndFilters() throws {
    let harness = try Harness()
    try harness.startAudit()
    harness.run(["6/12", "đạt", "không đạt"])
    let all = harness.send("list")
    #expect(all.text.contains("badge · Thẻ công chức"))
    #expect(all.text.contains("(không áp dụng)"))
    let failed = harness.send("list failed")
    #expect(failed.text.contains("BADGE-01"))
    #expect(failed.text.contains("POST-00"))
    #expect(!failed.text.contains("BADGE-02"))
    let open = harness.send("ds chua")
    #expect(open.text.contains("POST-02"))
    #expect(!open.text.contains("BADGE-02"))
    #expect(harness.send("list posting").text.contains("POST-01"))
    #expect(harness.send("list critical").text.contains("BADGE-01"))
    let unknown = harness.send("list badg")
    #expect(!unknown.succeeded)
    #expect(unknown.text.contains("Có phải `badge`?"))
  }

  @Test func endOfInputAndQuitSayHowToResume() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let end = harness.session.endOfInput()
    #expect(end.exit)
    #expect(end.text == "Đã lưu cuộc kiểm tra \(id). Để tiếp tục: `resume \(id)`. Tạm biệt.")
    let quit = harness.send("quit")
    #expect(quit.exit)
    #expect(quit.text == "Tạm biệt.")
  }

  @Test func helpListsCommandsAndTheRemarkSyntax() throws {
    let harness = try Harness()
    let short = harness.send("help")
    // Short by default: it fits a small screen.
    #expect(short.text.split(separator: "\n").count <= 16)
    #expect(short.text.contains("help all"))
    let help = harness.send("trợ giúp tất cả")
    #expect(help.succeeded)
    #expect(help.text.contains("find [tim]"))
    #expect(help.text.contains("không đạt -- lý do thay đổi"))
    let one = harness.send("help tìm")
    #expect(one.text.hasPrefix("find TEXT"))
    #expect(harness.send("giup answer").text.contains("answer fail --remark"))
  }
}
