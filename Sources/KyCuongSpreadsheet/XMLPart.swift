import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Receives the elements of one XML part as Foundation's `XMLParser` reads them, element and attribute names
/// without their namespace prefix (`r:id` is `id`).
protocol XMLPartHandler: AnyObject {
  /// An element starts.
  func start(_ name: String, attributes: [String: String]) throws(SpreadsheetError)
  /// An element ends.
  func end(_ name: String) throws(SpreadsheetError)
  /// Text inside the current element (it may come in several pieces).
  func characters(_ text: String)
}

/// Reads one XML part of a workbook with Foundation's `XMLParser`, refusing what no spreadsheet part holds:
/// a document type declaration (and with it every entity, so a "billion laughs" cannot expand), an external
/// entity, an encoding other than UTF-8.
enum XMLPart {
  /// Parses `data` into `handler`.
  ///
  /// - Parameters:
  ///   - data: The part's bytes.
  ///   - part: The part's path, for messages.
  ///   - handler: What receives the elements.
  /// - Throws: ``SpreadsheetError`` for a part that is refused or not well-formed, or what `handler` throws.
  static func parse(_ data: Data, part: String, into handler: some XMLPartHandler) throws(SpreadsheetError) {
    try checkPrologue(data, part: part)
    let parser = XMLParser(data: data)
    let delegate = Delegate(part: part, handler: handler)
    parser.delegate = delegate
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    let parsed = parser.parse()
    if let error = delegate.error { throw error }
    guard parsed else {
      let code = (parser.parserError as NSError?)?.code ?? 0
      throw .malformedXML(
        part: part, line: parser.lineNumber, column: parser.columnNumber, reason: "XMLParser error \(code)")
    }
  }

  /// Refuses a part that is not UTF-8 or that declares a document type, before the parser sees it. The
  /// check is on bytes, so it needs an ASCII-compatible encoding: that is why UTF-16 is refused first.
  static func checkPrologue(_ data: Data, part: String) throws(SpreadsheetError) {
    let head = Array(data.prefix(512))
    if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.first == 0
      || head.count > 1 && head[1] == 0
    {
      throw .unsupportedEncoding(part: part)
    }
    let text = String(decoding: head, as: UTF8.self)
    if let declaration = text.range(of: "<?xml"), let end = text.range(of: "?>"),
      declaration.upperBound <= end.lowerBound
    {
      let prologue = text[declaration.upperBound..<end.lowerBound].lowercased()
      if let encoding = prologue.range(of: "encoding") {
        let value = prologue[encoding.upperBound...].drop {
          $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'"
        }
        guard value.hasPrefix("utf-8") || value.hasPrefix("utf8") else {
          throw .unsupportedEncoding(part: part)
        }
      }
    }
    if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
      throw .documentTypeDeclaration(part: part)
    }
  }

  /// A name without its namespace prefix.
  static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  private final class Delegate: NSObject, XMLParserDelegate {
    let part: String
    let handler: any XMLPartHandler
    var error: SpreadsheetError?

    init(part: String, handler: any XMLPartHandler) {
      self.part = part
      self.handler = handler
    }

    func stop(_ parser: XMLParser, _ error: SpreadsheetError) {
      if self.error == nil { self.error = error }
      parser.abortParsing()
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      guard error == nil else { return }
      var local: [String: String] = [:]
      for (key, value) in attributes { local[XMLPart.localName(key)] = value }
      do {
        try handler.start(XMLPart.localName(elementName), attributes: local)
      } catch {
        stop(parser, error)
      }
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
      guard error == nil else { return }
      do {
        try handler.end(XMLPart.localName(elementName))
      } catch {
        stop(parser, error)
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      guard error == nil else { return }
      handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      guard error == nil else { return }
      handler.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    // Any declaration belongs to a document type, which the prologue check already refuses; these stop the
    // parser should one get through all the same.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
      stop(parser, .documentTypeDeclaration(part: part))
    }

    func parser(
      _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
      systemID: String?
    ) {
      stop(parser, .documentTypeDeclaration(part: part))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
      stop(parser, .documentTypeDeclaration(part: part))
      return nil
    }
  }
}
