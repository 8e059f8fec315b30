import Foundation
import KyCuongModel
import KyCuongSupport

/// The scores of an audit under one model: per section, per focus area, overall; the rating; critical
/// failures; completeness. Every number can be recomputed by hand from the formulas in the Scoring article.
public struct ScoreReport: Hashable, Sendable, Codable {
  /// The model used.
  public var model: ScoringModel
  /// Overall score 0…100, or `nil` when no item has a score (or every weight is 0).
  public var overall: Double?
  /// The rating band of the overall score; the lowest band if a critical item failed (even without a score);
  /// otherwise `nil` without a score.
  public var rating: RatingBand?
  /// Whether a critical failure forced the rating down to the lowest band.
  public var ratingForcedByCriticalFailure: Bool
  /// Points earned and possible: Σ wᵢsᵢ and Σ wᵢ over scored items (flat models; the item weights as used).
  public var points: Points
  /// Per section, in checklist order.
  public var sections: [SectionScore]
  /// Per 2017 focus area that any item is tagged with, in order 1, 2, 3.
  public var focusAreas: [FocusAreaScore]
  /// Critical items that failed (score below 1), in checklist order.
  public var criticalFailures: [ItemID]
  /// Answered applicable items of the applicable items.
  public var completeness: Completeness
  /// True until the audit is finished: the numbers may still change.
  public var provisional: Bool

  /// Creates a report.
  public init(
    model: ScoringModel, overall: Double?, rating: RatingBand?, ratingForcedByCriticalFailure: Bool,
    points: Points, sections: [SectionScore], focusAreas: [FocusAreaScore], criticalFailures: [ItemID],
    completeness: Completeness, provisional: Bool
  ) {
    self.model = model
    self.overall = overall
    self.rating = rating
    self.ratingForcedByCriticalFailure = ratingForcedByCriticalFailure
    self.points = points
    self.sections = sections
    self.focusAreas = focusAreas
    self.criticalFailures = criticalFailures
    self.completeness = completeness
    self.provisional = provisional
  }
}

/// Points earned of points possible.
public struct Points: Hashable, Sendable, Codable {
  /// Σ wᵢsᵢ over scored items.
  public var earned: Double
  /// Σ wᵢ over scored items.
  public var possible: Double

  /// Creates points.
  public init(earned: Double, possible: Double) {
    self.earned = earned
    self.possible = possible
  }
}

/// A section's score.
public struct SectionScore: Hashable, Sendable, Codable {
  /// The section's id.
  public var id: String
  /// The section's weight.
  public var weight: Double
  /// Score 0…100, or `nil` when none of its items has a score (all N/A, unanswered, or weight 0).
  public var score: Double?
  /// Points earned and possible in the section.
  public var points: Points
  /// Number of its items with a score.
  public var scoredItems: Int

  /// Creates a section score.
  public init(id: String, weight: Double, score: Double?, points: Points, scoredItems: Int) {
    self.id = id
    self.weight = weight
    self.score = score
    self.points = points
    self.scoredItems = scoredItems
  }
}

/// A focus area's score: flat-weighted over the items tagged with it.
public struct FocusAreaScore: Hashable, Sendable, Codable {
  /// The tag (`focus-2017-2`).
  public var tag: String
  /// Score 0…100, or `nil` when none of its items has a score.
  public var score: Double?
  /// Points earned and possible.
  public var points: Points
  /// Number of its items with a score.
  public var scoredItems: Int

  /// Creates a focus-area score.
  public init(tag: String, score: Double?, points: Points, scoredItems: Int) {
    self.tag = tag
    self.score = score
    self.points = points
    self.scoredItems = scoredItems
  }
}

/// How much of an audit is done.
public struct Completeness: Hashable, Sendable, Codable {
  /// Applicable items answered (skipped ones are not answered).
  public var answered: Int
  /// Applicable items skipped ("not checked").
  public var skipped: Int
  /// Items that apply.
  public var applicable: Int

  /// Creates a completeness figure.
  public init(answered: Int, skipped: Int, applicable: Int) {
    self.answered = answered
    self.skipped = skipped
    self.applicable = applicable
  }

  /// answered / applicable, 1 when nothing applies.
  public var ratio: Double { applicable == 0 ? 1 : Double(answered) / Double(applicable) }
}

extension ScoreReport {
  /// The report as JSON (`kycuong score --json`): sorted keys, pretty-printed, ending in a newline.
  ///
  /// - Returns: The bytes.
  /// - Throws: An `EncodingError` only for a value that cannot be JSON.
  public func jsonData() throws -> Data {
    try JSONCoding.fileData(self)
  }
}
