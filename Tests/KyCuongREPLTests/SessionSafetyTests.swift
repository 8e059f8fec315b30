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

  /// F10 in the REPL: what a saved log says (a unit's name, a member's, a remark, a note) reaches the
  /// terminal with its escape sequences shown as text, in every reply that prints it — the welcome, `audits`,
  /// `resume`, `goto`, `show`, `list`, `retract`, `score`, the goodbye — with and without colour; the session's own
  /// colours are kept.
  @Test func escapeSequencesFromALogNeverReachTheTerminal() throws {
    // OSC (retitles the window) ended by BEL, CSI clear-screen, C1 CSI, NEL, DEL, a right-to-left override,
    // and an SGR that conceals what follows.
    let attack = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{85}x\u{7F}\u{202E}y\u{1B}[8m"
    let temporary = try TemporaryDirectory()
    let store = AuditStore(directory: temporary.url.appending(path: "audits"))
    let header = AuditHeader(
      id: "20261121-0930-escape-7a8b", checklist: try testChecklist(),
      unit: InspectedUnit(name: "UBND \(attack) phường"),
      team: InspectionTeam(leader: "Nguyễn Văn An", members: ["Trần \(attack) Bình"]), visitType: .surprise)
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    var audit = Audit(header: header, by: "Nguyễn Văn An", at: start)
    let changes: [AuditEvent.Change] = [
      .answered(item: "BADGE-01", outcome: .observation(compliant: 9, observed: 12), remark: nil),
      .answered(item: "BADGE-02", outcome: .fail, remark: "remark \(attack)"),
      .noted(item: "BADGE-02", text: "note \(attack)"),
    ]
    for (minute, change) in changes.enumerated() {
      try audit.record(
        change, by: "Nguyễn Văn An \(attack)", at: start.addingTimeInterval(Double(minute + 1) * 60))
    }
    try store.create(audit)
    store.close(audit.id)

    func controls(_ text: String) -> [String] {
      // The session's own colours are the only escape sequences allowed through.
      let withoutOwnColours = text.replacing(/\x{1B}\[(0|1|2|31|32|33)m/, with: "")
      return withoutOwnColours.unicodeScalars.filter {
        $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
          || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
      }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }
    for styled in [false, true] {
      let harness = try Harness(temporary: temporary, styled: styled)
      var printed = [("welcome", harness.session.welcome())]
      for line in ["audits", "resume 20261121-0930", "goto BADGE-02", "show", "list", "retract", "score"] {
        printed.append((line, harness.send(line).text))
        printed.append(("prompt after \(line)", harness.session.prompt))
      }
      printed.append(("goodbye", harness.session.endOfInput().text))
      for (what, text) in printed {
        #expect(controls(text).isEmpty, "styled \(styled), \(what): \(controls(text))")
      }
      let all = printed.map(\.1).joined(separator: "\n")
      // The attack is there to see, inert: the unit's name in the welcome, the remark and the note in show.
      #expect(all.components(separatedBy: #"UBND \u{1b}]0;pwned\u{7}"#).count >= 3, "styled \(styled)")
      #expect(all.contains(#"note \u{1b}]0;pwned"#) && all.contains(#"remark \u{1b}]0;pwned"#))
      #expect(all.contains("\u{1B}[1m") == styled, "the session's own bold")
    }
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
