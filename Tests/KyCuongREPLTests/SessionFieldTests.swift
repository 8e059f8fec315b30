import Foundation
import KyCuong
import KyCuongBundle
import KyCuongIntegrity
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 12 in the REPL: every note on the right item, every entry by the right person, every mistake
/// correctable; asserted on the log, the export and the record, in both languages.
struct SessionFieldTests {
  @Test func aNoteAfterAnAnswerGoesToTheItemJustAnsweredUntilTheNextIsActedOn() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    #expect(harness.session.currentItemID == "BADGE-02")
    #expect(harness.session.targetItemID == "BADGE-01")
    #expect(harness.send("note 2 người mặc áo phông").text == "Đã ghi ghi chú cho BADGE-01.")
    #expect(
      harness.send("action Nhắc nhở --owner \"Văn phòng\" --due 31/12/2026").text.hasSuffix("cho BADGE-01."))
    // Acting on BADGE-02 (showing it) moves the inspector there.
    harness.send("show")
    #expect(harness.send("note thẻ cũ").text == "Đã ghi ghi chú cho BADGE-02.")
    // An item id first: the note goes there from anywhere.
    #expect(harness.send("note POST-02 bảng mờ").text == "Đã ghi ghi chú cho POST-02.")
    // An unknown option is refused, never stored as text.
    let unknown = harness.send("note --item BADGE-02 abc")
    #expect(!unknown.succeeded)
    #expect(unknown.text.hasPrefix("Lệnh note không có tùy chọn --item."))
    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-01"]?.notes.map(\.text) == ["2 người mặc áo phông"])
    #expect(saved.correctiveActions.first?.item == "BADGE-01")
    #expect(saved.records["BADGE-02"]?.notes.map(\.text) == ["thẻ cũ"])
    #expect(saved.records["POST-02"]?.notes.map(\.text) == ["bảng mờ"])
    #expect(
      !saved.events.contains {
        if case .noted(_, let text) = $0.change { text.contains("--item") } else { false }
      })
    harness.send("lang en")
    harness.send("goto BADGE-01")
    #expect(harness.send("note BADGE-02 one more").text == "Recorded note on BADGE-02.")
  }

  @Test func anAnswerAndANoteOnOneLine() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    let reply = harness.send("n // 2 cán bộ không đeo thẻ")
    #expect(reply.text.hasPrefix("✓ BADGE-02: không đạt\nĐã ghi ghi chú cho BADGE-02."))
    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-02"]?.state == .answered(.fail))
    #expect(saved.records["BADGE-02"]?.notes.map(\.text) == ["2 cán bộ không đeo thẻ"])
  }

  @Test func quotesTypedInATextAreKept() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send(#"note Bà Hà nói "đã nhắc nhở", “ngay hôm nay”"#)
    harness.send(#"action Treo lại "bảng 10 cam kết" --owner "Văn phòng UBND" --due 2026-12-31"#)
    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-01"]?.notes.map(\.text) == [#"Bà Hà nói "đã nhắc nhở", “ngay hôm nay”"#])
    #expect(saved.correctiveActions.first?.what == #"Treo lại "bảng 10 cam kết""#)
    #expect(saved.correctiveActions.first?.owner == "Văn phòng UBND")
    // F13: a text item's answer is verbatim too, whether typed after `answer` or alone.
    harness.send("goto NOTE-01")
    let quoted = #"Ông Tuấn nói "chưa kịp", “sẽ sửa trong tuần”"#
    #expect(harness.send("answer " + quoted).succeeded)
    #expect(try harness.savedAudit(id).records["NOTE-01"]?.outcome == .text(quoted))
    harness.send("goto NOTE-01")
    #expect(harness.send(#""Cán bộ" trả lời: “đã nộp”"#).succeeded)
    #expect(try harness.savedAudit(id).records["NOTE-01"]?.outcome == .text(#""Cán bộ" trả lời: “đã nộp”"#))
  }

  @Test func retractWithdrawsAnEntryAndTheRecordLeavesItOut() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    harness.send("note Ghi chú nhầm")
    let list = harness.send("retract")
    #expect(list.text.contains("#3  ghi chú BADGE-01: “Ghi chú nhầm”"))
    #expect(!harness.send("retract #3").succeeded)
    let done = harness.send("retract #3 ghi nhầm mục")
    #expect(done.text == "Đã rút lại: ghi chú BADGE-01: “Ghi chú nhầm” (vẫn giữ trong lịch sử).")
    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-01"]?.notes.isEmpty == true)
    #expect(saved.retractions.first?.reason == "ghi nhầm mục")
    harness.send("record r.md")
    let record = try String(contentsOf: harness.temporary.url.appending(path: "r.md"), encoding: .utf8)
    #expect(!record.contains("Ghi chú nhầm"))
    harness.send("export e.json")
    let export = try AuditExport.read(from: harness.temporary.url.appending(path: "e.json"))
    #expect(export.retractions?.first?.withdrawn.change == .noted(item: "BADGE-01", text: "Ghi chú nhầm"))
  }

  @Test func undoReversesThisSessionsLastChangeAsALoggedEvent() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    harness.send("đạt")
    let undone = harness.send("undo")
    #expect(undone.text.hasPrefix("Đã hoàn tác: trả lời BADGE-02: đạt"))
    // The item is open again, and the one to answer.
    #expect(harness.session.currentItemID == "BADGE-02")
    harness.send("undo")
    let saved = try harness.savedAudit(id)
    #expect(saved.records["BADGE-01"]?.state == .unanswered)
    #expect(saved.records["BADGE-02"]?.state == .unanswered)
    #expect(saved.events.count == 5)
    #expect(harness.send("undo").text == "Phiên này chưa ghi thay đổi nào để hoàn tác.")
    harness.send("lang en")
    harness.send("10/12")
    #expect(harness.send("undo").text.hasPrefix("Undone: answer BADGE-01: 10/12"))
  }

  @Test func reEnteringTheSameAnswerRecordsNothing() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    harness.send("10/12")
    harness.send("goto BADGE-01")
    let again = harness.send("10/12")
    #expect(again.succeeded)
    #expect(again.text.hasPrefix("BADGE-01 đã là 10/12; không ghi lại."))
    #expect(try harness.savedAudit(id).events.count == 2)
  }

  @Test func finishListsWhatWasSkippedAsksThenReopenUntilSigned() throws {
    let harness = try Harness(language: .en)
    let id = try harness.startAudit()
    harness.run(["10/12", "skip sẽ gọi thử sau", "không đạt", "kad", "Tốt"])
    let asked = harness.send("finish")
    #expect(asked.text.contains("Skipped (1):\n  BADGE-02: sẽ gọi thử sau"))
    #expect(asked.text.contains("Answered not applicable (1):\n  POST-02"))
    #expect(asked.text.contains("Do not apply (1):"))
    #expect(harness.session.prompt == "(y/n) › ")
    #expect(harness.send("maybe").text == "Answer y (yes) or n (no).")
    #expect(harness.send("n").text == "Cancelled; nothing recorded.")
    #expect(try !harness.savedAudit(id).isFinished)
    harness.send("finish")
    #expect(harness.send("y").text.hasPrefix("Audit \(id) is finished."))
    #expect(!harness.send("note late").succeeded)
    #expect(!harness.send("reopen").succeeded)
    #expect(harness.send("reopen BADGE-02 was called back").text.hasPrefix("Audit \(id) is open again"))
    harness.send("goto BADGE-02")
    harness.send("đạt")
    #expect(harness.send("finish --yes").succeeded)
    harness.send("pages 3 --copies 2")
    harness.send("refusal Lê Văn C --reason không đồng ý kết luận")
    #expect(harness.send("sign").text.hasPrefix("Recorded: the record is signed (Nguyễn Văn An)."))
    let reopen = harness.send("reopen one more thing")
    #expect(!reopen.succeeded)
    #expect(reopen.text.hasPrefix("The record is signed"))
    let saved = try harness.savedAudit(id)
    #expect(saved.isSigned)
    #expect(saved.reopenings.map(\.text) == ["BADGE-02 was called back"])
    #expect(saved.recordDetails == RecordDetails(pages: 3, copies: 2))
    #expect(saved.refusals.first?.reason == "không đồng ý kết luận")
    harness.send("record r.md")
    let record = try String(contentsOf: harness.temporary.url.appending(path: "r.md"), encoding: .utf8)
    #expect(record.contains("it has 3 pages and was made in 2 copies"))
    #expect(record.contains("Lê Văn C refused to sign the record. Reason: không đồng ý kết luận"))
  }

  @Test func whoamiSwitchesTheRecorderAndExplanationsAreTheRepresentatives() throws {
    let harness = try Harness(inspector: "")
    harness.send(
      "start test-conduct --unit \"UBND phường Hàng Bạc\" --leader \"Nguyễn Văn An (Phó Giám đốc Sở Nội vụ)\" "
        + "--members \"Trần Thị Bình\" --visit surprise --representative \"Lê Thị Hà (Phó Chủ tịch)\"")
    let id = try #require(harness.session.audit?.id)
    harness.send("10/12")
    #expect(harness.send("whoami Trần Thị Bình").text == "Từ giờ ghi với tên Trần Thị Bình.")
    harness.send("note 2 cán bộ không đeo thẻ")
    #expect(harness.send("explain Cán bộ quên thẻ ở nhà").text.contains("lời của Lê Thị Hà"))
    let saved = try harness.savedAudit(id)
    // No inspector was given: the leader chosen at start recorded until `whoami`.
    #expect(saved.events[0].author == "Nguyễn Văn An")
    #expect(saved.events[1].author == "Nguyễn Văn An")
    #expect(saved.events.dropFirst(2).allSatisfy { $0.author == "Trần Thị Bình" })
    let explanation = try #require(saved.records["BADGE-01"]?.explanations.first)
    #expect(explanation.speaker == "Lê Thị Hà")
    #expect(explanation.by == "Trần Thị Bình")
    #expect(saved.header.team.leaderMember?.title == "Phó Giám đốc Sở Nội vụ")
    // The system's user name appears nowhere.
    let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
    #expect(!saved.events.contains { $0.author == user })
  }

  @Test func zeroObservedIsRefusedWithAHintAndACountDefaultsToTheStaffPresent() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let zero = harness.send("0/0")
    #expect(!zero.succeeded)
    #expect(zero.text.contains("hãy trả lời \"không áp dụng\" (kad)"))
    let bare = harness.send("10")
    #expect(!bare.succeeded)
    #expect(bare.text.contains("`present N`"))
    #expect(harness.send("present 12").text.hasPrefix("Đã ghi 12 người có mặt."))
    #expect(harness.send("show").text.contains("(gõ M là M/12: 12 người có mặt)"))
    #expect(harness.send("10").text.hasPrefix("✓ BADGE-01: 10/12"))
    #expect(try harness.savedAudit(id).staffPresent == 12)
  }

  @Test func datesInEitherOrderImpossibleDatesAndPastDeadlines() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    #expect(harness.send("action A --owner X --due 15/12/2026").succeeded)
    #expect(harness.send("action B --owner X --due 2026-12-16").succeeded)
    let impossible = harness.send("action C --owner X --due 30/02/2026")
    #expect(!impossible.succeeded)
    #expect(impossible.text.contains("Không có ngày"))
    // The test clock says 2026-11-18: a deadline before it is asked about.
    let past = harness.send("action D --owner X --due 01/01/2026")
    #expect(past.text.hasPrefix("Hạn 01/01/2026 đã qua (hôm nay 18/11/2026). Vẫn ghi?"))
    harness.send("c")
    let saved = try harness.savedAudit(id)
    #expect(saved.correctiveActions.map(\.what) == ["A", "B", "D"])
    #expect(saved.correctiveActions.map(\.due.description) == ["2026-12-15", "2026-12-16", "2026-01-01"])
  }

  @Test func aTildeIsTheHomeFolder() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let home = harness.temporary.url.appending(path: "home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    try Data("ảnh".utf8).write(to: home.appending(path: "anh.jpg"))
    let reply = harness.send("attach ~/anh.jpg")
    #expect(reply.succeeded, "\(reply.text)")
    #expect(
      try harness.savedAudit(id).records["BADGE-01"]?.attachments.first?.path
        == home.appending(path: "anh.jpg").path)
  }

  @Test func attachedFilesAreCopiedIntoTheStoreByDigestAndTheSameFileTwiceIsReported() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let photo = harness.filesDirectory.appending(path: "bàn tiếp nhận.jpg")
    try Data(repeating: 0xAB, count: 2_000).write(to: photo)
    #expect(harness.send("attach \"bàn tiếp nhận.jpg\"").succeeded)
    let again = harness.send("attach \"bàn tiếp nhận.jpg\"")
    #expect(!again.succeeded)
    #expect(again.text.hasPrefix("Tệp này đã được đính kèm cho BADGE-01 (#2)"))
    let other = harness.send("attach BADGE-02 \"bàn tiếp nhận.jpg\"")
    #expect(other.text.contains("Cùng tệp với tệp đã đính kèm cho BADGE-01 (#2); kho chỉ giữ một bản."))
    let saved = try harness.savedAudit(id)
    let sha256 = try #require(saved.records["BADGE-01"]?.attachments.first?.sha256)
    let files = AttachmentStore(for: harness.store)
    #expect(files.contains(sha256))
    #expect(try Data(contentsOf: files.url(for: sha256)) == Data(repeating: 0xAB, count: 2_000))
    let mode =
      try FileManager.default.attributesOfItem(atPath: files.directory.path)[.posixPermissions] as? Int
    #expect(mode == 0o700)
    let fifo = harness.filesDirectory.appending(path: "pipe")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    let refused = harness.send("attach pipe")
    #expect(refused.text.contains("không phải tệp thường"))
    #expect(!refused.text.contains("NSCocoaErrorDomain"))
  }

  @Test func aBundleTravelsWithoutTheOriginalPhotos() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let photo = harness.filesDirectory.appending(path: "ảnh.jpg")
    try Data("ảnh bàn tiếp nhận".utf8).write(to: photo)
    harness.run(["10/12", "attach ảnh.jpg", "note hai người không đeo thẻ"])
    // The photos folder is moved away: the evidence is in the store, and goes into the bundle.
    try FileManager.default.removeItem(at: harness.filesDirectory)
    let reply = harness.send("bundle b.zip")
    #expect(reply.succeeded, "\(reply.text)")
    let url = harness.temporary.url.appending(path: "b.zip")
    let verification = try BundleVerification.verify(bundleAt: url)
    #expect(verification.problems.isEmpty, "\(verification.problems)")
    #expect(verification.attachmentsChecked == 1)
    #expect(verification.exportDocument?.audit.id == id)
    let record = InspectionRecord(export: try #require(verification.exportDocument))
    #expect(record.markdown(language: .vi).contains("hai người không đeo thẻ"))
    #expect(record.markdown(language: .vi).contains("ảnh.jpg"))
    // A second bundle to the same name is refused; the default name moves to a new one and says so.
    #expect(!harness.send("bundle b.zip").succeeded)
    #expect(harness.send("bundle").succeeded)
    #expect(harness.send("bundle").text.contains("ghi sang tên mới"))
  }

  /// F9: what is typed is kept in NFC: a unit's name and a note typed with combining marks (as some
  /// Vietnamese input methods send them) are saved precomposed.
  @Test func typedTextIsKeptInNFC() throws {
    let harness = try Harness()
    let decomposed = "Phu\u{031B}o\u{031B}\u{0300}ng Ha\u{0300}ng Ba\u{0323}c"
    #expect(decomposed.unicodeScalars.count > "Phường Hàng Bạc".unicodeScalars.count)
    let reply = harness.send(
      "start test-conduct --unit \"\(decomposed)\" --leader \"Nguyễn Văn An\" --members \"\" --visit surprise"
    )
    #expect(reply.succeeded, "\(reply.text)")
    let id = try #require(harness.session.audit?.id)
    harness.send("note Đa\u{0303} nha\u{0306}\u{0301}c nho\u{031B}\u{0309}")
    let saved = try harness.savedAudit(id)
    #expect(Array(saved.header.unit.name.utf8) == Array("Phường Hàng Bạc".utf8))
    #expect(Array((saved.records["BADGE-01"]?.notes.first?.text ?? "").utf8) == Array("Đã nhắc nhở".utf8))
  }

  /// Typed text is NFC, but a photo copied from a Mac may be named in NFD: `attach` finds it under either
  /// spelling of its name (and of its folder's).
  @Test func attachFindsAFileNamedInAnotherUnicodeSpelling() throws {
    let harness = try Harness()
    try harness.startAudit()
    let folder = harness.filesDirectory.appending(path: "a\u{0309}nh")  // "ảnh", decomposed
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let photo = folder.appending(path: "ba\u{0300}n.jpg")  // "bàn.jpg", decomposed
    try Data("ảnh bàn tiếp nhận".utf8).write(to: photo)
    let reply = harness.send("attach ảnh/bàn.jpg")
    #expect(reply.succeeded, "\(reply.text)")
    #expect(harness.session.audit?.records["BADGE-01"]?.attachments.first?.size == 24)
    #expect(!harness.send("attach ảnh/khác.jpg").succeeded)
  }

  /// F15: the store's copy of a photo changed after it was attached (same size, one byte different, or
  /// cut): the bundle is refused, naming the attachment and both digests, and no bundle file is left.
  @Test func aBundleIsRefusedWhenAStoredCopyChanged() throws {
    let harness = try Harness()
    try harness.startAudit()
    let photo = harness.filesDirectory.appending(path: "ảnh.jpg")
    let bytes = Data(repeating: 0x5A, count: 300_000)
    try bytes.write(to: photo)
    harness.run(["10/12", "attach ảnh.jpg"])
    let files = AttachmentStore(for: harness.store)
    let copy = files.url(for: Digest.hex(of: bytes))
    var changed = bytes
    changed[150_000] = 0x00
    for (name, content) in [("same size", changed), ("cut", bytes.prefix(1_000))] {
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy.path)
      try content.write(to: copy)
      let reply = harness.send("bundle \(name).zip")
      #expect(!reply.succeeded, "\(name)")
      #expect(reply.text.contains("ảnh.jpg") && reply.text.contains(Digest.hex(of: bytes)), "\(reply.text)")
      #expect(reply.text.contains("has changed since it was attached"), "\(reply.text)")
      let left = try FileManager.default.contentsOfDirectory(atPath: harness.temporary.url.path)
      #expect(!left.contains { $0.contains(name) }, "\(left)")
    }
    try bytes.write(to: copy)
    #expect(harness.send("bundle ok.zip").succeeded)
  }

  @Test func writersRefuseTheStoreAndExistingFiles() throws {
    let harness = try Harness()
    let id = try harness.startAudit()
    let log = harness.store.logURL(for: id)
    let before = try Data(contentsOf: log)
    for line in ["export \(log.path)", "record \(log.path)", "export \(harness.auditsDirectory.path)/x.json"]
    {
      let reply = harness.send(line)
      #expect(!reply.succeeded, "\(line)")
      #expect(reply.text.contains("thư mục lưu cuộc kiểm tra"), "\(reply.text)")
    }
    #expect(try Data(contentsOf: log) == before)
    #expect(harness.send("10/12").succeeded)
    try Data("giữ".utf8).write(to: harness.temporary.url.appending(path: "kq.json"))
    #expect(!harness.send("export kq.json").succeeded)
    #expect(try Data(contentsOf: harness.temporary.url.appending(path: "kq.json")) == Data("giữ".utf8))
    #expect(harness.send("export kq.json --force").succeeded)
    #expect(harness.send("export").succeeded)
    #expect(
      harness.send("export").text.hasSuffix("(tên mặc định đã có tệp; ghi sang tên mới, tệp cũ giữ nguyên)"))
    #expect(
      FileManager.default.fileExists(atPath: harness.temporary.url.appending(path: "\(id)-2.json").path))
  }

  @Test func freeTextIsNotKeptInTheHistory() throws {
    let harness = try Harness()
    try harness.startAudit()
    #expect(harness.session.keepsInHistory("goto BADGE-01"))
    #expect(harness.session.keepsInHistory("10/12"))
    #expect(!harness.session.keepsInHistory("note Bà Đặng Thị Ánh không đeo thẻ"))
    #expect(!harness.session.keepsInHistory("explain Ông Quyết nói đã nhắc nhở"))
    #expect(!harness.session.keepsInHistory("đạt // Bà Ánh quên thẻ"))
    harness.run(["10/12", "đạt", "không đạt", "3"])
    // At a text item every line may be an answer with names in it.
    #expect(!harness.session.keepsInHistory("Ông Trịnh Văn Quyết giải trình"))
    harness.send("start")
    #expect(!harness.session.keepsInHistory("UBND phường Hàng Bạc"))
  }

  @Test func repliesFitANarrowScreen() throws {
    let harness = try Harness(columns: 60)
    try harness.startAudit()
    let replies = harness.run([
      "10/12", "note một dòng ghi chú rất dài về việc hai cán bộ không đeo thẻ trong khi tiếp dân ở bàn số 2",
      "list", "score", "help", "help all", "find the cong chuc", "show", "compact on", "next all", "?",
    ])
    for reply in replies {
      for line in reply.text.split(separator: "\n") {
        #expect(TextLayout.width(String(line)) <= 60, "\(line)")
      }
    }
    // Compact: one line per item.
    #expect(replies[9].text.split(separator: "\n").count == 1)
    #expect(replies[10].text.contains("Hướng dẫn:"))
  }

  @Test func yesNoItemsReadYesAndNoAndTheContextIsAskedAtStart() throws {
    let harness = try Harness(catalog: try Catalog.standard)
    let asked = harness.send(
      "start public-office-conduct --unit \"UBND phường Hàng Bạc\" --leader An --members \"\" --visit scheduled"
    )
    // The checklist has items for Hà Nội and one-stop desks: the context is asked.
    #expect(asked.text.hasSuffix("Tỉnh/thành phố? (ví dụ: Hà Nội)"))
    harness.send("Hà Nội")
    harness.send("2")
    let started = harness.send("c")
    #expect(started.succeeded, "\(started.text)")
    let audit = try #require(harness.session.audit)
    #expect(audit.header.context == AuditContext(province: "Hà Nội", level: .commune, oneStopDesk: true))
    // HOURS-02 is checked on surprise visits only: recorded skipped with the standard reason.
    #expect(started.text.contains("HOURS-02"))
    #expect(
      audit.records["HOURS-02"]?.state
        == .skipped(reason: KyCuong.Audit.notCheckedOnVisitReason(.scheduled).vi))
    #expect(harness.send("goto DRESS-02").text.contains("có (c, y) hoặc không (k, n)"))
    #expect(harness.send("không").text.hasPrefix("✓ DRESS-02: không"))
    harness.send("record r.md")
    let record = try String(contentsOf: harness.temporary.url.appending(path: "r.md"), encoding: .utf8)
    // The gate reads "Không", never "Không đạt" with a score.
    let block = try #require(
      record.components(separatedBy: "**DRESS-02**").dropFirst().first?.components(separatedBy: "\n**").first)
    #expect(block.contains("- Kết quả: Không"))
    #expect(!block.contains("Không đạt") && !block.contains("điểm 0"))
  }
}
