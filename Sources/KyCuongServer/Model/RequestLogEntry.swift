import Foundation

/// One line of the server's request log: a request refused, or a push accepted.
public struct RequestLogEntry: Hashable, Sendable {
  /// When.
  public var at: Date
  /// `POST`…
  public var method: String
  /// The path requested (at most 300 characters of it).
  public var path: String
  /// The status answered.
  public var status: Int
  /// The device (`device 3f9a0c1d77e29b40`), the person (`person Lan`) or `anonymous`.
  public var who: String
  /// What happened: the rule that refused the request, or what the push archived.
  public var outcome: String
}
