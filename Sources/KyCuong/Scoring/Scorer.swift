import KyCuongAudit
import KyCuongModel
import KyCuongSupport

/// Computes scores after XCCDF 1.2's models. Pure: the same checklist and states give the same report
/// wherever it runs.
///
/// With item scores sᵢ (see ``Item/score(for:partialCredit:)``), item weights wᵢ and section weights Wⱼ,
/// over the items that apply and have a score:
/// - `weighted`: Sⱼ = Σ wᵢsᵢ / Σ wᵢ per section; overall = 100 × Σ WⱼSⱼ / Σ Wⱼ over sections with a score.
/// - `flat`: overall = 100 × Σ wᵢsᵢ / Σ wᵢ, sections ignored.
/// - `flatUnweighted`: as `flat` with every positive weight set to 1 (0 stays 0).
/// - `absolute`: 100 when every item with a score (and weight > 0) has sᵢ = 1, else 0.
/// A sum of weights of 0 gives no score. A critical item with sᵢ < 1 forces the lowest rating band.
public enum Scorer {
  /// Scores `checklist` with the given item states (missing ids count as unanswered).
  ///
  /// - Parameters:
  ///   - checklist: The checklist, with its weights, partial credit and rating bands.
  ///   - states: Each item's state by id; a missing id counts as unanswered.
  ///   - context: The audit's context, which decides context-bound items.
  ///   - day: The audit's first day, which decides items with a `validUntil`.
  ///   - model: The model; the checklist's own by default.
  ///   - finished: Whether the audit is finished; if not, the report is provisional.
  /// - Returns: The report.
  public static func score(
    checklist: Checklist, states: [ItemID: ItemState], context: AuditContext? = nil, day: CalendarDate? = nil,
    model: ScoringModel? = nil, finished: Bool
  ) -> ScoreReport {
    let model = model ?? checklist.scoring.model
    let credit = checklist.scoring.partialCredit
    let applicability = Applicability(checklist: checklist, states: states, context: context, day: day)

    struct Scored {
      var item: Item
      var score: Double
      var weight: Double
    }
    func effectiveWeight(_ item: Item) -> Double {
      model == .flatUnweighted ? (item.weight > 0 ? 1 : 0) : item.weight
    }

    var answered = 0
    var skipped = 0
    var applicable = 0
    var criticalFailures: [ItemID] = []
    var scoredBySection: [[Scored]] = []
    for section in checklist.sections {
      var scored: [Scored] = []
      for item in section.items where applicability.isApplicable(item.id) {
        applicable += 1
        let state = states[item.id] ?? .unanswered
        switch state {
        case .answered: answered += 1
        case .skipped: skipped += 1
        case .unanswered: break
        }
        guard let score = item.score(for: state, partialCredit: credit) else { continue }
        if item.critical && score < 1 { criticalFailures.append(item.id) }
        scored.append(Scored(item: item, score: score, weight: effectiveWeight(item)))
      }
      scoredBySection.append(scored)
    }

    func points(_ scored: [Scored]) -> Points {
      Points(
        earned: scored.reduce(0) { $0 + $1.weight * $1.score }, possible: scored.reduce(0) { $0 + $1.weight })
    }
    func ratio(_ scored: [Scored]) -> Double? {
      let total = points(scored)
      return total.possible > 0 ? total.earned / total.possible : nil
    }
    func allPass(_ scored: [Scored]) -> Double? {
      let counted = scored.filter { $0.weight > 0 }
      return counted.isEmpty ? nil : (counted.allSatisfy { $0.score == 1 } ? 1 : 0)
    }
    let sectionRatio: ([Scored]) -> Double? = model == .absolute ? allPass : ratio

    let sections = zip(checklist.sections, scoredBySection).map { section, scored in
      SectionScore(
        id: section.id, weight: section.weight, score: sectionRatio(scored).map(percent),
        points: points(scored),
        scoredItems: scored.count)
    }
    let allScored = scoredBySection.flatMap { $0 }
    let overallRatio: Double?
    switch model {
    case .weighted:
      let counted = zip(checklist.sections, scoredBySection).compactMap { section, scored in
        ratio(scored).map { (weight: section.weight, score: $0) }
      }
      let totalWeight = counted.reduce(0) { $0 + $1.weight }
      overallRatio = totalWeight > 0 ? counted.reduce(0) { $0 + $1.weight * $1.score } / totalWeight : nil
    case .flat, .flatUnweighted:
      overallRatio = ratio(allScored)
    case .absolute:
      overallRatio = allPass(allScored)
    }
    let overall = overallRatio.map(percent)

    let focusAreas = FocusArea.allCases.compactMap { area -> FocusAreaScore? in
      let tagged = checklist.items.filter { $0.tags.contains(area.tag) }
      guard !tagged.isEmpty else { return nil }
      // Flat-weighted with the items' own weights, whatever the model, as the format promises.
      let scored = tagged.compactMap { item -> Scored? in
        guard applicability.isApplicable(item.id),
          let score = item.score(for: states[item.id] ?? .unanswered, partialCredit: credit)
        else { return nil }
        return Scored(item: item, score: score, weight: item.weight)
      }
      return FocusAreaScore(
        tag: area.tag, score: ratio(scored).map(percent), points: points(scored),
        scoredItems: scored.count)
    }

    let bands = checklist.scoring.ratingBands
    let lowest = bands.min { $0.from < $1.from }
    // The band of the score as every report shows it, to one decimal: a score printed as 70.0 is rated
    // "good" (70–<90) even when it is 69.96 before rounding, so the number and the rating never disagree.
    var rating = overall.flatMap { score in bands.first { $0.contains(Self.shown(score)) } }
    let forced = !criticalFailures.isEmpty && rating != lowest
    if !criticalFailures.isEmpty { rating = lowest }

    return ScoreReport(
      model: model, overall: overall, rating: rating, ratingForcedByCriticalFailure: forced,
      points: points(allScored), sections: sections, focusAreas: focusAreas,
      criticalFailures: criticalFailures,
      completeness: Completeness(answered: answered, skipped: skipped, applicable: applicable),
      provisional: !finished)
  }
}

extension Scorer {
  /// `score` rounded to one decimal, half away from zero: the precision of every report.
  ///
  /// - Parameter score: A score 0…100.
  public static func shown(_ score: Double) -> Double { (score * 10).rounded() / 10 }
}

/// `ratio` × 100, rounded to 9 decimal places: floating-point division leaves scores that are exact by hand a
/// hair below their value (57 % as 56.99999999999999), which would rate them in the band below a boundary and
/// print numbers no one can recompute.
private func percent(_ ratio: Double) -> Double {
  (ratio * 100 * 1e9).rounded() / 1e9
}

extension Audit {
  /// The audit's scores under its checklist's model, or under `model`.
  ///
  /// - Parameter model: A scoring model; the checklist's own by default.
  public func score(model: ScoringModel? = nil) -> ScoreReport {
    Scorer.score(
      checklist: checklist, states: states, context: header.context, day: startDay, model: model,
      finished: isFinished)
  }
}
