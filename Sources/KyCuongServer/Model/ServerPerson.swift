import Foundation

/// A person who signs in to the web pages.
public struct ServerPerson: Hashable, Sendable {
  /// The name they sign in with.
  public var name: String
  /// What they may do.
  public var role: PersonRole
  /// Who added them.
  public var addedBy: String
  /// When.
  public var addedAt: Date
}
