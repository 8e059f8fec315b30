import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

struct SessionSafetyTests {
  @Test func anAnswerThatCannotBeWrittenIsReportedAndForgotten() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    let before = try #require(harness.session.audit)
    // The disk refuses: the log is gone (an unplugged card, a full or read-only volume).
    try FileManager.default.removeItem(at: harness.store.logURL(for: id))
    let reply = harness.send("đạt")
    #expect(!reply.succeeded)
    #expect(reply.text.hasPrefix("Chưa ghi được: lỗi đọc/ghi \(harness.store.logURL(for: id).path)"))
    #expect(harness.session.audit == before)
    #expect(harness.session.currentItemID == "BADGE-02")
  }

  @Test func aMistypedAnswerWordGetsDidYouMean() throws {
    let harness = try Harness()
    try harness.startAudit()
    harness.send("10/12")
    let typo = harness.send("fial")
    #expect(!typo.succeeded)
    #expect(typo.text.hasPrefix("BADGE-02 không nhận câu trả lời `fial`. Có phải ý bạn là `fail`?"))
    #expect(harness.send("dta").text.contains("Có phải ý bạn là `đạt`?"))
  }

  @Test func stylingIsUsedOnlyWhenAskedFor() throws {
    let plain = try Harness()
    try plain.startAudit()
    #expect(!plain.replies.contains { $0.text.contains("\u{1B}[") })

    let temporary = try TemporaryDirectory()
    let store = AuditStore(directory: temporary.url)
    let catalog = Catalog([try testChecklist()])
    let styled = Session(
      configuration: SessionConfiguration(catalog: catalog, store: store, inspector: "An", styled: true))
    let reply = styled.evaluate(
      "start test-conduct --unit X --leader An --members \"\" --visit scheduled")
    #expect(reply.succeeded, "\(reply.text)")
    #expect(reply.text.contains("\u{1B}[1mBADGE-01\u{1B}[0m"))
    _ = styled.evaluate("quit")
  }

  @Test func welcomeWithoutUnfinishedAuditsSaysHowToBegin() throws {
    let harness = try Harness(language: .en)
    #expect(
      harness.session.welcome()
        == "KyCuong — administrative discipline inspection.\nType `start` to begin an inspection, `help` for the commands."
    )
    #expect(harness.send("audits").text.hasPrefix("No audits in "))
    #expect(harness.session.endOfInput() == SessionReply(text: "Goodbye.", succeeded: true, exit: true))
  }

  @Test func commandsThatNeedAnAuditSaySo() throws {
    let harness = try Harness(language: .en)
    for line in ["show", "next", "goto BADGE-01", "list", "note x", "skip x", "score", "finish", "export"] {
      let reply = harness.send(line)
      #expect(!reply.succeeded, "\(line)")
      #expect(reply.text.hasPrefix("No audit is open"), "\(line)")
    }
    #expect(harness.send("resume").text == "Usage: resume ID [--read-only]")
    #expect(harness.send("resume ../x").text.hasPrefix("Cannot open: \"../x\" is not an audit id"))
  }

  @Test func aRefusedResumeOrACancelledStartLeavesTheOpenAuditAsItWas() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    #expect(!harness.send("resume khong-co").succeeded)
    #expect(harness.session.audit?.id == id)
    harness.send("start")
    harness.send("cancel")
    #expect(harness.session.audit?.id == id)
    #expect(harness.session.prompt == "[2/5 BADGE-02] › ")
    // A new start closes the previous audit and lets go of its lock.
    let second = try harness.startAudit()
    #expect(second != id)
    #expect(try AuditStore(directory: harness.auditsDirectory).open(id).readOnly == false)
  }
}

struct SessionAmbiguityTests {
  @Test func aTextAnswerStartingWithACommandAliasIsAnAnswer() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.run(["10/12", "đạt", "không đạt", "3"])
    #expect(harness.session.currentItemID == "NOTE-01")
    let reply = harness.send("Xem lại hồ sơ lưu trữ")
    #expect(reply.succeeded, "\(reply.text)")
    #expect(try harness.savedAudit(id).records["NOTE-01"]?.state == .answered(.text("Xem lại hồ sơ lưu trữ")))
    harness.send("goto NOTE-01")
    #expect(harness.send("đến muộn 15 phút -- sửa").succeeded)
    #expect(try harness.savedAudit(id).records["NOTE-01"]?.state == .answered(.text("đến muộn 15 phút")))
  }

  @Test func extraWordsAfterACommandThatTakesNoneAreRefusedOnOtherItems() throws {
    let harness = try Harness()
    try harness.startAudit()
    let reply = harness.send("score now")
    #expect(!reply.succeeded)
    #expect(reply.text == "Cách dùng: score")
  }
}
