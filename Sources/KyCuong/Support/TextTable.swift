/// A plain-text table with aligned columns, for terminals and logs.
///
/// Widths count characters (Vietnamese letters with diacritics are one character each in NFC), not bytes.
package struct TextTable: Sendable {
  /// Column headers.
  package var headers: [String]
  /// Rows; a row shorter than the headers is padded with empty cells.
  package var rows: [[String]]
  /// Columns aligned to the right (numbers), by index.
  package var rightAligned: Set<Int>

  /// Creates a table.
  package init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
    self.headers = headers
    self.rows = rows
    self.rightAligned = rightAligned
  }

  /// The table as lines: header, a rule, then the rows.
  package func render() -> String {
    let columns = headers.count
    let cells = rows.map { row in (0..<columns).map { $0 < row.count ? row[$0] : "" } }
    let widths = (0..<columns).map { column in
      ([headers[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
    }
    func line(_ row: [String]) -> String {
      row.enumerated().map { column, text in
        let padding = String(repeating: " ", count: widths[column] - text.count)
        return rightAligned.contains(column) ? padding + text : text + padding
      }.joined(separator: "  ").droppingTrailingWhitespace
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + cells.map(line)).joined(separator: "\n")
  }
}

extension String {
  /// The text without the spaces that end it (a right-padded last column), by characters: a regular
  /// expression here was a third of printing a listing of a few hundred rows.
  fileprivate var droppingTrailingWhitespace: String {
    guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
    return String(self[...last])
  }
}
