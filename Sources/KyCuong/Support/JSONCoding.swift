import Foundation

/// The one JSON encoder and decoder configuration KyCuong's files use: sorted keys, ISO 8601 UTC times to
/// the second, slashes not escaped.
package enum JSONCoding {
  /// An encoder for KyCuong's files; `pretty` indents (exports, summaries), otherwise one line (log events).
  package static func encoder(pretty: Bool = false) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Timestamp.string(from: date))
    }
    return encoder
  }

  /// A decoder matching ``encoder(pretty:)``: times must be ISO 8601.
  package static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom(date(from:))
    return decoder
  }

  /// A time as KyCuong's files write it, ISO 8601, from `decoder` (``decoder()``'s strategy, and
  /// ``JSONValueDecoder``'s).
  package static func date(from decoder: any Decoder) throws -> Date {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = Timestamp.date(from: text) else {
      let why = Timestamp.impossibility(in: text).map { " (\($0))" } ?? ""
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not an ISO 8601 time: \(text)\(why)")
    }
    return date
  }

  /// `value` encoded as a file: pretty-printed JSON ending in a newline, safe to print on a terminal
  /// (``escapingTerminalControls(_:)``).
  package static func fileData(_ value: some Encodable) throws -> Data {
    var data = try encoder(pretty: true).encode(value)
    data.append(UInt8(ascii: "\n"))
    return escapingTerminalControls(data)
  }

  /// UTF-8 JSON `data` with every character a terminal would act on (``TerminalText/isUnsafe(_:)``: DEL, C1
  /// controls, bidirectional overrides) written as a JSON escape (`\u0085`): the same JSON to a reader, inert when
  /// the file is printed. JSON already escapes the C0 controls in strings, and outside strings there is only
  /// ASCII punctuation, spaces and new lines, so every such character is in a string, where the escape means
  /// the character itself.
  package static func escapingTerminalControls(_ data: Data) -> Data {
    guard mayHoldTerminalControls(data) else { return data }
    let text = String(decoding: data, as: UTF8.self)
    guard text.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return data }
    var escaped = ""
    escaped.reserveCapacity(data.count + 16)
    for scalar in text.unicodeScalars {
      if TerminalText.isUnsafe(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: false)
        escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
    return Data(escaped.utf8)
  }

  /// Whether `data` has the UTF-8 bytes of a scalar ``TerminalText/isUnsafe(_:)`` rejects anywhere, aligned or
  /// not: C0 controls but new line and tab, DEL, `C2 80`–`C2 9F` (C1), `E2 80 AA`–`AE` and `E2 81 A6`–`A9`
  /// (bidirectional controls). A report of megabytes is then passed on without being decoded as text.
  private static func mayHoldTerminalControls(_ data: Data) -> Bool {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        switch byte {
        case 0x00...0x08, 0x0B...0x1F, 0x7F: return true
        case 0xC2:
          if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
        case 0xE2:
          if index + 2 < count {
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80 && (0xAA...0xAE).contains(third) { return true }
            if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
          }
        default: break
        }
        index += 1
      }
      return false
    }
  }

  /// What went wrong decoding, in a few words with the JSON path: `missing "seq"`, `wrong type at items.3`.
  package static func reason(_ error: any Error) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      let at = path(context)
      return "missing \"\(key.stringValue)\"" + (at.isEmpty ? "" : " in \(at)")
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "wrong type at \(path(context))"
    case DecodingError.dataCorrupted(let context):
      let at = path(context)
      // A syntax error comes from Foundation's parser as "The given data was not valid JSON.": the tool says
      // it in its own words. Our own reasons (a time that is not ISO 8601, a checklist rule) are kept.
      let syntax =
        context.codingPath.isEmpty && context.debugDescription == "The given data was not valid JSON."
      let what = context.debugDescription.isEmpty || syntax ? "not JSON" : context.debugDescription
      return at.isEmpty ? what : "\(at): \(what)"
    default: return "not JSON"
    }
  }
}
