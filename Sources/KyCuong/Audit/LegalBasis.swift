/// The legal basis the record opens with ("Căn cứ …"): the decision that set up the team and the inspection
/// plan it carries out.
public struct LegalBasis: Hashable, Sendable, Codable {
  /// The decision setting up the inspection team ("Quyết định thành lập Đoàn kiểm tra").
  public var decision: DocumentReference?
  /// The inspection plan ("Kế hoạch kiểm tra").
  public var plan: DocumentReference?

  /// Creates a legal basis.
  ///
  /// - Parameters:
  ///   - decision: The decision setting up the team.
  ///   - plan: The inspection plan.
  public init(decision: DocumentReference? = nil, plan: DocumentReference? = nil) {
    self.decision = decision
    self.plan = plan
  }

  /// Whether neither document is recorded.
  public var isEmpty: Bool { decision == nil && plan == nil }
}
