import Foundation

/// What a person signed in to the web pages may do. People work for the department, so they see every
/// team's audits; devices see only their team's.
public enum PersonRole: String, CaseIterable, Codable, Hashable, Sendable {
  /// Reviews audits, and registers devices and people (with `kycuong server` on the server's machine).
  case admin
  /// Reviews audits.
  case leader
  /// Reads.
  case viewer

  /// Whether the role may decide a review.
  public var mayReview: Bool { self != .viewer }
}
