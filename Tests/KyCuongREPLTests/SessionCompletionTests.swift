import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

struct SessionCompletionTests {
  @Test func commandsAtTheStartOfALine() throws {
    let harness = try Harness()
    #expect(harness.session.completions(forLineBeforeCursor: "sc") == ["score"])
    #expect(harness.session.completions(forLineBeforeCursor: "fin") == ["find", "finding", "finish"])
    #expect(harness.session.completions(forLineBeforeCursor: "ghi").contains("ghichu"))
    // No item is current: no answer words.
    #expect(!harness.session.completions(forLineBeforeCursor: "").contains("đạt"))
  }

  @Test func answerWordsWhenAnItemIsCurrent() throws {
    let harness = try Harness()
    try harness.startAudit()
    harness.send("10/12")
    let all = harness.session.completions(forLineBeforeCursor: "")
    #expect(all.starts(with: AnswerParser.displayWords))
    #expect(all.contains("help"))
    #expect(
      harness.session.completions(forLineBeforeCursor: "kh").starts(with: ["không đạt", "không áp dụng"]))
    #expect(harness.session.completions(forLineBeforeCursor: "dat") == ["đạt"])
  }

  /// Regression: after the first word of a two-word answer, Tab found nothing, because the first word
  /// (`không`) is not a command.
  @Test func theSecondWordOfATwoWordAnswer() throws {
    let harness = try Harness()
    try harness.startAudit()
    harness.send("10/12")
    #expect(harness.session.completions(forLineBeforeCursor: "không ") == ["không đạt", "không áp dụng"])
    #expect(harness.session.completions(forLineBeforeCursor: "không đ") == ["không đạt"])
    #expect(harness.session.completions(forLineBeforeCursor: "khong d") == ["khong dat"])
    #expect(harness.session.completions(forLineBeforeCursor: "một ") == ["một phần"])
    #expect(
      CompletionPlan.make(
        lineBeforeCursor: "không đ", candidates: harness.session.completions(forLineBeforeCursor: "không đ"))
        == .replace(deleteCount: 0, insert: "ạt "))
    #expect(harness.session.completions(forLineBeforeCursor: "xem lai ").isEmpty)
  }

  @Test func checklistIDsAfterStartAndItemIDsAfterGoto() throws {
    let harness = try Harness()
    #expect(harness.session.completions(forLineBeforeCursor: "start ") == ["test-conduct"])
    #expect(harness.session.completions(forLineBeforeCursor: "start te") == ["test-conduct"])
    #expect(harness.session.completions(forLineBeforeCursor: "start test-conduct --u") == ["--unit"])
    let id = try harness.startAudit()
    #expect(harness.session.completions(forLineBeforeCursor: "goto B") == ["BADGE-01", "BADGE-02"])
    #expect(harness.session.completions(forLineBeforeCursor: "goto post") == ["POST-00", "POST-02"])
    #expect(
      harness.session.completions(forLineBeforeCursor: "list ")
        == ["badge", "posting", "remarks", "unanswered", "failed", "critical"])
    #expect(harness.session.completions(forLineBeforeCursor: "resume ") == [id])
    #expect(harness.session.completions(forLineBeforeCursor: "lang e") == ["en"])
    #expect(harness.session.completions(forLineBeforeCursor: "goto BADGE-01 x").isEmpty)
  }

  @Test func pathsAfterAttachWithFoldersEndingInSlash() throws {
    let harness = try Harness()
    let files = harness.filesDirectory
    try FileManager.default.createDirectory(
      at: files.appending(path: "photos"), withIntermediateDirectories: true)
    try Data("1".utf8).write(to: files.appending(path: "photos/board.jpg"))
    try Data("2".utf8).write(to: files.appending(path: "phieu.pdf"))
    try Data("3".utf8).write(to: files.appending(path: ".hidden"))
    #expect(harness.session.completions(forLineBeforeCursor: "attach ") == ["phieu.pdf", "photos/"])
    #expect(harness.session.completions(forLineBeforeCursor: "attach pho") == ["photos/"])
    #expect(harness.session.completions(forLineBeforeCursor: "dinhkem photos/") == ["photos/board.jpg"])
    #expect(harness.session.completions(forLineBeforeCursor: "attach .h") == [".hidden"])
  }

  @Test func theChecklistQuestionOfStartCompletesChecklistIDs() throws {
    let harness = try Harness()
    harness.send("start")
    #expect(harness.session.completions(forLineBeforeCursor: "t") == ["test-conduct"])
  }
}
