import Foundation
import KyCuong

/// A checklist as a workbook a department can write in Excel or LibreOffice, and back: the layout of
/// XLSForm, one row a thing, one column a field.
///
/// | Sheet | One row a… | Columns |
/// |---|---|---|
/// | `items` | item, in order | `id`, `section`, `text::vi`, `text::en`, `guidance::vi`, `guidance::en`, `kind`, `weight`, `critical`, `tags`, `source`, `applicable_when`, `max`, `visits`, `valid_until`, `scope_note::vi`, `scope_note::en`, `source_article`, `source_note::vi`, `source_note::en` |
/// | `see_also` | further reference of an item's source | `item`, `ref`, `article`, `note::vi`, `note::en` |
/// | `sections` | section, in order | `id`, `title::vi`, `title::en`, `weight` |
/// | `sources` | citation | `id`, `type`, `number`, `title::vi`, `title::en`, `issuer::vi`, `issuer::en`, `date`, `article`, `url`, `note::vi`, `note::en` |
/// | `tags` | tag | `id`, `label::vi`, `label::en` |
/// | `settings` | setting (`setting`, `value`) | `id`, `version`, `title::vi`, `title::en`, `description::vi`, `description::en`, `scoring`, `partial_credit`, `historical`, `scope_note::vi`, `scope_note::en`, `schema` |
/// | `bands` | rating band | `id`, `from`, `to`, `label::vi`, `label::en` |
///
/// ```swift
/// let data = try ChecklistSpreadsheet.xlsxData(for: checklist)
/// let imported = try ChecklistSpreadsheet.checklist(from: Spreadsheet(xlsx: data))
/// imported.data  // the checklist file, in the repository's style
/// ```
public enum ChecklistSpreadsheet {
  /// The names of the sheets, in the order of their tabs.
  public static var sheetNames: [String] { ChecklistSheet.allCases.map(\.name) }

  /// The sheet a CSV file holds, by its name: `sections.csv` or `my-checklist.sections.csv` hold the
  /// sections (likewise any sheet name before `.csv`, after `.`, `-` or `_`); any other CSV file holds the
  /// items.
  ///
  /// - Parameter fileName: The CSV file's name.
  /// - Returns: The name of a sheet of ``sheetNames``.
  public static func sheetName(forCSV fileName: String) -> String {
    let stem = ChecklistSheet.key((fileName as NSString).deletingPathExtension)
    let match = ChecklistSheet.allCases.first { sheet in
      let name = ChecklistSheet.key(sheet.name)
      guard stem.hasSuffix(name) else { return false }
      let before = (fileName as NSString).deletingPathExtension.lowercased().dropLast(sheet.name.count)
      return stem == name || [".", "-", "_"].contains(before.last ?? " ")
    }
    return (match ?? .items).name
  }

  /// The workbook of `checklist`: every field of the format has its column or row, blank where the
  /// checklist leaves it out.
  ///
  /// - Parameters:
  ///   - checklist: The checklist.
  ///   - schema: The `$schema` of its file, kept in the `schema` setting so the file comes back the same.
  /// - Returns: The workbook.
  public static func spreadsheet(for checklist: Checklist, schema: String? = nil) -> Spreadsheet {
    ChecklistWorkbookWriter(checklist: checklist, schema: schema).spreadsheet()
  }

  /// The XLSX file of `checklist` (``spreadsheet(for:schema:)``), its header rows bold and kept on
  /// screen, its columns sized and its prose wrapped.
  ///
  /// - Parameters:
  ///   - checklist: The checklist.
  ///   - schema: The `$schema` of its file.
  /// - Returns: The file's bytes.
  /// - Throws: ``SpreadsheetError/textTooLong(field:length:limit:)`` for a text longer than a cell holds.
  public static func xlsxData(
    for checklist: Checklist, schema: String? = nil
  ) throws(SpreadsheetError) -> Data {
    let workbook = spreadsheet(for: checklist, schema: schema)
    var formats: [String: SheetFormat] = [:]
    for sheet in ChecklistSheet.allCases { formats[sheet.name] = sheet.format }
    return try workbook.xlsxData(formats: formats)
  }

  /// The checklist a workbook writes, checked against every rule of the format at once.
  ///
  /// Every problem names its sheet, row and column (`items!G14`): what the cells cannot hold (a weight
  /// that is not a number, a condition that is not one), sheets and columns missing or unknown, and every
  /// problem ``/KyCuong/ChecklistParser`` finds, at the cell it comes from.
  ///
  /// - Parameter workbook: The workbook, from an XLSX file or CSV files.
  /// - Returns: The checklist, and the schema its file names.
  /// - Throws: ``ChecklistSpreadsheetError`` listing every problem.
  public static func checklist(from workbook: Spreadsheet) throws(ChecklistSpreadsheetError) -> ChecklistFile
  {
    var reader = ChecklistWorkbookReader(workbook: workbook)
    return try reader.read()
  }
}
