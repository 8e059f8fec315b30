import Foundation
import KyCuong
import KyCuongSpreadsheet
import Testing

/// Workbooks the tests start from, and edits a person makes to them.
enum Workbooks {
  /// The workbook of a standard checklist, as `kycuong checklist export` writes it.
  static func standard(_ id: String = "public-office-conduct") throws -> Spreadsheet {
    let checklist = try #require(try Catalog.standard[id])
    return ChecklistSpreadsheet.spreadsheet(for: checklist, schema: ChecklistFile.standardSchema)
  }

  /// The errors of importing `workbook`, one line each; empty when it imports.
  static func problems(_ workbook: Spreadsheet) -> [String] {
    do {
      _ = try ChecklistSpreadsheet.checklist(from: workbook)
      return []
    } catch {
      let problems = error.issues.map(\.description)
      if ProcessInfo.processInfo.environment["SHOW_PROBLEMS"] != nil { print("PROBLEMS", problems) }
      return problems
    }
  }
}

extension Spreadsheet {
  /// The index of the sheet named `name`.
  func index(of name: String) throws -> Int {
    try #require(sheets.firstIndex { $0.name == name }, "no sheet \(name)")
  }

  /// The column of `header` in `sheet`.
  func column(_ header: String, in sheet: String) throws -> Int {
    let rows = sheets[try index(of: sheet)].rows
    let index = try #require(
      rows.first?.firstIndex { $0 == .text(header) }, "no column \(header) in \(sheet)")
    return index + 1
  }

  /// The row whose first cell is `key` in `sheet`.
  func row(_ key: String, in sheet: String) throws -> Int {
    let rows = sheets[try index(of: sheet)].rows
    let index = try #require(rows.firstIndex { $0.first == .text(key) }, "no row \(key) in \(sheet)")
    return index + 1
  }

  /// Sets the cell of `header` in the row of `key` (the first cell of the row) in `sheet`.
  mutating func set(_ sheet: String, _ key: String, _ header: String, _ value: CellValue?) throws {
    let row = try row(key, in: sheet)
    let column = try column(header, in: sheet)
    sheets[try index(of: sheet)][row, column] = value
  }

  /// The address of the cell of `header` in the row of `key`.
  func address(_ sheet: String, _ key: String, _ header: String) throws -> String {
    CellReference(sheet: sheet, row: try row(key, in: sheet), column: try column(header, in: sheet))
      .description
  }

  /// Removes the sheet named `name`.
  mutating func removeSheet(_ name: String) throws {
    sheets.remove(at: try index(of: name))
  }

  /// Replaces the rows of a sheet.
  mutating func replaceRows(of name: String, with rows: [[CellValue?]]) throws {
    let index = try index(of: name)
    sheets[index] = Sheet(name: name, rows: rows)
  }
}
