import Foundation

/// A form's fields, from an `application/x-www-form-urlencoded` body (WHATWG URL §5.1): `+` is a space,
/// `%XX` a byte of UTF-8. A field that does not decode is dropped, and the form then lacks it.
struct FormBody: Sendable {
  private var fields: [String: String] = [:]

  init(_ data: Data) {
    for pair in String(decoding: data, as: UTF8.self).split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
      }
      guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { continue }
      if fields[name] == nil { fields[name] = value }
    }
  }

  /// The first value of `name`.
  subscript(name: String) -> String? { fields[name] }
}
