import Foundation

/// The inspection team ("đoàn kiểm tra công vụ"): its people in the order the record lists them, each with a
/// role and a position.
///
/// ```swift
/// let team = InspectionTeam(people: [
///   TeamMember(name: "Nguyễn Văn An", title: "Phó Giám đốc Sở Nội vụ", role: .leader),
///   TeamMember(name: "Trần Thị Bình", title: "Chuyên viên", role: .secretary),
/// ])
/// team.leader  // "Nguyễn Văn An"
/// ```
public struct InspectionTeam: Hashable, Sendable {
  /// Every person of the team, the leader first.
  public var people: [TeamMember]

  /// Creates a team of `people`.
  ///
  /// - Parameter people: The people, in the order the record lists them (the leader first).
  public init(people: [TeamMember]) {
    self.people = people
  }

  /// Creates a team from names only: a leader and members, no positions.
  ///
  /// - Parameters:
  ///   - leader: The team leader.
  ///   - members: The other members.
  public init(leader: String, members: [String] = []) {
    self.people =
      [TeamMember(name: leader, role: .leader)] + members.map { TeamMember(name: $0, role: .member) }
  }

  /// The team leader's name (the first person with the leader's role; the first person when none has it).
  public var leader: String {
    (people.first { $0.role == .leader } ?? people.first)?.name ?? ""
  }

  /// The leader's record, if the team has one.
  public var leaderMember: TeamMember? { people.first { $0.role == .leader } ?? people.first }

  /// The names of everyone but the leader, in order.
  public var members: [String] {
    let leader = leaderMember
    return people.filter { $0 != leader }.map(\.name)
  }

  /// The secretary, if the team has one.
  public var secretary: TeamMember? { people.first { $0.role == .secretary } }
}
