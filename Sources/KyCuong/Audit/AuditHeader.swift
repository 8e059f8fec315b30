import Foundation
import KyCuongCatalog
import KyCuongModel
import KyCuongSupport

/// What an audit is of: the checklist (a snapshot), the unit, the team, the kind of visit, the context.
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
  /// The province, level and kind of unit, which decide whether context-bound items apply; `nil` in audits
  /// recorded before the context was asked (their checklists have no such items).
  public var context: AuditContext?
  /// The decision that set up the team and the inspection plan, which the record cites first; `nil` when
  /// not recorded.
  public var basis: LegalBasis?
  /// The body that set up the team and heads the record (`UBND TỈNH BẮC NINH`), if recorded.
  public var issuingBody: String?

  /// Creates a header.
  ///
  /// - Parameters:
  ///   - id: The audit's id (see ``makeID(unit:at:timeZone:)``).
  ///   - checklist: The checklist; the audit keeps this snapshot of it.
  ///   - unit: The inspected unit.
  ///   - team: The inspection team.
  ///   - visitType: Scheduled or surprise.
  ///   - context: The province, level and kind of unit.
  ///   - basis: The decision setting up the team and the inspection plan.
  ///   - issuingBody: The body that set up the team.
  public init(
    id: String, checklist: Checklist, unit: InspectedUnit, team: InspectionTeam, visitType: VisitType,
    context: AuditContext? = nil, basis: LegalBasis? = nil, issuingBody: String? = nil
  ) {
    self.id = id
    self.checklist = checklist
    self.unit = unit
    self.team = team
    self.visitType = visitType
    self.context = context
    self.basis = basis
    self.issuingBody = issuingBody
  }

  /// A new audit id from the start time and the unit's name: `yyyyMMdd-HHmm-slug-xxxx`, the time as the
  /// record states it (Vietnam's, by default), with four random hex digits so two audits of one unit started
  /// in the same minute differ.
  ///
  /// - Parameters:
  ///   - unit: The unit's name; its words, without diacritics, make the slug.
  ///   - time: The start of the audit.
  ///   - timeZone: The zone of the stamp; the records' own by default.
  /// - Returns: The id.
  public static func makeID(unit: String, at time: Date, timeZone: TimeZone = .vietnam) -> String {
    var generator = SystemRandomNumberGenerator()
    return makeID(unit: unit, at: time, timeZone: timeZone, using: &generator)
  }

  /// A new audit id as ``makeID(unit:at:timeZone:)`` makes it, with the random digits drawn from
  /// `generator`, so that a seeded generator gives the same id every time (samples, tests).
  ///
  /// - Parameters:
  ///   - unit: The unit's name.
  ///   - time: The start of the audit.
  ///   - timeZone: The zone of the stamp.
  ///   - generator: Where the four random hex digits come from.
  /// - Returns: The id.
  public static func makeID(
    unit: String, at time: Date, timeZone: TimeZone = .vietnam,
    using generator: inout some RandomNumberGenerator
  ) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
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
    let suffix = String(UInt16.random(in: 0...UInt16.max, using: &generator), radix: 16)
    let random = String(repeating: "0", count: 4 - suffix.count) + suffix
    return [stamp, slug.isEmpty ? "audit" : slug, random].joined(separator: "-")
  }
}
