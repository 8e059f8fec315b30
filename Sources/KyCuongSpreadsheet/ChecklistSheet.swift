/// The sheets of a checklist workbook, in the order of their tabs, and the columns of each.
///
/// Column names follow XLSForm: a localized text takes one column a language, `text::vi` and `text::en`.
/// Reading compares names ignoring case, `_`, `-` and spaces, so `validUntil`, `valid_until` and
/// `Valid until` are one column.
enum ChecklistSheet: String, CaseIterable, Sendable {
  /// One row an item, in checklist order.
  case items
  /// One row a further reference of an item's source (`source.seeAlso`), in order.
  case seeAlso = "see_also"
  /// One row a section, in order.
  case sections
  /// One row a citation.
  case sources
  /// One row a tag the items may use besides the built-in focus areas.
  case tags
  /// One row a setting: `setting` and `value`.
  case settings
  /// One row a rating band.
  case bands

  /// The sheet's name.
  var name: String { rawValue }

  /// Whether a checklist workbook must have the sheet.
  var isRequired: Bool {
    switch self {
    case .items, .sections, .sources, .settings: true
    case .seeAlso, .tags, .bands: false
    }
  }

  /// The columns, in order.
  var columns: [ChecklistColumn] {
    switch self {
    case .items:
      [
        .code("id", required: true), .code("section", required: true), .text("text::vi", required: true),
        .text("text::en"), .text("guidance::vi", required: true), .text("guidance::en"),
        .code("kind", required: true), .code("weight"), .code("critical"), .code("tags", width: 24),
        .code("source", required: true, width: 18), .code("applicable_when", width: 28), .code("max"),
        .code("visits"), .code("valid_until"), .text("scope_note::vi"), .text("scope_note::en"),
        .code("source_article"), .text("source_note::vi"), .text("source_note::en"),
      ]
    case .seeAlso:
      [
        .code("item", required: true), .code("ref", required: true, width: 18), .code("article"),
        .text("note::vi"), .text("note::en"),
      ]
    case .sections:
      [.code("id", required: true), .text("title::vi", required: true), .text("title::en"), .code("weight")]
    case .sources:
      [
        .code("id", required: true, width: 18), .code("type", required: true),
        .code("number", width: 18), .text("title::vi", required: true), .text("title::en"),
        .text("issuer::vi", width: 30), .text("issuer::en", width: 30), .code("date"), .code("article"),
        .code("url", width: 30), .text("note::vi"), .text("note::en"),
      ]
    case .tags: [.code("id", required: true), .text("label::vi", required: true), .text("label::en")]
    case .settings: [.code("setting", required: true, width: 18), .text("value", required: true, width: 80)]
    case .bands:
      [
        .code("id", required: true), .code("from", required: true), .code("to", required: true),
        .text("label::vi", required: true), .text("label::en"),
      ]
    }
  }

  /// The rows of the settings sheet, in order.
  static let settingNames = [
    "id", "version", "title::vi", "title::en", "description::vi", "description::en", "scoring",
    "partial_credit", "historical", "scope_note::vi", "scope_note::en", "schema",
  ]

  /// A column or setting name as it is compared: lower case, without `_`, `-` and spaces.
  static func key(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { !["_", "-", " ", "\u{A0}"].contains($0) })
  }

  /// How the sheet is written: its column widths, its text columns wrapped.
  var format: SheetFormat {
    SheetFormat(
      widths: columns.map(\.width),
      wrapped: Set(columns.indices.filter { columns[$0].wraps }.map { $0 + 1 }))
  }
}

/// One column of a checklist sheet.
struct ChecklistColumn: Hashable, Sendable {
  /// The name in the header row.
  var name: String
  /// Whether a sheet without the column is refused.
  var required: Bool
  /// Whether the column holds prose, kept exactly as typed and wrapped when written; other columns hold
  /// ids, numbers and names, read without surrounding white space.
  var wraps: Bool
  /// The width when written, in characters.
  var width: Double

  static func code(_ name: String, required: Bool = false, width: Double = 12) -> Self {
    Self(name: name, required: required, wraps: false, width: width)
  }

  static func text(_ name: String, required: Bool = false, width: Double = 50) -> Self {
    Self(name: name, required: required, wraps: true, width: width)
  }
}
