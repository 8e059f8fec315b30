import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

@Suite("CompletionPlan")
struct TerminalCompletionTests {
  @Test("one candidate: the rest of it and a space")
  func single() {
    #expect(
      CompletionPlan.make(lineBeforeCursor: "DR", candidates: ["DRESS-01"])
        == .replace(deleteCount: 0, insert: "ESS-01 "))
  }

  @Test("several: the common prefix when it is longer than what is typed")
  func commonPrefix() {
    #expect(
      CompletionPlan.make(lineBeforeCursor: "BAD", candidates: ["BADGE-01", "BADGE-02"])
        == .replace(deleteCount: 0, insert: "GE-0"))
  }

  @Test("several with nothing more in common: list them")
  func list() {
    #expect(
      CompletionPlan.make(lineBeforeCursor: "show BADGE-0", candidates: ["BADGE-01", "BADGE-02"])
        == .list(["BADGE-01", "BADGE-02"]))
  }

  @Test("none: beep")
  func none() {
    #expect(CompletionPlan.make(lineBeforeCursor: "zz", candidates: []) == .none)
  }

  @Test("Vietnamese: deletes by Unicode scalar, candidates may contain a space")
  func vietnamese() {
    #expect(
      CompletionPlan.make(lineBeforeCursor: "BADGE-01 không đ", candidates: ["không đạt"])
        == .replace(deleteCount: 0, insert: "ạt "))
    #expect(CompletionPlan.make(lineBeforeCursor: "đ", candidates: ["đạt", "đã"]) == .list(["đạt", "đã"]))
  }

  @Test("a candidate matched case-insensitively replaces the last word, by Unicode scalars")
  func caseInsensitive() {
    #expect(
      CompletionPlan.make(lineBeforeCursor: "go bad", candidates: ["BADGE-01"])
        == .replace(deleteCount: 3, insert: "BADGE-01 "))
    #expect(
      CompletionPlan.make(lineBeforeCursor: "ghi KHÔNG", candidates: ["không đạt"])
        == .replace(deleteCount: 5, insert: "không đạt "))
    // "E" + combining circumflex + combining dot below: one character but three scalars for libedit.
    #expect(
      CompletionPlan.make(lineBeforeCursor: "x E\u{302}\u{323}", candidates: ["ệt"])
        == .replace(deleteCount: 3, insert: "ệt "))
  }

  @Test("a decomposed letter that is canonically the candidate's is kept, only the rest is inserted")
  func canonicalEquivalence() {
    #expect(
      CompletionPlan.make(lineBeforeCursor: "x e\u{302}\u{323}", candidates: ["ệt"])
        == .replace(deleteCount: 0, insert: "t "))
  }

  @Test("after a space, the candidate is inserted whole")
  func afterSpace() {
    #expect(
      CompletionPlan.make(lineBeforeCursor: "BADGE-01 ", candidates: ["đạt"])
        == .replace(deleteCount: 0, insert: "đạt "))
  }

  @Test("columns fit the width and read down first")
  func columns() {
    let text = CompletionPlan.columns(["a1", "a2", "a3", "a4", "a5"], width: 12)
    #expect(text == "a1  a3  a5\na2  a4\n")
    #expect(CompletionPlan.columns(["BADGE-01", "BADGE-02"], width: 80) == "BADGE-01  BADGE-02\n")
    #expect(CompletionPlan.columns(["một-từ-rất-dài"], width: 5) == "một-từ-rất-dài\n")
  }
}
