/// Suggestions for mistyped words, by edit distance on folded text.
package enum EditDistance {
  /// Edit distance with adjacent transpositions counted as one edit (optimal string alignment), so that
  /// `scroe` is one edit from `score`, as a typist sees it.
  package static func distance(_ left: String, _ right: String) -> Int {
    let a = Array(left)
    let b = Array(right)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          best = min(best, table[i - 2][j - 2] + 1)
        }
        table[i][j] = best
      }
    }
    return table[a.count][b.count]
  }

  /// The candidate closest to `word` (folded), if it is close enough to be a typo: at most 2 edits, and
  /// fewer than half the word's length so that short words do not match everything.
  package static func closest(to word: String, in candidates: [String]) -> String? {
    closest(to: word, inFolded: candidates.map { ($0, VietnameseFolding.fold($0)) })
  }

  /// ``closest(to:in:)`` over candidates folded once by the caller (command words are folded at start-up,
  /// not on every line).
  package static func closest(
    to word: String, inFolded candidates: [(word: String, folded: String)]
  ) -> String? {
    let folded = VietnameseFolding.fold(word)
    guard !folded.isEmpty else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      // More than two edits apart by length alone: no need to compute the distance.
      if abs(candidate.folded.count - folded.count) > 2 { continue }
      let distance = distance(folded, candidate.folded)
      if distance < (best?.distance ?? Int.max) { best = (candidate.word, distance) }
    }
    guard let best, best.distance <= 2, best.distance * 2 < max(folded.count, 2) else { return nil }
    return best.candidate
  }
}
