import KyCuongModel

/// A person's place in the inspection team, as the record names it.
public enum TeamRole: String, CaseIterable, Hashable, Sendable, Codable {
  /// The team leader ("Trưởng đoàn"), who signs the record for the team.
  case leader
  /// A member of the team ("Thành viên").
  case member
  /// The secretary ("Thư ký"), who keeps the minutes and signs them.
  case secretary

  /// The role's name in Vietnamese and English: `Trưởng đoàn`, `Thành viên`, `Thư ký`.
  public var label: LocalizedText {
    switch self {
    case .leader: LocalizedText(vi: "Trưởng đoàn", en: "Team leader")
    case .member: LocalizedText(vi: "Thành viên", en: "Member")
    case .secretary: LocalizedText(vi: "Thư ký", en: "Secretary")
    }
  }
}
