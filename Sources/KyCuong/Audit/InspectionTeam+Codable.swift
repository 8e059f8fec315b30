extension InspectionTeam: Codable {
  private enum CodingKeys: String, CodingKey {
    case people, leader, members
  }

  /// Reads `{"people": [{"name", "title", "role"}, …]}`; a team written before roles were recorded,
  /// `{"leader": "…", "members": ["…"]}`, reads as a leader and members without positions.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let people = try container.decodeIfPresent([TeamMember].self, forKey: .people) {
      self.init(people: people)
    } else {
      self.init(
        leader: try container.decode(String.self, forKey: .leader),
        members: try container.decodeIfPresent([String].self, forKey: .members) ?? [])
    }
  }

  /// Writes `people`, and `leader` and `members` (names only) for readers of the earlier form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(people, forKey: .people)
    try container.encode(leader, forKey: .leader)
    try container.encode(members, forKey: .members)
  }
}
