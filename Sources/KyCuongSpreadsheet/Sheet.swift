/// One sheet of a spreadsheet: its name and its cells, addressed by row and column from 1 as a spreadsheet
/// numbers them.
public struct Sheet: Hashable, Sendable {
  /// The sheet's name, as its tab shows it.
  public var name: String
  /// The rows from row 1; a row holds its cells from column 1, `nil` where a cell is blank.
  public private(set) var rows: [[CellValue?]]

  /// Creates a sheet.
  ///
  /// - Parameters:
  ///   - name: The sheet's name.
  ///   - rows: The rows from row 1, each with its cells from column 1 (`nil` for a blank cell).
  public init(name: String, rows: [[CellValue?]] = []) {
    self.name = name
    self.rows = rows
  }

  /// The number of rows up to the last one that has a cell.
  public var rowCount: Int { rows.count }

  /// The cell at `row` and `column` (both from 1), `nil` when it is blank or outside the sheet.
  ///
  /// - Parameters:
  ///   - row: The row, from 1.
  ///   - column: The column, from 1.
  public subscript(row: Int, column: Int) -> CellValue? {
    get {
      guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return nil }
      return rows[row - 1][column - 1]
    }
    set {
      guard row >= 1, column >= 1 else { return }
      if row > rows.count {
        guard newValue != nil else { return }
        rows += Array(repeating: [], count: row - rows.count)
      }
      if column > rows[row - 1].count {
        guard newValue != nil else { return }
        rows[row - 1] += Array(repeating: nil, count: column - rows[row - 1].count)
      }
      rows[row - 1][column - 1] = newValue
    }
  }

  /// Appends a row of cells.
  ///
  /// - Parameter cells: The cells from column 1, `nil` for a blank one.
  public mutating func append(_ cells: [CellValue?]) {
    rows.append(cells)
  }

  /// Whether every cell of `row` is blank.
  func isBlank(row: Int) -> Bool {
    guard row >= 1, row <= rows.count else { return true }
    return rows[row - 1].allSatisfy { $0 == nil || $0?.isBlank == true }
  }
}
