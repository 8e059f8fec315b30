/// One problem found in a checklist file: where it is and which rule it breaks.
///
/// Its description is the line `kycuong validate` prints:
/// `Checklists/x.json: sections[2].items[4].weight: weight must be a number ≥ 0, found -1`.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
  /// The rules a checklist must follow.
  public enum Rule: String, Hashable, Sendable, CaseIterable {
    /// The file is not JSON (the message gives line and column).
    case malformedJSON
    /// The file could not be read.
    case unreadableFile
    /// A field the format does not define.
    case unknownField
    /// The same key twice in one object.
    case duplicateKey
    /// A required field is absent.
    case missingField
    /// A field has the wrong JSON type.
    case wrongType
    /// Two sections, items, sources or tags share an id.
    case duplicateID
    /// An id does not follow its pattern.
    case badID
    /// A weight below zero.
    case negativeWeight
    /// A weight above the maximum (1000).
    case weightTooLarge
    /// A weight or a critical flag on an item that is never scored (`yesNo`, `text`).
    case unscoredKind
    /// `visits` that name an unknown visit type or one twice.
    case badVisits
    /// A context condition with an unknown level, an empty province, or no member.
    case badContext
    /// Localized text without Vietnamese, or with empty Vietnamese.
    case missingVietnamese
    /// A `kind` other than check, observation, scale, text, yesNo.
    case unknownKind
    /// A tag that is neither built in nor defined in `tags`.
    case unknownTag
    /// `applicableWhen` names an unknown or later item, one that cannot control (not check or yesNo), or an
    /// outcome that item cannot have.
    case badCondition
    /// A scale without `max`, or `max` on another kind.
    case scaleMax
    /// A `source.ref` that names no citation.
    case unknownSource
    /// Rating bands that do not cover 0–100, overlap, or are malformed.
    case ratingBands
    /// Partial credit outside 0…1.
    case partialCredit
    /// A scoring model other than the four.
    case unknownModel
    /// A version that is not `MAJOR.MINOR.PATCH`.
    case badVersion
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case badDate
    /// A list that must not be empty is empty.
    case emptyList
  }

  /// The file, as given to the loader.
  public var file: String
  /// The JSON path (`sections[2].items[4].weight`); empty for the whole document.
  public var path: String
  /// The rule broken.
  public var rule: Rule
  /// What is wrong and what would be right.
  public var message: String

  /// Creates an issue.
  ///
  /// - Parameters:
  ///   - file: The file, as given to the loader.
  ///   - path: The JSON path; empty for the whole document.
  ///   - rule: The rule broken.
  ///   - message: What is wrong and what would be right.
  public init(file: String, path: String, rule: Rule, message: String) {
    self.file = file
    self.path = path
    self.rule = rule
    self.message = message
  }

  /// `FILE: PATH: MESSAGE`, or `FILE: MESSAGE` for the whole document.
  public var description: String {
    path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
  }
}

/// A checklist file broke one or more rules; `issues` lists every one.
public struct ChecklistValidationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every problem found, in file order.
  public var issues: [ValidationIssue]

  /// Creates the error.
  ///
  /// - Parameter issues: Every problem found, in file order.
  public init(issues: [ValidationIssue]) {
    self.issues = issues
  }

  /// One issue per line.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
