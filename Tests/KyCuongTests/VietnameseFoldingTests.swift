import KyCuong
import KyCuongSupport
import Testing

@Suite("Vietnamese folding")
struct VietnameseFoldingTests {
  @Test(
    "folding: lower case, no diacritics, đ as d, single spaces",
    arguments: [
      ("Đeo thẻ công chức", "deo the cong chuc"),
      ("Đeo thẻ  CÔNG chức", "deo the cong chuc"),
      ("  \tđạt\n yêu cầu ", "dat yeu cau"),
      ("ăâêôơư ĂÂÊÔƠƯ", "aaeoou aaeoou"),
      ("ÀÁẢÃẠ àáảãạ", "aaaaa aaaaa"),
      ("Ủy ban nhân dân phường Hàng Bạc", "uy ban nhan dan phuong hang bac"),
      ("UBND-2017", "ubnd-2017"),
      ("", ""),
    ])
  func fold(text: String, folded: String) {
    #expect(VietnameseFolding.fold(text) == folded)
  }

  @Test("decomposed (NFD) text folds like composed text")
  func decomposed() {
    // "thẻ" as t, h, e, U+0309 combining hook above; "Đ" has no decomposition.
    #expect(
      VietnameseFolding.fold("Đeo the\u{0309} co\u{0302}ng chu\u{031B}\u{0301}c") == "deo the cong chuc")
  }

  @Test(
    "contains, both sides folded",
    arguments: [
      ("thẻ công chức", "the cong chuc", true),
      ("Đeo thẻ công chức", "THẺ", true),
      ("Đeo thẻ công chức", "deo  the", true),
      ("Đeo thẻ công chức", "", true),
      ("thẻ", "thẻ công", false),
      ("Niêm yết công khai", "dat", false),
    ])
  func contains(text: String, query: String, expected: Bool) {
    #expect(VietnameseFolding.contains(text, query) == expected)
  }

  @Test func allWordsMatchInAnyOrderAsWordPrefixes() {
    let text = "Cán bộ, công chức, viên chức có mặt đeo thẻ trong khi làm việc"
    #expect(VietnameseFolding.containsAllWords(text, "the cong chuc"))
    #expect(VietnameseFolding.containsAllWords(text, "THẺ   Công"))
    #expect(VietnameseFolding.containsAllWords(text, "deo th"))
    #expect(!VietnameseFolding.containsAllWords(text, "the dong phuc"))
    #expect(!VietnameseFolding.containsAllWords(text, "ong"))  // a word's middle is not a match
    #expect(VietnameseFolding.words(of: "Đeo thẻ, đúng quy định!") == ["deo", "the", "dung", "quy", "dinh"])
  }
}
