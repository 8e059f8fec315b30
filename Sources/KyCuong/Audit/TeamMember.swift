/// One person of the inspection team: name, position and role.
public struct TeamMember: Hashable, Sendable, Codable {
  /// The full name.
  public var name: String
  /// The position and unit ("chức vụ, đơn vị": `Phó Giám đốc Sở Nội vụ`), if recorded.
  public var title: String?
  /// Leader, member or secretary.
  public var role: TeamRole

  /// Creates a team member.
  ///
  /// - Parameters:
  ///   - name: The full name.
  ///   - title: The position and unit, if known.
  ///   - role: The role in the team.
  public init(name: String, title: String? = nil, role: TeamRole) {
    self.name = name
    self.title = title
    self.role = role
  }
}
