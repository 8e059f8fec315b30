import Foundation

/// The code a document shows and the code a test runs, so the documentation tests can hold one to the other:
/// the snippets between `// snippet:` and `// end snippet` in a test's source, and the Swift blocks of a
/// Markdown document.
public enum DocumentSnippets {
  /// The snippets of a Swift source file, each without the indentation its lines share.
  ///
  /// - Parameter source: The text of a test's source file.
  /// - Returns: Each snippet's lines, joined by newlines, in the order they appear.
  public static func snippets(in source: String) -> [String] {
    var result: [String] = []
    var current: [Substring]?
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("// snippet:") {
        current = []
      } else if trimmed == "// end snippet", let lines = current {
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        result.append(lines.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n"))
        current = nil
      } else if current != nil {
        current?.append(line)
      }
    }
    return result
  }

  /// The fenced ```` ```swift ```` blocks of a Markdown document.
  ///
  /// - Parameter markdown: The document's text.
  /// - Returns: Each block's lines, joined by newlines, in the order they appear.
  public static func swiftBlocks(in markdown: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring]?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line == "```swift" {
        current = []
      } else if current != nil, line == "```" {
        blocks.append((current ?? []).joined(separator: "\n"))
        current = nil
      } else if current != nil {
        current?.append(line)
      }
    }
    return blocks
  }
}
