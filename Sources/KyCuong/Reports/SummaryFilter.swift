import Foundation
import KyCuongAudit
import KyCuongCatalog
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Which audits a summary counts.
public struct SummaryFilter: Hashable, Sendable {
  /// Units whose name contains this text, ignoring case and diacritics ("hang bac" finds "Hàng Bạc").
  public var unit: String?
  /// Only this checklist id.
  public var checklist: String?
  /// Audits started on or after this day (Vietnam time).
  public var from: CalendarDate?
  /// Audits started on or before this day (Vietnam time).
  public var to: CalendarDate?
  /// Only audits whose checklist has items of this focus area; item figures count only its items.
  public var focus: FocusArea?

  /// Creates a filter; every member left `nil` lets every audit through.
  ///
  /// - Parameters:
  ///   - unit: Part of a unit's name.
  ///   - checklist: A checklist id.
  ///   - from: The first day counted.
  ///   - to: The last day counted.
  ///   - focus: A 2017 focus area.
  public init(
    unit: String? = nil, checklist: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
    focus: FocusArea? = nil
  ) {
    self.unit = unit
    self.checklist = checklist
    self.from = from
    self.to = to
    self.focus = focus
  }
}
