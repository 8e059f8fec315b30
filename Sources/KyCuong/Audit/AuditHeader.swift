import Foundation

/// What an audit is of: the checklist (a snapshot), the unit, the team, the kind of visit.
public struct AuditHeader: Hashable, Sendable, Codable {
  /// The audit's id, readable and unique (`20261121-0930-ubnd-phuong-hang-bac-3f9a`).
  public var id: String
  /// The checklist as it was when the audit started; later edits to the file do not change the audit.
  public var checklist: Checklist
  /// The inspected unit.
  public var unit: InspectedUnit
  /// The inspection team.
  public var team: InspectionTeam
  /// Scheduled or surprise.
  public var visitType: VisitType

  /// Creates a header.
  public init(
    id: String, checklist: Checklist, unit: InspectedUnit, team: InspectionTeam, visitType: VisitType
  ) {
    self.id = id
    self.checklist = checklist
    self.unit = unit
    self.team = team
    self.visitType = visitType
  }

  /// A new audit id from the start time and the unit's name: `yyyyMMdd-HHmm-slug-xxxx`, with four random hex
  /// digits so two audits of one unit started in the same minute differ.
  public static func makeID(unit: String, at time: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: time)
    func pad(_ value: Int?, _ width: Int) -> String {
      let text = String(value ?? 0)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    let stamp =
      pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2) + "-" + pad(parts.hour, 2)
      + pad(parts.minute, 2)
    let words = VietnameseFolding.fold(unit).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    let slug = String(words.joined(separator: "-").prefix(32)).trimmingCharacters(in: ["-"])
    let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
    let random = String(repeating: "0", count: 4 - suffix.count) + suffix
    return [stamp, slug.isEmpty ? "audit" : slug, random].joined(separator: "-")
  }
}

/// The unit an inspection visits.
public struct InspectedUnit: Hashable, Sendable, Codable {
  /// Name (`UBND phường Hàng Bạc`).
  public var name: String
  /// Address, if recorded.
  public var address: String?
  /// The unit's representative who receives the team and signs the record, if recorded.
  public var representative: String?

  /// Creates a unit.
  public init(name: String, address: String? = nil, representative: String? = nil) {
    self.name = name
    self.address = address
    self.representative = representative
  }
}

/// The inspection team ("đoàn kiểm tra công vụ").
public struct InspectionTeam: Hashable, Sendable, Codable {
  /// The team leader.
  public var leader: String
  /// The other members.
  public var members: [String]

  /// Creates a team.
  public init(leader: String, members: [String] = []) {
    self.leader = leader
    self.members = members
  }
}

/// Whether the visit was announced.
public enum VisitType: String, CaseIterable, Hashable, Sendable, Codable {
  /// A scheduled visit ("định kỳ").
  case scheduled
  /// A surprise visit ("đột xuất").
  case surprise

  /// The name in Vietnamese and English.
  public var label: LocalizedText {
    switch self {
    case .scheduled: LocalizedText(vi: "định kỳ", en: "scheduled")
    case .surprise: LocalizedText(vi: "đột xuất", en: "surprise")
    }
  }
}
