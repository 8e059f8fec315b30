/// `word` after "a" or "an", for English messages: "a check", "an observation".
package func withArticle(_ word: String) -> String {
  guard let first = word.first, "aeiou".contains(first) else { return "a \(word)" }
  return "an \(word)"
}
