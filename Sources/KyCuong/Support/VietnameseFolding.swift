import Foundation

/// Folds Vietnamese text for search and matching: lower case, no diacritics, `đ`/`Đ` as `d`, runs of white
/// space as one space.
///
/// Inspectors type fast, often without diacritics: "the cong chuc" must find "thẻ công chức", and `dat` must
/// be read as `đạt`.
///
/// ```swift
/// VietnameseFolding.fold("Đeo thẻ  CÔNG chức")  // "deo the cong chuc"
/// ```
package enum VietnameseFolding {
  /// The folded form of `text`.
  package static func fold(_ text: String) -> String {
    // `đ` is a letter of its own, not d with a combining mark, so diacritic folding alone keeps it.
    let replaced = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
    let folded = replaced.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether `text` contains `query`, both folded.
  package static func contains(_ text: String, _ query: String) -> Bool {
    let needle = fold(query)
    return needle.isEmpty || fold(text).contains(needle)
  }

  /// Whether every word of `query` begins a word of `text`, both folded: "the cong chuc" matches
  /// "Cán bộ, công chức … đeo thẻ", whose words are not in that order.
  package static func containsAllWords(_ text: String, _ query: String) -> Bool {
    let wanted = words(of: query)
    guard !wanted.isEmpty else { return true }
    let present = words(of: text)
    return wanted.allSatisfy { word in present.contains { $0.hasPrefix(word) } }
  }

  /// The folded words of `text`: runs of letters and digits.
  package static func words(of text: String) -> [Substring] {
    fold(text).split { !($0.isLetter || $0.isNumber) }
  }
}
