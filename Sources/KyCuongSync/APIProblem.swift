import Foundation

/// The body of every error response of the API: RFC 9457's problem details (`application/problem+json`),
/// with the rule that refused the request.
public struct APIProblem: Codable, Hashable, Sendable, Error, CustomStringConvertible {
  /// The HTTP status.
  public var status: Int
  /// A short, stable name of the rule (`signature`, `replayed`, `forbidden`, `too-large`, `refused`…).
  public var title: String
  /// What happened and what to do.
  public var detail: String

  /// A problem.
  public init(status: Int, title: String, detail: String) {
    self.status = status
    self.title = title
    self.detail = detail
  }

  /// `status title: detail`.
  public var description: String { "\(status) \(title): \(detail)" }
}
