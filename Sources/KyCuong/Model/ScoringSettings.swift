/// How a checklist turns answers into scores and a rating.
public struct ScoringSettings: Hashable, Sendable {
  /// The scoring model (see ``ScoringModel``).
  public var model: ScoringModel
  /// Score of a `partial` answer, in 0…1.
  public var partialCredit: Double
  /// Rating bands covering 0–100 without gaps or overlaps.
  public var ratingBands: [RatingBand]

  /// Creates scoring settings; the defaults are the `weighted` model, partial credit 0.5 and
  /// ``RatingBand/defaultBands``.
  public init(
    model: ScoringModel = .weighted, partialCredit: Double = 0.5,
    ratingBands: [RatingBand] = RatingBand.defaultBands
  ) {
    self.model = model
    self.partialCredit = partialCredit
    self.ratingBands = ratingBands
  }
}

/// A scoring model, after XCCDF 1.2's.
public enum ScoringModel: String, CaseIterable, Hashable, Sendable, Codable {
  /// Section scores weighted by item weight, then the checklist score weighted by section weight (XCCDF default).
  case weighted
  /// All items weighted together, sections ignored; also reports points.
  case flat
  /// As `flat` with every positive weight set to 1.
  case flatUnweighted
  /// 100 when every scored item fully passes, else 0.
  case absolute
}

/// A rating band: the scores `from ≤ score < to` (the band ending at 100 also holds 100).
public struct RatingBand: Hashable, Sendable, Codable {
  /// Id (`excellent`).
  public var id: String
  /// Lowest score in the band.
  public var from: Double
  /// Score at which the next band starts; 100 for the top band, which includes 100.
  public var to: Double
  /// Label (`Xuất sắc` / `Excellent`).
  public var label: LocalizedText

  /// Creates a rating band.
  public init(id: String, from: Double, to: Double, label: LocalizedText) {
    self.id = id
    self.from = from
    self.to = to
    self.label = label
  }

  /// Whether `score` falls in this band.
  ///
  /// - Parameter score: A score 0…100.
  /// - Returns: `true` when ``from`` ≤ `score` < ``to``, or when `score` is 100 in a band that ends at 100;
  ///   else `false`.
  public func contains(_ score: Double) -> Bool {
    score >= from && (score < to || (to == 100 && score == 100))
  }

  /// The four default bands, on the thresholds of Nghị định 335/2025/NĐ-CP and named after its four grades
  /// (so that no band reads like an item's result, "Đạt"): ≥ 90 excellent, 70–<90 good, 50–<70 fulfilled,
  /// < 50 not fulfilled.
  public static let defaultBands: [RatingBand] = [
    RatingBand(
      id: "excellent", from: 90, to: 100, label: LocalizedText(vi: "Hoàn thành xuất sắc", en: "Excellent")),
    RatingBand(id: "good", from: 70, to: 90, label: LocalizedText(vi: "Hoàn thành tốt", en: "Good")),
    RatingBand(id: "fulfilled", from: 50, to: 70, label: LocalizedText(vi: "Hoàn thành", en: "Fulfilled")),
    RatingBand(
      id: "notFulfilled", from: 0, to: 50, label: LocalizedText(vi: "Không hoàn thành", en: "Not fulfilled")),
  ]
}
