import Foundation

/// Where an audit the server received stands in the department's review (as ODK Central's submissions):
/// received, then approved, returned with issues to fix, or rejected. Every decision is logged with its
/// reviewer, time and comment, and so is every push of a new version (received again); the latest is the
/// state.
public enum ReviewState: String, CaseIterable, Codable, Hashable, Sendable {
  /// Pushed, not reviewed yet.
  case received
  /// Accepted by the department.
  case approved
  /// Returned to the team: something must be fixed or explained (the comment says what).
  case hasIssues = "has-issues"
  /// Refused.
  case rejected

  /// The states a reviewer can decide.
  public static let decisions: [ReviewState] = [.approved, .hasIssues, .rejected]

  /// The state's name in Vietnamese, then English.
  public var label: (vi: String, en: String) {
    switch self {
    case .received: ("Đã nhận, chờ duyệt", "Received")
    case .approved: ("Đã duyệt", "Approved")
    case .hasIssues: ("Cần bổ sung", "Has issues")
    case .rejected: ("Không chấp nhận", "Rejected")
    }
  }
}
