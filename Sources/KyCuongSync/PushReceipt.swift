import Foundation

/// The server's answer to a push (`POST /api/v1/audits`): what it archived, under which digest. A retry
/// of the same bytes gets the same receipt with ``alreadyArchived`` set, so a client that lost the first
/// answer learns that nothing is lost and nothing was stored twice.
public struct PushReceipt: Codable, Hashable, Sendable {
  /// The audit's id.
  public var auditID: String
  /// The SHA-256 of the bytes received (lowercase hex).
  public var sha256: String
  /// Whether these bytes were archived before this request.
  public var alreadyArchived: Bool
  /// The team the audit belongs to on the server.
  public var team: String
  /// The audit's review state now.
  public var reviewState: ReviewState

  /// A receipt.
  public init(auditID: String, sha256: String, alreadyArchived: Bool, team: String, reviewState: ReviewState)
  {
    self.auditID = auditID
    self.sha256 = sha256
    self.alreadyArchived = alreadyArchived
    self.team = team
    self.reviewState = reviewState
  }
}
