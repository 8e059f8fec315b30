import Foundation

/// The parts of an HTTP request a signature covers: what ``MessageSignature`` signs and reads.
public struct SignedRequest: Sendable {
  /// `GET`, `POST`…
  public var method: String
  /// The request target's path, as sent (percent-encoded, without the query).
  public var path: String
  /// The query after `?`, as sent; empty when there is none.
  public var query: String
  /// The fields, names in lowercase, in the order received.
  public var fields: [(name: String, value: String)]
  /// The body's bytes.
  public var body: Data

  /// A request to `target` (`/api/v1/audits?unit=…`).
  public init(
    method: String, target: String, fields: [(name: String, value: String)] = [], body: Data = Data()
  ) {
    self.method = method
    if let mark = target.firstIndex(of: "?") {
      path = String(target[..<mark])
      query = String(target[target.index(after: mark)...])
    } else {
      path = target
      query = ""
    }
    self.fields = fields.map { ($0.name.lowercased(), $0.value) }
    self.body = body
  }

  /// The value of the field `name` (lowercase); several lines of it joined by `, ` (RFC 9110 §5.3), each
  /// trimmed (RFC 9421 §2.1).
  public func field(_ name: String) -> String? {
    let values = fields.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespaces) }
    return values.isEmpty ? nil : values.joined(separator: ", ")
  }
}
