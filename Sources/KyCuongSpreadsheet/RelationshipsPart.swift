import Foundation

/// A `.rels` part of an OOXML package: which part each relationship id points to.
final class RelationshipsPart: XMLPartHandler {
  /// One relationship: its id, its type's URI and the path of the part it targets.
  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  private(set) var relationships: [Relationship] = []
  private let base: String

  private init(base: String) {
    self.base = base
  }

  /// The relationships of the part at `source` (`""` for the package), targets resolved to package paths.
  ///
  /// - Parameters:
  ///   - data: The `.rels` part's bytes.
  ///   - part: Its path, for messages.
  ///   - source: The path of the part the relationships belong to.
  /// - Returns: The relationships in the part's order, those that target an external resource left out.
  /// - Throws: ``SpreadsheetError/malformedXML(part:line:column:reason:)`` when the part is not
  ///   well-formed XML, ``SpreadsheetError/unsupportedEncoding(part:)`` when it is not UTF-8,
  ///   ``SpreadsheetError/documentTypeDeclaration(part:)`` when it declares a document type.
  static func read(_ data: Data, part: String, source: String) throws(SpreadsheetError) -> [Relationship] {
    let base = source.split(separator: "/").dropLast().joined(separator: "/")
    let reader = RelationshipsPart(base: base)
    try XMLPart.parse(data, part: part, into: reader)
    return reader.relationships
  }

  /// The path of the relationships of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func path(of part: String) -> String {
    var components = part.split(separator: "/").map(String.init)
    let name = components.popLast() ?? ""
    return (components + ["_rels", name + ".rels"]).joined(separator: "/")
  }

  /// `target` as a package path: absolute (`/xl/…`) or relative to `base`, with `.` and `..` resolved.
  static func resolve(_ target: String, base: String) -> String {
    var components: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
    for component in target.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return components.joined(separator: "/")
  }

  func start(_ name: String, attributes: [String: String]) throws(SpreadsheetError) {
    guard name == "Relationship", attributes["TargetMode"] != "External", let id = attributes["Id"],
      let target = attributes["Target"]
    else { return }
    relationships.append(
      Relationship(id: id, type: attributes["Type"] ?? "", target: Self.resolve(target, base: base)))
  }

  func end(_ name: String) throws(SpreadsheetError) {}

  func characters(_ text: String) {}
}
