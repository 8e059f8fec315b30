import Foundation

/// An audit as the API lists it (`GET /api/v1/audits`, `GET /api/v1/audits/{id}`): what the archive
/// re-derived from its documents, the team it belongs to and its review.
public struct ServerAudit: Codable, Hashable, Sendable {
  /// One entry of the review log: a push that archived a new document (`received`, by the device) or a
  /// person's decision.
  public struct Review: Codable, Hashable, Sendable {
    /// The state decided.
    public var state: ReviewState
    /// Why.
    public var comment: String
    /// Who decided.
    public var reviewer: String
    /// When.
    public var at: Date

    /// A decision.
    public init(state: ReviewState, comment: String, reviewer: String, at: Date) {
      self.state = state
      self.comment = comment
      self.reviewer = reviewer
      self.at = at
    }
  }

  /// The audit's id.
  public var auditID: String
  /// The unit audited.
  public var unit: String
  /// The checklist's id.
  public var checklistID: String
  /// When the audit started.
  public var startedAt: Date
  /// When it was finished, if it was.
  public var finishedAt: Date?
  /// The team leader.
  public var leader: String
  /// The overall score, 0–100, as the archive re-derived it.
  public var overallScore: Double?
  /// Items failed that are critical.
  public var criticalFailures: Int
  /// The team on the server.
  public var team: String
  /// The review state now.
  public var reviewState: ReviewState
  /// The review log, oldest first (empty in listings).
  public var reviews: [Review]

  /// An audit.
  public init(
    auditID: String, unit: String, checklistID: String, startedAt: Date, finishedAt: Date?, leader: String,
    overallScore: Double?, criticalFailures: Int, team: String, reviewState: ReviewState, reviews: [Review]
  ) {
    self.auditID = auditID
    self.unit = unit
    self.checklistID = checklistID
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.leader = leader
    self.overallScore = overallScore
    self.criticalFailures = criticalFailures
    self.team = team
    self.reviewState = reviewState
    self.reviews = reviews
  }
}
