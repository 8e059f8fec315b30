import Foundation
import KyCuong
import KyCuongSupport

/// A checklist file of the repository's `Checklists/` folder: the checklist and the `$schema` its file
/// names. It is written with the members in the files' order, defaults left out as the files leave them
/// (`critical` and `historical` only when true) and the layout of the standard checklists: a standard checklist
/// written so is its file byte for byte.
///
/// ```swift
/// let file = try ChecklistFile(data: Data(contentsOf: url), file: url.path)
/// let same = file.data  // the bytes read, for a file in the repository's style
/// ```
public struct ChecklistFile: Hashable, Sendable {
  /// The schema the standard checklists' files name in their `$schema` member.
  public static let standardSchema = "./checklist.schema.json"

  /// The checklist.
  public var checklist: Checklist
  /// The file's `$schema` member, written first; `nil` for none.
  public var schema: String?

  /// Creates a file of `checklist`.
  ///
  /// - Parameters:
  ///   - checklist: The checklist.
  ///   - schema: The file's `$schema` member, if any.
  public init(checklist: Checklist, schema: String? = nil) {
    self.checklist = checklist
    self.schema = schema
  }

  /// Reads a checklist file, validated by ``/KyCuong/ChecklistParser``, with the `$schema` it names.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The file's name, for messages.
  /// - Throws: ``/KyCuong/ChecklistValidationError`` listing every problem.
  public init(data: some Collection<UInt8>, file: String) throws(ChecklistValidationError) {
    checklist = try ChecklistParser.parse(data, file: file)
    // Read a second time for the one member the checklist does not keep; a file the parser accepts parses.
    if case .string(let schema)? = (try? JSONReader.parse(data))?["$schema"] { self.schema = schema }
  }

  /// The file's bytes: UTF-8 JSON ending in a line break.
  public var data: Data {
    Data((JSONLayout.text(Self.jsonValue(for: checklist, schema: schema)) + "\n").utf8)
  }

  /// The order of a checklist's members in the files.
  static let checklistOrder = [
    "$schema", "id", "version", "historical", "title", "description", "scopeNote", "sources", "tags",
    "scoring",
    "sections",
  ]
  /// The order of an item's members in the files.
  static let itemOrder = [
    "id", "text", "guidance", "scopeNote", "kind", "max", "weight", "critical", "source", "tags",
    "applicableWhen", "visits", "validUntil",
  ]

  /// The checklist's JSON (``Checklist/jsonValue``, which every reader accepts) in the files' order.
  static func jsonValue(for checklist: Checklist, schema: String?) -> JSONValue {
    guard case .object(var members) = checklist.jsonValue else { return checklist.jsonValue }
    if let schema { members.append(("$schema", .string(schema))) }
    members = members.map { member in
      guard member.key == "sections", case .array(let sections) = member.value else { return member }
      return (member.key, .array(sections.map(restyleSection)))
    }
    return .object(ordered(members, by: checklistOrder))
  }

  private static func restyleSection(_ section: JSONValue) -> JSONValue {
    guard case .object(let members) = section else { return section }
    return .object(
      members.map { member in
        guard member.key == "items", case .array(let items) = member.value else { return member }
        return (
          member.key,
          .array(
            items.map { item in
              guard case .object(let fields) = item else { return item }
              return .object(
                ordered(fields.filter { $0.key != "critical" || $0.value == .bool(true) }, by: itemOrder))
            })
        )
      })
  }

  /// `members` sorted by the place of their key in `order`; keys not in it keep their place at the end.
  private static func ordered(
    _ members: [(key: String, value: JSONValue)], by order: [String]
  ) -> [(key: String, value: JSONValue)] {
    members.enumerated().sorted { left, right in
      let a = order.firstIndex(of: left.element.key) ?? order.count
      let b = order.firstIndex(of: right.element.key) ?? order.count
      return a != b ? a < b : left.offset < right.offset
    }.map(\.element)
  }
}
