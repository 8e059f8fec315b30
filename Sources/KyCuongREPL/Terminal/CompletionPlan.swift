/// What Tab does with the session's candidates, decided without a terminal so it can be tested in-process.
///
/// Candidates are whole words (they may contain spaces, e.g. "không đạt"); the plan works out how much of
/// the line they replace.
public enum CompletionPlan: Equatable, Sendable {
  /// Nothing matches: beep.
  case none
  /// Delete `deleteCount` Unicode scalars before the cursor (libedit counts wide characters), then insert
  /// `insert`; usually just the rest of the word.
  case replace(deleteCount: Int, insert: String)
  /// Several candidates and nothing more to insert: show them.
  case list([String])

  /// The plan for `candidates` given the text before the cursor.
  public static func make(lineBeforeCursor line: String, candidates all: [String]) -> CompletionPlan {
    var seen = Set<String>()
    let candidates = all.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard let first = candidates.first else { return .none }
    let typed = typedPart(of: line, matching: candidates)
    if candidates.count == 1 {
      return edit(from: typed, to: first + " ")
    }
    let prefix = commonPrefix(candidates)
    if prefix.count > typed.count {
      return edit(from: typed, to: prefix)
    }
    return .list(candidates)
  }

  /// The smallest edit that turns `typed` into `target`: usually nothing to delete and the rest of the
  /// word to insert, so libedit only redraws what changed.
  static func edit(from typed: String, to target: String) -> CompletionPlan {
    let shared = commonPrefix([typed, target])
    let deleted = typed.dropFirst(shared.count)
    return .replace(deleteCount: deleted.unicodeScalars.count, insert: String(target.dropFirst(shared.count)))
  }

  /// The end of `line` that the candidates replace: the longest suffix starting at a word boundary that
  /// every candidate starts with; when none does (say, the session matched case-insensitively), the last
  /// word.
  static func typedPart(of line: String, matching candidates: [String]) -> String {
    var starts: [String.Index] = [line.startIndex]
    for index in line.indices where line[index] == " " {
      starts.append(line.index(after: index))
    }
    for start in starts {
      let suffix = String(line[start...])
      if candidates.allSatisfy({ $0.hasPrefix(suffix) }) {
        return suffix
      }
    }
    return String(line[(starts.last ?? line.startIndex)...])
  }

  /// The longest common prefix, by characters, so a Vietnamese letter is never split.
  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
      while !word.hasPrefix(prefix) {
        prefix.removeLast()
      }
    }
    return prefix
  }

  /// `candidates` laid out in columns that fit `width`, one line per row, each line ending in "\n".
  public static func columns(_ candidates: [String], width: Int) -> String {
    guard !candidates.isEmpty else { return "" }
    let cell = (candidates.map(\.count).max() ?? 0) + 2
    let perRow = max(1, max(width, cell) / cell)
    let rows = (candidates.count + perRow - 1) / perRow
    var text = ""
    for row in 0..<rows {
      var line = ""
      // Column-major order, as shells list completions: read down, then across.
      for column in 0..<perRow {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let word = candidates[index]
        line += word + String(repeating: " ", count: cell - word.count)
      }
      while line.hasSuffix(" ") {
        line.removeLast()
      }
      text += line + "\n"
    }
    return text
  }
}
