import Foundation

/// The inspection team ("đoàn kiểm tra công vụ").
public struct InspectionTeam: Hashable, Sendable, Codable {
  /// The team leader.
  public var leader: String
  /// The other members.
  public var members: [String]

  /// Creates a team.
  ///
  /// - Parameters:
  ///   - leader: The team leader.
  ///   - members: The other members.
  public init(leader: String, members: [String] = []) {
    self.leader = leader
    self.members = members
  }
}
