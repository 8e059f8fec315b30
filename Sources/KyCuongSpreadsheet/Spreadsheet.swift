import Foundation

/// A workbook in memory: named sheets of cells, read from an XLSX or a CSV file and written as XLSX.
///
/// ```swift
/// let workbook = try Spreadsheet(xlsx: data)
/// let items = workbook[sheet: "items"]
/// ```
public struct Spreadsheet: Hashable, Sendable {
  /// The sheets, in the order of their tabs.
  public var sheets: [Sheet]

  /// Creates a workbook.
  ///
  /// - Parameter sheets: The sheets, in the order of their tabs.
  public init(sheets: [Sheet] = []) {
    self.sheets = sheets
  }

  /// The sheet named `name`, compared ignoring case and surrounding white space, as a spreadsheet
  /// compares sheet names.
  ///
  /// - Parameter name: A sheet name.
  public subscript(sheet name: String) -> Sheet? {
    let wanted = Self.key(name)
    return sheets.first { Self.key($0.name) == wanted }
  }

  /// Adds the sheets of `other`: each replaces the sheet of the same name, or is added after the others.
  /// So a CSV file of items can replace the items of a workbook.
  ///
  /// - Parameter other: Another workbook.
  public mutating func merge(_ other: Spreadsheet) {
    for sheet in other.sheets {
      if let index = sheets.firstIndex(where: { Self.key($0.name) == Self.key(sheet.name) }) {
        sheets[index] = sheet
      } else {
        sheets.append(sheet)
      }
    }
  }

  static func key(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }
}
