import KyCuong

/// One problem found in a checklist workbook: the cell it is in and the rule it breaks.
///
/// Its description is the line `kycuong checklist import` prints: `items!G14: unknown kind "chek"; use one
/// of check, observation, scale, text, yesNo`.
public struct SpreadsheetIssue: Hashable, Sendable, CustomStringConvertible {
  /// What kind of problem an issue is.
  public enum Rule: Hashable, Sendable {
    /// A rule of the checklist format, found by ``/KyCuong/ChecklistParser`` in what the cells say.
    case checklist(ValidationIssue.Rule)
    /// A sheet the workbook must have is missing.
    case missingSheet
    /// A column the sheet must have is missing.
    case missingColumn
    /// A column the layout does not define.
    case unknownColumn
    /// Two columns of a sheet have the same name.
    case duplicateColumn
    /// A row of the settings sheet that names no setting.
    case unknownSetting
    /// A setting given twice.
    case duplicateSetting
    /// An item whose section is blank or names no row of the sections sheet.
    case unknownSection
    /// A further reference for an item the items sheet does not have.
    case unknownItem
  }

  /// Where the problem is. A problem with something missing points at the cell where it belongs.
  public var cell: CellReference
  /// The rule broken.
  public var rule: Rule
  /// What is wrong and what would be right.
  public var message: String

  /// Creates an issue.
  ///
  /// - Parameters:
  ///   - cell: Where the problem is.
  ///   - rule: The rule broken.
  ///   - message: What is wrong and what would be right.
  public init(cell: CellReference, rule: Rule, message: String) {
    self.cell = cell
    self.rule = rule
    self.message = message
  }

  /// `SHEET!CELL: MESSAGE`.
  public var description: String { "\(cell): \(message)" }
}

/// A checklist workbook broke one or more rules; `issues` lists every one, sheet by sheet, row by row.
public struct ChecklistSpreadsheetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every problem found.
  public var issues: [SpreadsheetIssue]

  /// Creates the error.
  ///
  /// - Parameter issues: Every problem found.
  public init(issues: [SpreadsheetIssue]) {
    self.issues = issues
  }

  /// One issue a line.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
