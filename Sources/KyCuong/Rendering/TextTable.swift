/// A plain-text table with aligned columns, for terminals and logs.
///
/// Widths count characters (Vietnamese letters with diacritics are one character each in NFC), not bytes.
public struct TextTable: Sendable {
  /// Column headers.
  public var headers: [String]
  /// Rows; a row shorter than the headers is padded with empty cells.
  public var rows: [[String]]
  /// Columns aligned to the right (numbers), by index.
  public var rightAligned: Set<Int>

  /// Creates a table.
  public init(headers: [String], rows: [[String]] = [], rightAligned: Set<Int> = []) {
    self.headers = headers
    self.rows = rows
    self.rightAligned = rightAligned
  }

  /// The table as lines: header, a rule, then the rows.
  public func render() -> String {
    let columns = headers.count
    let cells = rows.map { row in (0..<columns).map { $0 < row.count ? row[$0] : "" } }
    let widths = (0..<columns).map { column in
      ([headers[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
    }
    func line(_ row: [String]) -> String {
      row.enumerated().map { column, text in
        let padding = String(repeating: " ", count: widths[column] - text.count)
        return rightAligned.contains(column) ? padding + text : text + padding
      }.joined(separator: "  ").replacing(/\s+$/, with: "")
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + cells.map(line)).joined(separator: "\n")
  }
}

/// Formats a score 0…100 with one decimal, or "—" when there is none.
public func formatScore(_ score: Double?) -> String {
  guard let score else { return "—" }
  let tenths = (score * 10).rounded()
  let whole = Int(tenths) / 10
  let fraction = abs(Int(tenths)) % 10
  return "\(whole).\(fraction)"
}

/// Formats a weight or a count of points: whole numbers without a decimal point, others with up to two
/// decimals (`2`, `1.5`, `0.25`).
public func formatNumber(_ number: Double) -> String {
  if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
  let hundredths = (number * 100).rounded() / 100
  return hundredths == hundredths.rounded() ? String(Int(hundredths)) : String(hundredths)
}
