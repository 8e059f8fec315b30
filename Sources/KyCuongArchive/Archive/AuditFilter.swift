import KyCuong

/// Which audits a listing shows (`kycuong archive list`); every member left `nil` lets every audit through.
public struct AuditFilter: Hashable, Sendable {
  /// Units whose name contains this text, diacritics and case ignored ("hang bac" finds "Hàng Bạc").
  public var unit: String?
  /// Only this checklist id.
  public var checklist: String?
  /// Audits started on or after this day (Vietnam time).
  public var from: CalendarDate?
  /// Audits started on or before this day (Vietnam time).
  public var to: CalendarDate?
  /// Only scheduled or only surprise visits.
  public var visitType: VisitType?
  /// Only audits with this rating band id (`good`), or `none` for audits without a score.
  public var rating: String?
  /// Leaders whose name contains this text, diacritics and case ignored.
  public var leader: String?

  /// Creates a filter.
  ///
  /// - Parameters:
  ///   - unit: Part of a unit's name.
  ///   - checklist: A checklist id.
  ///   - from: The first day.
  ///   - to: The last day.
  ///   - visitType: Scheduled or surprise.
  ///   - rating: A rating band id, or `none`.
  ///   - leader: Part of the team leader's name.
  public init(
    unit: String? = nil, checklist: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
    visitType: VisitType? = nil, rating: String? = nil, leader: String? = nil
  ) {
    self.unit = unit
    self.checklist = checklist
    self.from = from
    self.to = to
    self.visitType = visitType
    self.rating = rating
    self.leader = leader
  }
}

/// Which corrective actions a listing shows (`kycuong archive actions`).
public struct ActionFilter: Hashable, Sendable {
  /// Only actions in this state on ``today``; `nil` for every action.
  public var state: ActionState?
  /// The day deadlines are measured against.
  public var today: CalendarDate
  /// Units whose name contains this text, diacritics and case ignored.
  public var unit: String?
  /// Only actions of audits of this checklist id.
  public var checklist: String?

  /// Creates a filter.
  ///
  /// - Parameters:
  ///   - state: Open, overdue or settled; `nil` for all.
  ///   - today: The day deadlines are measured against.
  ///   - unit: Part of a unit's name.
  ///   - checklist: A checklist id.
  public init(state: ActionState? = nil, today: CalendarDate, unit: String? = nil, checklist: String? = nil) {
    self.state = state
    self.today = today
    self.unit = unit
    self.checklist = checklist
  }
}
