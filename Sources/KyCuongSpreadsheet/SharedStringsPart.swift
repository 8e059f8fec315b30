import Foundation

/// `xl/sharedStrings.xml`: the texts cells of type `s` refer to by index. A rich text's runs are joined;
/// phonetic guides (`rPh`) are left out, as a spreadsheet shows them apart.
final class SharedStringsPart: XMLPartHandler {
  private(set) var strings: [String] = []
  private let part: String
  private let limit: Int
  private var current = ""
  private var inItem = false
  private var inText = false
  private var phoneticDepth = 0

  private init(part: String, limit: Int) {
    self.part = part
    self.limit = limit
  }

  /// Reads the shared strings, at most `limit` of them.
  ///
  /// - Parameters:
  ///   - data: The part's bytes.
  ///   - part: Its path, for messages.
  ///   - limit: The most strings accepted.
  /// - Returns: The strings in the part's order, so that a cell's index finds its text.
  /// - Throws: ``SpreadsheetError/malformedXML(part:line:column:reason:)`` when the part is not
  ///   well-formed XML, ``SpreadsheetError/unsupportedEncoding(part:)`` when it is not UTF-8,
  ///   ``SpreadsheetError/documentTypeDeclaration(part:)`` when it declares a document type;
  ///   ``SpreadsheetError/unpackedTooLarge(part:limit:)`` when the part holds more than `limit` strings.
  static func read(_ data: Data, part: String, limit: Int) throws(SpreadsheetError) -> [String] {
    let reader = SharedStringsPart(part: part, limit: limit)
    try XMLPart.parse(data, part: part, into: reader)
    return reader.strings
  }

  func start(_ name: String, attributes: [String: String]) throws(SpreadsheetError) {
    switch name {
    case "si":
      guard strings.count < limit else { throw .unpackedTooLarge(part: part, limit: limit) }
      inItem = true
      current = ""
    case "rPh": phoneticDepth += 1
    case "t": inText = inItem && phoneticDepth == 0
    default: break
    }
  }

  func end(_ name: String) throws(SpreadsheetError) {
    switch name {
    case "si":
      strings.append(XMLText.unescaped(current))
      inItem = false
    case "rPh": phoneticDepth -= 1
    case "t": inText = false
    default: break
    }
  }

  func characters(_ text: String) {
    if inText { current += text }
  }
}
