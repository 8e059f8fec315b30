import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// A re-inspection compared with the audit before it: how the scores moved, which items were fixed, which
/// fail anew, which still fail, and whether the corrective actions asked for last time were carried out.
///
/// An item **fails** when it applies, has a score and the score is below 1 (a partial answer, an observation
/// with someone out of rule, a scale below its top); it **passes** with a score of 1. The same rule makes a
/// critical item's failure. Items are matched by id, so audits of two versions of a checklist compare item by
/// item; items found in one only are listed.
public struct AuditComparison: Hashable, Sendable, Codable {
  /// One of the two audits.
  public struct Side: Hashable, Sendable, Codable {
    /// The audit's id.
    public var id: String
    /// The inspected unit's name.
    public var unit: String
    /// The checklist's id.
    public var checklist: String
    /// The checklist's version.
    public var version: String
    /// Start of the visit.
    public var startedAt: Date
    /// Overall score.
    public var overall: Double?
    /// Rating band id.
    public var rating: String?
    /// Rating label.
    public var ratingLabel: LocalizedText?
  }

  /// A score before and after.
  public struct Delta: Hashable, Sendable, Codable {
    /// Section id, focus-area tag, or `overall`.
    public var id: String
    /// Its title.
    public var title: LocalizedText
    /// Score in the earlier audit.
    public var old: Double?
    /// Score in the later audit.
    public var new: Double?
    /// `new - old`, when both exist.
    public var change: Double?

    init(id: String, title: LocalizedText, old: Double?, new: Double?) {
      self.id = id
      self.title = title
      self.old = old
      self.new = new
      if let old, let new { change = new - old } else { change = nil }
    }
  }

  /// An item whose result changed, or did not.
  public struct ItemChange: Hashable, Sendable, Codable {
    /// The item's id.
    public var id: ItemID
    /// Its text (from the later checklist where it has it).
    public var text: LocalizedText
    /// Its score 0…1 before.
    public var oldScore: Double?
    /// Its score 0…1 now.
    public var newScore: Double?
    /// Whether it is critical (in the later checklist where it has it).
    public var critical: Bool
  }

  /// Whether a corrective action was carried out.
  public enum ActionStatus: String, Hashable, Sendable, Codable {
    /// The item it remedies now passes.
    case done
    /// The item it remedies still fails.
    case notDone
    /// The action names no item, or the item was not assessed in the later audit.
    case unknown

    /// The status in words.
    public func label(_ language: Language) -> String {
      switch (self, language) {
      case (.done, .vi): "Đã khắc phục"
      case (.done, .en): "Done"
      case (.notDone, .vi): "Chưa khắc phục"
      case (.notDone, .en): "Not done"
      case (.unknown, .vi): "Chưa xác định"
      case (.unknown, .en): "Unknown"
      }
    }
  }

  /// A corrective action of the earlier audit and what the later one shows of it.
  public struct ActionFollowUp: Hashable, Sendable, Codable {
    /// The action.
    public var action: CorrectiveAction
    /// Done, not done or unknown.
    public var status: ActionStatus
  }

  /// The earlier audit.
  public var old: Side
  /// The later audit.
  public var new: Side
  /// Whether the units or checklists differ and `force` let the comparison through.
  public var forced: Bool
  /// The overall score.
  public var overall: Delta
  /// Per section, in the later checklist's order, then sections found only in the earlier one.
  public var sections: [Delta]
  /// Per focus area, in order 1, 2, 3.
  public var focusAreas: [Delta]
  /// Items that failed before and pass now.
  public var fixed: [ItemChange]
  /// Items that fail now and did not fail before.
  public var newlyFailing: [ItemChange]
  /// Items that failed before and still fail.
  public var stillFailing: [ItemChange]
  /// Ids of items only the earlier checklist has.
  public var onlyInOld: [ItemID]
  /// Ids of items only the later checklist has.
  public var onlyInNew: [ItemID]
  /// The earlier audit's corrective actions, each with its status.
  public var actions: [ActionFollowUp]

  /// Compares `old` with `new`.
  ///
  /// - Parameters:
  ///   - old: The earlier audit.
  ///   - new: The later audit, the re-inspection.
  ///   - force: Compare even audits of different units or checklists.
  /// - Throws: ``ReportError/differentUnits(old:new:)`` or ``ReportError/differentChecklists(old:new:)``
  ///   unless `force` is set.
  public init(old: AuditExport, new: AuditExport, force: Bool = false) throws(ReportError) {
    let sameUnit = VietnameseFolding.fold(old.audit.unit.name) == VietnameseFolding.fold(new.audit.unit.name)
    let sameChecklist = old.checklist.id == new.checklist.id
    if !force {
      if !sameUnit { throw .differentUnits(old: old.audit.unit.name, new: new.audit.unit.name) }
      if !sameChecklist { throw .differentChecklists(old: old.checklist.id, new: new.checklist.id) }
    }
    forced = !sameUnit || !sameChecklist
    // Every figure is derived from the items, never read from the exports' stored scores.
    let oldScores = old.rescore()
    let newScores = new.rescore()
    self.old = Self.side(old, oldScores)
    self.new = Self.side(new, newScores)
    overall = Delta(
      id: "overall", title: LocalizedText(vi: "Tổng điểm", en: "Overall score"), old: oldScores.overall,
      new: newScores.overall)

    let oldSnapshot = old.checklist.snapshot
    let newSnapshot = new.checklist.snapshot
    var sections: [Delta] = []
    for section in newSnapshot.sections {
      sections.append(
        Delta(
          id: section.id, title: section.title,
          old: oldScores.sections.first { $0.id == section.id }?.score,
          new: newScores.sections.first { $0.id == section.id }?.score))
    }
    for section in oldSnapshot.sections where !sections.contains(where: { $0.id == section.id }) {
      sections.append(
        Delta(
          id: section.id, title: section.title,
          old: oldScores.sections.first { $0.id == section.id }?.score, new: nil))
    }
    self.sections = sections
    focusAreas = FocusArea.allCases.compactMap { area in
      let before = oldScores.focusAreas.first { $0.tag == area.tag }
      let after = newScores.focusAreas.first { $0.tag == area.tag }
      guard before != nil || after != nil else { return nil }
      return Delta(id: area.tag, title: area.title, old: before?.score, new: after?.score)
    }

    let oldItems = old.itemResults
    let newItems = new.itemResults
    func change(_ id: ItemID) -> ItemChange {
      let item = newSnapshot.item(withID: id) ?? oldSnapshot.item(withID: id)
      return ItemChange(
        id: id, text: item?.text ?? LocalizedText(vi: id.rawValue), oldScore: Self.score(oldItems[id]),
        newScore: Self.score(newItems[id]), critical: item?.critical ?? false)
    }
    var fixed: [ItemChange] = []
    var newlyFailing: [ItemChange] = []
    var stillFailing: [ItemChange] = []
    for item in new.items {
      guard let before = oldItems[item.id], let now = newItems[item.id] else { continue }
      switch (before.fails, now.fails, now.passes) {
      case (true, _, true): fixed.append(change(item.id))
      case (true, true, _): stillFailing.append(change(item.id))
      case (false, true, _): newlyFailing.append(change(item.id))
      default: break
      }
    }
    self.fixed = fixed
    self.newlyFailing = newlyFailing
    self.stillFailing = stillFailing
    onlyInOld = old.items.map(\.id).filter { newItems[$0] == nil }
    onlyInNew = new.items.map(\.id).filter { oldItems[$0] == nil }
    actions = old.correctiveActions.map { action in
      guard let id = action.item, let now = newItems[id] else {
        return ActionFollowUp(action: action, status: .unknown)
      }
      if now.passes { return ActionFollowUp(action: action, status: .done) }
      if now.fails { return ActionFollowUp(action: action, status: .notDone) }
      return ActionFollowUp(action: action, status: .unknown)
    }
  }

  private static func score(_ result: AuditExport.ItemResult?) -> Double? {
    guard let result, result.applicable else { return nil }
    return result.score
  }

  private static func side(_ export: AuditExport, _ scores: ScoreReport) -> Side {
    Side(
      id: export.audit.id, unit: export.audit.unit.name, checklist: export.checklist.id,
      version: export.checklist.version, startedAt: export.audit.startedAt, overall: scores.overall,
      rating: scores.rating?.id, ratingLabel: scores.rating?.label)
  }

  /// The comparison as JSON: sorted keys, pretty-printed, ISO 8601 UTC times.
  ///
  /// - Returns: The bytes of the file.
  /// - Throws: An `EncodingError` only for a value that cannot be JSON.
  public func jsonData() throws -> Data {
    try JSONCoding.fileData(self)
  }
}
