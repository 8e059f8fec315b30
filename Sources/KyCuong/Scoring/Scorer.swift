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
    score(
      checklist: checklist, states: states,
      applicability: Applicability(checklist: checklist, states: states, context: context, day: day),
      model: model, finished: finished)
  }

  /// Scores `checklist` as ``score(checklist:states:context:day:model:finished:)`` does, with the
  /// applicability of its items already worked out (from the same states, context and day).
  ///
  /// - Parameters:
  ///   - checklist: The checklist.
  ///   - states: Each item's state by id.
  ///   - applicability: Which items apply.
  ///   - model: The model; the checklist's own by default.
  ///   - finished: Whether the audit is finished.
  /// - Returns: The report.
  package static func score(
    checklist: Checklist, states: [ItemID: ItemState], applicability: Applicability, model: ScoringModel?,
    finished: Bool
  ) -> ScoreReport {
    let model = model ?? checklist.scoring.model
    let credit = checklist.scoring.partialCredit

    struct Scored {
      var score: Double
      var weight: Double
    }
    func effectiveWeight(_ weight: Double) -> Double {
      model == .flatUnweighted ? (weight > 0 ? 1 : 0) : weight
    }

    var answered = 0
    var skipped = 0
    var applicable = 0
    var criticalFailures: [ItemID] = []
    var scoredBySection: [[Scored]] = []
    // Items are read in place (`items[index].…` through a buffer), not copied: an item holds a dozen texts
    // and lists.
    for section in checklist.sections {
      var scored: [Scored] = []
      section.items.withUnsafeBufferPointer { items in
        for index in items.indices where applicability.isApplicable(items[index].id) {
          applicable += 1
          let state = states[items[index].id] ?? .unanswered
          switch state {
          case .answered: answered += 1
          case .skipped: skipped += 1
          case .unanswered: break
          }
          guard let score = items[index].score(for: state, partialCredit: credit) else { continue }
          if items[index].critical && score < 1 { criticalFailures.append(items[index].id) }
          scored.append(Scored(score: score, weight: effectiveWeight(items[index].weight)))
        }
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
      let tag = area.tag
      var tagged = false
      var scored: [Scored] = []
      for section in checklist.sections {
        section.items.withUnsafeBufferPointer { items in
          for index in items.indices where items[index].tags.contains(tag) {
            tagged = true
            // Flat-weighted with the items' own weights, whatever the model, as the format promises.
            guard applicability.isApplicable(items[index].id),
              let score = items[index].score(
                for: states[items[index].id] ?? .unanswered, partialCredit: credit)
            else { continue }
            scored.append(Scored(score: score, weight: items[index].weight))
          }
        }
      }
      guard tagged else { return nil }
      return FocusAreaScore(
        tag: tag, score: ratio(scored).map(percent), points: points(scored),
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
  /// - Returns: `score` to the nearest tenth, a tie rounded away from zero (56.25 gives 56.3).
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
  /// - Returns: The report of the audit's states, context and first day, provisional until the audit is
  ///   finished.
  public func score(model: ScoringModel? = nil) -> ScoreReport {
    Scorer.score(
      checklist: checklist, states: states, context: header.context, day: startDay, model: model,
      finished: isFinished)
  }
}
